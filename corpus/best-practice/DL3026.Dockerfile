# DL3026: images come from trusted registries. No registry is trusted until the configuration
# lists some (`trusted-registries`), so with the defaults nothing here is reported; the unit
# tests run the same cases with registries configured.
FROM quay.io/prometheus/node-exporter:v1.8.2 AS exporter
FROM registry.example.com/team/base:1.4 AS base
FROM golang:1.23.2 AS build
RUN --mount=type=cache,from=registry.example.com/cache/go:1,target=/root/.cache \
    go build -o /out/api ./cmd/api

FROM base
COPY --from=exporter /bin/node_exporter /usr/local/bin/node_exporter
COPY --from=build /out/api /usr/local/bin/api
COPY --from=ghcr.io/example/tools:2.0 /usr/bin/tool /usr/local/bin/tool
