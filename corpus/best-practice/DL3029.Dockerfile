# DL3029: FROM does not fix a platform; the build's --platform chooses it.
# expect: DL3029:6
FROM --platform=linux/amd64 node:22.11.0 AS assets
RUN npm ci && npm run build

# The build platform's variable is how a cross-compiling stage runs natively.
FROM --platform=$BUILDPLATFORM golang:1.23.2 AS build
ARG TARGETOS
ARG TARGETARCH
RUN GOOS=$TARGETOS GOARCH=$TARGETARCH go build -o /out/api ./cmd/api
FROM --platform=${BUILDPLATFORM:-linux/amd64} golang:1.23.2 AS tools

# A platform from a global build argument is fixed all the same.
ARG PINNED=linux/arm64
# expect: DL3029:6
FROM --platform=${PINNED} debian:12.7 AS pinned

FROM debian:12.7
COPY --from=assets /app/dist/ /srv/www/
COPY --from=build /out/api /usr/local/bin/api
