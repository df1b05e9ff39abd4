//! Français : la fonction Demander.

use super::n;
use crate::i18n::AskTexts;

pub(in crate::i18n) const ASK: AskTexts = AskTexts {
    empty_question: "Écrivez d’abord une question.",
    question_too_long: |chars, limit| {
        format!("La question fait {} caractères\u{a0}; la limite est de {}. Posez une question plus courte.", n(chars), n(limit))
    },
    title_too_long: |chars, limit| {
        format!("Le titre fait {} caractères\u{a0}; la limite est de {}.", n(chars), n(limit))
    },
    top_k_bad: |value, max| format!("top_k doit être un nombre entier de 1 à {max}\u{a0}; il vaut {value}."),
    document_ids_bad: |value, max| {
        format!("document_ids doit lister au plus {max} identifiants de document de 32 chiffres hexadécimaux\u{a0}; «\u{a0}{value}\u{a0}» n’en est pas un.")
    },
    document_too_large: |size, limit| {
        format!("Le fichier fait {size} Mo\u{a0}; la limite est de {limit} Mo. Découpez-le en fichiers plus petits.")
    },
    document_too_long: |chars, limit| {
        format!("Le document contient {} caractères de texte\u{a0}; la limite est de {}. Découpez-le en documents plus petits.", n(chars), n(limit))
    },
    unsupported: |what| {
        format!("Precis ne sait pas lire ce fichier ({what}). Ajoutez du texte brut, du Markdown, du HTML ou un PDF.")
    },
    empty_document: "Ce document ne contient aucun texte à lire.",
    image_only_pdf: "Ce PDF ne contient que des images de pages (un scan), sans texte. Passez-le d’abord par une reconnaissance de caractères (OCR), ou ajoutez le texte lui-même.",
    encoding: "Le texte de ce fichier est dans un encodage que Precis ne sait pas lire. Enregistrez-le en UTF-8 et ajoutez-le de nouveau.",
    damaged_pdf: "Ce PDF est illisible\u{a0}: il est endommagé ou protégé par un mot de passe.",
    no_file: "Envoyez le document en une seule partie nommée «\u{a0}file\u{a0}».",
    no_documents: "Vous n’avez encore aucun document. Ajoutez-en un, puis posez votre question.",
    document_not_found: "Ce document n’existe pas (il a peut-être été retiré).",
    shared_read_only: "Ce document fait partie de la bibliothèque partagée\u{a0}: seul l’opérateur peut le retirer.",
    not_in_documents: "Vos documents ne semblent pas répondre à cette question. Les passages les plus proches trouvés sont ci-dessous.",
    store_unavailable: "La base de connaissances est injoignable pour le moment. Réessayez dans un instant.",
    indexing_failed: "L’indexation de ce document s’est arrêtée avant la fin. Retirez-le et ajoutez-le de nouveau.",
    not_served_here: |ingest_only| {
        if ingest_only {
            "Il n’y a rien ici. Ce Precis ne fait tourner que le service d’ingestion (/api/v1/documents)\u{a0}; posez vos questions au service de questions.".to_string()
        } else {
            "Il n’y a rien ici. Ce Precis ne fait tourner que le service de questions (/api/v1/questions)\u{a0}; ajoutez les documents par le service d’ingestion.".to_string()
        }
    },
    extractive_label: "Citations de vos documents",
    extractive_description: "Les phrases de vos documents qui répondent le mieux à la question, citées avec leurs références. Aucun modèle de langue\u{a0}: rien n’est inventé.",
    llm_description: "Un petit modèle de langue de ce serveur rédige la réponse avec ses propres mots à partir des passages, en les citant. Expérimental\u{a0}: vérifiez ce qu’il dit dans les passages.",
    still_indexing: "Vos documents sont encore en cours d’indexation. Posez la question de nouveau quand ils seront prêts.",
    embedder_missing: |why| format!("Les documents ne peuvent être ni indexés ni cherchés ici\u{a0}: {why}"),
};
