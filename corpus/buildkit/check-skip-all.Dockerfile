#check=skip=all
FROM scratch as base
copy Dockerfile .
MAINTAINER me@example.org
