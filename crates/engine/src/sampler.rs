//! Next-token choice with the semantics of HuggingFace `generate()`, so the sliders mean on the
//! local engine what they mean on the Inference API.
//!
//! Order, as in transformers' logits processors and warpers:
//! 1. repetition penalty over every token seen so far (prompt and output): a positive logit is
//!    divided by the penalty, a negative one multiplied (so > 1 always discourages);
//! 2. minimum length: end-of-text tokens are forbidden until `min_new_tokens` were generated;
//! 3. greedy (`do_sample = false`, or temperature 0): the highest logit wins; otherwise
//! 4. temperature, then top-k, then top-p (nucleus, keeping at least one token), then a draw
//!    from the renormalised distribution with a seeded generator (same seed, same text).

use rand::distr::{weighted::WeightedIndex, Distribution};
use rand::rngs::StdRng;
use rand::SeedableRng;

#[derive(Debug, Clone, PartialEq)]
pub struct SamplingConfig {
    pub do_sample: bool,
    pub temperature: f64,
    /// 0 disables.
    pub top_k: usize,
    /// 1.0 disables.
    pub top_p: f64,
    /// 1.0 disables.
    pub repetition_penalty: f64,
    pub min_new_tokens: usize,
    pub seed: u64,
}

impl Default for SamplingConfig {
    /// HuggingFace's defaults: greedy, temperature 1, top-k 50, top-p 1, no penalty.
    fn default() -> Self {
        Self {
            do_sample: false,
            temperature: 1.0,
            top_k: 50,
            top_p: 1.0,
            repetition_penalty: 1.0,
            min_new_tokens: 0,
            seed: 0,
        }
    }
}

pub struct Sampler {
    config: SamplingConfig,
    end_tokens: Vec<u32>,
    rng: StdRng,
}

impl Sampler {
    pub fn new(config: SamplingConfig, end_tokens: Vec<u32>) -> Self {
        let rng = StdRng::seed_from_u64(config.seed);
        Self {
            config,
            end_tokens,
            rng,
        }
    }

    pub fn config(&self) -> &SamplingConfig {
        &self.config
    }

    /// Chooses the next token from `logits` given every token so far and how many of them were
    /// generated (not prompt).
    pub fn next(&mut self, logits: &mut [f32], seen: &[u32], generated: usize) -> u32 {
        self.process(logits, seen, generated);
        if !self.sampling() {
            return argmax(logits);
        }
        let probs = self.distribution(logits);
        match WeightedIndex::new(&probs) {
            Ok(dist) => dist.sample(&mut self.rng) as u32,
            // Every weight zero or not finite: fall back to the best logit.
            Err(_) => argmax(logits),
        }
    }

    fn sampling(&self) -> bool {
        self.config.do_sample && self.config.temperature > 0.0
    }

    /// Steps 1–2: penalties and bans applied to the raw logits.
    pub fn process(&self, logits: &mut [f32], seen: &[u32], generated: usize) {
        let penalty = self.config.repetition_penalty as f32;
        if penalty != 1.0 && penalty > 0.0 {
            let mut done = vec![false; logits.len()];
            for &t in seen {
                let t = t as usize;
                if let (Some(l), Some(d)) = (logits.get_mut(t), done.get_mut(t)) {
                    if !*d {
                        *l = if *l > 0.0 { *l / penalty } else { *l * penalty };
                        *d = true;
                    }
                }
            }
        }
        if generated < self.config.min_new_tokens {
            for &t in &self.end_tokens {
                if let Some(l) = logits.get_mut(t as usize) {
                    *l = f32::NEG_INFINITY;
                }
            }
        }
    }

    /// Steps 4: the distribution a token is drawn from (zeros for filtered tokens).
    pub fn distribution(&self, logits: &[f32]) -> Vec<f32> {
        let t = self.config.temperature.max(1e-6) as f32;
        let scaled: Vec<f32> = logits.iter().map(|l| l / t).collect();
        let mut order: Vec<usize> = (0..scaled.len()).collect();
        order.sort_unstable_by(|&a, &b| scaled[b].total_cmp(&scaled[a]).then(a.cmp(&b)));
        let mut keep = order.len();
        if self.config.top_k > 0 {
            keep = keep.min(self.config.top_k);
        }
        let max = order.first().map_or(0.0, |&i| scaled[i]);
        let exps: Vec<f32> = order[..keep]
            .iter()
            .map(|&i| (scaled[i] - max).exp())
            .collect();
        let total: f32 = exps.iter().sum();
        if self.config.top_p < 1.0 && total > 0.0 {
            // Smallest prefix whose mass reaches top_p; at least one token.
            let mut mass = 0.0;
            let mut n = 0;
            for e in &exps {
                n += 1;
                mass += e / total;
                if f64::from(mass) >= self.config.top_p {
                    break;
                }
            }
            keep = n.max(1);
        }
        let mut probs = vec![0.0; scaled.len()];
        let kept_total: f32 = exps[..keep].iter().sum();
        for (rank, &i) in order[..keep].iter().enumerate() {
            probs[i] = if kept_total > 0.0 {
                exps[rank] / kept_total
            } else {
                0.0
            };
        }
        probs
    }
}

