#!/usr/bin/env python3
"""Prefill and decode speed of llama.cpp (through llama-cpp-python) on the SmolLM2 GGUF.

    python bench/llama_bench.py [--model models/SmolLM2-135M-Instruct.Q4_1.gguf] [--threads 2]
                                [--ctx 2048] [--decode 128] [--repeats 3]
                                [--dump-prompt prompt.txt] [--dump-tokens tokens.json]

The prompt is SmolLM2's chat template (rendered from the GGUF's own tokenizer.chat_template)
around a request to summarize a real news article: the first article of gensim's test file
lee_background.cor whose whole prompt is 380-420 tokens. --dump-prompt writes the exact
prompt text (no trailing newline added), --dump-tokens its token ids, so the Rust engine can
be fed the same thing.

Each run (after one untimed warm-up run): clear the KV cache, then
  prefill: one eval() of the whole prompt (n_batch 512, so a single llama_decode call);
  decode:  N greedy steps, each a single-token llama_decode + argmax over the logits, with the
           end-of-generation tokens masked out so exactly N tokens are always generated.
The best of --repeats runs is reported (medians too). RSS (psutil) is taken before loading
the model, after loading, and after the last run; peak_rss_mb is the process's high-water
mark (getrusage). These include the Python interpreter and numpy (see rss_mb_baseline).
Prints one JSON line on stdout:
  {"impl":"llama.cpp","model":..,"threads":..,"prefill_tokens":..,"prefill_tok_s":..,
   "decode_tokens":..,"decode_tok_s":..,"rss_mb":..,...}
"""
import argparse
import json
import os
import resource
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

from common import CpuMeter, cpu_name, gensim_data_dir, wait_idle  # noqa: E402

SYSTEM = "You are a helpful assistant that writes short, factual summaries."
USER = "Summarize the following news article in three sentences.\n\n{article}"
# SmolLM2-Instruct's template, used only if the GGUF carries none.
FALLBACK_TEMPLATE = ("<|im_start|>system\n{system}<|im_end|>\n"
                     "<|im_start|>user\n{user}<|im_end|>\n<|im_start|>assistant\n")


def mb(n):
    return round(n / (1 << 20), 1)


def render_prompt(llm, article):
    messages = [{"role": "system", "content": SYSTEM},
                {"role": "user", "content": USER.format(article=article)}]
    tmpl = llm.metadata.get("tokenizer.chat_template")
    if tmpl:
        from jinja2.sandbox import ImmutableSandboxedEnvironment
        env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True)
        text = env.from_string(tmpl).render(messages=messages, add_generation_prompt=True,
                                            bos_token="", eos_token="")
        return text, "gguf tokenizer.chat_template"
    return FALLBACK_TEMPLATE.format(system=SYSTEM, user=messages[1]["content"]), "built-in ChatML"


