"""Renders page 1 of a scanned PDF to a PNG at the resolution of its largest embedded image.

    python pdf_to_png.py IN.pdf OUT.png      (needs pypdfium2 and Pillow: the tools venv)

The ocrmypdf test scans are single-image pages; rendering the page (rather than dumping the
image) keeps any rotation or mask the PDF applies. Greyscale output, as the scans are.
"""
import sys

import pypdfium2 as pdfium

src, dst = sys.argv[1:3]
pdf = pdfium.PdfDocument(src)
page = pdf[0]
width_pt, _ = page.get_size()
pixels = max((o.get_metadata().width for o in page.get_objects(max_depth=3) if o.type == 3), default=0)
scale = pixels / width_pt if pixels else 300 / 72
page.render(scale=scale, grayscale=True).to_pil().convert("L").save(dst, optimize=True)
