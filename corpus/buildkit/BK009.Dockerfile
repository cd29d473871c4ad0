# check=experimental=InvalidDefinitionDescription
# BK009 InvalidDefinitionDescription (experimental in BuildKit, off by default; the directive
# above turns it on). Expectations are pinned at the end, since a comment above an ARG is what
# the rule reads.
#
# bar this is the bar
ARG foo=bar
# BasE this is the BasE image
FROM scratch AS base
# definitely a bad comment
ARG version=latest
# definitely a bad comment
ARG foo=baz bar=qux baz=quux
# foo is the foo
ARG foo
# build compiles the program
FROM golang:1.23.2 AS build
# a remark, then a bare "#" that ends it
#
ARG bit=bat
# the empty line below does not separate, as in BuildKit's parser

ARG GOOS=linux
COPY . /src
# expect-line: 7 BK009:1
# expect-line: 9 BK009:1
# expect-line: 11 BK009:1
# expect-line: 13 BK009:1
# expect-line: 23 BK009:1
