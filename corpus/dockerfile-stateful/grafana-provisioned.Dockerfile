# Grafana with dashboards baked in; the SQLite database and plugins live in /var/lib/grafana.
# expect: DV121:6
FROM grafana/grafana-oss:11.3.0
COPY provisioning/ /etc/grafana/provisioning/
COPY dashboards/ /var/lib/grafana/dashboards/
ENV GF_AUTH_ANONYMOUS_ENABLED=true
