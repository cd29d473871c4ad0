#!/bin/bash
# Every way of writing storage on a command line, against the same databases.
set -euo pipefail

# --mount, keys in any order.
docker run -d --name m1 --mount type=volume,source=pg1,target=/var/lib/postgresql/data postgres:16
docker run -d --name m2 --mount target=/var/lib/postgresql/data,src=pg2 postgres:16
docker run -d --name m3 --mount type=bind,source="$(pwd)"/pgdata,destination=/var/lib/postgresql/data postgres:16
# type=volume without a source is anonymous.
# expect: DV102:33
docker run -d --name m4 --mount type=volume,target=/var/lib/mysql -e MYSQL_ROOT_PASSWORD=x mysql:8.4
# type=tmpfs over the data.
# expect: DV104:33
docker run -d --name m5 --mount type=tmpfs,destination=/data redis:7.4

# -v with = and shell expansions as sources are binds.
docker run -d --name v1 --volume=$HOME/mongo:/data/db mongo:8.0
docker run -d --name v2 -v "${DATA_ROOT:-/srv}/mongo:/data/db" mongo:8.0
docker run -d --name v3 -v `pwd`/mongo:/data/db mongo:8.0
docker run -d --name v4 -v ~/mongo:/data/db mongo:8.0
docker run -d --name v5 -v ../mongo:/data/db mongo:8.0
# A bare variable may be a volume name or a host path: persistent either way.
docker run -d --name v6 -v "$MONGO_VOLUME":/data/db mongo:8.0
# Trailing slashes and doubled separators do not matter.
docker run -d --name v7 -v mongo7:/data//db/ mongo:8.0

# A target in a variable could be anywhere: no verdict.
docker run -d --name t1 -v mongo_t1:"$MONGO_DATA" mongo:8.0

# --volumes-from copies another container's mounts: unknown without seeing it.
docker create -v /var/lib/postgresql/data --name pgstore postgres:16 true
docker run -d --name t2 --volumes-from pgstore postgres:16

# Options hidden in a variable may hold the mount.
docker run -d --name t3 $DOCKER_STORAGE_OPTS mongo:8.0

# An env file may set PGDATA; with a mount somewhere we cannot tell.
docker run -d --name t4 --env-file ./db.env -v pg_t4:/var/lib/postgresql/data postgres:16
# ... but with --rm and nothing persistent, the data goes whatever PGDATA says.
# expect: DV103:12
docker run --rm -d --name t5 --env-file ./db.env postgres:16

# Windows containers and Windows host paths.
docker run -d --name w1 -v 'C:\mongo:C:\data\db' mongo:8.0-windowsservercore-ltsc2022
# expect: DV102:25
docker run -d --name w2 mongo:8.0-nanoserver-ltsc2022
docker run -d --name w3 -v //c/Users/dev/mysql:/var/lib/mysql mysql:8.4

# Podman: an overlay mount throws its writes away; named volumes work as in Docker.
# expect: DV104:28
podman run -d --name p1 -v ./pgdata:/var/lib/postgresql/data:O postgres:16
podman run -d --name p2 -v pgdata:/var/lib/postgresql/data:Z,U postgres:16
# expect: DV101:47
podman run -d --name p3 --image-volume=ignore docker.io/library/postgres:16
# expect: DV104:25
podman run -d --name p4 --image-volume tmpfs postgres:16
# expect: DV103:12
podman run --rm -d --name p5 -v /var/lib/mysql mysql:8.4

# Registry spellings normalise to the same image.
# expect: DV102:35
docker container run -d --name r1 index.docker.io/library/mariadb:11.4
# expect: DV102:26
nerdctl run -d --name r2 mirror.gcr.io/library/redis:7.4
docker run -d --name r3 -v pg_r3:/var/lib/postgresql/data postgres@sha256:4d4f3c0b6e2a58e1e7cfbc8fd3e4d6b1cb2de9b7f8a1f0c8e3a2f4b9c7d1e0a5

# An unknown image says nothing.
docker run -d --name u1 ghcr.io/acme/orders-api:1.4.2
