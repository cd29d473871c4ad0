# BK003 DuplicateStageName: a stage name names one stage. BuildKit refuses the file too (DV015).
FROM golang:1.23.2 AS build
RUN go build -o /out/api ./cmd/api

# expect: DV015 BK003:22
FROM node:22.11.0 AS build
RUN npm ci

# Names are compared in lower case, as BuildKit compares them (the casing is BK018's).
# expect: DV015 BK003:22 BK018:22
FROM node:22.11.0 AS BUILD

FROM node:22.11.0 AS build-web
RUN npm run build

FROM debian:12.7
COPY --from=build-web /dist/ /srv/www/
