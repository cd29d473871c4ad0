# DL3024: every stage name is used once. BuildKit refuses the file too (DV015).
FROM golang:1.23.2 AS build
RUN go build -o /out/api ./cmd/api

# expect: DV015 DL3024:22
FROM node:22.11.0 AS build
RUN npm ci

# Names are compared without regard to case, as BuildKit compares them.
# expect: DV015 DL3024:22
FROM node:22.11.0 AS BUILD

FROM node:22.11.0 AS build-web
RUN npm run build

FROM debian:12.7
COPY --from=build-web /dist/ /srv/www/
