# Shared settings for the scripts in this folder. Source it; do not run it.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NAME=precis

# Versions that must match each other (see README, "Building").
WASM_BINDGEN_VERSION=0.2.130   # == the `=0.2.130` pin in Cargo.toml
BINARYEN_NPM_VERSION=132.0.0   # modern wasm-opt; Debian's binaryen 108 corrupts wasm-bindgen output
RUST_WEB_PACKAGES="rustc-web cargo-web rust-web-src lld-22"

# Tools we install live outside the checkout so that clones share them.
TOOLS="${PRECIS_TOOLS_DIR:-$HOME/.cache/precis/tools}"
export PATH="$TOOLS/bin:$TOOLS/wasm-opt-bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root to run: $*"; fi
}

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing system packages: ${missing[*]} (no apt-get here: install them by hand)"
  log "installing system packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

# How to compile the wasm half. Sets WASM_CARGO (command) and WASM_CARGO_ARGS (array).
# 1. the standard path: a toolchain with a prebuilt wasm32-unknown-unknown std (rustup target add);
# 2. otherwise Debian's rustc-web + rust-web-src, building std from source (-Zbuild-std).
pick_wasm_toolchain() {
  if [ "${PRECIS_WASM_TOOLCHAIN:-}" = debian ]; then   # force the fallback (to test it)
    WASM_CARGO=(env RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc /usr/bin/cargo)
    WASM_CARGO_ARGS=(-Zbuild-std=std,panic_abort)
    [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ]
    return
  fi
  if rustc --print sysroot >/dev/null 2>&1 \
     && [ -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib" ]; then
    WASM_CARGO=(cargo); WASM_CARGO_ARGS=()
    return 0
  fi
  if command -v rustup >/dev/null && rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
    WASM_CARGO=(cargo); WASM_CARGO_ARGS=()
    return 0
  fi
  if [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ]; then
    WASM_CARGO=(env RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc /usr/bin/cargo)
    WASM_CARGO_ARGS=(-Zbuild-std=std,panic_abort)
    return 0
  fi
  return 1
}
