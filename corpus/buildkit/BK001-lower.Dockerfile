# BK001 ConsistentInstructionCasing: a file written in lower case keeps to it; the global ARG
# before the first FROM is not counted or judged.
ARG ALPINE_VERSION=3.20
from alpine:${ALPINE_VERSION}
run apk add --no-cache curl
# expect: BK001:1
COPY entrypoint.sh /usr/local/bin/
# expect: BK001:1
Entrypoint ["/usr/local/bin/entrypoint.sh"]
