FROM debian:12.7
# When make install fails, the || branch runs too and hides the failure.
# expect: SC2015:5
RUN command -v make && make install || rm -rf /usr/src/app
WORKDIR /srv
# expect: SC2015:13
RUN set -u; [ -d /srv ] && chown -R www-data /srv || { echo "no /srv" >&2; exit 1; }
WORKDIR /srv

# A test in the middle, or a last branch that only prints, exits or is `true`: silent.
RUN [ -f /etc/app.conf ] && rm /etc/app.conf || echo "nothing to remove"; \
    command -v gosu && gosu nobody true || exit 1; \
    if command -v make && make -v || false; then echo "make works"; fi
