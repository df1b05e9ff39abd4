//! How the files the pages load are delivered: precompressed copies to the browsers that accept
//! them, content-hashed bundle names cached for good, pages revalidated, and no cookie on a
//! static file. A small site root of its own stands in for the real bundle (scripts/build.sh),
//! so these run without one.

use std::path::Path;

use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, SET_COOKIE, VARY,
};
use reqwest::{Response, StatusCode};
use tempfile::TempDir;

use crate::helpers::{spawn_app_with, TestApp};

const JS: &str = "0123456789abcdef";
const WASM: &str = "fedcba9876543210";
const CSS: &str = "00112233445566ff";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// A site root as scripts/build.sh lays it out: hashed bundle names, each with its brotli and
/// gzip copies (their content says which one was served), the hash file, the public files.
fn site() -> TempDir {
    let root = tempfile::tempdir().expect("site root");
    let write = |path: &str, content: &str| {
        let path = root.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        std::fs::write(path, content).expect("file");
    };
    for (name, hash) in [("js", JS), ("wasm", WASM), ("css", CSS)] {
        let file = format!("pkg/precis.{hash}.{name}");
        write(&file, &format!("raw {name}"));
        write(&format!("{file}.br"), &format!("brotli {name}"));
        write(&format!("{file}.gz"), &format!("gzip {name}"));
    }
    write("hash.txt", &format!("js: {JS}\nwasm: {WASM}\ncss: {CSS}\n"));
    write("favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    write("api-docs/swagger-ui-bundle.js", "raw swagger");
    write("api-docs/swagger-ui-bundle.js.br", "brotli swagger");
    root
}

async fn spawn_with_site(site: &Path) -> TestApp {
    spawn_app_with(&[("LEPTOS_SITE_ROOT", &site.display().to_string())]).await
}

async fn get(app: &TestApp, path: &str, accept_encoding: Option<&str>) -> Response {
    let mut request = reqwest::Client::new().get(format!("{}{path}", app.address));
    if let Some(encodings) = accept_encoding {
        request = request.header(ACCEPT_ENCODING, encodings);
    }
    request.send().await.expect("answer")
}

fn header<'a>(res: &'a Response, name: &reqwest::header::HeaderName) -> &'a str {
    res.headers()
        .get(name)
        .map(|v| v.to_str().expect("text header"))
        .unwrap_or("")
}

#[tokio::test]
async fn the_bundle_is_sent_compressed_as_the_browser_accepts() {
    let site = site();
    let app = spawn_with_site(site.path()).await;
    for (name, hash, content_type) in [
        ("wasm", WASM, "application/wasm"),
        ("js", JS, "javascript"),
        ("css", CSS, "text/css"),
    ] {
        let path = format!("/pkg/precis.{hash}.{name}");
        for (accepted, encoding, body) in [
            (Some("gzip, deflate, br, zstd"), "br", "brotli"),
            (Some("gzip"), "gzip", "gzip"),
            (None, "", "raw"),
        ] {
            let res = get(&app, &path, accepted).await;
            assert_eq!(res.status(), StatusCode::OK, "{path} {accepted:?}");
            assert_eq!(
                header(&res, &CONTENT_ENCODING),
                encoding,
                "{path} {accepted:?}"
            );
            assert!(
                header(&res, &CONTENT_TYPE).contains(content_type),
                "{path}: {}",
                header(&res, &CONTENT_TYPE)
            );
            assert_eq!(header(&res, &CACHE_CONTROL), IMMUTABLE, "{path}");
            assert!(
                header(&res, &VARY).contains("accept-encoding"),
                "{path}: {}",
                header(&res, &VARY)
            );
            assert!(
                res.headers().get(SET_COOKIE).is_none(),
                "{path} sets a cookie"
            );
            assert_eq!(res.text().await.expect("body"), format!("{body} {name}"));
        }
    }
}

