//! French. Typography: a no-break space (U+00A0) before « : », a narrow no-break space
//! (U+202F) before « ; ! ? % » and inside « guillemets », so that none of them starts a line;
//! typographic apostrophes; 0 and 1 take the singular (« 0 mot », « 1 mot »).

mod account;
mod ask;
mod history;
mod keys;
#[cfg(feature = "ssr")]
mod plots;
#[cfg(feature = "ssr")]
mod server;
mod sort;
mod sort_page;

use super::numbers::{decimal, fixed, integer};
use super::{ParamText, Texts};
use crate::domain::settings::Lang;

const L: Lang = Lang::Fr;

fn n(v: usize) -> String {
    integer(L, v)
}

/// "0 mot", "1 mot", "2 mots"
fn count(v: usize, one: &str, many: &str) -> String {
    format!("{} {}", n(v), if v <= 1 { one } else { many })
}

pub(super) static FR: Texts = Texts {
    lang: L,
    page_title: "Precis — Résumer",
    page_description: "Résumez n’importe quel texte, sur votre propre serveur.",
    skip_to_main: "Aller au contenu principal",
    skip_to_text: "Aller à la zone de texte",
    api_docs: "API",
    tagline: "Des résumés sur votre propre serveur",
    not_found: "Cette page n’existe pas.",
    back_to_studio: "Revenir au studio",
    preferences: "Préférences",
    language: "Langue",
    theme: "Thème",
    theme_system: "Système",
    theme_light: "Clair",
    theme_dark: "Sombre",

    text_label: "Texte à résumer",
    text_placeholder: "Collez un article, un rapport, des notes de réunion…",
    text_stats: |words, chars, tokens| {
        format!(
            "{} · {} · ~{}",
            count(words, "mot", "mots"),
            count(chars, "caractère", "caractères"),
            count(tokens, "jeton", "jetons"),
        )
    },
    over_limit: |chars, limit| {
        format!(
            "{} caractères\u{a0}: au-delà de la limite de {}. Raccourcissez le texte avant de le \
             résumer.",
            n(chars),
            n(limit)
        )
    },
    window_parts: |tokens, model, window, parts| {
        format!(
            "Environ {} jetons\u{a0}: plus que ce que {model} lit d’un coup ({} jetons). Le texte \
             sera résumé en {parts} parties environ, puis les résumés des parties seront fusionnés \
             en un seul.",
            n(tokens),
            n(window),
        )
    },
    window_close: |tokens, window, model| {
        format!(
            "Environ {} jetons\u{a0}: proche de la limite de {model} ({} jetons).",
            n(tokens),
            n(window)
        )
    },
    summarizing_with: |model| format!("Résumé en cours avec {model}…"),
    warming_up: |model, seconds| {
        format!(
            "{model} est en cours de chargement sur HuggingFace, encore {seconds}\u{a0}s environ. \
             Precis relancera la demande de lui-même."
        )
    },
    stage_part: |part, of| format!("Résumé de la partie {part} sur {of}…"),
    stage_combining: |parts| format!("Fusion des {parts} parties…"),
    cancelled: "Annulé.",
    cancel: "Annuler",
    summarize: "Résumer",
    key_ctrl: "Ctrl",
    key_enter: "Entrée",
    shortcut_action: " pour résumer",

    conversation: "Conversation",
    welcome_title: "Résumez tout ce que vous voulez",
    welcome_body:
        "Collez un texte ci-dessous, choisissez une longueur et appuyez sur Résumer. Vos \
                   résumés s’affichent ici et restent dans votre historique.",
    summary_in_progress: "Résumé en cours",
    writing: "Rédaction…",
    waiting_first_words: "En attente des premiers mots…",
    your_text: |words| format!("Votre texte ({})", count(words, "mot", "mots")),
    turn_meta: |seconds, percent| {
        format!(
            "{}\u{a0}s · {}\u{202f}% de la longueur d’origine",
            fixed(L, seconds, 1),
            decimal(L, percent, 0)
        )
    },
    parts_note: |parts| {
        format!(
            "Résumé en {parts} parties\u{a0}: le texte dépassait ce que le modèle lit d’un coup, \
             chaque partie a donc été résumée, puis les résumés ont été fusionnés."
        )
    },
    partial_note: "Arrêté à la limite de durée maximale\u{a0}: ce résumé est incomplet.",
    truncated_note: "Le texte dépassait ce que ce modèle peut lire\u{a0}: seul son début a été \
                     résumé.",
    copy: "Copier",
    copied: "Copié",
    download_txt: "Télécharger en .txt",
    download_md: "Télécharger en .md",
    md_summary: "Résumé",
    md_model: "Modèle\u{a0}:",
    md_parameters: "Paramètres\u{a0}:",
    md_made: "Créé le\u{a0}:",
    md_original: "Texte d’origine",
    md_parts: |parts| format!("Résumé en {parts} parties, puis fusionné"),
    md_partial: "Incomplet\u{a0}: arrêté à la limite de durée maximale",
    md_truncated: "Seul le début du texte a été lu",

    settings: "Réglages",
    model: "Modèle",
    not_available: |why| format!("Indisponible sur ce serveur. {why}"),
    model_facts: |local, window, honours| {
        let place = if local {
            "Sur ce serveur"
        } else {
            "Sur HuggingFace"
        };
        let reads = match window {
            Some(w) => format!("lit jusqu’à {} jetons", n(w as usize)),
            None => "lit des textes de toute longueur".to_string(),
        };
        let honours = honours.unwrap_or("tous les paramètres");
        format!("{place} · {reads} · prend en compte {honours}")
    },
    unavailable_option: |label| format!("{label} (indisponible)"),
    experimental_option: |label| format!("{label} (expérimental)"),
    other_hf_model: "Autre modèle HuggingFace…",
    hf_model_id: "Identifiant du modèle HuggingFace",
    hf_model_placeholder: "propriétaire/nom, par exemple facebook/bart-large-xsum",
    listed_unavailable: "Proposés mais indisponibles sur ce serveur\u{a0}:",
    hf_needs_token: "Les modèles HuggingFace apparaissent ici quand l’administrateur définit un \
                     HF_TOKEN.",
    length: "Longueur",
    style: "Style",
    reset: "Réinitialiser",
    preset_short: "Court",
    preset_medium: "Moyen",
    preset_long: "Long",
    preset_precise: "Précis",
    preset_balanced: "Équilibré",
    preset_creative: "Créatif",
    min_length: ParamText {
        label: "Longueur minimale",
        help: "Le résumé fera au moins cette longueur.",
    },
    max_length: ParamText {
        label: "Longueur maximale",
        help: "Le résumé fera au plus cette longueur.",
    },
    temperature: ParamText {
        label: "Température",
        help: "Plus elle est haute, plus la formulation varie\u{202f}; plus elle est basse, plus \
               elle est prévisible.",
    },
    top_k: ParamText {
        label: "Top-k",
        help: "Seuls les K mots suivants les plus probables sont envisagés.",
    },
    top_p: ParamText {
        label: "Top-p",
        help: "Seuls les mots les plus probables sont envisagés, jusqu’à atteindre ensemble cette \
               probabilité.",
    },
    repetition_penalty: ParamText {
        label: "Pénalité de répétition",
        help: "Au-dessus de 1, évite de répéter les mêmes mots.",
    },
    max_time: ParamText {
        label: "Durée maximale",
        help: "Arrête la génération après ce nombre de secondes.",
    },
    unit_tokens: "jetons",
    model_default: "par défaut",
    model_defaults: "réglages par défaut du modèle",
    random_wording: "formulation aléatoire",
    wording_options: "Options de formulation",
    sample_wording: "Formulation aléatoire (échantillonnage)",
    sample_help: "Tire chaque mot au hasard (Température, Top-k et Top-p s’appliquent) au lieu de \
                  toujours prendre le plus probable\u{a0}: formulation variée, un résumé différent \
                  à chaque fois.",
    sampling_only: "Utilisé uniquement par les modèles capables de varier leur formulation.",
    never_samples: |model| {
        format!("{model} écrit toujours la formulation la plus probable\u{a0}: il ne fait pas de tirage.")
    },
    seed: "Graine",
    seed_placeholder: "aléatoire",
    seed_help: "Avec la formulation aléatoire, la même graine et les mêmes réglages redonnent le \
                même résumé. Vide\u{a0}: un nouveau tirage à chaque fois.",
    hf_options: "Options HuggingFace",
    use_cache: "Utiliser le cache",
    use_cache_help: "Réutiliser la réponse de HuggingFace si le même texte a déjà été résumé.",
    wait_for_model: "Attendre le modèle",
    wait_for_model_help: "Si le modèle est en veille, attendre qu’il soit chargé au lieu d’être \
                          invité à réessayer plus tard.",
    hf_only: "Utilisé uniquement par les modèles HuggingFace.",

    cannot_run_here: |model, why| format!("{model} ne peut pas fonctionner sur ce serveur. {why}"),
    seed_invalid: "La graine doit être un nombre entier positif ou nul\u{202f}; laissez-la vide \
                   pour un tirage au hasard.",
    request_unprepared: "La demande n’a pas pu être préparée. Rechargez la page et réessayez.",
    answer_unreadable: "Un problème est survenu au retour de la réponse de Precis. Réessayez dans \
                        un instant.",
    unreachable: "Impossible de joindre Precis. Vérifiez votre connexion et réessayez.",
    connection_lost: "La connexion à Precis a été perdue avant la fin du résumé. Réessayez.",
    unexplained_status: |status| {
        format!(
            "Precis a répondu par une erreur (HTTP {status}) sans l’expliquer. Réessayez dans un \
             instant."
        )
    },
    empty_text: "Collez ou saisissez d’abord un texte à résumer.",
    text_too_long: |chars, limit| {
        format!(
            "Le texte compte {} caractères\u{202f}; la limite est de {}. Raccourcissez-le ou \
             résumez-le en plusieurs fois.",
            n(chars),
            n(limit)
        )
    },
    must_be_between: |label, min, max, value| {
        format!(
            "{label}\u{a0}: la valeur doit être comprise entre {min} et {max} (actuellement \
             {value})."
        )
    },
    must_be_at_least: |label, min, value| {
        format!("{label}\u{a0}: la valeur doit être d’au moins {min} (actuellement {value}).")
    },
    min_over_max: |min, max| {
        format!(
            "La longueur minimale ({min}) dépasse la longueur maximale ({max}). Baissez la \
             longueur minimale ou augmentez la longueur maximale."
        )
    },
    model_id_missing: "Choisissez un modèle, ou saisissez l’identifiant d’un modèle HuggingFace, \
                       par exemple facebook/bart-large-cnn.",
    model_id_bad: |id, why| {
        format!(
            "«\u{202f}{id}\u{202f}» n’est pas un identifiant de modèle\u{a0}: {why}. Utilisez la \
             forme propriétaire/nom, par exemple facebook/bart-large-cnn."
        )
    },
    model_id_too_long: "il dépasse 96 caractères",
    model_id_slashes: "il contient plus d’une barre «\u{202f}/\u{202f}»",
    model_id_chars: "seuls les lettres, les chiffres et «\u{202f}-\u{202f}», «\u{202f}_\u{202f}», \
                     «\u{202f}.\u{202f}» sont acceptés",
    body_too_large: |kb, max_kb| {
        format!(
            "La requête fait {kb}\u{a0}Ko\u{a0}; Precis accepte jusqu’à {max_kb}\u{a0}Ko. \
             Raccourcissez le texte ou résumez-le en plusieurs fois."
        )
    },

    account: account::ACCOUNT,
    keys: keys::KEYS,
    history: history::HISTORY,
    ask: ask::ASK,
    sort: sort::SORT,
    sort_page: sort_page::SORT_PAGE,
    #[cfg(feature = "ssr")]
    server: server::SERVER,
    #[cfg(feature = "ssr")]
    plots: plots::PLOTS,
};
