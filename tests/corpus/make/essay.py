"""Read the corpus's own source format (tests/corpus/src/*.essay).

An essay file is:
  @key value            settings (title, journal, fonts, page numbers, columns)
  ## heading            a heading; "Abstract"/"الملخص" open abstracts,
                        "المراجع"/"قائمة المصادر"/"References" the references
  - item                a list item (a reference under a references heading)
  text                  a paragraph, one per line; blank lines separate
  [^note text]          a footnote inside a paragraph, numbered in order
  [^*note text]         a footnote labelled `*` (not numbered); also allowed
                        in @author, as journals mark the author's affiliation
Every producer's input and the expected outline are made from this alone.
"""

import re
import unicodedata
from dataclasses import dataclass, field

NOTE = re.compile(r"\[\^([^\]]*)\]")
REFERENCE_TITLES = {"المراجع", "قائمة المصادر", "References", "المصادر", "المصادر والمراجع"}
ABSTRACT_TITLES = {"Abstract", "الملخص", "ملخص"}
KEYWORD_TITLES = {"الكلمات المفتاحية", "كلمات مفتاحية"}


@dataclass
class Block:
    kind: str  # "para" or "item"
    text: str  # with [^...] notes inside


@dataclass
class Section:
    title: str
    blocks: list = field(default_factory=list)

    @property
    def kind(self):
        if self.title in ABSTRACT_TITLES:
            return "abstract"
        if self.title in KEYWORD_TITLES:
            return "keywords"
        if self.title in REFERENCE_TITLES:
            return "references"
        return "body"

    @property
    def lang(self):
        return "en" if re.search(r"[A-Za-z]", self.title) else "ar"


@dataclass
class Essay:
    name: str
    settings: dict
    sections: list

    def notes(self):
        """The notes in order: (number, text, the word just before the marker);
        a `*` note has number 0 and its text without the star."""
        out, n = [], 0
        texts = [self.settings.get("author", "")]
        texts += [block.text for section in self.sections for block in section.blocks]
        for text in texts:
            for m in NOTE.finditer(text):
                before = NOTE.sub("", text[: m.start()]).split()
                body = m.group(1)
                if body.startswith("*"):
                    number, body = 0, body[1:]
                else:
                    n += 1
                    number = n
                out.append((number, body, before[-1] if before else ""))
        return out


def parse(path):
    settings, sections = {}, []
    name = path.stem
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@"):
            key, _, value = line[1:].partition(" ")
            settings[key] = value.strip()
        elif line.startswith("## "):
            sections.append(Section(line[3:].strip()))
        elif line.startswith("- "):
            sections[-1].blocks.append(Block("item", line[2:].strip()))
        else:
            sections[-1].blocks.append(Block("para", line))
    return Essay(name, settings, sections)


def plain(text):
    """The text as a reader should see it: notes out, kashida out."""
    text = NOTE.sub("", text).replace("\u0640", "")
    return unicodedata.normalize("NFC", re.sub(r"\s+", " ", text).strip())
