# DL3004: sudo in a RUN, as the program or as a prefix of it.
FROM debian:12.7

USER 1000
# expect: DL3004:5
RUN sudo chown app /srv

WORKDIR /home/app
# expect: DL3004:21
RUN mkdir -p bin && sudo -u app -- touch bin/marker

ENV SUDO_TOOL=/usr/bin/sudo
# expect: DL3004:13
ONBUILD RUN sudo whoami

# A variable that merely names sudo, and `command -v sudo`, stay silent.
RUN env TOOL=/usr/bin/sudo printenv TOOL && command -v sudo
