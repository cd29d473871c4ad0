# BK002 CopyIgnoredFile: app.Dockerfile.dockerignore applies to this file instead of .dockerignore.
FROM alpine:3.20
COPY app.Dockerfile /build/
# expect: BK002:6
COPY config/app.yaml /etc/app/