def pick_prompt(llm, lo=380, hi=420):
    path = os.path.join(gensim_data_dir(), "lee_background.cor")
    with open(path, encoding="utf-8") as f:
        for i, doc in enumerate(f):
            prompt, how = render_prompt(llm, " ".join(doc.split()))
            n = len(llm.tokenize(prompt.encode("utf-8"), add_bos=True, special=True))
            if lo <= n <= hi:
                return prompt, how, i
    sys.exit(f"no article in {path} gives a {lo}-{hi} token prompt")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=os.path.join(ROOT, "models", "SmolLM2-135M-Instruct.Q4_1.gguf"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--ctx", type=int, default=2048)
    ap.add_argument("--batch", type=int, default=512, help="n_batch (prefill chunk)")
    ap.add_argument("--decode", type=int, default=128, help="tokens to generate")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--dump-prompt", help="write the exact prompt text here")
    ap.add_argument("--dump-tokens", help="write the prompt's token ids here (JSON)")
    ap.add_argument("--show", action="store_true", help="print the generated text to stderr")
    ap.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                    help="first wait up to this long for other processes to leave the CPU idle")
    args = ap.parse_args()

    import numpy as np
    import psutil
    import llama_cpp
    from llama_cpp import Llama

    load_at_start = round(os.getloadavg()[0], 2)  # other work on the machine skews results
    proc = psutil.Process()
    rss_baseline = proc.memory_info().rss
    t0 = time.perf_counter()
    llm = Llama(model_path=args.model, n_ctx=args.ctx, n_batch=args.batch, n_ubatch=args.batch,
                n_threads=args.threads, n_threads_batch=args.threads, logits_all=False,
                verbose=False)
    load_s = time.perf_counter() - t0
    rss_load = proc.memory_info().rss

    prompt, template_source, article_idx = pick_prompt(llm)
    tokens = llm.tokenize(prompt.encode("utf-8"), add_bos=True, special=True)
    if args.dump_prompt:
        with open(args.dump_prompt, "w", encoding="utf-8") as f:
            f.write(prompt)
        print(f"wrote the {len(tokens)}-token prompt to {args.dump_prompt}", file=sys.stderr)
    if args.dump_tokens:
        with open(args.dump_tokens, "w") as f:
            json.dump(tokens, f)
    if len(tokens) + args.decode > args.ctx:
        sys.exit("prompt + decode does not fit in the context")

    n_vocab = llm.n_vocab()
    banned = {llm.token_eos()}
    for special in ("<|im_end|>", "<|endoftext|>", "<|im_start|>"):
        ids = llm.tokenize(special.encode(), add_bos=False, special=True)
        if len(ids) == 1:
            banned.add(ids[0])
    banned = sorted(t for t in banned if 0 <= t < n_vocab)
    ctx = llm._ctx.ctx

    def next_token():
        logits = np.ctypeslib.as_array(llama_cpp.llama_get_logits_ith(ctx, -1), shape=(n_vocab,))
        logits = logits.copy()
        logits[banned] = -np.inf
        return int(np.argmax(logits))

    def run():
        llm.reset()
        llm._ctx.kv_cache_clear()
        with CpuMeter() as pre:
            llm.eval(tokens)
        out = []
        with CpuMeter() as dec:
            tok = next_token()
            for _ in range(args.decode):
                out.append(tok)
                llm.eval([tok])
                tok = next_token()
        others.extend(m.others_cores for m in (pre, dec) if m.others_cores is not None)
        return pre.seconds, dec.seconds, out

    others = []
    idle = wait_idle(args.wait_idle)
    run()  # warm-up: page in the mmapped weights, size the buffers
    others.clear()
    runs = [run() for _ in range(args.repeats)]
    rss_end = proc.memory_info().rss
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    prefill_s = [r[0] for r in runs]
    decode_s = [r[1] for r in runs]
    text = llm.detokenize(runs[-1][2]).decode("utf-8", errors="replace")
    if args.show:
        print("--- generated ---\n" + text + "\n---", file=sys.stderr)
    assert all(r[2] == runs[0][2] for r in runs), "greedy decode differed between runs"

    print(json.dumps({
        "impl": "llama.cpp",
        "model": os.path.basename(args.model),
        "threads": args.threads,
        "n_ctx": args.ctx,
        "n_batch": args.batch,
        "prefill_tokens": len(tokens),
        "prefill_seconds": round(min(prefill_s), 4),
        "prefill_tok_s": round(len(tokens) / min(prefill_s), 1),
        "prefill_tok_s_median": round(len(tokens) / statistics.median(prefill_s), 1),
        "decode_tokens": args.decode,
        "decode_seconds": round(min(decode_s), 4),
        "decode_tok_s": round(args.decode / min(decode_s), 1),
        "decode_tok_s_median": round(args.decode / statistics.median(decode_s), 1),
        "rss_mb": mb(rss_end),
        "rss_mb_after_load": mb(rss_load),
        "rss_mb_baseline": mb(rss_baseline),
        "peak_rss_mb": mb(peak),
        "load_seconds": round(load_s, 3),
        "repeats": args.repeats,
        "prompt": {"source": f"gensim lee_background.cor article #{article_idx}",
                   "template": template_source},
        "output_head": text[:120],
        "versions": {"llama_cpp_python": llama_cpp.__version__},
        "cpu": cpu_name(),
        "loadavg_1m_at_start": load_at_start,
        "others_cores_before": idle,
        "others_cores_max": max(others) if others else None,
    }, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
