# BK008 InvalidDefaultArgInFrom: with no --build-arg, the defaults must make a valid image name.
ARG VERSION
ARG IMAGE
ARG SFX="box:"
ARG TAG="latest"
ARG VARIANT=""
ARG SUFFIX

# expect: BK008:6
FROM busybox:$VERSION AS a
# expect: BK008:6
FROM $IMAGE AS b
# expect: BK008:6
FROM busy${SFX} AS c

FROM busybox:${TAG} AS d
FROM busybox:stable${VARIANT} AS e
FROM busybox:stable${SUFFIX} AS f
FROM e AS g
