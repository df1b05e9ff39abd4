//! The shared library from the command line: the ingestion service as a batch job.
//!
//! - `precis ingest <file or folder>…`: reads every supported file (folders recursively) into
//!   the shared library everyone can ask, with a progress bar per file;
//! - `precis library`: lists the shared library;
//! - `precis library remove <id>`: removes one of its documents.
//!
//! It opens the same database and store as the server (the same settings), so it can run next
//! to a running server or on its own.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressStyle};
use precis_knowledge::store::{Scope, Status, SHARED};

use super::ingest::{Added, Upload};
use super::Knowledge;
use crate::domain::settings::Lang;
use crate::server::config::Settings;
use crate::server::db::Db;
use crate::server::startup::{knowledge, local_models};

/// File name endings `precis ingest` picks up in a folder.
const EXTENSIONS: [&str; 7] = ["txt", "text", "md", "markdown", "html", "htm", "pdf"];

/// Runs `precis ingest …` or `precis library …`; `args` are the words after `precis`.
pub async fn run(settings: Settings, args: &[String]) -> ExitCode {
    let knowledge = match open(&settings).await {
        Ok(k) => k,
        Err(e) => {
            eprintln!("cannot open the knowledge base: {e}");
            return ExitCode::FAILURE;
        }
    };
    match args.first().map(String::as_str) {
        Some("ingest") => ingest(&knowledge, &args[1..]).await,
        Some("library") => match (args.get(1).map(String::as_str), args.get(2)) {
            (None, _) => list(&knowledge).await,
            (Some("remove"), Some(id)) => remove(&knowledge, id).await,
            _ => usage(),
        },
        _ => usage(),
    }
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: precis ingest <file or folder>…   add documents to the shared library\n       \
         precis library                      list the shared library\n       \
         precis library remove <id>          remove a document from it"
    );
    ExitCode::from(2)
}

async fn open(settings: &Settings) -> Result<Knowledge, String> {
    // no language model answers here: only the embedder is needed
    let mut settings = settings.clone();
    settings.engine.preload = false;
    let settings = &settings;
    std::fs::create_dir_all(&settings.data_dir).map_err(|e| e.to_string())?;
    let db = Db::connect_with(&settings.database_url, settings.durability)
        .await
        .map_err(|e| e.to_string())?;
    let local = Arc::new(local_models(settings).await);
    knowledge(settings, &db, local)
        .await
        .map_err(|e| e.to_string())
}

/// Every file to read under `paths`, in order (folders recursively, supported kinds only).
fn files(paths: &[String]) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, out);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
            {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    for p in paths {
        let path = PathBuf::from(p);
        if path.is_dir() {
            walk(&path, &mut out);
        } else {
            out.push(path);
        }
    }
    out
}

async fn ingest(knowledge: &Knowledge, paths: &[String]) -> ExitCode {
    let files = files(paths);
    if files.is_empty() {
        eprintln!("no documents found (looked for: {})", EXTENSIONS.join(", "));
        return ExitCode::from(2);
    }
    let bars = MultiProgress::new();
    let style = ProgressStyle::with_template("{prefix:>32!} [{bar:30}] {pos}/{len} passages {msg}")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ");
    let overall = bars.add(ProgressBar::new(files.len() as u64));
    overall.set_style(
        ProgressStyle::with_template("{prefix:>32} [{bar:30}] {pos}/{len} files, {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    overall.set_prefix("shared library");
    let mut failed = 0;
    for path in &files {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let bar = bars.insert_before(&overall, ProgressBar::new(0));
        bar.set_style(style.clone());
        bar.set_prefix(name.clone());
        match add_one(knowledge, path, &bar).await {
            Ok(message) => bar.finish_with_message(message),
            Err(message) => {
                failed += 1;
                bar.abandon_with_message(message);
            }
        }
        overall.inc(1);
    }
    overall.finish();
    if failed > 0 {
        eprintln!("{failed} of {} documents could not be added", files.len());
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Adds one file, following its indexing on `bar`; the line to leave next to it.
async fn add_one(knowledge: &Knowledge, path: &Path, bar: &ProgressBar) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let upload = Upload {
        bytes,
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
        content_type: None,
        title: None,
    };
    let added = knowledge
        .add(SHARED, upload)
        .await
        .map_err(|e| e.public_in(Lang::En).message)?;
    let doc = match added {
        Added::Existing(d) => return Ok(format!("already there ({})", d.id)),
        Added::Indexed(d) => d,
        Added::Processing(d) => d,
    };
    bar.set_length(u64::from(doc.passages_total));
    let scope = Scope {
        owner: SHARED.to_string(),
        shared: true,
        documents: None,
    };
    loop {
        let now = knowledge
            .store()
            .document(&scope, &doc.id)
            .await
            .map_err(|e| e.to_string())?
            .ok_or("removed meanwhile")?;
        bar.set_position(u64::from(now.passages_done));
        match now.status {
            Status::Ready => return Ok(format!("ready ({})", now.id)),
            Status::Failed => return Err("indexing failed (see the log)".into()),
            Status::Processing => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

async fn list(knowledge: &Knowledge) -> ExitCode {
    let scope = Scope {
        owner: SHARED.to_string(),
        shared: true,
        documents: None,
    };
    match knowledge.store().documents(&scope).await {
        Ok(docs) => {
            for d in docs {
                println!(
                    "{}  {:<10}  {:>6} passages  {}",
                    d.id,
                    d.status.as_str(),
                    d.passages_total,
                    d.title
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

async fn remove(knowledge: &Knowledge, id: &str) -> ExitCode {
    match knowledge.store().delete_document(SHARED, id).await {
        Ok(true) => {
            println!("removed {id}");
            ExitCode::SUCCESS
        }
        Ok(false) => {
            eprintln!("the shared library has no document {id}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
