#!/usr/bin/env python3
"""Write essay.fodt: a short Arabic essay with an English abstract, footnotes,
a running header, page numbers in the footer and numbered headings, for
LibreOffice to typeset (make.sh). The text is written for this test; the
expected outline in ../essay.expected.json is written from the same lists."""
import json, os, sys
from xml.sax.saxutils import escape

TITLE = "الترجمة والهامش في المقالة العربية"
ABSTRACT_EN = [
    "This short essay asks how footnotes travel between Arabic and English scholarship, "
    "and why a reader in a terminal should see them beside the text they explain.",
    "It was written as test material for hamish, and every sentence in it is made up for that purpose.",
]
ABSTRACT_AR = [
    "تسأل هذه المقالة القصيرة عن الهوامش بين الكتابة العربية والإنجليزية، ولماذا ينبغي للقارئ أن يراها قرب النص الذي تشرحه.",
]
KEYWORDS_AR = "الكلمات المفتاحية: الهامش، الترجمة، القراءة"
SECTIONS = [
    ("المقدمة", [
        ("كانت الهوامش دائما جزءا من الكتابة العلمية العربية", "يعود استعمال الحواشي في الكتب العربية إلى قرون طويلة قبل الطباعة."),
        " منذ عصر الشروح والحواشي، وقد كتب العلماء على أطراف الصفحات تعليقات تشرح المتن وتناقشه. وفي هذه المقالة نحاول أن نفهم كيف انتقل هذا التقليد إلى المقالة الحديثة.",
    ]),
    ("الهامش في المجلات الحديثة", [
        "يقول الباحث (Smith, 2019, p. 12) إن الهامش في المجلات الحديثة ",
        ("صار مكانا للمراجع أكثر منه مكانا للنقاش", "انظر أيضا ما كتبه الباحث نفسه في فصل آخر عن المراجع والاقتباس في المجلات المحكمة، وهو فصل طويل يعود فيه إلى أمثلة كثيرة من القرن العشرين ويقارن فيها بين المجلات العربية والإنجليزية في طريقة ترقيم الهوامش ووضعها أسفل الصفحة أو في آخر المقالة."),
        ". وهذا التحول له أسباب كثيرة منها سرعة النشر وقواعد التحكيم.",
    ]),
    ("القراءة على الشاشة", [
        "حين يقرأ المرء مقالة على الشاشة يضيع الهامش غالبا، لأن البرامج التي تستخرج النص من ملفات PDF تخلط الهوامش بالمتن وتقلب ترتيب الكلمات العربية. ",
        ("ولذلك كتب هذا البرنامج", "البرنامج اسمه هامش، وهو قارئ للطرفية."),
        " ليعيد بناء المقالة من مواضع الحروف في الصفحة.",
    ]),
    ("الخاتمة", [
        "الهامش ليس زينة بل جزء من الحجة، وعلى أدوات القراءة أن تحترمه كما يحترمه الكاتب.",
    ]),
]
REFERENCES = [
    "Smith, J. (2019). Notes at the Foot of the Page. London: Example Press.",
    "الخطيب، أحمد (2015). الحواشي والشروح في التراث العربي. بيروت: دار المثال.",
]
FILLER = ("وهذه جملة إضافية تطيل الفقرة حتى تمتد المقالة على أكثر من صفحة، فيظهر الترويس ورقم الصفحة في كل صفحة منها. ")

def para(style, content):
    return f'<text:p text:style-name="{style}">{content}</text:p>\n'

note_no = [0]
def runs(parts):
    out = ""
    for p in parts:
        if isinstance(p, tuple):
            note_no[0] += 1
            n = note_no[0]
            out += escape(p[0]) + (f'<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
                                  f'<text:note-body><text:p text:style-name="Footnote">{escape(p[1])}</text:p></text:note-body></text:note>')
        else:
            out += escape(p)
    return out

body = para("Title", escape(TITLE))
body += para("HeadingEn", "Abstract")
for p in ABSTRACT_EN: body += para("BodyEn", escape(p))
body += para("Heading", "الملخص")
for p in ABSTRACT_AR: body += para("Body", escape(p))
body += para("Body", escape(KEYWORDS_AR))
for i, (h, parts) in enumerate(SECTIONS):
    body += para("Heading", escape(h))
    body += para("Body", runs(parts))
    # ESSAY_REPEAT makes long essays for the benchmarks (bench/pdf.sh).
    for _ in range((2 + i) * int(os.environ.get("ESSAY_REPEAT", "1"))):
        body += para("Body", escape(FILLER * 3))
body += para("Heading", "المراجع")
for r in REFERENCES: body += para("Body", escape(r))

HEADER = "مجلة الهامش للدراسات، العدد 3، 2024"
doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Amiri" svg:font-family="Amiri" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties style:writing-mode="rl-tb" fo:text-align="justify"/>
  <style:text-properties style:font-name="Amiri" fo:font-size="13pt" style:font-name-complex="Amiri" style:font-size-complex="13pt"/>
 </style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-indent="0.8cm" fo:margin-bottom="0.15cm"/>
 </style:style>
 <style:style style:name="BodyEn" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties style:writing-mode="lr-tb" fo:text-indent="0.8cm" fo:margin-bottom="0.15cm"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/>
  <style:text-properties fo:font-size="20pt" style:font-size-complex="20pt" fo:font-weight="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:text-align="start"/>
  <style:text-properties fo:font-size="16pt" style:font-size-complex="16pt" fo:font-weight="bold" style:font-weight-complex="bold"/>
 </style:style>
 <style:style style:name="HeadingEn" style:family="paragraph" style:parent-style-name="Heading">
  <style:paragraph-properties style:writing-mode="lr-tb"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard">
  <style:text-properties fo:font-size="10pt" style:font-size-complex="10pt"/>
 </style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="10pt" style:font-size-complex="10pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="14.8cm" fo:page-height="21cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm" style:writing-mode="rl-tb"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.4cm"/></style:footer-style>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">
  <style:header><text:p text:style-name="Header">{escape(HEADER)}</text:p></style:header>
  <style:footer><text:p text:style-name="Header"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
 </style:master-page>
</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body></office:document>
'''
open(sys.argv[1] if len(sys.argv) > 1 else "essay.fodt", "w").write(doc)

# What a correct import holds, from the same lists (for tests/import_pdf.rs).
def plain(parts):
    return "".join(p[0] if isinstance(p, tuple) else p for p in parts).strip()
paragraphs = list(ABSTRACT_EN) + list(ABSTRACT_AR)
for i, (h, parts) in enumerate(SECTIONS):
    paragraphs.append(plain(parts))
    paragraphs += [(FILLER * 3).strip()] * (2 + i)
expected = {
    "title": TITLE,
    # The title is the document's, not a section's; the keywords phrase
    # heads a section of its own (as in tests/corpus).
    "headings": ["Abstract", "الملخص", KEYWORDS_AR.split(":")[0]] + [h for h, _ in SECTIONS] + ["المراجع"],
    "abstract_en": ABSTRACT_EN,
    "abstract_ar": ABSTRACT_AR,
    "keywords": KEYWORDS_AR.split(":", 1)[1].strip(),
    "paragraphs": paragraphs,
    "notes": [{"after": p[0].split()[-1], "text": p[1]} for _, parts in SECTIONS for p in parts if isinstance(p, tuple)],
    "references": REFERENCES,
    "furniture": [HEADER],
}
if len(sys.argv) > 2:
    json.dump(expected, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
