//! The lines of every page as the shared structure stage reads them: text
//! in logical order, with the evidence the page gives. Blank lines stand
//! where the vertical gap is wider than the usual line pitch (page numbers
//! and running lines stand apart so); a drawn rule, or failing that a gap,
//! opens the footnote area above smaller text at the foot of a page;
//! indentation is measured from the edge of the text block on the side the
//! line starts from.

use std::ops::Range;

use super::interpret::Rule;
use super::lines::{Line, MARKER};
use super::running_heads;
use crate::document::import::paginated::{LineEvidence, Page, SourceLine};

/// A page's lines and rules, as read; the lines' text is in the
/// document's [`LineStore`], put there as each page is read, so that it is
/// not copied again later.
pub struct ReadPage {
    pub number: u32,
    pub lines: Vec<Placed>,
    pub rules: Vec<Rule>,
}

/// A line of a page whose text is in the store.
type Placed = Line<Span>;

impl ReadPage {
    /// A page read: its lines' text moves into `store`.
    pub fn new(number: u32, lines: Vec<Line>, rules: Vec<Rule>, store: &mut LineStore) -> Self {
        let lines = lines
            .into_iter()
            .map(|l| {
                let text = store.push(&l.text);
                l.with_text(text)
            })
            .collect();
        ReadPage {
            number,
            lines,
            rules,
        }
    }

    /// The text of its line `i`.
    fn text<'s>(&self, i: usize, store: &'s LineStore) -> &'s str {
        store.text(&self.lines[i].text)
    }
}

/// Facts about the whole document the pages are measured against.
struct Measures {
    /// The body text size (most characters are set in it).
    body: f32,
    /// The usual distance between baselines, per point of size.
    pitch: f32,
    /// The text block's left and right edges (body lines).
    left: f32,
    right: f32,
    /// Columns of the pages that have them, the most used first.
    columns: Vec<(f32, f32)>,
    /// Some body-size line carries a raised marker: the body's markers
    /// are glyphs, so a note printed `(1)` at the foot is the note of the
    /// raised `1`, not of a `(1)` in the text.
    raised_markers: bool,
}

fn measures(pages: &[ReadPage], store: &LineStore) -> Measures {
    let lines = || pages.iter().flat_map(|p| p.lines.iter());
    // Characters per half point of size.
    let mut sizes: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for p in pages {
        for (i, l) in p.lines.iter().enumerate() {
            *sizes.entry((l.size * 2.0).round() as i64).or_default() +=
                p.text(i, store).chars().count();
        }
    }
    let body = sizes
        .iter()
        .max_by_key(|&(s, n)| (*n, -*s))
        .map_or(12.0, |(s, _)| *s as f32 / 2.0);
    let is_body = |l: &Placed| (l.size - body).abs() < 0.25;
    let mut ratios: Vec<f32> = pages
        .iter()
        .flat_map(|p| p.lines.windows(2))
        .filter(|w| is_body(&w[0]) && is_body(&w[1]))
        .map(|w| (w[1].y - w[0].y) / body)
        .filter(|r| (0.8..3.0).contains(r))
        .collect();
    ratios.sort_by(f32::total_cmp);
    let pitch = ratios.get(ratios.len() / 3).copied().unwrap_or(1.3);
    let mut lefts: Vec<f32> = lines().filter(|l| is_body(l)).map(|l| l.x0).collect();
    let mut rights: Vec<f32> = lines().filter(|l| is_body(l)).map(|l| l.x1).collect();
    lefts.sort_by(f32::total_cmp);
    rights.sort_by(f32::total_cmp);
    // Not the extremes: a stray wide line should not move the edges.
    let left = lefts.get(lefts.len() / 10).copied().unwrap_or(0.0);
    let right = rights.get(rights.len() * 9 / 10).copied().unwrap_or(0.0);
    let raised_markers = lines().any(|l| l.raised && l.size >= body * 0.97);
    Measures {
        body,
        pitch,
        left,
        right,
        columns: usual_columns(pages),
        raised_markers,
    }
}

