//! Portuguese, written to read naturally in Portugal and in Brazil: formal imperatives
//! ("Cole", "Escolha"), no gerunds ("a resumir" / "resumindo") and no words that differ
//! between the two ("ecrã" / "tela", "ficheiro" / "arquivo", "definições" / "configurações").
//! Only 1 takes the singular ("0 palavras", "1 palavra").

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

const L: Lang = Lang::Pt;

fn n(v: usize) -> String {
    integer(L, v)
}

/// "0 palavras", "1 palavra", "2 palavras"
fn count(v: usize, one: &str, many: &str) -> String {
    format!("{} {}", n(v), if v == 1 { one } else { many })
}

pub(super) static PT: Texts = Texts {
    lang: L,
    page_title: "Precis — Resumir",
    page_description: "Resuma qualquer texto no seu próprio servidor.",
    skip_to_main: "Ir para o conteúdo principal",
    skip_to_text: "Ir para a caixa de texto",
    api_docs: "API",
    tagline: "Resumos no seu próprio servidor",
    not_found: "Esta página não existe.",
    back_to_studio: "Voltar ao estúdio",
    preferences: "Preferências",
    language: "Idioma",
    theme: "Tema",
    theme_system: "Sistema",
    theme_light: "Claro",
    theme_dark: "Escuro",

    text_label: "Texto a resumir",
    text_placeholder: "Cole um artigo, um relatório, notas de reunião…",
    text_stats: |words, chars, tokens| {
        format!(
            "{} · {} · ~{}",
            count(words, "palavra", "palavras"),
            count(chars, "caractere", "caracteres"),
            count(tokens, "token", "tokens"),
        )
    },
    over_limit: |chars, limit| {
        format!(
            "{} caracteres: acima do limite de {}. Encurte o texto antes de o resumir.",
            n(chars),
            n(limit)
        )
    },
    window_parts: |tokens, model, window, parts| {
        format!(
            "Cerca de {} tokens: mais do que {model} lê de uma vez ({} tokens). O texto será \
             resumido em cerca de {parts} partes e depois os resumos das partes serão combinados.",
            n(tokens),
            n(window),
        )
    },
    window_close: |tokens, window, model| {
        format!(
            "Cerca de {} tokens: perto do limite de {model} ({} tokens).",
            n(tokens),
            n(window)
        )
    },
    summarizing_with: |model| format!("Resumo em curso com {model}…"),
    warming_up: |model, seconds| {
        format!(
            "{model} ainda não está pronto no HuggingFace; faltam cerca de {seconds} s. O Precis \
             tenta de novo automaticamente."
        )
    },
    stage_part: |part, of| format!("Resumo da parte {part} de {of}…"),
    stage_combining: |parts| format!("Combinação das {parts} partes…"),
    cancelled: "Cancelado.",
    cancel: "Cancelar",
    summarize: "Resumir",
    key_ctrl: "Ctrl",
    key_enter: "Enter",
    shortcut_action: " para resumir",

    conversation: "Conversa",
    welcome_title: "Resuma o que quiser",
    welcome_body: "Cole um texto abaixo, escolha um tamanho e clique em Resumir. Os seus resumos \
                   aparecem aqui e ficam guardados no histórico.",
    summary_in_progress: "Resumo em curso",
    writing: "Redação em curso…",
    waiting_first_words: "À espera das primeiras palavras…",
    your_text: |words| format!("O seu texto ({})", count(words, "palavra", "palavras")),
    turn_meta: |seconds, percent| {
        format!(
            "{} s · {}% do tamanho original",
            fixed(L, seconds, 1),
            decimal(L, percent, 0)
        )
    },
    parts_note: |parts| {
        format!(
            "Resumido em {parts} partes: o texto era mais longo do que o modelo lê de uma vez, por \
             isso cada parte foi resumida e os resumos foram combinados."
        )
    },
    partial_note: "Interrompido no limite de tempo máximo: este resumo está incompleto.",
    truncated_note: "O texto era mais longo do que este modelo consegue ler: só o início foi \
                     resumido.",
    copy: "Copiar",
    copied: "Copiado",
    download_txt: "Exportar .txt",
    download_md: "Exportar .md",
    md_summary: "Resumo",
    md_model: "Modelo:",
    md_parameters: "Parâmetros:",
    md_made: "Criado em:",
    md_original: "Texto original",
    md_parts: |parts| format!("Resumido em {parts} partes, depois combinadas"),
    md_partial: "Incompleto: interrompido no limite de tempo máximo",
    md_truncated: "Só o início do texto foi lido",

    settings: "Ajustes",
    model: "Modelo",
    not_available: |why| format!("Indisponível neste servidor. {why}"),
    model_facts: |local, window, honours| {
        let place = if local {
            "Neste servidor"
        } else {
            "No HuggingFace"
        };
        let reads = match window {
            Some(w) => format!("lê até {} tokens", n(w as usize)),
            None => "lê textos de qualquer tamanho".to_string(),
        };
        let honours = honours.unwrap_or("todos os parâmetros");
        format!("{place} · {reads} · usa {honours}")
    },
    unavailable_option: |label| format!("{label} (indisponível)"),
    experimental_option: |label| format!("{label} (experimental)"),
    other_hf_model: "Outro modelo do HuggingFace…",
    hf_model_id: "ID do modelo no HuggingFace",
    hf_model_placeholder: "dono/nome, por exemplo facebook/bart-large-xsum",
    listed_unavailable: "Na lista, mas indisponíveis neste servidor:",
    hf_needs_token: "Os modelos do HuggingFace aparecem aqui quando o administrador define um \
                     HF_TOKEN.",
    length: "Tamanho",
    style: "Estilo",
    reset: "Restaurar",
    preset_short: "Curto",
    preset_medium: "Médio",
    preset_long: "Longo",
    preset_precise: "Preciso",
    preset_balanced: "Equilibrado",
    preset_creative: "Criativo",
    min_length: ParamText {
        label: "Tamanho mínimo",
        help: "O resumo terá pelo menos este tamanho.",
    },
    max_length: ParamText {
        label: "Tamanho máximo",
        help: "O resumo terá no máximo este tamanho.",
    },
    temperature: ParamText {
        label: "Temperatura",
        help: "Mais alta, redação mais variada; mais baixa, mais previsível.",
    },
    top_k: ParamText {
        label: "Top-k",
        help: "Só as K palavras seguintes mais prováveis são consideradas.",
    },
    top_p: ParamText {
        label: "Top-p",
        help: "Só as palavras mais prováveis que, somadas, atingem esta probabilidade são \
               consideradas.",
    },
    repetition_penalty: ParamText {
        label: "Penalidade de repetição",
        help: "Acima de 1, evita repetir as mesmas palavras.",
    },
    max_time: ParamText {
        label: "Tempo máximo",
        help: "Para de gerar texto após este número de segundos.",
    },
    unit_tokens: "tokens",
    model_default: "automático",
    model_defaults: "valores do modelo",
    random_wording: "redação aleatória",
    wording_options: "Opções de redação",
    sample_wording: "Redação aleatória (amostragem)",
    sample_help: "Sorteia cada palavra (aplicam-se Temperatura, Top-k e Top-p) em vez de escolher \
                  sempre a mais provável: redação variada, um resumo diferente de cada vez.",
    sampling_only: "Só é usado por modelos que conseguem variar a redação.",
    never_samples: |model| {
        format!("{model} escreve sempre a redação mais provável: não faz amostragem.")
    },
    seed: "Semente",
    seed_placeholder: "aleatória",
    seed_help: "Com redação aleatória, a mesma semente e os mesmos ajustes voltam a dar o mesmo \
                resumo. Vazio: um novo sorteio de cada vez.",
    hf_options: "Opções do HuggingFace",
    use_cache: "Usar cache",
    use_cache_help: "Reutilizar a resposta do HuggingFace quando o mesmo texto já foi resumido.",
    wait_for_model: "Esperar pelo modelo",
    wait_for_model_help: "Se o modelo estiver inativo, esperar que seja carregado em vez de \
                          receber a indicação para tentar de novo mais tarde.",
    hf_only: "Só é usado pelos modelos do HuggingFace.",

    cannot_run_here: |model, why| format!("{model} não pode ser executado neste servidor. {why}"),
    seed_invalid:
        "A semente deve ser um número inteiro igual ou superior a 0; deixe o campo vazio \
                   para um sorteio aleatório.",
    request_unprepared: "Não foi possível preparar o pedido. Recarregue a página e tente de novo.",
    answer_unreadable: "Algo deu errado no caminho de volta do Precis. Tente de novo em instantes.",
    unreachable: "Não foi possível chegar ao Precis. Verifique a rede e tente de novo.",
    connection_lost: "A comunicação com o Precis foi interrompida antes de o resumo terminar. \
                      Tente de novo.",
    unexplained_status: |status| {
        format!(
            "O Precis respondeu com um erro (HTTP {status}) sem explicação. Tente de novo daqui a \
             pouco."
        )
    },
    empty_text: "Primeiro, cole ou escreva um texto para resumir.",
    text_too_long: |chars, limit| {
        format!(
            "O texto tem {} caracteres; o limite é {}. Encurte-o ou resuma-o por partes.",
            n(chars),
            n(limit)
        )
    },
    must_be_between: |label, min, max, value| {
        format!("{label}: o valor deve estar entre {min} e {max} (agora é {value}).")
    },
    must_be_at_least: |label, min, value| {
        format!("{label}: o valor deve ser pelo menos {min} (agora é {value}).")
    },
    min_over_max: |min, max| {
        format!(
            "O tamanho mínimo ({min}) é maior do que o tamanho máximo ({max}). Diminua o mínimo \
             ou aumente o máximo."
        )
    },
    model_id_missing: "Escolha um modelo ou escreva o ID de um modelo do HuggingFace, por exemplo \
                       facebook/bart-large-cnn.",
    model_id_bad: |id, why| {
        format!(
            "“{id}” não é um ID de modelo: {why}. Use o formato dono/nome, por exemplo \
             facebook/bart-large-cnn."
        )
    },
    model_id_too_long: "tem mais de 96 caracteres",
    model_id_slashes: "tem mais de uma “/”",
    model_id_chars: "só são permitidos letras, algarismos, “-”, “_” e “.”",
    body_too_large: |kb, max_kb| {
        format!(
            "O pedido tem {kb} KB; o Precis aceita até {max_kb} KB. Encurte o texto ou \
             resuma-o em partes."
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
