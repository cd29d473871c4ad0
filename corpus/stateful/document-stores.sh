#!/usr/bin/env bash
# Brings up the document and key-value stores used by the catalogue service.
set -euo pipefail

# mongo keeps its data in /data/db; the image declares it as a VOLUME.
# expect: DV102:53
docker run -d --name catalogue-mongo -p 27017:27017 mongo:8.0
docker run -d --name orders-mongo -v orders_mongo:/data/db mongo:8.0 --replSet rs0

# --dbpath moves the data away from the mounted /data/db.
# expect: DV108:77
docker run -d --name moved-mongo -v moved_mongo:/data/db mongo:7.0 --dbpath /srv/mongo
# ... and into a mount it is fine.
docker run -d --name moved-mongo2 -v moved_mongo2:/srv/mongo mongo:7.0 --dbpath=/srv/mongo
# A config that may move the data, with a mount it may move it into: unknown.
docker run -d --name conf-mongo2 -v ./mongod.conf:/etc/mongo/mongod.conf:ro -v mongo2:/srv/mongo mongo:8.0 --config /etc/mongo/mongod.conf

# A config file may set storage.dbPath, but no mount but the config's own could keep the data.
# expect: DV102:76
docker run -d --name conf-mongo -v ./mongod.conf:/etc/mongo/mongod.conf:ro mongo:8.0 --config /etc/mongo/mongod.conf

# Shells and dumps are clients.
docker run -it --rm --network some-network mongo:8.0 mongosh --host catalogue-mongo test
docker run --rm -v "$(pwd)/backup:/backup" mongo:8.0 mongodump --host catalogue-mongo --out /backup

# redis snapshots into /data by default (its anonymous VOLUME).
# expect: DV102:28
docker run -d --name cache redis:7.4
docker run -d --name session-store -v redis_sessions:/data redis:7.4 redis-server --save 60 1 --loglevel warning
# With snapshots off and AOF off (the default) there is nothing to keep.
docker run -d --name pure-cache redis:7.4 redis-server --save '' --appendonly no
docker run -it --rm --network some-network redis:7.4 redis-cli -h cache

# The redis config file may move `dir`.
docker run -d --name conf-redis -v "$PWD/redis.conf:/usr/local/etc/redis/redis.conf" redis:7.4 redis-server /usr/local/etc/redis/redis.conf

# redis-stack declares no VOLUME.
# expect: DV101:41
docker run -d --name stack -p 6379:6379 redis/redis-stack-server:7.4.0-v1

# memcached is memory only: nothing to persist.
docker run --name my-memcache -d memcached memcached -m 64

# Elasticsearch: no VOLUME, data in the writable layer.
# expect: DV101:68
docker run -d --name es -p 9200:9200 -e discovery.type=single-node docker.elastic.co/elasticsearch/elasticsearch:8.15.0
docker run -d --name es2 -e discovery.type=single-node -v esdata:/usr/share/elasticsearch/data elasticsearch:8.15.0

# cassandra, couchdb and neo4j: the symlinked /var/lib/neo4j/data lands on /data.
docker run -d --name cass -v cassandra_data:/var/lib/cassandra cassandra:5.0
# expect: DV102:77
docker run -d --name couch -e COUCHDB_USER=admin -e COUCHDB_PASSWORD=secret couchdb:3.4
docker run -d --name graph -v "$HOME/neo4j/data:/var/lib/neo4j/data" neo4j:5.26

# minio: the data directory is the argument of `minio server`.
docker run -d --name s3 -v minio_data:/data minio/minio server /data --console-address ":9001"
# expect: DV108:76
docker run -d --name s3-tmp -v minio_data:/data quay.io/minio/minio server /tmp/minio
# Without `server`, minio prints its usage and stores nothing.
docker run --rm minio/minio --version
