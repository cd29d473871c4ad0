# zypper asks `Continue?` before it changes packages, and a build cannot answer.
FROM opensuse/leap:15.6 AS base

# expect: DL3034:5
RUN zypper install httpd=2.4.51 && zypper clean

ENV LANG=C.UTF-8

# Aliases count as their action; continued lines are read command by command.
RUN zypper --non-interactive refresh \
# expect: DL3034:5
 && zypper rm \
      vim-small \
# expect: DL3034:5
 && zypper up \
 && zypper clean

WORKDIR /srv

# Answered: --non-interactive or -n before the action, -y or --no-confirm after it.
RUN zypper --non-interactive install apache2-mod_php8=8.2.26 \
 && zypper -n in php8-cli=8.2.26 \
 && zypper install -y php8-gd=8.2.26 \
 && zypper remove --no-confirm php8-pear \
 && zypper search php8 \
 && zypper clean

# A heredoc RUN.
RUN <<EOF
set -e
# expect-line: 32 DL3034:1
zypper install php8-xml=8.2.26
zypper clean
EOF

FROM base
# expect: DL3034:13
ONBUILD RUN zypper install php8-mbstring=8.2.26 && zypper clean
