# BK011 LegacyKeyValueFormat: `ENV key value` sets one variable to the rest of the line.
FROM python:3.12.7-slim
# expect: BK011:5
ENV APP_HOME /srv/app
# expect: BK011:7
LABEL version 1.0
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
LABEL org.opencontainers.image.title="api"

# A check= comment above one instruction skips the rule there only.
# check=skip=LegacyKeyValueFormat
ENV PIP_NO_CACHE_DIR off
