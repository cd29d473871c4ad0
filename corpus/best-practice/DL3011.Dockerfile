# DL3011: EXPOSE names ports from 0 to 65535.
FROM nginx:1.27.2
ENV METRICS_PORT=9113
ENV ADMIN_PORT=90000

# expect: DL3011:8
EXPOSE 80800
EXPOSE 8080 8443/tcp 53/udp
# expect: DL3011:13
EXPOSE 8080 40000-80000/tcp
EXPOSE 40000-50000/udp

# Variables count with the value they are known to have.
EXPOSE ${METRICS_PORT}
# expect: DL3011:8
EXPOSE $ADMIN_PORT
EXPOSE ${UNKNOWN_PORT}

# ONBUILD triggers are the child image's business.
ONBUILD EXPOSE 99999
