#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml): in a release build, minifies the JavaScript and CSS in
# the staging folder with esbuild (tools/package.json): wasm-bindgen's glue of the page and of
# each panel, their loaders, boot.js and the style sheet. The import worker's glue is a classic
# script, not a module, and is minified as one (its top-level names stay). Trunk's own
# minifier is not used: it stops at the glue's `export { … as default }`, and its HTML
# minifier rewrites the Content-Security-Policy tag the tests read. A debug build is left as
# it is.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
esbuild="$(dirname "$0")/../tools/node_modules/.bin/esbuild"
if [ ! -x "$esbuild" ]; then
  echo "minify-glue: $esbuild is missing: run scripts/setup.sh" >&2
  exit 1
fi
minify() {
  "$esbuild" "$@" --minify --target=es2022 --log-level=warning --allow-overwrite
}
for file in "$TRUNK_STAGING_DIR"/*.js "$TRUNK_STAGING_DIR"/*.css; do
  case "$(basename "$file")" in
    import-worker.js | import-worker_loader.js) minify "$file" --outfile="$file" ;;
    *.js) minify "$file" --format=esm --outfile="$file" ;;
    *.css) minify "$file" --outfile="$file" ;;
  esac
done
