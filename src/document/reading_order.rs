//! A document in reading order, one paragraph after another: the title,
//! each section's heading and blocks (list items and references with a
//! bullet), then the notes under their own heading. The reader's flow and
//! `--print` both read this one sequence, so what is printed is what is
//! read. Items are made one at a time, so a large document is never copied
//! whole.

use std::borrow::Cow;
use std::ops::Range;
use std::rc::Rc;

use super::model::{marker_label, Block, BlockKind, Document, Inline, Note};
use crate::layout::Direction;

/// What an item is, for styling and navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Title,
    /// The heading of section n.
    Heading(usize),
    Paragraph,
    ListItem,
    Reference,
    /// "(to be continued)": the essay said it goes on in another part.
    Continued,
    NotesHeading,
    /// Text of note n (index into `Document::notes`); a note of several
    /// blocks gives one item per block, the first led by its label.
    Note(usize),
}

/// A footnote marker inside an item's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemMarker {
    /// Byte range of the marker label in the item's text.
    pub range: Range<usize>,
    /// Index into `Document::notes`, or `None` when its text is missing.
    pub note: Option<usize>,
}

/// Where in the document an item comes from: enough to find its id, its
/// block and (when it shows it unchanged) its text again, so that the
/// reader's flow need not keep a copy of either. Indices are `u32` to keep
/// the flow's items small (a document of four billion blocks would not fit
/// in memory anyway).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Title,
    /// The heading of section n.
    Heading(u32),
    /// Block b of section s.
    Block(u32, u32),
    Continued,
    NotesHeading,
    /// Block b of note n.
    Note(u32, u32),
}

fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

impl Source {
    /// The stable id of what the item shows (section, block or note id;
    /// a note's later blocks add ".N").
    pub fn id(self, doc: &Document) -> Cow<'_, str> {
        match self {
            Source::Title => "title".into(),
            Source::Heading(s) => section_id(doc, s).into(),
            Source::Block(..) => self.block(doc).map_or("", |b| b.id.as_str()).into(),
            Source::Continued => "continued".into(),
            Source::NotesHeading => "notes".into(),
            Source::Note(n, 0) => note_id(doc, n).into(),
            Source::Note(n, b) => format!("{}.{b}", note_id(doc, n)).into(),
        }
    }

    /// The section the item belongs to (title and notes: none; the
    /// continued line: the last).
    pub fn section(self, doc: &Document) -> Option<usize> {
        match self {
            Source::Heading(s) | Source::Block(s, _) => Some(s as usize),
            Source::Continued => doc.sections.len().checked_sub(1),
            Source::Title | Source::NotesHeading | Source::Note(..) => None,
        }
    }

    /// The document block the item shows, if it shows one.
    pub fn block(self, doc: &Document) -> Option<&Block> {
        match self {
            Source::Block(s, b) => doc.sections.get(s as usize)?.blocks.get(b as usize),
            Source::Note(n, b) => doc.notes.get(n as usize)?.blocks.get(b as usize),
            _ => None,
        }
    }

    /// The item's text when it is the document's own, unchanged (see
    /// [`ReadingItem::text`]): a title, a heading, a block of one piece of
    /// text; "" for anything else.
    pub fn own_text(self, doc: &Document) -> &str {
        match self {
            Source::Title => &doc.meta.title,
            Source::Heading(s) => doc
                .sections
                .get(s as usize)
                .and_then(|s| s.title.as_deref())
                .unwrap_or(""),
            Source::Continued => continued_line(doc),
            Source::NotesHeading => notes_heading(doc),
            Source::Block(..) | Source::Note(..) => {
                self.block(doc).and_then(bare_text).unwrap_or("")
            }
        }
    }
}

fn section_id(doc: &Document, s: u32) -> &str {
    doc.sections.get(s as usize).map_or("", |s| s.id.as_str())
}

fn note_id(doc: &Document, n: u32) -> &str {
    doc.notes.get(n as usize).map_or("", |n| n.id.as_str())
}

/// A block's text when it is one piece of text and nothing else (no
/// footnote marker): what the reader can show without a copy.
fn bare_text(block: &Block) -> Option<&str> {
    match block.inlines.as_slice() {
        [] => Some(""),
        [Inline::Text { text }] => Some(text),
        _ => None,
    }
}

