#!/bin/sh
# A release script where a closing quote went missing: the shell reads the rest of the file as
# one string and fails at the end.
set -e
VERSION=1.4.2
# expect: DV020:6
echo "Tagging release $VERSION
docker tag app:latest app:$VERSION
docker push app:$VERSION
