# A RUN that fills dnf's or microdnf's cache must clean it, or the cache ships in the layer.
FROM fedora:41 AS base

# expect: DL3040:5
RUN dnf install -y wget-1.24.5

ENV LANG=C.UTF-8

# A clean before the install does not help, and microdnf's clean is not dnf's.
# expect: DL3040:34
RUN rm -rf /var/cache/libdnf5 && dnf in -y git-core-2.47.1

WORKDIR /srv

# expect: DL3040:5
RUN dnf -y upgrade && microdnf clean all

EXPOSE 3306

# The clean must follow the last install, not only the first.
RUN dnf install -y httpd-2.4.62 \
 && dnf clean all \
# expect: DL3040:5
 && dnf reinstall -y httpd-2.4.62

ENV PHP_INI_DIR=/etc/php.d

# Clean-ups: clean all (yum's counts too: they are one program), removing a cache directory,
# or a cache or tmpfs mount over it.
RUN dnf install -y php-8.3.14 && dnf clean all

ENV PHP_SAPI=cli

RUN dnf install -y php-cli-8.3.14 && yum clean all

ENV PHP_VERSION=8.3.14

RUN dnf install -y php-gd-8.3.14 && rm -rf /var/cache/dnf/* /var/cache/libdnf5

STOPSIGNAL SIGQUIT

RUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y php-xml-8.3.14

LABEL org.opencontainers.image.title=php

RUN --mount=type=tmpfs,target=/var/cache/dnf dnf install -y php-mbstring-8.3.14

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5 AS minimal
# expect: DL3040:5
RUN microdnf install -y shadow-utils-4.9

ENV LANG=C.UTF-8

RUN microdnf install -y tar-1.34 && microdnf clean all

WORKDIR /opt

RUN <<EOF
set -e
microdnf install -y gzip-1.12
rm -rf /var/cache/yum
EOF

FROM base
# expect: DL3040:13
ONBUILD RUN dnf install -y php-pdo-8.3.14
