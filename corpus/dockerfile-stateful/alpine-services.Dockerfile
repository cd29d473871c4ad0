# One Alpine image running MariaDB (with a VOLUME) and Redis (without one).
FROM alpine:3.20
RUN apk add --no-cache --virtual .build-deps build-base \
 && apk add --no-cache mariadb mariadb-client \
 && apk del .build-deps
# expect: DV120:24
RUN apk add --no-cache redis
VOLUME /var/lib/mysql
COPY my.cnf /etc/my.cnf.d/server.cnf
CMD ["mariadbd", "--user=mysql"]
