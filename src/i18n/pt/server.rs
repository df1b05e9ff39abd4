//! Portuguese: the server's answers and model descriptions.

use crate::i18n::ServerTexts;

pub(in crate::i18n) const SERVER: ServerTexts = ServerTexts {
    bad_body: |detail| {
        format!(
            "Não foi possível ler o pedido ({detail}). A página da API (/api/docs) mostra o que \
             cada rota espera."
        )
    },
    bad_query: |detail, expected| {
        format!(
            "Não foi possível ler os parâmetros do endereço ({detail}). Este endereço aceita: \
             {expected}."
        )
    },
    rate_limited: |burst, per_minute, retry_after| {
        format!(
            "Você está indo rápido: o Precis aceita {burst} resumos seguidos e {per_minute} por \
             minuto de cada pessoa. Tente de novo em {retry_after} s."
        )
    },
    summary_not_found: "Esse resumo não existe ou foi apagado.",
    cross_origin: "O Precis recusou este pedido porque ele veio de outro site. Se você estava \
                   usando o Precis, recarregue a página e tente de novo.",
    internal: "Algo deu errado dentro do Precis. Tente de novo; se continuar acontecendo, avise \
               o administrador.",

    wrong_credentials: "O e-mail ou a senha está errado. Confira os dois e tente de novo.",
    email_taken: "Já existe uma conta com esse e-mail. Entre com ela, ou use outro e-mail.",
    too_many_attempts: |retry_after| {
        format!(
            "Tentativas de entrar demais. Para a segurança da sua conta, espere {retry_after} s \
             antes de tentar de novo."
        )
    },
    sign_in_required: "Entre primeiro: isto precisa de uma conta (scripts: enviem uma chave de \
                       API como Authorization: Bearer <chave>).",
    invalid_api_key: "Esta chave de API não é válida: foi revogada, ou foi copiada errado. \
                      Envie uma chave da página Chaves de API como Authorization: Bearer \
                      <chave>.",
    key_not_found: "Essa chave de API não existe ou já foi revogada.",
    too_many_keys: |max| {
        format!(
            "Você já tem {max} chaves de API. Revogue uma que não usa mais e depois crie uma \
             nova."
        )
    },

    no_such_local_model: |id| {
        format!("Não há nenhum modelo local chamado “{id}”. Escolha um da lista.")
    },
    needs_hf_token: |id| {
        format!(
            "“{id}” roda no HuggingFace, e este Precis não tem um token do HuggingFace. Escolha \
             um modelo local, ou peça ao administrador para definir HF_TOKEN."
        )
    },

    upstream_rejected: |model, said, advice| {
        if said.is_empty() {
            format!("O HuggingFace recusou o pedido para {model}. {advice}")
        } else {
            format!("O HuggingFace recusou o pedido para {model} (em inglês: {said}) {advice}")
        }
    },
    adjust_field: |label| format!("Ajuste “{label}” e tente de novo."),
    adjust_anything: "Ajuste o texto ou os parâmetros e tente de novo.",
    upstream_unauthorized: "O HuggingFace recusou o token de acesso deste servidor. Fale com o \
                            administrador deste Precis para renová-lo; os modelos locais \
                            continuam funcionando enquanto isso.",
    upstream_payment_required: "Os créditos do HuggingFace deste servidor acabaram. Fale com o \
                                administrador para adicionar créditos, ou escolha um modelo \
                                local.",
    model_not_found: |model| {
        format!(
            "O HuggingFace não tem nenhum modelo chamado “{model}” (não encontrado). Confira a \
             grafia, ou escolha outro modelo."
        )
    },
    model_retired: |model| {
        format!(
            "“{model}” foi retirado do HuggingFace e não está mais disponível. Escolha outro \
             modelo."
        )
    },
    upstream_rate_limited: |secs| {
        format!(
            "O HuggingFace está limitando os pedidos deste servidor (limite de taxa atingido). \
             Tente de novo em {secs} s, ou escolha um modelo local."
        )
    },
    model_loading: |model, secs| {
        format!(
            "{model} ainda não está pronto no HuggingFace; faltam cerca de {secs} s. Tente de \
             novo então."
        )
    },
    upstream_error: |model, status| {
        format!(
            "O HuggingFace teve um problema ao executar {model} (erro {status}). Tente de novo \
             em um minuto, ou escolha outro modelo."
        )
    },
    upstream_timeout: |model, secs| {
        format!(
            "{model} não respondeu em {secs} s. Tente um texto mais curto ou um tempo máximo \
             maior, ou tente de novo mais tarde."
        )
    },
    upstream_unreachable: "O Precis não conseguiu falar com o HuggingFace. Tente de novo em um \
                           minuto; se continuar acontecendo, avise o administrador. Os modelos \
                           locais continuam funcionando.",
    upstream_bad_response: |model| {
        format!(
            "O HuggingFace devolveu para {model} uma resposta inesperada, que não pôde ser lida. \
             Tente de novo, ou escolha outro modelo."
        )
    },
    busy: |secs| {
        format!("O Precis está ocupado com pedidos de outras pessoas. Tente de novo em {secs} s.")
    },
    engine_failed: "O motor local falhou com este texto. Tente de novo; se continuar \
                    acontecendo, avise o administrador.",

    textrank_label: "Local · extrato TextRank",
    textrank_description: "Roda dentro do Precis, sem internet: escolhe as frases mais \
                           centrais do seu texto, palavra por palavra.",
    semantic_label: "Local · extrato semântico",
    semantic_description: "Roda dentro do Precis, sem internet: escolhe as frases mais \
                           próximas do sentido do texto inteiro (embeddings MiniLM), evitando \
                           repetições, palavra por palavra.",
    local_llm_description: "Roda dentro do Precis, sem internet: um pequeno modelo de \
                            linguagem escreve o resumo com as próprias palavras. Experimental: \
                            pode errar fatos, então confira com o seu texto.",
    extract_ignores: "Não é usado por este modelo: ele escolhe frases do seu texto em vez de \
                      escrever palavras novas.",
    bart_large_cnn: "BART large, treinado com notícias da CNN/DailyMail: uma boa escolha \
                     padrão.",
    distilbart_cnn: "Um BART destilado: mais rápido, quase tão bom com notícias.",
    pegasus_xsum: "PEGASUS treinado com o BBC XSum: resumos muito curtos, de uma frase.",
    bart_samsum: "BART treinado com o SAMSum: feito para conversas e diálogos.",
    custom_hf_description: |window| {
        format!(
            "Um modelo do HuggingFace que você indicou; o Precis supõe que ele lê até {window} \
             tokens."
        )
    },
    model_not_installed: |file, command| {
        format!(
            "Este modelo não está instalado ({file} não está na pasta de modelos). O \
             administrador pode executar: {command}"
        )
    },
    embedder_not_installed: |file, command| {
        format!(
            "O modelo de embeddings não está instalado ({file} não está na pasta de modelos). O \
             administrador pode executar: {command}"
        )
    },
    model_damaged: |command| {
        format!(
            "O arquivo deste modelo está danificado ou ilegível. O administrador pode executar: \
             {command}"
        )
    },
    embedder_damaged: |command| {
        format!(
            "Os arquivos do modelo de embeddings estão danificados ou ilegíveis. O \
             administrador pode executar: {command}"
        )
    },
    model_discovery_failed: |command| {
        format!(
            "O Precis não conseguiu ler a pasta de modelos. O administrador pode verificá-la, ou \
             executar: {command}"
        )
    },
    model_download_failed: "O Precis não conseguiu baixar este modelo do HuggingFace. O \
                            administrador pode verificar a rede do servidor e o nome do modelo \
                            em PRECIS_HF_MODELS.",
};
