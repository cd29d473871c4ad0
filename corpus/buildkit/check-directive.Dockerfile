# check=skip=ConsistentInstructionCasing,FromAsCasing;error=true
# The check directive: skipped rules stay silent in the whole file; error=true makes the other
# BuildKit findings errors (the corpus compares codes and positions).
FROM alpine:3.20 as base
copy app /app
# expect: BK012:1
MAINTAINER jane@example.com
# check=skip=MaintainerDeprecated
MAINTAINER john@example.com
# dockvet's own pragma silences a BuildKit rule by its BuildKit name, too.
# dockvet ignore=MaintainerDeprecated
MAINTAINER joe@example.com