#[tokio::test]
async fn pages_name_the_hashed_bundle_and_are_revalidated() {
    let site = site();
    let app = spawn_with_site(site.path()).await;
    for path in ["/", "/no/such/page"] {
        let res = get(&app, path, None).await;
        let status = res.status();
        assert_eq!(
            status,
            if path == "/" {
                StatusCode::OK
            } else {
                StatusCode::NOT_FOUND
            }
        );
        let cache = header(&res, &CACHE_CONTROL).to_owned();
        assert!(
            cache.contains("no-cache") && cache.contains("private"),
            "{path}: {cache}"
        );
        let html = res.text().await.expect("page");
        for file in [
            format!("/pkg/precis.{JS}.js"),
            format!("/pkg/precis.{WASM}.wasm"),
            format!("/pkg/precis.{CSS}.css"),
        ] {
            assert!(html.contains(&file), "{path} does not name {file}");
        }
    }
}

#[tokio::test]
async fn static_files_set_no_cookie_and_are_revalidated() {
    let site = site();
    let app = spawn_with_site(site.path()).await;
    for (path, encoding) in [
        ("/favicon.svg", ""),
        ("/api-docs/swagger-ui-bundle.js", "br"),
    ] {
        let res = get(&app, path, Some("br, gzip")).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&res, &CONTENT_ENCODING), encoding, "{path}");
        assert_eq!(header(&res, &CACHE_CONTROL), "public, no-cache", "{path}");
        assert!(
            res.headers().get(SET_COOKIE).is_none(),
            "{path} sets a cookie"
        );
    }
    // A missing file is a bare 404: no page, no cookie, not cached for good.
    let res = get(&app, "/pkg/precis.0000000000000000.wasm", Some("br")).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(res.headers().get(SET_COOKIE).is_none());
    assert_eq!(header(&res, &CACHE_CONTROL), "public, no-cache");
    // The hash file is the server's, not the browser's.
    let res = get(&app, "/hash.txt", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // A page still gives a new visitor their id.
    let res = get(&app, "/", None).await;
    assert!(header(&res, &SET_COOKIE).starts_with("precis_uid="));
}

#[tokio::test]
async fn pages_are_sent_gzip_compressed_to_a_browser_that_accepts_it() {
    let site = site();
    let app = spawn_with_site(site.path()).await;
    for path in ["/", "/ask", "/no/such/page"] {
        let plain = get(&app, path, None).await;
        assert_eq!(header(&plain, &CONTENT_ENCODING), "", "{path}");
        let plain_len = plain.bytes().await.expect("page").len();
        let res = get(&app, path, Some("gzip, deflate, br, zstd")).await;
        assert_eq!(header(&res, &CONTENT_ENCODING), "gzip", "{path}");
        assert!(
            header(&res, &VARY).contains("accept-encoding"),
            "{path}: {}",
            header(&res, &VARY)
        );
        let sent = res.bytes().await.expect("page");
        // gzip's magic number, and far fewer bytes than the HTML
        assert_eq!(sent.get(..2), Some(&[0x1f, 0x8b][..]), "{path}");
        assert!(
            sent.len() * 2 < plain_len,
            "{path}: {} of {plain_len}",
            sent.len()
        );
    }
}

#[tokio::test]
async fn without_a_hash_file_the_plain_names_are_used_and_revalidated() {
    let site = tempfile::tempdir().expect("site root");
    std::fs::create_dir_all(site.path().join("pkg")).expect("pkg");
    std::fs::write(site.path().join("pkg/precis.wasm"), "raw wasm").expect("wasm");
    let app = spawn_with_site(site.path()).await;
    let html = get(&app, "/", None).await.text().await.expect("page");
    assert!(html.contains("/pkg/precis.wasm"), "{html}");
    assert!(html.contains("/pkg/precis.css"));
    let res = get(&app, "/pkg/precis.wasm", Some("br")).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, &CONTENT_ENCODING), "");
    assert_eq!(header(&res, &CACHE_CONTROL), "public, no-cache");
}
