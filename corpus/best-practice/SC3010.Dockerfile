FROM debian:12.7
# dash runs `[[` as a program that does not exist.
# expect: SC3010:8
RUN if [[ -f /etc/app.conf ]]; then rm /etc/app.conf; fi \
# expect: SC3010:8
    && [[ -d /srv ]] && chown -R www-data /srv

# `[ ]` is POSIX, and under bash `[[ ]]` is fine.
RUN if [ -f /etc/app.conf ]; then rm /etc/app.conf; fi
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN if [[ -f /etc/app.conf ]]; then rm /etc/app.conf; fi
