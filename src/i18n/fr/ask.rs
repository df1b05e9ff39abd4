//! Français : la fonction Demander.

use super::n;
use crate::domain::settings::Lang;
use crate::i18n::numbers::decimal;
use crate::i18n::AskTexts;

pub(in crate::i18n) const ASK: AskTexts = AskTexts {
    empty_question: "Écrivez d’abord une question.",
    question_too_long: |chars, limit| {
        format!("La question fait {} caractères\u{202f}; la limite est de {}. Posez une question plus courte.", n(chars), n(limit))
    },
    title_too_long: |chars, limit| {
        format!("Le titre fait {} caractères\u{202f}; la limite est de {}.", n(chars), n(limit))
    },
    top_k_bad: |value, max| format!("top_k doit être un nombre entier de 1 à {max}\u{202f}; il vaut {value}."),
    document_ids_bad: |value, max| {
        format!("document_ids doit lister au plus {max} identifiants de document de 32 chiffres hexadécimaux\u{202f}; «\u{202f}{value}\u{202f}» n’en est pas un.")
    },
    document_too_large: |size, limit| {
        format!("Le fichier fait {size} Mo\u{202f}; la limite est de {limit} Mo. Découpez-le en fichiers plus petits.")
    },
    document_too_long: |chars, limit| {
        format!("Le document contient {} caractères de texte\u{202f}; la limite est de {}. Découpez-le en documents plus petits.", n(chars), n(limit))
    },
    unsupported: |what| {
        format!("Precis ne sait pas lire ce fichier ({what}). Ajoutez du texte brut, du Markdown, du HTML ou un PDF.")
    },
    empty_document: "Ce document ne contient aucun texte à lire.",
    image_only_pdf: "Ce PDF ne contient que des images de pages (un scan), sans texte. Passez-le d’abord par une reconnaissance de caractères (OCR), ou ajoutez le texte lui-même.",
    encoding: "Le texte de ce fichier est dans un encodage que Precis ne sait pas lire. Enregistrez-le en UTF-8 et ajoutez-le de nouveau.",
    damaged_pdf: "Ce PDF est illisible\u{a0}: il est endommagé ou protégé par un mot de passe.",
    no_file: "Envoyez le document en une seule partie nommée «\u{202f}file\u{202f}».",
    no_documents: "Vous n’avez encore aucun document. Ajoutez-en un, puis posez votre question.",
    document_not_found: "Ce document n’existe pas (il a peut-être été retiré).",
    shared_read_only: "Ce document fait partie de la bibliothèque partagée\u{a0}: seul l’opérateur peut le retirer.",
    not_in_documents: "Vos documents ne semblent pas répondre à cette question. Les passages les plus proches trouvés sont ci-dessous.",
    store_unavailable: "La base de connaissances est injoignable pour le moment. Réessayez dans un instant.",
    indexing_failed: "L’indexation de ce document s’est arrêtée avant la fin. Retirez-le et ajoutez-le de nouveau.",
    not_served_here: |ingest_only| {
        if ingest_only {
            "Il n’y a rien ici. Ce Precis ne fait tourner que le service d’ingestion (/api/v1/documents)\u{202f}; posez vos questions au service de questions.".to_string()
        } else {
            "Il n’y a rien ici. Ce Precis ne fait tourner que le service de questions (/api/v1/questions)\u{202f}; ajoutez les documents par le service d’ingestion.".to_string()
        }
    },
    extractive_label: "Citations de vos documents",
    extractive_description: "Les phrases de vos documents qui répondent le mieux à la question, citées avec leurs références. Aucun modèle de langue\u{a0}: rien n’est inventé.",
    llm_description: "Un petit modèle de langue de ce serveur rédige la réponse avec ses propres mots à partir des passages, en les citant. Expérimental\u{a0}: vérifiez ce qu’il dit dans les passages.",
    remote_description: "Un modèle de langue d’un autre serveur rédige la réponse avec ses propres mots à partir des passages, en les citant\u{202f}; les références à autre chose sont retirées.",
    still_indexing: "Vos documents sont encore en cours d’indexation. Posez la question de nouveau quand ils seront prêts.",
    embedder_missing: |why| format!("Les documents ne peuvent être ni indexés ni cherchés ici\u{a0}: {why}"),
    server_unreachable: |model| {
        format!("Le serveur de réponses de «\u{202f}{model}\u{202f}» n’a pas répondu\u{a0}: Precis n’a pas pu le joindre. Réessayez dans une minute ou choisissez un autre modèle\u{202f}; si cela se reproduit, prévenez l’administrateur de ce Precis.")
    },
    server_timeout: |model, secs| {
        format!("Le serveur de réponses de «\u{202f}{model}\u{202f}» n’a pas terminé la réponse en {secs}\u{a0}s. Réessayez plus tard ou choisissez un autre modèle\u{202f}; si cela se reproduit, prévenez l’administrateur de ce Precis.")
    },
    server_unauthorized: |model| {
        format!("Le serveur de réponses de «\u{202f}{model}\u{202f}» a refusé la clé d’accès de ce Precis. Choisissez un autre modèle, et demandez à l’administrateur de ce Precis de vérifier la clé (PRECIS_ASK_LLM_KEY).")
    },
    server_model_not_found: |model| {
        format!("Le serveur de réponses n’a pas de modèle «\u{202f}{model}\u{202f}» (introuvable)\u{a0}: il n’y est peut-être pas installé. Choisissez un autre modèle, et prévenez l’administrateur de ce Precis.")
    },
    server_rate_limited: |model, secs| {
        format!("Le serveur de réponses de «\u{202f}{model}\u{202f}» reçoit trop de requêtes (limite de débit atteinte). Réessayez dans {secs}\u{a0}s, ou choisissez un autre modèle.")
    },
    server_refused: |model, status| {
        format!("Le serveur de réponses a refusé de rédiger une réponse avec «\u{202f}{model}\u{202f}» (erreur {status}). Essayez une question plus courte ou un autre modèle\u{202f}; si cela se reproduit, prévenez l’administrateur de ce Precis.")
    },
    server_failed: |model, status| {
        format!("Le serveur de réponses a eu un problème en rédigeant la réponse avec «\u{202f}{model}\u{202f}» (erreur {status}). Réessayez dans une minute, ou choisissez un autre modèle.")
    },
    server_interrupted: |model| {
        format!("Le serveur de réponses s’est arrêté au milieu de la réponse avec «\u{202f}{model}\u{202f}». Posez la question de nouveau, ou choisissez un autre modèle.")
    },
    server_bad_response: |model| {
        format!("Le serveur de réponses a renvoyé pour «\u{202f}{model}\u{202f}» quelque chose qui n’est pas une réponse lisible par Precis. Réessayez ou choisissez un autre modèle\u{202f}; si cela se reproduit, prévenez l’administrateur de ce Precis.")
    },
    nav_label: "Rubriques",
    nav_summarize: "Résumer",
    nav_ask: "Demander",
    page_title: "Interrogez vos documents",
    intro: "Ajoutez des documents, puis posez vos questions\u{a0}: chaque réponse cite les passages dont elle vient.",
    documents: "Vos documents",
    accepted: |mb| format!("Texte brut, Markdown, HTML ou PDF, jusqu’à {mb}\u{a0}Mo chacun."),
    add_files: "Ajouter des fichiers",
    drop_here: "ou déposez-les ici.",
    drop_now: "Lâchez les fichiers pour les ajouter.",
    paste_text: "Coller un texte",
    title_label: "Titre",
    title_hint: "Facultatif\u{a0}: sinon, les premiers mots du texte.",
    text_label: "Texte",
    add: "Ajouter",
    adding: "Ajout en cours…",
    loading_documents: "Chargement de vos documents…",
    no_documents_yet: "Aucun document pour l’instant. Ajoutez des fichiers ou collez un texte pour commencer.",
    shared_library: "Bibliothèque partagée",
    sending: "Envoi et lecture…",
    indexing: |done, total| {
        let p = if total <= 1 { "passage" } else { "passages" };
        format!("Indexation… {} sur {} {p}", n(done as usize), n(total as usize))
    },
    indexing_label: |title| format!("Indexation de «\u{202f}{title}\u{202f}»"),
    document_size: |passages, chars| {
        let p = if passages <= 1 { "passage" } else { "passages" };
        let c = if chars <= 1 { "caractère" } else { "caractères" };
        format!("{} {p} · {} {c}", n(passages as usize), n(chars))
    },
    already_added: "Déjà dans vos documents.",
    remove_label: |title| format!("Retirer «\u{202f}{title}\u{202f}»"),
    remove: "Retirer",
    removed: |title| format!("«\u{202f}{title}\u{202f}» a été retiré."),
    sending_again_in: |s| format!("Trop d’envois à la fois\u{a0}: nouvel essai dans {s}\u{a0}s."),
    ask_title: "Poser une question",
    answers: "Réponses",
    welcome: "Demandez tout ce à quoi vos documents pourraient répondre. Ouvrez une référence comme [1] pour lire le passage dont elle vient.",
    question_label: "Votre question",
    question_placeholder: "Que disent vos documents à propos de…\u{202f}?",
    shortcut: "Entrée pose la question · Maj+Entrée va à la ligne",
    model_label: "Réponse rédigée par",
    ask: "Demander",
    searching: "Recherche dans vos documents…",
    writing: "Rédaction de la réponse…",
    ask_again_in: |s| format!("Vous pourrez demander de nouveau dans {s}\u{a0}s."),
    you_asked: "Votre question\u{a0}:",
    answer_in_progress: "Réponse en cours",
    answer_meta: |model, seconds| format!("{model} · {}\u{a0}s", decimal(Lang::Fr, seconds, 1)),
    passages_found: "Passages trouvés",
    closest_passages: "Passages les plus proches",
    cited: "cité",
    cite_label: |number, title| format!("Source [{number}]\u{a0}: {title}"),
    passage_place: |place, start, end| {
        format!("passage {} · caractères {}–{}", n(place as usize), n(start as usize), n(end as usize))
    },
};
