//! "Local · semantic extract": picks sentences by meaning. Each sentence is embedded
//! (MiniLM); sentences close to the text's centroid are central, and maximal marginal
//! relevance (MMR) keeps the picks diverse. Selection and length rules are TextRank's
//! ([`textrank::summarize_ranked`]): verbatim sentences in their original order, so the
//! summary is faithful by construction.

use precis_engine::batcher::EmbedBatcher;
use precis_engine::embed::cosine;
use precis_engine::EngineError;

use super::sentences::{ends_with_terminal, split_sentences};
use super::textrank::{self, Extract, ExtractOptions};

/// Sentences embedded at most (later ones rank after them, in text order).
const MAX_EMBEDDED: usize = 1_000;
/// Picks made by MMR; the rest follow in centroid order (no summary holds more sentences).
const MMR_PICKS: usize = 64;
/// Weight of centrality against redundancy in MMR.
const LAMBDA: f32 = 0.7;

pub async fn summarize(
    embedder: &EmbedBatcher,
    text: &str,
    opts: &ExtractOptions,
) -> Result<Extract, EngineError> {
    let sentences: Vec<String> = split_sentences(text)
        .into_iter()
        .take(MAX_EMBEDDED)
        .map(str::to_string)
        .collect();
    let vectors = embedder.embed(sentences).await?;
    Ok(textrank::summarize_ranked(text, opts, |all| {
        let complete: Vec<bool> = all.iter().map(|s| ends_with_terminal(s)).collect();
        rank(&vectors, &complete)
    }))
}

/// Every sentence index, best first: complete sentences before fragments; among them MMR
/// over centroid similarity for the first picks, centroid similarity after; ties go to the
/// earlier sentence. Sentences without a vector rank last, in text order.
pub fn rank(vectors: &[Vec<f32>], complete: &[bool]) -> Vec<usize> {
    let n = complete.len();
    let embedded = vectors.len().min(n);
    let dims = vectors.first().map_or(0, Vec::len);
    let mut centroid = vec![0.0f32; dims];
    for v in &vectors[..embedded] {
        for (c, x) in centroid.iter_mut().zip(v) {
            *c += x;
        }
    }
    let norm = centroid
        .iter()
        .map(|x| x * x)
        .sum::<f32>()
        .sqrt()
        .max(1e-12);
    centroid.iter_mut().for_each(|c| *c /= norm);
    let central: Vec<f32> = vectors[..embedded]
        .iter()
        .map(|v| cosine(v, &centroid))
        .collect();

    let mut order = Vec::with_capacity(n);
    for want_complete in [true, false] {
        let mut pool: Vec<usize> = (0..embedded)
            .filter(|&i| complete[i] == want_complete)
            .collect();
        let mut picked: Vec<usize> = Vec::new();
        while !pool.is_empty() && picked.len() < MMR_PICKS {
            let best = pool
                .iter()
                .enumerate()
                .map(|(slot, &i)| {
                    let redundancy = picked
                        .iter()
                        .map(|&j| cosine(&vectors[i], &vectors[j]))
                        .fold(0.0f32, f32::max);
                    (slot, LAMBDA * central[i] - (1.0 - LAMBDA) * redundancy)
                })
                .fold(None::<(usize, f32)>, |best, (slot, score)| match best {
                    Some((_, b)) if b >= score => best,
                    _ => Some((slot, score)),
                });
            let Some((slot, _)) = best else { break };
            picked.push(pool.remove(slot));
        }
        pool.sort_by(|&a, &b| central[b].total_cmp(&central[a]).then(a.cmp(&b)));
        order.extend(picked);
        order.extend(pool);
    }
    order.extend(embedded..n);
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(v: &[f32]) -> Vec<f32> {
        let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        v.iter().map(|x| x / n).collect()
    }

    #[test]
    fn the_most_central_sentence_comes_first_and_mmr_skips_a_near_duplicate() {
        // 0 and 1 say the same thing and are the most central; 2 is central but different;
        // 3 is off-topic. By centrality alone the twins would come first and second.
        let vectors = vec![
            unit(&[1.0, 0.0, 0.0]),
            unit(&[1.0, 0.01, 0.0]),
            unit(&[0.6, 0.8, 0.0]),
            unit(&[0.0, 0.0, 1.0]),
        ];
        let order = rank(&vectors, &[true; 4]);
        assert!(order[0] == 0 || order[0] == 1, "{order:?}");
        assert_eq!(
            order[1], 2,
            "the different sentence beats the twin: {order:?}"
        );
        assert_eq!(order.len(), 4);
    }

    #[test]
    fn fragments_rank_after_complete_sentences_and_unembedded_last() {
        let vectors = vec![unit(&[1.0, 0.0]), unit(&[1.0, 0.1]), unit(&[0.9, 0.1])];
        let order = rank(&vectors, &[false, true, true, true]);
        assert_eq!(order.len(), 4);
        assert_eq!(
            *order.last().unwrap(),
            3,
            "sentence without a vector ranks last"
        );
        let frag = order.iter().position(|&i| i == 0).unwrap();
        assert_eq!(
            frag, 2,
            "the fragment comes after both complete embedded sentences"
        );
    }

    #[test]
    fn every_index_appears_once() {
        let vectors: Vec<Vec<f32>> = (0..100)
            .map(|i| unit(&[1.0, (i as f32 * 0.37).sin(), (i as f32 * 0.11).cos()]))
            .collect();
        let mut order = rank(&vectors, &[true; 120]);
        order.sort_unstable();
        assert_eq!(order, (0..120).collect::<Vec<_>>());
    }
}
