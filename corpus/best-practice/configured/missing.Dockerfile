# Findings pinned by line: several sit inside one continued LABEL, where no comment can stand.
# expect-line: 4 DL3049:1, DL3049:1, DL3049:1
# expect-line: 6 DL3051:38
FROM debian:12.7-slim
# The title is left empty and the version, licence and authors are forgotten.
LABEL org.opencontainers.image.title="" \
      org.opencontainers.image.source="https://git.example.com/shop/worker" \
      org.opencontainers.image.created="2026-12-01T10:00:00+01:00" \
      org.opencontainers.image.revision="4f2c1a9e0b7d6c5b4a3928170f6e5d4c3b2a1908"
HEALTHCHECK NONE
USER 1000
CMD ["/usr/local/bin/worker"]
