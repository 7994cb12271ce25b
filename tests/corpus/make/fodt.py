"""An essay as a flat ODT (.fodt) for LibreOffice: real text:note
footnotes, a header that alternates between odd and even pages, a footer
with the page number (Latin or Arabic-Indic digits), one or two columns."""

from xml.sax.saxutils import escape

from essay import NOTE

ARABIC_INDIC = "١, ٢, ٣, ..."
PAGE_SIZES = {"a5": ("14.8cm", "21cm"), "a4": ("21cm", "29.7cm"), "letter": ("21.59cm", "27.94cm")}


def page_number(essay):
    digits = ARABIC_INDIC if essay.settings.get("digits") == "arabic" else "1"
    number = f'<text:page-number style:num-format="{digits}" text:select-page="current"/>'
    style = essay.settings.get("page_number", "plain")
    if style in ("dashes", "dashes_latin"):
        return f"- {number} -"
    if style == "parens":
        return f"({number})"
    if style == "of_total":
        total = f'<text:page-count style:num-format="{digits}"/>'
        return f"صفحة {number} من {total}"
    return number


def inline(text):
    """Paragraph text with its [^notes] as text:note elements."""
    out, last, n = [], 0, inline.counter
    for m in NOTE.finditer(text):
        out.append(escape(text[last : m.start()]))
        body = m.group(1)
        if body.startswith("*"):
            inline.stars += 1
            ident, citation, body = f"star{inline.stars}", '<text:note-citation text:label="*">*</text:note-citation>', body[1:]
        else:
            n += 1
            ident, citation = f"ftn{n}", f"<text:note-citation>{n}</text:note-citation>"
        out.append(
            f'<text:note text:id="{ident}" text:note-class="footnote">'
            f"{citation}<text:note-body>"
            f'<text:p text:style-name="Footnote">{escape(body)}</text:p>'
            f"</text:note-body></text:note>"
        )
        last = m.end()
    out.append(escape(text[last:]))
    inline.counter = n
    return "".join(out)


def body(essay):
    inline.counter, inline.stars = 0, 0
    parts = [f'<text:p text:style-name="Title">{escape(essay.settings["title"])}</text:p>',
             f'<text:p text:style-name="Author">{inline(essay.settings["author"])}</text:p>']
    for section in essay.sections:
        en = section.lang == "en"
        parts.append(
            f'<text:h text:style-name="{"HeadingEn" if en else "Heading"}" '
            f'text:outline-level="2">{escape(section.title)}</text:h>'
        )
        items = []
        for block in section.blocks:
            if block.kind == "item":
                items.append(f'<text:list-item><text:p text:style-name="Body">{inline(block.text)}</text:p></text:list-item>')
                continue
            if items:
                parts.append(f'<text:list text:style-name="Bullets">{"".join(items)}</text:list>')
                items = []
            style = "BodyEn" if en else "Body"
            parts.append(f'<text:p text:style-name="{style}">{inline(block.text)}</text:p>')
        if items:
            parts.append(f'<text:list text:style-name="Bullets">{"".join(items)}</text:list>')
    return "\n".join(parts)


def document(essay):
    s = essay.settings
    font = s["font_lo"]
    columns = int(s.get("columns", "1"))
    size = PAGE_SIZES[s.get("page_size", "a5")]
    column_xml = (f'<style:columns fo:column-count="{columns}" fo:column-gap="0.8cm"/>'
                  if columns > 1 else "")
    pt = s.get("font_size", "9.5pt" if columns > 1 else "11pt")
    note_max = s.get("note_max", "4.5cm")
    restart = "page" if s.get("note_restart") == "page" else "document"
    affixes = ' style:num-prefix="(" style:num-suffix=")"' if s.get("note_format") == "parens" else ""
    ar = f'style:font-name-complex="{font}" style:language-complex="ar" style:country-complex="SA"'
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="{font}" svg:font-family="'{font}'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties style:writing-mode="rl-tb" fo:text-align="justify"/>
  <style:text-properties style:font-name="{font}" fo:font-size="{pt}" {ar}
   style:font-size-complex="{pt}" fo:language="en" fo:country="GB"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:margin-bottom="0.2cm" fo:text-indent="0.5cm"/>
 </style:style>
 <style:style style:name="BodyEn" style:family="paragraph" style:parent-style-name="Body">
  <style:paragraph-properties style:writing-mode="lr-tb"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.3cm"/>
  <style:text-properties fo:font-size="16pt" style:font-size-complex="16pt" fo:font-weight="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="Author" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
  <style:text-properties fo:font-size="13pt" style:font-size-complex="13pt" fo:font-weight="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="HeadingEn" style:family="paragraph" style:parent-style-name="Heading">
  <style:paragraph-properties style:writing-mode="lr-tb" fo:text-align="start"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:text-properties fo:font-size="9pt" style:font-size-complex="9pt"/>
 </style:style>
 <style:style style:name="Furniture" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="9pt" style:font-size-complex="9pt"/>
 </style:style>
 <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0"{affixes}
  text:footnotes-position="page" text:start-numbering-at="{restart}"/>
 <text:list-style style:name="Bullets">
  <text:list-level-style-bullet text:level="1" text:bullet-char="•">
   <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
    <style:list-level-label-alignment text:label-followed-by="listtab" fo:margin-left="0.8cm" fo:text-indent="-0.4cm"/>
   </style:list-level-properties>
  </text:list-level-style-bullet>
 </text:list-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="Page">
  <style:page-layout-properties fo:page-width="{size[0]}" fo:page-height="{size[1]}"
   fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="1.6cm" fo:margin-right="1.6cm"
   style:writing-mode="rl-tb" style:footnote-max-height="{note_max}">
   {column_xml}
   <style:footnote-sep style:width="0.02cm" style:rel-width="25%" style:color="#000000"
    style:line-style="solid" style:adjustment="right" style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm"/>
  </style:page-layout-properties>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.3cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.3cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="Page">
  <style:header><text:p text:style-name="Furniture">{escape(s["journal"])}</text:p></style:header>
  <style:header-left><text:p text:style-name="Furniture">{escape(s["journal_even"])}</text:p></style:header-left>
  <style:footer><text:p text:style-name="Furniture">{page_number(essay)}</text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{body(essay)}
</office:text></office:body>
</office:document>
"""
