use super::{extract, fixture, page_pdf, pdf_of, read, ExtractError, Format};
use crate::extract::pdf::repair;

#[test]
fn text_pdf_with_its_title_and_paragraphs() {
    let got = read(&fixture("text.pdf"), Format::Pdf);
    assert_eq!(got.title.as_deref(), Some("Rapport d'essai"));
    let paragraphs: Vec<&str> = got.text.split("\n\n").collect();
    assert_eq!(
        paragraphs,
        [
            "Rapport d'essai",
            "Le café de la gare ouvre à sept heures. Les élèves y révisent leurs leçons avant \
             les cours : français, mathématiques et géographie.",
            "Ce document est un exemple de texte extrait d'un PDF. La façon dont les lignes \
             sont coupées ne doit pas changer les mots que l'on cherche ensuite.",
            "Deuxième page. À São Paulo, le coração de la ville bat au rythme des crêpes et \
             des châteaux imaginaires ; où êtes-vous ?",
            "Fin du document.",
        ]
    );
}

#[test]
fn a_scan_has_no_text_layer() {
    assert_eq!(
        extract(&fixture("image-only.pdf"), Format::Pdf),
        Err(ExtractError::ImageOnlyPdf)
    );
    // pages with marks but no letters
    let digits = page_pdf("BT /F1 12 Tf 20 250 Td (12 345) Tj ET", None);
    assert_eq!(
        extract(&digits, Format::Pdf),
        Err(ExtractError::ImageOnlyPdf)
    );
}

fn damaged(bytes: &[u8]) -> String {
    match extract(bytes, Format::Pdf) {
        Err(ExtractError::DamagedPdf { why }) => why,
        other => panic!("expected DamagedPdf, got {other:?}"),
    }
}

#[test]
fn damaged_pdfs() {
    assert!(!damaged(&fixture("truncated.pdf")).is_empty());
    assert!(!damaged(b"%PDF-1.4\nnothing else").is_empty());
    assert!(!damaged(b"").is_empty());
    assert!(!damaged(b"plain text, not a PDF").is_empty());
}

#[test]
fn password_protected_pdfs() {
    assert!(damaged(&fixture("locked.pdf")).contains("password"));
    // encrypted with an owner password only: opens without one
    assert_eq!(
        read(&fixture("owner-only.pdf"), Format::Pdf).text,
        "Texte chiffré : un document protégé."
    );
}

#[test]
fn a_panic_in_the_pdf_reader_is_a_damaged_pdf() {
    // showing text before choosing a font makes pdf-extract unwrap a None
    let why = damaged(&page_pdf("BT 20 250 Td (Hello) Tj ET", None));
    assert!(why.starts_with("the PDF reader failed"), "{why}");
}

#[test]
fn a_hand_made_pdf_and_its_utf16_title() {
    let info = "<< /Title <FEFF00C9007400E900A0> /Producer (test) >>";
    let got = read(
        &page_pdf(
            "BT /F1 12 Tf 20 250 Td (Bonjour le monde) Tj ET",
            Some(info),
        ),
        Format::Pdf,
    );
    assert_eq!(got.text, "Bonjour le monde");
    assert_eq!(got.title.as_deref(), Some("Été"));
    // a blank title is none
    let got = read(
        &page_pdf("BT /F1 12 Tf 20 250 Td (x) Tj ET", Some("<< /Title ( ) >>")),
        Format::Pdf,
    );
    assert_eq!(got.title, None);
}

#[test]
fn a_pdf_without_pages_is_empty() {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [] /Count 0 >>".to_string(),
    ];
    assert_eq!(
        extract(&pdf_of(&objects, ""), Format::Pdf),
        Err(ExtractError::Empty)
    );
}

#[test]
fn line_breaks_are_repaired() {
    assert_eq!(repair("un exem-\nple simple"), "un exemple simple");
    assert_eq!(
        repair("une ligne\ncoupée\n\nautre paragraphe"),
        "une ligne coupée\n\nautre paragraphe"
    );
    // a hyphen that is not a cut word is kept, without a space
    assert_eq!(repair("Jean-\nPierre"), "Jean-Pierre");
    assert_eq!(repair("de 2019-\n2020"), "de 2019-2020");
    assert_eq!(repair("avant -\naprès"), "avant - après");
    // list items keep their lines
    assert_eq!(
        repair("Liste :\n• un\n• deux\n1. trois\n12) quatre"),
        "Liste :\n• un\n• deux\n1. trois\n12) quatre"
    );
    // form feeds are page breaks
    assert_eq!(repair("page un\u{c}page deux"), "page un\n\npage deux");
    assert_eq!(repair("  espaces  \n\n\n\n  autour  "), "espaces\n\nautour");
}
