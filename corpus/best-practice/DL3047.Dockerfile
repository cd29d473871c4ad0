# DL3047: wget without a progress setting floods the build log.
FROM debian:12.7

# expect: DL3047:5
RUN wget https://example.com/app-1.4.2.tar.gz

WORKDIR /opt
# Told how to report progress, or to be quiet: silent.
RUN wget --progress=dot:giga https://example.com/a.tar.gz \
    && wget -nv https://example.com/b.tar.gz \
    && wget -qO /opt/c.tar.gz https://example.com/c.tar.gz \
    && wget --no-verbose https://example.com/d.tar.gz \
    && wget -o /tmp/wget.log https://example.com/e.tar.gz \
    && wget --append-output=/tmp/wget.log https://example.com/f.tar.gz

ENV LANG=C.UTF-8
RUN mkdir -p /opt/app \
# expect: DL3047:8
    && wget -O /opt/app/app.tar.gz https://example.com/app.tar.gz \
    && tar -xzf /opt/app/app.tar.gz -C /opt/app

EXPOSE 8080
# expect: DL3047:13
ONBUILD RUN wget https://example.com/plugin.tar.gz
