//! Pure text layout: a paragraph in logical order in, terminal rows in visual
//! order out. Knows nothing of ratatui or crossterm, so it can be tested with
//! plain strings and reused by `--print`, the reader and the benchmarks.
//!
//! The steps, in order (UAX #9 and UAX #14 as parley does them):
//! 1. cut the paragraph into grapheme clusters; controls become visible
//!    symbols, bidi controls and other invisible format characters vanish;
//! 2. shape Arabic (presentation forms, lam-alef) on the logical text, so the
//!    widths that are measured are the widths that will be drawn;
//! 3. resolve bidi levels once for the whole paragraph;
//! 4. fit rows at UAX #14 break opportunities by summing cell widths;
//! 5. per row: apply L1, reorder the clusters (L2, and L3 because clusters
//!    are reversed whole), mirror at odd levels (L4), align RTL rows right.

pub mod bidi;
pub mod breaks;
pub mod clusters;
pub mod isolates;
pub mod sanitize;
pub mod shape;
pub mod width;
pub mod wrap;

use std::borrow::Cow;
use std::ops::Range;

use unicode_properties::{GeneralCategoryGroup, UnicodeGeneralCategory};
use unicode_width::UnicodeWidthChar;

pub use bidi::Direction;
use bidi::ParagraphLevels;
use wrap::{Break, Metrics};

/// Identifies a style (footnote marker, search hit, emphasis…); what it
/// looks like is the view's business.
pub type StyleId = u16;

/// A style over a range of logical byte offsets of the paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StyleSpan {
    pub range: Range<usize>,
    pub style: StyleId,
}

/// How to lay a paragraph out.
#[derive(Clone, Copy, Debug)]
pub struct LayoutOptions {
    /// Row width in cells.
    pub width: usize,
    /// Base direction: auto (P2/P3) or forced.
    pub direction: Direction,
    /// Arabic contextual shaping (for terminals that do not shape).
    pub shape: bool,
    /// Right-align the rows of right-to-left paragraphs within `width`.
    pub align_rtl: bool,
    /// Reorder each row into visual order (and mirror). Off for terminals
    /// that do their own bidi: rows are then cut as usual but left in
    /// logical order.
    pub reorder: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            width: 80,
            direction: Direction::Auto,
            shape: true,
            align_rtl: true,
            reorder: true,
        }
    }
}

/// What a cell shows, relative to the source bytes it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Glyph {
    /// The source grapheme as it is.
    Source,
    /// This character in place of the grapheme's base character(s), followed
    /// by its combining marks: a mirrored bracket, a presentation form, a
    /// lam-alef ligature.
    Replace(char),
    /// This character, then the source: a dotted circle carrying a combining
    /// mark that has no base.
    Prefix(char),
    /// Only this character: a control shown as a symbol, or a placeholder for
    /// a character too wide for the row.
    Symbol(char),
}

/// One terminal cell (or two, for wide characters) of a laid-out row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Logical byte range of the source this cell shows.
    pub start: u32,
    pub end: u32,
    /// Columns taken.
    pub width: u8,
    /// Resolved bidi level (after L1).
    pub level: u8,
    pub glyph: Glyph,
    pub style: Option<StyleId>,
}

impl Cell {
    /// The logical byte range of the source shown by this cell.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Append what this cell shows to `out`; `source` is the paragraph text.
    pub fn push_text(&self, source: &str, out: &mut String) {
        let text = &source[self.range()];
        match self.glyph {
            Glyph::Source => out.push_str(text),
            Glyph::Symbol(c) => out.push(c),
            Glyph::Prefix(c) => {
                out.push(c);
                out.push_str(text);
            }
            Glyph::Replace(c) => {
                // The replaced base character(s) are the ones that take a
                // cell; what follows them without a cell of its own
                // (harakat, ZWJ) rides along.
                out.push(c);
                // (simple_base is a cheap test for the common one-cell
                // letters, before the width table is consulted)
                out.extend(
                    text.chars()
                        .skip(1)
                        .filter(|&m| !clusters::simple_base(m) && m.width() == Some(0)),
                );
            }
        }
    }

    /// What this cell shows, borrowed from `source` when unchanged.
    pub fn text<'a>(&self, source: &'a str) -> Cow<'a, str> {
        match self.glyph {
            Glyph::Source => Cow::Borrowed(&source[self.range()]),
            _ => {
                let mut s = String::new();
                self.push_text(source, &mut s);
                Cow::Owned(s)
            }
        }
    }
}

/// One row: its cells in visual order, left to right.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Index range into [`Laid::cells`].
    pub cells: Range<usize>,
    /// Blank cells before the first cell (right alignment of RTL rows).
    pub indent: usize,
    /// Columns taken by the cells, not counting `indent`.
    pub width: usize,
}

