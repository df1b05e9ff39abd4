//! Which chunks of the browser bundle each split page needs (`ui::pages`), named in the `Link`
//! header of the page's answer: the browser starts fetching them with the main module instead
//! of after it has started (one round trip and a chunk's download sooner on a slow network).
//!
//! `scripts/build.sh` writes the split manifest (`__wasm_split_manifest.<hash>.json`: each
//! split view's name and the chunks it needs) and names it in the hash file (`manifest:`,
//! `split:` for the chunks' loader). Leptos means to add such links to the `<head>` itself, but
//! in 0.8 it looks for the manifest outside the page's reactive owner and finds none, so no
//! link is ever written; the header needs no change to the page.

use std::collections::HashMap;
use std::path::Path;

use axum::extract::Request;
use axum::http::header::LINK;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

use super::static_files::HASH_FILE;
use crate::ui::pages::SPLIT_PAGES;

/// The `Link` header value of each split page's address.
#[derive(Debug, Default, Clone)]
pub struct PageChunks {
    by_path: HashMap<&'static str, HeaderValue>,
}

impl PageChunks {
    /// Reads the site's hash file and split manifest. A site without them (built without
    /// splitting, or not at all) names no chunks; so does an unreadable one, logged.
    pub fn load(site_root: &Path) -> Self {
        let Ok(hashes) = std::fs::read_to_string(site_root.join(HASH_FILE)) else {
            return Self::default();
        };
        let (Some(manifest), Some(split)) =
            (hash_of(&hashes, "manifest"), hash_of(&hashes, "split"))
        else {
            return Self::default();
        };
        let path = site_root.join(format!("pkg/__wasm_split_manifest.{manifest}.json"));
        let parsed = std::fs::read_to_string(&path)
            .map_err(|e| e.to_string())
            .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()));
        match parsed {
            Ok(manifest) => {
                Self::from_manifest(&manifest, &format!("/pkg/__wasm_split.{split}.js"))
            }
            Err(error) => {
                tracing::warn!(path = %path.display(), %error, "split manifest unreadable: pages name no chunks");
                Self::default()
            }
        }
    }

    fn from_manifest(manifest: &HashMap<String, Vec<String>>, loader: &str) -> Self {
        let mut by_path = HashMap::new();
        for (path, view) in SPLIT_PAGES {
            let prefix = format!("__{view}_view_");
            let Some(chunks) = manifest
                .iter()
                .find_map(|(name, chunks)| name.starts_with(&prefix).then_some(chunks))
            else {
                continue;
            };
            let links = std::iter::once(format!("<{loader}>; rel=modulepreload"))
                .chain(chunks.iter().map(|chunk| {
                    format!(
                        "</pkg/{chunk}.wasm>; rel=preload; as=fetch; type=\"application/wasm\"; crossorigin"
                    )
                }))
                .collect::<Vec<_>>()
                .join(", ");
            if let Ok(value) = HeaderValue::from_str(&links) {
                by_path.insert(path, value);
            }
        }
        Self { by_path }
    }

    /// The `Link` header for a page's address, if it is a split page.
    pub fn header(&self, path: &str) -> Option<&HeaderValue> {
        self.by_path.get(path)
    }

    /// Adds the `Link` header to a split page's answer.
    pub async fn name_them(self: std::sync::Arc<Self>, request: Request, next: Next) -> Response {
        let header = self.header(request.uri().path()).cloned();
        let mut response = next.run(request).await;
        if let Some(value) = header {
            if response.status().is_success() {
                response.headers_mut().insert(LINK, value);
            }
        }
        response
    }
}

/// The hash the hash file gives `kind` (`manifest: <hash>`).
fn hash_of<'a>(hashes: &'a str, kind: &str) -> Option<&'a str> {
    hashes.lines().find_map(|line| {
        let (name, hash) = line.split_once(':')?;
        (name.trim() == kind)
            .then(|| hash.trim())
            .filter(|h| !h.is_empty())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> HashMap<String, Vec<String>> {
        HashMap::from([
            (
                "__ask_route_view_381322266911538290".to_owned(),
                vec![
                    "chunk_9.0123456789abcdef".to_owned(),
                    "split___ask_route_view_3813.0123456789abcdef".to_owned(),
                ],
            ),
            (
                "__keys_route_view_16083558359289363816".to_owned(),
                vec!["split___keys_route_view_1608.0123456789abcdef".to_owned()],
            ),
        ])
    }

    #[test]
    fn a_split_page_names_its_loader_and_its_chunks() {
        let chunks =
            PageChunks::from_manifest(&manifest(), "/pkg/__wasm_split.0123456789abcdef.js");
        let ask = chunks.header("/ask").unwrap().to_str().unwrap();
        assert_eq!(
            ask,
            "</pkg/__wasm_split.0123456789abcdef.js>; rel=modulepreload, \
             </pkg/chunk_9.0123456789abcdef.wasm>; rel=preload; as=fetch; type=\"application/wasm\"; crossorigin, \
             </pkg/split___ask_route_view_3813.0123456789abcdef.wasm>; rel=preload; as=fetch; type=\"application/wasm\"; crossorigin"
        );
        let keys = chunks.header("/account/keys").unwrap().to_str().unwrap();
        assert!(keys.contains("split___keys_route_view_1608"), "{keys}");
        // `/account` is not `/account/keys`: a view's name is matched whole
        assert!(chunks.header("/account").is_none());
        // the studio (not split), a page the manifest does not name, not a page
        for path in ["/", "/ask/", "/sort", "/pkg/precis.js"] {
            assert!(chunks.header(path).is_none(), "{path}");
        }
    }

    #[test]
    fn the_hash_file_gives_the_manifest_and_the_loader() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            PageChunks::load(dir.path()).by_path.is_empty(),
            "no hash file"
        );
        std::fs::create_dir(dir.path().join("pkg")).unwrap();
        std::fs::write(
            dir.path().join(HASH_FILE),
            "js: 0123456789abcdef\nwasm: 0123456789abcdef\n",
        )
        .unwrap();
        assert!(
            PageChunks::load(dir.path()).by_path.is_empty(),
            "no manifest named"
        );
        std::fs::write(
            dir.path().join(HASH_FILE),
            "js: aaaa\nmanifest: 0123456789abcdef\nsplit: fedcba9876543210\n",
        )
        .unwrap();
        assert!(
            PageChunks::load(dir.path()).by_path.is_empty(),
            "the manifest is missing"
        );
        let file = dir
            .path()
            .join("pkg/__wasm_split_manifest.0123456789abcdef.json");
        std::fs::write(&file, "{ not json").unwrap();
        assert!(
            PageChunks::load(dir.path()).by_path.is_empty(),
            "unreadable manifest"
        );
        std::fs::write(&file, serde_json::to_string(&manifest()).unwrap()).unwrap();
        let chunks = PageChunks::load(dir.path());
        let ask = chunks.header("/ask").unwrap().to_str().unwrap();
        assert!(
            ask.starts_with("</pkg/__wasm_split.fedcba9876543210.js>; rel=modulepreload"),
            "{ask}"
        );
    }
}
