# Bumped from postgres:16 to 18 without updating the VOLUME line.
ARG PG_MAJOR=18
FROM postgres:${PG_MAJOR}-trixie

RUN apt-get update \
 && apt-get install -y --no-install-recommends "postgresql-${PG_MAJOR}-pgvector" \
 && rm -rf /var/lib/apt/lists/*

# expect: DV127:8
VOLUME /var/lib/postgresql/data
