# DL3003: cd in a RUN instead of WORKDIR.
FROM debian:12.7

COPY src /usr/src/app
# expect: DL3003:5
RUN cd /usr/src/app && ./configure --prefix=/opt/app

WORKDIR /usr/src/app
# Giving the command its directory is the fix, and stays silent.
RUN make -C /usr/src/app install

ENV LANG=C.UTF-8
RUN mkdir -p /opt/app/share \
# expect: DL3003:8
    && cd /opt/app/share \
    && touch ready

EXPOSE 8080
# expect: DL3003:13
ONBUILD RUN cd /usr/src/app && make
