//! The extractive answer: the sentences of the found passages that best answer the question,
//! quoted as they are, each with its citation. No language model, so nothing is invented.
//!
//! Sentences of the best passages are scored by closeness in meaning to the question (cosine of
//! their embeddings), plus the share of the question's words they hold, plus a little for the
//! rank of their passage; the best one is quoted, and up to two more that score nearly as well.

use crate::domain::ask::highlight;
use crate::server::providers::local::sentences::split_sentences;

/// Passages whose sentences are considered (best first).
pub const PASSAGES: usize = 3;
/// Sentences quoted at most.
const QUOTES: usize = 3;
/// Sentences considered at most (each is embedded).
pub const MAX_SENTENCES: usize = 36;
/// A further quote must score at least this close to the best one.
const NEAR_BEST: f32 = 0.08;

/// A sentence that may be quoted: which passage (index in the found list) it comes from, and
/// where it stands in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub passage: usize,
    pub position: usize,
    pub text: String,
}

/// The sentences of the first [`PASSAGES`] passages worth quoting (4 to 80 words).
pub fn candidates(passages: &[&str]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (passage, text) in passages.iter().take(PASSAGES).enumerate() {
        for (position, sentence) in split_sentences(text).into_iter().enumerate() {
            let words = sentence.split_whitespace().count();
            if (4..=80).contains(&words) {
                out.push(Candidate {
                    passage,
                    position,
                    text: sentence.split_whitespace().collect::<Vec<_>>().join(" "),
                });
            }
        }
    }
    out.truncate(MAX_SENTENCES);
    out
}

/// The answer: the chosen sentences in passage order, quoted, each followed by `[n]` (its
/// passage's number). Empty when there is no candidate.
pub fn compose(
    question: &str,
    question_vector: &[f32],
    candidates: &[Candidate],
    vectors: &[Vec<f32>],
) -> String {
    let terms = highlight::terms(question);
    let mut scored: Vec<(f32, &Candidate)> = candidates
        .iter()
        .zip(vectors)
        .map(|(c, v)| {
            let cosine: f32 = v.iter().zip(question_vector).map(|(a, b)| a * b).sum();
            let coverage = if terms.is_empty() {
                0.0
            } else {
                let hits = highlight::matches(&c.text, &terms).len().min(terms.len());
                hits as f32 / terms.len() as f32
            };
            let rank_bonus = 0.02 * (PASSAGES.saturating_sub(c.passage)) as f32;
            (cosine + 0.3 * coverage + rank_bonus, c)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let Some(&(best, _)) = scored.first() else {
        return String::new();
    };
    let mut chosen: Vec<&Candidate> = scored
        .iter()
        .take_while(|(s, _)| *s >= best - NEAR_BEST)
        .take(QUOTES)
        .map(|(_, c)| *c)
        .collect();
    chosen.sort_by_key(|c| (c.passage, c.position));
    chosen
        .iter()
        .map(|c| format!("“{}” [{}]", c.text, c.passage + 1))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sentences_of_reasonable_length_from_the_best_passages() {
        let passages = [
            "Short. The plant opened in 1984 after six years of work. Ok.",
            "Second passage has one sentence of enough words here.",
            "Third passage: also fine to quote, it has words.",
            "Fourth passage is never read by the extractive answer.",
        ];
        let c = candidates(&passages);
        let texts: Vec<&str> = c.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "The plant opened in 1984 after six years of work.",
                "Second passage has one sentence of enough words here.",
                "Third passage: also fine to quote, it has words."
            ]
        );
        assert_eq!((c[0].passage, c[0].position), (0, 1));
    }

    #[test]
    fn the_closest_sentence_is_quoted_with_its_citation() {
        let c = vec![
            Candidate {
                passage: 0,
                position: 0,
                text: "Lunch is served at noon in the canteen.".into(),
            },
            Candidate {
                passage: 1,
                position: 2,
                text: "The plant opened in 1984.".into(),
            },
        ];
        // the question's vector is closest to the second sentence's
        let answer = compose(
            "When did the plant open?",
            &[0.0, 1.0],
            &c,
            &[vec![1.0, 0.0], vec![0.0, 1.0]],
        );
        assert_eq!(answer, "“The plant opened in 1984.” [2]");
        assert_eq!(compose("x", &[1.0], &[], &[]), "");
    }

    #[test]
    fn sentences_nearly_as_good_are_quoted_too_in_passage_order() {
        let c: Vec<Candidate> = (0..3)
            .map(|i| Candidate {
                passage: 2 - i,
                position: 0,
                text: format!("Sentence number {i} about the budget."),
            })
            .collect();
        let answer = compose("budget", &[1.0], &c, &[vec![0.9], vec![0.88], vec![0.2]]);
        assert_eq!(
            answer,
            "“Sentence number 1 about the budget.” [2] “Sentence number 0 about the budget.” [3]"
        );
    }
}
