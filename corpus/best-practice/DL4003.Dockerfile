# DL4003: one CMD per stage.
FROM python:3.13.0 AS migrate
CMD ["python", "manage.py", "migrate"]
# expect: DL4003:1
CMD ["gunicorn", "app.wsgi"]

# Another stage has its own CMD.
FROM python:3.13.0 AS worker
CMD ["celery", "-A", "app", "worker"]
# An ONBUILD trigger sets the child image's CMD.
ONBUILD CMD ["python", "-m", "app"]

FROM python:3.13.0
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
CMD ["gunicorn", "app.wsgi"]
COPY --from=migrate /usr/src/app/ /usr/src/app/
# expect: DL4003:1
CMD ["gunicorn", \
     "--workers=4", "app.wsgi"]
COPY --from=worker /usr/src/app/ /srv/worker/
