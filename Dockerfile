# The flux CLI in an image: `flux worker` and `flux server` for docker-compose.yml (or any orchestrator).
#   docker build -t flux-actors .
#   docker run --rm flux-actors --help
# Workflow modules (.ts or .js) are mounted or copied under /app/workflows; the examples are in the image.
# They import 'flux-actors' and get this package's dist/ (it is the package they sit in). No sources or
# tsconfig.json are copied: with them, tsx would map 'flux-actors' to the sources, a second copy.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Then only what runs: the dependencies, and the optional packages behind --metrics-port and GET /metrics
# (devDependencies and optional peers here, so they go from the manifest before they are installed).
RUN npm run build \
  && npm prune --omit=dev \
  && npm pkg delete devDependencies peerDependencies peerDependenciesMeta \
  && npm install --no-save --omit=dev --no-audit --no-fund \
    @opentelemetry/sdk-metrics@2.12 @opentelemetry/exporter-prometheus@0.223

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production FLUX_HOME=/data
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/proto ./proto
COPY --from=build /app/examples ./examples
RUN mkdir -p /data /app/workflows && chown node:node /data
USER node
ENTRYPOINT ["node", "/app/dist/cli/flux.js"]
CMD ["--help"]
