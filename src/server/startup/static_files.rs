//! The files the pages load: the browser bundle (`/pkg`), the API explorer's assets
//! (`/api-docs`) and the favicon, served from the site root (`LEPTOS_SITE_ROOT`).
//!
//! - Compressed at build time: `scripts/build.sh` writes a brotli (`.br`) and a gzip (`.gz`)
//!   copy next to each file worth compressing; a browser that accepts one gets it, with
//!   `Content-Encoding`, and every answer says `Vary: Accept-Encoding`.
//! - Cached by what the name promises: the bundle's names carry a hash of their content
//!   (`precis.<hash>.wasm`, and so do the pages' chunks, `split_<page>.<hash>.wasm`), so they
//!   are cached for a year and never asked for again; anything
//!   else is revalidated on each use (a `304` when it has not changed). Pages are per person
//!   (language, theme, account) and never stored by shared caches.
//! - Outside the identity layer: no `precis_uid` cookie, no session lookup for a file.

use std::path::{Path, PathBuf};

use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, VARY};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::Router;
use tower_http::services::{ServeDir, ServeFile};

/// The file in the site root naming the bundle's content hashes, as Leptos reads it
/// (`js: <hash>`, `wasm: <hash>`, `css: <hash>`, one a line): written by `scripts/build.sh`.
pub const HASH_FILE: &str = "hash.txt";

/// The site root's folders served as they are: the bundle and the API explorer's assets.
const DIRS: [&str; 2] = ["pkg", "api-docs"];
/// The site root's files served as they are (`public/`'s files, copied there by the build).
const FILES: [&str; 1] = ["favicon.svg"];

/// The bundle's folder (`site-pkg-dir`): its content-hashed names are cached for good.
const PKG: &str = "pkg";

/// How many hexadecimal digits of a content hash `scripts/build.sh` puts in a name.
const HASH_DIGITS: usize = 16;

/// How long a browser (or a cache on the way) may keep an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CachePolicy {
    /// A content-hashed bundle file: the name changes when the content does.
    Immutable,
    /// A static file with a fixed name: kept, but checked with the server before each use.
    Revalidate,
    /// A page: made for one person; the browser may keep it, checking before each use, but no
    /// shared cache may.
    Page,
}

impl CachePolicy {
    /// The policy of the static file at `path` (the request's path).
    pub fn for_static(path: &str) -> Self {
        let in_pkg = path
            .strip_prefix('/')
            .and_then(|p| p.strip_prefix(PKG))
            .and_then(|p| p.strip_prefix('/'));
        match in_pkg {
            Some(name) if !name.contains('/') && is_content_hashed(name) => Self::Immutable,
            _ => Self::Revalidate,
        }
    }

    pub fn header_value(self) -> HeaderValue {
        HeaderValue::from_static(match self {
            Self::Immutable => "public, max-age=31536000, immutable",
            Self::Revalidate => "public, no-cache",
            Self::Page => "private, no-cache",
        })
    }
}

