#!/usr/bin/env python3
"""Make the corpus: every essay in ../src typeset by each producer, each PDF
extracted by each tool, and the expected outlines, all from the sources.

  python3 tests/corpus/make/build.py          (from anywhere)
  python3 tests/corpus/make/build.py heldout  the held-out set (../heldout):
                                              LibreOffice only, never tuned to
  python3 tests/corpus/make/build.py ty       (one producer's PDFs only:
                                              lo, wp, ty or xe)
  python3 tests/corpus/make/build.py twocol   the two-column check set (../twocol):
                                              LibreOffice and Typst, both extracted
  python3 tests/corpus/make/build.py fresh    the fresh set (../fresh): all
                                              three producers, each PDF
                                              extracted, scored once before
                                              any rule was written for it
  python3 tests/corpus/make/build.py unseen DIR   (or UNSEEN_ROOT=DIR build.py unseen)
                                              a set kept outside the repository
                                              (DIR/src/*.essay): all four
                                              producers, each PDF extracted

Needs LibreOffice (soffice), WeasyPrint, the typst Python package
(`pip install typst`), XeLaTeX (texlive-xetex, texlive-lang-arabic) and
fontTools, poppler-utils (pdftotext), PyMuPDF and pdfminer.six
(pdf2txt.py); the versions used are written to ../VERSIONS. The tests read
only the committed results.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import essay as essay_mod  # noqa: E402
import fodt  # noqa: E402
import web  # noqa: E402
import typ  # noqa: E402
import tex  # noqa: E402
import outline  # noqa: E402

CORPUS = Path(__file__).resolve().parent.parent


def libreoffice(essay, pdf):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{essay.name}.fodt"
        src.write_text(fodt.document(essay), encoding="utf-8")
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(src)],
                       check=True, capture_output=True)
        shutil.copy(Path(tmp) / f"{essay.name}.pdf", pdf)


def weasyprint(essay, pdf):
    import weasyprint as wp
    wp.HTML(string=web.document(essay)).write_pdf(pdf)


def typst(essay, pdf):
    import typst as ty
    # A fixed date, so that the same source makes the same PDF.
    ty.compile(typ.document(essay).encode("utf-8"), output=str(pdf), timestamp=1795000000)


def xelatex(essay, pdf):
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"{essay.name}.tex"
        src.write_text(tex.document(essay), encoding="utf-8")
        # A fixed date (creation date and document ID), so that the same
        # source makes the same PDF; twice, for the page total (LastPage).
        env = dict(os.environ, SOURCE_DATE_EPOCH="1795000000", FORCE_SOURCE_DATE="1")
        for _ in range(2):
            subprocess.run(["xelatex", "-interaction=nonstopmode", "-halt-on-error", src.name],
                           cwd=tmp, env=env, check=True, capture_output=True)
        shutil.copy(Path(tmp) / f"{essay.name}.pdf", pdf)


PRODUCERS = {"lo": libreoffice, "wp": weasyprint, "ty": typst, "xe": xelatex}
# The extractions are made from these producers' PDFs only: they are the
# text importer's test material (issue 9), kept as they were when the
# Typst PDFs were added for the PDF importer.
EXTRACTED = {"lo", "wp"}


def pymupdf_text(pdf):
    import pymupdf
    # As PyMuPDF's own recipe does: each page's get_text(), a form feed after it.
    return "".join(page.get_text() + "\f" for page in pymupdf.open(pdf))


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


EXTRACTORS = {
    "pdftotext": lambda pdf: run("pdftotext", "-enc", "UTF-8", str(pdf), "-"),
    "pdftotext-layout": lambda pdf: run("pdftotext", "-enc", "UTF-8", "-layout", str(pdf), "-"),
    "pdftotext-raw": lambda pdf: run("pdftotext", "-enc", "UTF-8", "-raw", str(pdf), "-"),
    "pymupdf": pymupdf_text,
    "pdfminer": lambda pdf: run("pdf2txt.py", str(pdf)),
}


def versions():
    import pdfminer
    import pymupdf
    import typst as ty
    import weasyprint as wp
    lo = run("soffice", "--version").strip()
    xetex = run("xelatex", "--version").splitlines()[0]
    poppler = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr.splitlines()[0]
    return "\n".join([lo, f"WeasyPrint {wp.__version__}",
                      f"typst (Python package) {ty.__version__}", xetex, poppler,
                      f"PyMuPDF {pymupdf.VersionBind} (MuPDF {pymupdf.VersionFitz})",
                      f"pdfminer.six {pdfminer.__version__}"]) + "\n"


def main():
    heldout = sys.argv[1:] == ["heldout"]
    twocol = sys.argv[1:] == ["twocol"]
    # The fresh set, and an unseen set whose place is given at run time,
    # so that nothing in the repository points at it.
    unseen = sys.argv[1:2] == ["unseen"]
    fresh = sys.argv[1:] == ["fresh"] or unseen
    root = CORPUS / ("heldout" if heldout else "twocol" if twocol else "fresh" if fresh else "")
    if unseen:
        root = Path(sys.argv[2] if len(sys.argv) > 2 else os.environ["UNSEEN_ROOT"]).resolve()
    producers = ({"lo": libreoffice} if heldout
                 else {"lo": libreoffice, "ty": typst} if twocol else PRODUCERS)
    # The two-column check set and the fresh set are extracted from every
    # producer they use.
    extracted = set(producers) if twocol or fresh else EXTRACTED
    only = set(producers) if heldout or twocol or fresh else (set(sys.argv[1:]) or set(PRODUCERS))
    for sub in ["pdf", "expected"] + [f"text/{t}" for t in EXTRACTORS]:
        (root / sub).mkdir(parents=True, exist_ok=True)
    for src in sorted((root / "src").glob("*.essay")):
        essay = essay_mod.parse(src)
        (root / "expected" / f"{essay.name}.outline").write_text(outline.outline(essay), encoding="utf-8")
        for producer, make in producers.items():
            if producer not in only:
                continue
            pdf = root / "pdf" / f"{essay.name}.{producer}.pdf"
            make(essay, pdf)
            for tool, extract in EXTRACTORS.items() if producer in extracted else []:
                out = root / "text" / tool / f"{essay.name}.{producer}.txt"
                out.write_text(extract(pdf), encoding="utf-8")
            print(pdf.name)
    (root / "VERSIONS").write_text(versions(), encoding="utf-8")


if __name__ == "__main__":
    main()
