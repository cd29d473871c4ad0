# BK013 MultipleInstructionsDisallowed: only the last CMD, ENTRYPOINT and HEALTHCHECK of a stage
# count; BuildKit reports the earlier one, the one that is ignored.
FROM python:3.12.7-slim AS app
# expect: BK013:1
ENTRYPOINT ["/usr/local/bin/python"]
# expect: BK013:1
CMD ["app.py"]
# expect: BK013:1
HEALTHCHECK CMD ["python", "-c", "print(1)"]
COPY <<EOF /app/app.py
print("hello")
EOF
ENTRYPOINT ["/usr/local/bin/python3"]
CMD ["/app/app.py"]
HEALTHCHECK CMD ["python3", "-c", "print(1)"]

# A stage built on another may set them again.
FROM app AS debug
ENTRYPOINT ["/usr/local/bin/python3", "-X", "dev"]
CMD ["/app/app.py"]
HEALTHCHECK NONE
