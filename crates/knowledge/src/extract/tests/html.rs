use super::{extract, fixture, read, ExtractError, Format};

#[test]
fn the_article_without_what_surrounds_it() {
    let got = read(&fixture("article.html"), Format::Html);
    assert_eq!(
        got.title.as_deref(),
        Some("Le pain au levain & ses secrets")
    );
    let text = &got.text;
    assert!(
        text.starts_with("Le levain est un mélange de farine et d'eau"),
        "{text}"
    );
    for noise in [
        "SCRIPT_TEXT",
        "NAV_TEXT",
        "FOOTER_TEXT",
        "ASIDE_TEXT",
        "Accueil",
        "tracker",
    ] {
        assert!(!text.contains(noise), "{noise} in {text}");
    }
    // no tags, entities decoded (&#39; &rsquo; &#x27; &nbsp;)
    for markup in ["<", ">", "&amp;", "&rsquo;", "&nbsp;", "&#"] {
        assert!(!text.contains(markup), "{markup} in {text}");
    }
    assert!(text.contains("qu’il contient") && text.contains("350 g d'eau"));
    // headings on their own lines, blank lines between blocks
    assert!(text.contains("avec la même farine.\n\nPréparer la pâte\n\nMélangez 500"));
    assert!(text.contains("\n\nLa cuisson\n\nPréchauffez"));
    assert!(!text.contains("\n\n\n"));
}

#[test]
fn a_short_page_is_read_whole_without_menus_and_scripts() {
    let page = "<html><head><title> Court </title><style>p{color:red}</style></head><body>\
                <nav>Menu</nav><h1>Bonjour</h1><p>Un court paragraphe.</p>\
                <ul><li>un</li><li>deux</li></ul>Premier<br>Second\
                <script>alert('x')</script><footer>Pied</footer></body></html>";
    let got = read(page.as_bytes(), Format::Html);
    assert_eq!(
        got.text,
        "Bonjour\n\nUn court paragraphe.\n\nun\ndeux\n\nPremier\nSecond"
    );
    assert_eq!(got.title.as_deref(), Some("Court"));
}

#[test]
fn title_from_the_first_h1_without_a_title_element() {
    let got = read(
        b"<body><h1>Le  titre</h1><h1>Autre</h1><p>Texte.</p></body>",
        Format::Html,
    );
    assert_eq!(got.title.as_deref(), Some("Le titre"));
    assert_eq!(read(b"<p>Sans titre.</p>", Format::Html).title, None);
}

#[test]
fn entities_and_fragments() {
    let got = read(
        b"<p>Caf&eacute; &amp; cr&egrave;me &lt;b&gt; &#128512;</p>",
        Format::Html,
    );
    assert_eq!(got.text, "Café & crème <b> 😀");
}

#[test]
fn declared_charsets() {
    let page = "<html><head><meta charset=\"windows-1252\"><title>Café</title></head>\
                <body><p>Crème brûlée à la française, 3 €.</p></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
    let got = read(&bytes, Format::Html);
    assert_eq!(got.text, "Crème brûlée à la française, 3 €.");
    assert_eq!(got.title.as_deref(), Some("Café"));

    let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; \
                charset=ISO-8859-1\"></head><body><p>Ação e coração.</p></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
    assert_eq!(read(&bytes, Format::Html).text, "Ação e coração.");

    // a page saved as UTF-8 that still declares Windows-1252 is read as UTF-8
    let page = "<meta charset=windows-1252><p>Déjà là.</p>";
    assert_eq!(read(page.as_bytes(), Format::Html).text, "Déjà là.");
}

#[test]
fn undeclared_charsets() {
    // no declaration, not UTF-8: guessed
    let page = "<html><body><p>Le château, la forêt et les élèves à l'école.</p></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(page);
    assert_eq!(
        read(&bytes, Format::Html).text,
        "Le château, la forêt et les élèves à l'école."
    );
    // a BOM wins over everything
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("<p>Olá</p>".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(read(&utf16, Format::Html).text, "Olá");
}

#[test]
fn a_page_without_text_is_empty() {
    let page = b"<html><head><script>only()</script></head><body><script>x()</script>\
                 <nav>Menu</nav><img src=a.png></body></html>";
    assert_eq!(extract(page, Format::Html), Err(ExtractError::Empty));
    assert_eq!(extract(b"", Format::Html), Err(ExtractError::Empty));
}
