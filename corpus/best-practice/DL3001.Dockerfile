# DL3001: commands that make no sense in a build (service, ssh, vim, ps, top, free, kill, mount,
# shutdown, ifconfig). `kill` of a job the same RUN started stays silent.
FROM debian:12.7

# expect: DL3001:5
RUN service nginx start

WORKDIR /srv
# expect: DL3001:24
RUN echo "checking" && ps aux

ENV LANG=C.UTF-8
# A continued chain: the finding points at the command on its own line.
RUN mkdir -p /srv/data \
    && chown -R www-data /srv/data \
# expect: DL3001:8
    && vim /srv/data/notes

COPY schema.sql /srv/schema.sql
# Stopping a server this RUN started in the background is how a schema gets loaded.
RUN /usr/sbin/mysqld --skip-networking & pid="$!" \
    && sleep 5 \
    && /usr/bin/mysql < /srv/schema.sql \
    && kill "$pid" \
    && wait "$pid"

ENV APP_HOME=/srv/app
# Names that only look alike stay silent: ssh-keygen, psql, topgrade, `command -v ssh`.
RUN ssh-keygen -A && command -v ssh && which top

EXPOSE 8080
# expect: DL3001:13
ONBUILD RUN mount -t tmpfs tmpfs /mnt

USER 33
# expect: DL3001:5
RUN free -m || true
