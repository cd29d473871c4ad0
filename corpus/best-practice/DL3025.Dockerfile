# DL3025: CMD and ENTRYPOINT are written as JSON arrays.
FROM node:22.11.0 AS shell-cmd
# expect: DL3025:5
CMD node server.js

FROM node:22.11.0 AS shell-entrypoint
# expect: DL3025:12
ENTRYPOINT /usr/local/bin/docker-entrypoint.sh \
    --verbose

# Single quotes are not JSON: Docker runs this through a shell too.
FROM node:22.11.0 AS single-quoted
# expect: DL3025:5
CMD ['node', 'server.js']

FROM node:22.11.0 AS exec-form
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CMD [ "node", \
      "server.js" ]

# `exec` replaces the shell with the server, which then gets the stop signals.
FROM node:22.11.0 AS exec-shell
CMD exec node server.js

# A health check in shell form is fine: it receives no stop signal.
FROM node:22.11.0
HEALTHCHECK CMD curl -fsS http://localhost:3000/health || exit 1
ONBUILD CMD node server.js
CMD ["node", "server.js"]
