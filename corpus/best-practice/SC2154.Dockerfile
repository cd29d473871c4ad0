FROM debian:12.7 AS build
ARG version=1.4.2
ENV install_root=/opt/tool

# Each RUN is a new shell: what an earlier RUN assigned is gone.
RUN tarball="tool-$version.tgz" && echo "$tarball" > /tmp/name
WORKDIR /tmp
# expect: SC2154:18
RUN echo "$(cat "$tarball")" "$install_root"
WORKDIR /tmp

# Assigned in the same RUN (anywhere, as ShellCheck counts), read by `read`, a for loop, a
# guarded default, or an upper-case name the environment may set: silent.
RUN set -eu; \
    for arch in amd64 arm64; do echo "$arch"; done; \
    echo "${jobs:-2}" "${debug:+--debug}" "$HOME" "$BUILD_NUMBER"; \
    read -r first < /etc/hostname; echo "$first" "$version"

# A stage built on another inherits its ARG and ENV.
FROM build AS test
RUN <<EOF
set -eu
echo "$install_root/bin/tool"
# expect-line: 25 SC2154:7
echo "$cache_dir"
EOF
