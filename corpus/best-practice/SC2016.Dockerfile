FROM debian:12.7
ARG VERSION=1.2.3
# expect: SC2016:10
RUN echo 'version: $VERSION' > /VERSION \
# Meant for awk, sed, sh -c, a prompt: silent.
    && awk '{ print $1 }' /etc/hostname \
    && sed -i 's/^user$/nobody/' /etc/app.conf \
    && sh -c 'echo "$0"' \
    && PS1='\u@\h:$PWD\$ ' \
# Text written to a file keeps its `$` for whoever reads the file: silent.
    && printf '%s\n' 'PATH=$PATH:/opt/bin' >> /etc/profile.d/opt.sh \
    && { echo '[app]'; echo 'baseurl=https://repo.example.com/$basearch/'; } > /etc/app.repo \
# expect: SC2016:33
    && curl -fsSLo /tmp/app.tgz 'https://example.com/app/$VERSION/app.tgz' \
    && echo "$VERSION"