/// The columns the pages with a gutter have, most lines first: each a
/// `(left, right)` box, rounded to the point.
fn usual_columns(pages: &[ReadPage]) -> Vec<(f32, f32)> {
    let mut count: std::collections::HashMap<(i32, i32), usize> = std::collections::HashMap::new();
    for line in pages.iter().flat_map(|p| p.lines.iter()) {
        if let Some((l, r)) = line.column {
            *count
                .entry((l.round() as i32, r.round() as i32))
                .or_default() += 1;
        }
    }
    let mut columns: Vec<((i32, i32), usize)> = count.into_iter().collect();
    columns.sort_by_key(|&((l, r), n)| (std::cmp::Reverse(n), l, r));
    columns
        .into_iter()
        .take(4)
        .map(|((l, r), _)| (l as f32, r as f32))
        .collect()
}

/// A page of a two-column document with no gutter of its own (the last
/// page, its text in the first column only): when nearly all its lines
/// (all but a running head and a page number) stand in one of the
/// document's usual columns, those are measured against it.
fn adopt_column(page: &mut ReadPage, m: &Measures) {
    if page.lines.iter().any(|l| l.column.is_some()) {
        return;
    }
    let inside = |l: &Placed, (left, right): (f32, f32)| l.x0 >= left - 3.0 && l.x1 <= right + 3.0;
    let within = |&c: &(f32, f32)| {
        let n = page.lines.iter().filter(|l| inside(l, c)).count();
        n >= 3 && n * 4 >= page.lines.len() * 3
    };
    let Some(&column) = m.columns.iter().find(|c| within(c)) else {
        return;
    };
    if (column.1 - column.0) > 0.8 * (m.right - m.left) {
        return;
    }
    for line in &mut page.lines {
        if inside(line, column) {
            line.column = Some(column);
        }
    }
}

/// The text and the evidence of every line of the document, in chunks: a
/// long PDF has thousands of lines, and a string and a box of their own
/// for each cost more than the text (the allocator's overhead on each, and
/// the holes they leave among the lines once freed); chunks of a fixed
/// size, not one growing buffer, as that would be copied as it grows and
/// hold up to twice its text.
#[derive(Default)]
pub struct LineStore {
    text: Vec<String>,
    evidence: Vec<Vec<LineEvidence>>,
}

/// Bytes of text in a chunk at most (a longer line has a chunk of its
/// own); the first chunks are smaller, each twice the one before (from
/// 1 KiB), so a short PDF's store is short too.
const TEXT_CHUNK: usize = 32 * 1024;
/// Lines' evidence in a chunk; the first grows to that as it fills.
const EVIDENCE_CHUNK: usize = 1024;

/// Where a line's text is in the store: its chunk and its bytes there.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    chunk: usize,
    bytes: Range<usize>,
}

/// A line kept in the store: where its text and evidence are, and its
/// indentation.
struct StoredLine {
    text: Span,
    evidence: Option<usize>,
    lead: usize,
    trail: usize,
    rule: bool,
}

/// A page of stored lines.
pub struct StoredPage {
    number: u32,
    lines: Vec<StoredLine>,
}

/// Every page's lines put in `store`, for the structure stage (see
/// [`pages`]); each page's lines as read are dropped once stored.
/// `labels` gets, for each line that starts with a marker, the marker as
/// printed when the line says it.
pub fn store_pages(
    pages: Vec<ReadPage>,
    store: &mut LineStore,
    labels: &mut Vec<Option<String>>,
) -> Vec<StoredPage> {
    let m = measures(&pages, store);
    let all: Vec<&[Placed]> = pages.iter().map(|p| p.lines.as_slice()).collect();
    let heads = running_heads::find(&all, |l| smaller(l, &m), |a, b| spacing(a, b, &m) > 1.4);
    drop(all);
    let mut out = Vec::with_capacity(pages.len());
    for (mut page, head) in pages.into_iter().zip(heads) {
        adopt_column(&mut page, &m);
        let lines = store_page(&mut page, head, &m, store, labels);
        out.push(StoredPage {
            number: page.number,
            lines,
        });
    }
    store.shrink_last();
    out
}

/// The pages as the structure stage reads them, their lines' text and
/// evidence borrowed from `store`; each stored page goes once turned.
pub fn pages(store: &LineStore, stored: Vec<StoredPage>) -> Vec<Page<'_>> {
    let mut index = 0u32;
    let mut out = Vec::with_capacity(stored.len());
    for page in stored {
        // A vector of its own (not the stored page's, which is larger):
        // the stored one goes now.
        let mut lines = Vec::with_capacity(page.lines.len());
        lines.extend(page.lines.into_iter().map(|line| {
            let mut source = SourceLine::plain(
                store.text(&line.text),
                page.number,
                index,
                line.lead,
                line.trail,
            );
            index += 1;
            source.rule = line.rule;
            source.evidence = line.evidence.map(|e| store.evidence(e));
            source
        }));
        out.push(Page {
            number: page.number,
            lines,
        });
    }
    out
}

