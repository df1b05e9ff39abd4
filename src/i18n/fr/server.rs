//! French: the server's answers and model descriptions (typography as in `fr.rs`).

use crate::i18n::ServerTexts;

pub(in crate::i18n) const SERVER: ServerTexts = ServerTexts {
    bad_body: |detail| {
        format!(
            "La requête n’a pas pu être lue ({detail}). La page de l’API (/api/docs) montre ce \
             que chaque route attend."
        )
    },
    bad_query: |detail, expected| {
        format!(
            "Les paramètres de l’adresse n’ont pas pu être lus ({detail}). Cette adresse \
             accepte\u{a0}: {expected}."
        )
    },
    rate_limited: |burst, per_minute, retry_after| {
        format!(
            "Vous allez vite\u{a0}: Precis accepte {burst}\u{a0}résumés d’affilée et {per_minute} \
             par minute de chaque personne. Réessayez dans {retry_after}\u{a0}s."
        )
    },
    summary_not_found: "Ce résumé n’existe pas ou a été supprimé.",
    cross_origin: "Precis a refusé cette requête car elle venait d’un autre site. Si vous \
                   utilisiez Precis, rechargez sa page et réessayez.",
    internal: "Un problème est survenu dans Precis. Réessayez\u{a0}; si cela se reproduit, \
               prévenez l’administrateur.",

    wrong_credentials: "L’e-mail ou le mot de passe est incorrect. Vérifiez les deux et \
                        réessayez.",
    email_taken: "Un compte existe déjà avec cet e-mail. Connectez-vous plutôt, ou utilisez un \
                  autre e-mail.",
    too_many_attempts: |retry_after| {
        format!(
            "Trop de tentatives de connexion. Pour la sécurité de votre compte, attendez \
             {retry_after}\u{a0}s avant de réessayer."
        )
    },
    sign_in_required: "Connectez-vous d’abord\u{a0}: il faut un compte (scripts\u{a0}: envoyez \
                       une clé d’API en Authorization: Bearer <clé>).",
    invalid_api_key: "Cette clé d’API n’est pas valable\u{a0}: elle a été révoquée, ou elle est \
                      mal recopiée. Envoyez une clé de la page Clés d’API en Authorization: \
                      Bearer <clé>.",
    key_not_found: "Cette clé d’API n’existe pas ou a déjà été révoquée.",
    too_many_keys: |max| {
        format!(
            "Vous avez déjà {max}\u{a0}clés d’API. Révoquez-en une que vous n’utilisez plus, \
             puis créez-en une nouvelle."
        )
    },

    no_such_local_model: |id| {
        format!(
            "Il n’y a pas de modèle local nommé «\u{202f}{id}\u{202f}». Choisissez-en un dans \
             la liste."
        )
    },
    needs_hf_token: |id| {
        format!(
            "«\u{202f}{id}\u{202f}» tourne sur HuggingFace, et ce Precis n’a pas de jeton \
             HuggingFace. Choisissez un modèle local, ou demandez à l’administrateur de définir \
             HF_TOKEN."
        )
    },

    upstream_rejected: |model, said, advice| {
        if said.is_empty() {
            format!("HuggingFace a refusé la demande pour {model}. {advice}")
        } else {
            format!(
                "HuggingFace a refusé la demande pour {model} (en anglais\u{a0}: {said}) {advice}"
            )
        }
    },
    adjust_field: |label| format!("Ajustez «\u{202f}{label}\u{202f}» et réessayez."),
    adjust_anything: "Ajustez le texte ou les paramètres et réessayez.",
    upstream_unauthorized: "HuggingFace a refusé le jeton d’accès de ce serveur. Contactez \
                            l’administrateur de ce Precis pour qu’il le renouvelle\u{a0}; les \
                            modèles locaux fonctionnent toujours en attendant.",
    upstream_payment_required: "Les crédits HuggingFace de ce serveur sont épuisés. Contactez \
                                l’administrateur pour en ajouter, ou choisissez un modèle \
                                local.",
    model_not_found: |model| {
        format!(
            "HuggingFace n’a aucun modèle nommé «\u{202f}{model}\u{202f}» (introuvable). \
             Vérifiez l’orthographe, ou choisissez un autre modèle."
        )
    },
    model_retired: |model| {
        format!(
            "«\u{202f}{model}\u{202f}» a été retiré de HuggingFace et n’est plus disponible. \
             Choisissez un autre modèle."
        )
    },
    upstream_rate_limited: |secs| {
        format!(
            "HuggingFace limite les requêtes de ce serveur (limite de débit atteinte). \
             Réessayez dans {secs}\u{a0}s, ou choisissez un modèle local."
        )
    },
    model_loading: |model, secs| {
        format!(
            "{model} est en cours de chargement sur HuggingFace, encore {secs}\u{a0}s environ. \
             Réessayez à ce moment-là."
        )
    },
    upstream_error: |model, status| {
        format!(
            "HuggingFace a rencontré un problème en exécutant {model} (erreur {status}). \
             Réessayez dans une minute, ou choisissez un autre modèle."
        )
    },
    upstream_timeout: |model, secs| {
        format!(
            "{model} n’a pas répondu en {secs}\u{a0}s. Essayez un texte plus court ou une durée \
             maximale plus longue, ou réessayez plus tard."
        )
    },
    upstream_unreachable:
        "Precis n’a pas pu joindre HuggingFace. Réessayez dans une minute\u{a0}; \
                           si cela se reproduit, prévenez l’administrateur. Les modèles locaux \
                           fonctionnent toujours.",
    upstream_bad_response: |model| {
        format!(
            "HuggingFace a renvoyé pour {model} une réponse inattendue, illisible. Réessayez, \
             ou choisissez un autre modèle."
        )
    },
    busy: |secs| {
        format!(
            "Precis est occupé par les demandes d’autres personnes. Réessayez dans \
             {secs}\u{a0}s."
        )
    },
    engine_failed: "Le moteur local a échoué sur ce texte. Réessayez\u{a0}; si cela se \
                    reproduit, prévenez l’administrateur.",

    textrank_label: "Local · extrait TextRank",
    textrank_description: "Tourne dans Precis, sans internet\u{a0}: choisit les phrases les \
                           plus centrales de votre texte, mot pour mot.",
    semantic_label: "Local · extrait sémantique",
    semantic_description: "Tourne dans Precis, sans internet\u{a0}: choisit les phrases les \
                           plus proches du sens de l’ensemble du texte (plongements MiniLM), \
                           sans redites, mot pour mot.",
    local_llm_description: "Tourne dans Precis, sans internet\u{a0}: un petit modèle de langue \
                            écrit le résumé avec ses propres mots. Expérimental\u{a0}: il peut se \
                            tromper sur les faits, vérifiez-le avec votre texte.",
    extract_ignores: "Sans effet sur ce modèle\u{a0}: il choisit des phrases de votre texte au \
                      lieu d’écrire de nouveaux mots.",
    bart_large_cnn: "BART large, entraîné sur les actualités CNN/DailyMail\u{a0}: un bon choix \
                     par défaut.",
    distilbart_cnn: "Un BART distillé\u{a0}: plus rapide, presque aussi bon sur l’actualité.",
    pegasus_xsum: "PEGASUS entraîné sur BBC XSum\u{a0}: des résumés très courts, en une \
                   phrase.",
    bart_samsum: "BART entraîné sur SAMSum\u{a0}: fait pour les discussions et les dialogues.",
    custom_hf_description: |window| {
        format!(
            "Un modèle HuggingFace que vous avez nommé\u{a0}; Precis suppose qu’il lit jusqu’à \
             {window}\u{a0}jetons."
        )
    },
    model_not_installed: |file, command| {
        format!(
            "Ce modèle n’est pas installé ({file} manque dans le dossier des modèles). \
             L’administrateur peut lancer\u{a0}: {command}"
        )
    },
    embedder_not_installed: |file, command| {
        format!(
            "Le modèle de plongements n’est pas installé ({file} manque dans le dossier des \
             modèles). L’administrateur peut lancer\u{a0}: {command}"
        )
    },
    model_damaged: |command| {
        format!(
            "Le fichier de ce modèle est endommagé ou illisible. L’administrateur peut \
             lancer\u{a0}: {command}"
        )
    },
    embedder_damaged: |command| {
        format!(
            "Les fichiers du modèle de plongements sont endommagés ou illisibles. \
             L’administrateur peut lancer\u{a0}: {command}"
        )
    },
    model_discovery_failed: |command| {
        format!(
            "Precis n’a pas pu lire son dossier de modèles. L’administrateur peut le vérifier, \
             ou lancer\u{a0}: {command}"
        )
    },
    model_download_failed: "Precis n’a pas pu télécharger ce modèle depuis HuggingFace. \
                            L’administrateur peut vérifier le réseau du serveur et le nom du \
                            modèle dans PRECIS_HF_MODELS.",
};
