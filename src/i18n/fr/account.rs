//! French: accounts (typography as in `fr.rs`).

use super::n;
use crate::i18n::AccountTexts;

pub(in crate::i18n) const ACCOUNT: AccountTexts = AccountTexts {
    account: "Compte",
    signed_in_as: "Compte connecté\u{a0}: ",
    api_keys: "Clés d’API",
    sign_in: "Se connecter",
    sign_up: "S’inscrire",
    sign_out: "Se déconnecter",

    email: "Adresse e-mail",
    password: "Mot de passe",
    password_missing: "Saisissez votre mot de passe.",
    signing_in: "Connexion en cours…",
    new_here: "Nouveau sur Precis\u{202f}? ",
    create_an_account: "Créer un compte",
    sign_up_intro: "Votre historique et vos réglages vous suivent dans tous les navigateurs où \
                    vous vous connectez. Ce que vous avez résumé jusqu’ici dans ce navigateur \
                    rejoint le compte.",
    password_rules: |min| {
        format!(
            "Au moins {} caractères, pas votre adresse e-mail, pas un seul caractère répété. \
             Quelques mots sans rapport entre eux font un mot de passe solide.",
            n(min)
        )
    },
    create_account: "Créer le compte",
    creating_account: "Création du compte…",
    have_account: "Vous avez déjà un compte\u{202f}? ",

    see_account: "Connectez-vous pour voir votre compte",
    see_keys: "Connectez-vous pour voir vos clés d’API",
    prompt_sign_in: "Connectez-vous",
    prompt_or: ", ou ",
    prompt_create: "créez un compte",
    prompt_needs: "\u{a0}: il suffit d’une adresse e-mail et d’un mot de passe.",
    sign_in_to_summarize: "Connectez-vous pour résumer",
    members_only: "Ce serveur Precis résume des textes pour les personnes qui ont un compte, et \
                   garde l’historique de chacune.",

    your_account: "Votre compte",
    keys_hint: "Les scripts accèdent à Precis avec une clé d’API\u{a0}: voir ",
    settings_hint: ". Le modèle et les paramètres par défaut du studio se trouvent dans ",
    sign_out_hint: "Déconnecte ce navigateur. Votre historique reste dans votre compte.",
    sign_out_everywhere: "Se déconnecter partout",
    sign_out_everywhere_help: "«\u{202f}Se déconnecter partout\u{202f}» déconnecte ce compte \
                               de tous les navigateurs et appareils où il est connecté, y \
                               compris celui-ci. Utilisez-le si vous vous êtes connecté sur un \
                               ordinateur qui n’est pas le vôtre, ou si vous pensez que \
                               quelqu’un d’autre connaît votre mot de passe. Les clés d’API \
                               continuent de fonctionner\u{a0}: révoquez-les sur la page Clés \
                               d’API.",
    change_password: "Changer de mot de passe",
    current_password: "Mot de passe actuel",
    new_password: "Nouveau mot de passe",
    current_password_missing: "Saisissez votre mot de passe actuel.",
    changing_password: "Changement du mot de passe…",
    password_changed: "Votre mot de passe est changé. Les autres navigateurs connectés à ce \
                       compte ont été déconnectés.",

    loading_settings: "Chargement de vos réglages…",
    studio_defaults: "Réglages par défaut du studio",
    studio_defaults_hint: "Le modèle et les paramètres avec lesquels le studio démarre, et ce \
                           que son bouton Réinitialiser rétablit. Vous pouvez toujours les \
                           changer pour un résumé en particulier.",
    save_settings: "Enregistrer les réglages",
    saving: "Enregistrement…",
    saved: "Enregistré. Le studio démarre désormais avec ces réglages.",

    email_missing: "Saisissez votre adresse e-mail.",
    email_too_long: |max| {
        format!(
            "Cette adresse e-mail est trop longue ({} caractères au maximum).",
            n(max)
        )
    },
    email_malformed: "Cela ne ressemble pas à une adresse e-mail\u{a0}: elle devrait avoir la \
                      forme nom@example.org.",
    password_too_short: |chars, min| {
        format!(
            "Choisissez un mot de passe d’au moins {} caractères (celui-ci en compte {}).",
            n(min),
            n(chars)
        )
    },
    password_too_long: |chars, max| {
        format!(
            "Ce mot de passe compte {} caractères\u{202f}; la limite est de {}.",
            n(chars),
            n(max)
        )
    },
    password_repeated: "Un mot de passe fait d’un seul caractère répété est trop facile à \
                        deviner.",
    password_is_email: "Votre mot de passe ne peut pas être votre adresse e-mail.",
    current_password_wrong: "Votre mot de passe actuel n’est pas le bon. Saisissez-le à \
                             nouveau.",
};
