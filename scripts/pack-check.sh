#!/usr/bin/env sh
# How a user first meets the package: packs it as `npm publish` would (prepack builds dist/),
# installs the tarball in a new project, and runs a TypeScript workflow there with `npx flux exec`,
# then one of the examples it ships. Part of `npm test`; needs the npm registry (or its cache).
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npm pack --pack-destination "$work" --silent >/dev/null
tarball=$(ls "$work"/flux-actors-*.tgz)
for file in dist/runtime/index.js dist/runtime/index.d.ts dist/cli/flux.js dist/http/page/index.html \
  dist/proto/generated/flux.js proto/flux/v1/flux.proto examples/hello-world.ts nats.conf; do
  tar -tzf "$tarball" | grep -qx "package/$file" || { echo "pack-check: the package lacks $file" >&2; exit 1; }
done

mkdir "$work/app"
cd "$work/app"
printf '{ "name": "flux-pack-check", "private": true, "type": "module" }\n' >package.json
npm install "$tarball" --prefer-offline --no-audit --no-fund --loglevel=error >/dev/null
cat >order.ts <<'TS'
import { task, workflow, type ExecutionContext } from 'flux-actors';

const charge = task.withOptions({ retryMaxAttempts: 2 })(async function charge(amount: number) {
  return `receipt-${amount}`;
});

export const order = workflow(async function order(ctx: ExecutionContext<number>) {
  return `${await charge(ctx.input)} shipped`;
});
TS
export FLUX_HOME="$work/app/.flux"
npx flux exec order.ts order 40 >out.json
node -e "
  const ctx = JSON.parse(require('fs').readFileSync('out.json', 'utf8'));
  if (ctx.state !== 'succeeded' || ctx.output !== 'receipt-40 shipped') {
    console.error('pack-check: flux exec gave', ctx); process.exit(1);
  }"
npx tsx node_modules/flux-actors/examples/hello-world.ts | grep -qx 'succeeded Hello, WORLD' \
  || { echo "pack-check: the shipped hello-world example did not run" >&2; exit 1; }
echo "pack-check: packed, installed and ran a workflow with npx flux exec ($(du -k "$tarball" | cut -f1) KiB)"
