//! French: the history panel (typography as in `fr.rs`).

use super::{count, n};
use crate::i18n::HistoryTexts;

pub(in crate::i18n) const HISTORY: HistoryTexts = HistoryTexts {
    title: "Historique",
    clear_all: "Tout effacer",
    confirm_group: "Confirmer l’effacement de l’historique",
    confirm: "Supprimer tous les résumés\u{202f}?",
    yes_clear: "Oui, tout effacer",
    keep: "Garder",
    loading: "Chargement de l’historique…",
    list: "Résumés",
    none_yet: "Aucun résumé pour l’instant. Ils apparaîtront ici.",
    none_match: "Aucun résumé ne correspond à ces filtres.",
    none_match_search: |q| format!("Aucun résumé ne correspond à «\u{202f}{q}\u{202f}»."),
    clear_filters: "Effacer les filtres",
    count: |v, filtered, more| {
        let (one, many) = if filtered {
            ("résumé correspondant", "résumés correspondants")
        } else {
            ("résumé", "résumés")
        };
        let more = if more { ", d’autres plus bas" } else { "" };
        format!("{}{more}", count(v, one, many))
    },
    load_more: "Afficher plus",
    loading_more: "Chargement…",
    delete: "Supprimer",
    delete_label: |title| format!("Supprimer «\u{202f}{title}\u{202f}»"),

    filters: "Rechercher et filtrer l’historique",
    search: "Rechercher dans l’historique",
    search_placeholder: "Des mots d’un texte ou de son résumé",
    model: "Modèle utilisé",
    all_models: "Tous les modèles",
    from: "Du",
    to: "Au",
    export: "Exporter",
    export_json: "Exporter en JSON",
    export_markdown: "Exporter en Markdown",
    export_hint: "Télécharge tous les résumés qui correspondent aux filtres.",

    search_too_long: |chars, max| {
        format!(
            "La recherche compte {} caractères\u{202f}; limitez-la à {}\u{a0}: quelques mots \
             distinctifs suffisent pour retrouver un résumé.",
            n(chars),
            n(max)
        )
    },
    too_many_words: |words, max| {
        format!(
            "La recherche compte {} mots\u{202f}; utilisez-en {} au plus\u{a0}: quelques mots \
             distinctifs suffisent pour retrouver un résumé.",
            n(words),
            n(max)
        )
    },
    not_a_date: |value, field| {
        format!(
            "«\u{202f}{value}\u{202f}» n’est pas une date\u{a0}: écrivez la date \
             «\u{202f}{field}\u{202f}» sous la forme AAAA-MM-JJ, par exemple 2026-11-23."
        )
    },
    from_after_to: |from, to| {
        format!(
            "La date de début ({from}) est postérieure à la date de fin ({to})\u{a0}: \
             choisissez une date de début antérieure ou égale à la date de fin."
        )
    },

    // the other parameters, only wrong in a hand-made request (the API's answers)
    model_filter_bad: "Ce filtre de modèle n’est pas un identifiant de modèle\u{a0}: choisissez \
                       un modèle dans la liste, ou envoyez son identifiant, comme \
                       facebook/bart-large-cnn.",
    before_bad: |value| {
        format!(
            "before=«\u{202f}{value}\u{202f}» n’est pas un identifiant de résumé\u{a0}: envoyez \
             la valeur next_before de la page précédente (un nombre entier supérieur à 0), ou \
             omettez-le pour la première page."
        )
    },
    limit_bad: |value, max| {
        format!(
            "limit=«\u{202f}{value}\u{202f}» est inutilisable\u{a0}: demandez de 1 à {max}\u{a0}\
             résumés par page, et suivez next_before pour la suite."
        )
    },
    format_bad: |value| {
        format!(
            "«\u{202f}{value}\u{202f}» n’est pas un format d’export\u{a0}: utilisez format=json \
             ou format=markdown."
        )
    },
};
