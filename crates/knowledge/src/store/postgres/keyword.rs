//! Keyword search: Okapi BM25 (k1 = 1.2, b = 0.75, the IDF of SQLite FTS5's `bm25()`) over
//! PostgreSQL full-text search, in two statements:
//!
//! 1. [`TERMS`]: the question's lexemes, as PostgreSQL's parser makes them (as it made the
//!    passages'), with their document frequency in the scope's owners ([`super::stats`]), and
//!    the owners' passage count and total length.
//! 2. [`plan`] (here, in Rust) keeps the lexemes that carry information (in fewer than half the
//!    passages, when there are any such), picks the rarest of them to find candidates, and
//!    [`SCORE`] finds the candidates with the GIN index and scores them: each lexeme's term
//!    frequency is read from the candidate's `tsvector` (positions of the query's lexemes only).
//!
//! A passage's length is its number of distinct lexemes (`length(keywords)`, kept in the
//! `tsvector` itself) rather than of words: storing word counts would have meant a new column,
//! and filling it in an existing database rewrites every row and its HNSW index entry (measured:
//! more than 12 minutes at 100k passages on 2 cores).

use sqlx::Row;

use super::read::{only, owners, IN_SCOPE};
use super::PgStore;
use crate::store::input::{query_words, word_parts};
use crate::store::{Hit, Scope, StoreError};

/// BM25's term-frequency saturation.
const K1: f64 = 1.2;
/// BM25's length normalisation.
const B: f64 = 0.75;
/// The weight of a lexeme in half the passages or more (FTS5's floor for a negative IDF).
const MIN_IDF: f64 = 1e-6;

/// The work of one search is bounded: candidates are found with the rarest lexemes only, as
/// many as keep the sum of their document frequencies within this, and no more than this many
/// candidates are scored. The other lexemes still count in the score of every candidate. What
/// it costs: a passage holding none of the rarest lexemes is not found, however many of the
/// commoner ones it holds (its score would be low anyway, unless many of the commoner ones add
/// up); and when the rarest lexeme alone is in more passages than this, only this many of them
/// (in storage order, not the best) are scored. A question with one specific word never gets
/// there; one made only of common words may. Scoring a candidate costs ~5–10 µs here (2 cores).
const CANDIDATE_BUDGET: i64 = 2000;

/// The question's distinct lexemes (`$2`: its words and their parts) with their document
/// frequency among the owners `$1`, and the owners' passages and their total length.
const TERMS: &str = "SELECT l.lexeme, coalesce(t.df, 0)::bigint AS df,
            o.passages, o.lexemes
     FROM unnest(tsvector_to_array(to_tsvector('simple', $2))) AS l(lexeme)
     CROSS JOIN (SELECT coalesce(sum(passages), 0)::bigint AS passages,
                        coalesce(sum(lexemes), 0)::bigint AS lexemes
                 FROM knowledge_owners WHERE owner = ANY($1)) o
     LEFT JOIN LATERAL (SELECT sum(passages) AS df FROM knowledge_terms
                        WHERE owner = ANY($1) AND lexeme = l.lexeme) t ON true";

/// The passages of the scope (`$1`, `$2`) matching the tsquery `$3` (at most `$8` of them),
/// scored by BM25 over the lexemes `$4` with their IDF `$5`, the mean length being `$6`; the
/// best `$7`. A candidate's term frequencies: its `tsvector` with the query's lexemes marked
/// (`setweight`) and kept (`ts_filter`), each lexeme's positions counted.
const SCORE: &str = "WITH c AS MATERIALIZED (
         SELECT p.id, p.keywords
         FROM knowledge_passages p JOIN knowledge_documents d ON d.key = p.document
         WHERE p.keywords @@ $3::tsquery AND d.status = 'ready' AND {IN_SCOPE}
         LIMIT $8)
     SELECT c.id, sum(t.idf * u.tf * ({K1}::float8 + 1)
                      / (u.tf + {K1}::float8
                         * (1 - {B}::float8 + {B}::float8 * length(c.keywords) / $6))) AS score
     FROM c
     CROSS JOIN LATERAL (
         SELECT lexeme, coalesce(cardinality(positions), 1)::float8 AS tf
         FROM unnest(ts_filter(setweight(c.keywords, 'A', $4::text[]), '{a}'))) u
     JOIN unnest($4::text[], $5::float8[]) AS t(lexeme, idf) ON t.lexeme = u.lexeme
     GROUP BY c.id
     ORDER BY score DESC, c.id
     LIMIT $7";

