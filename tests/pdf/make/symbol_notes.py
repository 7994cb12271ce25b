#!/usr/bin/env python3
"""symbol-notes.pdf: a short Arabic text whose footnotes are marked with
*, dagger and double dagger (Typst's "*" numbering), to check that notes
keep the labels printed on the page. Text written for these tests.

  pip install typst && python3 tests/pdf/make/symbol_notes.py OUT.pdf
"""

import sys

import typst

SOURCE = """
#set page(paper: "a6", margin: 1.5cm)
#set text(font: ("Amiri", "DejaVu Sans"), size: 11pt, lang: "ar")
#set par(justify: true)
#set footnote(numbering: "*")
= مقدمة
كتب الرحالة عن المدن التي زاروها#footnote[انظر رحلة ابن جبير.] وعن أسواقها،
ووصفوا الطرق بينها#footnote[ومنها طريق الحج من دمشق.] وما فيها من خانات.
وبقيت كتبهم مصدرا للمؤرخين#footnote[وما زالت تطبع إلى اليوم.] حتى اليوم.
"""

typst.compile(SOURCE.encode("utf-8"), output=sys.argv[1], timestamp=1795000000)
