# DL3048: label keys outside Docker's conventions. The schema rules (DL3049 to DL3058) need a
# configured label schema, so without one this file shows them silent; their cases are in
# tests/test_label_schema_rules.cpp.
FROM debian:12.7

# expect: DL3048:7
LABEL Maintainer="platform@example.com"

WORKDIR /srv
# Each bad key is reported where it is written.
# expect: DL3048:7, DL3048:36
LABEL org.example..version="1.4.2" com.docker.extension.api="1"

ENV LANG=C.UTF-8
LABEL org.opencontainers.image.version="1.4.2" \
      org.opencontainers.image.source="https://github.com/example/app" \
# expect: DL3048:7
      build_host-="ci"

EXPOSE 8080
# A key made of a variable is not judged; empty and odd values are the schema rules' business.
ARG VENDOR=example
LABEL ${VENDOR}.release="" org.example.licenses="Apache 2"

# expect: DL3048:15
ONBUILD LABEL Invalid--key="x"
