# BK021 WorkdirRelativePath: a relative WORKDIR depends on the base image's.
FROM node:22.11.0 AS app
# expect: BK021:9
WORKDIR app/
# Only the first WORKDIR of a stage is judged: the later ones are anchored by it.
WORKDIR src

FROM node:22.11.0 AS absolute
WORKDIR /usr/src/app
WORKDIR lib

# A stage built on one that set a WORKDIR inherits it.
FROM absolute
WORKDIR sub/
