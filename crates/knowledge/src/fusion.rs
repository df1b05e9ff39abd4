//! Dense and keyword rankings fused into one: weighted reciprocal-rank fusion (Cormack et al.,
//! 2009). A passage's score is the sum, over the rankings it appears in, of
//! `weight / (k + rank)` (ranks from 1). Ranks, not raw scores, are fused: a cosine similarity
//! and a BM25 score have no common scale.

use crate::store::Hit;

/// How the two rankings are weighed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fusion {
    pub dense: f32,
    pub keyword: f32,
    /// RRF's constant: larger values flatten the difference between the first ranks.
    pub k: f32,
}

impl Default for Fusion {
    /// Equal weights and the k = 60 of the original paper; the retrieval benchmark
    /// (`bench/retrieval`) checks these against the alternatives.
    fn default() -> Self {
        Self {
            dense: 1.0,
            keyword: 1.0,
            k: 60.0,
        }
    }
}

/// One passage of the fused ranking, with where it stood in each input ranking.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fused {
    pub passage: i64,
    pub score: f32,
    /// Rank (from 1) and cosine similarity in the dense ranking, if it was there.
    pub dense: Option<(usize, f32)>,
    /// Rank (from 1) and score in the keyword ranking, if it was there.
    pub keyword: Option<(usize, f32)>,
}

impl Fusion {
    /// The fused ranking, best first; ties keep the dense order, then the keyword order.
    pub fn fuse(&self, dense: &[Hit], keyword: &[Hit]) -> Vec<Fused> {
        let mut out: Vec<Fused> = Vec::with_capacity(dense.len() + keyword.len());
        for (i, hit) in dense.iter().enumerate() {
            if out.iter().any(|f| f.passage == hit.passage) {
                continue; // a store never repeats a passage; a duplicate counts once
            }
            out.push(Fused {
                passage: hit.passage,
                score: self.dense / (self.k + (i + 1) as f32),
                dense: Some((i + 1, hit.score)),
                keyword: None,
            });
        }
        for (i, hit) in keyword.iter().enumerate() {
            let add = self.keyword / (self.k + (i + 1) as f32);
            match out.iter_mut().find(|f| f.passage == hit.passage) {
                Some(f) if f.keyword.is_none() => {
                    f.score += add;
                    f.keyword = Some((i + 1, hit.score));
                }
                Some(_) => {}
                None => out.push(Fused {
                    passage: hit.passage,
                    score: add,
                    dense: None,
                    keyword: Some((i + 1, hit.score)),
                }),
            }
        }
        // stable: equal scores keep insertion order (dense first)
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(ids: &[i64]) -> Vec<Hit> {
        ids.iter()
            .enumerate()
            .map(|(i, &passage)| Hit {
                passage,
                score: 1.0 - i as f32 / 10.0,
            })
            .collect()
    }

    #[test]
    fn a_passage_high_in_both_rankings_wins() {
        let fused = Fusion::default().fuse(&hits(&[1, 2, 3]), &hits(&[3, 2, 9]));
        let order: Vec<i64> = fused.iter().map(|f| f.passage).collect();
        // 2: 1/62 + 1/62; 3: 1/63 + 1/61; 1: 1/61 only
        assert_eq!(order, vec![3, 2, 1, 9]);
        assert_eq!(fused[1].dense, Some((2, 0.9)));
        assert_eq!(fused[1].keyword, Some((2, 0.9)));
        assert_eq!(fused[3].dense, None);
    }

    #[test]
    fn scores_follow_the_formula() {
        let f = Fusion {
            dense: 2.0,
            keyword: 0.5,
            k: 10.0,
        };
        let fused = f.fuse(&hits(&[7]), &hits(&[8, 7]));
        let seven = fused.iter().find(|x| x.passage == 7).map(|x| x.score);
        let eight = fused.iter().find(|x| x.passage == 8).map(|x| x.score);
        assert_eq!(seven, Some(2.0 / 11.0 + 0.5 / 12.0));
        assert_eq!(eight, Some(0.5 / 11.0));
    }

    #[test]
    fn one_empty_ranking_leaves_the_other_in_its_order() {
        let fused = Fusion::default().fuse(&[], &hits(&[4, 5, 6]));
        let order: Vec<i64> = fused.iter().map(|f| f.passage).collect();
        assert_eq!(order, vec![4, 5, 6]);
        assert!(Fusion::default().fuse(&[], &[]).is_empty());
    }

    #[test]
    fn a_weight_of_zero_ignores_a_ranking_but_keeps_its_passages_last() {
        let f = Fusion {
            keyword: 0.0,
            ..Fusion::default()
        };
        let order: Vec<i64> = f
            .fuse(&hits(&[1, 2]), &hits(&[2, 3]))
            .iter()
            .map(|x| x.passage)
            .collect();
        assert_eq!(order, vec![1, 2, 3]);
    }

    #[test]
    fn duplicates_count_once() {
        let fused = Fusion::default().fuse(&hits(&[1, 1]), &hits(&[1, 1]));
        assert_eq!(fused.len(), 1);
        assert_eq!(fused[0].score, 2.0 / 61.0);
    }
}
