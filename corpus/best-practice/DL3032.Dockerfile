# A RUN that fills yum's cache must clean it, or the cache ships in the layer.
FROM centos:7.9.2009 AS base

# expect: DL3032:5
RUN yum install -y wget-1.14

ENV LANG=C.UTF-8

# A clean before the install does not help.
# expect: DL3032:22
RUN yum clean all && yum install -y git-1.8.3.1

WORKDIR /srv

# The clean must follow the last install, not only the first.
RUN yum install -y httpd-2.4.6 \
 && yum clean all \
# expect: DL3032:5
 && yum install -y mod_ssl-2.4.6

LABEL org.opencontainers.image.title=web

# An rm of an unrelated directory is not a clean-up.
# expect: DL3032:5
RUN yum -y update && rm -rf /tmp/build

EXPOSE 80

# Clean-ups: yum clean all, removing the cache (yum is dnf on RHEL 8+), or a cache mount.
RUN yum install -y php-5.4.16 && yum clean all

ENV PHP_INI_DIR=/etc/php.d

RUN yum install -y php-cli-5.4.16 \
 && rm -rf /var/cache/yum/*

ENV PHP_VERSION=5.4.16

RUN yum install -y php-gd-5.4.16 && rm -rf /var/cache/dnf

ENV PHP_SAPI=cli

RUN --mount=type=cache,target=/var/cache/yum yum install -y php-xml-5.4.16

STOPSIGNAL SIGQUIT

RUN <<EOF
set -e
yum install -y php-mbstring-5.4.16
yum clean all
EOF

FROM base
# expect: DL3032:13
ONBUILD RUN yum install -y php-pdo-5.4.16
