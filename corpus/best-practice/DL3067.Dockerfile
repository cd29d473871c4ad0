# DL3067: COPY --from that copies a whole filesystem onto /.
FROM golang:1.23.3 AS build
WORKDIR /src
COPY . /src/
RUN go build -o /out/server ./cmd/server

FROM scratch AS export
COPY --from=build /out/server /server

FROM debian:12.7 AS runtime
# expect: DL3067:19
COPY --from=build / /
# expect: DL3067:27
COPY --from=alpine:3.20.3 "/" "/."
COPY --from=build /out/server /usr/local/bin/server
COPY --from=build / /srv/build-root
COPY / /

FROM debian:12.7
# A stage that starts from scratch holds only what was copied into it on purpose.
COPY --from=export / /
ONBUILD COPY --from=runtime-base / /
