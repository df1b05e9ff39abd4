//! Tests against the real weights (`scripts/models.sh` fetches them; `PRECIS_MODELS_DIR`).

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use super::embed::Embedder;
use super::llm::{GenerateOptions, Llm, StopReason};
use super::pool::Cancel;
use super::registry::{DEFAULT_GGUF, EMBEDDER_DIR};
use super::sampler::SamplingConfig;

fn models_dir() -> PathBuf {
    std::env::var_os("PRECIS_MODELS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../models"))
}

fn embedder() -> &'static Embedder {
    static E: OnceLock<Embedder> = OnceLock::new();
    E.get_or_init(|| {
        Embedder::load(&models_dir().join(EMBEDDER_DIR))
            .expect("embedding model (run: bash scripts/models.sh)")
    })
}

fn smollm() -> &'static Llm {
    static L: OnceLock<Llm> = OnceLock::new();
    L.get_or_init(|| {
        Llm::open(&models_dir().join(DEFAULT_GGUF)).expect("SmolLM2 (run: bash scripts/models.sh)")
    })
}

#[test]
fn embeddings_match_sentence_transformers_to_1e_3() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/minilm_reference.json"
    );
    let reference: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("reference file")).unwrap();
    let sentences: Vec<&str> = reference["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    let expected: Vec<Vec<f32>> = serde_json::from_value(reference["embeddings"].clone()).unwrap();
    assert!(sentences.len() >= 4);
    let got = embedder().embed(&sentences).unwrap();
    for (i, (g, e)) in got.iter().zip(&expected).enumerate() {
        assert_eq!(g.len(), 384);
        let worst = g
            .iter()
            .zip(e)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0f32, f32::max);
        eprintln!("sentence {i}: max difference from sentence-transformers {worst:.2e}");
        assert!(worst < 1e-3, "sentence {i}: max difference {worst}");
    }
}

#[test]
fn embeddings_are_unit_length_and_independent_of_the_batch() {
    let short = "Cats sleep.";
    let long = "The committee, after a long and sometimes heated debate that lasted well into \
                the night, voted to approve the new transport budget for the coming year.";
    let alone = embedder().embed(&[short]).unwrap();
    let together = embedder().embed(&[long, short, long]).unwrap();
    // Padding to the long sentence must not change the short one's vector.
    for (a, b) in alone[0].iter().zip(&together[1]) {
        assert!((a - b).abs() < 1e-4);
    }
    for v in &together {
        let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4);
    }
    let similar = super::embed::cosine(
        &embedder().embed(&["A dog runs in the park."]).unwrap()[0],
        &embedder()
            .embed(&["A puppy is running through a park."])
            .unwrap()[0],
    );
    let unrelated = super::embed::cosine(
        &embedder().embed(&["A dog runs in the park."]).unwrap()[0],
        &embedder()
            .embed(&["Interest rates rose by half a point."])
            .unwrap()[0],
    );
    assert!(similar > 0.6 && unrelated < 0.3, "{similar} {unrelated}");
}

#[test]
fn the_gguf_tokenizer_round_trips_text() {
    let tok = smollm().tokenizer();
    for text in [
        "Hello world",
        "  leading spaces, tabs\tand\nnew lines\n\n",
        "Numbers 12345 and 3.14159, dates 2026-11-22.",
        "Café, naïve, Zürich, 東京, emoji 🙂 — dashes “quotes”.",
        "<|im_start|>user\nHi<|im_end|>",
    ] {
        let ids = tok.encode(text, false).unwrap().get_ids().to_vec();
        assert_eq!(tok.decode(&ids, false).unwrap(), text, "{ids:?}");
    }
    // Byte-level BPE with a space marker; digits one by one; chat tokens are single tokens.
    let enc = tok.encode("Hello world 42", false).unwrap();
    assert_eq!(enc.get_tokens(), ["Hello", "Ġworld", "Ġ", "4", "2"]);
    let chat = tok.encode("<|im_start|>", false).unwrap();
    assert_eq!(chat.get_ids().len(), 1);
}

