# DL3045: COPY to a relative destination in a stage without WORKDIR.
FROM python:3.13.0 AS base
# expect: DL3045:23
COPY requirements.txt requirements.txt
# expect: DL3045:22
COPY --chmod=755 run "bin/run"
# expect: DL3045:8
COPY . .
WORKDIR /app
COPY app.py app.py

FROM python:3.13.0 AS fresh
# The WORKDIR of another stage is not inherited.
# expect: DL3045:13
COPY app.py ./
COPY app.py /srv/app.py
COPY app.py "/srv/app2.py"
COPY settings.py ${HOME}/settings.py
COPY settings.py $HOME
COPY app.py c:/app/app.py
COPY <<EOT /etc/app.conf
level = info
EOT
# expect: DL3045:12
COPY <<EOT app.conf
level = info
EOT
ENV TARGET=lib
# expect: DL3045:14
COPY util.py src/${TARGET}/util.py

# A stage built on one that set WORKDIR, through another.
FROM base AS middle
RUN python -m compileall /app

FROM middle
COPY util.py util.py
# An ONBUILD COPY runs in a later build.
ONBUILD COPY plugin.py plugins/
