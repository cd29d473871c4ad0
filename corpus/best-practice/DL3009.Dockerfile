# DL3009: the lists `apt-get update` downloads are deleted in the same RUN, in the image that ships.

# A build stage that is only copied from never reaches the final image, nor does the stage it
# is built FROM: not reported.
FROM debian:12.7 AS toolchain
RUN apt-get update && apt-get install -y --no-install-recommends make=4.3-4.1

FROM toolchain AS build
RUN apt-get update && apt-get install -y --no-install-recommends gcc=4:12.2.0-3
WORKDIR /src

# The base of the final stage is shipped, two levels down too.
FROM debian:12.7 AS base
# expect: DL3009:5
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8

FROM base AS runtime-base
WORKDIR /app

FROM runtime-base
COPY --from=build /src/out /usr/local/bin/tool

# Deleting the lists in a later RUN does not shrink the layer that wrote them.
# expect: DL3009:5
RUN apt-get update && apt-get install -y --no-install-recommends git=1:2.39.5-0+deb12u1
WORKDIR /app/data
RUN rm -rf /var/lib/apt/lists/* && rm -rf /tmp/* && rm -rf /var/tmp/*

# Cleaning before the update leaves the fresh lists behind.
# expect: DL3009:36
RUN rm -rf /var/lib/apt/lists/* && apt-get update \
 && apt-get install -y --no-install-recommends less=590-2.1~deb12u2

# The usual clean-up, spelt in any way, at the end of the RUN.
RUN apt-get update \
 && apt-get install -y --no-install-recommends file=1:5.44-3 \
 && rm -fr /var/lib/apt/lists

WORKDIR /app/cache

RUN apt-get update \
 && apt-get install -y --no-install-recommends patch=2.7.6-7 \
 && rm -r -f /var/lib/apt/lists/*

# A cache or tmpfs mount over the lists keeps them out of the layer.
RUN --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \
    --mount=type=cache,target=/var/cache/apt,sharing=locked \
    apt-get update && apt-get install -y --no-install-recommends jq=1.6-2.1

WORKDIR /app/tmp

RUN --mount=type=tmpfs,target=/var/lib/apt \
    apt-get update && apt-get install -y --no-install-recommends xz-utils=5.4.1-0.2

WORKDIR /app/more

# A cache over the downloaded archives only does not cover the lists.
# expect: DL3009:46
RUN --mount=type=cache,target=/var/cache/apt apt-get update \
 && apt-get install -y --no-install-recommends tzdata=2024a-0+deb12u1

# Heredoc RUNs are read like any other.
RUN <<EOF
set -e
# expect: DL3009:1
apt-get update
apt-get install -y --no-install-recommends unzip=6.0-28
EOF

# ONBUILD triggers run in images built from this one.
# expect: DL3009:13
ONBUILD RUN apt-get update && apt-get install -y --no-install-recommends zip=3.0-13
