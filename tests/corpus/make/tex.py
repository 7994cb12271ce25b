"""An essay as a XeLaTeX document (polyglossia and bidi, an OpenType Arabic
font): LaTeX's own footnotes (numbered, raised markers, a rule, a long note
split across pages by TeX itself), `*` notes with their own label, a
running header that differs between odd and even pages (fancyhdr), a page
number in the footer (Latin or Arabic-Indic digits), one or two columns.
Every piece of the essay's text is escaped, so no character of it is read
as markup; Latin runs inside Arabic sentences are set left to right."""

import re
import subprocess
from functools import lru_cache

from essay import NOTE

# Fonts with Latin letters of their own; with any other Arabic font the
# Latin text is set in DejaVu Sans, so its lines mix two fonts as
# Typst's do.
LATIN_IN_FONT = {"Amiri", "DejaVu Sans"}
SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&",
           "#": r"\#", "^": r"\textasciicircum{}", "_": r"\_", "%": r"\%", "~": r"\textasciitilde{}"}
# A run of Latin script inside Arabic text: from a Latin letter (or an
# opening bracket or digit right before one) to the last Latin letter,
# digit or closing bracket, spaces and ASCII punctuation inside it.
LATIN = "A-Za-z\u00c0-\u024f\u02be\u02bf\u1e00-\u1eff"
LATIN_RUN = re.compile(rf"[(\[]?[0-9]*[{LATIN}][{LATIN}0-9 .,:;'\-–/&]*[{LATIN}0-9.)\]]")
MIRROR = str.maketrans("()[]{}<>", ")(][}{><")


@lru_cache(maxsize=None)
def font_chars(family):
    """The characters `family` has glyphs for (XeTeX has no font fallback:
    a character the font lacks would come out as .notdef, unreadable)."""
    from fontTools.ttLib import TTFont
    path = subprocess.run(["fc-match", "-f", "%{file}", family], check=True,
                          capture_output=True, text=True).stdout
    return frozenset(chr(c) for c in TTFont(path, fontNumber=0).getBestCmap())


def escape(text, font=None):
    """`text` with TeX's special characters escaped; characters `font`
    lacks (Noto Kufi Arabic has no ASCII punctuation) set in the Latin
    font."""
    out = []
    for c in text:
        if font and not c.isspace() and c not in font_chars(font):
            # Alone in a Latin font, a bracket is not mirrored as the
            # Arabic font's own would be in a right-to-left line: draw the
            # mirror image, as a mirroring producer does.
            c = c.translate(MIRROR)
            e = r"{\latinfont " + SPECIAL.get(c, c) + "}"
        else:
            e = SPECIAL.get(c, c)
        out.append(e)
    return "".join(out)


# The Arabic font of the document being written (set by document()).
ARABIC_FONT = "Amiri"


def arabic_text(text):
    """Arabic text with its Latin runs set left to right (in \\textenglish:
    TeX would otherwise set their words right to left)."""
    out, last = [], 0
    for m in LATIN_RUN.finditer(text):
        out.append(escape(text[last : m.start()], ARABIC_FONT))
        out.append(r"\textenglish{" + escape(m.group(0)) + "}")
        last = m.end()
    out.append(escape(text[last:], ARABIC_FONT))
    return "".join(out)


def inline(text, en=False):
    """Paragraph text with its [^notes] as \\footnote (numbered) or
    \\starnote (`*`)."""
    setter = escape if en else arabic_text
    out, last = [], 0
    for m in NOTE.finditer(text):
        out.append(setter(text[last : m.start()]))
        body = m.group(1)
        if body.startswith("*"):
            out.append(r"\starnote{" + arabic_text(body[1:]) + "}")
        else:
            out.append(r"\footnote{" + arabic_text(body) + "}")
        last = m.end()
    out.append(setter(text[last:]))
    return "".join(out)


def page_number(essay):
    """The footer: the page number in the essay's style; `\\digits` turns
    a number into the essay's digits."""
    kind = essay.settings.get("page_number", "plain")
    page = r"\digits{\thepage}"
    total = r"\digits{\getpagerefnumber{LastPage}}"
    if kind in ("dashes", "dashes_latin"):
        return arabic_text("- ") + page + arabic_text(" -")
    if kind == "parens":
        return arabic_text("(") + page + arabic_text(")")
    if kind == "of_total":
        return arabic_text("صفحة ") + page + arabic_text(" من ") + total
    return page


