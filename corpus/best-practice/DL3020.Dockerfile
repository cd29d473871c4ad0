# DL3020: ADD for plain files, which COPY does without ADD's unpacking and downloads.
FROM nginx:1.27.2
# expect: DL3020:1
ADD nginx.conf /etc/nginx/nginx.conf
# expect: DL3020:1
ADD --chown=nginx:nginx "site" /usr/share/nginx/html/
# A zip archive is not unpacked by ADD.
# expect: DL3020:1
ADD static.zip /usr/share/nginx/
# One source needs ADD, the other does not: it belongs in a COPY of its own.
# expect: DL3020:19
ADD themes.tar.gz robots.txt /usr/share/nginx/html/
# Archives, URLs and Git repositories need ADD.
ADD assets.tar.gz /usr/share/nginx/html/
ADD "fonts.tgz" /usr/share/nginx/html/fonts/
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/geo.dat /usr/share/nginx/geo.dat
ADD git@github.com:example/errors.git /usr/share/nginx/errors
ADD --keep-git-dir=true https://github.com/example/theme.git#v1.2.0 /usr/share/nginx/theme
# A source from a build argument without a default is not judged.
ARG EXTRA_CONF
ADD ${EXTRA_CONF} /etc/nginx/conf.d/
COPY mime.types /etc/nginx/mime.types
