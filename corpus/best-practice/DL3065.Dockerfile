# DL3065: FROM --platform=$TARGETPLATFORM says what FROM does anyway.
# expect: DL3065:6
FROM --platform=$TARGETPLATFORM alpine:3.20.3 AS certs
# expect: DL3065:6
FROM --platform=${TARGETPLATFORM} alpine:3.20.3 AS tzdata

# The build platform is a real choice.
FROM --platform=$BUILDPLATFORM golang:1.23.2 AS build
RUN go build -o /out/api ./cmd/api

FROM alpine:3.20.3
COPY --from=certs /etc/ssl/certs/ /etc/ssl/certs/
COPY --from=tzdata /usr/share/zoneinfo/ /usr/share/zoneinfo/
COPY --from=build /out/api /usr/local/bin/api
