#!/bin/sh
# Integration-test fixtures for the MySQL-compatible backends.
set -e

# The docs' first example lets Docker manage the storage: an anonymous volume.
# expect: DV102:69
docker run --name some-mysql -e MYSQL_ROOT_PASSWORD=my-secret-pw -d mysql:8.4

# A host directory over /var/lib/mysql keeps the data.
docker run --name app-mysql -v /srv/mysql:/var/lib/mysql -e MYSQL_ROOT_PASSWORD=secret -d mysql:8.0 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci

# `-v /var/lib/mysql` without a source is still anonymous.
# expect: DV102:36
docker run -d --name anon-mysql -v /var/lib/mysql -e MYSQL_ALLOW_EMPTY_PASSWORD=yes mysql:9

# Near miss: the directory is called mysql, not mysql-data.
# expect: DV105:36
docker run -d --name shop-mysql -v mysqldata:/var/lib/mysql-data -e MYSQL_ROOT_PASSWORD=secret mysql:8.4

# --datadir moves the data; here into the mounted directory, which is fine.
docker run -d --name moved-mysql -v moved:/srv/mysql -e MYSQL_ROOT_PASSWORD=secret mysql:8.4 --datadir=/srv/mysql/data

# --datadir pointing outside every mount.
# expect: DV108:106
docker run -d --name lost-mysql -v lost:/var/lib/mysql -e MYSQL_ROOT_PASSWORD=secret mysql:8.4 --datadir=/opt/mysql

# A config file from the host may set datadir, but the only mount is the config itself: wherever
# the data goes, it is not on persistent storage.
# expect: DV102:111
docker run -d --name cnf-mysql -v "$PWD/my.cnf:/etc/mysql/conf.d/custom.cnf:ro" -e MYSQL_ROOT_PASSWORD=secret mysql:8.4

# MariaDB with SELinux relabelling, as in its docs.
docker run -d --name some-mariadb -v /my/own/datadir:/var/lib/mysql:Z -e MARIADB_ROOT_PASSWORD=my-secret-pw mariadb:11.4

# Options forwarded to the server still start it.
# expect: DV102:74
docker run -d --name port-mariadb -e MARIADB_ALLOW_EMPTY_ROOT_PASSWORD=1 mariadb:11.8 --port 3808

# Clients: none of these start a server.
docker run -it --rm --network some-network mysql mysql -hsome-mysql -uexample-user -p
docker run --rm mysql:8.4 mysqldump -h some-mysql -u root --all-databases > dump.sql
docker run -it --rm mariadb:11 mariadb -h some-mariadb -u root -p
docker run --rm mysql:8.4 mysqld --verbose --help
docker run --rm mariadb:11 my_print_defaults mysqld

# bitnami/mysql declares no VOLUME at all.
# expect: DV101:61
docker run -d --name bn-mysql -e MYSQL_ROOT_PASSWORD=secret bitnami/mysql:8.4
# A mount at the parent is fine there: nothing nested.
docker run -d --name bn-mysql2 -e MYSQL_ROOT_PASSWORD=secret -v bn_mysql:/bitnami/mysql bitnamilegacy/mysql:8.4

# Percona Server with its data on a named volume.
docker run -d --name percona -v percona_data:/var/lib/mysql -e MYSQL_ROOT_PASSWORD=secret percona/percona-server:8.4
