# expect: DV121:6
FROM bitnami/mysql:8.4
COPY custom.cnf /opt/bitnami/mysql/conf/bitnami/my_custom.cnf

FROM bitnamilegacy/redis:7.4 AS cache
VOLUME /bitnami/redis/data
