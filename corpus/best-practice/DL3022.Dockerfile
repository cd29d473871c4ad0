# DL3022 and DL3023: COPY --from must name an earlier stage, and never its own.
FROM golang:1.23.3 AS build
WORKDIR /src
COPY go.mod go.sum /src/
COPY cmd /src/cmd
RUN go build -o /out/server ./cmd/server
# expect: DL3023:13
COPY --from=build /out/server /usr/local/bin/server
# expect: DL3023:13
COPY --from=0 /out/server /usr/local/bin/server

FROM golang:1.23.3 AS Docs
WORKDIR /docs
# A typo in the stage name: it would be pulled as an image.
# expect: DL3022:13
COPY --from=biuld /out/server /usr/local/bin/server
# A stage defined further down.
# expect: DL3022:13
COPY --from=assets /srv/static /docs/static
# A stage number past the stages above.
# expect: DL3022:13
COPY --from=4 /out/server /usr/local/bin/server
# Stage names are not case-sensitive; the own stage under another case.
# expect: DL3023:13
COPY --from=docs /docs /docs-copy

FROM debian:12.7 AS assets
WORKDIR /srv
COPY --from=build /out/server /usr/local/bin/server
COPY --from=BUILD /out/server /usr/local/bin/server-copy
COPY --from=1 /docs /srv/docs
# Images: with a tag, a digest or a registry path.
COPY --from=nginx:1.27.2 /etc/nginx/mime.types /srv/mime.types
COPY --from=ghcr.io/example/static-assets /static /srv/static
COPY --from=busybox@sha256:5b0f33c83a97f5f7d12698df6732098b0cdb860d377f6307b68efe2c6821296f /bin/busybox /srv/busybox
ARG ASSETS_STAGE
COPY --from=${ASSETS_STAGE} /static /srv/more-static
# An ONBUILD COPY names a stage of the build that triggers it.
ONBUILD COPY --from=template /usr/bin/composer /usr/bin/composer
ONBUILD COPY --from=assets /srv/static /srv/static