/// What [`SCORE`] is asked.
#[derive(Debug, Clone, PartialEq)]
struct Plan {
    /// The lexemes that find candidates, rarest first.
    candidates: Vec<String>,
    /// The lexemes that are scored, with their IDF.
    scored: Vec<(String, f64)>,
    /// The mean length of a passage (distinct lexemes).
    mean_length: f64,
}

/// FTS5's IDF: `ln((N - df + 0.5) / (df + 0.5))`, at least [`MIN_IDF`].
fn idf(passages: i64, df: i64) -> f64 {
    let (n, df) = (passages as f64, df as f64);
    ((n - df + 0.5) / (df + 0.5)).ln().max(MIN_IDF)
}

/// What to look for, given the question's lexemes with their document frequencies and the
/// scope's passage count and total length. `None`: no lexeme is in any passage.
fn plan(terms: Vec<(String, i64)>, passages: i64, lexemes: i64) -> Option<Plan> {
    let mut found: Vec<(String, i64)> = terms.into_iter().filter(|(_, df)| *df > 0).collect();
    if found.is_empty() {
        return None;
    }
    found.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
    // (never fewer passages than a lexeme is in, should the counts be off)
    let passages = passages.max(found.iter().map(|(_, df)| *df).max().unwrap_or(0));
    // In half the passages or more, a lexeme says almost nothing (FTS5 weighs it 1e-6): it is
    // left out when rarer ones are there, and then neither finds nor scores passages.
    let informative = found.iter().filter(|(_, df)| 2 * df < passages).count();
    if informative > 0 {
        found.truncate(informative);
    }
    let mut candidates = Vec::new();
    let mut budget = 0;
    for (lexeme, df) in &found {
        budget += df;
        if !candidates.is_empty() && budget > CANDIDATE_BUDGET {
            break;
        }
        candidates.push(lexeme.clone());
    }
    let scored = found
        .into_iter()
        .map(|(lexeme, df)| (lexeme, idf(passages, df)))
        .collect();
    Some(Plan {
        candidates,
        scored,
        mean_length: (lexemes as f64 / passages as f64).max(1.0),
    })
}

/// A tsquery matching any of `lexemes`, each quoted as a literal tsquery lexeme (`\` escaped,
/// `'` doubled): no user string is ever read as tsquery syntax.
fn any_of(lexemes: &[String]) -> String {
    lexemes
        .iter()
        .map(|l| format!("'{}'", l.replace('\\', "\\\\").replace('\'', "''")))
        .collect::<Vec<_>>()
        .join(" | ")
}