/// One paragraph of the reading order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadingItem<'a> {
    pub kind: ItemKind,
    /// Where it comes from.
    pub source: Source,
    /// Stable id of what it shows (section, block or note id).
    pub id: Cow<'a, str>,
    /// Index of the section it belongs to (title and notes: none).
    pub section: Option<usize>,
    /// Borrowed from the document exactly when it is `source.own_text`.
    pub text: Cow<'a, str>,
    pub direction: Direction,
    pub markers: Vec<ItemMarker>,
}

impl<'a> ReadingItem<'a> {
    fn new(
        kind: ItemKind,
        source: Source,
        doc: &'a Document,
        section: Option<usize>,
        text: Cow<'a, str>,
    ) -> ReadingItem<'a> {
        ReadingItem {
            kind,
            source,
            id: source.id(doc),
            section,
            text,
            direction: Direction::Auto,
            markers: Vec::new(),
        }
    }

    /// An item showing its source's own text.
    fn own(kind: ItemKind, source: Source, doc: &'a Document, section: Option<usize>) -> Self {
        ReadingItem::new(kind, source, doc, section, source.own_text(doc).into())
    }
}

/// The heading of the notes: الهوامش (the notes) in an Arabic document.
pub fn notes_heading(doc: &Document) -> &'static str {
    if doc.meta.language.as_deref() == Some("ar") {
        "\u{0627}\u{0644}\u{0647}\u{0648}\u{0627}\u{0645}\u{0634}"
    } else {
        "Notes"
    }
}

/// How each note's markers are shown: its printed label (superscript
/// digits, or `[a]`) when no two notes would look alike; else, for every
/// note, its number in document order, superscript, so that each marker
/// on screen names one note (a journal's "2" and "(2)" would both show as
/// ²). The printed label stays in the note's popup title.
pub fn shown_labels(doc: &Document) -> Vec<String> {
    let printed: Vec<String> = doc.notes.iter().map(|n| marker_label(&n.label)).collect();
    let mut seen = std::collections::HashSet::new();
    if printed.iter().all(|l| seen.insert(l.as_str())) {
        return printed;
    }
    (1..=doc.notes.len())
        .map(|n| marker_label(&n.to_string()))
        .collect()
}

/// How many items `reading_order(doc)` gives, counted without making
/// them (so the reader's flow is allocated once, at its size).
pub fn item_count(doc: &Document) -> usize {
    let sections: usize = doc
        .sections
        .iter()
        .map(|s| usize::from(s.title.is_some()) + s.blocks.len())
        .sum();
    let notes: usize = doc.notes.iter().map(|n| n.blocks.len().max(1)).sum();
    usize::from(!doc.meta.title.is_empty())
        + sections
        + usize::from(doc.meta.continued)
        + usize::from(!doc.notes.is_empty())
        + notes
}

/// Every item of `doc`, in reading order.
pub fn reading_order(doc: &Document) -> impl Iterator<Item = ReadingItem<'_>> + '_ {
    let labels = Rc::new(shown_labels(doc));
    let note_labels = Rc::clone(&labels);
    let title = (!doc.meta.title.is_empty())
        .then(|| ReadingItem::own(ItemKind::Title, Source::Title, doc, None));
    let sections = doc
        .sections
        .iter()
        .enumerate()
        .flat_map(move |(s, section)| {
            let heading = section.title.as_ref().map(|_| {
                ReadingItem::own(
                    ItemKind::Heading(s),
                    Source::Heading(index(s)),
                    doc,
                    Some(s),
                )
            });
            // A lookup per marker stays constant time (`note_index`).
            let labels = Rc::clone(&labels);
            let blocks = section.blocks.iter().enumerate().map(move |(b, block)| {
                let source = Source::Block(index(s), index(b));
                block_item(block, source, s, section.lang.as_deref(), doc, &labels)
            });
            heading.into_iter().chain(blocks)
        });
    let continued = doc.meta.continued.then(|| {
        let last = doc.sections.len().checked_sub(1);
        ReadingItem::own(ItemKind::Continued, Source::Continued, doc, last)
    });
    let heading = (!doc.notes.is_empty())
        .then(|| ReadingItem::own(ItemKind::NotesHeading, Source::NotesHeading, doc, None));
    let notes = doc
        .notes
        .iter()
        .enumerate()
        .flat_map(move |(n, note)| note_items(n, note, doc, Rc::clone(&note_labels)));
    title
        .into_iter()
        .chain(sections)
        .chain(continued)
        .chain(heading)
        .chain(notes)
}

