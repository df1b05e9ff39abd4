//! HuggingFace's chat models, offered with a token, their failures told as HuggingFace's.

use serde_json::{json, Value};
use wiremock::matchers::{body_partial_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::{streamed, QUESTION};
use crate::ask::{ask_app, Store, HANDBOOK};
use crate::helpers::expect_error;

#[tokio::test]
async fn huggingface_chat_models_are_offered_with_a_token() {
    let hf = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .and(header("authorization", "Bearer hf_test_token"))
        .and(body_partial_json(
            json!({"model": "meta-llama/Llama-3.1-8B-Instruct"}),
        ))
        .respond_with(streamed(&["25 days [1]."]))
        .mount(&hf)
        .await;
    let url = format!("{}/v1", hf.uri());
    let app = ask_app(
        &Store::Sqlite,
        &[
            ("HF_TOKEN", "hf_test_token"),
            ("PRECIS_ASK_HF_URL", url.as_str()),
            ("PRECIS_ASK_HF_MODELS", "meta-llama/Llama-3.1-8B-Instruct"),
            ("PRECIS_ASK_MODEL", "meta-llama/Llama-3.1-8B-Instruct"),
        ],
    )
    .await;
    let user = app.user();
    user.add_ready("Staff handbook", HANDBOOK).await;
    // the operator made it the default
    let models: Value = user.models().await;
    assert_eq!(models["default"], "meta-llama/Llama-3.1-8B-Instruct");
    let a = user.answer(QUESTION).await;
    assert_eq!(a["model"], "meta-llama/Llama-3.1-8B-Instruct");
    assert_eq!(a["answer"], "25 days [1].");
    // HuggingFace's failures are told as HuggingFace's
    hf.reset().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"error": "bad token"})))
        .mount(&hf)
        .await;
    let res = user.ask(json!({"question": QUESTION})).await;
    let error = expect_error(res, 502, "upstream_unauthorized").await;
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("HuggingFace"), "{message}");
    assert!(!message.contains("hf_test_token"), "{message}");
}
