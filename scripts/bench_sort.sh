#!/usr/bin/env bash
# Benchmarks of Sort's classifier, side by side with scikit-learn / scikit-image on the same
# machine, tiles and thread count (crates/sort/benches/sort.rs for Precis, bench/sort_reference.py
# for the reference):
#   1. predict latency per page of each shipped model (decode, prepare, features, scoring) and of
#      the whole Bundle::classify, on unseen-font test pages, one thread; the issue's target is
#      ≤ 20 ms per page for the fastest model;
#   2. training time per model (the final fit on the preset's three folds, as train/fit.rs does
#      it), with ROC-AUC and accuracy on the test pages;
#   3. the same with scikit-learn on Precis's own HOG and texture features (same tiles, same SVM
#      subset, the same objectives), and scikit-image's HOG and LBP on the same tiles;
#   4. with --api: throughput of POST /api/v1/classifier/predict under 1, 2, 4, 8 closed-loop
#      clients (benches/classifier.rs; builds the release server, ~15+ min the first time).
# Results: target/bench-sort/results.md, with the raw JSON lines next to it (PRECIS_BENCH_OUT to
# write elsewhere).
#
#   scripts/bench_sort.sh            the standard preset: 240 training pages, 300 test pages, 100
#                                    timed pages (~15 min on an idle 2-core machine, most of it
#                                    smartcore's SVM and the CNN)
#   scripts/bench_sort.sh --quick    a small run to check that everything works (~2 min)
#   scripts/bench_sort.sh --api      also the API throughput (--api-secs N per run, default 10)
#   scripts/bench_sort.sh --no-python | --no-cnn-training
# Settings: PRECIS_BENCH_THREADS (default 1) threads for what is timed, both sides.
# Run it on an otherwise idle machine: the load average before and after is printed and recorded,
# and the report says when it was measured under load.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

OUT="${PRECIS_BENCH_OUT:-target/bench-sort}"
THREADS="${PRECIS_BENCH_THREADS:-1}"
CACHE="${PRECIS_CACHE_DIR:-$HOME/.cache/precis}"
VENV="$CACHE/bench-sort-venv"
quick=false python=true api=false api_secs=10
rust_args=() api_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true; rust_args+=(--quick); api_args+=(--pages 2 --warmup-secs 1) ;;
    --no-python) python=false ;;
    --no-cnn-training) rust_args+=(--no-cnn-training) ;;
    --api) api=true ;;
    --api-secs) api_secs="$2"; shift ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done
mkdir -p "$OUT"
# absolute: cargo runs a bench binary in its package's folder
OUT="$(cd "$OUT" && pwd)"

load() { cut -d' ' -f1-3 /proc/loadavg; }
start_load="$(load)"
log "machine: $(nproc) cores, load average $start_load (1/5/15 min)"
if awk -v l="${start_load%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > 0.5 * n) }'; then
  log "warning: the machine is busy (load ${start_load%% *} on $(nproc) cores): the times will be upper bounds"
fi

bash scripts/sort_data.sh >/dev/null

if $python; then
  if ! "$VENV/bin/python" -c "import sklearn, skimage, threadpoolctl" 2>/dev/null; then
    log "creating $VENV from bench/requirements-sort.txt (~380 MB, binary wheels)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check --progress-bar off --only-binary :all: \
      -r bench/requirements-sort.txt
  fi
fi

log "building the Sort benchmark (release settings)"
nice cargo bench -q -p precis-sort --bench sort --no-run
export RAYON_NUM_THREADS="$THREADS" CANDLE_NUM_THREADS="$THREADS"
export OMP_NUM_THREADS="$THREADS" OPENBLAS_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS"

log "Precis: latency, training, export (threads $THREADS)"
cargo bench -q -p precis-sort --bench sort -- --out "$OUT" "${rust_args[@]}" | tee "$OUT/precis.jsonl"

if $python; then
  latency_pages=$(python3 -c 'import json,sys; print(next(json.loads(l)["latency_pages"] for l in open(sys.argv[1]) if "\"setup\"" in l))' "$OUT/precis.jsonl")
  log "reference: scikit-learn / scikit-image on the same tiles (threads $THREADS)"
  "$VENV/bin/python" bench/sort_reference.py --data "$OUT/data" --threads "$THREADS" \
    --latency-pages "$latency_pages" | tee "$OUT/reference.jsonl"
else
  rm -f "$OUT/reference.jsonl"
fi

if $api; then
  log "building the server and the API benchmark (release; slow the first time)"
  nice cargo build -q --release --no-default-features --features ssr --bin precis
  nice cargo bench -q --no-default-features --features ssr --bench classifier --no-run
  log "POST /api/v1/classifier/predict: 1, 2, 4, 8 clients, ${api_secs} s each"
  cargo bench -q --no-default-features --features ssr --bench classifier -- \
    --duration-secs "$api_secs" --jsonl "$OUT/api.jsonl" "${api_args[@]}"
fi

end_load="$(load)"
busy=$(awk -v a="${start_load%% *}" -v b="${end_load%% *}" -v n="$(nproc)" \
  'BEGIN { print ((a > 0.5 * n || b > 0.5 * n) ? "true" : "false") }')
printf '{"loadavg_start": "%s", "loadavg_end": "%s", "cores": %s, "busy": %s, "quick": %s}\n' \
  "$start_load" "$end_load" "$(nproc)" "$busy" "$quick" >"$OUT/machine.json"
python3 bench/sort_report.py "$OUT" | tee "$OUT/results.md"
log "load average: $start_load at the start, $end_load at the end"
log "results: $OUT/results.md"