/// A laid-out paragraph.
#[derive(Clone, Debug, Default)]
pub struct Laid {
    pub rows: Vec<Row>,
    pub cells: Vec<Cell>,
    /// The paragraph's resolved base direction is right to left.
    pub rtl: bool,
}

impl Laid {
    /// The cells of row `i`, left to right.
    pub fn row_cells(&self, i: usize) -> &[Cell] {
        &self.cells[self.rows[i].cells.clone()]
    }

    /// Append row `i` as plain text (indent included) to `out`.
    pub fn push_row_text(&self, source: &str, i: usize, out: &mut String) {
        out.extend(std::iter::repeat_n(' ', self.rows[i].indent));
        for cell in self.row_cells(i) {
            cell.push_text(source, out);
        }
    }

    /// Every row as plain text, for tests and `--print --plain`.
    pub fn row_strings(&self, source: &str) -> Vec<String> {
        (0..self.rows.len())
            .map(|i| {
                let mut s = String::new();
                self.push_row_text(source, i, &mut s);
                s
            })
            .collect()
    }
}

/// A grapheme cluster (or lam-alef pair) on its way to becoming a cell.
#[derive(Clone, Copy, Debug)]
struct Unit {
    start: u32,
    end: u32,
    width: u8,
    glyph: Glyph,
    metrics: Metrics,
}

/// Dotted circle, the conventional base for a combining mark shown alone.
const DOTTED_CIRCLE: char = '\u{25CC}';
/// Shown for a character wider than the whole row.
const TOO_WIDE: char = '\u{2026}';

fn is_mark(c: char) -> bool {
    c.general_category_group() == GeneralCategoryGroup::Mark
}

fn has_arabic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Lay out one paragraph. `text` must not contain paragraph breaks a caller
/// wants honoured as such (they are shown as symbols); `spans` must be sorted
/// by start and not overlap.
pub fn layout_paragraph(text: &str, options: &LayoutOptions, spans: &[StyleSpan]) -> Laid {
    let mut laid = Laid::default();
    let bidi_text = isolates::isolate_ltr_tokens(text, sanitize::text_for_bidi(text));
    let levels = ParagraphLevels::new(&bidi_text, options.direction);
    laid.rtl = levels.is_rtl();
    if options.width == 0 {
        return laid;
    }
    let mut units = units_of(text, options.width);
    if options.shape && has_arabic(text) {
        units = shape_units(text, units);
    }
    let metrics: Vec<Metrics> = units.iter().map(|u| u.metrics).collect();
    let row_ranges = wrap::fit_rows(&metrics, options.width);
    if row_ranges.is_empty() {
        laid.rows.push(Row {
            cells: 0..0,
            indent: if laid.rtl && options.align_rtl {
                options.width
            } else {
                0
            },
            width: 0,
        });
        return laid;
    }
    laid.cells.reserve(units.len());
    let mut line_levels = Vec::new();
    let mut unit_levels = Vec::new();
    let mut order = Vec::new();
    let mut span_cursor = 0;
    for range in row_ranges {
        let row_units = &units[range];
        let first_cell = laid.cells.len();
        let mut row_width = 0;
        if let (Some(first), Some(last)) = (row_units.first(), row_units.last()) {
            let line = first.start as usize..last.end as usize;
            levels.line_levels(line.clone(), &mut line_levels);
            unit_levels.clear();
            unit_levels.extend(
                row_units
                    .iter()
                    .map(|u| line_levels[u.start as usize - line.start]),
            );
            if options.reorder {
                bidi::visual_order_into(&unit_levels, &mut order);
            } else {
                order.clear();
                order.extend(0..row_units.len());
            }
            for &index in &order {
                let unit = &row_units[index];
                let level = unit_levels[index];
                row_width += usize::from(unit.width);
                laid.cells.push(Cell {
                    start: unit.start,
                    end: unit.end,
                    width: unit.width,
                    level,
                    glyph: if options.reorder {
                        mirrored(text, unit, level)
                    } else {
                        unit.glyph
                    },
                    style: None,
                });
            }
            if !spans.is_empty() {
                apply_styles(&mut laid.cells[first_cell..], spans, &mut span_cursor);
            }
        }
        let indent = if laid.rtl && options.align_rtl {
            options.width.saturating_sub(row_width)
        } else {
            0
        };
        laid.rows.push(Row {
            cells: first_cell..laid.cells.len(),
            indent,
            width: row_width,
        });
    }
    laid
}

