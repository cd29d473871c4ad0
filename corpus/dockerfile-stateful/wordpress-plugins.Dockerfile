FROM wordpress:6.6-php8.3-apache
# COPY into the image's own source tree is kept; the entrypoint copies it into the volume.
COPY --chown=www-data:www-data plugins/ /usr/src/wordpress/wp-content/plugins/
# Changing ownership inside the inherited VOLUME does not reach existing data.
# expect: DV126:32
RUN chown -R www-data:www-data /var/www/html/wp-content
RUN { echo 'upload_max_filesize = 64M'; echo 'post_max_size = 64M'; } \
      > /usr/local/etc/php/conf.d/uploads.ini
