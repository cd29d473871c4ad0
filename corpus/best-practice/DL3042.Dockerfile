# DL3042: pip install keeps its cache in the image.
FROM python:3.12.7-slim AS base
# The base stage turns the cache off for itself and for the stages built on it.
ENV PIP_NO_CACHE_DIR=1
RUN pip install flask==3.0.3

FROM base AS app
WORKDIR /app
RUN pip install gunicorn==23.0.0

FROM python:3.12.7-slim AS tools
WORKDIR /tools
# The option, the variable for one command or exported before it, a cache mount.
RUN pip install --no-cache-dir black==24.10.0 \
    && PIP_NO_CACHE_DIR=on pip install isort==5.13.2 \
    && export PIP_NO_CACHE_DIR=true && pip3 install ruff==0.7.1
ENV STEP=mount
RUN --mount=type=cache,target=/root/.cache/pip python3 -m pip install mypy==1.13.0
ENV STEP=mount-elsewhere
RUN --mount=type=cache,target=/pip-cache pip install --cache-dir /pip-cache pylint==3.3.1
ENV STEP=pipx
# pipx keeps no cache of pip's; pipenv is not pip.
RUN pipx install poetry==1.8.5 && pipenv install

ENV STEP=cached
# expect: DL3042:5
RUN pip install httpx==0.27.2 \
# expect: DL3042:8
    && python3 -m pip install --user rich==13.9.3
ENV STEP=mount-wrong-place
# expect: DL3042:44
RUN --mount=type=cache,target=/var/cache/x pip install attrs==24.2.0
# "0" does not say what pip does with it.
# expect: DL3042:24
RUN PIP_NO_CACHE_DIR=0 pip install cattrs==24.1.2

# An ARG of the stage is in the environment of its RUNs.
FROM python:3.12.7-slim AS lint
ARG PIP_NO_CACHE_DIR=1
RUN pip install pyflakes==3.2.0

FROM python:3.12.7-slim
COPY --from=app /usr/local /usr/local
COPY --from=tools /usr/local/bin/black /usr/local/bin/black
# expect-line: 49 DL3042:1
RUN <<EOF
set -e
pip install --no-cache-dir six==1.16.0
pip install idna==3.10
EOF
USER 65534
