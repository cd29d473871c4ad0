# A RUN that fills zypper's cache must clean it, or the cache ships in the layer.
FROM opensuse/leap:15.6 AS base

# expect: DL3036:5
RUN zypper install -y wget=1.21.4

ENV LANG=C.UTF-8

# A clean before the install does not help.
# expect: DL3036:24
RUN zypper clean -a && zypper install -y git-core=2.43.0

WORKDIR /srv

# The clean must follow the last install, not only the first.
RUN zypper install -y apache2=2.4.51 \
 && zypper cc \
# expect: DL3036:5
 && zypper install -y apache2-utils=2.4.51

EXPOSE 80

# Clean-ups: zypper clean (cc), removing the cache, or a cache or tmpfs mount over it.
RUN zypper install -y php8=8.2.26 && zypper clean --all

ENV PHP_INI_DIR=/etc/php8

RUN zypper install -y php8-cli=8.2.26 && rm -rf /var/cache/zypp/*

ENV PHP_SAPI=cli

RUN --mount=type=cache,target=/var/cache/zypp zypper install -y php8-gd=8.2.26

STOPSIGNAL SIGQUIT

RUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y php8-xml=8.2.26

USER 30

FROM base
# expect: DL3036:13
ONBUILD RUN zypper install -y php8-mbstring=8.2.26
