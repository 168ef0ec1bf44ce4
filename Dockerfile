# syntax=docker/dockerfile:1

# ---- build: compile the TypeScript sources to dist/ -------------------------
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY commands ./commands
COPY scripts/build.mjs scripts/compiledBuild.mjs ./scripts/
RUN npm run build

# ---- runtime: production dependencies, compiled JavaScript, the articles -------
FROM node:20-slim AS runtime
# tini as PID 1: passes SIGTERM on to node and reaps zombies (the same as `docker run --init`).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini=0.19.* \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
# No install scripts but better-sqlite3's (its native binding, a prebuilt download for Node 20);
# esbuild's is for tsx, which node dist/ never uses.
RUN npm ci --omit=dev --ignore-scripts && npm rebuild better-sqlite3 && npm cache clean --force
# The SQLite file (DATA_DIR): a volume in compose.yaml, so it outlives the container.
RUN mkdir -p /app/data && chown node:node /app/data
ENV DATA_DIR=/app/data
COPY --from=build /app/dist ./dist
COPY corpus ./corpus
USER node
EXPOSE 8080
# HTTP mode answers /health on HTTP_PORT; gateway mode on METRICS_PORT when it is set.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["node", "dist/src/transports/healthcheck.js"]
ENTRYPOINT ["/usr/bin/tini", "--"]
# Gateway mode; for HTTP mode run: node dist/src/transports/http/startHttpBot.js
CMD ["node", "dist/src/main.js"]
