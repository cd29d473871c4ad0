# DL3008: every package of `apt-get install` carries a version.
FROM debian:12.7

ARG JQ_VERSION=1.6-2.1
ENV CURL_VERSION=7.88.1-10+deb12u8

# Unpinned packages are reported at their own line and column, pinned ones are not.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
# expect: DL3008:7
      git \
      ca-certificates=20230311 \
# expect: DL3008:7
      tzdata \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /opt

# A pin through a variable, a glob pin, a local .deb, a release and a removal: all fine.
RUN apt-get update \
 && apt-get install -y --no-install-recommends "curl=${CURL_VERSION}" "jq=${JQ_VERSION}" \
      wget=1.21.* ./vendor/tool_1.0_amd64.deb nano/bookworm-backports vim-tiny- \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /srv

# Options before and after the subcommand; -t takes the release, not a package.
# expect: DL3008:88
RUN apt-get update && apt-get -t bookworm-backports -y install --no-install-recommends less \
 && rm -rf /var/lib/apt/lists/*

# A whole package list from a variable may hold its own pins: not reported.
ARG PACKAGES
RUN apt-get update \
 && apt-get install -y --no-install-recommends "$PACKAGES" \
 && rm -rf /var/lib/apt/lists/*

# Heredoc RUNs are read like any other.
RUN <<EOF
set -e
apt-get update
# expect: DL3008:44
apt-get install -y --no-install-recommends file
apt-get install -y --no-install-recommends patch=2.7.6-7
rm -rf /var/lib/apt/lists/*
EOF

# ONBUILD triggers run in images built from this one.
# expect: DL3008:74
ONBUILD RUN apt-get update && apt-get install -y --no-install-recommends make \
 && rm -rf /var/lib/apt/lists/*

# Other subcommands and programs install nothing by name.
RUN apt-get update && apt-get upgrade -y && apt-get dist-upgrade -y \
 && rm -rf /var/lib/apt/lists/*

# Exec form runs the array as a command.
# expect: DL3008:61
RUN ["apt-get", "install", "-y", "--no-install-recommends", "xz-utils"]
