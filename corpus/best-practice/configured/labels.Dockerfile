# Findings pinned by line: several sit inside one continued LABEL, where no comment can stand.
# expect-line: 24 DL3052:39
# expect-line: 25 DL3053:40
# expect-line: 26 DL3054:41
# expect-line: 27 DL3055:41
# expect-line: 28 DL3056:40
# expect-line: 29 DL3058:40
# expect-line: 30 DL3050:7
FROM debian:12.7-slim
# Every label of the schema, each well formed.
LABEL org.opencontainers.image.title="inventory" \
      org.opencontainers.image.source="https://git.example.com/shop/inventory" \
      org.opencontainers.image.created="2026-12-01T10:00:00Z" \
      org.opencontainers.image.licenses="Apache-2.0 OR MIT" \
      org.opencontainers.image.revision="4f2c1a9e0b7d" \
      org.opencontainers.image.version="2.4.1" \
      org.opencontainers.image.authors="Shop Team <shop@example.com>"
HEALTHCHECK CMD ["/usr/local/bin/inventory", "health"]
USER 1000
CMD ["/usr/local/bin/inventory"]

FROM debian:12.7-slim AS release
LABEL org.opencontainers.image.title="inventory" \
      org.opencontainers.image.source="git.example.com/shop/inventory" \
      org.opencontainers.image.created="1 Dec 2026" \
      org.opencontainers.image.licenses="Apache 2" \
      org.opencontainers.image.revision="main" \
      org.opencontainers.image.version="v2.4" \
      org.opencontainers.image.authors="shop team" \
      com.example.team="shop"
HEALTHCHECK CMD ["/usr/local/bin/inventory", "health"]
USER 1000
CMD ["/usr/local/bin/inventory"]
