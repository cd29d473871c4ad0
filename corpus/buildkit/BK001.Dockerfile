# BK001 ConsistentInstructionCasing: most instructions are upper case, so the file's casing is
# upper case and the others are reported.
# expect: BK001:1
From golang:1.23.2 AS build
WORKDIR /src
COPY go.mod go.sum ./
# expect: BK001:1
run go mod download
COPY . .
RUN go build -o /out/api ./cmd/api

# A keyword written all in one case counts towards the majority; ONBUILD counts once, its
# trigger not at all.
FROM debian:12.7-slim
ONBUILD COPY . /app
COPY --from=build /out/api /usr/local/bin/api
ENTRYPOINT ["/usr/local/bin/api"]
