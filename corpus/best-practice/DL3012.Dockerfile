# DL3012: one HEALTHCHECK per stage.
FROM nginx:1.27.2 AS web
HEALTHCHECK CMD ["curl", "-fsS", "http://localhost/"]
# expect: DL3012:1
HEALTHCHECK --interval=10s \
    CMD ["curl", "-fsS", "http://localhost/health"]

# Each stage has its own image and its own health check.
FROM nginx:1.27.2 AS admin
HEALTHCHECK CMD ["curl", "-fsS", "http://localhost/admin"]
# An ONBUILD trigger sets the child image's health check, not this one's.
ONBUILD HEALTHCHECK NONE

FROM nginx:1.27.2
HEALTHCHECK NONE
# expect: DL3012:1
HEALTHCHECK CMD curl -fsS http://localhost/ || exit 1
COPY --from=web /etc/nginx/nginx.conf /etc/nginx/nginx.conf
COPY --from=admin /etc/nginx/conf.d/ /etc/nginx/conf.d/
