# DL3061: a Dockerfile starts with FROM, ARG or comments. BuildKit refuses the first stray
# instruction too (DV015).
ARG NODE_VERSION=22.11.0
# expect: DV015 DL3061:1
LABEL org.opencontainers.image.source=https://example.com/app
# expect: DL3061:1
ONBUILD COPY . /srv/app/
# expect: DL3061:1
EXPOSE 3000

FROM node:${NODE_VERSION}
ARG BUILD_ID=local
LABEL org.opencontainers.image.revision=${BUILD_ID}