/// The line that ends a continued essay: (يتبع), "to follow", in an
/// Arabic document, as such essays print it.
pub fn continued_line(doc: &Document) -> &'static str {
    if doc.meta.language.as_deref() == Some("ar") {
        "(\u{064A}\u{062A}\u{0628}\u{0639})"
    } else {
        "(to be continued)"
    }
}

/// Whether a list item's text starts with its number ("7. ", "12) ").
fn starts_with_number(block: &Block) -> bool {
    let Some(Inline::Text { text }) = block.inlines.first() else {
        return false;
    };
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=9).contains(&digits)
        && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
        && text.as_bytes().get(digits + 1) == Some(&b' ')
}

/// The text of the item `source` stands for, as the reader shows it: a
/// bullet before a list item or reference, each footnote marker as
/// `labels` (from [`shown_labels`]) shows it, a note's label before its
/// first block; and where the markers are. Borrowed when it is the
/// document's own text unchanged ([`Source::own_text`]), so the reader's
/// flow can make it again when it needs it instead of keeping a copy.
pub fn item_text<'a>(
    doc: &'a Document,
    source: Source,
    labels: &[String],
) -> (Cow<'a, str>, Vec<ItemMarker>) {
    match (source, source.block(doc)) {
        (Source::Block(..), Some(block)) => block_text(block, doc, labels),
        (Source::Note(n, 0), first) => {
            let shown = labels.get(n as usize).map_or("", String::as_str);
            let first = first.map(|b| b.flat().text).unwrap_or_default();
            (format!("{shown} {first}").into(), Vec::new())
        }
        (Source::Note(..), Some(block)) => {
            let text = match bare_text(block) {
                Some(text) => text.into(),
                None => block.flat().text.into(),
            };
            (text, Vec::new())
        }
        _ => (source.own_text(doc).into(), Vec::new()),
    }
}

/// What a block is in the reading order, and the bullet it is shown with
/// (a numbered item shows its number instead).
fn block_kind(block: &Block) -> (ItemKind, &'static str) {
    match block.kind {
        BlockKind::Paragraph => (ItemKind::Paragraph, ""),
        BlockKind::Item if starts_with_number(block) => (ItemKind::ListItem, ""),
        BlockKind::Item => (ItemKind::ListItem, "\u{2022} "),
        BlockKind::Reference => (ItemKind::Reference, "\u{2022} "),
    }
}

/// A section block's text with its bullet and each marker as it is shown.
fn block_text<'a>(
    block: &'a Block,
    doc: &Document,
    labels: &[String],
) -> (Cow<'a, str>, Vec<ItemMarker>) {
    let (_, bullet) = block_kind(block);
    if let Some(text) = bare_text(block).filter(|_| bullet.is_empty()) {
        return (text.into(), Vec::new());
    }
    let mut text = bullet.to_string();
    let mut markers = Vec::new();
    for inline in &block.inlines {
        match inline {
            Inline::Text { text: t } => text.push_str(t),
            Inline::Note { note, label } => {
                let note = note.as_deref().and_then(|id| doc.note_index(id));
                let start = text.len();
                match note.and_then(|n| labels.get(n)) {
                    Some(shown) => text.push_str(shown),
                    None => text.push_str(&marker_label(label)),
                }
                markers.push(ItemMarker {
                    range: start..text.len(),
                    note,
                });
            }
        }
    }
    (text.into(), markers)
}

/// A block of section `s` (in language `lang`): list items and references
/// with a bullet, footnote markers pointing at their notes.
fn block_item<'a>(
    block: &'a Block,
    source: Source,
    s: usize,
    lang: Option<&str>,
    doc: &'a Document,
    labels: &[String],
) -> ReadingItem<'a> {
    let (kind, _) = block_kind(block);
    // An English section reads left to right whatever its first letter.
    let direction = match (block.direction, lang) {
        (Direction::Auto, Some("en")) => Direction::Ltr,
        (direction, _) => direction,
    };
    let (text, markers) = block_text(block, doc, labels);
    ReadingItem {
        direction,
        markers,
        ..ReadingItem::new(kind, source, doc, Some(s), text)
    }
}

