# DL3062: go install, get or run fetches a module without a version.
FROM golang:1.23.2-bookworm AS build
WORKDIR /src
COPY . /src
# Packages of the local module, versions, commits, and variables.
RUN go install ./cmd/server \
    && go install . \
    && go run main.go --config /src/config.yaml \
    && go install -tags netgo -ldflags "-s -w" /src/cmd/worker \
    && go install golang.org/x/tools/gopls@v0.16.2 "honnef.co/go/tools/cmd/staticcheck@${STATICCHECK_VERSION}" \
    && go get -tool github.com/a-h/templ/cmd/templ@v0.2.793 \
    && go get github.com/old/dependency@none \
    && go run github.com/swaggo/swag/cmd/swag@v1.16.4 init --dir ./api
ENV STEP=unpinned
# expect: DL3062:16
RUN go install golang.org/x/vuln/cmd/govulncheck@latest \
# expect: DL3062:21
    && go get -u -t github.com/stretchr/testify \
# expect: DL3062:28
    && go run -exec ./wrap example.com/gen@upgrade -o out \
# expect: DL3062:21
    && go get -tool mvdan.cc/gofumpt
# expect-line: 26 DL3062:12
RUN <<EOF
set -e
go install github.com/go-delve/delve/cmd/dlv
EOF

FROM debian:12.7-slim
COPY --from=build /go/bin/server /usr/local/bin/server
USER 65534
# expect: DL3062:24
ONBUILD RUN go install github.com/air-verse/air
