# dnf (and microdnf since 3.6) asks `Is this ok [y/N]` before it changes packages.
FROM fedora:41 AS tools

# expect: DL3038:5
RUN dnf install httpd-2.4.62 && dnf clean all

ENV LANG=C.UTF-8

# Aliases count as their action; continued lines and chains are read command by command.
RUN dnf -y makecache \
# expect: DL3038:5
 && dnf in \
      mod_ssl-2.4.62 \
# expect: DL3038:5
 && dnf upgrade --refresh \
 && dnf clean all

WORKDIR /srv

# Answered: -y, --assumeyes, a cluster, --setopt=assumeyes=True; `dnf info` asks nothing.
RUN dnf -y install php-8.3.14 \
 && dnf install --assumeyes php-cli-8.3.14 \
 && dnf -qy remove php-pear \
 && dnf --setopt=assumeyes=True group install "Development Tools" \
 && dnf info php \
 && dnf clean all

FROM registry.access.redhat.com/ubi9/ubi-minimal:9.5
# expect: DL3038:5
RUN microdnf install shadow-utils-4.9 && microdnf clean all

ENV APP_ROOT=/opt/app

# A heredoc RUN.
RUN <<EOF
set -e
# expect-line: 38 DL3038:1
microdnf module enable nodejs:20
microdnf install -y nodejs-20.18.1
microdnf clean all
EOF

# A program whose name only ends in dnf is not dnf.
# expect: DL3038:13
ONBUILD RUN dnf install python3-3.12.8 && notdnf install python3 && dnf clean all

USER 1001
