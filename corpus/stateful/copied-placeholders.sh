#!/bin/sh
# Commands pasted from image docs into a setup script, placeholders and all.

# Every version of mongo keeps its data in /data/db, whatever "tag" turns out to be.
# expect: DV102:33
docker run --name some-mongo -d mongo:tag

# postgres keeps its data in different places before and after 18: with no mount it is lost
# on either.
# expect: DV102
docker run --name some-postgres -e POSTGRES_PASSWORD=secret -d postgres:"$PG_TAG"

# ... stands for options the docs leave out; it mounts nothing.
# expect: DV102:19
docker run ... -d wordpress:tag

# Flags that say nothing about storage hide nothing, however they are spelt.
# expect: DV102:98
docker run -dit --name=cache-db -e=TZ=UTC -p27017:27017 --ulimit nofile=64000 --cap-add=SYS_NICE mongo:8.0
# expect: DV102:62
docker run -t --platform linux/amd64 --net=host --network=db couchdb:tag

# A mount on a continuation line counts.
docker run -d --name kept-mongo \
  -v mongo_data:/data/db \
  mongo:tag

# A mount through a variable may well be right.
docker run -d -v "$DATA_VOLUME":/var/lib/mysql mysql:tag

# A mount that suits some postgres versions but not others: the tag decides, so nothing is said.
docker run -d -v pgdata:/var/lib/postgresql/data postgres:"$PG_TAG"

# mongo-express is not mongo.
docker run -d --name express mongo-express:tag
