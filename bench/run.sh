#!/usr/bin/env bash
# The performance benchmark of issues 12 and 20: installs what is missing, builds the release
# dist/ and the react-jsonschema-form peer, then measures ours against both peers (Swagger UI and
# the RJSF page, showing the same operation) in one headless Chromium, and ours alone switching
# operation and typing into a nested form, and prints the table. Exit status: 0 all budgets
# met, 1 a budget missed, 2 the run itself failed. Arguments go to bench/run.mjs (--loads N,
# --keys N, --switch-cache HEADER).
# Set BENCH_SKIP_BUILD=1 to measure the dist/ already there (for trying release settings).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

bash scripts/setup.sh

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  if [ -x scripts/build.sh ] || [ -f scripts/build.sh ]; then
    bash scripts/build.sh
  else
    # Until the app's own release script exists: the same offline Trunk release build.
    cargo fetch --quiet
    TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true trunk build --release
  fi
fi

# Other work in this tree may rebuild dist/ while the bench runs: measure a private copy.
snapshot=target/bench-dist
rm -rf "$snapshot" && mkdir -p "$snapshot" && cp -R dist/. "$snapshot"/

# The lockfile pins exact versions; `npm ci` from the local cache takes about a second.
(cd bench && npm ci --no-audit --no-fund --prefer-offline --silent)

# The RJSF peer's bundle (esbuild, under a second; skipped when its inputs are unchanged).
bash bench/peers/rjsf/build.sh

exec node bench/run.mjs --dist "$snapshot" "$@"
