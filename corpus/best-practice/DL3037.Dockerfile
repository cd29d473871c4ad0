# zypper installs should name the version of every package.
FROM opensuse/leap:15.6 AS base

# expect: DL3037:23
RUN zypper install -y tomcat && zypper clean

ENV TOMCAT_VERSION=9.0.89

# name=version, a bound (quoted or escaped for the shell), name-version, an .rpm file, a
# variable, a pattern and option values are pinned or have nothing to pin.
RUN zypper install -y --repo oss \
      tomcat=9.0.89 \
      'tomcat-lib>=9.0' \
      tomcat-webapps\<10 \
      tomcat-el-3_0-api-9.0.89 \
      /tmp/local-1.0-1.noarch.rpm \
      "tomcat-admin-webapps=${TOMCAT_VERSION}" \
      pattern:devel_basis \
 && zypper install -y -t pattern lamp_server \
 && zypper clean

WORKDIR /srv

RUN zypper install -y \
      java-17-openjdk-headless=17.0.13 \
# expect: DL3037:7
      curl \
# expect: DL3037:25
 && zypper in -y -r oss unzip \
 && zypper clean

FROM base
# expect: DL3037:29
ONBUILD RUN zypper in -y -n git-core && zypper clean
