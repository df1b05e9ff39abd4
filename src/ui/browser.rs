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
