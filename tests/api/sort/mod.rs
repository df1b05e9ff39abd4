//! Sort over HTTP: the classifier's routes (`/api/v1/classifier/…`) on the real application,
//! with pages rendered by the engine from the Sort data (`bash scripts/sort_data.sh`) and the
//! real scans it fetched.

mod evaluate;
mod models;
mod predict;
mod report;
mod services;
mod train;

use std::io::Cursor;
use std::path::PathBuf;
use std::sync::OnceLock;

use image::{DynamicImage, GrayImage, ImageFormat, Luma};
use precis_sort::fonts::{Catalogue, Class, Split};
use serde_json::Value;

use crate::helpers::{spawn_app_with, TestApp, User};

pub const PREDICT: &str = "/api/v1/classifier/predict";
pub const MODELS: &str = "/api/v1/classifier/models";
pub const EVALUATE: &str = "/api/v1/classifier/evaluate";
pub const TRAIN: &str = "/api/v1/classifier/train";

/// The Sort data this machine has (`PRECIS_SORT_DATA_DIR`, else the engine's default place).
pub fn data_dir() -> PathBuf {
    std::env::var_os("PRECIS_SORT_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(precis_sort::fonts::default_data_dir)
}

/// The Sort data, or `None` with a note saying why the test checks less.
pub fn data() -> Option<PathBuf> {
    let dir = data_dir();
    if dir.join("index.tsv").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "the Sort data is not in {}: run `bash scripts/sort_data.sh` (test skipped)",
            dir.display()
        );
        None
    }
}

/// The application, no HuggingFace token, and `extra` settings.
pub async fn sort_app(extra: &[(&str, &str)]) -> TestApp {
    let mut vars: Vec<(&str, &str)> = vec![("HF_TOKEN", "")];
    vars.extend_from_slice(extra);
    spawn_app_with(&vars).await
}

pub fn png(image: &GrayImage) -> Vec<u8> {
    encode(image, ImageFormat::Png)
}

pub fn encode(image: &GrayImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Vec::new();
    DynamicImage::ImageLuma8(image.clone())
        .write_to(&mut Cursor::new(&mut out), format)
        .expect("encodes");
    out
}

/// A page of the unseen-font test split (fonts the models never trained on) in a font of
/// `class`, rendered by the engine (the same page on every run); `None` without the Sort data.
pub fn rendered(class: Class) -> Option<GrayImage> {
    static PAGES: OnceLock<Option<(GrayImage, GrayImage)>> = OnceLock::new();
    let pages = PAGES.get_or_init(|| {
        let dir = data()?;
        let catalogue = Catalogue::load(&dir).expect("the font catalogue loads");
        let text = precis_sort::text::TextSource::builtin();
        // Kalam (a handwriting the built-in models call right) and DejaVu Sans; the first of
        // the class if the catalogue changed
        let page = |class, name| {
            let family = catalogue
                .families(Split::Test, class)
                .find(|f| f.name == name)
                .or_else(|| catalogue.families(Split::Test, class).next())
                .expect("a test font");
            precis_sort::dataset::generate(family, &text, 1024, 7)
                .expect("a page renders")
                .image
        };
        Some((
            page(Class::Handwritten, "kalam"),
            page(Class::Typed, "dejavu-sans"),
        ))
    });
    pages.as_ref().map(|(h, t)| match class {
        Class::Handwritten => h.clone(),
        Class::Typed => t.clone(),
    })
}

/// A typed-looking page without the Sort data: rows of dark blocks the size of letters.
pub fn blocks_page() -> GrayImage {
    let mut page = GrayImage::from_pixel(600, 800, Luma([240]));
    for row in 0..20u32 {
        for col in 0..30u32 {
            let (x0, y0) = (30 + col * 18, 40 + row * 34);
            for y in y0..y0 + 14 {
                for x in x0..x0 + 9 {
                    page.put_pixel(x, y, Luma([30]));
                }
            }
        }
    }
    page
}

/// A typed page: rendered when the Sort data is here, else blocks.
pub fn typed_page() -> GrayImage {
    rendered(Class::Typed).unwrap_or_else(blocks_page)
}

