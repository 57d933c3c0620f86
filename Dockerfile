# syntax=docker/dockerfile:1
# Mezzo: the API, which also serves the built web app (dist/apps/web/browser) and ships the CLI.
#   docker build -t mezzo .        (or: docker compose up --build)

ARG NODE_IMAGE=node:20-bookworm-slim
# package-lock.json and the `allowScripts` policy in package.json (with strict-allow-scripts in
# .npmrc) are npm 11's; the Node 20 image ships npm 10, which would ignore the policy.
ARG NPM_VERSION=11.19.1

FROM ${NODE_IMAGE} AS npm
ARG NPM_VERSION
RUN npm install --global npm@${NPM_VERSION} && npm cache clean --force
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true

# Build stage: full install, then build the three apps.
FROM npm AS build
COPY package.json package-lock.json .npmrc ./
RUN npm ci
COPY . .
RUN NODE_ENV=production npx nx run-many -t build -p api web cli

# Production dependencies only, installed from the same lockfile.
FROM npm AS prod-deps
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force

# Runtime: no npm upgrade, no sources, no dev dependencies; runs as the image's `node` user.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production PORT=3000
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# Code stays root-owned (read-only to the app); DATA_DIR (default /app/.data: mail outbox,
# uploads) is the one writable place.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
# The API; docker-compose.yml runs the same image as the reminder worker (dist/apps/api/worker.js).
CMD ["node", "dist/apps/api/main.js"]
