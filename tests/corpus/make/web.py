"""An essay as HTML + CSS paged media for WeasyPrint: running headers that
alternate between left and right pages, page counters (Latin or
Arabic-Indic), `float: footnote` notes, hyphenated English."""

from html import escape

from essay import NOTE


def page_number(essay):
    style = "arabic-indic" if essay.settings.get("digits") == "arabic" else "decimal"
    number = f"counter(page, {style})"
    kind = essay.settings.get("page_number", "plain")
    if kind == "dashes":
        return f'"- " {number} " -"'
    if kind == "parens":
        return f'"(" {number} ")"'
    if kind == "of_total":
        return f'"صفحة " {number} " من " counter(pages, {style})'
    return number


def inline(text):
    """Paragraph text with its [^notes] as footnote spans; a `*` note gets
    the class `star` (its own label, outside the numbering)."""
    out, last = [], 0
    for m in NOTE.finditer(text):
        out.append(escape(text[last : m.start()]))
        body = m.group(1)
        if body.startswith("*"):
            out.append(f'<span class="fn star">{escape(body[1:])}</span>')
        else:
            out.append(f'<span class="fn">{escape(body)}</span>')
        last = m.end()
    out.append(escape(text[last:]))
    return "".join(out)


def body(essay):
    parts = [f'<h1>{escape(essay.settings["title"])}</h1>',
             f'<p class="author">{inline(essay.settings["author"])}</p>']
    for section in essay.sections:
        lang = section.lang
        attrs = ' lang="en" dir="ltr"' if lang == "en" else ' lang="ar"'
        parts.append(f"<section{attrs}><h2>{escape(section.title)}</h2>")
        items = []
        for block in section.blocks:
            if block.kind == "item":
                items.append(f"<li>{inline(block.text)}</li>")
                continue
            if items:
                parts.append(f'<ul>{"".join(items)}</ul>')
                items = []
            parts.append(f"<p>{inline(block.text)}</p>")
        if items:
            parts.append(f'<ul>{"".join(items)}</ul>')
        parts.append("</section>")
    return "\n".join(parts)


def document(essay):
    s = essay.settings
    columns = int(s.get("columns", "1"))
    size = "A5"
    pt = "9.5pt" if columns > 1 else "11pt"
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{escape(s["title"])}</title>
<style>
@page {{ size: {size}; margin: 1.8cm 1.6cm;
  @bottom-center {{ content: {page_number(essay)}; font-size: 9pt; }} }}
@page :right {{ @top-center {{ content: "{s["journal"]}"; font-size: 9pt; }} }}
@page :left {{ @top-center {{ content: "{s["journal_even"]}"; font-size: 9pt; }} }}
@page {{ @footnote {{ max-height: 35%; border-top: 0.5pt solid black; padding-top: 4pt; }} }}
html {{ font-family: "{s["font_web"]}"; font-size: {pt}; line-height: 1.5; }}
body {{ {"column-count: 2; column-gap: 0.8cm;" if columns > 1 else ""} }}
h1 {{ font-size: 16pt; text-align: center; column-span: all; }}
p.author {{ text-align: center; text-indent: 0; column-span: all; }}
h2 {{ font-size: 13pt; margin: 0.8em 0 0.3em; }}
p {{ margin: 0 0 0.4em; text-align: justify; text-indent: 1em; }}
section[lang=en] p {{ hyphens: auto; }}
.fn {{ float: footnote; font-size: 9pt; text-indent: 0; }}
::footnote-call {{ content: counter(footnote); vertical-align: super; font-size: 70%; }}
::footnote-marker {{ content: counter(footnote) ". "; }}
.fn.star {{ counter-increment: footnote -1; }}
.fn.star::footnote-call {{ content: "*"; }}
.fn.star::footnote-marker {{ content: "* "; }}
</style></head>
<body>
{body(essay)}
</body></html>
"""
