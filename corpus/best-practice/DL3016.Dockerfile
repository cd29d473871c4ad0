# DL3016: npm installs a package without a version.
FROM node:20.18.0-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json /app/

# Versions from package.json and the lockfile.
RUN npm ci --omit=dev \
    && npm install --progress=false \
    && npm run --silent install

ENV STEP=pinned
# Every kind of pin: versions and ranges, scopes, git refs, tarballs, folders, variables.
RUN npm install -g typescript@5.6.3 @angular/cli@">=18.2.0 <19" express@"4.21.1" \
    && npm install --prefix /opt/tools ./tools/linter ../shared ~/pkg /srv/pkg \
    && npm install git+https://github.com/npm/cli.git#v10.9.0 expressjs/express#4.21.1 \
    && npm i package-v1.2.3.tgz https://registry.example.com/pkg/-/pkg-1.0.0.tgz \
    && npm install --registry https://npm.example.com "left-pad@${LEFT_PAD_VERSION}" "$EXTRA"

ENV STEP=unpinned
# expect: DL3016:26
RUN npm install --global nodemon \
# expect: DL3016:30 DL3016:55
    && npm i --loglevel warn @scope/private sax@1.4.1 npm@latest \
# expect: DL3016:16
    && npm add git://github.com/npm/npm.git

ENV STEP=registry
# The registry's URL is the option's value; the package after it is not pinned.
# expect: DL3016:48
RUN npm install --registry=https://example.com express
# expect-line: 34 DL3016:13
RUN <<EOF
set -e
npm install lodash
npm install "lodash@4.17.21"
EOF
USER 1000
# expect: DL3016:36
ONBUILD RUN npm install --save-dev jest
