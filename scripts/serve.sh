#!/usr/bin/env bash
# Installs what building the page needs, if missing (`scripts/setup.sh page`: none of the
# tests' browsers, drivers or SDKs), builds the release version into dist/ and serves it on
# http://127.0.0.1:8080/ (stop with Ctrl-C).
#   scripts/serve.sh
# dist/ is served as any static host would serve it: missing files are a 404 (trunk serve would
# answer them with index.html, which the send panel would take for a broken config.json).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh page
scripts/build.sh
echo "==> serving dist/ on http://127.0.0.1:8080/ (Ctrl-C stops)" >&2
exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
