# DL3015: `apt-get install` leaves out the packages' recommendations.
FROM debian:12.7

# Recommends come along by default.
# expect: DL3015:23
RUN apt-get update && apt-get install -y curl=7.88.1-10+deb12u8 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /opt

RUN apt-get update \
# expect: DL3015:5
 && apt-get -y install \
      git=1:2.39.5-0+deb12u1 \
      less=590-2.1~deb12u2 \
 && rm -rf /var/lib/apt/lists/*

# The option, or apt's own setting in any of the spellings apt-get reads.
RUN apt-get update \
 && apt-get install -y --no-install-recommends file=1:5.44-3 \
 && apt-get install -y -o APT::Install-Recommends=false patch=2.7.6-7 \
 && apt-get install -y -o APT::Install-Recommends=0 jq=1.6-2.1 \
 && apt-get install -y -oAPT::Install-Recommends=no tzdata=2024a-0+deb12u1 \
 && apt-get install -y --option=apt::install-recommends=false unzip=6.0-28 \
 && rm -rf /var/lib/apt/lists/*

# A setting that turns recommends on does not count.
RUN apt-get update \
# expect: DL3015:5
 && apt-get install -y -o APT::Install-Recommends=true zip=3.0-13 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /srv

# Heredoc RUNs are read like any other.
RUN <<EOF
set -e
apt-get update
# expect: DL3015:1
apt-get install -y make=4.3-4.1
rm -rf /var/lib/apt/lists/*
EOF

# ONBUILD triggers run in images built from this one.
# expect: DL3015:31
ONBUILD RUN apt-get update && apt-get install -y wget=1.21.3-1+b2 \
 && rm -rf /var/lib/apt/lists/*
