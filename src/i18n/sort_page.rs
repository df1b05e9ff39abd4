//! The words of the Sort page (`/sort`, `ui::sort`): classifying files, the models' comparison
//! and training them again. The service's own sentences (refusals, training outcomes, the
//! models' descriptions and labels) are in [`super::SortTexts`].

/// Texts of the Sort page, in one language.
#[derive(Debug)]
pub struct SortPageTexts {
    // --- the top bar and the page ---------------------------------------------------------
    /// The top bar's link.
    pub nav: &'static str,
    /// The page's heading (and its `<title>`, before "— Precis").
    pub page_title: &'static str,
    pub intro: &'static str,

    // --- classifying ----------------------------------------------------------------------
    pub classify_title: &'static str,
    /// The file picker's label.
    pub choose_files: &'static str,
    pub drop_here: &'static str,
    /// What files are read: (the size limit, already written in MB in the language)
    pub accepted: fn(&str) -> String,
    /// Shown while files are dragged over the drop zone.
    pub drop_now: &'static str,
    pub model_label: &'static str,
    /// The model picker's first choice: (the server's default model)
    pub default_model: fn(&str) -> String,
    pub model_hint: &'static str,
    pub results_title: &'static str,
    pub no_results: &'static str,
    /// A file's progress bar: (the file's name)
    pub sending_label: fn(&str) -> String,
    pub sending: &'static str,
    /// (the label, the confidence already written as a percentage)
    pub verdict: fn(&str, &str) -> String,
    /// (the model that gave the verdict)
    pub answered_by: fn(&str) -> String,
    pub per_model_caption: &'static str,
    pub column_model: &'static str,
    pub column_label: &'static str,
    pub column_confidence: &'static str,
    /// Marks the model that gave the verdict in the table.
    pub answering: &'static str,
    pub pages_title: &'static str,
    /// (the page's number, its verdict already written)
    pub page_verdict: fn(u32, &str) -> String,
    /// Pages of a PDF left out: (how many)
    pub skipped_pages: fn(u32) -> String,
    /// A TIFF or a PDF: no picture in the browser.
    pub no_preview: &'static str,
    /// The picture's text alternative: (the file's name)
    pub image_alt: fn(&str) -> String,
    /// The tiles, told: (tiles, of which look handwritten, look typed)
    pub tiles_summary: fn(usize, usize, usize) -> String,
    pub legend: &'static str,
    pub legend_handwritten: &'static str,
    pub legend_typed: &'static str,
    pub legend_strength: &'static str,

    // --- the models ------------------------------------------------------------------------
    pub models_title: &'static str,
    pub models_loading: &'static str,
    /// (the default model)
    pub default_is: fn(&str) -> String,
    /// Where the models come from: (their training preset)
    pub origin_builtin: fn(&str) -> String,
    pub origin_trained: fn(&str) -> String,
    /// (training pages, of which handwritten, typed — all written — folds, seed)
    pub protocol: fn(&str, &str, &str, u64, u64) -> String,
    pub costs_caption: &'static str,
    pub column_default: &'static str,
    pub column_training: &'static str,
    pub column_prediction: &'static str,
    pub column_size: &'static str,
    pub is_default: &'static str,
    /// Durations and sizes: (the number, already written)
    pub seconds: fn(&str) -> String,
    pub milliseconds: fn(&str) -> String,
    pub kilobytes: fn(&str) -> String,
    pub intervals_note: &'static str,
    /// A set's table: (its name, pages, handwritten, typed, groups — all written)
    pub set_caption: fn(&str, &str, &str, &str, &str) -> String,
    pub cross_validation: &'static str,
    pub held_out_pages: &'static str,
    pub unseen_fonts: &'static str,
    pub real_scans: &'static str,
    pub cross_validation_help: &'static str,
    pub held_out_pages_help: &'static str,
    pub unseen_fonts_help: &'static str,
    pub real_scans_help: &'static str,
    pub accuracy: &'static str,
    pub precision: &'static str,
    pub recall: &'static str,
    pub f1: &'static str,
    pub roc_auc: &'static str,
    pub brier: &'static str,
    pub ece: &'static str,
    /// A metric the pages leave undefined.
    pub undefined: &'static str,
    /// (value, low, high of its 95% interval, all written)
    pub interval: fn(&str, &str, &str) -> String,
    /// The figures' captions: (the set's name)
    pub roc_caption: fn(&str) -> String,
    pub confusion_caption: fn(&str) -> String,
    pub reliability_caption: fn(&str) -> String,
    /// The plots' text alternatives: (the set's name, each model's numbers already written)
    pub roc_alt: fn(&str, &str) -> String,
    pub confusion_alt: fn(&str, &str) -> String,
    pub reliability_alt: fn(&str, &str) -> String,
    /// One model in `confusion_alt`: (model, handwritten pages found, handwritten pages, typed
    /// pages found, typed pages)
    pub confusion_model: fn(&str, u64, u64, u64, u64) -> String,
    pub full_report: &'static str,

    // --- training ----------------------------------------------------------------------------
    pub train_title: &'static str,
    pub train_intro: &'static str,
    pub preset_legend: &'static str,
    pub preset_quick: &'static str,
    pub preset_standard: &'static str,
    pub train: &'static str,
    pub starting: &'static str,
    /// Why the Train button is off.
    pub not_operator: &'static str,
    /// The progress bar's name.
    pub progress_label: &'static str,
    pub queued: &'static str,
    pub stage_pages: &'static str,
    /// (fold, folds, model)
    pub stage_cross_validation: fn(u32, u32, &str) -> String,
    /// (model)
    pub stage_final: fn(&str) -> String,
    pub stage_evaluation: &'static str,
    /// (the share done as a percentage, the stage), both written
    pub progress_line: fn(&str, &str) -> String,
    pub cancel: &'static str,
    pub cancelling: &'static str,
    pub cancelled: &'static str,
}
