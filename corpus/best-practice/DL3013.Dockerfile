# DL3013: pip installs a package without a version.
FROM python:3.12.7-slim AS build
WORKDIR /src
COPY requirements.txt constraints.txt /src/

# Versions from a requirements or constraints file, and the local project, are the file's business.
RUN pip install --no-cache-dir -r requirements.txt \
    && pip install --no-cache-dir --requirement=requirements.txt \
    && pip install --no-cache-dir gunicorn -c constraints.txt \
    && pip install --no-cache-dir .

ENV STEP=pinned
# Every kind of pin: specifiers, VCS refs, archives, local paths, URLs, variables.
RUN pip install --no-cache-dir 'flask==3.0.3' 'alabaster>=0.7' "requests~=2.32" \
        'sqlalchemy[asyncio]==2.0.36' "uvicorn==${UVICORN_VERSION:-0.32.0}" \
    && pip install --no-cache-dir git+https://github.com/pallets/click.git@8.1.7#egg=click \
    && pip install --no-cache-dir ./wheels/app-1.0-py3-none-any.whl vendor/lib .[test] \
    && pip install --no-cache-dir https://example.com/dist/tool-1.2.tar.gz \
    && pip install --no-cache-dir --index-url https://pypi.example.com/simple "$PACKAGES"

ENV STEP=unpinned
# expect: DL3013:32
RUN pip install --no-cache-dir flask \
# expect: DL3013:56
    && python3 -m pip install --no-cache-dir --upgrade pip setuptools==75.2.0 \
# expect: DL3013:52
    && pip3 install --no-cache-dir --target /opt/x git+https://github.com/pallets/jinja.git#egg=jinja2

ENV STEP=user-at-host
# The `git@` is the user, not a ref.
# expect: DL3013:58
RUN pip install --no-cache-dir --root-user-action=ignore git+ssh://git@github.com/org/repo.git

FROM python:3.12.7-slim
COPY --from=build /usr/local /usr/local
# pipx pins like pip; its --python value is not a package.
# expect: DL3013:51
RUN pipx install --python "$(command -v python3)" black \
    && pipx install "poetry==1.8.5"
# expect-line: 43 DL3013:28
RUN <<EOF
set -e
pip install --no-cache-dir httpx
pip install --no-cache-dir "httpx==0.27.2"
EOF
# A trigger runs in the image built on this one.
# expect: DL3013:47
ONBUILD RUN pip install --no-cache-dir --user rich
USER 65534
# pipenv is not pip.
ONBUILD RUN pipenv install black
