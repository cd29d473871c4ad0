# Findings pinned by line: several sit inside one continued LABEL, where no comment can stand.
# expect-line: 6 DL1001:1
# expect-line: 7 DL3026:6
# expect-line: 8 DL3057:1
# expect-line: 10 DL3026:13
# hadolint ignore=DL3007
FROM quay.io/prometheus/busybox:latest AS tools
FROM registry.example.com/base/runtime:3.2 AS runtime
COPY --from=tools /bin/busybox /bin/busybox
COPY --from=ghcr.io/acme/cli:1.4 /usr/bin/acme /usr/bin/acme
LABEL org.opencontainers.image.title="runtime" \
      org.opencontainers.image.source="https://git.example.com/base/runtime" \
      org.opencontainers.image.created="2026-12-01T10:00:00Z" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.revision="4f2c1a9e0b7d" \
      org.opencontainers.image.version="3.2.0" \
      org.opencontainers.image.authors="base@example.com"
USER 1000
CMD ["/bin/busybox", "sh"]
