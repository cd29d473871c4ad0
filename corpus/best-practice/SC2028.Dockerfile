FROM debian:12.7
# Under dash (/bin/sh here) echo expands the escapes as meant: silent.
RUN echo 'listen 80;\nlisten 443;' > /etc/ports
# bash's echo does not.
SHELL ["/bin/bash", "-c"]
# expect: SC2028:10
RUN echo 'listen 80;\nlisten 443;' > /etc/ports \
# expect: SC2028:13
    && echo "name:\tapp" >> /etc/ports \
    && echo -e 'a\tb' >> /etc/ports \
    && printf 'listen 80;\nlisten 443;\n' >> /etc/ports \
    && echo plain \\n unquoted >> /etc/ports
