# DL3044: an ENV value refers to a variable the same ENV sets before it.
FROM debian:12.7
# expect: DL3044:31
ENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin
# expect: DL3044:30 DL3044:58
ENV DATA_DIR=/srv APP_CACHE="${DATA_DIR}/cache" APP_LOGS=${DATA_DIR:-/var}/logs
# expect-line: 9 DL3044:62
ENV JAVA_HOME=/opt/java \
    PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin JAVA_BIN=$JAVA_HOME/bin
# Set in an ENV of its own first.
ENV CONF_DIR=/etc/app
ENV CONF_FILE=$CONF_DIR/app.conf
# Defined before this ENV: the reader expects the earlier value.
ENV CONF_DIR=/etc/app2 CONF_BACKUP=$CONF_DIR.bak
# Its own earlier value, a variable set later in the ENV, escaped or single-quoted dollars.
ENV PATH=/opt/app/bin:$PATH
ENV LOG_LEVEL=${LEVEL:-info} LEVEL=debug
ENV GREETING=hello MESSAGE="\$GREETING world" QUOTED='$GREETING'
# A name that only starts like the variable.
ENV CACHE=/var/cache CACHE_DIR=$CACHE_ROOT/app
