# DL4001: one stage downloads with both wget and curl. Each stage counts on its own.
FROM debian:12.7 AS fetch

RUN wget -q https://example.com/a.tar.gz

WORKDIR /opt
# expect: DL4001:5
RUN curl -fsSLO https://example.com/b.tar.gz

ENV LANG=C.UTF-8
RUN echo "no downloader here"

EXPOSE 8080
# expect: DL4001:26
RUN tar -xzf a.tar.gz && wget -q https://example.com/c.tar.gz

FROM debian:12.7
# A new stage starts afresh: curl alone is fine.
COPY --from=fetch /opt /opt
RUN curl -fsSLO https://example.com/d.tar.gz
