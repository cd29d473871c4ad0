#!/bin/bash
# A backup script where a command substitution is never closed.
set -euo pipefail
# expect: DV021:7
STAMP=$(date +%Y%m%d
docker exec db pg_dump -U app app > "/backups/app-${STAMP}.sql"