impl LineStore {
    /// Put `text` in the store; where it is.
    pub fn push(&mut self, text: &str) -> Span {
        let fits = self
            .text
            .last()
            .is_some_and(|c| c.capacity() - c.len() >= text.len());
        if !fits {
            let last = self.text.last().map_or(0, String::capacity);
            let size = (2 * last).clamp(1024, TEXT_CHUNK).max(text.len());
            self.text.push(String::with_capacity(size));
        }
        let chunk = self.text.len() - 1;
        let c = &mut self.text[chunk];
        let start = c.len();
        c.push_str(text);
        Span {
            chunk,
            bytes: start..c.len(),
        }
    }

    /// The text at `span`.
    fn text(&self, span: &Span) -> &str {
        self.text
            .get(span.chunk)
            .map_or("", |c| &c[span.bytes.clone()])
    }

    /// Put a line's evidence in the store; its number there.
    fn push_evidence(&mut self, evidence: LineEvidence) -> usize {
        if self
            .evidence
            .last()
            .is_none_or(|c| c.len() == EVIDENCE_CHUNK)
        {
            let first = self.evidence.is_empty();
            let size = if first { 0 } else { EVIDENCE_CHUNK };
            self.evidence.push(Vec::with_capacity(size));
        }
        let full = (self.evidence.len() - 1) * EVIDENCE_CHUNK;
        let last = self.evidence.last_mut().expect("a chunk");
        last.push(evidence);
        full + last.len() - 1
    }

    /// The evidence numbered `n`.
    fn evidence(&self, n: usize) -> &LineEvidence {
        &self.evidence[n / EVIDENCE_CHUNK][n % EVIDENCE_CHUNK]
    }

    /// The last chunks are full no more: the room left in them goes.
    fn shrink_last(&mut self) {
        if let Some(c) = self.text.last_mut() {
            c.shrink_to_fit();
        }
        if let Some(c) = self.evidence.last_mut() {
            c.shrink_to_fit();
        }
    }

    /// A line with no text: a blank between blocks, or a rule.
    fn blank(&self, rule: bool) -> StoredLine {
        StoredLine {
            // In no chunk: empty.
            text: Span {
                chunk: usize::MAX,
                bytes: 0..0,
            },
            evidence: None,
            lead: 0,
            trail: 0,
            rule,
        }
    }
}

fn store_page(
    page: &mut ReadPage,
    head: Option<usize>,
    m: &Measures,
    store: &mut LineStore,
    labels: &mut Vec<Option<String>>,
) -> Vec<StoredLine> {
    let separators = separators(page, m, store);
    let page = &*page;
    // A page starts and ends apart from its neighbours.
    let mut out = vec![store.blank(false)];
    let mut prev: Option<&Placed> = None;
    let mut in_notes = false;
    for (i, line) in page.lines.iter().enumerate() {
        let mut text = line.text.clone();
        if separators.contains(&i) {
            out.push(store.blank(true));
            in_notes = true;
        } else if prev.is_some_and(|p| spacing(p, line, m) > 1.4) {
            out.push(store.blank(false));
        }
        in_notes &= smaller(line, m);
        let gap_before = prev.is_some_and(|p| {
            (p.size - line.size).abs() < 0.25 && spacing(p, line, m) > 1.1 && !runs_on(p, line, m)
        });
        // A heading set on two lines is one line of the source.
        let continues_heading = prev.is_some_and(|p| {
            larger(p, m)
                && larger(line, m)
                && (p.size - line.size).abs() < 0.25
                && p.bold == line.bold
                && spacing(p, line, m) < 1.3
        });
        if let (true, Some(last)) = (continues_heading, out.last_mut()) {
            let joined = format!("{} {}", store.text(&last.text), store.text(&text));
            last.text = store.push(&joined);
            prev = Some(line);
            continue;
        }
        let mut label = line.marker.clone();
        if in_notes {
            let read = store.text(&text);
            if let Some((printed, rest)) = printed_note_start(read, m.raised_markers) {
                label = Some(printed.to_string());
                let rewritten = format!("{MARKER} {rest}");
                text = store.push(&rewritten);
            }
        }
        if store.text(&text).starts_with(MARKER) {
            labels.push(label);
        }
        let running = head == Some(i);
        out.push(stored_line(line, text, m, (gap_before, running), store));
        prev = Some(line);
    }
    out.push(store.blank(false));
    out.shrink_to_fit();
    out
}

