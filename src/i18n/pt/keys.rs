//! Portuguese: the API keys page (neutral Portuguese, as in `pt.rs`).

use super::n;
use crate::i18n::KeysTexts;

pub(in crate::i18n) const KEYS: KeysTexts = KeysTexts {
    intro: "Um script usa uma chave para resumir e ler o seu histórico em seu nome. Envie-a num \
            cabeçalho: ",
    intro_after: ". Dê a cada script ou máquina a sua própria chave, para poder revogar uma sem \
                  afetar as outras.",
    your_keys: "As suas chaves",
    loading: "Carregamento das chaves…",
    none: "Ainda não há chaves.",
    revoked: |name| {
        format!(
            "Chave “{name}” revogada: a partir de agora, os pedidos feitos com ela são recusados."
        )
    },

    name: "Nome da chave",
    name_help: "Dê-lhe o nome do script ou da máquina que a vai usar, por exemplo “script de \
                backup do servidor”.",
    create: "Criar chave",
    creating: "Criação da chave em curso…",
    needs_js: "Criar uma chave exige JavaScript: o segredo só é mostrado uma vez, nesta página.",
    new_key_title: |name| format!("A sua nova chave “{name}”"),
    copy_now: "Copie-a agora: o Precis só a mostra desta vez.",
    store_it: " Guarde-a onde o script a possa ler, por exemplo num cofre de senhas ou na \
               configuração do script. Se a perder, revogue-a e crie outra.",
    new_api_key: "Nova chave de API",
    copied: "Copiada para a área de transferência.",
    copy_refused: "O navegador não permitiu copiar: selecione a chave e copie-a manualmente.",

    caption: "As suas chaves de API, das mais recentes para as mais antigas",
    col_name: "Nome",
    col_key: "Chave",
    col_created: "Criada em",
    col_last_used: "Último uso",
    col_actions: "Ações",
    never: "nunca",
    revoke: "Revogar",
    revoke_label: |name| format!("Revogar “{name}”"),
    revoke_question: |name| {
        format!("Revogar “{name}”? Os scripts que a usam deixam de funcionar imediatamente.")
    },
    revoke_group: |name| format!("Confirmar a revogação de “{name}”"),
    yes_revoke: "Sim, revogar",
    keep: "Manter",

    name_missing: "Dê um nome à chave, por exemplo o do script ou da máquina que a vai usar.",
    name_too_long: |chars, max| {
        format!(
            "Este nome tem {} caracteres; use no máximo {}.",
            n(chars),
            n(max)
        )
    },
    name_control: "O nome de uma chave não pode ter caracteres invisíveis, como tabulações ou \
                   quebras de linha.",
};
