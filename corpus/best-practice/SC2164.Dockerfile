# hadolint global ignore=DL3003
FROM debian:12.7

# `;` and newlines run the next command whatever cd returned.
# expect: SC2164:5
RUN cd /usr/src/app; make install
WORKDIR /usr/src
# expect: SC2164:13
RUN make && cd build; \
    cmake --install .
WORKDIR /usr/src

# Chained with &&, checked with || exit, the last command, a directory that always exists,
# or errexit on: silent.
RUN cd /usr/src/app && make install; \
    cd /usr/src/lib || exit 1; make install; \
    cd ..; make -C /usr/src/app && cd /usr/src/app
WORKDIR /usr/src
RUN set -e; cd /usr/src/app; make install
WORKDIR /usr/src

RUN <<EOF
# expect-line: 24 SC2164:1
cd /usr/src/lib
make install
EOF

# A SHELL with -e stops at the failed cd; hadolint's ShellCheck does not see the flag.
SHELL ["/bin/bash", "-eo", "pipefail", "-c"]
RUN cd /usr/src/app; make install
