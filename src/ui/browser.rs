//! The few browser APIs the page uses directly. On the server these do nothing: they are only
//! ever called from event handlers, which run in the browser.

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

/// Why a streamed request gave no events.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
pub enum FetchError {
    /// The request never reached the server (offline, server down, refused).
    Network,
    /// The server answered with an error status before streaming; `body` is its text.
    Status { status: u16, body: String },
    /// The connection broke while the answer was being streamed.
    Interrupted,
}

/// POSTs `json` to `url` and reads the answer as Server-Sent Events, calling `on_data` with the
/// `data` of each event as it arrives; `on_data` returns false to stop reading.
///
/// The request is aborted (`AbortController`) when this future is dropped — which is how
/// Cancel works: the page drops the future, the browser closes the connection, and the server
/// stops generating.
#[cfg(feature = "hydrate")]
pub async fn post_event_stream(
    url: &str,
    json: &str,
    mut on_data: impl FnMut(&str) -> bool,
) -> Result<(), FetchError> {
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// Aborts the request when dropped: on Cancel, and harmlessly once it is over.
    struct AbortOnDrop(web_sys::AbortController);
    impl Drop for AbortOnDrop {
        fn drop(&mut self) {
            self.0.abort();
        }
    }

    let network = |_: JsValue| FetchError::Network;
    let window = web_sys::window().ok_or(FetchError::Network)?;
    let controller = web_sys::AbortController::new().map_err(network)?;
    let signal = controller.signal();
    let _abort = AbortOnDrop(controller);

    let headers = web_sys::Headers::new().map_err(network)?;
    headers
        .set("content-type", "application/json")
        .map_err(network)?;
    headers
        .set("accept", "text/event-stream")
        .map_err(network)?;
    let init = web_sys::RequestInit::new();
    init.set_method("POST");
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(json));
    init.set_signal(Some(&signal));

    let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    if !response.ok() {
        let body = match response.text() {
            Ok(text) => JsFuture::from(text)
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default(),
            Err(_) => String::new(),
        };
        return Err(FetchError::Status {
            status: response.status(),
            body,
        });
    }
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

/// On the server there is no streaming fetch: the page only streams from event handlers, which
/// run in the browser.
#[cfg(not(feature = "hydrate"))]
pub async fn post_event_stream(
    url: &str,
    json: &str,
    on_data: impl FnMut(&str) -> bool,
) -> Result<(), FetchError> {
    let _ = (url, json, on_data);
    Err(FetchError::Network)
}