impl User {
    /// `POST /api/v1/classifier/predict` with `bytes` as the `file` part, and a `model` part.
    pub async fn predict(
        &self,
        name: &str,
        bytes: Vec<u8>,
        model: Option<&str>,
    ) -> reqwest::Response {
        let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_string());
        let mut form = reqwest::multipart::Form::new().part("file", part);
        if let Some(model) = model {
            form = form.text("model", model.to_string());
        }
        self.predict_form(form).await
    }

    pub async fn predict_form(&self, form: reqwest::multipart::Form) -> reqwest::Response {
        self.send(
            self.http
                .post(format!("{}{PREDICT}", self.base))
                .multipart(form),
        )
        .await
    }

    /// Predicts, expecting a 200; the prediction.
    pub async fn predicted(&self, name: &str, bytes: Vec<u8>, model: Option<&str>) -> Value {
        let res = self.predict(name, bytes, model).await;
        let status = res.status();
        let body: Value = res.json().await.expect("json");
        assert_eq!(status, 200, "{body}");
        body
    }

    /// `GET /api/v1/classifier/models`, expecting a 200.
    pub async fn classifier_models(&self) -> Value {
        let res = self
            .send(self.http.get(format!("{}{MODELS}", self.base)))
            .await;
        assert_eq!(res.status(), 200);
        res.json().await.expect("json")
    }

    pub async fn evaluate(&self, body: Value) -> reqwest::Response {
        self.send(
            self.http
                .post(format!("{}{EVALUATE}", self.base))
                .json(&body),
        )
        .await
    }

    /// Evaluates `set`, asking again while it is being computed (`202`); the `200`'s report and
    /// how many `202`s came first.
    pub async fn evaluated(&self, set: &str) -> (Value, usize) {
        let mut pending = 0;
        loop {
            let res = self.evaluate(serde_json::json!({ "set": set })).await;
            match res.status().as_u16() {
                200 => return (res.json().await.expect("report"), pending),
                202 => {
                    let retry = res.headers()["retry-after"].to_str().unwrap().to_string();
                    let body: Value = res.json().await.expect("pending");
                    assert_eq!(body["set"], set);
                    assert_eq!(body["retry_after"].to_string(), retry);
                    pending += 1;
                    assert!(pending < 600, "{set} never computed");
                    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                }
                other => panic!("evaluate {set}: {other} {}", res.text().await.unwrap()),
            }
        }
    }

    /// `POST /api/v1/classifier/train` with `body` (none: no body at all).
    pub async fn train(&self, body: Option<Value>) -> reqwest::Response {
        let req = self.http.post(format!("{}{TRAIN}", self.base));
        let req = match body {
            Some(b) => req.json(&b),
            None => req,
        };
        self.send(req).await
    }

    pub async fn job(&self, id: &str) -> reqwest::Response {
        self.send(
            self.http
                .get(format!("{}/api/v1/classifier/jobs/{id}", self.base)),
        )
        .await
    }

    pub async fn cancel_job(&self, id: &str) -> reqwest::Response {
        self.send(
            self.http
                .delete(format!("{}/api/v1/classifier/jobs/{id}", self.base)),
        )
        .await
    }

    /// Follows job `id` until it has ended (up to `minutes`); the job.
    pub async fn wait_job(&self, id: &str, minutes: u64) -> Value {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(minutes * 60);
        let mut last = Value::Null;
        while std::time::Instant::now() < deadline {
            let res = self.job(id).await;
            assert_eq!(res.status(), 200);
            last = res.json().await.expect("job json");
            let state = last["state"].as_str().unwrap_or_default();
            if !["queued", "running"].contains(&state) {
                return last;
            }
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        }
        panic!("job {id} still running after {minutes} minutes: {last}");
    }
}

/// A person whose browser asks for French (`Accept-Language: fr`).
pub fn french(app: &TestApp) -> User {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        reqwest::header::ACCEPT_LANGUAGE,
        reqwest::header::HeaderValue::from_static("fr-FR,fr;q=0.9"),
    );
    let mut user = app.user();
    user.http = reqwest::Client::builder()
        .default_headers(headers)
        .build()
        .expect("client");
    user
}