def body(essay):
    parts = []
    for section in essay.sections:
        en = section.lang == "en"
        if en:
            parts.append(r"\begin{english}")
        parts.append(r"\essayheading{" + (escape if en else arabic_text)(section.title) + "}")
        items = []
        for block in section.blocks:
            if block.kind == "item":
                items.append(r"\item " + inline(block.text, en))
                continue
            if items:
                parts += [r"\begin{itemize}", *items, r"\end{itemize}"]
                items = []
            parts.append(inline(block.text, en) + "\n")
        if items:
            parts += [r"\begin{itemize}", *items, r"\end{itemize}"]
        if en:
            parts.append(r"\end{english}")
    return "\n".join(parts)


def document(essay):
    global ARABIC_FONT
    s = essay.settings
    font = ARABIC_FONT = s.get("font_tex", "Amiri")
    latin = font if font in LATIN_IN_FONT else "DejaVu Sans"
    columns = int(s.get("columns", "1"))
    size = "10pt" if columns > 1 else "11pt"
    note_max = s.get("note_max", "3.5cm")
    indic = "true" if s.get("digits") == "arabic" else "false"
    title = (r"\begin{center}{\fontsize{16}{22}\selectfont\bfseries " + arabic_text(s["title"]) + r"\par}"
             + r"\vspace{0.8ex}" + inline(s["author"]) + r"\par\end{center}\vspace{1ex}")
    start = rf"\twocolumn[{title}]" if columns > 1 else title
    return rf"""% Made by tests/corpus/make/tex.py from {essay.name}.essay
\documentclass[{size},twoside{",twocolumn" if columns > 1 else ""}]{{article}}
\usepackage[a5paper,hmargin=1.6cm,top=1.8cm,bottom=1.8cm,headsep=0.5cm,footskip=0.9cm,columnsep=0.8cm]{{geometry}}
\usepackage{{fancyhdr}}
\usepackage{{lastpage}}
\usepackage{{refcount}}
\usepackage{{fontspec}}
\usepackage{{polyglossia}}
\setmainlanguage[numerals=maghrib]{{arabic}}
\setotherlanguage{{english}}
\setmainfont{{{latin}}}
% Without `locl`: the Noto fonts' local forms of punctuation have no
% Unicode in the PDF's map (they came out as U+FFFD).
\newfontfamily\arabicfont[Script=Arabic,RawFeature={{-locl}}]{{{font}}}
\newfontfamily\arabicfontsf[Script=Arabic,RawFeature={{-locl}}]{{{font}}}
\newfontfamily\englishfont{{{latin}}}
\newfontfamily\latinfont{{{latin}}}
\renewcommand\labelitemi{{{{\latinfont\textbullet}}}}
% Only the page numbers take Arabic-Indic digits, as in the other producers.
\newif\ifindic \indic{indic}
\makeatletter
\newcommand\digits[1]{{\ifindic\expandafter\hamish@indic\expandafter{{\the\numexpr#1\relax}}\else#1\fi}}
\def\hamish@indic#1{{\hamish@digit#1\relax}}
\def\hamish@digit#1{{\ifx#1\relax\else\ifcase#1 ٠\or ١\or ٢\or ٣\or ٤\or ٥\or ٦\or ٧\or ٨\or ٩\fi\expandafter\hamish@digit\fi}}
\makeatother
% A note labelled `*`, outside the numbering.
% Its star in the Latin font: not every Arabic font has one.
\DeclareRobustCommand\starlabel{{{{\latinfont *}}}}
\newcommand\starnote[1]{{{{\renewcommand\thefootnote{{\starlabel}}\footnote{{#1}}\addtocounter{{footnote}}{{-1}}}}}}
\newcommand\essayheading[1]{{\par\addvspace{{1.2ex}}{{\fontsize{{13}}{{17}}\selectfont\bfseries #1\par}}\nobreak\vspace{{0.5ex}}\nobreak}}
\setlength{{\parindent}}{{1em}}
\setlength{{\parskip}}{{0.3ex plus 0.2ex}}
% The notes' share of a page is capped, as LibreOffice's note area is, so
% a long note runs on to the next page.
\dimen\footins={note_max}
\interfootnotelinepenalty=100
\pagestyle{{fancy}}
\fancyhf{{}}
\renewcommand\headrulewidth{{0pt}}
\fancyhead[CO]{{\small {arabic_text(s["journal"])}}}
\fancyhead[CE]{{\small {arabic_text(s["journal_even"])}}}
\fancyfoot[C]{{\small {page_number(essay)}}}
\begin{{document}}
{start}
{body(essay)}
\end{{document}}
"""
