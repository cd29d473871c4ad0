# dockvet's own image: the static binary alone on scratch. Build and run it from the repository
# root (the version comes in as a build argument, since .git stays out of the build context):
#   docker build -t dockvet --build-arg DOCKVET_VERSION="$(git describe --tags --always --dirty)" .
#   docker run --rm -v "$PWD:/src" dockvet .
# To write a report into the mounted tree, run as its owner: docker run -u "$(id -u):$(id -g)" ...

# Debian 12 (bookworm), the platform dockvet is built and tested on; the dated tag is a
# readable name for the digest, which is what is pulled.
FROM debian:bookworm-20250520-slim@sha256:90522eeb7e5923ee2b871c639059537b30521272f10ca86fdbbbb2b75a8c40cd AS build

# The build dependencies of .ci/setup, pinned to the bookworm versions. When apt reports a pinned
# version gone (a point release or security update replaced it), take the new one from
# `apt-cache policy` in this image (docs/releasing.md).
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates=20250419~deb12u2 \
        g++=4:12.2.0-3 \
        cmake=3.25.1-1 \
        ninja-build=1.11.1-2~deb12u1 \
        libcli11-dev=2.1.2+ds-1 \
        libfmt-dev=9.1.0+ds1-2 \
        nlohmann-json3-dev=3.11.2-2 \
        catch2=2.13.10-1 \
        libyaml-cpp-dev=0.7.0+dfsg-8+b1 \
        libjemalloc-dev=5.3.0-1 \
        nodejs=18.20.4+dfsg-1~deb12u3 \
        npm=9.2.0~ds1-1 \
    && rm -rf /var/lib/apt/lists/*

# The grammars first, in their own layer: they change far less often than the sources.
WORKDIR /src/grammars
COPY grammars/package.json grammars/package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

WORKDIR /src
COPY . .
ARG DOCKVET_VERSION=""
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DDOCKVET_VERSION_OVERRIDE="${DOCKVET_VERSION}" \
    && cmake --build build --target dockvet \
    && strip build/dockvet \
    && build/dockvet --version

# The release binary is static (CMakeLists.txt: DOCKVET_STATIC), so it needs nothing else.
FROM scratch
COPY --from=build /src/build/dockvet /usr/local/bin/dockvet
ENV PATH=/usr/local/bin
WORKDIR /src
# A linter runs once and exits; there is no service whose health to watch.
HEALTHCHECK NONE
ENTRYPOINT ["dockvet"]
