FROM debian:12.7
WORKDIR /tmp/debs
# A file named -rf.deb would be read as options.
# expect: SC2035:13
RUN dpkg -i *.deb \
# expect: SC2035:19
    && chmod 0644 ?.conf \
    && rm -f ./*.deb -- *.tmp \
    && echo *.deb "$(ls -- *.conf)" \
    && cp /tmp/debs/*.list /etc/apt/sources.list.d/
