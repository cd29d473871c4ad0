# yum asks `Is this ok [y/N]` before it changes packages, and a build cannot answer.
FROM centos:7.9.2009 AS web

# expect: DL3030:5
RUN yum install httpd-2.4.6 && yum clean all

ENV APP_HOME=/srv/app

# In a chain over continued lines only the command that changes packages counts.
RUN yum makecache \
# expect: DL3030:5
 && yum --enablerepo=extras install \
      mod_ssl-2.4.6 \
 && yum info mod_ssl \
 && yum clean all

WORKDIR /srv/app

# -y, --assumeyes, a cluster holding y, and assumeyes set through --setopt are all answers.
RUN yum -y install php-5.4.16 \
 && yum install --assumeyes php-cli-5.4.16 \
 && yum -qy update \
 && yum --setopt=assumeyes=1 remove php-pear \
 && yum clean all

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# A yum fed by a pipe gets its answers there.
RUN yes | yum install php-gd-5.4.16 && yum clean all

# A heredoc RUN is a script like any other.
RUN <<EOF
set -e
yum install -y php-xml-5.4.16
# expect-line: 36 DL3030:1
yum remove php-gd
yum clean all
EOF

# Exec form runs yum without a shell, and still without an answer; the cache mount keeps the
# cache out of the layer.
# expect: DL3030:47
RUN --mount=type=cache,target=/var/cache/yum ["yum", "install", "php-mbstring-5.4.16"]

FROM centos:7.9.2009
# expect: DL3030:13
ONBUILD RUN yum groupinstall "Development Tools" && yum clean all
