# DL3021: COPY with several sources needs a destination directory ending in /.
FROM node:22.11.0
# expect: DL3021:37
COPY package.json package-lock.json /app
# expect: DL3021:36
COPY --chown=node:node a.js "b.js" "/app/lib"
# expect: DL3021:43
COPY ["tsconfig.json", "babel.config.js", "/app/config"]
ENV APP_DIR=/app
# expect: DL3021:26
COPY server.js worker.js ${APP_DIR}/bin
COPY package.json package-lock.json /app/
COPY a.js "b.js" "/app/lib/"
COPY ["tsconfig.json", "babel.config.js", "/app/config/"]
COPY index.js /app
COPY server.js worker.js ${APP_DIR}/bin/
# A destination from a build argument without a default is not judged.
ARG TARGET_DIR
COPY server.js worker.js $TARGET_DIR
