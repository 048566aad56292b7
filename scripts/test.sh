#!/usr/bin/env bash
# The project's test command: installs what is missing, then runs every check and test.
#   scripts/test.sh
# Native core tests (unit, golden files, real shells, real AWS CLI and SDK conformance, round
# trips), then the release build and the browser tests against dist/ in three engines: Chromium
# (Playwright), Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver under xvfb-run).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# Compiled crates live outside the clone so repeated runs on one machine reuse them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sms-job-builder/target}"
export CARGO_TERM_COLOR=never

step() { printf '\n==> %s\n' "$*"; }
started=$SECONDS

step "setup (skips what is installed)"
scripts/setup.sh all

step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown --locked -- -D warnings

step "native tests: core, golden files, shells, AWS CLI conformance, SDK programs, round trips"
cargo test --locked

step "release build into dist/"
scripts/build.sh

# One test source, run once per engine (tests/browser/harness.mjs); every engine runs even if
# an earlier one failed, so a run reports all of them.
failed=()
for engine in chromium firefox webkit; do
  step "browser tests in $engine against dist/"
  engine_started=$SECONDS
  if (cd tests/browser && SMSJB_ENGINE=$engine node --test --test-concurrency=1); then
    echo "$engine: browser tests passed in $((SECONDS - engine_started)) s"
  else
    echo "$engine: browser tests FAILED after $((SECONDS - engine_started)) s"
    failed+=("$engine")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "browser tests failed in: ${failed[*]}" >&2
  exit 1
fi

step "all tests passed in $((SECONDS - started)) s"
