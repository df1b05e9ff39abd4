"""Writes the retrieval benchmark's results.md from the JSON lines in OUT (standard library only):

    python3 bench/retrieval/report.py target/bench-retrieval
"""

import json
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(sys.argv[1])
LANGS = ["en", "fr", "pt"]


def rows(name):
    f = OUT / name
    if not f.exists():
        return []
    return [json.loads(l) for l in f.read_text().splitlines() if l.strip().startswith("{")]


def pct(x):
    return "–" if x is None else f"{100 * x:.1f}"


def num(x, digits=0):
    return "–" if x is None else f"{x:,.{digits}f}"


quality = rows("quality_sqlite.jsonl")
pg = rows("quality_postgres.jsonl")
latency = [r for f in sorted(OUT.glob("latency*.jsonl")) for r in rows(f.name)]
ref = rows("reference.jsonl")
q = [r for r in quality if r["what"] == "quality"]
# a later run with a wider floor grid, when there is one, replaces the sweep's floors
extra = rows("quality_floors.jsonl")
floors = [r for r in (extra or quality) if r["what"] == "floor"]
ingest = [r for r in quality if r["what"] == "ingest"]
best = next((r for r in quality if r["what"] == "best"), None)
first = (q[0]["tokens"], q[0]["overlap"]) if q else None
at_first = lambda r: (r["tokens"], r["overlap"]) == first

print(f"# Retrieval benchmark (Ask, issue 9)\n")
print("Debian FAQ 11.1 (16 chapters per language), hand-written questions with gold answer spans "
      "(bench/retrieval/README.md). Top 10 passages per question; a passage answers when it is from "
      "the gold chapter and holds the gold span. all-MiniLM-L6-v2 on both sides.\n")

if q:
    print(f"## Precis vs LangChain + Chroma, {first[0]}-token passages, overlap {first[1]} (the same passages on both sides)\n")
    print("| lang | mode | Precis R@1 | Python R@1 | Precis R@5 | Python R@5 | Precis MRR@10 | Python MRR@10 |")
    print("|---|---|--:|--:|--:|--:|--:|--:|")
    for lang in LANGS:
        for mode in ["dense", "keyword", "hybrid 1:1", "hybrid 1:2", "hybrid 2:1", "hybrid 1:3"]:
            p = next((r for r in q if at_first(r) and r["lang"] == lang and r["mode"] == mode), None)
            t = next((r for r in ref if r.get("what") == "quality" and r["lang"] == lang
                      and r["mode"] == mode.split()[0] and mode in ("dense", "keyword", "hybrid 1:1")), None)
            if p is None:
                continue
            g = lambda r, k: r[k] if r else None
            print(f"| {lang} | {mode} | {pct(p['recall_at_1'])} | {pct(g(t, 'recall_at_1'))} | {pct(p['recall_at_5'])} | "
                  f"{pct(g(t, 'recall_at_5'))} | {pct(p['mrr_at_10'])} | {pct(g(t, 'mrr_at_10'))} |")
    print("\nPython hybrid = EnsembleRetriever(Chroma, BM25Retriever), weights 0.5/0.5 (weighted RRF, c = 60).\n")

    print("## \"Not in your documents\" (hybrid 1:1, the floor in force: Floor::default())\n")
    print("| lang | answerable: grounded | unanswerable: said \"not in your documents\" | Python dense, best cosine ≥ 0.45: grounded / not found |")
    print("|---|--:|--:|--:|")
    for lang in LANGS:
        p = next((r for r in q if at_first(r) and r["lang"] == lang and r["mode"] == "hybrid 1:1"), None)
        t = next((r for r in ref if r.get("what") == "quality" and r["lang"] == lang and r["mode"] == "dense"), None)
        if p:
            tt = f"{pct(t['grounded_answerable'])} / {pct(t['not_found_unanswerable'])}" if t else "–"
            print(f"| {lang} | {pct(p['grounded_answerable'])} | {pct(p['not_found_unanswerable'])} | {tt} |")

    print("\n## Passage size × mode: MRR@10 (en / fr / pt, mean)\n")
    sizes = sorted({(r["tokens"], r["overlap"]) for r in q})
    modes = ["dense", "keyword", "hybrid 1:1", "hybrid 1:2", "hybrid 2:1", "hybrid 1:3"]
    print("| tokens:overlap | " + " | ".join(modes) + " |")
    print("|---|" + "--:|" * len(modes))
    for s in sizes:
        cells = []
        for m in modes:
            v = {r["lang"]: r["mrr_at_10"] for r in q if (r["tokens"], r["overlap"]) == s and r["mode"] == m}
            mean = sum(v.values()) / len(v) if v else None
            cells.append(" / ".join(pct(v.get(l)) for l in LANGS) + f" (**{pct(mean)}**)")
        print(f"| {s[0]}:{s[1]} | " + " | ".join(cells) + " |")
    print("\nRecall@5 at the same settings:\n")
    print("| tokens:overlap | " + " | ".join(modes) + " |")
    print("|---|" + "--:|" * len(modes))
    for s in sizes:
        cells = []
        for m in modes:
            v = {r["lang"]: r["recall_at_5"] for r in q if (r["tokens"], r["overlap"]) == s and r["mode"] == m}
            cells.append(" / ".join(pct(v.get(l)) for l in LANGS))
        print(f"| {s[0]}:{s[1]} | " + " | ".join(cells) + " |")

