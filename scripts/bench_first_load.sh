#!/usr/bin/env bash
# First load of the studio as a person on a slow mobile network feels it (README, "Delivery:
# first load"): starts Precis (its own port, a fresh data directory, the local engine only), then
# end2end/first-load.mjs opens the studio in Chromium with a "Slow 4G"-like profile, a first
# visit (empty cache) and a repeat visit, several times, and prints the medians: bytes on the
# wire and the time until the page is hydrated (`<html data-hydrated>`).
#   scripts/bench_first_load.sh                      target/release/precis (else target/debug) and target/site
#   scripts/bench_first_load.sh --runs 9 --cpu 4     more runs; CPU slowed 4x as well
#   PRECIS_BIN=path PRECIS_SITE=dir scripts/bench_first_load.sh   another build (e.g. an older one)
# Other options go to first-load.mjs: --latency MS --down KBPS --up KBPS --json FILE.
# Needs Chromium and the Playwright runner: scripts/setup.sh --e2e.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

bin="${PRECIS_BIN:-}"
if [ -z "$bin" ]; then
  for candidate in target/release/precis target/debug/precis; do
    [ -x "$candidate" ] && { bin=$candidate; break; }
  done
fi
[ -n "$bin" ] && [ -x "$bin" ] || die "no server binary: run scripts/build.sh --release (or set PRECIS_BIN)"
site="${PRECIS_SITE:-target/site}"
[ -d "$site/pkg" ] || die "no browser bundle in $site: run scripts/build.sh (or set PRECIS_SITE)"
[ -x /usr/bin/chromium ] && [ -d end2end/node_modules/@playwright/test ] \
  || die "Chromium or the Playwright runner missing: run scripts/setup.sh --e2e"

port="${PRECIS_BENCH_PORT:-3310}"
work=$(mktemp -d "${TMPDIR:-/tmp}/precis-first-load-XXXXXX")
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

log "starting $bin on 127.0.0.1:$port (site: $site)"
mkdir -p "$work/data" "$work/models"
# No token and an empty models folder: the local TextRank engine, which needs no weights; the
# page is the same studio a person gets.
env -u HF_TOKEN LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$site" \
  PRECIS_DATA_DIR="$work/data" PRECIS_MODELS_DIR="$work/models" RUST_LOG=warn \
  "$bin" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; die "the server stopped"; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || die "the server is not ready after 60 s"

log "measuring (Chromium, throttled network)"
(cd end2end && node first-load.mjs "http://127.0.0.1:$port/" "$@")
