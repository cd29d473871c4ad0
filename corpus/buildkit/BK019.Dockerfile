# BK019 UndefinedArgInFrom: FROM sees the global ARGs and the predefined platform ARGs only.
ARG ALPINE_VERSION=3.20
ARG MY_ARCH=amd64
ARG DEBUG
FROM alpine:${ALPINE_VERSION}${DEBUG} AS base
FROM --platform=$BUILDPLATFORM alpine:${ALPINE_VERSION} AS tools
# expect: BK019:23
FROM --platform=linux/${MYARCH} alpine:${ALPINE_VERSION} AS arch
# expect: BK019:30
FROM alpine:${ALPINE_VERSION}${variant} AS b
# expect: BK019:17
FROM --platform=$BULIDPLATFORM alpine:3.20 AS c
FROM base
