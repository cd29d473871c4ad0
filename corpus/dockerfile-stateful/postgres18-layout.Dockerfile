# The same image written for the 18 layout: the VOLUME is the parent the image already declares.
FROM postgres:18
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-18-pgvector \
 && rm -rf /var/lib/apt/lists/*
VOLUME /var/lib/postgresql
