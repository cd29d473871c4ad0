# BK016 ReservedStageName: `scratch` and `context` mean the empty image and the build context.
# expect: BK016:21
FROM alpine:3.20 AS scratch
# expect: BK016:21
FROM alpine:3.20 AS context
# Starting from scratch, or naming a stage otherwise, is fine.
FROM scratch
FROM scratch AS rootfs
