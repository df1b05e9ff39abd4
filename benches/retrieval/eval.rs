//! The retrieval benchmark's data and scoring: the corpus (`bench/retrieval/fetch.sh`), the
//! questions (`bench/retrieval/questions.<lang>.jsonl`), whether a passage answers a question,
//! and the metrics. The same rules as `bench/retrieval_reference.py`.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::R;

/// One chapter of the corpus.
pub struct Doc {
    /// The chapter's id (`basic-defs`…), which the questions name.
    pub id: String,
    pub title: String,
    pub text: String,
}

/// One question; `gold` is `None` for the questions the corpus does not answer.
pub struct Question {
    pub id: String,
    pub text: String,
    /// The chapter that answers it and the answer's words in it.
    pub gold: Option<(String, String)>,
}

pub fn cache_dir() -> PathBuf {
    std::env::var_os("PRECIS_CACHE_DIR")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/precis")))
        .unwrap_or_else(|| PathBuf::from(".cache/precis"))
}

/// The chapters of one language, in the manifest's order.
pub fn corpus(lang: &str) -> R<Vec<Doc>> {
    let dir = cache_dir().join("retrieval").join(lang);
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("manifest.json"))
            .map_err(|e| format!("{}: {e} (run bash bench/retrieval/fetch.sh)", dir.display()))?,
    )?;
    let mut docs = Vec::new();
    for m in manifest.as_array().ok_or("manifest: not a list")? {
        let field = |k: &str| {
            m[k].as_str()
                .map(str::to_string)
                .ok_or(format!("manifest: no {k}"))
        };
        docs.push(Doc {
            id: field("id")?,
            title: field("title")?,
            text: std::fs::read_to_string(dir.join(field("file")?))?,
        });
    }
    Ok(docs)
}

pub fn questions(dir: &Path, lang: &str) -> R<Vec<Question>> {
    let path = dir.join(format!("questions.{lang}.jsonl"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let q: Value = serde_json::from_str(line)?;
        let s = |k: &str| q[k].as_str().map(str::to_string);
        out.push(Question {
            id: s("id").ok_or("question without id")?,
            text: s("question").ok_or("question without text")?,
            gold: s("doc").zip(s("answer")),
        });
    }
    Ok(out)
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The passage holds the gold span: whole, or at least half of it cut at the passage's start or
/// end (a span across a passage boundary). Whitespace is normalised; case and accents are not.
pub fn answers(passage: &str, span: &str) -> bool {
    let (text, span) = (norm(passage), norm(span));
    if text.contains(&span) {
        return true;
    }
    let chars: Vec<char> = span.chars().collect();
    let half = chars.len().div_ceil(2);
    (half..chars.len()).rev().any(|k| {
        let head: String = chars[..k].iter().collect();
        let tail: String = chars[chars.len() - k..].iter().collect();
        text.ends_with(&head) || text.starts_with(&tail)
    })
}

/// Ranks (from 1) of the first passage answering each answerable question, `None` when none of
/// the top 10 does; grounded flags for both kinds; latencies.
#[derive(Default)]
pub struct Tally {
    pub ranks: Vec<Option<usize>>,
    pub grounded_answerable: Vec<bool>,
    pub grounded_unanswerable: Vec<bool>,
    pub millis: Vec<f64>,
}

impl Tally {
    pub fn json(&self) -> Value {
        let n = self.ranks.len().max(1) as f64;
        let at = |k: usize| {
            self.ranks
                .iter()
                .filter(|r| r.is_some_and(|r| r <= k))
                .count() as f64
                / n
        };
        let mrr = self
            .ranks
            .iter()
            .flatten()
            .map(|&r| 1.0 / r as f64)
            .sum::<f64>()
            / n;
        let share = |v: &[bool], want: bool| {
            v.iter().filter(|&&g| g == want).count() as f64 / v.len().max(1) as f64
        };
        let mut ms = self.millis.clone();
        ms.sort_by(f64::total_cmp);
        serde_json::json!({
            "questions": self.ranks.len(),
            "recall_at_1": at(1), "recall_at_5": at(5), "recall_at_10": at(10), "mrr_at_10": mrr,
            "grounded_answerable": share(&self.grounded_answerable, true),
            "not_found_unanswerable": share(&self.grounded_unanswerable, false),
            "p50_ms": percentile(&ms, 0.5), "p99_ms": percentile(&ms, 0.99),
        })
    }
}

/// The `p` quantile of sorted values (nearest rank), 0 when there are none.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Peak resident memory of this process, MB.
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Cores other processes used between two readings (system busy time from /proc/stat minus this
/// process's), to flag measurements made on a busy machine.
pub struct Others {
    system: f64,
    own: f64,
    at: std::time::Instant,
}

impl Others {
    pub fn start() -> Self {
        Self {
            system: system_busy(),
            own: own_cpu(),
            at: std::time::Instant::now(),
        }
    }

    pub fn cores(&self) -> f64 {
        let wall = self.at.elapsed().as_secs_f64().max(1e-9);
        ((system_busy() - self.system) - (own_cpu() - self.own)).max(0.0) / wall
    }
}

fn ticks() -> f64 {
    100.0 // USER_HZ on Linux
}

fn system_busy() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/stat") else {
        return 0.0;
    };
    let v: Vec<f64> = stat
        .lines()
        .next()
        .unwrap_or("")
        .split_whitespace()
        .skip(1)
        .filter_map(|x| x.parse().ok())
        .collect();
    let get = |i: usize| v.get(i).copied().unwrap_or(0.0);
    (get(0) + get(1) + get(2) + get(5) + get(6) + get(7)) / ticks()
}

/// CPU time this process used so far (all threads), seconds.
pub fn own_cpu() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // fields after the command name (which may hold spaces) start at ") "
    let rest = stat.rsplit_once(") ").map_or("", |(_, r)| r);
    let f: Vec<f64> = rest
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    // utime and stime are fields 14 and 15 of the line; the state (field 3) is not a number,
    // so field 4 is at index 0 here
    (f.get(10).copied().unwrap_or(0.0) + f.get(11).copied().unwrap_or(0.0)) / ticks()
}
