//! Português: a função Separar (manuscrito ou datilografado).

use super::n;
use crate::i18n::SortTexts;

pub(in crate::i18n) const SORT: SortTexts = SortTexts {
    empty_file: "O ficheiro está vazio. Envie a imagem de uma página.",
    not_an_image: "Este ficheiro não é uma imagem que o Precis consiga ler. Envie uma imagem PNG, JPEG ou TIFF, ou um PDF de páginas digitalizadas.",
    unsupported_format: |format| {
        format!("As imagens {format} não são lidas. Envie uma imagem PNG, JPEG ou TIFF, ou um PDF de páginas digitalizadas.")
    },
    corrupt_image: "Esta imagem não pode ser lida: está danificada ou incompleta. Guarde-a ou digitalize-a de novo e volte a enviá-la.",
    corrupt_pdf: "Este PDF não pode ser lido: está danificado ou protegido por uma palavra-passe.",
    pdf_without_image: "Este PDF não contém nenhuma imagem de página: não é uma digitalização. Envie um PDF digitalizado, ou uma imagem da página.",
    image_too_large: |size, side, megapixels| {
        let limit = format!("o limite é {} píxeis de lado e {} megapíxeis", n(side as usize), n(megapixels as usize));
        match size {
            Some((w, h)) => format!("A imagem tem {} × {} píxeis; {limit}. Reduza-a e volte a enviá-la.", n(w as usize), n(h as usize)),
            None => format!("A imagem é grande demais: {limit}. Reduza-a e volte a enviá-la."),
        }
    },
    file_too_large: |size, limit| match size {
        Some(size) => format!("O ficheiro tem {size} MB; o limite é {limit} MB. Envie um ficheiro mais pequeno, ou menos páginas."),
        None => format!("O ficheiro ultrapassa o limite de {limit} MB. Envie um ficheiro mais pequeno, ou menos páginas."),
    },
    no_writing: "Não foi encontrada escrita nesta página: parece estar em branco. Envie uma página com texto.",
    image_too_small: |width, height| {
        format!("A imagem tem {width} × {height} píxeis: é pequena demais para conter escrita. Envie uma imagem maior da página.")
    },
    no_file: "Envie a imagem numa única parte chamada “file”.",
    unknown_model: |name, models| format!("Não existe o modelo “{name}”. Escolha um de {models}."),
    training_in_progress: "Já está a decorrer um treino. Espere que termine, ou cancele-o, antes de iniciar outro.",
    operator_only: "Só os administradores deste Precis podem treinar os modelos: inicie sessão com uma conta listada em PRECIS_OPERATORS (ou use uma chave de API dessa conta).",
    data_missing: "Os dados de Separar (tipos de letra e digitalizações reais) não estão instalados neste servidor. O administrador pode executar: bash scripts/sort_data.sh",
    job_not_found: "Este treino não existe.",
    report_file_not_found: "O relatório não tem esse ficheiro. Os seus ficheiros são report.md e os gráficos que a página Separar mostra (roc-unseen-fonts.svg, por exemplo).",
    interrupted: "Este treino foi interrompido por um reinício do Precis. Inicie-o de novo.",
    training_failed: "Este treino falhou. O administrador pode ver a causa no registo do Precis.",
    activated: |new, active| {
        format!("Os novos modelos respondem agora: o seu ROC-AUC em tipos de letra inéditos é {new}, pelo menos tão bom como os {active} dos modelos anteriores.")
    },
    kept: |new, active| {
        format!("Os modelos anteriores continuam a responder: o ROC-AUC dos novos modelos em tipos de letra inéditos é {new}, abaixo dos seus {active}. Os novos modelos ficam guardados, mas não são usados.")
    },
    not_served_here: "Não há nada aqui. Este Precis só executa o classificador (/api/v1/classifier).",
    hog_svm: "Descritores HOG de mosaicos de 64 píxeis e SVM linear.",
    texture_logistic: "Medidas de espessura do traço, orientação, linhas, manchas e LBP dos mosaicos, e regressão logística.",
    cnn: "Pequena rede convolucional (4 camadas) sobre os píxeis dos mosaicos.",
    handwritten: "Manuscrito",
    typed: "Datilografado",
};