fn argmax(logits: &[f32]) -> u32 {
    let mut best = 0;
    for (i, l) in logits.iter().enumerate() {
        if *l > logits[best] {
            best = i;
        }
    }
    best as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    const EOS: u32 = 3;

    fn sampler(config: SamplingConfig) -> Sampler {
        Sampler::new(config, vec![EOS])
    }

    fn sampled(overrides: impl FnOnce(&mut SamplingConfig)) -> Sampler {
        let mut c = SamplingConfig {
            do_sample: true,
            top_k: 0,
            ..SamplingConfig::default()
        };
        overrides(&mut c);
        sampler(c)
    }

    fn entropy(p: &[f32]) -> f32 {
        p.iter().filter(|x| **x > 0.0).map(|x| -x * x.ln()).sum()
    }

    const LOGITS: [f32; 5] = [2.0, 1.0, 0.5, 3.0, -1.0];

    #[test]
    fn greedy_takes_the_highest_logit() {
        let mut s = sampler(SamplingConfig::default());
        assert_eq!(s.next(&mut LOGITS.to_vec(), &[], 10), EOS);
    }

    #[test]
    fn min_length_suppresses_end_of_text_until_reached() {
        let mut s = sampler(SamplingConfig {
            min_new_tokens: 5,
            ..SamplingConfig::default()
        });
        assert_eq!(s.next(&mut LOGITS.to_vec(), &[], 4), 0);
        assert_eq!(s.next(&mut LOGITS.to_vec(), &[], 5), EOS);
        // Sampling never draws it either.
        let mut s = sampled(|c| c.min_new_tokens = 100);
        for _ in 0..200 {
            assert_ne!(s.next(&mut LOGITS.to_vec(), &[], 0), EOS);
        }
    }

    #[test]
    fn repetition_penalty_divides_positive_and_multiplies_negative_logits() {
        let s = sampler(SamplingConfig {
            repetition_penalty: 2.0,
            ..SamplingConfig::default()
        });
        let mut l = LOGITS.to_vec();
        s.process(&mut l, &[0, 4, 0], 0);
        assert_eq!(l, vec![1.0, 1.0, 0.5, 3.0, -2.0]);
        // Enough penalty changes the greedy choice away from a repeated token.
        let mut s = sampler(SamplingConfig {
            repetition_penalty: 10.0,
            ..SamplingConfig::default()
        });
        assert_eq!(s.next(&mut LOGITS.to_vec(), &[EOS], 10), 0);
    }

    #[test]
    fn temperature_sharpens_or_flattens_the_distribution() {
        let cold = sampled(|c| c.temperature = 0.3).distribution(&LOGITS);
        let warm = sampled(|c| c.temperature = 1.0).distribution(&LOGITS);
        let hot = sampled(|c| c.temperature = 3.0).distribution(&LOGITS);
        assert!(entropy(&cold) < entropy(&warm) && entropy(&warm) < entropy(&hot));
        assert!((warm.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    }

    #[test]
    fn top_k_keeps_only_the_k_best() {
        let p = sampled(|c| c.top_k = 2).distribution(&LOGITS);
        let kept: Vec<usize> = (0..5).filter(|&i| p[i] > 0.0).collect();
        assert_eq!(kept, vec![0, 3]);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    }

    #[test]
    fn top_p_keeps_the_smallest_set_reaching_the_mass() {
        // softmax(LOGITS) ≈ [0.23, 0.08, 0.05, 0.62, 0.01]
        let p = sampled(|c| c.top_p = 0.5).distribution(&LOGITS);
        assert_eq!(p.iter().filter(|x| **x > 0.0).count(), 1);
        let p = sampled(|c| c.top_p = 0.8).distribution(&LOGITS);
        assert_eq!(p.iter().filter(|x| **x > 0.0).count(), 2);
        let p = sampled(|c| c.top_p = 1.0).distribution(&LOGITS);
        assert_eq!(p.iter().filter(|x| **x > 0.0).count(), 5);
    }

    #[test]
    fn the_same_seed_draws_the_same_tokens() {
        let draw = |seed| {
            let mut s = sampled(|c| {
                c.seed = seed;
                c.temperature = 2.0;
            });
            (0..50)
                .map(|_| s.next(&mut LOGITS.to_vec(), &[], 10))
                .collect::<Vec<_>>()
        };
        assert_eq!(draw(7), draw(7));
        assert_ne!(draw(7), draw(8));
    }

    #[test]
    fn sampling_follows_the_distribution() {
        let mut s = sampled(|c| c.seed = 1);
        let mut counts = [0usize; 5];
        for _ in 0..4000 {
            counts[s.next(&mut LOGITS.to_vec(), &[], 10) as usize] += 1;
        }
        let p = s.distribution(&LOGITS);
        for i in 0..5 {
            let observed = counts[i] as f32 / 4000.0;
            assert!(
                (observed - p[i]).abs() < 0.03,
                "token {i}: {observed} vs {}",
                p[i]
            );
        }
    }

    #[test]
    fn temperature_zero_is_greedy_even_when_sampling() {
        let mut s = sampled(|c| c.temperature = 0.0);
        for _ in 0..20 {
            assert_eq!(s.next(&mut LOGITS.to_vec(), &[], 10), EOS);
        }
    }
}
