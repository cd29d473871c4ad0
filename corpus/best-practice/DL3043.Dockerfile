# DL3043: ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER.
FROM node:22.11.0
WORKDIR /app
# expect: DL3043:9 DV013:9
ONBUILD FROM node:22.11.0-slim
# expect: DL3043:9 DV013:9
ONBUILD MAINTAINER "Jane Doe <jane@example.com>"
# expect: DL3043:9 DV013:9
ONBUILD ONBUILD RUN npm ci
ONBUILD COPY package.json package-lock.json /app/
ONBUILD RUN npm ci
ONBUILD ENV NODE_ENV=production
ONBUILD LABEL org.opencontainers.image.authors="jane@example.com"