/// Whether a file name has the form `<name>.<hash>.<extension>`, the hash being
/// [`HASH_DIGITS`] lowercase hexadecimal digits.
fn is_content_hashed(file_name: &str) -> bool {
    let mut parts = file_name.rsplit('.');
    let (Some(extension), Some(hash), Some(stem)) = (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    !extension.is_empty()
        && !stem.is_empty()
        && hash.len() == HASH_DIGITS
        && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The hash file's absolute path, when the site root has one: Leptos reads it on each render
/// to name the bundle (relative paths it takes from the binary's folder, hence absolute).
pub fn hash_file(site_root: &Path) -> Option<PathBuf> {
    let path = std::path::absolute(site_root.join(HASH_FILE)).ok()?;
    path.is_file().then_some(path)
}

/// The routes of the static files under `site_root`. A missing file is a bare `404`.
pub fn router<S: Clone + Send + Sync + 'static>(site_root: &Path) -> Router<S> {
    let mut router = Router::new();
    for dir in DIRS {
        let files = ServeDir::new(site_root.join(dir))
            .append_index_html_on_directories(false)
            .precompressed_br()
            .precompressed_gzip();
        router = router.nest_service(&format!("/{dir}"), files);
    }
    for file in FILES {
        let served = ServeFile::new(site_root.join(file))
            .precompressed_br()
            .precompressed_gzip();
        router = router.route_service(&format!("/{file}"), served);
    }
    router.layer(middleware::from_fn(cache_headers))
}

/// Sets the answer's cache policy and says that it depends on `Accept-Encoding`.
async fn cache_headers(req: Request, next: Next) -> Response {
    let policy = CachePolicy::for_static(req.uri().path());
    let mut response = next.run(req).await;
    let status = response.status();
    let policy = if status.is_success() || status == StatusCode::NOT_MODIFIED {
        policy
    } else {
        // A missing file may exist after the next deployment.
        CachePolicy::Revalidate
    };
    let headers = response.headers_mut();
    headers.insert(CACHE_CONTROL, policy.header_value());
    headers.append(VARY, HeaderValue::from_static("accept-encoding"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_bundle_files_are_immutable() {
        for path in [
            "/pkg/precis.0123456789abcdef.wasm",
            "/pkg/precis.0123456789abcdef.js",
            "/pkg/precis.fedcba9876543210.css",
            // the pages' chunks, their loader and its manifest (scripts/build.sh)
            "/pkg/split___ask_route_view_381322266911538290.0123456789abcdef.wasm",
            "/pkg/chunk_12.0123456789abcdef.wasm",
            "/pkg/__wasm_split.0123456789abcdef.js",
            "/pkg/__wasm_split_manifest.0123456789abcdef.json",
        ] {
            assert_eq!(
                CachePolicy::for_static(path),
                CachePolicy::Immutable,
                "{path}"
            );
        }
    }

    #[test]
    fn files_with_fixed_names_are_revalidated() {
        for path in [
            "/pkg/precis.wasm",
            "/pkg/precis.js",
            // not a hash: the wrong length, upper case, not hexadecimal
            "/pkg/precis.0123456789abcde.wasm",
            "/pkg/precis.0123456789ABCDEF.wasm",
            "/pkg/precis.0123456789abcdeg.wasm",
            "/pkg/.0123456789abcdef.js",
            "/pkg/precis.0123456789abcdef.",
            // a hashed name outside the bundle's folder, or below it
            "/api-docs/swagger.0123456789abcdef.js",
            "/pkg/snippets/x.0123456789abcdef.js",
            "/pkgs/precis.0123456789abcdef.js",
            "/favicon.svg",
            "/api-docs/swagger-ui-bundle.js",
        ] {
            assert_eq!(
                CachePolicy::for_static(path),
                CachePolicy::Revalidate,
                "{path}"
            );
        }
    }

    #[test]
    fn policies_say_what_they_mean() {
        let text = |p: CachePolicy| p.header_value().to_str().unwrap().to_owned();
        assert_eq!(
            text(CachePolicy::Immutable),
            "public, max-age=31536000, immutable"
        );
        assert!(text(CachePolicy::Revalidate).contains("no-cache"));
        let page = text(CachePolicy::Page);
        assert!(page.contains("private") && page.contains("no-cache"));
    }

    /// Everything `public/` holds is served: a file added there must be added to [`FILES`] or
    /// [`DIRS`] (else it would be answered by the 404 page).
    #[test]
    fn every_public_file_is_served() {
        let public = Path::new(env!("CARGO_MANIFEST_DIR")).join("public");
        for entry in std::fs::read_dir(&public).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().into_string().unwrap();
            let listed = if entry.file_type().unwrap().is_dir() {
                DIRS.contains(&name.as_str())
            } else {
                FILES.contains(&name.as_str())
            };
            assert!(
                listed,
                "public/{name} is not served: list it in static_files.rs"
            );
        }
    }

    #[test]
    fn the_hash_file_is_found_only_where_it_is() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(hash_file(dir.path()), None);
        std::fs::write(dir.path().join(HASH_FILE), "js: 0123456789abcdef\n").unwrap();
        let found = hash_file(dir.path()).unwrap();
        assert!(found.is_absolute());
        assert!(found.ends_with(HASH_FILE));
    }
}
