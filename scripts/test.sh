#!/usr/bin/env bash
# The project's test command: installs what is missing, then runs every check and test.
#   scripts/test.sh
# Native core tests (unit, golden files, real shells, real AWS CLI and SDK conformance, round trips),
# then the release build and the browser tests in headless Chromium against dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# Compiled crates live outside the clone so repeated runs on one machine reuse them.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/sms-job-builder/target}"
export CARGO_TERM_COLOR=never

step() { printf '\n==> %s\n' "$*"; }
started=$SECONDS

step "setup (skips what is installed)"
scripts/setup.sh

step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown --locked -- -D warnings

step "native tests: core, golden files, shells, AWS CLI conformance, SDK programs, round trips"
cargo test --locked

step "release build into dist/"
scripts/build.sh

step "browser tests (headless Chromium against dist/)"
(cd tests/browser && node --test --test-concurrency=1)

step "all tests passed in $((SECONDS - started)) s"
