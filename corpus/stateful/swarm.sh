#!/bin/sh
# Swarm services for the staging cluster.
set -e

# One database replica pinned to a labelled node, on a named volume.
docker service create --name staging-db --replicas 1 \
  --constraint node.labels.db==true \
  --mount type=volume,source=staging_pg,target=/var/lib/postgresql/data \
  -e POSTGRES_PASSWORD_FILE=/run/secrets/pg --secret pg postgres:16

# Three replicas of one database are three separate, diverging databases.
# expect: DV109:55
docker service create --name staging-mongo --replicas 3 --mount type=volume,source=mongo,target=/data/db mongo:8.0
# expect: DV109:41
docker service create --name edge-redis --mode global --mount type=volume,source=redis,target=/data redis:7.4

# Stateless services scale freely.
docker service create --name web --replicas 5 -p 80:80 nginx:1.27

# The rabbitmq docs' service line has no mount at all.
# expect: DV102:128
docker service create --name rabbit --hostname my-rabbit --secret source=erlang_cookie,target=/var/lib/rabbitmq/.erlang.cookie rabbitmq:4.1

# Replicas from a variable: unknown.
docker service create --name flexible-db --replicas "$DB_REPLICAS" --mount type=volume,source=pg,target=/var/lib/postgresql/data postgres:16
