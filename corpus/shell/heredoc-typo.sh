#!/bin/bash
# The here-document ends with EOT instead of EOF, so the shell feeds the rest of the script
# into the file and never starts the container.
# expect: DV022:15
cat > app.env <<EOF
LOG_LEVEL=info
EOT
docker run -d --env-file app.env --name web nginx:1.27
