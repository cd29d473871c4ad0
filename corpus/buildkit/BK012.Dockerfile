# BK012 MaintainerDeprecated: a label names the author.
FROM alpine:3.20
# expect: BK012:1
MAINTAINER Jane Doe <jane@example.com>
LABEL org.opencontainers.image.authors="jane@example.com"
