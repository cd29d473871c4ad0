# DL1001 (no inline ignore pragmas) is off by default, as in hadolint: nothing below is
# reported unless a configuration selects it. The unit tests run it switched on.
FROM debian:12.7
# hadolint ignore=DL3008
RUN apt-get update && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
# hadolint global ignore=DL3059
