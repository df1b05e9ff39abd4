//! The classifier from the command line:
//!
//! - `precis classifier train [--preset quick|standard] [--out DIR] [--report DIR]`: trains the
//!   three models on the Sort data with a progress line, saves them to `--out` (default
//!   `{PRECIS_DATA_DIR}/sort/active`: the models a server started afterwards answers with) and,
//!   with `--report`, writes the comparison report there (`report.md` and its SVG plots);
//! - `precis classifier evaluate [--set unseen-fonts|held-out-pages|real-scans|cross-validation]`:
//!   scores the active models (those of `sort/active`, else the built-in ones) on one set and
//!   prints the report of it in Markdown;
//! - `precis classifier operator-key EMAIL [--name NAME]`: prints a new API key of the account
//!   `EMAIL` (one of `PRECIS_OPERATORS`), made without a password when it has none: how an
//!   operator of an instance with no sign-up page (`PRECIS_SERVICES=classifier`, compose's
//!   `classifier` service) gets to `POST /api/v1/classifier/train`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::{ProgressBar, ProgressStyle};
use precis_sort::bundle::Bundle;
use precis_sort::report::{Report, SetKind};
use precis_sort::train::{self, Stage, TrainConfig};

use super::{builtin, data_dir, jobs, shelf};
use crate::domain::account::Email;
use crate::server::auth::keys::ApiKeys;
use crate::server::config::Settings;
use crate::server::db::Db;

/// Runs `precis classifier …`; `args` are the words after `precis`.
pub async fn run(settings: Settings, args: &[String]) -> ExitCode {
    let rest = args.get(2..).unwrap_or_default().to_vec();
    let work = match args.get(1).map(String::as_str) {
        Some("train") => tokio::task::spawn_blocking(move || train_cli(&settings, &rest)).await,
        Some("evaluate") => {
            tokio::task::spawn_blocking(move || evaluate_cli(&settings, &rest)).await
        }
        Some("operator-key") => Ok(operator_key_cli(&settings, &rest).await),
        _ => return usage(),
    };
    match work {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(Failure::Usage)) => usage(),
        Ok(Err(Failure::Failed(message))) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("the work stopped: {e}");
            ExitCode::FAILURE
        }
    }
}

enum Failure {
    Usage,
    Failed(String),
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: precis classifier train [--preset quick|standard] [--out DIR] [--report DIR]\n       \
         precis classifier evaluate [--set unseen-fonts|held-out-pages|real-scans|cross-validation]\n       \
         precis classifier operator-key EMAIL [--name NAME]"
    );
    ExitCode::from(2)
}

/// `--name value` pairs; anything else is a usage error.
fn options<'a>(args: &'a [String], known: &[&str]) -> Result<Vec<(&'a str, &'a str)>, Failure> {
    let mut out = Vec::new();
    let mut words = args.iter();
    while let Some(name) = words.next() {
        let value = words.next().ok_or(Failure::Usage)?;
        if !known.contains(&name.as_str()) {
            return Err(Failure::Usage);
        }
        out.push((name.as_str(), value.as_str()));
    }
    Ok(out)
}

fn option<'a>(options: &[(&str, &'a str)], name: &str) -> Option<&'a str> {
    options
        .iter()
        .rev()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| *v)
}

async fn operator_key_cli(settings: &Settings, args: &[String]) -> Result<(), Failure> {
    let (email, rest) = args.split_first().ok_or(Failure::Usage)?;
    let options = options(rest, &["--name"])?;
    let name = option(&options, "--name").unwrap_or("operator");
    let key = operator_key(settings, email, name)
        .await
        .map_err(Failure::Failed)?;
    println!("{key}");
    eprintln!(
        "An API key of {email}, shown once: send it as `Authorization: Bearer <key>` to \
         POST /api/v1/classifier/train."
    );
    Ok(())
}

/// A new API key of the operator `email`'s account (made, without a password, when missing):
/// the secret, or why not.
pub async fn operator_key(settings: &Settings, email: &str, name: &str) -> Result<String, String> {
    let email = Email::parse(email).map_err(|_| format!("“{email}” is not an email address."))?;
    if !settings.sort.is_operator(email.as_str()) {
        return Err(format!(
            "{} is not one of PRECIS_OPERATORS: add it there first (comma-separated emails).",
            email.as_str()
        ));
    }
    let db = Db::connect_with(&settings.database_url, settings.durability)
        .await
        .map_err(|e| format!("The database cannot be opened: {e}"))?;
    let keys = ApiKeys::new(db);
    let account = keys
        .key_account(&email)
        .await
        .map_err(|e| format!("The account cannot be made: {e}"))?;
    let key = keys
        .create_for(&account, name)
        .await
        .map_err(|e| format!("The key cannot be made: {e}"))?;
    Ok(key.secret)
}

