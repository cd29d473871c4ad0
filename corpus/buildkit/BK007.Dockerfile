# BK007 FromPlatformFlagConstDisallowed: a constant platform ignores what the build targets.
# expect: BK007:17
FROM --platform=linux/amd64 golang:1.23.2 AS build
RUN go build -o /out/app .

# A stage named after its platform is deliberate.
FROM --platform=linux/amd64 debian:12.7 AS runtime-amd64
FROM --platform=linux/arm64 debian:12.7 AS arm64-runtime
FROM --platform=linux/amd64 debian:12.7 AS linux

# Variables make it follow the build.
FROM --platform=$BUILDPLATFORM golang:1.23.2 AS cross
RUN go build -o /out/app .
