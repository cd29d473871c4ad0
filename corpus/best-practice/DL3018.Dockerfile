# DL3018: every package of `apk add` carries a version constraint.
FROM alpine:3.20

# expect: DL3018:39
RUN apk add --no-cache bash=5.2.26-r0 curl git~2.45
WORKDIR /opt

# Any constraint pins: =, ~, ~=, =~, >=, <; a local .apk file is what it is.
RUN apk add --no-cache \
      "jq=1.7.1-r0" \
      "less~643" \
      "tzdata>=2024a-r0" \
      "xz<6" \
      "zstd=~1.5" \
      /tmp/vendor-tool-1.0-r0.apk

WORKDIR /srv

# The values of --virtual and --repository are not packages.
RUN apk add --no-cache --virtual .build-deps \
      --repository https://dl-cdn.alpinelinux.org/alpine/edge/testing \
# expect: DL3018:7
      make \
      gcc=13.2.1_git20240309-r0

WORKDIR /srv/app

# A package list from a variable may hold its own pins.
ARG PACKAGES
RUN apk add --no-cache "$PACKAGES"
WORKDIR /srv/app/data

# Heredoc RUNs are read like any other.
RUN <<EOF
set -e
# expect: DL3018:20
apk add --no-cache file
apk add --no-cache patch=2.7.6-r10
EOF

# expect: DL3018:32
ONBUILD RUN apk add --no-cache unzip
