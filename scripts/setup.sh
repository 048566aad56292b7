#!/usr/bin/env bash
# Installs what is missing, skipping whatever is already there.
#   scripts/setup.sh [all]  what building and testing need (scripts/test.sh runs this)
#   scripts/setup.sh page   only what building and serving the page needs (scripts/serve.sh)
# Safe to run again: a no-op run takes about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

part="${1:-all}"
case "$part" in
  page | all) ;;
  *) echo "usage: scripts/setup.sh [page|all]" >&2; exit 2 ;;
esac

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen pin in Cargo.toml
AWSCLI_VERSION=1.42.30
BOTOCORE_VERSION=1.40.30
RUAMEL_VERSION=0.17.21
GECKODRIVER_VERSION=0.37.1
BOTO3_VERSION=1.40.30        # the last boto3 with the sms client (see src/core/render/sdk.rs)
CACHE="${SMSJB_CACHE:-$HOME/.cache/sms-job-builder}"
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '==> %s\n' "$*" >&2; }

# node_modules is (re)installed when it lacks a pinned devDependency at its pinned version.
npm_ok() {
  (cd "$1" && node -e 'const p = require("./package.json");
for (const [name, want] of Object.entries(p.devDependencies || {})) {
  let got;
  try { got = require(`./node_modules/${name}/package.json`).version; } catch {}
  if (got !== want) process.exit(1);
}') 2>/dev/null
}
npm_ci_if_needed() {
  if [ -f "$1/package.json" ] && ! npm_ok "$1"; then
    say "npm ci in $1"
    (cd "$1" && npm ci --no-audit --no-fund --silent)
  fi
}

# The page: what scripts/build.sh needs, and all that scripts/serve.sh installs.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (about 7 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# binaryen's wasm-opt (Trunk runs it on every wasm) and esbuild (scripts/minify-glue.sh).
npm_ci_if_needed tools

if [ "$part" = page ]; then
  exit 0
fi

# The tests: three browsers and their drivers, zsh for the shell checks, the AWS CLI and SDKs.
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v zsh >/dev/null 2>&1 || need_apt+=(zsh)
# The other two engines of the browser tests: Firefox ESR, and WebKitGTK (its MiniBrowser comes
# with the driver's library) in a virtual X display.
command -v firefox-esr >/dev/null 2>&1 || need_apt+=(firefox-esr)
command -v WebKitWebDriver >/dev/null 2>&1 || need_apt+=(webkit2gtk-driver)
[ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ] || need_apt+=(libwebkit2gtk-4.1-0)
command -v xvfb-run >/dev/null 2>&1 || need_apt+=(xvfb)
command -v xauth >/dev/null 2>&1 || need_apt+=(xauth)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Firefox's WebDriver server; Debian has no package of it.
gecko="$(geckodriver --version 2>/dev/null || true)"
if [ "${gecko%%$'\n'*}" != "geckodriver $GECKODRIVER_VERSION" ]; then
  say "cargo install geckodriver $GECKODRIVER_VERSION (about 3 minutes)"
  cargo install --locked geckodriver --version "$GECKODRIVER_VERSION"
fi

venv="$CACHE/awscli-$AWSCLI_VERSION"
# The conformance tests need exactly these releases (the last with `sms`, the YAML reader of
# CLI v2), so a venv holding others is refreshed.
venv_ok() {
  "$venv/bin/python" -c 'import sys, awscli, botocore, ruamel.yaml, yaml
sys.exit([awscli.__version__, botocore.__version__, ruamel.yaml.__version__] != sys.argv[1:])' \
    "$AWSCLI_VERSION" "$BOTOCORE_VERSION" "$RUAMEL_VERSION" 2>/dev/null
}
if [ ! -x "$venv/bin/aws" ] || ! venv_ok; then
  say "python venv with awscli $AWSCLI_VERSION, ruamel.yaml $RUAMEL_VERSION, PyYAML"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "awscli==$AWSCLI_VERSION" "botocore==$BOTOCORE_VERSION" \
    "ruamel.yaml==$RUAMEL_VERSION" pyyaml
fi

# The SDK checks (tests/sdk.rs) run boto3 in a venv of its own, so the CLI's venv stays as it is.
sdk_venv="$CACHE/sdk-venv"
sdk_venv_ok() {
  "$sdk_venv/bin/python" -c 'import sys, boto3, botocore
sys.exit([boto3.__version__, botocore.__version__] != sys.argv[1:])' \
    "$BOTO3_VERSION" "$BOTOCORE_VERSION" 2>/dev/null
}
if ! sdk_venv_ok; then
  say "python venv with boto3 $BOTO3_VERSION for the SDK checks"
  python3 -m venv "$sdk_venv"
  "$sdk_venv/bin/pip" install -q "boto3==$BOTO3_VERSION" "botocore==$BOTOCORE_VERSION"
fi
if [ ! -d tests/sdk-js/node_modules/@aws-sdk/client-sms ]; then
  say "npm ci in tests/sdk-js (@aws-sdk/client-sms for the SDK checks)"
  (cd tests/sdk-js && npm ci --no-audit --no-fund --silent)
fi
# The Rust SDK check crate builds offline-safe once its crates are fetched.
if ! cargo fetch --locked --offline --manifest-path tests/sdk-rust/Cargo.toml >/dev/null 2>&1; then
  say "cargo fetch for tests/sdk-rust (aws-sdk-sms for the SDK checks)"
  cargo fetch --locked --manifest-path tests/sdk-rust/Cargo.toml
fi

for dir in tests/browser bench; do
  npm_ci_if_needed "$dir"
done