/// The distance between two lines' baselines against the usual distance
/// for lines of their sizes: 1 within a paragraph.
fn spacing(above: &Placed, below: &Placed, m: &Measures) -> f32 {
    let usual = m.pitch * (above.size + below.size) / 2.0;
    (below.y - above.y) / usual.max(1.0)
}

/// `line` carries on the paragraph of `above`, whatever the space between
/// them: `above` is justified to the far edge and `line` starts flush at
/// the near one, with no indent. (Typst makes a line taller when it holds
/// letters from a fallback font, Latin words in an Arabic line, so such a
/// line stands as far apart as a new paragraph would.)
fn runs_on(above: &Placed, line: &Placed, m: &Measures) -> bool {
    let (left, right) = line.column.unwrap_or((m.left, m.right));
    let em = line.size.max(1.0);
    let full = if above.rtl {
        above.x0 - left < 0.5 * em
    } else {
        right - above.x1 < 0.5 * em
    };
    let flush = if line.rtl {
        right - line.x1 < 0.5 * em
    } else {
        line.x0 - left < 0.5 * em
    };
    full && flush
}

/// Larger than the body text, as headings are: a 12 pt essay may set its
/// headings in 13 pt, so a point more is enough (but not the half point
/// by which lines with a few larger glyphs can stand out).
fn larger(line: &Placed, m: &Measures) -> bool {
    line.size > m.body * 1.05
}

/// Smaller than the body text, as footnotes are (some producers set
/// them only half a point smaller).
fn smaller(line: &Placed, m: &Measures) -> bool {
    line.size < m.body * 0.97
}

