//! Tests of remote models: their ids, the logged server, stream chunks, error statuses.

use super::*;

#[test]
fn server_model_names_become_model_ids() {
    let m = RemoteModel::on_server("llama3.2:3b", "http://ollama:11434/v1/", None);
    assert_eq!(m.id, "server/llama3.2-3b");
    assert_eq!(m.name, "llama3.2:3b");
    assert_eq!(m.base, "http://ollama:11434/v1");
    assert!(crate::domain::models::check_model_id(&m.id).is_ok());
}

#[test]
fn the_logged_server_holds_no_password_nor_path() {
    let m = RemoteModel::on_server("m", "https://me:s3cret@llm.example/v1", None);
    assert_eq!(m.server(), "https://llm.example:443");
    let m = RemoteModel::on_server("m", "http://127.0.0.1:9/v1", None);
    assert_eq!(m.server(), "http://127.0.0.1:9");
}

#[test]
fn chunks_give_their_text_and_errors_fail() {
    let chunk = r#"{"choices":[{"delta":{"content":"Paris [1]"}}]}"#;
    assert_eq!(delta(chunk).ok().unwrap(), "Paris [1]");
    assert_eq!(delta(r#"{"choices":[{"delta":{}}]}"#).ok().unwrap(), "");
    assert!(matches!(delta("not json"), Err(Failure::Malformed(_))));
    assert!(matches!(delta(r#"{"id": 3}"#), Err(Failure::Malformed(_))));
    assert!(matches!(
        delta(r#"{"error":{"message":"out of memory"}}"#),
        Err(Failure::StreamError(m)) if m == "out of memory"
    ));
}

#[test]
fn statuses_are_the_servers_failures() {
    let body = br#"{"error":{"message":"model \"x\" not found, try pulling it first"}}"#;
    assert_eq!(
        ServerFailure::from_status(404, None, body),
        ServerFailure::ModelNotFound {
            said: "model \"x\" not found, try pulling it first".into()
        }
    );
    let ollama = br#"{"error":"unauthorized"}"#;
    assert!(matches!(
        ServerFailure::from_status(403, None, ollama),
        ServerFailure::Unauthorized { status: 403, said } if said == "unauthorized"
    ));
    assert_eq!(
        ServerFailure::from_status(429, Some(7), b""),
        ServerFailure::RateLimited {
            retry_after: Some(7)
        }
    );
    assert!(matches!(
        ServerFailure::from_status(400, None, b"context too long"),
        ServerFailure::Refused { status: 400, .. }
    ));
    assert!(matches!(
        ServerFailure::from_status(503, None, b"<html>"),
        ServerFailure::Failed { status: 503, .. }
    ));
}
