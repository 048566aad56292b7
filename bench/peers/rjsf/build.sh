#!/usr/bin/env bash
# Builds the react-jsonschema-form peer into bench/peers/rjsf/build/: index.html and one
# bundled, minified app.js (esbuild, production React). Needs bench/node_modules (npm ci).
# Skips the build when build/.inputs holds the checksum of the same inputs (the sources, the
# page, the lockfile and this script).
set -euo pipefail
cd "$(dirname "$0")"
bench=../..
esbuild="$bench/node_modules/.bin/esbuild"

inputs=$(cat build.sh index.html src/* "$bench/package-lock.json" | sha256sum | cut -d' ' -f1)
if [ -f build/app.js ] && [ -f build/index.html ] && [ "$(cat build/.inputs 2>/dev/null)" = "$inputs" ]; then
  exit 0
fi

rm -rf build && mkdir -p build
"$esbuild" src/main.jsx --bundle --minify --jsx=automatic --target=es2020 \
  --define:process.env.NODE_ENV='"production"' --log-level=warning \
  --outfile=build/app.js --metafile=build/meta.json
cp index.html build/index.html
echo "$inputs" >build/.inputs
printf 'rjsf peer: build/app.js %d B, %d B gzip\n' "$(wc -c <build/app.js)" "$(gzip -9 -c build/app.js | wc -c)"
