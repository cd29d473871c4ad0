# DL4005: relinking /bin/sh instead of declaring SHELL.
FROM debian:12.7

# expect: DL4005:5
RUN ln -sf /bin/bash /bin/sh

WORKDIR /usr/local/bin
# Links elsewhere, even to /bin/sh, change no shell: silent.
RUN ln -s /bin/sh /usr/local/bin/posix-sh && ln -s foo bar && ls /bin/sh

EXPOSE 8080
# expect: DL4005:13
ONBUILD RUN ln -sfv /bin/bash /bin/sh
