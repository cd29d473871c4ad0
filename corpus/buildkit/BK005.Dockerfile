# BK005 ExposeProtoCasing: Docker lower-cases the protocol anyway.
FROM coredns/coredns:1.11.3
# expect: BK005:8, BK005:15
EXPOSE 80/TcP 8080/TCP 8080/udp
EXPOSE 53/udp 53/tcp 9153
