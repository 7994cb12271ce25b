//! The reading flow: a document as the reader scrolls through it. One item
//! per title, heading, paragraph, list item, reference and note, each laid
//! out lazily and cached for the current width, and a position that is a
//! text anchor, so that a new width keeps the reader on the same sentence.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

pub use crate::document::reading_order::ItemKind;
use crate::document::reading_order::{
    item_count, item_text, reading_order, shown_labels, ReadingItem, Source,
};
use crate::document::{Block, Document};
use crate::layout::{layout_paragraph, Direction, Laid, LayoutOptions};

/// A footnote marker in the flow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FlowMarker {
    pub item: usize,
    /// Byte range of the marker label in the item's text.
    pub range: Range<usize>,
    /// Index into `Document::notes`, or `None` when its text is missing.
    pub note: Option<usize>,
}

/// One laid-out unit of the flow. Its text and id are the document's,
/// found again through `source` ([`Flow::text`], [`Flow::id`]): the
/// document is never held twice, and a million short paragraphs cost 40
/// bytes each here.
#[derive(Clone, Debug)]
pub struct Item {
    pub kind: ItemKind,
    pub direction: Direction,
    /// Offset of this item's text in the whole flow, for the percentage.
    pub offset: usize,
    source: Source,
}

/// A position: the item and the byte of its text at the top of the view.
/// Ordered as the text is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Anchor {
    pub item: usize,
    pub byte: usize,
}

/// The first row of the view: item and row within it; `row` may equal the
/// item's row count, meaning the blank row after it. Ordered as read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub item: usize,
    pub row: usize,
}

/// Where the view stands in the document, for the status line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// Share of the text above the top row, 0–100 (100 at the end).
    pub percent: usize,
    /// The last row of the document is on screen.
    pub at_end: bool,
    /// How far into its section the top of the view is, 0–100.
    pub section: Option<usize>,
}

/// Lay out a list item or reference with a hanging indent: the rows after
/// the first start where the text after the bullet starts (the bullet's two
/// cells), so the bullet stands out; right-to-left items hang from the
/// right.
fn hanging(text: &str, options: &LayoutOptions) -> Laid {
    const HANG: usize = 2;
    if options.width <= HANG * 4 {
        return layout_paragraph(text, options, &[]);
    }
    let narrower = LayoutOptions {
        width: options.width - HANG,
        ..*options
    };
    let mut laid = layout_paragraph(text, &narrower, &[]);
    let rtl = laid.rtl;
    for (i, row) in laid.rows.iter_mut().enumerate() {
        // LTR: rows after the first move right; RTL: the first row moves
        // right, to the right edge, and the others keep their hang.
        if (i > 0) != rtl {
            row.indent += HANG;
        }
    }
    laid
}

/// One screen row of the flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlowRow {
    /// Row `row` of item `item`.
    Text { item: usize, row: usize },
    /// The blank row after an item.
    Gap,
}

/// The flow of a document.
#[derive(Clone, Debug)]
pub struct Flow {
    doc: Arc<Document>,
    /// How each note's markers are shown (`shown_labels`), for making an
    /// item's text again.
    labels: Vec<String>,
    pub items: Vec<Item>,
    pub markers: Vec<FlowMarker>,
    /// Item of each section's heading.
    pub section_items: Vec<usize>,
    /// Item of each note's text.
    pub note_items: Vec<usize>,
    /// The notes' index among the sections (`section_items` has their
    /// heading), when the document has notes.
    notes_section: Option<usize>,
    pub total_bytes: usize,
    options: LayoutOptions,
    /// Boxed: most items are never laid out, and an empty slot then costs
    /// a pointer rather than a whole `Laid`.
    cache: Vec<Option<Box<Laid>>>,
    /// Bytes of text whose layout is in `cache`.
    cached_bytes: usize,
    /// When `cached_bytes` passes this, far layouts are dropped: at least
    /// `CACHE_TEXT_BYTES`, and twice what was left the last time, so a
    /// view of huge paragraphs does not look through the cache each time.
    cache_limit: usize,
    /// `CACHE_TEXT_BYTES` and `CACHE_KEEP_ITEMS` (smaller in tests).
    cache_budget: usize,
    cache_keep: usize,
    pub pos: Pos,
}

