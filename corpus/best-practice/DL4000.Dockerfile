# DL4000: MAINTAINER is deprecated; the OCI authors label replaces it.
FROM alpine:3.20.3
# expect: DL4000:1
MAINTAINER Jane Doe <jane@example.com>
# expect: DL4000:1
maintainer ops@example.com
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
