//! French: the API keys page (typography as in `fr.rs`).

use super::n;
use crate::i18n::KeysTexts;

pub(in crate::i18n) const KEYS: KeysTexts = KeysTexts {
    intro: "Un script utilise une clé pour résumer et lire votre historique en votre nom. \
            Envoyez-la dans un en-tête\u{a0}: ",
    intro_after: ". Donnez à chaque script ou machine sa propre clé, pour pouvoir en révoquer \
                  une sans toucher aux autres.",
    your_keys: "Vos clés",
    loading: "Chargement de vos clés…",
    none: "Aucune clé pour l’instant.",
    revoked: |name| {
        format!(
            "Clé «\u{202f}{name}\u{202f}» révoquée\u{a0}: les requêtes faites avec elle sont \
             désormais refusées."
        )
    },

    name: "Nom de la clé",
    name_help: "Nommez-la d’après le script ou la machine qui l’utilisera, par exemple \
                «\u{202f}script de sauvegarde du portable\u{202f}».",
    create: "Créer la clé",
    creating: "Création de la clé…",
    needs_js: "Créer une clé nécessite JavaScript\u{a0}: son secret n’est affiché qu’une fois, \
               dans cette page.",
    new_key_title: |name| format!("Votre nouvelle clé «\u{202f}{name}\u{202f}»"),
    copy_now: "Copiez-la maintenant\u{a0}: Precis ne l’affichera plus jamais.",
    store_it: " Conservez-la là où votre script peut la lire, par exemple dans un gestionnaire \
               de mots de passe ou dans la configuration du script. Si vous la perdez, \
               révoquez-la et créez-en une autre.",
    new_api_key: "Nouvelle clé d’API",
    copied: "Copiée dans le presse-papiers.",
    copy_refused: "Le navigateur n’a pas autorisé la copie\u{a0}: sélectionnez la clé et \
                   copiez-la vous-même.",

    caption: "Vos clés d’API, les plus récentes d’abord",
    col_name: "Nom",
    col_key: "Clé",
    col_created: "Créée le",
    col_last_used: "Dernière utilisation",
    col_actions: "Actions",
    never: "jamais",
    revoke: "Révoquer",
    revoke_label: |name| format!("Révoquer «\u{202f}{name}\u{202f}»"),
    revoke_question: |name| {
        format!(
            "Révoquer «\u{202f}{name}\u{202f}»\u{202f}? Les scripts qui l’utilisent cessent \
             aussitôt de fonctionner."
        )
    },
    revoke_group: |name| format!("Confirmer la révocation de «\u{202f}{name}\u{202f}»"),
    yes_revoke: "Oui, révoquer",
    keep: "Garder",

    name_missing: "Donnez un nom à la clé, par exemple celui du script ou de la machine qui \
                   l’utilisera.",
    name_too_long: |chars, max| {
        format!(
            "Ce nom compte {} caractères\u{202f}; limitez-le à {}.",
            n(chars),
            n(max)
        )
    },
    name_control: "Le nom d’une clé ne peut pas contenir de caractères de contrôle, comme des \
                   tabulations ou des retours à la ligne.",
};
