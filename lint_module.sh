#!/usr/bin/env bash
# Formatting and lints, for both halves of the crate (server: ssr, browser: hydrate).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh
log "cargo fmt --check"
cargo fmt --all -- --check
log "clippy (server: --features ssr)"
cargo clippy --all-targets --no-default-features --features ssr -- -D warnings
log "clippy (browser: --features hydrate)"
cargo clippy --lib --tests --no-default-features --features hydrate -- -D warnings
