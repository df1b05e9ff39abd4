#!/usr/bin/env bash
# Crash test (benches/crash.rs): Precis (release build, its own process) takes summaries from
# 64 clients and is killed with SIGKILL at a random moment, twelve times; after each kill the
# database file is checked as the crash left it — every summary acknowledged with a 201 must be
# in it, and the file must pass SQLite's integrity check. Exits non-zero otherwise.
#   scripts/crash-test.sh                          12 kills, 64 clients
#   scripts/crash-test.sh --kills 30 --seed 7      more rounds, a chosen seed (replays the kill times)
#   scripts/crash-test.sh --synchronous full       with PRECIS_SQLITE_SYNCHRONOUS=full
# PRECIS_BIN=/path/to/precis tests another server binary (then nothing is built for it).
# Results: target/crash-test/results.md (Precis's log next to it).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

if [ -z "${PRECIS_BIN:-}" ]; then
  log "building the server (release)"
  nice cargo build --release --no-default-features --features ssr --bin precis
fi
log "building the crash test (bench profile = release settings)"
nice cargo bench --no-default-features --features ssr --bench crash --no-run
log "running the crash test"
cargo bench --no-default-features --features ssr --bench crash -- "$@"
