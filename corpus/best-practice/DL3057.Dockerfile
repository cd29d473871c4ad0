# DL3057 (HEALTHCHECK missing) is off by default, as in hadolint: this image has none and
# nothing is reported unless a configuration selects the rule. The unit tests run it switched on.
FROM nginx:1.27.2
COPY site/ /usr/share/nginx/html/
