# syntax=docker/dockerfile:1.7
# check=skip=InvalidDefaultArgInFrom

# A multi-stage build that uses most of the syntax BuildKit accepts. It must give no finding.
ARG GO_VERSION=1.22.5
ARG ALPINE_VERSION=3.20

FROM --platform=$BUILDPLATFORM golang:${GO_VERSION}-alpine${ALPINE_VERSION} AS Build
ARG TARGETOS TARGETARCH
WORKDIR /src
COPY --link go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    # comment lines inside a continued RUN are dropped by BuildKit
    go mod download

    # an indented comment between instructions is still a comment
COPY --link . .
RUN --mount=type=cache,target=/root/.cache/go-build \
	CGO_ENABLED=0 GOOS=$TARGETOS GOARCH=$TARGETARCH \
	\
	go build -trimpath -o /out/server ./cmd/server

FROM build AS test
RUN go test ./...

from alpine:${ALPINE_VERSION} as runtime
LABEL org.opencontainers.image.title="demo server" \
      org.opencontainers.image.licenses=MIT
ENV APP_HOME=/srv/app \
    APP_PORT=8080
ENV LEGACY_STYLE value with several words
RUN <<EOF
set -eu
addgroup -S app
adduser -S -G app -h "$APP_HOME" app
EOF
COPY <<-CONF /etc/demo/server.conf
	listen = 0.0.0.0:${APP_PORT}
	home = ${APP_HOME}
	CONF
COPY --from=Build --chown=app:app --chmod=0755 /out/server /usr/local/bin/server
WORKDIR $APP_HOME
USER app:app
EXPOSE ${APP_PORT}/tcp
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["wget", "-qO-", "http://127.0.0.1:8080/healthz"]
ONBUILD COPY . /srv/app/plugins
ENTRYPOINT ["/usr/local/bin/server"]
CMD ["--config", "/etc/demo/server.conf"]
