FROM debian:12.7
ARG PLUGIN_DIR=/usr/lib/plugins

# expect: SC2046:14
RUN chown -R $(cat /etc/app-user):0 "$PLUGIN_DIR" \
# Backticks are command substitutions too; the position is the file's on a continued line.
# expect: SC2046:19
    && chmod 0755 `dirname "$PLUGIN_DIR"`

# Quoted, assigned, in a for list, or a list meant for splitting (seq): silent.
RUN set -eu; \
    arch="$(dpkg --print-architecture)"; \
    echo "$arch" "$(uname -r)"; \
    for n in $(seq 1 3); do mkdir -p "/srv/shard-$n"; done; \
    touch $(seq -f '/srv/shard-%g/.keep' 1 3); \
# Output that is one blank-free word, or an option or nothing: silent.
    make -j$(nproc) $(test "$arch" = 'riscv64' && echo '--without-jit') \
        ARCH=$(dpkg --print-architecture)

RUN <<EOF
set -eu
# expect-line: 23 SC2046:7
rm -f $(find /tmp -name '*.tmp')
EOF