/// Rule L4: a mirrored character at an odd level shows its mirror image.
fn mirrored(text: &str, unit: &Unit, level: u8) -> Glyph {
    if level % 2 == 1 && unit.glyph == Glyph::Source {
        let c = text[unit.start as usize..].chars().next();
        // Letters, digits and spaces never mirror (nor does anything in the
        // Arabic block); skip the lookup for them.
        let may_mirror = |c: &char| {
            !c.is_ascii_alphanumeric() && *c != ' ' && !('\u{0600}'..'\u{0700}').contains(c)
        };
        if let Some(m) = c.filter(may_mirror).and_then(bidi::mirror) {
            return Glyph::Replace(m);
        }
    }
    unit.glyph
}

/// Give each cell the style of the span holding its first byte. Rows come in
/// logical order, so the cursor into `spans` only moves forward… except that
/// within a row cells are in visual order, hence the search from the row's
/// cursor rather than a single pass.
fn apply_styles(cells: &mut [Cell], spans: &[StyleSpan], cursor: &mut usize) {
    let row_start = cells.iter().map(|c| c.start as usize).min().unwrap_or(0);
    while *cursor < spans.len() && spans[*cursor].range.end <= row_start {
        *cursor += 1;
    }
    let rest = &spans[*cursor..];
    for cell in cells {
        let at = cell.start as usize;
        let i = rest.partition_point(|s| s.range.end <= at);
        if let Some(span) = rest.get(i) {
            if span.range.start <= at && at < span.range.end {
                cell.style = Some(span.style);
            }
        }
    }
}

/// Step 1: grapheme clusters with their widths and break opportunities.
fn units_of(text: &str, row_width: usize) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::with_capacity(text.len() / 2);
    let mut breaks = breaks::break_opportunities(text).into_iter().peekable();
    let mut pending = Break::None;
    let clusters = clusters::clusters(text);
    let fast = clusters.is_fast();
    for (at, grapheme) in clusters {
        // Break opportunities inside a cluster (UAX #14 allows one between a
        // space and a following combining mark) are not ours to take.
        while let Some(&(b, kind)) = breaks.peek() {
            if b > at {
                break;
            }
            if b == at {
                pending = pending.max_with(kind);
            }
            breaks.next();
        }
        let Some(first) = grapheme.chars().next() else {
            continue;
        };
        let (glyph, width) = if fast && clusters::simple_base(first) {
            // Every simple base character is one cell and its harakat none.
            (Glyph::Source, 1)
        } else if sanitize::is_bidi_control(first) {
            continue;
        } else if let Some(symbol) = sanitize::visible_symbol(first) {
            (Glyph::Symbol(symbol), 1)
        } else {
            match width::grapheme_width(grapheme) {
                0 if is_mark(first) => (Glyph::Prefix(DOTTED_CIRCLE), 1),
                0 => continue, // ZWSP, a lone ZWJ, word joiner…: nothing to draw
                w if w > row_width => (Glyph::Symbol(TOO_WIDE), 1),
                w => (Glyph::Source, w.min(255)),
            }
        };
        let space =
            first == '\t' || (first.is_whitespace() && grapheme.chars().all(char::is_whitespace));
        units.push(Unit {
            start: at as u32,
            end: (at + grapheme.len()) as u32,
            width: width as u8,
            glyph,
            metrics: Metrics {
                width: width as u16,
                space,
                before: std::mem::take(&mut pending),
            },
        });
    }
    units
}

impl Break {
    fn max_with(self, other: Break) -> Break {
        match (self, other) {
            (Break::Mandatory, _) | (_, Break::Mandatory) => Break::Mandatory,
            (Break::Allowed, _) | (_, Break::Allowed) => Break::Allowed,
            _ => Break::None,
        }
    }
}

/// Step 2: presentation forms and lam-alef ligatures, on logical order.
fn shape_units(text: &str, units: Vec<Unit>) -> Vec<Unit> {
    let letters: Vec<shape::Letter> = units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let adjacent = i > 0
                && units[i - 1].end == u.start
                && u.glyph == Glyph::Source
                && units[i - 1].glyph == Glyph::Source;
            shape::Letter::of(&text[u.start as usize..u.end as usize], adjacent)
        })
        .collect();
    let shaped = shape::shape_letters(&letters);
    // Rewrite in place: a lam-alef pair becomes one unit, so the units
    // after it move down.
    let mut units = units;
    let (mut read, mut write) = (0, 0);
    while read < units.len() {
        let mut unit = units[read];
        match shaped[read] {
            shape::Shaped::Keep => {}
            shape::Shaped::Form(c) if unit.glyph == Glyph::Source => unit.glyph = Glyph::Replace(c),
            shape::Shaped::Form(_) => {}
            shape::Shaped::LamAlef(c) => {
                // One cell for both letters; the alef's marks ride along.
                unit.glyph = Glyph::Replace(c);
                unit.end = units[read + 1].end;
                read += 1;
            }
        }
        units[write] = unit;
        write += 1;
        read += 1;
    }
    units.truncate(write);
    units
}
