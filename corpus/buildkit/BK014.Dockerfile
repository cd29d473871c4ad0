# BK014 NoEmptyContinuation: an empty line inside a continued instruction.
FROM debian:12.7-slim
RUN apt-get update && \
# expect-line: 5 BK014:1

    apt-get install -y --no-install-recommends curl && \
    rm -rf /var/lib/apt/lists/*

# A comment line there is fine, and so is an empty line after the instruction.
RUN apt-get update && \
    # curl for the health check
    apt-get install -y --no-install-recommends curl

COPY app \
# expect-line: 16 BK014:1

     /srv/app
