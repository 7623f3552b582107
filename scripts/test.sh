#!/usr/bin/env sh
# `npm test`: the whole test suite on a fresh Debian machine with Node 20: installs what is missing (nats-server,
# chromium for the web page's test and, for better-sqlite3's build, a C++ toolchain, from Debian; the npm
# dependencies), then checks
# the types, the format, the lint rules and the layers, builds (and the API reference), runs every test, then packs the package and
# runs a workflow from the installed tarball (scripts/pack-check.sh). Exit code: the first that failed.
set -eu
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=""
command -v nats-server >/dev/null 2>&1 || missing="$missing nats-server"
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v g++ >/dev/null 2>&1 || missing="$missing g++"
command -v make >/dev/null 2>&1 || missing="$missing make"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
if [ -n "$missing" ]; then
  echo "installing from Debian:$missing"
  $SUDO apt-get update -y && $SUDO apt-get install -y --no-install-recommends $missing
fi

npm ci --no-audit --no-fund
npm run typecheck
npm run lint
npm run build
# The API reference builds from the TSDoc (TypeDoc, with its own TypeScript: scripts/api-docs.sh).
sh scripts/api-docs.sh > /dev/null
# A run that does not end (a server or socket left open) fails here with a message, not at CI's deadline.
timeout --foreground 1200 npx mocha || {
  code=$?
  [ "$code" -eq 124 ] && echo "the test run did not end within 20 minutes: something keeps the process alive" >&2
  exit "$code"
}
sh scripts/pack-check.sh
