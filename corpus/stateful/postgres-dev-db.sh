#!/usr/bin/env bash
# Starts the databases the billing and reporting services need on a developer machine.
# Every postgres major since 18 keeps its cluster in /var/lib/postgresql/<major>/docker,
# older majors in /var/lib/postgresql/data: the mount has to follow the tag.
set -euo pipefail

NETWORK=billing-net
docker network create "$NETWORK" 2>/dev/null || true

# Billing runs on 16 and keeps its data on a named volume at the old path: correct for 16.
docker run -d --name billing-db --network "$NETWORK" \
  -e POSTGRES_PASSWORD=dev -e POSTGRES_DB=billing \
  -v billing_pg:/var/lib/postgresql/data \
  -p 5432:5432 postgres:16

# The scratch database was started without any volume: its data sits in the image VOLUME.
# expect: DV102:58
docker run -d --name scratch-db -e POSTGRES_PASSWORD=dev postgres:16-alpine

# Reporting mounts the parent directory on 17: the image's VOLUME at .../data hides it.
# expect: DV106:61
docker run -d --name reports-db -e POSTGRES_PASSWORD=dev -v reports_pg:/var/lib/postgresql postgres:17.6

# Ledger moved to 18 and follows the new layout: mount the parent.
docker run -d --name ledger-db -e POSTGRES_PASSWORD=dev -v ledger_pg:/var/lib/postgresql postgres:18

# Mounting exactly PGDATA on 18 persists as well.
docker run -d --name ledger-replica -e POSTGRES_PASSWORD=dev \
  -v ledger_replica:/var/lib/postgresql/18/docker postgres:18-trixie

# Copied from an old README: on 18 the entrypoint refuses to start with a mount there.
# expect: DV107:59
docker run -d --name audit-db -e POSTGRES_PASSWORD=dev -v audit_pg:/var/lib/postgresql/data postgres:18-trixie

# Untagged is latest, which is 18 now: same trap.
docker run -d --name metrics-db -e POSTGRES_PASSWORD=dev \
  -v ./pgdata:/var/lib/postgresql/data postgres

# A data directory in a subdirectory of the mount (the docs' advice for mount points with
# lost+found) is fine.
docker run -d --name events-db -e POSTGRES_PASSWORD=dev \
  -e PGDATA=/var/lib/postgresql/data/pgdata \
  -v events_pg:/var/lib/postgresql/data postgres:15

# PGDATA moved out of the mounted directory: the cluster lands in the container layer.
# expect: DV108:67
docker run -d --name search-db -e POSTGRES_PASSWORD=dev -e PGDATA=/srv/pgdata -v search_pg:/var/lib/postgresql/data postgres:16

# A typo in the mount target.
# expect: DV105:62
docker run -d --name invoices-db -e POSTGRES_PASSWORD=dev -v invoices_pg:/var/lib/postgres/data postgres:17

# Throw-away test database: --rm with nothing mounted deletes the anonymous volume on exit.
# expect: DV103:12
docker run --rm -d --name test-db -e POSTGRES_PASSWORD=test -p 5433:5432 postgres:17

# --rm with a named volume keeps the data (the postgres docs do this).
docker run -it --rm -v pgdata:/var/lib/postgresql/data postgres:17

# A tmpfs data directory for fast CI runs is still a data loss if anyone relies on it.
# expect: DV104:36
docker run -d --name ci-db --tmpfs /var/lib/postgresql/data -e POSTGRES_PASSWORD=ci postgres:16

# Clients in the postgres image are not servers.
docker run -it --rm --network "$NETWORK" postgres:16 psql -h billing-db -U postgres
docker run --rm --network "$NETWORK" -e PGPASSWORD=dev postgres:16 pg_dump -h billing-db -U postgres billing > billing.sql
docker run --rm --entrypoint cat postgres:16 /usr/local/bin/docker-entrypoint.sh > entrypoint.sh

# Arguments that start with a dash still start the server.
# expect: DV102:56
docker run -d --name tuned-db -e POSTGRES_PASSWORD=dev postgres:17 -c shared_buffers=256MB -c max_connections=200

# The tag comes from the environment and decides whether this mount is right: nothing to say.
docker run -d --name any-db2 -e POSTGRES_PASSWORD=dev -v anydata:/var/lib/postgresql/data "postgres:$PG_MAJOR"

# expect-line: 37 DV107:6
