# An application database image derived from the official postgres image.
FROM postgres:17-bookworm

ENV POSTGRES_DB=orders \
    POSTGRES_USER=orders
# The data directory was moved to a custom location, outside the image's VOLUME.
# expect: DV122:12
ENV PGDATA=/srv/postgresql/orders

COPY initdb/ /docker-entrypoint-initdb.d/
COPY postgresql.conf /etc/postgresql/postgresql.conf

# Seeding the data directory at build time never reaches a mounted volume.
# expect: DV126:14
RUN mkdir -p /var/lib/postgresql/data/conf.d \
 && chmod 0700 /etc/postgresql

CMD ["postgres", "-c", "config_file=/etc/postgresql/postgresql.conf"]
