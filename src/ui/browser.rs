//! The few browser APIs the page uses directly. On the server these do nothing: they are only
//! ever called from event handlers, which run in the browser.

use crate::domain::errors::{ErrorCode, ErrorResponse, PublicError};
use crate::i18n::Texts;

/// Waits `ms` milliseconds.
pub async fn sleep_ms(ms: u32) {
    #[cfg(feature = "hydrate")]
    gloo_timers::future::TimeoutFuture::new(ms).await;
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = ms;
        std::future::pending::<()>().await;
    }
}

/// Puts `text` on the clipboard; false when the browser refused.
pub fn copy_to_clipboard(text: &str) -> bool {
    #[cfg(feature = "hydrate")]
    {
        match web_sys::window() {
            Some(w) => {
                let _promise = w.navigator().clipboard().write_text(text);
                true
            }
            None => false,
        }
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = text;
        false
    }
}

/// Offers `contents` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, contents: &str) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let run = || -> Option<()> {
            let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
            let options = web_sys::BlobPropertyBag::new();
            options.set_type(mime);
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
            let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            let document = web_sys::window()?.document()?;
            let a: web_sys::HtmlAnchorElement =
                document.create_element("a").ok()?.dyn_into().ok()?;
            a.set_href(&url);
            a.set_download(file_name);
            a.click();
            web_sys::Url::revoke_object_url(&url).ok()
        };
        let _ = run();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (file_name, mime, contents);
}

/// Why a request gave no answer (or a streamed one no events).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub enum FetchError {
    /// The request never reached the server (offline, server down, refused).
    Network,
    /// The server answered with an error status (before streaming); `body` is its text.
    Status { status: u16, body: String },
    /// The connection broke while the answer was being read or streamed.
    Interrupted,
}

/// What a page sends with a request.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub enum Body {
    Empty,
    Json(String),
    /// A `multipart/form-data` body (the browser writes its boundary).
    #[cfg(feature = "hydrate")]
    Form(web_sys::FormData),
}

/// A successful answer: its status (200, 201, 202, 204…) and its text.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub struct Fetched {
    pub status: u16,
    pub body: String,
}

/// What the page says when a request failed outside of the answer it expected: the server's
/// own error body when it sent one (`{"error": …}`, already in the page's language), else a
/// sentence of the page's.
pub fn fetch_error(e: FetchError, texts: &Texts) -> ErrorResponse {
    let error = match e {
        FetchError::Network => PublicError::new(ErrorCode::Network, texts.unreachable),
        FetchError::Interrupted => PublicError::new(ErrorCode::Network, texts.connection_lost),
        // Errors known before streaming starts come as a status with the usual JSON body.
        FetchError::Status { status, body } => match serde_json::from_str::<ErrorResponse>(&body) {
            Ok(e) => return e,
            Err(_) => PublicError::new(ErrorCode::Internal, (texts.unexplained_status)(status)),
        },
    };
    error.into()
}

/// The JSON of a successful answer as a `T`, or the page's sentence for an answer it cannot read.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub fn read_json<T: serde::de::DeserializeOwned>(
    fetched: &Fetched,
    texts: &Texts,
) -> Result<T, ErrorResponse> {
    serde_json::from_str(&fetched.body)
        .map_err(|_| PublicError::new(ErrorCode::Internal, texts.answer_unreadable).into())
}

/// Aborts the request when dropped: on Cancel, and harmlessly once it is over.
#[cfg(feature = "hydrate")]
struct AbortOnDrop(web_sys::AbortController);

#[cfg(feature = "hydrate")]
impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Sends a request with the page's cookies; the response once its status is known, and what
/// aborts it. An error status is read whole and returned as [`FetchError::Status`].
#[cfg(feature = "hydrate")]
async fn send(
    method: &str,
    url: &str,
    body: Body,
    accept: &str,
) -> Result<(web_sys::Response, AbortOnDrop), FetchError> {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    let network = |_: JsValue| FetchError::Network;
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let controller = web_sys::AbortController::new().map_err(network)?;
    let signal = controller.signal();
    let abort = AbortOnDrop(controller);

    let headers = web_sys::Headers::new().map_err(network)?;
    headers.set("accept", accept).map_err(network)?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    match body {
        Body::Empty => {}
        Body::Json(json) => {
            headers
                .set("content-type", "application/json")
                .map_err(network)?;
            init.set_body(&JsValue::from_str(&json));
        }
        // no content-type: the browser writes it, with the parts' boundary
        Body::Form(form) => init.set_body(&form),
    }
    init.set_headers(&headers);
    init.set_signal(Some(&signal));

    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    if !response.ok() {
        let body = text_of(&response).await.unwrap_or_default();
        return Err(FetchError::Status {
            status: response.status(),
            body,
        });
    }
    Ok((response, abort))
}

