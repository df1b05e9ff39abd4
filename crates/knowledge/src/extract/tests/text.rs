use super::{extract, fixture, read, ExtractError, Format};
use crate::extract::text::markdown_title;

#[test]
fn utf8_text_is_cleaned() {
    let got = read(
        b"\xEF\xBB\xBFPremi\xC3\xA8re ligne  \r\n\r\n\r\n\tdeuxi\xC3\xA8me\r\n",
        Format::Text,
    );
    assert_eq!(got.text, "Première ligne\n\n\tdeuxième");
    assert_eq!(got.title, None);
}

#[test]
fn windows_1252_french_is_guessed() {
    let got = read(&fixture("french-cp1252.txt"), Format::Text);
    for word in [
        "château",
        "cœur",
        "forêt",
        "François",
        "révolution",
        "Ça commence",
        "14 €",
    ] {
        assert!(
            got.text.contains(word),
            "{word} missing from {:?}",
            got.text
        );
    }
    assert!(!got.text.contains('\u{FFFD}') && !got.text.contains('\r'));
    assert!(got
        .text
        .starts_with("Le château de Chambord\n\nLe château se dresse"));
}

#[test]
fn iso_8859_1_portuguese_is_guessed() {
    let sentence = "A comissão aprovou a ação e a coordenação da reunião; não há exceções nem \
                    questões pendentes. Próxima sessão em março, às nove horas.";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(sentence);
    assert!(!unmappable);
    assert_eq!(read(&bytes, Format::Text).text, sentence);
}

#[test]
fn utf16_with_a_bom() {
    let got = read(&fixture("portuguese-utf16le-bom.txt"), Format::Text);
    assert!(got
        .text
        .starts_with("Ata da reunião\nA comissão aprovou a ação"));
    assert!(got.text.ends_with("à l'hôtel de ville. 🎉"));

    let mut be = vec![0xFE, 0xFF];
    be.extend("Olá, São Paulo".encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(read(&be, Format::Text).text, "Olá, São Paulo");
}

#[test]
fn utf16_without_a_bom() {
    let le: Vec<u8> = "Crème brûlée\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_eq!(read(&le, Format::Text).text, "Crème brûlée");
}

#[test]
fn utf8_with_a_stray_byte_stays_utf8() {
    // one Latin-1 "é" in UTF-8 text: the UTF-8 is kept, the stray byte becomes U+FFFD
    let mut bytes = "Déjà vu, à côté, très bien, ça va, où êtes-vous ? "
        .as_bytes()
        .to_vec();
    bytes.extend(b"caf\xE9");
    let text = read(&bytes, Format::Text).text;
    assert!(text.starts_with("Déjà vu, à côté"), "{text}");
}

#[test]
fn undecodable_text_is_an_encoding_error() {
    // a UTF-16 BOM followed by unpaired surrogates
    let mut bytes = vec![0xFF, 0xFE];
    for _ in 0..20 {
        bytes.extend([0x00, 0xD8]);
    }
    assert_eq!(extract(&bytes, Format::Text), Err(ExtractError::Encoding));
    // control bytes are no text in any encoding
    let controls: Vec<u8> = (1u8..9).cycle().take(64).collect();
    assert_eq!(
        extract(&controls, Format::Text),
        Err(ExtractError::Encoding)
    );
    assert_eq!(
        extract(&controls, Format::Markdown),
        Err(ExtractError::Encoding)
    );
}

#[test]
fn a_log_coloured_with_ansi_escapes_is_text() {
    let log = "\u{1b}[31mERROR\u{1b}[0m disk\n\u{1b}[32mOK\u{1b}[0m net\n".repeat(5);
    let text = read(log.as_bytes(), Format::Text).text;
    assert!(
        text.starts_with("[31mERROR[0m disk\n[32mOK[0m net"),
        "{text}"
    );
}

#[test]
fn whitespace_only_is_empty() {
    for bytes in [
        &b""[..],
        b"   \r\n\t \n",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE \x00\n\x00",
    ] {
        assert_eq!(
            extract(bytes, Format::Text),
            Err(ExtractError::Empty),
            "{bytes:?}"
        );
        assert_eq!(
            extract(bytes, Format::Markdown),
            Err(ExtractError::Empty),
            "{bytes:?}"
        );
    }
}

#[test]
fn markdown_is_kept_with_its_title() {
    let got = read(&fixture("guide.md"), Format::Markdown);
    assert_eq!(got.title.as_deref(), Some("Guide de l'utilisateur"));
    assert!(got
        .text
        .starts_with("# Guide de l'utilisateur\n\nPrecis lit vos documents"));
    assert!(got.text.contains("\n\n## Ajouter un document\n\n"));
    assert!(got.text.contains("- Les fichiers protégés"));
    assert!(got
        .text
        .ends_with("```text\nExemple : « Quand le château a-t-il été bâti ? »\n```"));
    // the same file as plain text has no title
    assert_eq!(read(&fixture("guide.md"), Format::Text).title, None);
}

#[test]
fn markdown_titles() {
    assert_eq!(markdown_title("# Titre\ntexte").as_deref(), Some("Titre"));
    assert_eq!(
        markdown_title("intro\n\n  # Titre  ##  \n").as_deref(),
        Some("Titre")
    );
    assert_eq!(markdown_title("# C#\n").as_deref(), Some("C#"));
    assert_eq!(markdown_title("## Sub\n# Main").as_deref(), Some("Main"));
    assert_eq!(
        markdown_title("```\n# not a title\n```\n# Title").as_deref(),
        Some("Title")
    );
    assert_eq!(markdown_title("~~~md\n# no\n~~~").as_deref(), None);
    assert_eq!(markdown_title("    # indented code").as_deref(), None);
    assert_eq!(markdown_title("#hashtag\n## Sub").as_deref(), None);
    assert_eq!(markdown_title("# \n#").as_deref(), None);
    // a title is on one line
    let got = read(
        b"#   Un\ttitre   espac\xC3\xA9  \n\ntexte",
        Format::Markdown,
    );
    assert_eq!(got.title.as_deref(), Some("Un titre espacé"));
}
