"""The retrieval benchmark's corpus: the Debian FAQ's chapters (HTML, DocBook output) to plain text.

    python3 bench/retrieval/corpus.py SRC_DIR LANG OUT_DIR

SRC_DIR holds `<chapter>.<lang>.html`; OUT_DIR gets one `<chapter>.txt` per chapter (title on the
first line, then one paragraph per block, blank lines between) and `manifest.json` (id, title,
file, chars, sha256). Standard library only: the text must come out the same on every machine,
because the questions' gold spans are substrings of it.
"""

import hashlib
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

# Chapters of the Debian FAQ 11.1 (index.*.html is the table of contents: left out).
CHAPTERS = [
    "basic-defs", "getting-debian", "choosing", "compatibility", "software", "ftparchives",
    "pkg-basics", "pkgtools", "uptodate", "kernel", "customizing", "support", "contributing",
    "redistributing", "nextrelease", "faqinfo",
]
BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "dt", "dd", "pre", "tr", "div", "blockquote", "title"}
SKIP_CLASSES = {"navheader", "navfooter", "toc"}


class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.buf: list[str] = []
        self.stack: list[tuple[str, bool]] = []  # (tag, skipping)
        self.pre = 0
        self.title = ""
        self.in_title = False

    def skipping(self) -> bool:
        return bool(self.stack) and self.stack[-1][1]

    def flush(self):
        text = "".join(self.buf)
        self.buf = []
        if self.pre:
            text = "\n".join(line.rstrip() for line in text.strip("\n").splitlines())
        else:
            text = re.sub(r"\s+", " ", text).strip()
        if text:
            self.blocks.append(text)

    def handle_starttag(self, tag, attrs):
        if tag in {"br", "img", "hr", "meta", "link"}:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skip = self.skipping() or bool(classes & SKIP_CLASSES) or tag in {"head", "style", "script"}
        if tag in BLOCKS and not skip:
            self.flush()
        if tag == "pre" and not skip:
            self.pre += 1
        self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        if tag in {"br", "img", "hr", "meta", "link"}:
            return
        # pop to the matching tag (the HTML is well formed XHTML; be lenient anyway)
        while self.stack:
            t, skip = self.stack.pop()
            if t == "pre" and not skip:
                self.pre -= 1 if tag == "pre" else 0
            if t == tag:
                break
        if tag in BLOCKS and not self.skipping():
            self.flush()

    def handle_data(self, data):
        if not self.skipping():
            self.buf.append(data)


def convert(path: Path) -> tuple[str, str]:
    html = path.read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    parser = Text()
    parser.feed(html)
    parser.flush()
    name = re.sub(r"\s+", " ", title.group(1)).strip() if title else path.stem
    return name, "\n\n".join(parser.blocks) + "\n"


def main():
    src, lang, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for ch in CHAPTERS:
        title, text = convert(src / f"{ch}.{lang}.html")
        (out / f"{ch}.txt").write_text(text, encoding="utf-8")
        manifest.append({"id": ch, "title": title, "file": f"{ch}.txt", "chars": len(text),
                         "sha256": hashlib.sha256(text.encode()).hexdigest()})
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n")
    print(f"{lang}: {len(manifest)} documents, {sum(m['chars'] for m in manifest)} characters")


if __name__ == "__main__":
    main()
