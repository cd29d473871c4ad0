# BK004 ExposeInvalidFormat: EXPOSE names container ports; the host side belongs to `docker run
# -p`.
FROM nginx:1.27.2
# expect: BK004:8, BK004:24, BK004:40
EXPOSE 127.0.0.1:80:80 [::1]:8080:8080 5000:5000 8000

# Ports, ranges and protocols alone are fine.
EXPOSE 80 443/tcp 8000-8010 53/udp

# A port from an ARG is judged on its value.
ARG METRICS=9090:9090
# expect: BK004:8
EXPOSE $METRICS
