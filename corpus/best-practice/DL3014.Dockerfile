# DL3014: `apt-get install` answers its own confirmation question.
FROM debian:12.7

# Without -y the build aborts at "Do you want to continue?".
# expect: DL3014:23
RUN apt-get update && apt-get install --no-install-recommends curl=7.88.1-10+deb12u8 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /opt

# One quiet level is not enough.
RUN apt-get update \
# expect: DL3014:5
 && apt-get -q install --no-install-recommends git=1:2.39.5-0+deb12u1 \
 && rm -rf /var/lib/apt/lists/*

# -y anywhere, clustered, spelt long, quiet level 2, or set with -o: all answer.
RUN apt-get update \
 && apt-get -qy install --no-install-recommends less=590-2.1~deb12u2 \
 && apt-get install --yes --no-install-recommends file=1:5.44-3 \
 && apt-get install --assume-yes --no-install-recommends patch=2.7.6-7 \
 && apt-get -qq install --no-install-recommends jq=1.6-2.1 \
 && apt-get -q -q install --no-install-recommends tzdata=2024a-0+deb12u1 \
 && apt-get -q=2 install --no-install-recommends unzip=6.0-28 \
 && apt-get -o APT::Get::Assume-Yes=true install --no-install-recommends zip=3.0-13 \
 && apt-get install --no-install-recommends -y xz-utils=5.4.1-0.2 \
 && rm -rf /var/lib/apt/lists/*

# The release given with -t is not an answer, even when it holds a "y".
RUN apt-get update \
# expect: DL3014:5
 && apt-get -tbookworm-backports install --no-install-recommends nano=7.2-1+deb12u1 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /srv

# Heredoc RUNs are read like any other.
RUN <<EOF
set -e
apt-get update
# expect: DL3014:1
apt-get install --no-install-recommends make=4.3-4.1
rm -rf /var/lib/apt/lists/*
EOF

# ONBUILD triggers run in images built from this one.
# expect: DL3014:31
ONBUILD RUN apt-get update && apt-get install --no-install-recommends wget=1.21.3-1+b2 \
 && rm -rf /var/lib/apt/lists/*
