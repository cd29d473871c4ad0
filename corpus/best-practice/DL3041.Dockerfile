# dnf and microdnf installs should name the version of every package.
FROM fedora:41 AS base

# expect: DL3041:20
RUN dnf install -y tomcat && dnf clean all

ARG GIT_VERSION=2.47.1-1.fc41
ENV PYTHON_VERSION=3.13.1

# name-version, name-version-release, an epoch, a dash or a plus in the name, an .rpm file,
# a variable declared by ARG or ENV, a bound, a glob, the running kernel's version, a group
# and a module stream are pinned (or have no version to pin).
RUN dnf install -y --enablerepo updates-testing \
      tomcat-10.1.34 \
      rpm-sign-4.20.0-1.fc41 \
      openssl-1:3.2.2 \
      gcc-c++-14.2.1 \
      /tmp/local-1.0-1.noarch.rpm \
      "git-core-${GIT_VERSION}" \
      "python3-${PYTHON_VERSION}" \
      "nodejs-22*" \
      'nodejs-devel >= 22' \
      "kernel-devel-$(uname -r)" \
      @development-tools \
 && dnf group install -y "C Development Tools and Libraries" \
 && dnf module install -y nodejs:22 \
 && dnf clean all

WORKDIR /srv

# A dash alone is not a version, and a module needs its stream.
RUN dnf in -y \
# expect: DL3041:7
      rpm-sign \
# expect: DL3041:7
      python3-devel \
# expect: DL3041:27
 && dnf module install -y nodejs \
 && dnf clean all

FROM fedora:41 AS other
# An ENV of another stage does not reach this one.
# expect: DL3041:20
RUN dnf install -y "python3-${PYTHON_VERSION}" && dnf clean all

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5
# expect: DL3041:25
RUN microdnf install -y tar && microdnf clean all

ENV LANG=C.UTF-8

RUN <<EOF
set -e
# expect-line: 55 DL3041:21
microdnf install -y gzip
microdnf clean all
EOF

# expect: DL3041:33
ONBUILD RUN microdnf install -y findutils && microdnf clean all