#[cfg(feature = "hydrate")]
async fn text_of(response: &web_sys::Response) -> Option<String> {
    let text = response.text().ok()?;
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
}

/// Sends a request and reads its whole answer (JSON, or nothing for a `204`).
///
/// The request is aborted when this future is dropped.
#[cfg(feature = "hydrate")]
pub async fn fetch_text(method: &str, url: &str, body: Body) -> Result<Fetched, FetchError> {
    let (response, _abort) = send(method, url, body, "application/json").await?;
    let status = response.status();
    let body = if status == 204 {
        String::new()
    } else {
        text_of(&response).await.ok_or(FetchError::Interrupted)?
    };
    Ok(Fetched { status, body })
}

/// Sends a request and reads the answer as Server-Sent Events, calling `on_data` with the
/// `data` of each event as it arrives; `on_data` returns false to stop reading.
///
/// The request is aborted (`AbortController`) when this future is dropped — which is how
/// Cancel works: the page drops the future, the browser closes the connection, and the server
/// stops working on it.
#[cfg(feature = "hydrate")]
pub async fn event_stream(
    method: &str,
    url: &str,
    body: Body,
    mut on_data: impl FnMut(&str) -> bool,
) -> Result<(), FetchError> {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    let (response, _abort) = send(method, url, body, "text/event-stream").await?;
    let body = response.body().ok_or(FetchError::Interrupted)?;
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut events = super::sse::SseParser::default();
    let field = |chunk: &JsValue, name: &str| js_sys::Reflect::get(chunk, &JsValue::from_str(name));
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| FetchError::Interrupted)?;
        let done = field(&chunk, "done")
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = field(&chunk, "value").map_err(|_| FetchError::Interrupted)?;
        let bytes = js_sys::Uint8Array::new(&value).to_vec();
        for data in events.push(&bytes) {
            if !on_data(&data) {
                return Ok(());
            }
        }
    }
    for data in events.finish() {
        if !on_data(&data) {
            break;
        }
    }
    Ok(())
}

/// On the server there is no fetch: the page only fetches from event handlers and effects,
/// which run in the browser.
#[cfg(not(feature = "hydrate"))]
#[allow(dead_code)]
pub async fn fetch_text(method: &str, url: &str, body: Body) -> Result<Fetched, FetchError> {
    let _ = (method, url, body);
    Err(FetchError::Network)
}

/// On the server there is no streaming fetch (see [`fetch_text`]).
#[cfg(not(feature = "hydrate"))]
pub async fn event_stream(
    method: &str,
    url: &str,
    body: Body,
    on_data: impl FnMut(&str) -> bool,
) -> Result<(), FetchError> {
    let _ = (method, url, body, on_data);
    Err(FetchError::Network)
}

/// POSTs `json` to `url` and reads the answer as Server-Sent Events (see [`event_stream`]).
pub async fn post_event_stream(
    url: &str,
    json: &str,
    on_data: impl FnMut(&str) -> bool,
) -> Result<(), FetchError> {
    event_stream("POST", url, Body::Json(json.to_string()), on_data).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::settings::Lang;
    use crate::i18n::texts;

    #[test]
    fn error_bodies_are_read_and_other_failures_explained() {
        let body = r#"{"error":{"code":"rate_limited","message":"Slow down.","retry_after":7}}"#;
        let en = texts(Lang::En);
        let e = fetch_error(
            FetchError::Status {
                status: 429,
                body: body.into(),
            },
            en,
        );
        assert_eq!(e.error.code, ErrorCode::RateLimited);
        assert_eq!(e.error.retry_after, Some(7));
        let e = fetch_error(
            FetchError::Status {
                status: 502,
                body: "<html>Bad gateway</html>".into(),
            },
            en,
        );
        assert!(e.error.message.contains("502"), "{}", e.error.message);
        assert!(!e.error.message.contains('<'));
        let fr = texts(Lang::Fr);
        let e = fetch_error(FetchError::Network, fr);
        assert_eq!(e.error.code, ErrorCode::Network);
        assert!(e.error.message.starts_with("Impossible de joindre Precis"));
    }

    #[test]
    fn answers_that_are_not_the_json_expected_are_explained() {
        let en = texts(Lang::En);
        let ok = Fetched {
            status: 200,
            body: r#"{"documents":[]}"#.into(),
        };
        let list: crate::domain::ask::document::DocumentList = read_json(&ok, en).unwrap();
        assert!(list.documents.is_empty());
        let bad = Fetched {
            status: 200,
            body: "<html>".into(),
        };
        let e = read_json::<crate::domain::ask::document::DocumentList>(&bad, en).unwrap_err();
        assert_eq!(e.error.message, en.answer_unreadable);
    }
}
