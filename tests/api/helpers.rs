use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use precis::server::config::Settings;
use precis::server::startup::Application;
use serde_json::{json, Value};
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const TOKEN: &str = "hf_test_token";
pub const DEFAULT_MODEL_PATH: &str = "/models/facebook/bart-large-cnn";

pub const ARTICLE: &str = "The city council approved a new budget on Tuesday. \
    The budget raises spending on public transport by ten percent. \
    Council members argued for hours about the cost of new bus lines. \
    The mayor said the plan would cut traffic and pollution in the centre. \
    Opponents warned that property taxes might rise next year. \
    The vote passed by seven votes to four after a long debate.";

/// The weights `scripts/models.sh` fetched (`PRECIS_MODELS_DIR`, else `./models`).
pub fn models_dir() -> String {
    std::env::var("PRECIS_MODELS_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/models").to_string())
}

pub const SMOLLM: &str = "local/SmolLM2-135M-Instruct.Q4_1";

/// A running application and what it talks to.
pub struct TestApp {
    pub address: String,
    pub hf: MockServer,
    pub data_dir: Arc<TempDir>,
    vars: HashMap<String, String>,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<std::io::Result<()>>>,
}

/// The application with a HuggingFace token, pointed at a fresh mock.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(&[]).await
}

/// Same, with extra or overriding environment variables (`("HF_TOKEN", "")` removes the token).
pub async fn spawn_app_with(overrides: &[(&str, &str)]) -> TestApp {
    let hf = MockServer::start().await;
    let data_dir = Arc::new(tempfile::tempdir().expect("temp dir"));
    let mut vars: HashMap<String, String> = [
        ("LEPTOS_SITE_ADDR", "127.0.0.1:0".to_string()),
        ("PRECIS_DATA_DIR", data_dir.path().display().to_string()),
        ("HF_TOKEN", TOKEN.to_string()),
        ("HF_BASE_URL", hf.uri()),
        ("PRECIS_RATE_LIMIT_BURST", "100000".to_string()),
        ("PRECIS_RATE_LIMIT_PER_MINUTE", "6000000".to_string()),
        ("PRECIS_ASK_RATE_LIMIT_BURST", "100000".to_string()),
        ("PRECIS_ASK_RATE_LIMIT_PER_MINUTE", "6000000".to_string()),
        ("PRECIS_CLASSIFIER_RATE_LIMIT_BURST", "100000".to_string()),
        (
            "PRECIS_CLASSIFIER_RATE_LIMIT_PER_MINUTE",
            "6000000".to_string(),
        ),
        ("PRECIS_MODELS_DIR", models_dir()),
        ("PRECIS_PRELOAD_MODELS", "false".to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    for (k, v) in overrides {
        vars.insert(k.to_string(), v.to_string());
    }
    start(hf, data_dir, vars).await
}

async fn start(hf: MockServer, data_dir: Arc<TempDir>, vars: HashMap<String, String>) -> TestApp {
    let settings = Settings::from_lookup(|k| vars.get(k).filter(|v| !v.is_empty()).cloned())
        .expect("test settings");
    let app = Application::build(settings).await.expect("app builds");
    let address = format!("http://{}", app.address());
    let (stop, stopped) = oneshot::channel::<()>();
    let handle = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    TestApp {
        address,
        hf,
        data_dir,
        vars,
        stop: Some(stop),
        handle: Some(handle),
    }
}

impl TestApp {
    /// The settings the application was built with (for the command-line tools).
    pub fn settings(&self) -> Settings {
        Settings::from_lookup(|k| self.vars.get(k).filter(|v| !v.is_empty()).cloned())
            .expect("test settings")
    }

    /// A new person (a browser with its own cookie jar).
    pub fn user(&self) -> User {
        User {
            http: reqwest::Client::new(),
            base: self.address.clone(),
            cookies: Arc::new(Mutex::new(BTreeMap::new())),
        }
    }

    /// Stops this instance and starts another on the same database and cookie key.
    pub async fn restart(mut self) -> TestApp {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(handle) = self.handle.take() {
            handle.await.expect("join").expect("clean shutdown");
        }
        let hf = std::mem::replace(&mut self.hf, MockServer::start().await);
        start(hf, self.data_dir.clone(), self.vars.clone()).await
    }

    /// Stubs the default model to answer `summary`.
    pub async fn hf_answers(&self, summary: &str) {
        Mock::given(method("POST"))
            .and(path(DEFAULT_MODEL_PATH))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(json!([{ "summary_text": summary }])),
            )
            .mount(&self.hf)
            .await;
    }

    /// The mock answers the default model with `response` (a failure, usually).
    pub async fn hf_fails_with(&self, response: ResponseTemplate) {
        Mock::given(method("POST"))
            .and(path(DEFAULT_MODEL_PATH))
            .respond_with(response)
            .mount(&self.hf)
            .await;
    }

    pub async fn db(&self) -> sqlx::SqlitePool {
        let url = format!(
            "sqlite://{}",
            self.data_dir.path().join("precis.db").display()
        );
        sqlx::SqlitePool::connect(&url).await.expect("open test db")
    }
}

/// One person's client: a browser's cookie jar (the anonymous id, the session).
#[derive(Clone)]
pub struct User {
    pub http: reqwest::Client,
    pub base: String,
    cookies: Arc<Mutex<BTreeMap<String, String>>>,
}

impl User {
    /// The same person talking to another instance (after a restart).
    pub fn on(&self, app: &TestApp) -> User {
        User {
            base: app.address.clone(),
            ..self.clone()
        }
    }

    /// The `Cookie` header this browser sends, if it holds any cookie.
    pub fn cookie(&self) -> Option<String> {
        let jar = self.cookies.lock().expect("cookie lock");
        (!jar.is_empty()).then(|| {
            jar.iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }

    /// One cookie's value.
    pub fn cookie_value(&self, name: &str) -> Option<String> {
        self.cookies.lock().expect("cookie lock").get(name).cloned()
    }

    /// Sets a cookie by hand (to replay a stolen or stale one).
    pub fn set_cookie(&self, name: &str, value: &str) {
        self.cookies
            .lock()
            .expect("cookie lock")
            .insert(name.to_string(), value.to_string());
    }

    /// The same origin as the page: what a browser sends on the page's own requests.
    pub fn origin(&self) -> String {
        self.base.clone()
    }

    pub async fn send(&self, req: reqwest::RequestBuilder) -> reqwest::Response {
        let req = match self.cookie() {
            Some(c) => req.header("cookie", c),
            None => req,
        };
        let res = req.send().await.expect("request reaches the app");
        let mut jar = self.cookies.lock().expect("cookie lock");
        for set in res.headers().get_all("set-cookie") {
            let Ok(set) = set.to_str() else { continue };
            let pair = set.split(';').next().unwrap_or_default();
            let Some((name, value)) = pair.split_once('=') else {
                continue;
            };
            let removal = value.is_empty() || set.to_ascii_lowercase().contains("max-age=0");
            if removal {
                jar.remove(name.trim());
            } else {
                jar.insert(name.trim().to_string(), value.to_string());
            }
        }
        res
    }

    /// Calls a server function of the page (`/api/ui/{endpoint}`) with a form body, as the
    /// page does, from the page's own origin.
    pub async fn server_fn(&self, endpoint: &str, form: &[(&str, &str)]) -> reqwest::Response {
        self.send(
            self.http
                .post(format!("{}/api/ui/{endpoint}", self.base))
                .header("origin", self.origin())
                .form(form),
        )
        .await
    }

    /// Signs up through the page's server function; panics unless it worked.
    pub async fn sign_up(&self, email: &str, password: &str) -> Value {
        let res = self
            .server_fn("sign-up", &[("email", email), ("password", password)])
            .await;
        assert_eq!(res.status(), 200, "sign-up of {email}");
        res.json().await.expect("json")
    }

    /// Signs in through the page's server function; returns the response.
    pub async fn sign_in(&self, email: &str, password: &str) -> reqwest::Response {
        self.server_fn("sign-in", &[("email", email), ("password", password)])
            .await
    }

    /// Creates an API key (signed in); returns its secret and id.
    pub async fn create_key(&self, name: &str) -> (String, i64) {
        let res = self.server_fn("keys/create", &[("name", name)]).await;
        assert_eq!(res.status(), 200, "key created");
        let body: Value = res.json().await.expect("json");
        (
            body["secret"].as_str().expect("secret").to_string(),
            body["key"]["id"].as_i64().expect("id"),
        )
    }

    pub async fn summarize(&self, body: Value) -> reqwest::Response {
        self.send(
            self.http
                .post(format!("{}/api/v1/summaries", self.base))
                .json(&body),
        )
        .await
    }

    /// Summarizes, expecting success; returns the new summary's id.
    pub async fn summarize_id(&self, body: Value) -> i64 {
        let res = self.summarize(body).await;
        assert_eq!(res.status(), 201, "summary created");
        let created: Value = res.json().await.expect("json");
        created["id"].as_i64().expect("id")
    }

    /// `POST /api/v1/summaries/stream` (Server-Sent Events).
    pub async fn stream(&self, body: Value) -> reqwest::Response {
        self.send(
            self.http
                .post(format!("{}/api/v1/summaries/stream", self.base))
                .json(&body),
        )
        .await
    }

    pub async fn list(&self) -> Value {
        let res = self
            .send(self.http.get(format!("{}/api/v1/summaries", self.base)))
            .await;
        assert_eq!(res.status(), 200);
        res.json().await.expect("json")
    }

    pub async fn get(&self, id: i64) -> reqwest::Response {
        self.send(
            self.http
                .get(format!("{}/api/v1/summaries/{id}", self.base)),
        )
        .await
    }

    pub async fn delete(&self, id: i64) -> reqwest::Response {
        self.send(
            self.http
                .delete(format!("{}/api/v1/summaries/{id}", self.base)),
        )
        .await
    }
}

/// Asserts an error response's status, code and shape; returns its `error` object.
pub async fn expect_error(res: reqwest::Response, status: u16, code: &str) -> Value {
    assert_eq!(res.status(), status, "status");
    let retry_header = res
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body: Value = res.json().await.expect("error body is JSON");
    let error = body["error"].clone();
    assert_eq!(error["code"], code, "code in {body}");
    let message = error["message"].as_str().expect("message");
    assert!(message.len() > 20, "a real sentence: {message}");
    assert!(
        !message.contains("<html") && !message.contains('{'),
        "no raw bodies: {message}"
    );
    let allowed = ["code", "message", "field", "retry_after"];
    for key in error.as_object().expect("object").keys() {
        assert!(allowed.contains(&key.as_str()), "unexpected key {key}");
    }
    if let Some(secs) = error["retry_after"].as_u64() {
        assert_eq!(retry_header, Some(secs.to_string()), "Retry-After header");
    }
    error
}

/// Reads Server-Sent Events off `res` until the stream ends; each `data:` line parsed as JSON.
pub async fn sse_events(mut res: reqwest::Response) -> Vec<Value> {
    let mut events = Vec::new();
    let mut buffer = String::new();
    while let Some(chunk) = res.chunk().await.expect("stream reads") {
        buffer.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            events.extend(parse_block(&block));
        }
    }
    events
}

/// The next event from a live stream, keeping what is left in `buffer`.
pub async fn next_event(res: &mut reqwest::Response, buffer: &mut String) -> Option<Value> {
    loop {
        if let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            if let Some(v) = parse_block(&block) {
                return Some(v);
            }
            continue;
        }
        let chunk = res.chunk().await.expect("stream reads")?;
        buffer.push_str(&String::from_utf8_lossy(&chunk));
    }
}

fn parse_block(block: &str) -> Option<Value> {
    block
        .lines()
        .filter_map(|l| l.strip_prefix("data:"))
        .map(str::trim)
        .find(|d| !d.is_empty())
        .map(|d| serde_json::from_str(d).expect("event is JSON"))
}
