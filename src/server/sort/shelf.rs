//! Trained models on disk, under `{PRECIS_DATA_DIR}/sort/`:
//!
//! | path | what |
//! | --- | --- |
//! | `active/` | the models answering (loaded at start; `precis classifier train` writes here by default) |
//! | `active/job` | the id of the training job that made them, when a job of the server did |
//! | `models/{job id}/` | every job's models, activated or not |
//!
//! Writes never leave a half-written folder where a reader looks: a folder is written under a
//! temporary name and renamed. Activating renames `active/` aside, the new copy into place,
//! then removes the old one; a stop between the two renames leaves `active.old/`, which the
//! next start puts back.

use std::path::{Path, PathBuf};

use precis_sort::bundle::{Bundle, BundleError, MANIFEST};

pub const ACTIVE: &str = "active";
const OLD: &str = "active.old";
const NEW: &str = "active.new";
const MODELS: &str = "models";
/// In `active/`: the job that trained the models.
const JOB: &str = "job";

/// The active models and the job that made them; `None` when none were trained here.
pub fn load_active(home: &Path) -> Option<Result<(Bundle, Option<String>), BundleError>> {
    let active = home.join(ACTIVE);
    let old = home.join(OLD);
    if !active.exists() && old.join(MANIFEST).is_file() {
        // stopped between the two renames of an activation: the previous models stay
        if let Err(e) = std::fs::rename(&old, &active) {
            tracing::warn!(error = %e, "cannot put the previous active models back");
        }
    }
    if !active.join(MANIFEST).is_file() {
        return None;
    }
    let job = std::fs::read_to_string(active.join(JOB))
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| crate::domain::ask::document::is_document_id(s));
    Some(Bundle::load(&active).map(|b| (b, job)))
}

/// Where job `id`'s models go.
pub fn job_dir(home: &Path, id: &str) -> PathBuf {
    home.join(MODELS).join(id)
}

/// Saves `bundle` into `dir`, written whole under a temporary name first.
pub fn save(bundle: &Bundle, dir: &Path) -> Result<(), String> {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "models".into());
    let parent = dir.parent().unwrap_or_else(|| Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    let tmp = parent.join(format!(".{name}.tmp"));
    let _ = std::fs::remove_dir_all(&tmp);
    bundle.save(&tmp).map_err(|e| e.to_string())?;
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::rename(&tmp, dir).map_err(|e| format!("{}: {e}", dir.display()))
}

/// Makes the models saved in `from` (by job `job`) the active ones on disk.
pub fn activate(home: &Path, from: &Path, job: &str) -> Result<(), String> {
    let io = |what: &Path, e: std::io::Error| format!("{}: {e}", what.display());
    let (active, old, new) = (home.join(ACTIVE), home.join(OLD), home.join(NEW));
    let _ = std::fs::remove_dir_all(&new);
    std::fs::create_dir_all(&new).map_err(|e| io(&new, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| io(from, e))? {
        let entry = entry.map_err(|e| io(from, e))?;
        if entry.path().is_file() {
            std::fs::copy(entry.path(), new.join(entry.file_name()))
                .map_err(|e| io(&entry.path(), e))?;
        }
    }
    std::fs::write(new.join(JOB), job).map_err(|e| io(&new, e))?;
    let _ = std::fs::remove_dir_all(&old);
    if active.exists() {
        std::fs::rename(&active, &old).map_err(|e| io(&active, e))?;
    }
    std::fs::rename(&new, &active).map_err(|e| io(&active, e))?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn models_are_saved_activated_and_found_again() {
        let home = tempfile::tempdir().unwrap();
        assert!(load_active(home.path()).is_none());
        let bundle = Bundle::builtin().unwrap();
        let id = "0123456789abcdef0123456789abcdef";
        let dir = job_dir(home.path(), id);
        save(&bundle, &dir).unwrap();
        assert!(dir.join(MANIFEST).is_file());
        assert!(load_active(home.path()).is_none(), "saved, not active");
        activate(home.path(), &dir, id).unwrap();
        let (loaded, job) = load_active(home.path()).unwrap().unwrap();
        assert_eq!(job.as_deref(), Some(id));
        assert_eq!(loaded.default_model, bundle.default_model);
        // again, over the active ones
        activate(home.path(), &dir, id).unwrap();
        assert!(!home.path().join(OLD).exists());
        // a stop between the renames: the previous models come back
        std::fs::rename(home.path().join(ACTIVE), home.path().join(OLD)).unwrap();
        assert!(load_active(home.path()).unwrap().is_ok());
        assert!(home.path().join(ACTIVE).join(MANIFEST).is_file());
    }
}
