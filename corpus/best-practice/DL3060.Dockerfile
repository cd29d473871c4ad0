# DL3060: yarn install leaves its cache in the image.
FROM node:20.18.0-bookworm-slim AS deps
WORKDIR /app
COPY package.json yarn.lock /app/
# A stage that no other stage builds FROM does not ship its layers.
RUN yarn install --frozen-lockfile

FROM node:20.18.0-bookworm-slim AS base
WORKDIR /app
COPY package.json yarn.lock /app/
# expect: DL3060:5
RUN yarn install --frozen-lockfile --production

FROM base AS build
COPY --from=deps /app/node_modules /app/node_modules
COPY . /app
# Cleaned in the same RUN, or kept in a cache mount.
RUN yarn install --frozen-lockfile \
    && yarn build \
    && yarn cache clean
ENV STEP=mount
RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile
ENV STEP=cache-folder
RUN --mount=type=cache,target=/yarn-cache yarn --cache-folder /yarn-cache
ENV STEP=rm
RUN yarn global add serve@14.2.4 && rm -rf "$(yarn cache dir)"
ENV STEP=clean-before-install
# expect: DL3060:25
RUN yarn cache clean && yarn add left-pad@1.3.0
ENV STEP=bare
# expect: DL3060:5
RUN yarn --frozen-lockfile && yarn build
ENV STEP=mount-elsewhere
# expect: DL3060:46
RUN --mount=type=cache,target=/var/cache/apt yarn install --frozen-lockfile
ENV STEP=not-installs
RUN yarn --version && yarn run lint
# expect-line: 41 DL3060:1
RUN <<EOF
set -e
yarn install --frozen-lockfile
EOF
# A trigger runs in the image built on this one.
# expect: DL3060:13
ONBUILD RUN yarn install
USER 1000
