#!/usr/bin/env python3
"""A small summarization set from gensim's Wikipedia test pages, and ROUGE scoring.

    rouge_set.py build --out SET.jsonl [--n 30]
        For each article page of gensim's test dumps (sorted by title) with a usable lead
        (the text before the first section heading, 40-120 words once the wiki markup is
        stripped) and a body of at least 300 words, emit
        {"id", "title", "reference": lead, "input": body}. Bodies longer than 1500 words are
        cut at the last paragraph that fits (the reference summarises the whole article, so
        very long articles are still usable). Deterministic: the first N usable by title.

    rouge_set.py lead3 --set SET.jsonl --out PRED.jsonl
        Writes the lead-3 baseline (first three sentences of each input) as a pred file.

    rouge_set.py score --set SET.jsonl --pred [NAME=]PRED.jsonl [--pred ...]
        ROUGE-1/2/L F1 (rouge-score, use_stemmer=True), averaged over the set, as a markdown
        table; a lead-3 row computed here is always included. A pred file is JSONL
        {"id", "summary"}; its row is named NAME or else the file's stem. Items missing from
        a pred file score 0 (and are counted in the "missing" column).
"""
import argparse
import bz2
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import gensim_data_dir, sentences  # noqa: E402

SOURCES = (  # gensim/test/test_data; both are English Wikipedia XML dumps (pages-articles)
    "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2",
    "enwiki-table-markup.xml.bz2",
)
SKIP_SECTIONS = {
    "references", "external links", "see also", "further reading", "notes", "bibliography",
    "sources", "citations", "footnotes", "notes and references", "references and notes",
    "works cited", "literature", "publications", "filmography", "discography", "gallery",
}
HEADING = re.compile(r"^(={2,6})\s*(.*?)\s*\1\s*$", re.M)


def strip_links_to_files(text):
    """Drops [[File:...]] / [[Image:...]] including nested links in their captions.
    (gensim's filter_wiki leaves the captions of nested ones behind as prose.)"""
    out, i, low = [], 0, text.lower()
    while True:
        j = min((k for k in (low.find("[[file:", i), low.find("[[image:", i)) if k >= 0), default=-1)
        if j < 0:
            out.append(text[i:])
            return "".join(out)
        out.append(text[i:j])
        depth, k = 0, j
        while k < len(text):
            if text.startswith("[[", k):
                depth, k = depth + 1, k + 2
            elif text.startswith("]]", k):
                depth, k = depth - 1, k + 2
                if depth == 0:
                    break
            else:
                k += 1
        i = k


def clean(wikitext):
    """Wiki markup -> plain paragraphs (list of strings)."""
    from gensim.corpora.wikicorpus import filter_wiki
    wikitext = re.sub(r"<gallery[^>]*>.*?</gallery>", "", wikitext, flags=re.S | re.I)
    text = filter_wiki(strip_links_to_files(wikitext))
    text = re.sub(r"'{2,}", "", text)                      # bold / italics
    text = re.sub(r"\(\s*(?:[,;:]\s*)+", "(", text)        # "( , ; , from" left by templates
    text = re.sub(r"\(\s*\)", "", text)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    paras = []
    for line in text.split("\n"):
        line = re.sub(r"^[*#:;]+\s*", "", line.strip())   # list / indent markers
        line = re.sub(r"\s+", " ", line).strip()
        if HEADING.match(line) or not line:
            continue
        if line.startswith(("{|", "|", "!")):              # stray table rows
            continue
        if len(line.split()) < 6 and not line.endswith((".", "!", "?", ":")):
            continue                                       # captions, labels, headers
        paras.append(line)
    return paras


def words(paras):
    return sum(len(p.split()) for p in paras)


def split_article(text):
    """-> (lead paragraphs, body paragraphs) of an article's wikitext."""
    m = HEADING.search(text)
    if not m:
        return clean(text), []
    lead, rest = text[:m.start()], text[m.start():]
    body, pieces = [], HEADING.split(rest)  # ["", "==", title, text, "==", title, text, ...]
    skipping_level = None
    for level, title, section in zip(pieces[1::3], pieces[2::3], pieces[3::3]):
        if skipping_level is not None and len(level) > skipping_level:
            continue                      # subsection of a skipped section
        skipping_level = None
        if title.strip().lower() in SKIP_SECTIONS:
            skipping_level = len(level)
            continue
        body += clean(section)
    return clean(lead), body


def truncate(paras, max_words):
    out, n = [], 0
    for p in paras:
        w = len(p.split())
        if n + w > max_words:
            if not out:  # a single huge paragraph: cut it at a word
                out.append(" ".join(p.split()[:max_words]))
            break
        out.append(p)
        n += w
    return out