/// Before which lines footnote areas start: under each rule, the first
/// line of the rule's column below it when that line is smaller text; or,
/// with no rule on the page, before a run of smaller lines at its foot
/// that starts with a marker. On a page of one column every line below
/// the rule is in its column: the rule may stand at one end of the text
/// block and a short line at the other (XeLaTeX draws it at the left
/// under right-to-left notes, whose continued last line is short).
fn separators(page: &ReadPage, m: &Measures, store: &LineStore) -> Vec<usize> {
    let one_column = page.lines.iter().all(|l| l.column.is_none());
    let mut found: Vec<usize> = page
        .rules
        .iter()
        .take(64)
        .filter_map(|r| {
            let i = page.lines.iter().position(|l| {
                l.y > r.y && (one_column || (l.x0 <= r.x1 + 2.0 && l.x1 >= r.x0 - 2.0))
            })?;
            (smaller(&page.lines[i], m) && i > 0).then_some(i)
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    if !found.is_empty() {
        return found;
    }
    // No rule: the last body-size line, then smaller lines with a marker.
    let Some(last_body) = page.lines.iter().rposition(|l| !smaller(l, m)) else {
        return found;
    };
    let first = last_body + 1;
    let starts_note = page.lines.get(first).is_some_and(|l| {
        let text = page.text(first, store);
        (l.raised && text.starts_with(MARKER))
            || printed_note_start(text, m.raised_markers).is_some()
    });
    if starts_note {
        found.push(first);
    }
    found
}

/// A line of a footnote area that starts with its note's label set on
/// the line (not raised): the label as the body's marker shows it, and
/// the rest. The label is 1 to 3 digits (Latin or Arabic-Indic), or the
/// symbols notes are marked with (`*`, `†`, `‡`, `§`, one to three), or,
/// when the body's markers are raised glyphs (`bracketed`), digits in
/// brackets (`(1)`, `[1]`, whose raised marker is the bare number).
fn printed_note_start(text: &str, bracketed: bool) -> Option<(&str, &str)> {
    let (label, after) = note_label(text, bracketed)?;
    let rest = after.trim_start_matches(['.', ')', '-']).trim_start();
    rest.chars()
        .next()
        .is_some_and(char::is_alphabetic)
        .then_some((label, rest))
}

/// The label at the start of `text` and what follows it.
fn note_label(text: &str, bracketed: bool) -> Option<(&str, &str)> {
    let run = |s: &str, f: fn(char) -> bool| s.find(|c: char| !f(c)).unwrap_or(s.len());
    let digits = run(text, char::is_numeric);
    if (1..=3).contains(&text[..digits].chars().count()) {
        return Some(text.split_at(digits));
    }
    let symbols = run(text, |c| {
        matches!(c, '*' | '\u{2020}' | '\u{2021}' | '\u{a7}')
    });
    if (1..=3).contains(&text[..symbols].chars().count()) {
        return Some(text.split_at(symbols));
    }
    let (open, close) = match text.chars().next()? {
        '(' if bracketed => ('(', ')'),
        '[' if bracketed => ('[', ']'),
        _ => return None,
    };
    let inner = &text[open.len_utf8()..];
    let digits = run(inner, char::is_numeric);
    let label = &inner[..digits];
    let after = inner[digits..].strip_prefix(close)?;
    (1..=3)
        .contains(&label.chars().count())
        .then_some((label, after))
}

/// A line whose text is in the store at `text`, its evidence put there.
fn stored_line(
    line: &Placed,
    text: Span,
    m: &Measures,
    (gap_before, running): (bool, bool),
    store: &mut LineStore,
) -> StoredLine {
    // Indentation in characters of about half the size.
    let em = (line.size * 0.5).max(1.0);
    let (left, right) = line.column.unwrap_or((m.left, m.right));
    let from_left = ((line.x0 - left) / em).round().max(0.0) as usize;
    let from_right = ((right - line.x1) / em).round().max(0.0) as usize;
    // A left-to-right line flush with the right edge (and not the left)
    // belongs to a right-to-left paragraph: it has no indent of its own.
    let flush_right = from_right <= 1 && from_left > 1;
    let (lead, trail) = match (line.rtl, flush_right) {
        (true, _) => (0, from_right),
        (false, true) => (0, 0),
        (false, false) => (from_left, 0),
    };
    let evidence = store.push_evidence(LineEvidence {
        x: Some(line.x0),
        y: Some(line.y),
        size: Some(line.size),
        bold: Some(line.bold),
        raised: Some(line.raised),
        smaller: Some(smaller(line, m)),
        larger: Some(larger(line, m)),
        gap_before: Some(gap_before),
        running: Some(running),
    });
    StoredLine {
        text,
        evidence: Some(evidence),
        lead,
        trail,
        rule: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, y: f32, size: f32) -> Line {
        Line::plain(text, 72.0, y, size)
    }

    #[test]
    fn the_store_gives_back_what_it_was_given_across_chunks() {
        let mut store = LineStore::default();
        let long = "x".repeat(TEXT_CHUNK + 10);
        let texts = ["first", &long, "third", &"y".repeat(TEXT_CHUNK - 3), "last"];
        let spans: Vec<Span> = texts.iter().map(|t| store.push(t)).collect();
        for (span, text) in spans.iter().zip(texts) {
            assert_eq!(store.text(span), text);
        }
        // The long line has a chunk of its own; no line is split; no
        // chunk but a long line's is larger than TEXT_CHUNK.
        assert_eq!(store.text[spans[1].chunk].len(), long.len());
        assert!(spans[3].chunk > spans[2].chunk);
        assert!(store
            .text
            .iter()
            .all(|c| c.len() <= TEXT_CHUNK || c == &long));
        let numbers: Vec<usize> = (0..EVIDENCE_CHUNK + 2)
            .map(|i| {
                store.push_evidence(LineEvidence {
                    y: Some(i as f32),
                    ..LineEvidence::default()
                })
            })
            .collect();
        for n in numbers {
            assert_eq!(store.evidence(n).y, Some(n as f32));
        }
        assert_eq!(store.evidence.len(), 2);
    }

    #[test]
    fn lines_come_back_from_the_store_with_their_evidence() {
        let mut store = LineStore::default();
        let read = vec![ReadPage::new(
            1,
            vec![
                line("A Heading Set", 100.0, 16.0),
                line("On Two Lines", 118.0, 16.0),
                line(
                    "The body text of the page, set at the usual size.",
                    150.0,
                    10.0,
                ),
                line(
                    "More of it on the next line, at the same pitch.",
                    162.0,
                    10.0,
                ),
            ],
            Vec::new(),
            &mut store,
        )];
        let stored = store_pages(read, &mut store, &mut Vec::new());
        let pages = pages(&store, stored);
        let lines = &pages[0].lines;
        let texts: Vec<&str> = lines.iter().map(|l| &*l.text).collect();
        // Blank lines around the page and below the heading (set apart by
        // more than two body lines' pitch); the heading's two lines are one.
        assert_eq!(
            texts,
            [
                "",
                "A Heading Set On Two Lines",
                "",
                "The body text of the page, set at the usual size.",
                "More of it on the next line, at the same pitch.",
                "",
            ]
        );
        let indices: Vec<u32> = lines.iter().map(|l| l.index).collect();
        assert_eq!(indices, [0, 1, 2, 3, 4, 5]);
        assert!(lines.iter().all(|l| l.page == 1));
        // Blank lines know nothing; text lines what their glyphs said.
        assert!(lines[0].evidence.is_none() && lines[2].evidence.is_none());
        let heading = lines[1].evidence.expect("the heading's evidence");
        assert_eq!((heading.y, heading.larger), (Some(100.0), Some(true)));
        let body = lines[4].evidence.expect("the body line's evidence");
        assert_eq!((body.y, body.larger), (Some(162.0), Some(false)));
        assert_eq!(body.smaller, Some(false));
    }

    #[test]
    fn a_rule_opens_the_notes_below_it_at_the_far_end_of_one_column() {
        // A page of one column: the rule at the left (x 45 to 177), the
        // continued note's last line short at the right (245 to 374).
        let mut store = LineStore::default();
        let body = |y: f32| Line {
            x1: 374.0,
            ..line("The body text of the page, set at the usual size.", y, 11.0)
        };
        let note = Line {
            x0: 245.0,
            x1: 374.0,
            ..line("the end of a note from the page before.", 544.0, 9.0)
        };
        let lines = vec![body(100.0), body(114.0), body(128.0), note];
        let rule = Rule {
            y: 534.0,
            x0: 45.0,
            x1: 177.0,
        };
        let read = vec![ReadPage::new(1, lines, vec![rule], &mut store)];
        let stored = store_pages(read, &mut store, &mut Vec::new());
        let pages = pages(&store, stored);
        let rules: Vec<usize> = (0..pages[0].lines.len())
            .filter(|&i| pages[0].lines[i].rule)
            .collect();
        // The rule stands between the body and the note.
        assert_eq!(rules.len(), 1);
        assert_eq!(
            &*pages[0].lines[rules[0] + 1].text,
            "the end of a note from the page before."
        );
    }

    // انظر (see), the first word of a note
    const SEE: &str = "\u{627}\u{646}\u{638}\u{631}";

    /// The label and the rest of `t`, owned.
    fn at(t: &str, bracketed: bool) -> Option<(String, String)> {
        printed_note_start(t, bracketed).map(|(l, r)| (l.to_string(), r.to_string()))
    }

    fn is(label: &str) -> Option<(String, String)> {
        Some((label.to_string(), SEE.to_string()))
    }

    #[test]
    fn notes_start_with_their_label_as_printed() {
        assert_eq!(at(&format!("1 {SEE}"), false), is("1"));
        assert_eq!(at(&format!("12. {SEE}"), false), is("12"));
        assert_eq!(at(&format!("*{SEE}"), false), is("*"));
        assert_eq!(at(&format!("\u{2020} {SEE}"), false), is("\u{2020}"));
        // `(1)` is the raised `1`'s note only when the body's markers are
        // raised glyphs; otherwise the body prints `(1)` too.
        assert_eq!(at(&format!("(1){SEE}"), true), is("1"));
        assert_eq!(at(&format!("[3] {SEE}"), true), is("3"));
        assert_eq!(at(&format!("(1){SEE}"), false), None);
    }

    #[test]
    fn other_lines_start_no_note() {
        // A year, a lettered item, a number with nothing after it.
        for t in [
            "1964 was the year",
            "(a) an item",
            "(12",
            "12",
            "**** stars",
        ] {
            assert_eq!(at(t, true), None, "{t}");
        }
    }
}
