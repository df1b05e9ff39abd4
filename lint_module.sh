#!/usr/bin/env bash
# Formatting and lints, for both halves of the crate (server: ssr, browser: hydrate).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh
log "cargo fmt --check"
cargo fmt --all -- --check
log "clippy (server: --features ssr, and the engine crate)"
cargo clippy --workspace --all-targets --no-default-features --features precis/ssr -- -D warnings
log "clippy (browser: --features hydrate)"
cargo clippy --lib --tests --no-default-features --features hydrate -- -D warnings
