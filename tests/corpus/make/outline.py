"""The expected outline of an essay, written from its source alone (never
from hamish's output). One fact a line, tab-separated:

  title      TITLE
  columns    N                     how many columns the essay is set in
  furniture  TEXT                  a running header: never body text
  section    KIND LANG TITLE       KIND abstract|keywords|body|references, LANG ar|en|-
  para       FIRST LAST            a paragraph or list item of that section:
                                   its first six and last four words
  ref        FIRST                 a reference entry's first six words
  note       N BEFORE FIRST LAST   note N, its marker after the word BEFORE,
                                   its text's first six and last four words
"""

from essay import NOTE, plain


def words(text, first=True, n=6):
    w = plain(text).split()
    return " ".join(w[:n] if first else w[-n:])


def outline(essay):
    s = essay.settings
    out = [f"# expected outline of {essay.name}.essay, made by make/outline.py",
           f"title\t{s['title']}",
           f"columns\t{s.get('columns', '1')}",
           f"furniture\t{s['journal']}",
           f"furniture\t{s['journal_even']}"]
    for section in essay.sections:
        lang = section.lang if section.kind == "abstract" else "-"
        out.append(f"section\t{section.kind}\t{lang}\t{section.title}")
        for block in section.blocks:
            if section.kind == "references":
                out.append(f"ref\t{words(block.text)}")
            else:
                out.append(f"para\t{words(block.text)}\t{words(block.text, False, 4)}")
    for n, text, before in essay.notes():
        before = plain(before).strip(".,،:;")
        out.append(f"note\t{n}\t{before}\t{words(text)}\t{words(text, False, 4)}")
    return "\n".join(out) + "\n"
