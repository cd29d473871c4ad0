FROM debian:12.7
# /bin/sh is dash here: bash's variables are not set.
# expect: SC3028:17 SC3028:28
RUN echo "build $RANDOM on $HOSTTYPE" > /etc/build-id \
# expect: SC3028:19
    && echo "took ${SECONDS}s" >> /etc/build-id

# A variable the script sets itself, or BASH_VERSION (read to tell shells apart): silent.
RUN UID=1000 && echo "$UID" "${BASH_VERSION:-sh}" > /etc/uid
WORKDIR /srv

# A heredoc script with a bash #! line runs under bash.
RUN <<EOF
#!/bin/bash
echo "$RANDOM" > /etc/seed
EOF

FROM debian:12.7 AS tools
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN echo "$RANDOM" | tee /etc/seed
