# syntax=docker/dockerfile:1
FROM debian:12.7
ARG APP_HOME=/srv/app
ARG CONFIG_FLAGS="--prefix=/usr --disable-nls"
ENV RELEASE=2.4.1

# An ARG can be overridden with --build-arg, so its value may hold blanks.
# expect: SC2086:14
RUN mkdir -p $APP_HOME \
# An ENV set to a blank-free value is fixed at build time, as safe as `jobs=4` below.
    && echo ${RELEASE} > "$APP_HOME/RELEASE-$RELEASE" \
# The same variable in double quotes or in an assignment is not split.
    && cp "$APP_HOME/RELEASE-$RELEASE" /tmp/ \
    && copy="$APP_HOME" \
    && echo "$copy"

# A variable the RUN sets to a blank-free literal or a number is safe; $?, $# and $$ too.
# A package list given to a package manager is meant to be split (sh has no arrays).
RUN set -eu; jobs=4; for dir in etc lib; do mkdir -p "/opt/$dir"; done; \
    echo $jobs $? $# $$ $((jobs + 1)) ${#APP_HOME}; \
    savedAptMark="$(apt-mark showmanual)"; apt-mark manual $savedAptMark

# Inside a command substitution the inner command's arguments are judged on their own.
# expect: SC2086:39
RUN echo "built on $(uname -m) $(echo $CONFIG_FLAGS)" > /etc/build-info

# In a heredoc script the positions are the file's.
RUN <<EOF
set -eu
# expect-line: 31 SC2086:13
./configure $CONFIG_FLAGS
case $RELEASE in 2.*) echo "two" ;; esac
[ -n "$RELEASE" ] && echo "$RELEASE"
EOF

# ONBUILD triggers run in the child build: same rule.
# expect: SC2086:18
ONBUILD RUN echo $APP_HOME > /srv/HOME

# In bash, [[ ]] does not split.
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN [[ -d $APP_HOME ]] && echo "${APP_HOME}" | tr '/' '-'