def floor_table(floor_rows, size, title):
    agg = defaultdict(list)
    for r in floor_rows:
        if (r["tokens"], r["overlap"]) == size:
            agg[(r["min_cosine"], r["min_coverage"])].append(r)
    if not agg:
        return None
    ranked = sorted(agg.items(), key=lambda kv: -sum(r["balanced"] for r in kv[1]) / len(kv[1]))
    print(f"\n## Relevance floor (hybrid 1:1, {size[0]}:{size[1]}){title}: best balanced accuracy, mean over languages\n")
    print("| min_cosine | min_coverage | grounded (answerable) en/fr/pt | not found (unanswerable) en/fr/pt | balanced |")
    print("|--:|--:|---|---|--:|")
    default = (0.45, 0.75)
    shown = ranked[:8] + [kv for kv in ranked[8:] if (round(kv[0][0], 2), round(kv[0][1], 2)) == default]
    for (c, v), rs in shown:
        by = {r["lang"]: r for r in rs}
        mark = " (default)" if (round(c, 2), round(v, 2)) == default else ""
        print(f"| {c:.2f} | {'off' if v > 1 else f'{v:.2f}'}{mark} | "
              + " / ".join(pct(by[l]["grounded_answerable"]) if l in by else "–" for l in LANGS) + " | "
              + " / ".join(pct(by[l]["not_found_unanswerable"]) if l in by else "–" for l in LANGS)
              + f" | {pct(sum(r['balanced'] for r in rs) / len(rs))} |")
    return ranked[0]


if best:
    sweep_floors = [r for r in quality if r["what"] == "floor"]
    top = None
    if extra:
        size = next(((r["tokens"], r["overlap"]) for r in extra if r["what"] == "floor"), None)
        top = floor_table([r for r in extra if r["what"] == "floor"], size, ", wide grid")
    best_size = (best["tokens"], best["overlap"])
    top_sweep = floor_table(sweep_floors, best_size, ", the sweep's grid")
    top = top or top_sweep
    print(f"\n**Best by this set**: {best['tokens']} tokens, overlap {best['overlap']}, {best['mode']} "
          f"(mean MRR@10 over en/fr/pt {pct(best['mean_mrr_at_10'])})", end="")
    if top:
        (c, v), rs = top
        print(f"; floor min_cosine {c}, min_coverage {'off' if v > 1 else v} "
              f"(balanced accuracy {pct(sum(r['balanced'] for r in rs) / len(rs))})", end="")
    print(".\n\nBest mode per language (MRR@10, any size):\n")
    for lang in LANGS:
        b = max((r for r in q if r["lang"] == lang), key=lambda r: r["mrr_at_10"], default=None)
        if b:
            print(f"- {lang}: {b['mode']} at {b['tokens']}:{b['overlap']}, MRR@10 {pct(b['mrr_at_10'])}, "
                  f"R@1 {pct(b['recall_at_1'])}, R@5 {pct(b['recall_at_5'])}")
    hyb = [r for r in q if r["mode"].startswith("hybrid")]
    by_setting = defaultdict(list)
    for r in hyb:
        by_setting[(r["tokens"], r["overlap"], r["mode"])].append(r["mrr_at_10"])
    (t, o, m), v = max(by_setting.items(), key=lambda kv: sum(kv[1]) / len(kv[1]))
    print(f"- best hybrid over the three languages: {m} at {t}:{o}, mean MRR@10 {pct(sum(v) / len(v))}")

