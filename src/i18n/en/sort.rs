//! English: the Sort capability.

use super::n;
use crate::i18n::SortTexts;

pub(in crate::i18n) const SORT: SortTexts = SortTexts {
    empty_file: "The file is empty. Send the image of a page.",
    not_an_image: "This file is not an image Precis reads. Send a PNG, JPEG or TIFF image, or a PDF of scanned pages.",
    unsupported_format: |format| {
        format!("{format} images are not read. Send a PNG, JPEG or TIFF image, or a PDF of scanned pages.")
    },
    corrupt_image: "This image cannot be read: it is damaged or cut short. Save or scan it again and send it again.",
    corrupt_pdf: "This PDF cannot be read: it is damaged or protected by a password.",
    pdf_without_image: "This PDF holds no page image: it is not a scan. Send a scanned PDF, or an image of the page.",
    image_too_large: |size, side, megapixels| {
        let limit = format!("the limit is {} pixels a side and {} megapixels", n(side as usize), n(megapixels as usize));
        match size {
            Some((w, h)) => format!("The image is {} × {} pixels; {limit}. Scale it down and send it again.", n(w as usize), n(h as usize)),
            None => format!("The image is too large: {limit}. Scale it down and send it again."),
        }
    },
    file_too_large: |size, limit| match size {
        Some(size) => format!("The file is {size} MB; the limit is {limit} MB. Send a smaller file, or fewer pages."),
        None => format!("The file is over the limit of {limit} MB. Send a smaller file, or fewer pages."),
    },
    no_writing: "No writing was found on this page: it looks blank. Send a page with text on it.",
    image_too_small: |width, height| {
        format!("The image is {width} × {height} pixels: too small to hold writing. Send a larger image of the page.")
    },
    no_file: "Send the image as one part named “file”.",
    unknown_model: |name, models| format!("There is no model “{name}”. Choose one of {models}."),
    training_in_progress: "A training job is already running. Wait for it to end, or cancel it, then start another.",
    operator_only: "Only the operators of this Precis may train models: sign in with (or use an API key of) an account listed in PRECIS_OPERATORS.",
    data_missing: "The Sort data (fonts and real scans) is not installed on this server. The operator can run: bash scripts/sort_data.sh",
    job_not_found: "There is no such training job.",
    report_file_not_found: "The report has no such file. Its files are report.md and the plots listed by the Sort page (roc-unseen-fonts.svg, for one).",
    interrupted: "This training job was interrupted by a restart of Precis. Start it again.",
    training_failed: "This training job failed. The operator can read why in Precis’s log.",
    activated: |new, active| {
        format!("The new models answer now: their ROC-AUC on unseen fonts is {new}, at least as good as the previous models’ {active}.")
    },
    kept: |new, active| {
        format!("The previous models still answer: the new models’ ROC-AUC on unseen fonts is {new}, below their {active}. The new models are saved, not used.")
    },
    not_served_here: "There is nothing here. This Precis runs only the classifier (/api/v1/classifier).",
    hog_svm: "HOG descriptors of 64-pixel tiles and a linear SVM.",
    texture_logistic: "Stroke-width, orientation, line, blob and LBP measures of the tiles and a logistic regression.",
    cnn: "A small convolutional network (4 layers) on the tiles’ pixels.",
    handwritten: "Handwritten",
    typed: "Typed",
};
