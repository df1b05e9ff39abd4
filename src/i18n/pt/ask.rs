//! Português: a função Perguntar.

use super::n;
use crate::domain::settings::Lang;
use crate::i18n::numbers::decimal;
use crate::i18n::AskTexts;

pub(in crate::i18n) const ASK: AskTexts = AskTexts {
    empty_question: "Escreva primeiro uma pergunta.",
    question_too_long: |chars, limit| {
        format!("A pergunta tem {} caracteres; o limite é {}. Faça uma pergunta mais curta.", n(chars), n(limit))
    },
    title_too_long: |chars, limit| {
        format!("O título tem {} caracteres; o limite é {}.", n(chars), n(limit))
    },
    top_k_bad: |value, max| format!("top_k deve ser um número inteiro de 1 a {max}; é {value}."),
    document_ids_bad: |value, max| {
        format!("document_ids deve listar no máximo {max} identificadores de documento de 32 dígitos hexadecimais; “{value}” não é um deles.")
    },
    document_too_large: |size, limit| {
        format!("O ficheiro tem {size} MB; o limite é {limit} MB. Divida-o em ficheiros mais pequenos.")
    },
    document_too_long: |chars, limit| {
        format!("O documento contém {} caracteres de texto; o limite é {}. Divida-o em documentos mais pequenos.", n(chars), n(limit))
    },
    unsupported: |what| {
        format!("O Precis não consegue ler este ficheiro ({what}). Adicione texto simples, Markdown, HTML ou PDF.")
    },
    empty_document: "Este documento não tem texto para ler.",
    image_only_pdf: "Este PDF contém apenas imagens de páginas (uma digitalização), sem texto. Passe-o primeiro por reconhecimento de caracteres (OCR), ou adicione o próprio texto.",
    encoding: "O texto deste ficheiro está numa codificação que o Precis não consegue ler. Guarde-o em UTF-8 e adicione-o de novo.",
    damaged_pdf: "Este PDF não pode ser lido: está danificado ou protegido por palavra-passe.",
    no_file: "Envie o documento numa única parte chamada “file”.",
    no_documents: "Ainda não tem documentos. Adicione um e depois faça a sua pergunta.",
    document_not_found: "Esse documento não existe (pode ter sido removido).",
    shared_read_only: "Este documento pertence à biblioteca partilhada: só o operador o pode remover.",
    not_in_documents: "Os seus documentos não parecem responder a esta pergunta. As passagens mais próximas encontradas estão abaixo.",
    store_unavailable: "A base de conhecimento não está acessível de momento. Tente de novo daqui a pouco.",
    indexing_failed: "A indexação deste documento parou antes do fim. Remova-o e adicione-o de novo.",
    not_served_here: |ingest_only| {
        if ingest_only {
            "Não há nada aqui. Este Precis executa apenas o serviço de ingestão (/api/v1/documents); faça as perguntas no serviço de perguntas.".to_string()
        } else {
            "Não há nada aqui. Este Precis executa apenas o serviço de perguntas (/api/v1/questions); adicione os documentos no serviço de ingestão.".to_string()
        }
    },
    extractive_label: "Citações dos seus documentos",
    extractive_description: "As frases dos seus documentos que melhor respondem à pergunta, citadas com as suas referências. Nenhum modelo de linguagem: nada é inventado.",
    llm_description: "Um pequeno modelo de linguagem deste servidor escreve a resposta por palavras suas a partir das passagens, citando-as. Experimental: confirme o que diz nas passagens.",
    remote_description: "Um modelo de linguagem de outro servidor escreve a resposta por palavras suas a partir das passagens, citando-as; as referências a outra coisa são removidas.",
    still_indexing: "Os seus documentos ainda estão a ser indexados. Pergunte de novo quando estiverem prontos.",
    embedder_missing: |why| format!("Aqui os documentos não podem ser indexados nem pesquisados: {why}"),
    server_unreachable: |model| {
        format!("O servidor de respostas de “{model}” não respondeu: o Precis não conseguiu chegar até ele. Tente de novo daqui a um minuto ou escolha outro modelo; se continuar a acontecer, avise o administrador deste Precis.")
    },
    server_timeout: |model, secs| {
        format!("O servidor de respostas de “{model}” não terminou a resposta em {secs} s. Tente de novo mais tarde ou escolha outro modelo; se continuar a acontecer, avise o administrador deste Precis.")
    },
    server_unauthorized: |model| {
        format!("O servidor de respostas de “{model}” recusou a chave de acesso deste Precis. Escolha outro modelo e peça ao administrador deste Precis que verifique a chave (PRECIS_ASK_LLM_KEY).")
    },
    server_model_not_found: |model| {
        format!("O servidor de respostas não tem o modelo “{model}” (não encontrado): talvez não esteja instalado lá. Escolha outro modelo e avise o administrador deste Precis.")
    },
    server_rate_limited: |model, secs| {
        format!("O servidor de respostas de “{model}” está a receber pedidos demais (limite de pedidos atingido). Tente de novo daqui a {secs} s, ou escolha outro modelo.")
    },
    server_refused: |model, status| {
        format!("O servidor de respostas recusou-se a escrever uma resposta com “{model}” (erro {status}). Tente uma pergunta mais curta ou outro modelo; se continuar a acontecer, avise o administrador deste Precis.")
    },
    server_failed: |model, status| {
        format!("O servidor de respostas teve um problema ao escrever a resposta com “{model}” (erro {status}). Tente de novo daqui a um minuto, ou escolha outro modelo.")
    },
    server_interrupted: |model| {
        format!("O servidor de respostas parou a meio da resposta com “{model}”. Pergunte de novo, ou escolha outro modelo.")
    },
    server_bad_response: |model| {
        format!("O servidor de respostas devolveu para “{model}” algo que não é uma resposta que o Precis consiga ler. Tente de novo ou escolha outro modelo; se continuar a acontecer, avise o administrador deste Precis.")
    },
    nav_label: "Páginas",
    nav_summarize: "Resumir",
    nav_ask: "Perguntar",
    page_title: "Pergunte aos seus documentos",
    intro: "Adicione documentos e depois faça perguntas sobre eles: cada resposta cita as passagens de onde vem.",
    documents: "Os seus documentos",
    accepted: |mb| format!("Texto simples, Markdown, HTML ou PDF, até {mb} MB cada um."),
    add_files: "Adicionar documentos",
    drop_here: "ou arraste-os para esta área.",
    drop_now: "Solte os documentos para os adicionar.",
    paste_text: "Colar um texto",
    title_label: "Título",
    title_hint: "Opcional: se não o indicar, as primeiras palavras do texto.",
    text_label: "Texto",
    add: "Adicionar",
    adding: "Adição em curso…",
    loading_documents: "Carregamento dos seus documentos…",
    no_documents_yet: "Ainda não há documentos. Adicione documentos ou cole um texto para começar.",
    shared_library: "Biblioteca comum",
    sending: "Envio e leitura em curso…",
    indexing: |done, total| {
        let p = if total == 1 { "passagem" } else { "passagens" };
        format!("Indexação… {} de {} {p}", n(done as usize), n(total as usize))
    },
    indexing_label: |title| format!("Indexação de “{title}”"),
    document_size: |passages, chars| {
        let p = if passages == 1 { "passagem" } else { "passagens" };
        let c = if chars == 1 { "caractere" } else { "caracteres" };
        format!("{} {p} · {} {c}", n(passages as usize), n(chars))
    },
    already_added: "Já está nos seus documentos.",
    remove_label: |title| format!("Remover “{title}”"),
    remove: "Remover",
    removed: |title| format!("“{title}” foi removido."),
    sending_again_in: |s| format!("Demasiados envios de uma vez: novo envio dentro de {s} s."),
    ask_title: "Fazer uma pergunta",
    answers: "Respostas",
    welcome: "Pergunte o que os seus documentos possam responder. Abra uma referência como [1] para ler a passagem de onde vem.",
    question_label: "A sua pergunta",
    question_placeholder: "O que dizem os seus documentos sobre…?",
    shortcut: "Enter envia a pergunta · Shift+Enter muda de linha",
    model_label: "Resposta escrita por",
    ask: "Perguntar",
    searching: "Pesquisa em curso nos seus documentos…",
    writing: "Redação da resposta em curso…",
    ask_again_in: |s| format!("Poderá perguntar de novo dentro de {s} s."),
    you_asked: "Perguntou:",
    answer_in_progress: "Resposta em curso",
    answer_meta: |model, seconds| format!("{model} · {} s", decimal(Lang::Pt, seconds, 1)),
    passages_found: "Passagens encontradas",
    closest_passages: "Passagens mais próximas",
    cited: "citada",
    cite_label: |number, title| format!("Fonte [{number}]: {title}"),
    passage_place: |place, start, end| {
        format!("passagem {} · caracteres {}–{}", n(place as usize), n(start as usize), n(end as usize))
    },
};
