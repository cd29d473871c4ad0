# Mistakes BuildKit rejects: each is reported once, where it starts.
# expect: DV015
WORKDIR /before-any-stage
FROM alpine:3.20 AS base
# expect: DV011
RUNN echo typo
# expect: DV013:21
FROM alpine:3.20 AS 2nd
# expect: DV014:6
COPY --chown app:app src /dst
# expect: DV014:6
COPY --form=base /a /b
# expect: DV013:14
ENV APP=demo VERSION
# expect: DV013
CMD ["sleep", 10]
# expect: DV015:21
FROM alpine:3.20 AS BASE
# A shell command that lost its RUN:
# expect: DV011
apk add --no-cache curl
