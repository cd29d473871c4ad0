# DL3019: `apk add` leaves no package index behind.
FROM alpine:3.20

# expect: DL3019:5
RUN apk add bash=5.2.26-r0
WORKDIR /opt

# `apk update` or -U first does not help: the index stays in /var/cache/apk.
# expect: DL3019:19
RUN apk update && apk add curl=8.9.1-r2
WORKDIR /srv

# --no-cache before or after the subcommand.
RUN apk --no-cache add git=2.45.2-r0 && apk add --no-cache jq=1.7.1-r0
WORKDIR /srv/app

# A cache or tmpfs mount at /var/cache/apk keeps the index out of the layer.
RUN --mount=type=cache,target=/var/cache/apk apk add -U less=643-r2

RUN --mount=type=tmpfs,target=/var/cache apk add -U tzdata=2024a-r1

# A mount elsewhere does not.
# expect: DL3019:46
RUN --mount=type=cache,target=/var/cache/foo apk add -U xz=5.6.2-r0

# Deleting the cache in the same RUN keeps it out of the layer too.
RUN apk add -U zstd=1.5.6-r0 \
 && rm -rf /var/cache/apk/*
WORKDIR /srv/app/data

# Heredoc RUNs are read like any other.
RUN <<EOF
set -e
# expect: DL3019:1
apk add file=5.45-r1
EOF

# expect: DL3019:13
ONBUILD RUN apk add unzip=6.0-r14
