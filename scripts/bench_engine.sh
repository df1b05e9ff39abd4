#!/usr/bin/env bash
# Benchmarks of the embedded engine against the reference implementations, on the same inputs,
# models and thread count (benches/engine.rs for Precis; bench/*.py for the references):
#   * embeddings: sentences/s, Precis (candle) vs sentence-transformers (PyTorch, CPU);
#     and what batching concurrent requests buys;
#   * generation: prefill and decode tokens/s and memory, Precis vs llama.cpp (llama-cpp-python
#     built from source), same GGUF file, same prompt;
#   * quality: ROUGE-1/2/L of each local model and a lead-3 baseline on Wikipedia pages shipped
#     in gensim's test data (lead section = reference, body = input).
# Results: target/bench-engine/results.md (and the raw JSON lines next to it).
# First run: ~3.5 GB of Python packages and a llama.cpp build (bench/setup.sh). Run it on an
# otherwise idle machine. PRECIS_BENCH_THREADS (default: all cores) sets the thread count.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

OUT=target/bench-engine
mkdir -p "$OUT/pred"
THREADS="${PRECIS_BENCH_THREADS:-$(nproc)}"
bash scripts/models.sh
bash bench/setup.sh
PY="${PRECIS_CACHE_DIR:-$HOME/.cache/precis}/bench-venv/bin/python"

log "building the engine benchmark (release, -C target-cpu=native)"
export RUSTFLAGS="${RUSTFLAGS:-} -C target-cpu=native"
cargo bench -q --no-default-features --features ssr --bench engine --no-run
engine() { RAYON_NUM_THREADS="$THREADS" cargo bench -q --no-default-features --features ssr --bench engine -- "$@"; }

log "embeddings: sentence-transformers, then Precis"
"$PY" bench/embed_bench.py --threads "$THREADS" --dump-corpus "$OUT/corpus.txt" | tee "$OUT/embed_reference.jsonl"
engine embed "$OUT/corpus.txt" | tee "$OUT/embed_precis.jsonl"

log "generation: llama.cpp, then Precis"
"$PY" bench/llama_bench.py --threads "$THREADS" --dump-prompt "$OUT/prompt.txt" | tee "$OUT/generate_reference.jsonl"
engine generate "$OUT/prompt.txt" | tee "$OUT/generate_precis.jsonl"

log "quality: ROUGE on gensim's Wikipedia pages"
"$PY" bench/rouge_set.py build --out "$OUT/rouge_set.jsonl" --n 30 --lead-max 200
engine rouge "$OUT/rouge_set.jsonl" "$OUT/pred"
"$PY" bench/rouge_set.py score --set "$OUT/rouge_set.jsonl" \
  --pred "Local · TextRank extract=$OUT/pred/textrank.jsonl" \
  --pred "Local · semantic extract=$OUT/pred/semantic.jsonl" \
  --pred "Local · SmolLM2-135M=$OUT/pred/smollm2-135m.jsonl" | tee "$OUT/rouge.md"

python3 - "$OUT" <<'PY' | tee "$OUT/results.md"
import json, sys, pathlib
out = pathlib.Path(sys.argv[1])
rows = lambda f: [json.loads(l) for l in (out / f).read_text().splitlines() if l.strip().startswith("{")]
ref = {r["batch"]: r for r in rows("embed_reference.jsonl")}
ours = [r for r in rows("embed_precis.jsonl") if "batch" in r]
print("### Embeddings (all-MiniLM-L6-v2, %d sentences)\n" % ours[0]["sentences"])
print("| batch | sentence-transformers (s/s) | Precis (s/s) | ratio |\n|--:|--:|--:|--:|")
for r in ours:
    b = r["batch"]; t = ref.get(b)
    if t: print(f"| {b} | {t['sentences_per_s']:.0f} | {r['sentences_per_s']:.0f} | {r['sentences_per_s']/t['sentences_per_s']:.2f}× |")
bat = [r for r in rows("embed_precis.jsonl") if r.get("impl") == "precis batcher"]
print("\n| 64 concurrent requests × 4 sentences | sentences/s | p50 ms | p99 ms |\n|---|--:|--:|--:|")
for r in bat:
    print(f"| batching {'on' if r['batching'] else 'off'} | {r['sentences_per_s']:.0f} | {r['p50_ms']:.0f} | {r['p99_ms']:.0f} |")
g_ref = rows("generate_reference.jsonl")[-1]; g = rows("generate_precis.jsonl")[-1]
print("\n### Generation (SmolLM2-135M-Instruct Q4_1 GGUF, %d threads, %d-token prompt, %d new tokens)\n"
      % (g["threads"], g["prefill_tokens"], g["decode_tokens"]))
print("| | llama.cpp | Precis (candle) | ratio |\n|---|--:|--:|--:|")
print(f"| prefill tokens/s | {g_ref['prefill_tok_s']:.0f} | {g['prefill_tok_s']:.0f} | {g['prefill_tok_s']/g_ref['prefill_tok_s']:.2f}× |")
print(f"| decode tokens/s | {g_ref['decode_tok_s']:.1f} | {g['decode_tok_s']:.1f} | {g['decode_tok_s']/g_ref['decode_tok_s']:.2f}× |")
rss_ref = g_ref.get("peak_rss_mb", g_ref.get("rss_mb", 0))
print(f"| peak memory (RSS, MB) | {rss_ref:.0f} | {g['rss_mb']:.0f} | |")
print("\n### Quality (ROUGE F1)\n")
print((out / "rouge.md").read_text())
PY
log "results: $OUT/results.md"
