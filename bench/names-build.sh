#!/usr/bin/env bash
# A release build that keeps function names, for finding where the bytes and milliseconds go:
# the same Trunk release build as scripts/build.sh, but with `strip = false` and wasm-opt's names kept, in its own cargo
# target dir (so the product build's cache is not rebuilt) and into target/bench-dist-names/.
# Then, when twiggy is installed (`cargo install --locked twiggy`), prints the largest items of
# the page's wasm. The folder also works with `node bench/profile.mjs target/bench-dist-names`.
#   bash bench/names-build.sh [TWIGGY_TOP_N]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}-names"
export CARGO_PROFILE_RELEASE_STRIP=false

out=target/bench-dist-names
export PATH="$PWD/tools/node_modules/.bin:$PATH"
# The same page, but wasm-opt keeps the names (--debuginfo): a copy of index.html beside it
# (so its relative paths hold), removed afterwards.
page=.names-index.html
trap 'rm -f "$page"' EXIT
sed 's/data-wasm-opt-params="/data-wasm-opt-params="--debuginfo /' index.html >"$page"
cargo fetch --locked >/dev/null
trunk build --release --dist "$out" "$page"

wasm=$(ls "$out"/sms-job-builder-*_bg.wasm)
echo "page wasm with names: $wasm ($(wc -c <"$wasm") B)"
if command -v twiggy >/dev/null; then
  twiggy top -n "${1:-25}" "$wasm"
else
  echo 'twiggy is not installed (cargo install --locked twiggy): no breakdown printed'
fi
