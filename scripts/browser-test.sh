#!/usr/bin/env bash
# Builds dist/ and runs the browser tests in headless Chromium against it.
#   scripts/browser-test.sh [test files…]   (default: every tests/browser/*.test.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
if [ ! -d tests/browser/node_modules ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --silent)
fi
cd tests/browser
node --test --test-concurrency=1 "$@"
