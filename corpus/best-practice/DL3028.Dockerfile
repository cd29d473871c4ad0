# DL3028: every gem of `gem install` carries a version.
FROM ruby:3.3.5

# expect: DL3028:29
RUN gem install rake:13.2.1 bundler
WORKDIR /opt

# Options that take no value do not hide the gem after them.
# expect: DL3028:31
RUN gem install --no-document rails
WORKDIR /srv

# -v pins the gem, `name:requirement` pins each gem, and a .gem file is what it is.
RUN gem install nokogiri -v 1.16.7 \
 && gem install --version=2.9.2 json \
 && gem i "puma:~> 6.4" rack:3.1.7 \
 && gem install ./vendor/tool-1.0.0.gem

# Words after -- go to the gem's build, not to gem.
RUN gem install pg:1.5.8 -- --with-pg-config=/usr/bin/pg_config
WORKDIR /srv/app

# Heredoc RUNs are read like any other.
RUN <<EOF
set -e
# expect: DL3028:13
gem install thor
gem install zeitwerk:2.6.18
EOF

# expect: DL3028:25
ONBUILD RUN gem install rubocop
