# BK006 FromAsCasing: `AS` follows the casing of `FROM`.
# expect: BK006:20
FROM golang:1.23.2 as build
RUN go build -o /out/app .

FROM golang:1.23.2 AS test
RUN go test ./...

# A FROM in mixed case is BK001's; here the whole file is upper case but one.
# expect: BK001:1
From alpine:3.20 as runtime
COPY --from=build /out/app /usr/local/bin/app
ENTRYPOINT ["/usr/local/bin/app"]
