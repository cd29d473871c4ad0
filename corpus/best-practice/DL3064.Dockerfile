# DL3064: ARG and ENV names that look like secrets.
# expect: DL3064:5
ARG NPM_TOKEN
FROM node:22.11.0
# expect: DL3064:5
ARG GITHUB_TOKEN
# expect: DL3064:5
ENV DB_PASSWORD=changeme
# expect: DL3064:25
ENV NODE_ENV=production app_secret_key=abc123
# expect: DL3064:5
ENV SSH_PRIVATE_KEY=/dev/null
# expect: DL3064:13
ONBUILD ARG OPENAI_API_KEY
# expect: DL3064:5
ENV api_tokens=abc
# Where a secret is kept, words that only contain a marker, and other names.
ENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password
ENV TOKENIZERS_PARALLELISM=false
ARG USERNAME=node
ENV PRIVATE_REGISTRY=registry.example.com
ENV NODE_OPTIONS=--max-old-space-size=2048
