# DL4004: one ENTRYPOINT per stage.
FROM debian:12.7 AS wrapped
ENTRYPOINT ["/usr/local/bin/wait-for-db"]
# expect: DL4004:1
ENTRYPOINT ["/usr/local/bin/server"]

FROM debian:12.7 AS other
ENTRYPOINT ["/usr/local/bin/server"]
ONBUILD ENTRYPOINT ["/usr/local/bin/child"]

FROM debian:12.7
ENTRYPOINT ["/usr/local/bin/wait-for-db", "--"]
CMD ["/usr/local/bin/server"]
COPY --from=wrapped /usr/local/bin/server /usr/local/bin/server
# expect: DL4004:1
ENTRYPOINT ["/usr/local/bin/server"]
COPY --from=other /usr/local/bin/server /usr/local/bin/server-other
