//! The document model: what every importer produces and every view reads.
//!
//! Serialised as hamish's own JSON format (`hamish convert --to json`), so
//! field names are part of a file format: change them only with the version.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::id::Id;
use crate::layout::Direction;

/// Version of the JSON format written by this build.
pub const FORMAT_VERSION: u32 = 1;

/// A whole essay.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Format version; present so a JSON file is recognisable as ours.
    pub hamish: u32,
    pub meta: Meta,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// Where the document came from and what it is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub title: String,
    #[serde(default)]
    pub authors: Vec<String>,
    /// The file it was imported from.
    #[serde(default)]
    pub source: Option<String>,
    /// The format it was imported from.
    pub format: Format,
    /// Main language (BCP 47), e.g. "ar".
    #[serde(default)]
    pub language: Option<String>,
    /// The essay says it is to be continued ("يتبع").
    #[serde(default)]
    pub continued: bool,
    /// What the importer noticed and the reader should be told (a note
    /// whose text is missing, bytes that were not UTF-8…).
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// Input formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Text extracted from a PDF (pdftotext and the like).
    Pdftext,
    /// A PDF file itself, rebuilt from the page geometry.
    Pdf,
    /// One paragraph per line.
    #[default]
    Plain,
    Markdown,
    /// hamish's own JSON.
    Json,
    /// Each line a paragraph, nothing interpreted.
    Lines,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Pdftext => "pdftext",
            Format::Pdf => "pdf",
            Format::Plain => "plain",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Lines => "lines",
        }
    }
}

/// What a section is, so views can find the abstracts and references.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    Abstract,
    Keywords,
    #[default]
    Body,
    References,
}

/// A titled run of blocks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable across runs on the same input: "s1", "s2"…
    pub id: String,
    #[serde(default)]
    pub kind: SectionKind,
    /// The heading as the reader shows it; `None` for untitled text.
    #[serde(default)]
    pub title: Option<String>,
    /// Heading level, 1 for top level.
    #[serde(default = "one")]
    pub level: u8,
    /// Language of the section (abstracts are paired by it).
    #[serde(default)]
    pub lang: Option<String>,
    pub blocks: Vec<Block>,
}

fn one() -> u8 {
    1
}

/// Kinds of block.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    #[default]
    Paragraph,
    /// An item of a bulleted list.
    Item,
    /// An entry of the reference list.
    Reference,
}

/// A paragraph, list item or reference entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Block {
    /// Stable across runs on the same input: "s3.p2", "fn1.p1"…
    pub id: Id,
    #[serde(default)]
    pub kind: BlockKind,
    /// Base direction; auto unless the source says otherwise.
    #[serde(default)]
    pub direction: Direction,
    pub inlines: Vec<Inline>,
    /// Repairs the importer made to undo extraction damage, one line each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub repairs: Vec<String>,
    /// The page of the source it starts on, when the source has pages
    /// that mean something (a PDF's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
}

/// Inline content of a block.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
pub enum Inline {
    Text {
        text: String,
    },
    /// A footnote marker. `note` is the id of the note, or `None` when the
    /// source has a marker but no text for it.
    Note {
        note: Option<String>,
        label: String,
    },
}

/// A footnote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Stable id: "fn1", "fn2"…
    pub id: String,
    /// The label as printed, or its number when the source printed a glyph.
    pub label: String,
    pub blocks: Vec<Block>,
}

/// A block flattened for layout and search: its text with the footnote
/// markers written in as labels, and where each marker is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FlatText {
    pub text: String,
    pub markers: Vec<Marker>,
}

/// A footnote marker inside a [`FlatText`].
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    pub range: Range<usize>,
    /// The note it opens, or `None` when its text is missing.
    pub note: Option<String>,
}

impl Block {
    /// A paragraph of plain text.
    pub fn paragraph(id: String, text: impl Into<String>) -> Block {
        Block {
            id: id.into(),
            kind: BlockKind::Paragraph,
            direction: Direction::Auto,
            inlines: vec![Inline::Text { text: text.into() }],
            repairs: Vec::new(),
            page: None,
        }
    }

    /// The text without markers (for tests, titles and export).
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for inline in &self.inlines {
            if let Inline::Text { text } = inline {
                out.push_str(text);
            }
        }
        out
    }

    /// Text with markers shown as superscript labels (¹²³ for numbers,
    /// `[label]` otherwise), for layout.
    pub fn flat(&self) -> FlatText {
        let mut flat = FlatText::default();
        for inline in &self.inlines {
            match inline {
                Inline::Text { text } => flat.text.push_str(text),
                Inline::Note { note, label } => {
                    let start = flat.text.len();
                    flat.text.push_str(&marker_label(label));
                    flat.markers.push(Marker {
                        range: start..flat.text.len(),
                        note: note.clone(),
                    });
                }
            }
        }
        flat
    }

    /// The footnote markers of this block.
    pub fn note_refs(&self) -> impl Iterator<Item = (&Option<String>, &str)> {
        self.inlines.iter().filter_map(|i| match i {
            Inline::Note { note, label } => Some((note, label.as_str())),
            Inline::Text { .. } => None,
        })
    }
}

/// How a marker label is shown: superscript digits when it is a number.
pub fn marker_label(label: &str) -> String {
    let digits = label.trim_matches(|c| c == '(' || c == ')' || c == '[' || c == ']');
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        digits
            .chars()
            .map(|c| ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][c as usize - '0' as usize])
            .collect()
    } else {
        format!("[{label}]")
    }
}

