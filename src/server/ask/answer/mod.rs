//! The question service's answer: passages found ([`super::retrieve`]), then written up by the
//! chosen writer — the extractive answer (quotes, the default) or a language model — with its
//! citations checked against the passages given.

pub mod extractive;
pub mod generate;
pub mod prompt;
pub mod remote;

use std::time::Instant;

use precis_knowledge::cite::CitationChecker;
use precis_knowledge::store::Scope;
use tokio::sync::mpsc::UnboundedSender;

use super::Knowledge;
use crate::domain::ask::answer::{
    Answer, AnswerEvent, AnswerModel, AnswerModels, AnswerTimings, FoundPassage, EXTRACTIVE,
};
use crate::domain::ask::question::ParsedQuestion;
use crate::domain::settings::Lang;
use crate::i18n::texts;
use crate::server::error::AppError;
use crate::server::providers::catalog::Unavailable;

/// Who writes an answer.
enum Writer<'a> {
    Extractive,
    Local(std::sync::Arc<precis_engine::llm::Llm>),
    Remote(&'a remote::RemoteModel),
}

/// Where the answer's events go while it is written (the stream), if anywhere.
#[derive(Clone, Default)]
pub struct Events(Option<UnboundedSender<AnswerEvent>>);

impl Events {
    pub fn new(tx: UnboundedSender<AnswerEvent>) -> Self {
        Self(Some(tx))
    }

    pub fn send(&self, event: AnswerEvent) {
        if let Some(tx) = &self.0 {
            let _ = tx.send(event);
        }
    }

    pub fn token(&self, text: &str) {
        if !text.is_empty() {
            self.send(AnswerEvent::Token {
                text: text.to_string(),
            });
        }
    }
}

impl Knowledge {
    /// Answers `q` for `owner` from their documents and the shared library.
    pub async fn ask(
        &self,
        owner: &str,
        q: ParsedQuestion,
        lang: Lang,
        events: Events,
    ) -> Result<Answer, AppError> {
        let started = Instant::now();
        let model = q
            .model
            .clone()
            .unwrap_or_else(|| self.inner.default_model.clone());
        let writer = self.writer(&model)?;
        let scope = Scope {
            owner: owner.to_string(),
            shared: true,
            documents: q.document_ids.clone(),
        };
        let question = q.question.as_str();
        let found = self.search(&scope, question, q.top_k as usize).await?;
        let retrieval_ms = started.elapsed().as_millis() as u64;
        let mut passages: Vec<FoundPassage> = found
            .passages
            .iter()
            .enumerate()
            .map(|(i, (p, f))| FoundPassage {
                number: i as u32 + 1,
                document_id: p.document_id.clone(),
                title: p.title.clone(),
                text: p.text.clone(),
                score: f.score,
                start: p.start,
                end: p.end,
                ordinal: p.ordinal,
                cited: false,
            })
            .collect();
        events.send(AnswerEvent::Passages {
            passages: passages.clone(),
            grounded: found.grounded,
        });
        let writing = Instant::now();
        let (text, cited) = if !found.grounded || passages.is_empty() {
            let text = texts(lang).ask.not_in_documents.to_string();
            events.token(&text);
            (text, Vec::new())
        } else if let Writer::Local(llm) = writer {
            generate::write(self, llm, question, &passages, &events).await?
        } else if let Writer::Remote(m) = writer {
            let timeout = match m.upstream {
                remote::Upstream::Server => self.inner.llm_timeout,
                remote::Upstream::HuggingFace => self.inner.hf_timeout,
            };
            remote::write(&self.inner.http, m, timeout, question, &passages, &events).await?
        } else {
            let text = self.extractive(question, &found.vector, &passages).await?;
            let checked = CitationChecker::check(&text, passages.len());
            events.token(&checked.text);
            (checked.text, checked.cited)
        };
        for p in &mut passages {
            p.cited = cited.contains(&(p.number as usize));
        }
        Ok(Answer {
            answer: text,
            grounded: found.grounded,
            passages,
            model,
            latency_ms: started.elapsed().as_millis() as u64,
            timings: AnswerTimings {
                retrieval_ms,
                generation_ms: writing.elapsed().as_millis() as u64,
            },
        })
    }

    /// The extractive answer from the found passages.
    async fn extractive(
        &self,
        question: &str,
        vector: &[f32],
        passages: &[FoundPassage],
    ) -> Result<String, AppError> {
        let texts: Vec<&str> = passages.iter().map(|p| p.text.as_str()).collect();
        let candidates = extractive::candidates(&texts);
        if candidates.is_empty() {
            // passages without a full sentence (tables, lists): quote the best one whole
            return Ok(format!("“{}” [1]", texts.first().map_or("", |t| t.trim())));
        }
        let vectors = self
            .embed(candidates.iter().map(|c| c.text.clone()).collect())
            .await?;
        Ok(extractive::compose(question, vector, &candidates, &vectors))
    }

    /// Who can write answers here, described in `lang`.
    pub fn answer_models(&self, lang: Lang) -> AnswerModels {
        let t = &texts(lang).ask;
        let mut models = vec![AnswerModel {
            id: EXTRACTIVE.to_string(),
            label: t.extractive_label.to_string(),
            description: t.extractive_description.to_string(),
            generative: false,
            experimental: false,
            unavailable: self
                .embedding_parts()
                .err()
                .map(|e| e.public_in(lang).message),
        }];
        for entry in &self.local().llms {
            models.push(AnswerModel {
                id: entry.id.clone(),
                label: entry.label.clone(),
                description: t.llm_description.to_string(),
                generative: true,
                experimental: true,
                unavailable: entry
                    .llm
                    .as_ref()
                    .err()
                    .map(|p| crate::server::providers::local::tell(*p, lang)),
            });
        }
        for m in &self.inner.remote {
            models.push(AnswerModel {
                id: m.id.clone(),
                label: m.id.clone(),
                description: t.remote_description.to_string(),
                generative: true,
                experimental: false,
                unavailable: None,
            });
        }
        AnswerModels {
            models,
            default: self.inner.default_model.clone(),
        }
    }

    /// Who writes the answer for model id `id`, or why nobody can.
    fn writer(&self, id: &str) -> Result<Writer<'_>, AppError> {
        if id == EXTRACTIVE {
            return Ok(Writer::Extractive);
        }
        if let Some(m) = self.inner.remote.iter().find(|m| m.id == id) {
            return Ok(Writer::Remote(m));
        }
        self.local_llm(id).map(Writer::Local)
    }

    /// A local language model by id, or why it cannot answer.
    fn local_llm(&self, id: &str) -> Result<std::sync::Arc<precis_engine::llm::Llm>, AppError> {
        let entry = self
            .local()
            .llm(id)
            .ok_or_else(|| AppError::ModelUnavailable {
                model: id.to_string(),
                reason: Unavailable::NoSuchLocal { id: id.to_string() },
            })?;
        entry
            .llm
            .clone()
            .map_err(|problem| AppError::ModelUnavailable {
                model: id.to_string(),
                reason: Unavailable::Model(problem),
            })
    }
}
