# DL3046: useradd with a UID of six digits or more and without -l.
FROM debian:12.7

# expect: DL3046:16
RUN useradd -u 1000000 -m app

WORKDIR /srv
# Every spelling of the UID counts.
# expect: DL3046:37
RUN groupadd -g 1000 app && useradd --uid=123456 -g app worker

ENV LANG=C.UTF-8
# With -l (or --no-log-init), a small UID, or a UID the shell expands, it stays silent.
RUN useradd -l -u 1000000 svc \
    && useradd --no-log-init --uid 200000 batch \
    && useradd -u 1001 small \
    && useradd -u "$(id -u nobody)" copy

EXPOSE 8080
# expect: DL3046:43
ONBUILD RUN useradd --shell /bin/sh --uid 5000000 child
