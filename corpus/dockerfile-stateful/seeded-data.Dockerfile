# Seed files are written before the VOLUME line, so every builder keeps them.
FROM debian:bookworm-slim
RUN mkdir -p /data/seed && echo '{}' > /data/seed/index.json
VOLUME /data
COPY defaults/ /data/defaults/
# expect: DV126:24
RUN chown -R 1000:1000 /data
