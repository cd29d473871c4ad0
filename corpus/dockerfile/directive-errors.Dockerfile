# escape=`
# ESCAPE=\
FROM alpine:3.20
# Directives after the first instruction are plain comments:
# escape=\
RUN echo ok
# expect-line: 2 DV010
