//! Portuguese: accounts (the same neutral Portuguese as `pt.rs`: "senha", understood and used on
//! both sides of the Atlantic, rather than "palavra-passe"; "entrar" / "sair" for signing in
//! and out; states written as nouns, "Criação da conta em curso…", not as gerunds).

use super::n;
use crate::i18n::AccountTexts;

pub(in crate::i18n) const ACCOUNT: AccountTexts = AccountTexts {
    account: "Conta",
    signed_in_as: "Sessão iniciada como ",
    api_keys: "Chaves de API",
    sign_in: "Entrar",
    sign_up: "Criar conta",
    sign_out: "Sair",

    email: "E-mail",
    password: "Senha",
    password_missing: "Escreva a sua senha.",
    signing_in: "Verificação em curso…",
    new_here: "Primeira vez no Precis? ",
    create_an_account: "Criar uma conta",
    sign_up_intro: "O histórico e os ajustes ficam disponíveis em qualquer navegador em que \
                    entrar na conta. O que já resumiu neste navegador passa para a conta.",
    password_rules: |min| {
        format!(
            "Pelo menos {} caracteres, diferente do seu e-mail, sem ser um só caractere \
             repetido. Algumas palavras sem relação entre si fazem uma senha forte.",
            n(min)
        )
    },
    create_account: "Criar conta",
    creating_account: "Criação da conta em curso…",
    have_account: "Já tem conta? ",

    see_account: "Entre para ver a sua conta",
    see_keys: "Entre para ver as suas chaves de API",
    prompt_sign_in: "Entre",
    prompt_or: " ou ",
    prompt_create: "crie uma conta",
    prompt_needs: ": basta um endereço de e-mail e uma senha.",
    sign_in_to_summarize: "Entre para resumir",
    members_only: "Este servidor Precis faz resumos para quem tem conta e guarda o histórico de \
                   cada pessoa.",

    your_account: "A sua conta",
    keys_hint: "Os scripts usam uma chave de API para chegar ao Precis: veja ",
    settings_hint: ". O modelo e os parâmetros com que o estúdio começa estão em ",
    sign_out_hint: "Termina a sessão neste navegador. O histórico fica guardado na sua conta.",
    sign_out_everywhere: "Sair em todos os dispositivos",
    sign_out_everywhere_help: "“Sair em todos os dispositivos” termina a sessão desta conta em \
                               todos os navegadores e dispositivos onde está aberta, incluindo \
                               este. Use esta opção se entrou na conta num computador que não \
                               é seu ou se acha que outra pessoa sabe a sua senha. As chaves de \
                               API continuam válidas: revogue-as na página Chaves de API.",
    change_password: "Alterar a senha",
    current_password: "Senha atual",
    new_password: "Nova senha",
    current_password_missing: "Escreva a sua senha atual.",
    changing_password: "Alteração da senha em curso…",
    password_changed: "A senha foi alterada. A sessão foi terminada nos outros navegadores que \
                       usavam esta conta.",

    loading_settings: "Carregamento dos ajustes…",
    studio_defaults: "Ajustes iniciais do estúdio",
    studio_defaults_hint: "O modelo e os parâmetros com que o estúdio começa, e o que o botão \
                           Restaurar repõe. Pode sempre mudá-los para um resumo em particular.",
    save_settings: "Guardar ajustes",
    saving: "Aguarde…",
    saved: "Guardado. A partir de agora, o estúdio começa com estes ajustes.",

    email_missing: "Escreva o seu endereço de e-mail.",
    email_too_long: |max| {
        format!(
            "Este endereço de e-mail ultrapassa o limite de {} caracteres.",
            n(max)
        )
    },
    email_malformed: "Isto não parece um endereço de e-mail: deve ter a forma \
                      nome@example.org.",
    password_too_short: |chars, min| {
        format!(
            "Escolha uma senha com pelo menos {} caracteres (esta tem {}).",
            n(min),
            n(chars)
        )
    },
    password_too_long: |chars, max| {
        format!(
            "Esta senha tem {} caracteres; o limite é {}.",
            n(chars),
            n(max)
        )
    },
    password_repeated: "Uma senha feita de um só caractere repetido é muito fácil de adivinhar.",
    password_is_email: "A senha não pode ser o seu endereço de e-mail.",
    current_password_wrong: "Sua senha atual não está certa. Digite-a de novo.",
};