impl PgStore {
    pub(super) async fn matching(
        &self,
        scope: &Scope,
        query: &str,
        k: usize,
    ) -> Result<Vec<Hit>, StoreError> {
        // Control characters (NUL among them) are already separators in the words.
        let words = query_words(query);
        if words.is_empty() || k == 0 {
            return Ok(Vec::new());
        }
        // The words as typed (PostgreSQL's parser makes one lexeme of `snow/paris`, `a@b.org`,
        // `3.14`, and also the parts of `crème-brûlée`), and their parts (as SQLite's tokenizer
        // cuts them): a passage holding any of these lexemes may be found.
        let text = format!("{} {}", words.join(" "), word_parts(&words).join(" "));
        let owners = owners(scope);
        let rows = sqlx::query(TERMS)
            .bind(&owners)
            .bind(text)
            .fetch_all(&self.pool)
            .await?;
        let mut terms = Vec::with_capacity(rows.len());
        let (mut passages, mut lexemes) = (0, 0);
        for row in &rows {
            terms.push((row.try_get::<String, _>("lexeme")?, row.try_get("df")?));
            passages = row.try_get("passages")?;
            lexemes = row.try_get("lexemes")?;
        }
        let Some(plan) = plan(terms, passages, lexemes) else {
            return Ok(Vec::new());
        };
        let (scored, idf): (Vec<String>, Vec<f64>) = plan.scored.into_iter().unzip();
        let sql = SCORE
            .replace("{IN_SCOPE}", IN_SCOPE)
            .replace("{K1}", &K1.to_string())
            .replace("{B}", &B.to_string());
        // Not a cached prepared statement: after five runs PostgreSQL may switch it to a generic
        // plan, which cannot see how rare the tsquery's lexemes are and joins every document
        // with a GIN scan each (measured: 88 ms instead of 6 at 100k passages).
        let rows = sqlx::query(&sql)
            .persistent(false)
            .bind(&owners)
            .bind(only(scope))
            .bind(any_of(&plan.candidates))
            .bind(scored)
            .bind(idf)
            .bind(plan.mean_length)
            .bind(i64::try_from(k).unwrap_or(i64::MAX))
            .bind(CANDIDATE_BUDGET)
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|row| {
                Ok(Hit {
                    passage: row.try_get("id")?,
                    score: row.try_get::<f64, _>("score")? as f32,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(t: &[(&str, i64)]) -> Vec<(String, i64)> {
        t.iter().map(|(l, df)| (l.to_string(), *df)).collect()
    }

    fn names(plan: &Plan) -> Vec<&str> {
        plan.scored.iter().map(|(l, _)| l.as_str()).collect()
    }

    #[test]
    fn rare_lexemes_weigh_more_and_absent_ones_are_dropped() {
        let got = plan(terms(&[("the", 90), ("zebra", 2), ("okapi", 0)]), 100, 4000).unwrap();
        // "the" is in most passages: left out, since "zebra" is there
        assert_eq!(names(&got), ["zebra"]);
        assert_eq!(got.candidates, ["zebra"]);
        assert!((got.scored[0].1 - (98.5f64 / 2.5).ln()).abs() < 1e-9);
        assert!((got.mean_length - 40.0).abs() < 1e-9);
        assert!(idf(100, 2) > idf(100, 20) && idf(100, 20) > idf(100, 49));
        assert_eq!(idf(100, 50), MIN_IDF);
        assert_eq!(plan_of(&[("okapi", 0)], 100), None);
        assert_eq!(plan_of(&[], 100), None);
    }

    fn plan_of(t: &[(&str, i64)], passages: i64) -> Option<Plan> {
        plan(terms(t), passages, passages * 10)
    }

    #[test]
    fn only_common_lexemes_are_all_kept_with_the_least_weight() {
        let plan = plan_of(&[("the", 90), ("of", 60)], 100).unwrap();
        assert_eq!(names(&plan), ["of", "the"]);
        assert!(plan.scored.iter().all(|(_, idf)| *idf == MIN_IDF));
        assert_eq!(plan.candidates, ["of", "the"]);
    }

    #[test]
    fn candidates_come_from_the_rarest_lexemes_within_the_budget() {
        let n = 1_000_000;
        let plan = plan_of(&[("a", 1700), ("b", 10), ("c", 400), ("d", 90_000)], n).unwrap();
        assert_eq!(plan.candidates, ["b", "c"]);
        assert_eq!(names(&plan), ["b", "c", "a", "d"]);
        // the rarest one is always there, even over the budget
        let plan = plan_of(&[("a", 5000), ("b", 7000)], n).unwrap();
        assert_eq!(plan.candidates, ["a"]);
        // counts that disagree (a lexeme in more passages than the total) still give weights
        let odd = super::plan(terms(&[("a", 7)]), 3, 0).unwrap();
        assert_eq!(odd.scored, [("a".to_string(), MIN_IDF)]);
        assert!((odd.mean_length - 1.0).abs() < 1e-9);
    }

    #[test]
    fn lexemes_are_quoted_literals() {
        let q = |l: &[&str]| any_of(&l.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(q(&["rain"]), "'rain'");
        assert_eq!(q(&["a", "b"]), "'a' | 'b'");
        assert_eq!(
            q(&["l'été", r"a\b", "x:*", "!y"]),
            r"'l''été' | 'a\\b' | 'x:*' | '!y'"
        );
    }
}
