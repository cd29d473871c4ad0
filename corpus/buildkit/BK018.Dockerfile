# BK018 StageNameCasing: BuildKit lower-cases stage names; write them so.
# expect: BK018:23
FROM golang:1.23.2 AS Build
RUN go build -o /out/app .
FROM alpine:3.20 AS runtime
COPY --from=Build /out/app /usr/local/bin/app
