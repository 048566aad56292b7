#!/usr/bin/env bash
# Release build of the browser app into dist/: plain static files with relative URLs, so the
# folder works from any static host and any sub-path. Runs offline once `cargo fetch` has run.
#   scripts/build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
# binaryen's wasm-opt and esbuild (tools/package.json, installed by scripts/setup.sh).
export PATH="$PWD/tools/node_modules/.bin:$PATH"
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -x tools/node_modules/.bin/esbuild ]; then
  echo "build: the build tools are missing (tools/node_modules): run scripts/setup.sh" >&2
  exit 1
fi

cargo fetch --locked >/dev/null
trunk build --release --dist dist

# Sizes, raw and gzip -9. The import panel's files are fetched only when it is first opened, the
# import worker's on the first import, the send panel's on the first send and the deferred
# outputs' when one of their outputs (SDK program, HTTP request, skeletons) is first shown, so
# they are listed but not counted in the first load
# (bench/run.sh measures it for real).
total=0
for f in dist/*.wasm dist/*.js dist/*.css dist/index.html; do
  [ -f "$f" ] || continue
  gz=$(gzip -9 -c "$f" | wc -c)
  case "$(basename "$f")" in
    import-panel*) note=' (on first open of the import panel)' ;;
    import-worker*) note=' (on first import)' ;;
    send-panel*) note=' (on first send)' ;;
    deferred-outputs*) note=' (when the SDK, HTTP request or a skeleton tab is first shown)' ;;
    operation-page*) note=' (only on the page of another operation, ?op=…)' ;;
    *) total=$((total + gz)); note='' ;;
  esac
  printf '%8d B  %7d B gzip  %s%s\n' "$(wc -c <"$f")" "$gz" "$f" "$note"
done
printf 'first load: %d B gzip\n' "$total"
