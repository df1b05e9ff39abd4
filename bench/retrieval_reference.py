"""The retrieval benchmark's reference: the same corpus, passages and questions as
benches/retrieval.rs, through a well-known Python stack — LangChain (langchain-core 1.x,
langchain-chroma, langchain-community's BM25Retriever, langchain-classic's EnsembleRetriever)
over Chroma (embedded, persistent, HNSW cosine) and sentence-transformers all-MiniLM-L6-v2 on
PyTorch (CPU), loaded from the local model folder (no hub access).

    python bench/retrieval_reference.py --lang en [--passages passages.en.jsonl] [--threads 2]

--passages: the passages Precis made (the Rust harness writes them, one JSON object a line with
`doc` and `text`), so that both stacks search exactly the same passages; without it the corpus is
split here with LangChain's RecursiveCharacterTextSplitter sized in MiniLM tokens (192, 32).

Prints JSON lines: one per mode (dense, keyword, hybrid) with recall@1, recall@5, MRR@10, query
latency p50/p99 and, for dense, how often the best cosine is above --min-cosine for answerable
and unanswerable questions; and one for ingestion (passages/s, MB/min, peak RSS).
"""

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("PRECIS_CACHE_DIR", Path.home() / ".cache/precis"))


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def answers(text, span):
    """The passage holds the gold span: whole, or at least half of it cut at the passage's start
    or end (a span across a passage boundary). Same rule as benches/retrieval.rs."""
    text, span = norm(text), norm(span)
    if span in text:
        return True
    half = (len(span) + 1) // 2
    for k in range(len(span) - 1, half - 1, -1):
        if text.endswith(span[:k]) or text.startswith(span[len(span) - k:]):
            return True
    return False


def load_corpus(lang):
    d = CACHE / "retrieval" / lang
    manifest = json.loads((d / "manifest.json").read_text())
    return {m["id"]: (m["title"], (d / m["file"]).read_text(encoding="utf-8")) for m in manifest}


def split_here(corpus, model_dir):
    from langchain_text_splitters import RecursiveCharacterTextSplitter
    from transformers import AutoTokenizer
    tok = AutoTokenizer.from_pretrained(str(model_dir))
    splitter = RecursiveCharacterTextSplitter.from_huggingface_tokenizer(tok, chunk_size=192, chunk_overlap=32)
    return [{"doc": doc, "text": t} for doc, (_, text) in corpus.items() for t in splitter.split_text(text)]


class MiniLM:
    """langchain Embeddings over a sentence-transformers model built explicitly (the model folder
    has no modules.json): Transformer + mean Pooling + Normalize."""

    def __init__(self, model_dir):
        from sentence_transformers import SentenceTransformer, models
        word = models.Transformer(str(model_dir), max_seq_length=256)
        pool = models.Pooling(word.get_word_embedding_dimension(), pooling_mode="mean")
        self.model = SentenceTransformer(modules=[word, pool, models.Normalize()], device="cpu")

    def embed_documents(self, texts):
        return self.model.encode(texts, batch_size=32, convert_to_numpy=True).tolist()

    def embed_query(self, text):
        return self.model.encode([text], convert_to_numpy=True)[0].tolist()


def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lang", required=True)
    ap.add_argument("--passages")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--model", default=str(ROOT / "models/all-MiniLM-L6-v2"))
    ap.add_argument("--min-cosine", type=float, default=0.45)
    ap.add_argument("--k", type=int, default=10)
    args = ap.parse_args()

    import torch
    torch.set_num_threads(args.threads)
    from langchain_core.embeddings import Embeddings
    from langchain_chroma import Chroma
    from langchain_community.retrievers import BM25Retriever
    from langchain_classic.retrievers import EnsembleRetriever
    import chromadb
    import langchain_core

    class Emb(MiniLM, Embeddings):
        pass

    corpus = load_corpus(args.lang)
    if args.passages:
        passages = [json.loads(l) for l in open(args.passages, encoding="utf-8") if l.strip()]
        source = "precis"
    else:
        passages = split_here(corpus, args.model)
        source = "langchain RecursiveCharacterTextSplitter(192, 32 MiniLM tokens)"
    questions = [json.loads(l) for l in open(ROOT / f"bench/retrieval/questions.{args.lang}.jsonl", encoding="utf-8")]

    emb = Emb(args.model)
    emb.embed_documents(["warm-up"] * 4)
    texts = [p["text"] for p in passages]
    metas = [{"doc": p["doc"]} for p in passages]
    tmp = tempfile.mkdtemp(prefix="precis-chroma-")
    try:
        cpu = time.process_time()
        started = time.perf_counter()
        store = Chroma(collection_name=f"faq_{args.lang}", embedding_function=emb, persist_directory=tmp,
                       collection_metadata={"hnsw:space": "cosine"})
        for i in range(0, len(texts), 32):  # batches of 32, as Precis writes them
            store.add_texts(texts[i:i + 32], metadatas=metas[i:i + 32])
        ingest_s = time.perf_counter() - started
        cpu = time.process_time() - cpu
        started = time.perf_counter()
        bm25 = BM25Retriever.from_texts(texts, metadatas=metas, k=args.k,
                                        preprocess_func=lambda t: re.findall(r"\w+", t.lower()))
        bm25_s = time.perf_counter() - started
        mb = sum(len(t.encode()) for t in texts) / 1e6
        common = {"impl": "langchain+chroma", "lang": args.lang, "threads": args.threads,
                  "passages_from": source}
        print(json.dumps({**common, "what": "ingest", "passages": len(texts), "seconds": ingest_s,
                          "bm25_index_seconds": bm25_s, "cpu_seconds": cpu, "passages_per_s": len(texts) / ingest_s,
                          "mb_per_min": mb / (ingest_s / 60),
                          "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                          "versions": {"chromadb": chromadb.__version__, "langchain-core": langchain_core.__version__,
                                       "torch": torch.__version__}}), flush=True)

        dense = store.as_retriever(search_kwargs={"k": args.k})
        hybrid = EnsembleRetriever(retrievers=[dense, bm25], weights=[0.5, 0.5])
        answerable = [q for q in questions if q["doc"] is not None]
        unanswerable = [q for q in questions if q["doc"] is None]
        for mode, retriever in [("dense", dense), ("keyword", bm25), ("hybrid", hybrid)]:
            retriever.invoke(questions[0]["question"])  # warm-up
            ranks, lat = [], []
            for q in answerable:
                t0 = time.perf_counter()
                docs = retriever.invoke(q["question"])[: args.k]
                lat.append((time.perf_counter() - t0) * 1000)
                rank = next((i + 1 for i, d in enumerate(docs)
                             if d.metadata["doc"] == q["doc"] and answers(d.page_content, q["answer"])), None)
                ranks.append(rank)
            row = {**common, "what": "quality", "mode": mode, "questions": len(ranks),
                   "recall_at_1": sum(r == 1 for r in ranks if r) / len(ranks),
                   "recall_at_5": sum(r <= 5 for r in ranks if r) / len(ranks),
                   "mrr_at_10": sum(1 / r for r in ranks if r) / len(ranks),
                   "p50_ms": statistics.median(lat), "p99_ms": percentile(lat, 99)}
            if mode == "dense":
                best = lambda q: store.similarity_search_with_relevance_scores(q["question"], k=1)[0][1]
                row["min_cosine"] = args.min_cosine
                row["grounded_answerable"] = sum(best(q) >= args.min_cosine for q in answerable) / len(answerable)
                row["not_found_unanswerable"] = sum(best(q) < args.min_cosine for q in unanswerable) / max(1, len(unanswerable))
            print(json.dumps(row), flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