def pages(data_dir):
    from gensim.corpora.wikicorpus import extract_pages
    seen = {}
    for name in SOURCES:
        with bz2.open(os.path.join(data_dir, name)) as f:
            for title, text, pageid in extract_pages(f, filter_namespaces=("0",)):
                if title not in seen:
                    seen[title] = (text, pageid, name)
    for title in sorted(seen):
        yield (title,) + seen[title]


def build(args):
    data_dir = args.data_dir or gensim_data_dir()
    items, reasons = [], {}

    def reject(why):
        reasons[why] = reasons.get(why, 0) + 1

    for title, text, pageid, source in pages(data_dir):
        if re.match(r"\s*#redirect", text, re.I):
            reject("redirect"); continue
        if "(disambiguation)" in title or title.startswith(("List of", "Lists of")) \
                or re.search(r"\{\{\s*(disambig|dab|hndis|geodis)", text, re.I):
            reject("disambiguation/list"); continue
        lead, body = split_article(text)
        lw, bw = words(lead), words(body)
        if not args.lead_min <= lw <= args.lead_max:
            reject(f"lead not {args.lead_min}-{args.lead_max} words"); continue
        if bw < args.body_min:
            reject(f"body < {args.body_min} words"); continue
        body = truncate(body, args.body_max)
        items.append({
            "id": f"enwiki-{pageid}",
            "title": title,
            "reference": "\n".join(lead),
            "input": "\n\n".join(body),
            "reference_words": lw,
            "input_words": words(body),
            "body_words_before_cut": bw,
        })
        if len(items) == args.n:
            break
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} items to {args.out} (asked for {args.n}); rejected: "
          + ", ".join(f"{v} {k}" for k, v in sorted(reasons.items())), file=sys.stderr)
    if len(items) < args.n:
        print(f"note: only {len(items)} pages in gensim's test dumps pass the filters",
              file=sys.stderr)


def lead3(text):
    return " ".join(sentences(text)[:3])


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cmd_lead3(args):
    items = read_jsonl(args.set)
    with open(args.out, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps({"id": it["id"], "summary": lead3(it["input"])},
                               ensure_ascii=False) + "\n")
    print(f"wrote {len(items)} lead-3 summaries to {args.out}", file=sys.stderr)


def score(args):
    from rouge_score import rouge_scorer
    items = read_jsonl(args.set)
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    systems = [("lead-3 (python)", {it["id"]: lead3(it["input"]) for it in items})]
    for spec in args.pred:
        name, _, path = spec.rpartition("=") if "=" in spec else ("", "", spec)
        name = name or os.path.splitext(os.path.basename(path))[0]
        systems.append((name, {p["id"]: p.get("summary", "") for p in read_jsonl(path)}))
    rows = []
    for name, preds in systems:
        tot = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
        missing, words_ = 0, 0
        for it in items:
            pred = preds.get(it["id"])
            if pred is None:
                missing += 1
                continue
            words_ += len(pred.split())
            s = scorer.score(it["reference"], pred)
            for k in tot:
                tot[k] += s[k].fmeasure
        n = len(items) or 1
        rows.append((name, 100 * tot["rouge1"] / n, 100 * tot["rouge2"] / n,
                     100 * tot["rougeL"] / n, words_ / max(1, n - missing), missing))
    print(f"ROUGE F1 x100 on {len(items)} items ({os.path.basename(args.set)}), "
          "rouge-score with Porter stemmer\n")
    print("| system | ROUGE-1 | ROUGE-2 | ROUGE-L | avg words | missing |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, r1, r2, rl, aw, miss in rows:
        print(f"| {name} | {r1:.2f} | {r2:.2f} | {rl:.2f} | {aw:.0f} | {miss} |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump([dict(zip(("system", "rouge1", "rouge2", "rougeL", "avg_words", "missing"), r))
                       for r in rows], f, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build the set from gensim's Wikipedia test pages")
    b.add_argument("--out", required=True)
    b.add_argument("--n", type=int, default=30)
    b.add_argument("--lead-min", type=int, default=40)
    b.add_argument("--lead-max", type=int, default=120)
    b.add_argument("--body-min", type=int, default=300)
    b.add_argument("--body-max", type=int, default=1500, help="longer bodies are cut to this")
    b.add_argument("--data-dir", help="default: gensim/test/test_data of the installed gensim")
    b.set_defaults(func=build)
    l3 = sub.add_parser("lead3", help="write lead-3 predictions")
    l3.add_argument("--set", required=True)
    l3.add_argument("--out", required=True)
    l3.set_defaults(func=cmd_lead3)
    s = sub.add_parser("score", help="ROUGE-1/2/L F1 of pred files, as a markdown table")
    s.add_argument("--set", required=True)
    s.add_argument("--pred", action="append", default=[], help="[NAME=]PATH, repeatable")
    s.add_argument("--json", help="also write the rows as JSON here")
    s.set_defaults(func=score)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
