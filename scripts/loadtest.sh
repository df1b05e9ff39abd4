#!/usr/bin/env bash
# Load test of POST /api/v1/summaries (benches/load.rs): Precis (release build, its own process)
# in front of a mock HuggingFace that answers at once and one that answers after 200 ms, at 1, 64
# and 512 concurrent clients. Reports requests/s, p50/p99, the latency Precis adds over the
# upstream's, and Precis's memory. Results: target/loadtest/results.md (and stdout).
#   scripts/loadtest.sh                       default: 8 s per run after 1 s of warm-up
#   scripts/loadtest.sh --duration-secs 20    longer runs
#   scripts/loadtest.sh --clients 1,64,512,1024 --warmup-secs 2
# PRECIS_BIN=/path/to/precis uses another server binary (then nothing is built for it).
# Exits non-zero if any request failed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

# Each client holds a connection to Precis and Precis one to the upstream, and the bench process
# is both the client and the upstream: 512 clients need well over 1,024 descriptors. Raise the
# soft limit as far as allowed (children, Precis included, inherit it).
want=65536
hard="$(ulimit -Hn)"
if [ "$hard" != unlimited ] && [ "$hard" -lt "$want" ]; then want="$hard"; fi
ulimit -Sn "$want" 2>/dev/null || log "could not raise the open-file limit (now $(ulimit -Sn))"
soft="$(ulimit -Sn)"
if [ "$soft" != unlimited ] && [ "$soft" -lt 4096 ]; then
  log "warning: open-file limit $soft may be too low for 512 clients"
fi

if [ -z "${PRECIS_BIN:-}" ]; then
  log "building the server (release)"
  nice cargo build --release --no-default-features --features ssr --bin precis
fi

log "building the load benchmark (bench profile = release settings)"
nice cargo bench --no-default-features --features ssr --bench load --no-run

# Not under nice: the measurement should not yield to other work on the machine.
log "running the load benchmark (open-file limit $(ulimit -Sn), $(nproc) cores)"
cargo bench --no-default-features --features ssr --bench load -- "$@"

log "results: ${CARGO_TARGET_DIR:-$ROOT/target}/loadtest/results.md (Precis logs next to it)"