/// Layouts kept for this much text at most: a layout takes a few times
/// its text, so reading through a 100 MB document must not keep them all.
/// Beyond it, those far from the view are dropped (laid out again if the
/// reader comes back).
const CACHE_TEXT_BYTES: usize = 8 << 20;

/// Items on either side of the view whose layouts are never dropped: far
/// more than a screen shows.
const CACHE_KEEP_ITEMS: usize = 1024;

impl Flow {
    /// Build the flow of `doc`, in its reading order (title, sections,
    /// then the notes).
    pub fn new(doc: Arc<Document>, options: LayoutOptions) -> Flow {
        // At its size at once: grown by doubling, the smaller copies left
        // behind stay resident in the allocator's heap.
        let mut items = Vec::with_capacity(item_count(&doc));
        let labels = shown_labels(&doc);
        let mut markers = Vec::new();
        let mut section_items = Vec::new();
        let mut note_items = Vec::new();
        let mut offset = 0;
        for read in reading_order(&doc) {
            let ReadingItem {
                kind,
                source,
                section,
                text,
                direction,
                markers: item_markers,
                ..
            } = read;
            debug_assert_eq!(section, source.section(&doc));
            // A section starts at its first item; an empty one at the next
            // item there is (or the end).
            let starts_section = match kind {
                ItemKind::NotesHeading => Some(doc.sections.len() + 1),
                _ => section.map(|s| s + 1),
            };
            while section_items.len() < starts_section.unwrap_or(0) {
                section_items.push(items.len());
            }
            if let ItemKind::Note(n) = kind {
                if note_items.len() == n {
                    note_items.push(items.len());
                }
            }
            let item = items.len();
            markers.extend(item_markers.into_iter().map(|m| FlowMarker {
                item,
                range: m.range,
                note: m.note,
            }));
            debug_assert_eq!(text, item_text(&doc, source, &labels).0);
            let len = text.len();
            items.push(Item {
                kind,
                direction,
                offset,
                source,
            });
            offset += len + 1;
        }
        while section_items.len() < doc.sections.len() {
            section_items.push(items.len());
        }
        let notes_section = items
            .iter()
            .any(|i| i.kind == ItemKind::NotesHeading)
            .then_some(doc.sections.len());
        let total_bytes = offset.max(1);
        // Held as long as the document is open: no room left from growing.
        debug_assert_eq!(items.len(), item_count(&doc));
        items.shrink_to_fit();
        markers.shrink_to_fit();
        let cache = vec![None; items.len()];
        Flow {
            labels,
            doc,
            items,
            markers,
            section_items,
            note_items,
            notes_section,
            total_bytes,
            options,
            cache,
            cached_bytes: 0,
            cache_limit: CACHE_TEXT_BYTES,
            cache_budget: CACHE_TEXT_BYTES,
            cache_keep: CACHE_KEEP_ITEMS,
            pos: Pos::default(),
        }
    }

    /// Let go of the items and layouts (the flow shows nothing after), so
    /// their memory is free before the next document's flow is built.
    pub fn release(&mut self) {
        self.items = Vec::new();
        self.markers = Vec::new();
        self.cache = Vec::new();
        self.cached_bytes = 0;
        self.pos = Pos::default();
    }

    pub fn width(&self) -> usize {
        self.options.width
    }

    /// The document the flow shows.
    pub fn doc(&self) -> &Arc<Document> {
        &self.doc
    }

