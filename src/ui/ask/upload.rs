//! The Ask API as the page calls it, with the page's cookie: the same routes scripts use
//! (`/api/v1/documents…`, `/api/v1/questions…`). Every failure comes back as the
//! [`ErrorResponse`] the server sent (already in the page's language), or as a sentence of the
//! page's own when the server could not be reached or answered something else.
//!
//! Only the browser calls these (from effects and event handlers); on the server the requests
//! fail at once ([`crate::ui::browser`]).

use crate::domain::ask::answer::{AnswerEvent, AnswerModels};
use crate::domain::ask::document::{DocumentList, DocumentView, NewTextDocument};
use crate::domain::ask::question::QuestionRequest;
use crate::domain::errors::{ErrorCode, ErrorResponse, PublicError};
use crate::i18n::Texts;
use crate::ui::browser::{
    event_stream, fetch_error, fetch_text, read_json, Body, FetchError, Fetched,
};

pub const DOCUMENTS: &str = "/api/v1/documents";
pub const QUESTION_STREAM: &str = "/api/v1/questions/stream";
pub const ANSWER_MODELS: &str = "/api/v1/questions/models";

pub fn document_url(id: &str) -> String {
    format!("{DOCUMENTS}/{id}")
}

/// A document added: as the server shows it, and whether it was there already (`200`: the
/// same text added before; nothing was indexed again).
#[derive(Debug, Clone, PartialEq)]
pub struct Added {
    pub doc: DocumentView,
    pub existing: bool,
}

/// What `POST /api/v1/documents` answered with.
fn added(fetched: &Fetched, t: &Texts) -> Result<Added, ErrorResponse> {
    Ok(Added {
        doc: read_json(fetched, t)?,
        existing: fetched.status == 200,
    })
}

/// Your documents and the shared library's, newest first.
pub async fn list(t: &'static Texts) -> Result<Vec<DocumentView>, ErrorResponse> {
    let fetched = fetch_text("GET", DOCUMENTS, Body::Empty)
        .await
        .map_err(|e| fetch_error(e, t))?;
    read_json::<DocumentList>(&fetched, t).map(|l| l.documents)
}

/// One document as it is now.
pub async fn one(id: &str, t: &'static Texts) -> Result<DocumentView, ErrorResponse> {
    let fetched = fetch_text("GET", &document_url(id), Body::Empty)
        .await
        .map_err(|e| fetch_error(e, t))?;
    read_json(&fetched, t)
}

/// A pasted text, with its title.
pub async fn add_text(doc: &NewTextDocument, t: &'static Texts) -> Result<Added, ErrorResponse> {
    let json = serde_json::to_string(doc).map_err(|_| unprepared(t))?;
    let fetched = fetch_text("POST", DOCUMENTS, Body::Json(json))
        .await
        .map_err(|e| fetch_error(e, t))?;
    added(&fetched, t)
}

/// A file, sent as `multipart/form-data` (its `file` part; the server takes its own title).
#[cfg(feature = "hydrate")]
pub async fn add_file(file: &web_sys::File, t: &'static Texts) -> Result<Added, ErrorResponse> {
    let form = web_sys::FormData::new().map_err(|_| unprepared(t))?;
    form.append_with_blob_and_filename("file", file, &file.name())
        .map_err(|_| unprepared(t))?;
    let fetched = fetch_text("POST", DOCUMENTS, Body::Form(form))
        .await
        .map_err(|e| fetch_error(e, t))?;
    added(&fetched, t)
}

pub async fn remove(id: &str, t: &'static Texts) -> Result<(), ErrorResponse> {
    fetch_text("DELETE", &document_url(id), Body::Empty)
        .await
        .map(|_| ())
        .map_err(|e| fetch_error(e, t))
}

/// Follows a document's indexing (`GET …/{id}/events`): `on_doc` gets the document each time
/// its progress changes, and returns false to stop. Ends after `ready` or `failed`, or when the
/// connection does.
pub async fn follow(
    id: &str,
    mut on_doc: impl FnMut(DocumentView) -> bool,
) -> Result<(), FetchError> {
    let url = format!("{}/events", document_url(id));
    event_stream("GET", &url, Body::Empty, |data| {
        // events this page does not know (a newer server) are skipped
        serde_json::from_str::<DocumentView>(data).map_or(true, &mut on_doc)
    })
    .await
}

/// Who can write answers here, described in the page's language.
pub async fn answer_models(t: &'static Texts) -> Result<AnswerModels, ErrorResponse> {
    let fetched = fetch_text("GET", ANSWER_MODELS, Body::Empty)
        .await
        .map_err(|e| fetch_error(e, t))?;
    read_json(&fetched, t)
}

/// Asks, the answer streamed: `on_event` gets each [`AnswerEvent`] and returns false to stop.
/// Dropping the future closes the connection, which stops the writing on the server.
pub async fn ask_stream(
    request: &QuestionRequest,
    t: &'static Texts,
    mut on_event: impl FnMut(AnswerEvent) -> bool,
) -> Result<(), ErrorResponse> {
    let json = serde_json::to_string(request).map_err(|_| unprepared(t))?;
    event_stream("POST", QUESTION_STREAM, Body::Json(json), |data| {
        serde_json::from_str::<AnswerEvent>(data).map_or(true, &mut on_event)
    })
    .await
    .map_err(|e| fetch_error(e, t))
}

fn unprepared(t: &Texts) -> ErrorResponse {
    PublicError::new(ErrorCode::InvalidRequest, t.request_unprepared).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ask::document::DocumentStatus;
    use crate::domain::settings::Lang;
    use crate::i18n::texts;

    const DOC: &str = r#"{"id":"6f1c0e0b7d2a4c4f9f0e2b1a3c5d7e9f","title":"Staff handbook",
        "format":"markdown","status":"processing","passages":112,"passages_done":40,
        "chars":52000,"bytes":52000,"shared":false,"created_at":"2026-11-21T23:05:00Z"}"#;

    #[test]
    fn an_added_document_says_whether_it_was_there_already() {
        let en = texts(Lang::En);
        let fetched = |status| Fetched {
            status,
            body: DOC.into(),
        };
        let new = added(&fetched(202), en).unwrap();
        assert!(!new.existing);
        assert_eq!(new.doc.status, DocumentStatus::Processing);
        assert_eq!(new.doc.percent(), 35);
        assert!(added(&fetched(200), en).unwrap().existing);
        assert!(!added(&fetched(201), en).unwrap().existing);
    }

    #[test]
    fn answer_events_parse_as_the_server_writes_them() {
        let passages = r#"{"type":"passages","grounded":false,"passages":[]}"#;
        assert_eq!(
            serde_json::from_str::<AnswerEvent>(passages).unwrap(),
            AnswerEvent::Passages {
                passages: vec![],
                grounded: false
            }
        );
        let error = r#"{"type":"error","error":{"code":"no_documents","message":"Add one."}}"#;
        assert!(matches!(
            serde_json::from_str::<AnswerEvent>(error).unwrap(),
            AnswerEvent::Error { error } if error.code == ErrorCode::NoDocuments
        ));
    }

    #[test]
    fn a_request_names_only_what_it_sets() {
        let request = QuestionRequest {
            question: "How many days?".into(),
            top_k: None,
            model: Some("extractive".into()),
            document_ids: None,
        };
        assert_eq!(
            serde_json::to_string(&request).unwrap(),
            r#"{"question":"How many days?","model":"extractive"}"#
        );
    }
}
