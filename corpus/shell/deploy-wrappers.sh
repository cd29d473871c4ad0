#!/usr/bin/env bash
# Deploys the reporting stack on a single host. Every docker call goes through a wrapper
# (sudo, env, timeout, nohup) that the front end peels off before the docker model sees it.
set -euo pipefail

DATA_ROOT="${DATA_ROOT:-/srv/reporting}"
IMAGE_TAG=$(git rev-parse --short HEAD)

log() {
  printf '%s %s\n' "$(date -u +%FT%TZ)" "$*" >&2
}

wait_for() {
  local name=$1
  for _ in $(seq 1 30); do
    if sudo docker inspect -f '{{.State.Health.Status}}' "$name" 2>/dev/null | grep -q healthy; then
      return 0
    fi
    sleep 2
  done
  log "timed out waiting for $name"
  return 1
}

log "pulling images"
timeout 300 docker pull "registry.example.com/reporting/api:${IMAGE_TAG}"

sudo -E -u deploy env DOCKER_CONTENT_TRUST=1 docker network create reporting || true

case "${1:-up}" in
  up)
    nohup docker run -d --name reporting-api --network reporting \
      -p 127.0.0.1:8080:8080 \
      "registry.example.com/reporting/api:${IMAGE_TAG}" >/var/log/reporting-api.log 2>&1 &
    wait_for reporting-api
    ;;
  down)
    docker rm -f reporting-api
    ;;
  *)
    echo "usage: $0 [up|down]" >&2
    exit 64
    ;;
esac

ssh backup@archive.example.com <<'REMOTE'
set -e
tar -C /var/backups -czf "reporting-$(date +%F).tgz" reporting
REMOTE

cat > "${DATA_ROOT}/notes.txt" <<EOF
Deployed ${IMAGE_TAG} at $(date -u)
EOF
