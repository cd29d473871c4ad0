# DL4006: a pipe in a RUN whose shell has no pipefail.
FROM debian:12.7 AS build

# expect: DL4006:5
RUN wget -qO- https://example.com/app.tar.gz | tar -xz -C /opt

WORKDIR /opt
# ONBUILD RUN is judged by the SHELL of the image that triggers it.
ONBUILD RUN wget -qO- https://example.com/plugin.tar.gz | tar -xz -C /opt

SHELL ["/bin/bash", "-c"]
# `set -o pipefail` earlier in the same RUN covers the pipe.
RUN set -euo pipefail && wget -qO- https://example.com/lib.tar.gz | tar -xz -C /opt

ENV LANG=C.UTF-8
# bash alone does not help.
# expect: DL4006:5
RUN wget -qO- https://example.com/doc.tar.gz | tar -xz -C /opt

SHELL ["/bin/bash", "-euxo", "pipefail", "-c"]
RUN wget -qO- https://example.com/tools.tar.gz | tar -xz -C /opt

# A stage built on `build` inherits its SHELL.
FROM build AS test
RUN wget -qO- https://example.com/test.tar.gz | tar -xz -C /opt

# A stage from an image starts with /bin/sh again.
FROM debian:12.7
COPY --from=test /opt /opt
# expect: DL4006:5
RUN wget -qO- https://example.com/final.tar.gz | tar -xz -C /opt
