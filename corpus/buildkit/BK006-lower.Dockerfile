# BK006 FromAsCasing: with a lower-case `from`, `as` is lower case too.
# expect: BK006:20
from golang:1.23.2 AS build
run go build -o /out/app .
from alpine:3.20 as runtime
copy --from=build /out/app /usr/local/bin/app