fn data(settings: &Settings) -> Result<PathBuf, Failure> {
    data_dir(&settings.sort.data_dir).map_err(|_| {
        Failure::Failed(format!(
            "The Sort data is not in {}: run `bash scripts/sort_data.sh` (or set \
             PRECIS_SORT_DATA_DIR).",
            settings.sort.data_dir.display()
        ))
    })
}

fn describe(stage: Stage) -> String {
    match stage {
        Stage::Pages => "rendering pages".into(),
        Stage::Fold { fold, kind } => format!("cross-validation {}/3: {kind}", fold + 1),
        Stage::Final { kind } => format!("final model: {kind}"),
        Stage::Evaluate => "evaluating".into(),
    }
}

fn train_cli(settings: &Settings, args: &[String]) -> Result<(), Failure> {
    let options = options(args, &["--preset", "--out", "--report"])?;
    let preset = option(&options, "--preset").unwrap_or("standard");
    let config = TrainConfig::preset(preset).ok_or(Failure::Usage)?;
    let out = option(&options, "--out")
        .map(PathBuf::from)
        .unwrap_or_else(|| settings.data_dir.join("sort").join(shelf::ACTIVE));
    let data = data(settings)?;
    let bar = ProgressBar::new(1000);
    bar.set_style(
        ProgressStyle::with_template("[{bar:30}] {percent:>3}% {elapsed_precise} {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut progress = |stage: Stage, at: f32| {
        bar.set_position((at.clamp(0.0, 1.0) * 1000.0) as u64);
        bar.set_message(describe(stage));
        true
    };
    let outcome = train::run(&data, &config, &mut progress)
        .map_err(|e| Failure::Failed(format!("training failed: {e}")))?;
    bar.finish_with_message("done");
    let report =
        train::report(&outcome).map_err(|e| Failure::Failed(format!("the report: {e}")))?;
    let bundle = Bundle::new(outcome, report);
    shelf::save(&bundle, &out)
        .map_err(|e| Failure::Failed(format!("cannot save the models: {e}")))?;
    println!("models saved to {}", out.display());
    if let Some(dir) = option(&options, "--report") {
        write_report(&bundle.report, Path::new(dir))?;
        println!("report written to {dir}");
    }
    println!(
        "default model: {} (ROC-AUC on unseen fonts {})",
        bundle.default_model,
        jobs::unseen_auc(&bundle).map_or("—".into(), |v| format!("{v:.3}"))
    );
    Ok(())
}

fn write_report(report: &Report, dir: &Path) -> Result<(), Failure> {
    let io = |e: std::io::Error| Failure::Failed(format!("cannot write {}: {e}", dir.display()));
    std::fs::create_dir_all(dir).map_err(io)?;
    for file in precis_sort::report::files(report) {
        std::fs::write(dir.join(&file.name), file.contents).map_err(io)?;
    }
    Ok(())
}

fn evaluate_cli(settings: &Settings, args: &[String]) -> Result<(), Failure> {
    let options = options(args, &["--set"])?;
    let name = option(&options, "--set").unwrap_or("unseen-fonts");
    let set = SetKind::ALL
        .into_iter()
        .find(|s| s.slug() == name)
        .ok_or(Failure::Usage)?;
    let bundle = match shelf::load_active(&settings.data_dir.join("sort")) {
        Some(Ok((bundle, _))) => bundle,
        Some(Err(e)) => return Err(Failure::Failed(format!("the active models: {e}"))),
        None => builtin().map_err(|e| Failure::Failed(e.to_string()))?,
    };
    let data = if set == SetKind::CrossValidation {
        settings.sort.data_dir.clone()
    } else {
        data(settings)?
    };
    let bar = ProgressBar::new(1000);
    let result = train::evaluate(&data, &bundle, set, &mut |at| {
        bar.set_position((at.clamp(0.0, 1.0) * 1000.0) as u64);
        true
    })
    .map_err(|e| Failure::Failed(format!("evaluation failed: {e}")))?;
    bar.finish_and_clear();
    let report = Report {
        protocol: bundle.report.protocol.clone(),
        models: bundle.report.models.clone(),
        sets: vec![result],
    };
    println!("{}", precis_sort::report::markdown(&report));
    Ok(())
}
