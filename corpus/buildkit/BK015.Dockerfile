# BK015 RedundantTargetPlatform: a stage is built for the target platform anyway.
# expect: BK015:17
FROM --platform=$TARGETPLATFORM alpine:3.20 AS a
# expect: BK015:17
FROM --platform=${TARGETPLATFORM} alpine:3.20 AS b
FROM --platform=$BUILDPLATFORM golang:1.23.2 AS build
FROM alpine:3.20
