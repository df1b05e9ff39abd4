#!/usr/bin/env bash
# Every check: formatting and lints, unit and integration tests, then the browser tests
# (Playwright driving Debian's Chromium against the real server and a mock HuggingFace).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh
# A clean clone gains nothing from incremental caches (2 GB on disk); keep them for local reruns.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi

bash scripts/setup.sh --e2e
./lint_module.sh

log "unit and integration tests"
# Also builds target/debug/precis, the server the browser tests start.
cargo test --no-default-features --features ssr

log "API fuzzing against the OpenAPI document (schemathesis)"
bash scripts/schemathesis.sh

log "browser bundle"
bash scripts/build.sh --site

log "browser tests (Playwright + Chromium)"
cd end2end
PRECIS_BIN="$ROOT/target/debug/precis" npx playwright test
