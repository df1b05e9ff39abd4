//! Français : la fonction Trier (manuscrit ou dactylographié).

use super::n;
use crate::i18n::SortTexts;

pub(in crate::i18n) const SORT: SortTexts = SortTexts {
    empty_file: "Le fichier est vide. Envoyez l’image d’une page.",
    not_an_image: "Ce fichier n’est pas une image que Precis sait lire. Envoyez une image PNG, JPEG ou TIFF, ou un PDF de pages scannées.",
    unsupported_format: |format| {
        format!("Les images {format} ne sont pas lues. Envoyez une image PNG, JPEG ou TIFF, ou un PDF de pages scannées.")
    },
    corrupt_image: "Cette image est illisible\u{a0}: elle est endommagée ou tronquée. Enregistrez-la ou scannez-la de nouveau, puis renvoyez-la.",
    corrupt_pdf: "Ce PDF est illisible\u{a0}: il est endommagé ou protégé par un mot de passe.",
    pdf_without_image: "Ce PDF ne contient aucune image de page\u{a0}: ce n’est pas un scan. Envoyez un PDF scanné, ou une image de la page.",
    image_too_large: |size, side, megapixels| {
        let limit = format!("la limite est de {} pixels de côté et {} mégapixels", n(side as usize), n(megapixels as usize));
        match size {
            Some((w, h)) => format!("L’image fait {}\u{a0}×\u{a0}{} pixels\u{202f}; {limit}. Réduisez-la et renvoyez-la.", n(w as usize), n(h as usize)),
            None => format!("L’image est trop grande\u{a0}: {limit}. Réduisez-la et renvoyez-la."),
        }
    },
    file_too_large: |size, limit| match size {
        Some(size) => format!("Le fichier fait {size}\u{a0}Mo\u{202f}; la limite est de {limit}\u{a0}Mo. Envoyez un fichier plus petit, ou moins de pages."),
        None => format!("Le fichier dépasse la limite de {limit}\u{a0}Mo. Envoyez un fichier plus petit, ou moins de pages."),
    },
    no_writing: "Aucune écriture n’a été trouvée sur cette page\u{a0}: elle semble blanche. Envoyez une page qui porte du texte.",
    image_too_small: |width, height| {
        format!("L’image fait {width}\u{a0}×\u{a0}{height} pixels\u{a0}: c’est trop petit pour contenir de l’écriture. Envoyez une image plus grande de la page.")
    },
    no_file: "Envoyez l’image en une seule partie nommée «\u{202f}file\u{202f}».",
    unknown_model: |name, models| {
        format!("Il n’y a pas de modèle «\u{202f}{name}\u{202f}». Choisissez parmi {models}.")
    },
    training_in_progress: "Un entraînement est déjà en cours. Attendez qu’il se termine, ou annulez-le, avant d’en lancer un autre.",
    operator_only: "Seuls les administrateurs de ce Precis peuvent entraîner les modèles\u{a0}: connectez-vous avec un compte listé dans PRECIS_OPERATORS (ou utilisez une clé d’API de ce compte).",
    data_missing: "Les données de Trier (polices et vrais scans) ne sont pas installées sur ce serveur. L’administrateur peut lancer\u{a0}: bash scripts/sort_data.sh",
    job_not_found: "Cet entraînement n’existe pas.",
    report_file_not_found: "Le rapport n’a pas de tel fichier. Ses fichiers sont report.md et les graphiques que montre la page Trier (roc-unseen-fonts.svg, par exemple).",
    interrupted: "Cet entraînement a été interrompu par un redémarrage de Precis. Relancez-le.",
    training_failed: "Cet entraînement a échoué. L’administrateur peut en lire la cause dans le journal de Precis.",
    activated: |new, active| {
        format!("Les nouveaux modèles répondent désormais\u{a0}: leur ROC-AUC sur des polices inédites est de {new}, au moins aussi bon que les {active} des modèles précédents.")
    },
    kept: |new, active| {
        format!("Les modèles précédents répondent toujours\u{a0}: le ROC-AUC des nouveaux modèles sur des polices inédites est de {new}, sous leurs {active}. Les nouveaux modèles sont enregistrés, mais pas utilisés.")
    },
    not_served_here: "Il n’y a rien ici. Ce Precis ne fait tourner que le classifieur (/api/v1/classifier).",
    hog_svm: "Descripteurs HOG de tuiles de 64 pixels et SVM linéaire.",
    texture_logistic: "Mesures d’épaisseur de trait, d’orientation, de lignes, de taches et LBP des tuiles, et régression logistique.",
    cnn: "Petit réseau convolutif (4 couches) sur les pixels des tuiles.",
    handwritten: "Manuscrit",
    typed: "Dactylographié",
};
