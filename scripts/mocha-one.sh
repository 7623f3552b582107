#!/usr/bin/env sh
# Runs the given test files only (with the config, its spec glob would add every file).
NODE_OPTIONS="--import tsx/esm" exec npx mocha --no-config --require test/fixtures/root-hooks.ts --timeout 15000 "$@"
