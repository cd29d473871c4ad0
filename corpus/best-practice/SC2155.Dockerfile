FROM debian:12.7
# export returns 0 even when mktemp fails.
# expect: SC2155:22
RUN set -eux; export GNUPGHOME="$(mktemp -d)"; \
    gpg --batch --list-keys; \
# Assigned first and exported after, or a value without a substitution: silent.
    tmp="$(mktemp -d)"; export tmp; export LANG=C.UTF-8; \
    rm -rf "$GNUPGHOME" "$tmp"
