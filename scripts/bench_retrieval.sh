#!/usr/bin/env bash
# Retrieval benchmark of Ask (issue 9), Precis against a well-known Python stack, on the same
# corpus, passages and questions (bench/retrieval/README.md describes the data):
#   * quality: recall@1/@5 and MRR@10 per language (en, fr, pt) and mode (dense, keyword, hybrid),
#     "not in your documents" accuracy, over passage sizes, fusion weights and relevance floors
#     (benches/retrieval.rs, SQLite store; PostgreSQL at the default size when available);
#   * ingestion throughput (passages/s, MB/min, peak RSS) and query latency at 1k/10k/100k
#     passages for SQLite + sqlite-vec and PostgreSQL + pgvector;
#   * the reference: LangChain + Chroma + sentence-transformers (bench/retrieval_reference.py) on
#     the passages Precis made.
# Results: target/bench-retrieval/results.md (and the raw JSON lines next to it; PRECIS_BENCH_OUT
# to write elsewhere).
#
# Settings (environment):
#   PRECIS_BENCH_SIZES   passage sizes, tokens:overlap (default 128:0,128:32,192:0,192:32,256:0,256:32;
#                        the first one's passages go to the Python reference)
#   PRECIS_BENCH_COUNTS  latency store sizes (default 1000,10000,100000; 100k takes ~10 min per store)
#   PRECIS_BENCH_QUERIES questions timed per latency point (default 300; PostgreSQL's keyword search
#                        takes ~3 s a question at 100k passages on a busy 2-core machine)
#   PRECIS_BENCH_STORES  "sqlite postgres" (default; postgres needs scripts/postgres.sh or
#                        PRECIS_BENCH_POSTGRES_URL)
#   PRECIS_BENCH_PYTHON  0 to skip the Python reference (its venv is ~6 GB, first install ~3.5 GB)
# Run it on an otherwise idle machine: every JSON line records `others_cores`.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

OUT="${PRECIS_BENCH_OUT:-target/bench-retrieval}"
mkdir -p "$OUT"
SIZES="${PRECIS_BENCH_SIZES:-192:32,128:0,128:32,192:0,256:0,256:32}"
COUNTS="${PRECIS_BENCH_COUNTS:-1000,10000,100000}"
QUERIES="${PRECIS_BENCH_QUERIES:-300}"
STORES="${PRECIS_BENCH_STORES:-sqlite postgres}"
CACHE="${PRECIS_CACHE_DIR:-$HOME/.cache/precis}"
VENV="$CACHE/retrieval-venv"

bash scripts/models.sh
bash bench/retrieval/fetch.sh >/dev/null

PG_URL="${PRECIS_BENCH_POSTGRES_URL:-}"
if [[ " $STORES " == *" postgres "* ]] && [ -z "$PG_URL" ]; then
  if [ -f scripts/postgres.sh ]; then
    PG_URL="$(bash scripts/postgres.sh start | tail -n1)"
  else
    log "no PostgreSQL (scripts/postgres.sh missing, PRECIS_BENCH_POSTGRES_URL unset): SQLite only"
  fi
fi

log "building the retrieval benchmark (release, -C target-cpu=native)"
export RUSTFLAGS="${RUSTFLAGS:-} -C target-cpu=native"
cargo bench -q --no-default-features --features ssr --bench retrieval --no-run
retrieval() { cargo bench -q --no-default-features --features ssr --bench retrieval -- "$@"; }

log "quality, SQLite store: sizes $SIZES"
retrieval quality --sizes "$SIZES" --passages-out "$OUT" | tee "$OUT/quality_sqlite.jsonl"
if [ -n "$PG_URL" ]; then
  log "quality, PostgreSQL store: size ${SIZES%%,*}"
  retrieval quality --store postgres "$PG_URL" --sizes "${SIZES%%,*}" | tee "$OUT/quality_postgres.jsonl"
fi

rm -f "$OUT"/latency*.jsonl
for store in $STORES; do
  case "$store" in
    sqlite) args=() ;;
    postgres) [ -n "$PG_URL" ] || continue; args=(--store postgres "$PG_URL") ;;
  esac
  log "query latency, $store: $COUNTS passages"
  retrieval latency "${args[@]}" --counts "$COUNTS" --queries "$QUERIES" | tee "$OUT/latency_$store.jsonl"
done

if [ "${PRECIS_BENCH_PYTHON:-1}" != 0 ]; then
  if ! "$VENV/bin/python" -c "import langchain_chroma, sentence_transformers, rank_bm25" 2>/dev/null; then
    log "creating $VENV from bench/requirements-retrieval.txt (~3.5 GB download the first time)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check --progress-bar off -r bench/requirements-retrieval.txt
  fi
  : >"$OUT/reference.jsonl"
  for lang in en fr pt; do
    log "reference (LangChain + Chroma + sentence-transformers): $lang"
    "$VENV/bin/python" -W ignore bench/retrieval_reference.py --lang "$lang" --threads "$(nproc)" \
      --passages "$OUT/passages.$lang.jsonl" 2>/dev/null | tee -a "$OUT/reference.jsonl"
  done
fi

python3 bench/retrieval/report.py "$OUT" | tee "$OUT/results.md"
log "results: $OUT/results.md"
