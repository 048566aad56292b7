#!/usr/bin/env bash
# Installs what is missing, builds the release version and serves it on
# http://127.0.0.1:8080/ (stop with Ctrl-C).
#   scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true

scripts/setup.sh
cargo fetch --locked >/dev/null
echo "==> serving on http://127.0.0.1:8080/" >&2
# No autoreload: its inline script would be refused by the page's Content-Security-Policy.
exec trunk serve --release --address 127.0.0.1 --port 8080 --no-autoreload
