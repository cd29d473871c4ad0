FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
# expect: DV123:8
VOLUME /srv/uploads:/app/uploads
# expect: DV124:8
VOLUME ['/app/cache']
# expect: DV125:8, DV125:13
VOLUME logs tmp
VOLUME ["/app/sessions", "/app/data"]
VOLUME /app/state/
CMD ["node", "server.js"]
