FROM debian:12.7 AS base
# dash has no `source`.
# expect: SC3046:5
RUN source /etc/os-release && echo "$VERSION_CODENAME" > /etc/codename
WORKDIR /etc
RUN <<EOF
set -eu
# expect-line: 9 SC3046:1
source /etc/os-release
echo "$ID" > /etc/distro
EOF

# `.` is POSIX; a heredoc with a bash #! line, or a stage whose SHELL is bash, may source.
RUN . /etc/os-release && echo "$VERSION_CODENAME" > /etc/codename
WORKDIR /srv
RUN <<EOF
#!/bin/bash
source /etc/os-release
EOF
SHELL ["/bin/bash", "-o", "pipefail", "-c"]

FROM base
RUN source /etc/os-release && echo "$ID" > /etc/distro
