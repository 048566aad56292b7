#!/usr/bin/env bash
# Builds dist/ and runs the browser tests against it in each engine (tests/browser/harness.mjs).
#   scripts/browser-test.sh [test files…]   (default: every tests/browser/*.test.mjs)
#   SMSJB_ENGINES="firefox webkit" scripts/browser-test.sh   (default: chromium firefox webkit)
# Run scripts/setup.sh first on a fresh machine: it installs the browsers and drivers.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/build.sh
if [ ! -d tests/browser/node_modules ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --silent)
fi
cd tests/browser
failed=()
for engine in ${SMSJB_ENGINES:-chromium firefox webkit}; do
  printf '\n==> browser tests in %s\n' "$engine"
  SMSJB_ENGINE=$engine node --test --test-concurrency=1 "$@" || failed+=("$engine")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "browser tests failed in: ${failed[*]}" >&2
  exit 1
fi
