FROM alpine:3.20
# The delimiter line has a trailing space, so the heredoc never ends; BuildKit would swallow
# the rest of the file. dockvet reports it and reads the following lines as instructions.
# expect: DV012:5
RUN <<EOF
# expect: DV011
echo "never closed"
# expect: DV011
EOF 
USER nobody
