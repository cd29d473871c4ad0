# DL3063: no stage is named `scratch` or `context`.
# expect: DL3063:23
FROM alpine:3.20.3 AS scratch
# expect: DL3063:23
FROM alpine:3.20.3 AS Context
FROM alpine:3.20.3 AS certs

FROM debian:12.7
COPY --from=certs /etc/ssl/certs/ /etc/ssl/certs/
