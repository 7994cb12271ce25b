"""An essay as a Typst document: real `footnote`s (numbered by Typst,
raised markers, a rule above the notes), a running header that differs
between odd and even pages, a page number in the footer (Latin or
Arabic-Indic), one or two columns. Every piece of the essay's text goes in
as a Typst string, so no character of it is read as markup."""

from essay import NOTE


def string(text):
    """A Typst string literal holding `text` exactly."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_number(essay):
    """The footer's page number: a Typst numbering pattern or function."""
    digits = "١" if essay.settings.get("digits") == "arabic" else "1"
    kind = essay.settings.get("page_number", "plain")
    if kind == "dashes":
        return f'"- {digits} -"'
    if kind == "parens":
        return f'"({digits})"'
    if kind == "of_total":
        return f'(n, total) => "صفحة " + numbering("{digits}", n) + " من " + numbering("{digits}", total)'
    return f'"{digits}"'


def inline(text):
    """Paragraph text as Typst code: strings, and footnotes where the
    source has its [^notes]."""
    out, last = [], 0
    for m in NOTE.finditer(text):
        out.append(f"#{string(text[last : m.start()])}")
        body = m.group(1)
        if body.startswith("*"):
            # Labelled `*`, and taken back out of the numbering.
            out.append(f'#footnote(numbering: _ => "*", {string(body[1:])})'
                       "#counter(footnote).update(n => n - 1)")
        else:
            out.append(f"#footnote({string(body)})")
        last = m.end()
    out.append(f"#{string(text[last:])}")
    return "".join(out)


def body(essay):
    parts = []
    for section in essay.sections:
        en = section.lang == "en"
        # A section in English is set left to right, hyphenated.
        parts.append('#[#set text(lang: "en", hyphenate: true)' if en else "#[")
        parts.append(f"#heading(level: 2, {string(section.title)})\n")
        items = [b for b in section.blocks if b.kind == "item"]
        for block in section.blocks:
            if block.kind == "item":
                if block is items[0]:
                    parts.append("#list(" + ", ".join(f"[{inline(b.text)}]" for b in items) + ")\n")
                continue
            parts.append(inline(block.text) + "\n")
        parts.append("]\n")
    return "\n".join(parts)


def document(essay):
    s = essay.settings
    columns = int(s.get("columns", "1"))
    pt = "9.5pt" if columns > 1 else "11pt"
    title = (f"#align(center, text(size: 16pt, weight: \"bold\", {string(s['title'])}))\n"
             f"#align(center)[{inline(s['author'])}]\n")
    if columns > 1:
        title = f"#place(top, float: true, scope: \"parent\", clearance: 1em)[\n{title}]\n"
    return f"""// Made by tests/corpus/make/typ.py from {essay.name}.essay
#set page(paper: "a5", margin: (x: 1.6cm, y: 1.8cm), columns: {columns},
  numbering: {page_number(essay)}, number-align: center,
  header: context {{
    set text(size: 9pt)
    align(center, if calc.odd(here().page()) {{ {string(s['journal'])} }} else {{ {string(s['journal_even'])} }})
  }})
#set columns(gutter: 0.8cm)
#set text(font: ({string(s['font_typst'])}, "DejaVu Sans"), size: {pt}, lang: "ar")
#set par(justify: true, first-line-indent: (amount: 1em, all: true), leading: 0.75em)
#set footnote.entry(separator: line(length: 30%, stroke: 0.5pt))
#show footnote.entry: set text(size: 9pt)
#show heading: set text(size: 13pt, weight: "bold")
#show heading: set block(above: 1.2em, below: 0.6em)
{title}
{body(essay)}
"""