impl Document {
    /// An empty document of the given format.
    pub fn new(title: impl Into<String>, format: Format) -> Document {
        Document {
            hamish: FORMAT_VERSION,
            meta: Meta {
                title: title.into(),
                format,
                ..Meta::default()
            },
            sections: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// The note with this id.
    pub fn note(&self, id: &str) -> Option<&Note> {
        self.note_index(id).map(|i| &self.notes[i])
    }

    /// Where the note with this id is in `notes`. Importers number notes
    /// "fn1", "fn2"… in order, so the number says where to look first; a
    /// document numbered otherwise is searched (a lookup per marker must
    /// not cost a scan of 100,000 notes).
    pub fn note_index(&self, id: &str) -> Option<usize> {
        let guess = id
            .strip_prefix("fn")
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| n.checked_sub(1));
        if let Some(i) = guess.filter(|&i| self.notes.get(i).is_some_and(|n| n.id == id)) {
            return Some(i);
        }
        self.notes.iter().position(|n| n.id == id)
    }

    /// The block with id `id` ("s3.p2": the second block of the third
    /// section), found by the numbers in it.
    pub fn block(&self, id: &str) -> Option<&Block> {
        let (section, block) = id.strip_prefix('s')?.split_once(".p")?;
        let section = self
            .sections
            .get(section.parse::<usize>().ok()?.checked_sub(1)?)?;
        section
            .blocks
            .get(block.parse::<usize>().ok()?.checked_sub(1)?)
            .filter(|b| b.id == id)
    }

    /// The abstract in language `lang` ("en", "ar"), if any.
    pub fn abstract_in(&self, lang: &str) -> Option<&Section> {
        self.sections
            .iter()
            .find(|s| s.kind == SectionKind::Abstract && s.lang.as_deref() == Some(lang))
    }

    /// The keywords, split at commas (Arabic or Latin).
    pub fn keywords(&self) -> Vec<String> {
        self.sections
            .iter()
            .filter(|s| s.kind == SectionKind::Keywords)
            .flat_map(|s| s.blocks.iter())
            .flat_map(|b| {
                b.plain_text()
                    .split(['،', ',', '؛', ';'])
                    .map(|k| k.trim().to_string())
                    .filter(|k| !k.is_empty())
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The reference entries.
    pub fn references(&self) -> impl Iterator<Item = &Block> {
        self.sections
            .iter()
            .filter(|s| s.kind == SectionKind::References)
            .flat_map(|s| s.blocks.iter())
    }

    /// Give sections, blocks and notes their stable ids from their
    /// positions: importers call this once at the end.
    pub fn assign_ids(&mut self) {
        for (i, section) in self.sections.iter_mut().enumerate() {
            section.id = format!("s{}", i + 1);
            for (j, block) in section.blocks.iter_mut().enumerate() {
                block.id = format!("s{}.p{}", i + 1, j + 1).into();
            }
        }
        for note in &mut self.notes {
            for (j, block) in note.blocks.iter_mut().enumerate() {
                block.id = format!("{}.p{}", note.id, j + 1).into();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_flatten_to_superscript_labels() {
        let block = Block {
            id: "s1.p1".into(),
            kind: BlockKind::Paragraph,
            direction: Direction::Auto,
            inlines: vec![
                Inline::Text {
                    text: "Lenin".into(),
                },
                Inline::Note {
                    note: Some("fn1".into()),
                    label: "12".into(),
                },
                Inline::Text {
                    text: " said".into(),
                },
                Inline::Note {
                    note: None,
                    label: "a".into(),
                },
            ],
            repairs: vec![],
            page: None,
        };
        let flat = block.flat();
        assert_eq!(flat.text, "Lenin¹² said[a]");
        assert_eq!(&flat.text[flat.markers[0].range.clone()], "¹²");
        assert_eq!(flat.markers[1].note, None);
        assert_eq!(block.plain_text(), "Lenin said");
    }

    #[test]
    fn notes_are_found_by_id_however_numbered() {
        let mut doc = Document::new("t", Format::Plain);
        for id in ["fn1", "fn2", "x", "fn9"] {
            doc.notes.push(Note {
                id: id.into(),
                label: id.into(),
                blocks: vec![],
            });
        }
        assert_eq!(doc.note_index("fn2"), Some(1));
        assert_eq!(doc.note_index("x"), Some(2));
        // "fn9" is not the ninth note: found by searching.
        assert_eq!(doc.note_index("fn9"), Some(3));
        assert_eq!(doc.note_index("fn5"), None);
        assert_eq!(doc.note_index("fn0"), None);
        assert_eq!(doc.note("x").map(|n| n.label.as_str()), Some("x"));
    }

    #[test]
    fn keywords_split_at_arabic_commas() {
        let mut doc = Document::new("t", Format::Plain);
        doc.sections.push(Section {
            id: String::new(),
            kind: SectionKind::Keywords,
            title: None,
            level: 1,
            lang: None,
            // "تروتسكي ، لينين" (Trotsky, Lenin)
            blocks: vec![Block::paragraph(
                String::new(),
                "\u{062A}\u{0631}\u{0648} \u{060C} \u{0644}\u{064A}",
            )],
        });
        assert_eq!(doc.keywords().len(), 2);
    }
}
