# DL3007: no FROM image follows `latest`.
ARG TAG=latest

# expect: DL3007:13
FROM debian:latest AS plain
# expect: DL3007:41
FROM registry.example.com:5000/team/app:latest AS private

# A digest pins the image whatever the tag says.
FROM debian:latest@sha256:2b8c8b42bd0e3a4c0cd1f8f53a2ebd2dd5b2f7bca57e4b2df5c6a0f0b0a6f0d1 AS pinned
FROM debian:12.7 AS tagged
# A tag from a build argument is decided at build time.
FROM alpine:${TAG} AS from-arg
# `latest` in another part of the name is no tag.
FROM registry.example.com/latest/app:1.4 AS namespaced

FROM debian:12.7
COPY --from=plain /etc/os-release /srv/os-release
