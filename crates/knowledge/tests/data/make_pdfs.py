"""Makes the PDF fixtures of this folder (run with fpdf2 installed: pip install fpdf2).

text.pdf: two pages of French text in a core font (WinAnsi), a title in its Info dictionary,
a heading, paragraphs wrapped by the layout (loose leading on page 1, tight on page 2), a word
hyphenated across a line break.
image-only.pdf: one page holding only an image (a scan has no text layer).
truncated.pdf: the first 40% of text.pdf's bytes.
locked.pdf: one page, encrypted with a user password (cannot be opened without it).
owner-only.pdf: one page, encrypted with an owner password only (opens without a password).
"""
from datetime import datetime, timezone
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw

HERE = Path(__file__).parent
FIXED_DATE = datetime(2025, 1, 1, tzinfo=timezone.utc)

PARAGRAPHS_1 = [
    "Le café de la gare ouvre à sept heures. Les élèves y révisent leurs leçons "
    "avant les cours : français, mathématiques et géographie.",
    "Ce document est un exem-\nple de texte extrait d'un PDF. La façon dont les lignes "
    "sont coupées ne doit pas changer les mots que l'on cherche ensuite.",
]
PARAGRAPHS_2 = [
    "Deuxième page. À São Paulo, le coração de la ville bat au rythme des crêpes "
    "et des châteaux imaginaires ; où êtes-vous ?",
    "Fin du document.",
]


def text_pdf() -> bytes:
    pdf = FPDF(format="A5")
    pdf.set_title("Rapport d'essai")
    pdf.set_author("Precis")
    pdf.set_creation_date(FIXED_DATE)
    # page 1: a heading, loose leading (1.55 em); page 2: tight leading (1.3 em)
    for page, leading in ((PARAGRAPHS_1, 6), (PARAGRAPHS_2, 5)):
        pdf.add_page()
        if page is PARAGRAPHS_1:
            pdf.set_font("Helvetica", style="B", size=16)
            pdf.multi_cell(0, 8, "Rapport d'essai")
            pdf.ln(4)
        pdf.set_font("Helvetica", size=11)
        for paragraph in page:
            pdf.multi_cell(0, leading, paragraph)
            pdf.ln(leading)
    return bytes(pdf.output())


def encrypted_pdf(user_password: str) -> bytes:
    pdf = FPDF(format=(105, 148))
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_encryption(owner_password="owner", user_password=user_password)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "Texte chiffré : un document protégé.")
    return bytes(pdf.output())


def image_only_pdf() -> bytes:
    image = Image.new("L", (120, 80), 255)
    draw = ImageDraw.Draw(image)
    for y in range(10, 70, 12):
        draw.rectangle((10, y, 110, y + 5), fill=40)
    pdf = FPDF(format=(105, 148))
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_page()
    pdf.image(image, x=10, y=10, w=80)
    return bytes(pdf.output())


if __name__ == "__main__":
    text = text_pdf()
    (HERE / "text.pdf").write_bytes(text)
    (HERE / "image-only.pdf").write_bytes(image_only_pdf())
    (HERE / "locked.pdf").write_bytes(encrypted_pdf("secret"))
    (HERE / "owner-only.pdf").write_bytes(encrypted_pdf(""))
    (HERE / "truncated.pdf").write_bytes(text[: len(text) * 2 // 5])
