# The bot as a user runs it: `docker compose up -d` (see docker-compose.yml). Node 22 LTS.
FROM node:22-bookworm-slim

# pg_dump / pg_restore for `npm run backup` and the nightly backup against Postgres 15
# (the compose db); Debian bookworm's client is 15
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client ca-certificates \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# dependencies first (a layer that survives code changes); tsx is a runtime dependency, so no dev ones
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY . .

# PGlite data and the WeChat login session in /data, backups in /backups: both volumes
ENV NODE_ENV=production \
    GONGJIAN_DATA_DIR=/data \
    GONGJIAN_BACKUP_DIR=/backups \
    GONGJIAN_HTTP_PORT=8080
RUN mkdir -p /data /backups && chown node:node /data /backups
VOLUME ["/data", "/backups"]
USER node

EXPOSE 8080
# /healthz is 200 only while logged in and the database answers; port 0 = status server off
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD node -e "const p=process.env.GONGJIAN_HTTP_PORT||'8080';if(p==='0')process.exit(0);fetch('http://127.0.0.1:'+p+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"

# node itself, not npm, so that SIGTERM reaches the bot (it stops cleanly)
CMD ["node", "--import", "tsx", "src/main.ts"]
