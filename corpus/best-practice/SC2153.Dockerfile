FROM debian:12.7
ENV PG_VERSION=16.4
ARG PG_MAJOR=16

# One letter off a name the Dockerfile sets: almost surely a typo.
# expect: SC2153:23
RUN echo "$PG_VERSION $PG_MAJR $APT_OPTIONS" > /etc/pg-version \
# expect: SC2153:14
    && echo "${PG_VERISON}" >> /etc/pg-version

# A proxy variable is set for every RUN; HTTP_PROXY spelt RTTP_PROXY is caught too.
# expect: SC2153:19
ONBUILD RUN echo "$RTTP_PROXY"
