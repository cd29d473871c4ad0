# PGDATA in a subdirectory of the VOLUME, the layout the postgres docs recommend for mounts
# whose root holds lost+found.
FROM postgres:16-alpine
ENV PGDATA=/var/lib/postgresql/data/pgdata
COPY --chown=postgres:postgres schema.sql /docker-entrypoint-initdb.d/10-schema.sql
HEALTHCHECK --interval=10s CMD pg_isready -U postgres || exit 1
