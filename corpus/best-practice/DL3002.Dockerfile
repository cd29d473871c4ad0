# DL3002: the last USER of an image that runs is not root. Numeric ids throughout: DL3066
# reports user names.

# A builder stage only read by COPY --from never runs as a container: root is fine there.
FROM golang:1.23.2 AS build
USER 0
RUN go build -o /out/api ./cmd/api

# A base stage whose root user the next stage inherits: reported where root is set.
FROM debian:12.7 AS runtime
# expect: DL3002:6
USER 0
COPY --from=build /out/api /usr/local/bin/api

FROM runtime AS debug
COPY --from=build /out/api /usr/local/bin/api-debug

# A base stage whose child switches user is not reported.
FROM debian:12.7 AS prepared
USER 0
RUN mkdir -p /srv/data && chown 10001:10001 /srv/data

FROM prepared AS service
USER 10001

# A stage no other stage uses may be built with --target: it counts.
FROM debian:12.7 AS tools
# expect: DL3002:6
USER 0:10001

# A user chosen by a build argument is decided at build time.
FROM debian:12.7 AS configurable
ARG RUNTIME_USER=10001
USER ${RUNTIME_USER}

# Switching to root for a step and back is fine; ONBUILD triggers belong to child images.
FROM debian:12.7
USER 0:0
RUN mkdir -p /srv/app && chown 10001:10001 /srv/app
ONBUILD USER root
USER 10001
CMD ["/usr/local/bin/api"]
