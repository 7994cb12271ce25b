//! The lines of every page as the shared structure stage reads them: text
//! in logical order, with the evidence the page gives. Blank lines stand
//! where the vertical gap is wider than the usual line pitch (page numbers
//! and running lines stand apart so); a drawn rule, or failing that a gap,
//! opens the footnote area above smaller text at the foot of a page;
//! indentation is measured from the edge of the text block on the side the
//! line starts from.

use std::borrow::Cow;

use super::interpret::Rule;
use super::lines::{Line, MARKER};
use super::running_heads;
use crate::document::import::paginated::{LineEvidence, Page, SourceLine};

/// A page's lines and rules, as read.
pub struct ReadPage {
    pub number: u32,
    pub lines: Vec<Line>,
    pub rules: Vec<Rule>,
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

fn measures(pages: &[ReadPage]) -> Measures {
    let lines = || pages.iter().flat_map(|p| p.lines.iter());
    // Characters per half point of size.
    let mut sizes: std::collections::HashMap<i64, usize> = std::collections::HashMap::new();
    for l in lines() {
        *sizes.entry((l.size * 2.0).round() as i64).or_default() += l.text.chars().count();
    }
    let body = sizes
        .iter()
        .max_by_key(|&(s, n)| (*n, -*s))
        .map_or(12.0, |(s, _)| *s as f32 / 2.0);
    let is_body = |l: &Line| (l.size - body).abs() < 0.25;
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
    let inside = |l: &Line, (left, right): (f32, f32)| l.x0 >= left - 3.0 && l.x1 <= right + 3.0;
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

/// Pages of source lines for the structure stage (the lines' text moves
/// into them, and each page's lines are dropped once it is made: a long
/// PDF's text is not held twice). `labels` gets, for each line that
/// starts with a marker, the marker as printed when the line says it.
pub fn source_pages(pages: Vec<ReadPage>, labels: &mut Vec<Option<String>>) -> Vec<Page<'static>> {
    let m = measures(&pages);
    let all: Vec<&[Line]> = pages.iter().map(|p| p.lines.as_slice()).collect();
    let heads = running_heads::find(&all, |l| smaller(l, &m), |a, b| spacing(a, b, &m) > 1.4);
    drop(all);
    let mut index = 0u32;
    let mut out = Vec::with_capacity(pages.len());
    for (mut page, head) in pages.into_iter().zip(heads) {
        adopt_column(&mut page, &m);
        let lines = page_source_lines(&mut page, head, &m, &mut index, labels);
        out.push(Page {
            number: page.number,
            lines,
        });
    }
    out
}

fn page_source_lines(
    page: &mut ReadPage,
    head: Option<usize>,
    m: &Measures,
    index: &mut u32,
    labels: &mut Vec<Option<String>>,
) -> Vec<SourceLine<'static>> {
    let separators = separators(page, m);
    let mut texts = page
        .lines
        .iter_mut()
        .map(|l| std::mem::take(&mut l.text))
        .collect::<Vec<_>>()
        .into_iter();
    let page = &*page;
    let mut out: Vec<SourceLine<'static>> = Vec::new();
    let mut push = |out: &mut Vec<SourceLine<'static>>, mut line: SourceLine<'static>| {
        line.index = *index;
        line.page = page.number;
        *index += 1;
        out.push(line);
    };
    // A page starts and ends apart from its neighbours.
    push(&mut out, SourceLine::default());
    let mut prev: Option<&Line> = None;
    let mut in_notes = false;
    for (i, line) in page.lines.iter().enumerate() {
        let text = texts.next().unwrap_or_default();
        if separators.contains(&i) {
            let rule = SourceLine {
                rule: true,
                ..SourceLine::default()
            };
            push(&mut out, rule);
            in_notes = true;
        } else if prev.is_some_and(|p| spacing(p, line, m) > 1.4) {
            push(&mut out, SourceLine::default());
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
            last.text = Cow::Owned(format!("{} {text}", last.text));
            prev = Some(line);
            continue;
        }
        let mut source = source_line(line, text, m, gap_before);
        if let (Some(evidence), true) = (source.evidence.as_mut(), head == Some(i)) {
            evidence.running = Some(true);
        }
        let mut label = line.marker.clone();
        if in_notes {
            if let Some((printed, rest)) = printed_note_start(&source.text, m.raised_markers) {
                label = Some(printed.to_string());
                source.text = Cow::Owned(format!("{MARKER} {rest}"));
            }
        }
        if source.text.starts_with(MARKER) {
            labels.push(label);
        }
        push(&mut out, source);
        prev = Some(line);
    }
    push(&mut out, SourceLine::default());
    out.shrink_to_fit();
    out
}

/// The distance between two lines' baselines against the usual distance
/// for lines of their sizes: 1 within a paragraph.
fn spacing(above: &Line, below: &Line, m: &Measures) -> f32 {
    let usual = m.pitch * (above.size + below.size) / 2.0;
    (below.y - above.y) / usual.max(1.0)
}

/// `line` carries on the paragraph of `above`, whatever the space between
/// them: `above` is justified to the far edge and `line` starts flush at
/// the near one, with no indent. (Typst makes a line taller when it holds
/// letters from a fallback font, Latin words in an Arabic line, so such a
/// line stands as far apart as a new paragraph would.)
fn runs_on(above: &Line, line: &Line, m: &Measures) -> bool {
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
fn larger(line: &Line, m: &Measures) -> bool {
    line.size > m.body * 1.05
}

/// Smaller than the body text, as footnotes are (some producers set
/// them only half a point smaller).
fn smaller(line: &Line, m: &Measures) -> bool {
    line.size < m.body * 0.97
}

/// Before which lines footnote areas start: under each rule, the first
/// line of the rule's column below it when that line is smaller text; or,
/// with no rule on the page, before a run of smaller lines at its foot
/// that starts with a marker.
fn separators(page: &ReadPage, m: &Measures) -> Vec<usize> {
    let mut found: Vec<usize> = page
        .rules
        .iter()
        .take(64)
        .filter_map(|r| {
            let i = page
                .lines
                .iter()
                .position(|l| l.y > r.y && l.x0 <= r.x1 + 2.0 && l.x1 >= r.x0 - 2.0)?;
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
        (l.raised && l.text.starts_with(MARKER))
            || printed_note_start(&l.text, m.raised_markers).is_some()
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

fn source_line(line: &Line, text: String, m: &Measures, gap_before: bool) -> SourceLine<'static> {
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
    let mut source = SourceLine::plain("", 0, 0, lead, trail);
    source.text = Cow::Owned(text);
    source.evidence = Some(Box::new(LineEvidence {
        x: Some(line.x0),
        y: Some(line.y),
        size: Some(line.size),
        bold: Some(line.bold),
        raised: Some(line.raised),
        smaller: Some(smaller(line, m)),
        larger: Some(larger(line, m)),
        gap_before: Some(gap_before),
        running: Some(false),
    }));
    source
}

#[cfg(test)]
mod tests {
    use super::*;

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
