# Saved by an old editor in Latin-1: the maintainer name holds the byte 0xE9.
FROM alpine:3.20
# expect: DV002:22
LABEL maintainer="René Dupont <rene@example.com>"
RUN apk add --no-cache curl
