# syntax=docker/dockerfile:1
# The bot in a container: `docker build -t reform-bot .`, then see README "Run in Docker".
# Node 22 (LTS, bookworm slim): better-sqlite3 12 supports Node 20 to 26 (its "engines"); override with
# --build-arg NODE_VERSION=24 for the newer LTS.
ARG NODE_VERSION=22

# Stage 1: all dependencies (better-sqlite3 is native: python3, make and g++ build it when no prebuilt
# binary fits), the compiled build, then the dev dependencies (TypeScript, tsx) pruned away.
FROM node:${NODE_VERSION}-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The build also computes the search index artefact (dist/search-index.json) from data/.
COPY data ./data
# tsc type-checks as it emits src/ to dist/: a type error fails the build (no separate `npm run typecheck`,
# which would check the same files again; test/ and bench/ are not in the build context).
RUN npm run build
RUN npm prune --omit=dev --no-audit --no-fund

# Stage 2: plain Node on the compiled JavaScript, production dependencies only (no tsx, no TypeScript).
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATABASE_URL=file:/data/bot.db \
    PORT=8080
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# package.json's "type": "module" makes Node read dist/*.js as ES modules; data/ is found beside dist/.
COPY package.json ./
COPY data ./data
# The database lives on a volume, owned by the unprivileged user the bot runs as (uid 1000, "node").
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
# /healthz answers 200 when the store and every enabled platform are up (Node's fetch: no curl needed).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Tokens come from the environment at run time (docker run -e / --env-file), never from the image.
# Node runs directly (no npm wrapper process), so SIGTERM reaches the bot's graceful shutdown;
# this is what `npm run start:prod` runs. Backups: `docker exec <container> node dist/cli/backup.js <file>`.
# --max-semi-space-size=4 caps V8's young generation, which otherwise grows to 16 MB a half while the fact
# base and index are read: less resident memory for the same work (README, "Two commands", has the figures).
STOPSIGNAL SIGTERM
CMD ["node", "--max-semi-space-size=4", "dist/main.js"]
