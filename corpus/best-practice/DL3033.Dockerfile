# yum installs should name the version of every package.
FROM centos:7.9.2009 AS base

# expect: DL3033:20
RUN yum install -y tomcat && yum clean all

ARG GIT_VERSION=1.8.3.1-25.el7_9
ENV PYTHON_VERSION=2.7.5

# name-version, name-version-release, an epoch, a dash in the name, an .rpm file, a URL to one,
# a variable declared by ARG or ENV, a group and a module stream are all pinned (or have no
# version to pin).
RUN yum install -y \
      tomcat-7.0.76 \
      rpm-sign-4.11.3-48.el7_9 \
      openssl-1:1.0.2k \
      gcc-c++-4.8.5 \
      /tmp/local-1.0-1.noarch.rpm \
      https://download.example.org/el7/tool-2.1-1.el7.x86_64.rpm \
      "git-${GIT_VERSION}" \
      "python-${PYTHON_VERSION}" \
      "@Development Tools" \
 && yum module install -y nodejs:20 \
 && yum clean all

WORKDIR /srv

# A dash alone is not a version, a module needs its stream, and an option's value is not a
# package.
RUN yum install -y --enablerepo extras \
# expect: DL3033:7
      rpm-sign \
# expect: DL3033:7
      python-devel \
# expect: DL3033:27
 && yum module install -y nodejs \
 && yum clean all

FROM centos:7.9.2009
# An ENV of another stage does not reach this one.
# expect: DL3033:20
RUN yum install -y "python-${PYTHON_VERSION}" && yum clean all

ENV LANG=C.UTF-8

# A variable the RUN sets itself counts.
RUN v=2.7.5 && yum install -y "python-libs-${v}" && yum clean all

USER 1001

FROM base
# expect: DL3033:31
ONBUILD RUN yum install -y -q wget && yum clean all
