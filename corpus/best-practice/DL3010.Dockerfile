# DL3010: a local tar archive copied in and unpacked by a later RUN; ADD unpacks it itself.
FROM debian:12.7 AS tools
WORKDIR /opt
# expect: DL3010:6
COPY tools.tar.gz /opt/
RUN tar -xzf /opt/tools.tar.gz -C /opt \
    && rm /opt/tools.tar.gz

FROM debian:12.7 AS old-style
WORKDIR /srv
# The destination names the archive; old-style tar options, in a chain.
# expect: DL3010:22
COPY release-1.4.tgz /srv/release.tgz
RUN echo unpacking && tar xzf release.tgz && rm release.tgz

FROM debian:12.7 AS decompress
WORKDIR /srv
# expect: DL3010:6
COPY data.tar.xz /srv/
RUN unxz /srv/data.tar.xz \
    && tar -xf /srv/data.tar

FROM debian:12.7 AS heredoc
WORKDIR /srv
# expect: DL3010:6
COPY site.tar /srv/
RUN <<EOT
set -e
tar --extract --file=/srv/site.tar --directory=/srv
rm /srv/site.tar
EOT

FROM debian:12.7 AS silent
WORKDIR /srv
# ADD cannot strip leading directories, pick members, or unzip.
COPY app.tar.gz node.tar.xz bundle.zip /srv/
RUN tar -xzf app.tar.gz --strip-components=1 -C /srv/app \
    && tar -xJf node.tar.xz node/bin/node \
    && unzip bundle.zip
# Piped into another program, or only listed.
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
COPY images.tar.gz /srv/
RUN zcat images.tar.gz | wc -c \
    && tar -tzf images.tar.gz
# A plain gzip file is not a tar archive, and ADD would copy it as it is.
COPY words.gz /srv/
RUN gunzip words.gz
# Unpacked before it is copied, or copied from another stage, or in an ONBUILD trigger.
COPY --from=tools /opt/tools.tar.gz /srv/
RUN tar -xzf tools.tar.gz -C /srv
ONBUILD COPY plugin.tar /srv/
ONBUILD RUN tar -xf plugin.tar

FROM debian:12.7
WORKDIR /srv
COPY --from=silent /srv /srv
# Extracted in a later stage than the one that copied it.
RUN tar -xf /srv/site.tar