if pg:
    print("\n## PostgreSQL + pgvector store, same questions\n")
    print("| lang | mode | R@1 | R@5 | MRR@10 | grounded / not found |")
    print("|---|---|--:|--:|--:|--:|")
    for r in pg:
        if r["what"] == "quality" and r["mode"] in ("dense", "keyword", "hybrid 1:1"):
            print(f"| {r['lang']} | {r['mode']} | {pct(r['recall_at_1'])} | {pct(r['recall_at_5'])} | {pct(r['mrr_at_10'])} | "
                  f"{pct(r['grounded_answerable'])} / {pct(r['not_found_unanswerable'])} |")

ingest_all = [r for r in ingest if at_first(r)] + [r for r in latency if r["what"] == "ingest"]
if ingest_all or ref:
    print("\n## Ingestion (one language's corpus, from text to searchable)\n")
    print("Wall time is not comparable on a shared machine (see `other cores busy`); CPU seconds of the "
          "process are (for pgvector the server's own CPU is not counted).\n")
    print("| who | store | run | lang | passages | seconds | passages/s | MB/min | CPU s | passages per CPU s | peak RSS MB | other cores busy |")
    print("|---|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for r in ingest_all:
        run = "latency set-up" if r.get("for") == "latency" else f"{r['tokens']}:{r['overlap']}"
        cpu = r.get("cpu_seconds")
        per = r["passages"] / cpu if cpu else None
        print(f"| Precis | {r['store']} | {run} | {r['lang']} | {r['passages']} | {num(r['seconds'], 1)} | "
              f"{num(r['passages_per_s'], 1)} | {num(r['mb_per_min'], 2)} | {num(cpu, 1)} | {num(per, 1)} | {num(r['peak_rss_mb'])} | {num(r['others_cores'], 2)} |")
    for r in ref:
        if r.get("what") == "ingest":
            cpu = r.get("cpu_seconds")
            per = r["passages"] / cpu if cpu else None
            print(f"| LangChain + Chroma | chroma | same passages | {r['lang']} | {r['passages']} | {num(r['seconds'], 1)} | "
                  f"{num(r['passages_per_s'], 1)} | {num(r['mb_per_min'], 2)} | {num(cpu, 1)} | {num(per, 1)} | {num(r['peak_rss_mb'])} | |")

if latency or ref:
    print("\n## Query latency, excluding generation (ms)\n")
    print("Precis: `Knowledge::search` (hybrid, top 10) = embed the question + dense + keyword + fusion + "
          "read passages + floor. Filler passages beyond the real corpus are random unit vectors with corpus words.\n")
    print("| store | passages | p50 | p99 | embed p50 | dense p50 / p99 | keyword p50 / p99 | other cores busy |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|")
    for r in [r for r in latency if r["what"] == "latency"]:
        print(f"| {r['store']} | {r['passages']:,} | {num(r['p50_ms'], 1)} | {num(r['p99_ms'], 1)} | {num(r['embed_p50_ms'], 1)} | "
              f"{num(r['dense_p50_ms'], 1)} / {num(r['dense_p99_ms'], 1)} | {num(r['keyword_p50_ms'], 1)} / {num(r['keyword_p99_ms'], 1)} | "
              f"{num(r['others_cores'], 2)} |")
    for r in ref:
        if r.get("what") == "quality":
            print(f"| LangChain + Chroma, {r['mode']} ({r['lang']}) | {next((x['passages'] for x in ref if x.get('what') == 'ingest' and x['lang'] == r['lang']), 0):,} | "
                  f"{num(r['p50_ms'], 1)} | {num(r['p99_ms'], 1)} | | | | |")
