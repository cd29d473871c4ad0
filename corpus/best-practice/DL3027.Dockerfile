# DL3027: scripts use apt-get and apt-cache, not apt.
FROM debian:12.7

# expect: DL3027:5 DL3027:19
RUN apt update && apt install -y --no-install-recommends curl=7.88.1-10+deb12u8 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /opt

# apt-get, apt-cache and apt-mark are the stable tools; a word "apt" as an argument is no command.
RUN apt-get update \
 && apt-cache policy git \
 && apt-get install -y --no-install-recommends git=1:2.39.5-0+deb12u1 \
 && apt-mark hold git \
 && echo apt \
 && rm -rf /var/lib/apt/lists/*

# A full path is the same program.
# expect: DL3027:32
RUN /usr/bin/apt-get update && /usr/bin/apt list --installed \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /srv

# Heredoc RUNs are read like any other.
RUN <<EOF
set -e
# expect: DL3027:1
apt update
apt-get install -y --no-install-recommends less=590-2.1~deb12u2
rm -rf /var/lib/apt/lists/*
EOF

# expect: DL3027:31
ONBUILD RUN apt-get update && apt show make \
 && rm -rf /var/lib/apt/lists/*
