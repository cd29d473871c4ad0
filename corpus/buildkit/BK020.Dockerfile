# BK020 UndefinedVar: variables are defined by ARG and ENV before their use.
FROM scratch AS rootfs
ARG foo
COPY Dockerfile${foo} /
# expect: BK020:10
ENV PATH=$PAHT:/tmp/bin
# In one ENV the values see the variables as they were before it.
# expect: BK020:11
ENV a=1 b=$a
# A global ARG is seen only after `ARG NAME` in the stage.
# expect: BK020:6
COPY $TARGETARCH/ /bin/
ARG TARGETARCH
COPY $TARGETARCH/ /bin/
# RUN bodies are the shell's business; RUN --mount is expanded.
RUN echo $undefined_in_shell
# expect: BK020:31
RUN --mount=type=cache,target=$CACHE_DIR echo
# EXPOSE is expanded without the check.
EXPOSE $PORT

# A stage built on another sees its ARGs and ENVs.
FROM rootfs
COPY $foo /copy
ENV c=$a

# From an image whose ENV dockvet cannot see, only what the image cannot explain is reported:
# a use before the ARG that declares it, and a near-miss of a name the file declares.
FROM golang:1.23.2 AS build
WORKDIR $GOPATH/src/app
ARG DIR_BINARIES=binaries/
ARG DIR_ASSETS=assets/
# expect: BK020:6
COPY $DIR_ASSET /assets/
# expect: BK020:6
COPY $foo /foo
ARG foo=bar
RUN echo $foo
COPY --chown=$APP_UID:$APP_GID . /src