fn greedy(max_new: usize) -> GenerateOptions {
    GenerateOptions {
        sampling: SamplingConfig::default(),
        max_new_tokens: max_new,
        max_time: None,
    }
}

#[test]
fn generation_is_deterministic_streams_and_honours_min_length_and_max_time() {
    let llm = smollm();
    let prompt = llm.chat_prompt("What is the capital of France? Answer in one word.");
    assert!(prompt.contains("<|im_start|>assistant\n"), "{prompt}");

    let mut streamed = String::new();
    let a = llm
        .generate(&prompt, &greedy(20), &Cancel::new(), &mut |t| {
            streamed.push_str(t)
        })
        .unwrap();
    assert!(a.text.contains("Paris"), "{}", a.text);
    assert_eq!(streamed, a.text);
    assert_eq!(a.stop, StopReason::EndOfText);
    let b = llm
        .generate(&prompt, &greedy(20), &Cancel::new(), &mut |_| {})
        .unwrap();
    assert_eq!(a.text, b.text, "greedy is deterministic");

    // min_length: end-of-text is suppressed until 30 tokens are out.
    let mut opts = greedy(30);
    opts.sampling.min_new_tokens = 30;
    let long = llm
        .generate(&prompt, &opts, &Cancel::new(), &mut |_| {})
        .unwrap();
    assert_eq!(long.new_tokens, 30);
    assert_eq!(long.stop, StopReason::MaxTokens);

    // max_time: stops early, partial.
    let mut opts = greedy(400);
    opts.sampling.min_new_tokens = 400;
    opts.max_time = Some(Duration::from_millis(300));
    let cut = llm
        .generate(&prompt, &opts, &Cancel::new(), &mut |_| {})
        .unwrap();
    assert_eq!(cut.stop, StopReason::MaxTime);
    assert!(cut.new_tokens < 400);

    // Cancel: checked before every token.
    let cancel = Cancel::new();
    let mut n = 0;
    let stopped = llm
        .generate(&prompt, &opts_no_limit(), &cancel, &mut |_| {
            n += 1;
            if n == 3 {
                cancel.cancel();
            }
        })
        .unwrap();
    assert_eq!(stopped.stop, StopReason::Cancelled);
    assert!(stopped.new_tokens <= 4);
}

fn opts_no_limit() -> GenerateOptions {
    let mut o = greedy(200);
    o.sampling.min_new_tokens = 200;
    o
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_requests_are_batched_and_each_gets_its_own_vectors() {
    use std::sync::Arc;

    use super::batcher::EmbedBatcher;
    use super::pool::InferencePool;

    let embedder = Arc::new(Embedder::load(&models_dir().join(EMBEDDER_DIR)).unwrap());
    // One worker: while the first batch runs, the other requests pile up and go together.
    let batcher = EmbedBatcher::new(embedder.clone(), InferencePool::new(1, 8), true);
    let requests: Vec<Vec<String>> = (0..24)
        .map(|i| {
            (0..=i % 3)
                .map(|j| {
                    format!(
                        "Request {i} sentence {j} is about topic {}.",
                        (i * 7 + j) % 5
                    )
                })
                .collect()
        })
        .collect();
    let tasks: Vec<_> = requests
        .iter()
        .cloned()
        .map(|r| {
            let b = batcher.clone();
            tokio::spawn(async move { b.embed(r).await })
        })
        .collect();
    for (request, task) in requests.iter().zip(tasks) {
        let got = task.await.unwrap().unwrap();
        let refs: Vec<&str> = request.iter().map(String::as_str).collect();
        let alone = embedder.embed(&refs).unwrap();
        assert_eq!(got.len(), alone.len());
        for (g, a) in got.iter().zip(&alone) {
            assert!(super::embed::cosine(g, a) > 0.9999);
        }
    }
}
