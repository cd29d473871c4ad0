# A dist-upgrade ties the image to the day it is built.
FROM opensuse/leap:15.6 AS base

# expect: DL3035:5
RUN zypper --non-interactive dist-upgrade && zypper clean

ENV LANG=C.UTF-8

RUN zypper --non-interactive refresh \
# expect: DL3035:5
 && zypper --non-interactive dup --allow-vendor-change \
 && zypper clean

WORKDIR /srv

# Updating or installing named packages is fine, and so is a word `dup` that is no action.
RUN zypper --non-interactive update curl=8.6.0 \
 && zypper --non-interactive install dupeguru=4.3.1 \
 && zypper clean

FROM base
# expect: DL3035:13
ONBUILD RUN zypper -n dup && zypper clean
