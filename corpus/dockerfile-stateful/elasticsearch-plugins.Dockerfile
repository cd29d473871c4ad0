# Elasticsearch declares no VOLUME of its own; this image adds one over the data path.
FROM docker.elastic.co/elasticsearch/elasticsearch:8.15.3
RUN bin/elasticsearch-plugin install --batch analysis-icu
VOLUME /usr/share/elasticsearch/data
