# DL3059: a single-command RUN right after another single-command RUN.
FROM debian:12.7
RUN useradd --create-home app
# expect: DL3059:1
RUN mkdir -p /srv/data
# Comments between them do not separate them.
# expect: DL3059:1
RUN chown app /srv/data
# Neither do continuation lines.
# expect: DL3059:1
RUN chmod 750 \
    /srv/data
WORKDIR /srv
RUN mkdir -p /srv/cache
# Exec form runs one command.
# expect: DL3059:1
RUN ["touch", "/srv/.keep"]
# Same flags, in another order.
RUN --network=none --mount=type=cache,target=/var/cache/app ls /var/cache/app
# expect: DL3059:1
RUN --mount=type=cache,target=/var/cache/app --network=none touch /var/cache/app/.keep
WORKDIR /srv/app
# Chained commands: the split was meant.
RUN mkdir -p /srv/app/logs && chown app /srv/app/logs
RUN touch /srv/app/logs/app.log
RUN touch /srv/app/logs/error.log; touch /srv/app/logs/access.log
# Different --mount flags.
RUN --mount=type=secret,id=token test -s /run/secrets/token
RUN --mount=type=secret,id=cert test -s /run/secrets/cert
RUN test -d /srv/app
# A heredoc RUN with two commands.
RUN <<EOT
mkdir -p /srv/app/tmp
chmod 1777 /srv/app/tmp
EOT
RUN test -d /srv/app/tmp
# ONBUILD RUNs run in a later build.
ONBUILD RUN test -d /srv/app
RUN test -d /srv/app/logs
ONBUILD RUN test -d /srv/app/tmp
