# DL3006: every FROM image has a tag (or a digest).
ARG BASE_IMAGE=debian:12.7
ARG REGISTRY=registry.example.com

# expect: DL3006:6
FROM debian AS untagged
# expect: DL3006:6
FROM registry.example.com:5000/team/app AS private

FROM golang:1.23.2 AS build
# An earlier stage is no image to tag.
FROM build AS test
FROM ruby@sha256:2b8c8b42bd0e3a4c0cd1f8f53a2ebd2dd5b2f7bca57e4b2df5c6a0f0b0a6f0d1 AS digest

# A variable may carry the whole reference, tag included.
FROM ${BASE_IMAGE} AS from-arg
FROM registry.example.com/${BASE_IMAGE} AS mirrored-arg
# A variable in front cannot tag the image after it.
# expect: DL3006:6
FROM ${REGISTRY}/node AS mirrored
FROM ${REGISTRY}/node:22.11 AS mirrored-tagged

# Continued, the reference is still untagged.
FROM \
# expect: DL3006:5
    alpine AS continued

FROM scratch
COPY --from=build /go/bin/ /usr/local/bin/
