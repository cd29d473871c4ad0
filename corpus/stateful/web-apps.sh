#!/usr/bin/env bash
# Internal tools: wiki, CMS, CI and artifact storage.
set -euo pipefail

# WordPress keeps the whole docroot (plugins, uploads, wp-config.php) in /var/www/html.
# expect: DV102:75
docker run -d --name blog --network blog-net -e WORDPRESS_DB_HOST=blog-db wordpress:6.6-apache
docker run -d --name blog2 --network blog-net -v wp_html:/var/www/html -e WORDPRESS_DB_HOST=blog-db wordpress:6.6-apache
# wp-cli is a client.
docker run -it --rm --volumes-from blog --network container:blog wordpress:cli wp user list

# Nextcloud: mounting only the data directory leaves config and apps anonymous.
# expect: DV102:65
docker run -d --name cloud -v nextcloud_data:/var/www/html/data nextcloud:30-apache
docker run -d --name cloud2 -v nextcloud:/var/www/html nextcloud:30-apache

# Drupal declares no VOLUME; its docs mount four directories.
# expect: DV101:37
docker run -d --name cms -p 8080:80 drupal:11
docker run -d --name cms2 -p 8081:80 \
  -v drupal-modules:/var/www/html/modules \
  -v drupal-profiles:/var/www/html/profiles \
  -v drupal-sites:/var/www/html/sites \
  -v drupal-themes:/var/www/html/themes \
  drupal:11

# Jenkins: the home directory is a VOLUME; JENKINS_HOME moved outside it loses everything.
docker run -d --name ci -p 8080:8080 -v jenkins_home:/var/jenkins_home jenkins/jenkins:lts-jdk17
# expect: DV108:55
docker run -d --name ci2 -p 8081:8080 -e JENKINS_HOME=/srv/jenkins -v jenkins_home2:/var/jenkins_home jenkins/jenkins:lts-jdk17

# Nexus with its data on a named volume; grafana without one.
docker run -d -p 8081:8081 --name nexus -v nexus-data:/nexus-data sonatype/nexus3
# expect: DV101:43
docker run -d -p 3000:3000 --name grafana grafana/grafana-oss:11.2.0
docker run -d -p 3001:3000 --name grafana2 -v grafana-storage:/var/lib/grafana grafana/grafana-enterprise:11.2.0

# The registry's pushed images live in /var/lib/registry.
# expect: DV102:61
docker run -d -p 5000:5000 --restart always --name registry registry:2

# SonarQube: data, extensions and logs.
# expect: DV102:95
docker run -d --name sonarqube -p 9000:9000 -v sonarqube_extensions:/opt/sonarqube/extensions sonarqube:community

# Stateless controls.
docker run -d --name web -p 80:80 -v "$PWD/site:/usr/share/nginx/html:ro" nginx:1.27
docker run -d --name adminer -p 8082:8080 adminer
docker run -d --name proxy -p 443:443 traefik:v3.1

# GitLab needs all three directories.
docker run -d --hostname gitlab.example.com --name gitlab \
  --volume "$GITLAB_HOME/config:/etc/gitlab" \
  --volume "$GITLAB_HOME/logs:/var/log/gitlab" \
  --volume "$GITLAB_HOME/data:/var/opt/gitlab" \
  --shm-size 256m gitlab/gitlab-ee:17.3.1-ee.0