    /// The text of item `i` ("" past the end): the document's own, or,
    /// for an item with footnote markers, a bullet or a note's label, made
    /// again (see `reading_order::item_text`).
    pub fn text(&self, i: usize) -> Cow<'_, str> {
        match self.items.get(i) {
            Some(item) => item_text(&self.doc, item.source, &self.labels).0,
            None => "".into(),
        }
    }

    /// The length of item `i`'s text, without making it.
    pub fn text_len(&self, i: usize) -> usize {
        let Some(item) = self.items.get(i) else {
            return 0;
        };
        let next = self.items.get(i + 1).map_or(self.total_bytes, |n| n.offset);
        // Each item is followed by one byte of separation (see `new`).
        next.saturating_sub(item.offset + 1)
    }

    /// The stable id of what item `i` shows (section, block or note id).
    pub fn id(&self, i: usize) -> Option<Cow<'_, str>> {
        Some(self.items.get(i)?.source.id(&self.doc))
    }

    /// The first item with id `id`.
    pub fn find_id(&self, id: &str) -> Option<usize> {
        (0..self.items.len()).find(|&i| self.id(i).as_deref() == Some(id))
    }

    /// The block of a section item `i` shows, if it shows one (a note's
    /// blocks are not the text's).
    pub fn section_block(&self, i: usize) -> Option<&Block> {
        let source = self.items.get(i)?.source;
        matches!(source, Source::Block(..))
            .then(|| source.block(&self.doc))
            .flatten()
    }

    /// Lay out item `i` if it is not cached.
    pub fn ensure(&mut self, i: usize) {
        if i < self.items.len() && self.cache[i].is_none() {
            let item = &self.items[i];
            let options = LayoutOptions {
                direction: item.direction,
                ..self.options
            };
            let text = self.text(i);
            let laid = match item.kind {
                ItemKind::ListItem | ItemKind::Reference => hanging(&text, &options),
                _ => layout_paragraph(&text, &options, &[]),
            };
            self.cached_bytes += self.text_len(i);
            self.cache[i] = Some(Box::new(laid));
            if self.cached_bytes > self.cache_limit {
                self.drop_far_layouts(i);
                self.cache_limit = self.cache_budget.max(2 * self.cached_bytes);
            }
        }
    }

    /// Forget the layouts of items far from the view and from item `keep`.
    fn drop_far_layouts(&mut self, keep: usize) {
        let keep_items = self.cache_keep;
        let near = |i: usize, at: usize| i.abs_diff(at) <= keep_items;
        let top = self.pos.item;
        for i in 0..self.cache.len() {
            if self.cache[i].is_some() && !near(i, top) && !near(i, keep) {
                self.cache[i] = None;
                self.cached_bytes -= self.text_len(i);
            }
        }
    }

    /// The layout of item `i`, if laid out.
    pub fn laid(&self, i: usize) -> Option<&Laid> {
        self.cache.get(i).and_then(Option::as_deref)
    }

    /// Rows of item `i`, gap not included.
    pub fn rows(&mut self, i: usize) -> usize {
        self.ensure(i);
        self.laid(i).map_or(0, |l| l.rows.len())
    }

    /// Rows of item `i` including the blank row after it (none after the last).
    fn height(&mut self, i: usize) -> usize {
        self.rows(i) + usize::from(i + 1 < self.items.len())
    }

    /// Change the layout (width, shaping…), keeping the top sentence.
    pub fn set_options(&mut self, options: LayoutOptions) {
        if options.width == self.options.width
            && options.shape == self.options.shape
            && options.reorder == self.options.reorder
        {
            return;
        }
        let anchor = self.anchor();
        self.options = options;
        self.cache.iter_mut().for_each(|c| *c = None);
        self.cached_bytes = 0;
        self.goto_anchor(anchor);
    }

    /// The text anchor of the top of the view. The blank row after an
    /// item anchors to the start of the next item (what the reader sees
    /// just below it), so a resize keeps that on screen and the position
    /// only grows as the reader scrolls down.
    pub fn anchor(&self) -> Anchor {
        let Pos { item, row } = self.pos;
        let gap = self.laid(item).is_some_and(|l| row >= l.rows.len());
        if gap && item + 1 < self.items.len() {
            return Anchor {
                item: item + 1,
                byte: 0,
            };
        }
        let byte = self
            .laid(item)
            .and_then(|l| {
                l.rows.get(row).map(|r| {
                    l.cells[r.cells.clone()]
                        .iter()
                        .map(|c| c.start as usize)
                        .min()
                        .unwrap_or(0)
                })
            })
            .unwrap_or(0);
        Anchor { item, byte }
    }

    /// Put the row holding `anchor` at the top.
    pub fn goto_anchor(&mut self, anchor: Anchor) {
        let item = anchor.item.min(self.items.len().saturating_sub(1));
        self.ensure(item);
        let row = self.row_of(item, anchor.byte);
        self.pos = Pos { item, row };
    }

    /// The row of item `i` that shows byte `byte` (the last row that starts
    /// at or before it).
    pub fn row_of(&mut self, i: usize, byte: usize) -> usize {
        self.ensure(i);
        let Some(laid) = self.laid(i) else { return 0 };
        let mut best = 0;
        for (r, row) in laid.rows.iter().enumerate() {
            let cells = &laid.cells[row.cells.clone()];
            if cells
                .iter()
                .any(|c| (c.start as usize..c.end.max(c.start + 1) as usize).contains(&byte))
            {
                return r;
            }
            if let Some(start) = cells.iter().map(|c| c.start as usize).min() {
                if start <= byte {
                    best = r;
                }
            }
        }
        best
    }

    /// Scroll down by `n` rows, stopping where the last row reaches the
    /// bottom of a view `height` rows high.
    pub fn scroll_down(&mut self, n: usize, height: usize) {
        let limit = self.max_top(height);
        for _ in 0..n {
            if limit <= self.pos {
                break;
            }
            self.step_down();
        }
        self.pos = self.pos.min(limit);
    }

    fn step_down(&mut self) {
        let h = self.height(self.pos.item);
        if self.pos.row + 1 < h {
            self.pos.row += 1;
        } else if self.pos.item + 1 < self.items.len() {
            self.pos = Pos {
                item: self.pos.item + 1,
                row: 0,
            };
        }
    }

    /// Scroll up by `n` rows.
    pub fn scroll_up(&mut self, n: usize) {
        for _ in 0..n {
            if self.pos.row > 0 {
                self.pos.row -= 1;
            } else if self.pos.item > 0 {
                let prev = self.pos.item - 1;
                let h = self.height(prev);
                self.pos = Pos {
                    item: prev,
                    row: h.saturating_sub(1),
                };
            } else {
                break;
            }
        }
    }

    /// The top position that puts the last row at the bottom of the view.
    pub fn max_top(&mut self, height: usize) -> Pos {
        let Some(last) = self.items.len().checked_sub(1) else {
            return Pos::default();
        };
        let mut remaining = height.max(1);
        let mut item = last;
        loop {
            let h = self.height(item);
            if h >= remaining {
                return Pos {
                    item,
                    row: h - remaining,
                };
            }
            remaining -= h;
            if item == 0 {
                return Pos::default();
            }
            item -= 1;
        }
    }

    /// Go to the start of item `i`, keeping within the scroll range.
    pub fn goto_item(&mut self, i: usize, height: usize) {
        self.pos = Pos {
            item: i.min(self.items.len().saturating_sub(1)),
            row: 0,
        };
        self.clamp(height);
    }

    /// Keep the position within the scroll range.
    pub fn clamp(&mut self, height: usize) {
        let limit = self.max_top(height);
        self.pos = self.pos.min(limit);
    }

    /// Make byte `byte` of item `item` visible in a view `height` rows
    /// high: if it is not on screen, put its row a third of the way down.
    pub fn reveal(&mut self, item: usize, byte: usize, height: usize) {
        let row = self.row_of(item, byte);
        if self.prepare(height).contains(&FlowRow::Text { item, row }) {
            return;
        }
        self.pos = Pos { item, row };
        self.scroll_up(height / 3);
        self.clamp(height);
    }

    /// Lay out what a view `height` rows high shows from the current
    /// position, and return its rows.
    pub fn prepare(&mut self, height: usize) -> Vec<FlowRow> {
        let mut rows = Vec::with_capacity(height);
        let mut pos = self.pos;
        while rows.len() < height && pos.item < self.items.len() {
            let n = self.rows(pos.item);
            let h = self.height(pos.item);
            if pos.row < n {
                rows.push(FlowRow::Text {
                    item: pos.item,
                    row: pos.row,
                });
            } else if pos.row < h {
                rows.push(FlowRow::Gap);
            }
            if pos.row + 1 < h {
                pos.row += 1;
            } else {
                pos = Pos {
                    item: pos.item + 1,
                    row: 0,
                };
            }
        }
        rows
    }

    /// How far through the flow the top of the view is, 0–100.
    pub fn percent(&self) -> usize {
        let anchor = self.anchor();
        let at = self.items.get(anchor.item).map_or(0, |i| i.offset) + anchor.byte;
        (at * 100 / self.total_bytes).min(100)
    }

    /// Where a view `height` rows high stands: the share of the text
    /// above its top (which only grows as the reader scrolls down, the
    /// blank row between paragraphs counting as the start of the next),
    /// 100 once the end is on screen, as less says END; and how far into
    /// its section the top is.
    pub fn place(&mut self, height: usize) -> Place {
        let limit = self.max_top(height);
        let at_end = self.pos >= limit;
        let percent = if at_end { 100 } else { self.percent().min(99) };
        Place {
            percent,
            at_end,
            section: self.section_percent(),
        }
    }

    /// How far the top of the view is into its section, 0–100.
    fn section_percent(&self) -> Option<usize> {
        let s = self.current_section()?;
        let start = self.items.get(*self.section_items.get(s)?)?.offset;
        let end = self
            .section_items
            .get(s + 1)
            .and_then(|&i| self.items.get(i))
            .map_or(self.total_bytes, |i| i.offset);
        let anchor = self.anchor();
        let at = self.items.get(anchor.item).map_or(0, |i| i.offset) + anchor.byte;
        let span = end.saturating_sub(start).max(1);
        Some((at.saturating_sub(start) * 100 / span).min(100))
    }

    /// The section the top of the view is in; the notes are the section
    /// after the document's last (`section_items` has their heading).
    /// (With the blank row before a heading on top, the section of that
    /// heading: the text anchor's.)
    pub fn current_section(&self) -> Option<usize> {
        let last = self.items.len().checked_sub(1)?;
        (0..=self.anchor().item.min(last)).rev().find_map(|i| {
            let item = &self.items[i];
            match item.kind {
                ItemKind::NotesHeading | ItemKind::Note(_) => self.notes_section(),
                _ => item.source.section(&self.doc),
            }
        })
    }

    /// The index the notes have among the sections (after the document's
    /// own), when they have a heading of their own.
    pub fn notes_section(&self) -> Option<usize> {
        self.notes_section
    }

    /// The screen row (0-based within the view) of marker `m`, if visible.
    pub fn marker_row(&self, m: usize, rows: &[FlowRow]) -> Option<usize> {
        let marker = self.markers.get(m)?;
        let laid = self.laid(marker.item)?;
        rows.iter().position(|r| match *r {
            FlowRow::Text { item, row } if item == marker.item => laid
                .row_cells(row)
                .iter()
                .any(|c| c.range().contains(&marker.range.start)),
            _ => false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::import::lines;

    fn flow(text: &str, width: usize) -> Flow {
        let doc = lines(text);
        Flow::new(
            Arc::new(doc),
            LayoutOptions {
                width,
                ..LayoutOptions::default()
            },
        )
    }

    #[test]
    fn reading_through_a_big_document_keeps_only_layouts_near_the_view() {
        // 3,000 paragraphs of 400 bytes, with a 100 KB cache kept for 20
        // items around the view (8 MB and 1024 in use): 1.2 MB to read
        // through, twelve times the cache.
        let para = "word ".repeat(80);
        let text: Vec<&str> = (0..3000).map(|_| para.as_str()).collect();
        let mut f = flow(&text.join("\n"), 80);
        let budget = 100_000;
        (f.cache_limit, f.cache_budget, f.cache_keep) = (budget, budget, 20);
        loop {
            let before = f.pos;
            f.scroll_down(200, 50);
            f.prepare(50);
            if f.pos == before {
                break; // the end is on screen
            }
        }
        assert!(f.pos.item > 2900);
        let cached = f.cache.iter().filter(|c| c.is_some()).count();
        assert!(cached > 0 && f.cached_bytes <= f.cache_limit);
        // At most what came since the last drop.
        assert!(cached * para.len() <= 2 * budget, "{cached} kept");
        assert!(f.laid(f.pos.item).is_some(), "the view's own are kept");
        assert!(f.laid(0).is_none(), "the start was dropped");
        // Back at the start, it is laid out again as before.
        f.scroll_up(usize::MAX);
        f.prepare(50);
        assert_eq!(f.pos, Pos::default());
        assert_eq!(f.rows(0), f.rows(1));
    }

    #[test]
    fn the_flow_shows_the_documents_own_text_without_a_copy() {
        // The document and the flow each held the whole text (5.9x the
        // file at peak on short paragraphs, where 4x is the limit).
        let doc = Arc::new(lines("first paragraph\nsecond one"));
        let f = Flow::new(Arc::clone(&doc), LayoutOptions::default());
        let own = doc.sections[0].blocks[1].plain_text();
        let Cow::Borrowed(shown) = f.text(1) else {
            panic!("a copy of a plain paragraph")
        };
        assert_eq!(shown, own);
        let Some(crate::document::Inline::Text { text }) =
            doc.sections[0].blocks[1].inlines.first()
        else {
            panic!("one piece of text")
        };
        assert!(
            std::ptr::eq(shown.as_ptr(), text.as_ptr()),
            "the same bytes"
        );
        assert_eq!(f.text_len(1), shown.len());
        assert_eq!(f.id(1).as_deref(), Some("s1.p2"));
        assert_eq!(f.find_id("s1.p2"), Some(1));
        // An item is its place in the document, an offset and its kind.
        assert!(std::mem::size_of::<Item>() <= 40);
    }

    #[test]
    fn scrolling_stops_at_the_end() {
        let mut f = flow("one\ntwo\nthree\nfour\nfive", 20);
        // 5 items + 4 gaps = 9 rows; a 4-row view can scroll to row 5.
        f.scroll_down(100, 4);
        let rows = f.prepare(4);
        assert_eq!(rows.last(), Some(&FlowRow::Text { item: 4, row: 0 }));
        assert_eq!(rows.len(), 4);
        f.scroll_up(100);
        assert_eq!(f.pos, Pos::default());
    }

    #[test]
    fn list_items_hang_from_their_start_side() {
        let opts = LayoutOptions {
            width: 20,
            ..LayoutOptions::default()
        };
        // An Arabic item: "• " then the word كلمة ("word") ten times.
        let word = "\u{643}\u{644}\u{645}\u{629}";
        let rtl = format!("\u{2022} {}", [word; 10].join(" "));
        let laid = hanging(&rtl, &opts);
        assert!(laid.rtl && laid.rows.len() > 1);
        let right = |r: &crate::layout::Row| r.indent + r.width;
        assert_eq!(right(&laid.rows[0]), 20, "the bullet row at the right edge");
        assert!(
            laid.rows[1..].iter().all(|r| right(r) <= 18),
            "the rest hang"
        );
        let ltr = format!("\u{2022} {}", ["word"; 10].join(" "));
        let laid = hanging(&ltr, &opts);
        assert_eq!(laid.rows[0].indent, 0);
        assert!(laid.rows[1..].iter().all(|r| r.indent == 2));
    }

    #[test]
    fn a_new_width_keeps_the_top_sentence() {
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu";
        let mut f = flow(text, 10);
        f.scroll_down(3, 2);
        let before = f.anchor();
        let word_at_top: String = text[before.byte..].split(' ').next().unwrap().to_string();
        f.set_options(LayoutOptions {
            width: 25,
            ..LayoutOptions::default()
        });
        let after = f.anchor();
        f.prepare(2);
        let laid = f.laid(after.item).unwrap();
        let row_text = laid.row_strings(text)[f.pos.row].clone();
        assert!(
            row_text.contains(&word_at_top),
            "{word_at_top} in {row_text}"
        );
    }
}
