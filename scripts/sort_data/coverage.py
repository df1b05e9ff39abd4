"""Glyph coverage of the Sort fonts for French, English and Portuguese text.

    python coverage.py DATA_DIR > coverage.tsv      (needs fontTools: the tools venv)

One row per font file under DATA_DIR/fonts/<class>/<family>/: how many characters it maps, and
which characters of the required set (French and Portuguese letters, €, typographic quotes) it
lacks, either unmapped or mapped to an empty glyph. A renderer should not give a font text with
characters it lacks.
"""
import logging
import os
import sys

from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

REQUIRED = "éèàçôãõ€"
FRENCH = "âêëîïûùüÿœæÉÈÀÂÇÊÎÔŒ«»’"
PORTUGUESE = "áíóúÁÍÓÚÃÕ"
SPACELESS = set(" \u00a0")

logging.getLogger("fontTools").setLevel(logging.ERROR)  # old fonts' harmless table quirks
data = sys.argv[1]
print("class\tfamily\tfile\tmapped\tmissing_required\tmissing_other")
for cls in ("handwritten", "typed"):
    root = os.path.join(data, "fonts", cls)
    for family in sorted(os.listdir(root)) if os.path.isdir(root) else []:
        for name in sorted(os.listdir(os.path.join(root, family))):
            path = os.path.join(root, family, name)
            font = TTFont(path, lazy=True)
            cmap = font.getBestCmap() or {}
            glyphs = font.getGlyphSet()

            def lacks(ch):
                g = cmap.get(ord(ch))
                if g is None:
                    return True
                pen = BoundsPen(glyphs)
                glyphs[g].draw(pen)
                return pen.bounds is None and ch not in SPACELESS

            req = "".join(c for c in REQUIRED if lacks(c)) or "-"
            other = "".join(c for c in FRENCH + PORTUGUESE if lacks(c)) or "-"
            print(f"{cls}\t{family}\t{name}\t{len(cmap)}\t{req}\t{other}")