/// The items of note `n`: its first block led by its label (a note
/// without text still has that item), then its other blocks.
fn note_items<'a>(
    n: usize,
    note: &'a Note,
    doc: &'a Document,
    labels: Rc<Vec<String>>,
) -> impl Iterator<Item = ReadingItem<'a>> + 'a {
    let count = note.blocks.len().max(1);
    (0..count).map(move |b| {
        let source = Source::Note(index(n), index(b));
        let (text, _) = item_text(doc, source, &labels);
        ReadingItem::new(ItemKind::Note(n), source, doc, None, text)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{import, Format};

    fn markdown(text: &str) -> Document {
        let source = crate::source_file::SourceText::new("t.md".into(), text.to_string());
        import::import_source(&source, Some(Format::Markdown)).unwrap()
    }

    #[test]
    fn a_continued_essay_ends_with_its_continued_line() {
        // The last line "يتبع" (to follow) marks a plain essay as continued.
        let text = "\u{0639}\u{0646}\u{0648}\u{0627}\u{0646}\n\u{0646}\u{0635} \u{0637}\u{0648}\u{064A}\u{0644} \u{0628}\u{0645}\u{0627} \u{064A}\u{0643}\u{0641}\u{064A} \u{0644}\u{064A}\u{0643}\u{0648}\u{0646} \u{0641}\u{0642}\u{0631}\u{0629}.\n\u{064A}\u{062A}\u{0628}\u{0639}\n";
        let source = crate::source_file::SourceText::new("t.txt".into(), text.to_string());
        let doc = import::import_source(&source, Some(Format::Plain)).unwrap();
        assert!(doc.meta.continued);
        let last = reading_order(&doc).last().unwrap();
        assert_eq!(last.kind, ItemKind::Continued);
        assert_eq!(last.text, "(\u{064A}\u{062A}\u{0628}\u{0639})");
    }

    #[test]
    fn notes_printed_alike_are_shown_by_their_number() {
        // Two notes printed "2" and "(2)" would both show as ².
        let mut doc = markdown("Text[^2] and more[^b].\n\n[^2]: One.\n\n[^b]: Two.\n");
        assert_eq!(
            shown_labels(&doc),
            ["\u{b2}", "[b]"],
            "distinct: as printed"
        );
        doc.notes[1].label = "(2)".into();
        assert_eq!(shown_labels(&doc), ["\u{b9}", "\u{b2}"]);
        let items: Vec<ReadingItem> = reading_order(&doc).collect();
        let para = items
            .iter()
            .find(|i| i.kind == ItemKind::Paragraph)
            .unwrap();
        let shown: Vec<&str> = para
            .markers
            .iter()
            .map(|m| &para.text[m.range.clone()])
            .collect();
        assert_eq!(shown, ["\u{b9}", "\u{b2}"]);
        let notes: Vec<&str> = items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Note(_)))
            .map(|i| i.text.as_ref())
            .collect();
        assert_eq!(notes, ["\u{b9} One.", "\u{b2} Two."]);
    }

    #[test]
    fn title_sections_then_notes_under_their_heading() {
        let doc = markdown(
            "---\ntitle: T\n---\n# One\n\nText[^a] here.\n\n- item\n\n[^a]: The note.\n\n    More of it.\n",
        );
        let items: Vec<ReadingItem> = reading_order(&doc).collect();
        let kinds: Vec<ItemKind> = items.iter().map(|i| i.kind).collect();
        assert_eq!(
            kinds,
            [
                ItemKind::Title,
                ItemKind::Heading(0),
                ItemKind::Paragraph,
                ItemKind::ListItem,
                ItemKind::NotesHeading,
                ItemKind::Note(0),
                ItemKind::Note(0),
            ]
        );
        assert_eq!(items[0].text, "T");
        assert_eq!(items[3].text, "\u{2022} item");
        assert_eq!(items[4].text, "Notes");
        // The marker is the note's label, superscript, and points at note 0.
        let marker = &items[2].markers[0];
        assert_eq!(&items[2].text[marker.range.clone()], "[a]");
        assert_eq!(marker.note, Some(0));
        assert!(items[5].text.starts_with("[a] The note."));
        assert_eq!(items[6].text, "More of it.");
        assert_ne!(items[5].id, items[6].id);
        // A note whose text is empty keeps its item: notes stay numbered.
        let mut doc = doc;
        doc.notes[0].blocks.clear();
        let notes: Vec<String> = reading_order(&doc)
            .filter(|i| matches!(i.kind, ItemKind::Note(_)))
            .map(|i| i.text.into_owned())
            .collect();
        assert_eq!(notes, ["[a] "]);
    }
}
