//! Portuguese: the history panel (neutral Portuguese, as in `pt.rs`).

use super::{count, n};
use crate::i18n::HistoryTexts;

pub(in crate::i18n) const HISTORY: HistoryTexts = HistoryTexts {
    title: "Histórico",
    clear_all: "Limpar tudo",
    confirm_group: "Confirmar a limpeza do histórico",
    confirm: "Apagar todos os resumos?",
    yes_clear: "Sim, limpar tudo",
    keep: "Manter",
    loading: "Carregamento do histórico…",
    list: "Resumos",
    none_yet: "Ainda não há resumos. Vão aparecer aqui.",
    none_match: "Nenhum resumo corresponde a estes filtros.",
    none_match_search: |q| format!("Nenhum resumo corresponde a “{q}”."),
    clear_filters: "Limpar filtros",
    count: |v, filtered, more| {
        let (one, many) = if filtered {
            ("resumo correspondente", "resumos correspondentes")
        } else {
            ("resumo", "resumos")
        };
        let more = if more { ", há mais abaixo" } else { "" };
        format!("{}{more}", count(v, one, many))
    },
    load_more: "Mostrar mais",
    loading_more: "Aguarde…",
    delete: "Apagar",
    delete_label: |title| format!("Apagar “{title}”"),

    filters: "Pesquisar e filtrar o histórico",
    search: "Pesquisar no histórico",
    search_placeholder: "Palavras de um texto ou do seu resumo",
    model: "Modelo usado",
    all_models: "Todos os modelos",
    from: "De",
    to: "Até",
    export: "Exportar",
    export_json: "Exportar em JSON",
    export_markdown: "Exportar em Markdown",
    export_hint: "Exporta todos os resumos que correspondem aos filtros.",

    search_too_long: |chars, max| {
        format!(
            "A pesquisa tem {} caracteres; use no máximo {}: algumas palavras distintivas \
             bastam para encontrar um resumo.",
            n(chars),
            n(max)
        )
    },
    too_many_words: |words, max| {
        format!(
            "A pesquisa tem {} palavras; use no máximo {}: algumas palavras distintivas bastam \
             para encontrar um resumo.",
            n(words),
            n(max)
        )
    },
    not_a_date: |value, field| {
        format!(
            "“{value}” não é uma data: escreva a data “{field}” no formato AAAA-MM-DD, por \
             exemplo 2026-11-23."
        )
    },
    from_after_to: |from, to| {
        format!(
            "A data inicial ({from}) é posterior à data final ({to}): escolha uma data inicial \
             igual ou anterior à data final."
        )
    },

    // the other parameters, only wrong in a hand-made request (the API's answers)
    model_filter_bad: "Esse filtro de modelo não é um identificador de modelo: escolha um \
                       modelo da lista, ou envie o identificador dele, como \
                       facebook/bart-large-cnn.",
    before_bad: |value| {
        format!(
            "before=“{value}” não é um identificador de resumo: envie o valor next_before da \
             página anterior (um número inteiro maior que 0), ou omita-o na primeira página."
        )
    },
    limit_bad: |value, max| {
        format!(
            "limit=“{value}” não pode ser usado: peça de 1 a {max} resumos por página, e siga \
             next_before para ver mais."
        )
    },
    format_bad: |value| {
        format!("“{value}” não é um formato de exportação: use format=json ou format=markdown.")
    },
};
