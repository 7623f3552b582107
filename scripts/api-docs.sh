#!/usr/bin/env sh
# `npm run docs:api`: the API reference from the TSDoc of the public entry (runtime/index.ts) into
# docs/api/ (open docs/api/index.html). TypeDoc reads TypeScript up to 6.0 and this project compiles
# with 7, so TypeDoc and its TypeScript live in scripts/api-docs/ with a lockfile of their own.
set -eu
cd "$(dirname "$0")/.."
npm ci --prefix scripts/api-docs --no-audit --no-fund --silent
scripts/api-docs/node_modules/.bin/typedoc \
  --tsconfig tsconfig.build.json \
  --entryPoints runtime/index.ts \
  --out docs/api \
  --name flux-actors \
  --readme none \
  --treatWarningsAsErrors false
