# BK010 JSONArgsRecommended: shell-form CMD and ENTRYPOINT run under /bin/sh -c, which does not
# pass signals on.
FROM node:22.11.0 AS app
COPY . /app
# expect: BK010:1
CMD node /app/server.js

FROM node:22.11.0 AS worker
COPY . /app
# expect: BK010:1
ENTRYPOINT node /app/worker.js

# A SHELL says the shell is wanted, here and in the stages built on this one.
FROM alpine:3.20 AS shell
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
CMD echo "$HOSTNAME"

FROM shell
ENTRYPOINT exec /usr/local/bin/run

FROM alpine:3.20
CMD ["sleep", "infinity"]
