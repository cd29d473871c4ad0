# DL3000: WORKDIR takes an absolute path.
FROM debian:12.7

# expect: DL3000:9
WORKDIR app
WORKDIR /srv/app

# Quotes do not make a path absolute.
# expect: DL3000:9
WORKDIR "relative/dir"
WORKDIR "/usr/local/share"

# A path that starts with a variable is the variable's business.
WORKDIR ${HOME}
WORKDIR $APP_HOME/data

# Relative all the same, even with a variable further on.
# expect: DL3000:9
WORKDIR build/${TARGET}

# Windows drive paths are absolute.
WORKDIR C:/tools

# A continued line, with a comment line inside that BuildKit drops.
WORKDIR \
# expect: DL3000:5
    logs

# An ONBUILD trigger runs in the child's build, against the child's WORKDIR.
ONBUILD WORKDIR plugins

WORKDIR /srv/app
