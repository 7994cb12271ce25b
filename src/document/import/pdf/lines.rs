//! From the glyphs of a page to its lines: glyphs grouped by baseline,
//! raised small glyphs (superscripts) put on the line they belong to,
//! combining marks on the letter they sit over, spaces where the gaps are,
//! and each line's glyphs read from visual into logical order.

use std::collections::HashMap;

use super::columns::Gutters;
use super::interpret::Glyph;
use super::letters::{is_mark, is_marker_text, normalize};
use super::order::{self, Class};

/// What a raised footnote marker becomes in the line's text: a
/// symbol-font glyph, which the structure stage links to its note.
pub const MARKER: char = '\u{F02A}';

/// A line of a page; `T` says where its text is (the text itself, until
/// it is put away with the rest of the document's).
#[derive(Clone, Debug, PartialEq)]
pub struct Line<T = String> {
    /// Logical order, spaces collapsed, trimmed.
    pub text: T,
    pub x0: f32,
    pub x1: f32,
    /// Baseline, from the top of the page.
    pub y: f32,
    /// The most common size of its (not raised) glyphs.
    pub size: f32,
    pub bold: bool,
    /// It has a raised marker.
    pub raised: bool,
    /// The marker as printed (`1`, `*`, `٣`), when it has just one.
    pub marker: Option<String>,
    pub rtl: bool,
    /// Its column's left and right edges, on a page of columns.
    pub column: Option<(f32, f32)>,
}

#[cfg(test)]
impl Line {
    /// A plain line for the tests: regular weight, nothing raised, left to
    /// right, 500 pt its right edge, in no column.
    pub(super) fn plain(text: &str, x0: f32, y: f32, size: f32) -> Self {
        Line {
            text: text.to_string(),
            x0,
            x1: 500.0,
            y,
            size,
            bold: false,
            raised: false,
            marker: None,
            rtl: false,
            column: None,
        }
    }
}

impl<T> Line<T> {
    /// The same line, its text elsewhere (at `text`).
    pub fn with_text<U>(self, text: U) -> Line<U> {
        Line {
            text,
            x0: self.x0,
            x1: self.x1,
            y: self.y,
            size: self.size,
            bold: self.bold,
            raised: self.raised,
            marker: self.marker,
            rtl: self.rtl,
            column: self.column,
        }
    }
}

/// Glyphs on one baseline (or one column's part of it).
pub struct Group {
    pub glyphs: Vec<usize>,
    pub y: f32,
    pub size: f32,
    /// The column's left and right edges, on a page of columns.
    pub column: Option<(f32, f32)>,
}

/// The lines of a page, top to bottom (column by column; `rtl` when the
/// document reads right to left, so its right column comes first).
#[cfg(test)]
pub fn page_lines(glyphs: &[Glyph], rtl: bool) -> Vec<Line> {
    page_lines_in(glyphs, rtl, &mut Gutters::default())
}

/// The lines of a page, as [`page_lines`], its columns cut at the gutter
/// earlier pages of the document showed when this page has room for it.
pub fn page_lines_in(glyphs: &[Glyph], rtl: bool, gutters: &mut Gutters) -> Vec<Line> {
    let mut order: Vec<usize> = (0..glyphs.len()).collect();
    order.sort_by(|&a, &b| {
        glyphs[a]
            .y
            .total_cmp(&glyphs[b].y)
            .then(glyphs[a].x.total_cmp(&glyphs[b].x))
    });
    let mut groups: Vec<Group> = Vec::new();
    for i in order {
        let g = &glyphs[i];
        match groups.last_mut() {
            Some(group) if (g.y - group.y).abs() <= 0.25 * group.size.max(g.size) => {
                group.glyphs.push(i);
                group.size = group.size.max(g.size);
            }
            _ => groups.push(Group {
                glyphs: vec![i],
                y: g.y,
                size: g.size,
                column: None,
            }),
        }
    }
    if let Some(gutter) = gutters.find(glyphs, &groups) {
        groups = super::columns::split(glyphs, groups, gutter, rtl);
    }
    let groups = merge_raised(glyphs, groups);
    let mut lines: Vec<Line> = groups
        .iter()
        .filter_map(|group| {
            let mut line = line_of(glyphs, &group.glyphs)?;
            line.column = group.column;
            line.text.shrink_to_fit();
            Some(line)
        })
        .collect();
    // Kept until the whole document is read: no room to spare.
    lines.shrink_to_fit();
    lines
}

/// A group of small glyphs just above a line of larger ones, within its
/// width, is raised text of that line (footnote markers, ordinals).
fn merge_raised(glyphs: &[Glyph], groups: Vec<Group>) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::with_capacity(groups.len());
    let mut pending: Option<Group> = None;
    for group in groups {
        if let Some(small) = pending.take() {
            let (lo, hi) = span(glyphs, &group.glyphs);
            let (slo, shi) = span(glyphs, &small.glyphs);
            let margin = 3.0 * group.size;
            let raised = main_size(glyphs, &small.glyphs)
                <= 0.85 * main_size(glyphs, &group.glyphs)
                && small.y < group.y
                && small.y > group.y - 0.9 * group.size
                && slo >= lo - margin
                && shi <= hi + margin;
            // A line across both columns (an author's name under the
            // title) takes its marker from whichever side it fell on.
            let same_column = small.column == group.column || group.column.is_none();
            if raised && same_column {
                let mut merged = group;
                merged.glyphs.extend(small.glyphs);
                pending = Some(merged);
                continue;
            }
            out.push(small);
        }
        pending = Some(group);
    }
    out.extend(pending);
    out
}

fn span(glyphs: &[Glyph], members: &[usize]) -> (f32, f32) {
    members.iter().fold((f32::MAX, f32::MIN), |(lo, hi), &i| {
        (lo.min(glyphs[i].x), hi.max(glyphs[i].x + glyphs[i].width))
    })
}

/// The size most of the characters are set in.
fn main_size(glyphs: &[Glyph], members: &[usize]) -> f32 {
    // Counted by half points; a line has a few sizes, and past 16 (a
    // hostile page may use thousands) the rest are not counted.
    let mut sizes: Vec<(i64, usize)> = Vec::with_capacity(4);
    for &i in members {
        let half_points = (glyphs[i].size * 2.0).round() as i64;
        let n = glyphs[i].text.len().max(1);
        match sizes.iter().position(|&(s, _)| s == half_points) {
            Some(at) => sizes[at].1 += n,
            None if sizes.len() < 16 => sizes.push((half_points, n)),
            None => {}
        }
    }
    sizes
        .iter()
        .max_by_key(|&&(s, n)| (n, -s))
        .map_or(0.0, |&(s, _)| s as f32 / 2.0)
}

/// One glyph of a line, ready for ordering.
struct Placed {
    text: String,
    /// Its place in the order the page drew its glyphs.
    drawn: usize,
    x: f32,
    end: f32,
    raised: bool,
    bold: bool,
}

/// The line made of `members`, or none when it shows no text.
fn line_of(glyphs: &[Glyph], members: &[usize]) -> Option<Line> {
    let size = main_size(glyphs, members);
    let baseline = members
        .iter()
        .map(|&i| &glyphs[i])
        .filter(|g| (g.size * 2.0).round() / 2.0 == size)
        .map(|g| g.y)
        .fold(f32::MIN, f32::max);
    let mut placed: Vec<Placed> = Vec::new();
    let mut marks: Vec<(usize, f32, String)> = Vec::new();
    let mut sorted = members.to_vec();
    sorted.sort_by(|&a, &b| glyphs[a].x.total_cmp(&glyphs[b].x));
    zero_advance_first(glyphs, &mut sorted, size);
    for i in sorted {
        let g = &glyphs[i];
        let text = normalize(&g.text);
        if is_mark(&text) {
            marks.push((i, g.x + g.width / 2.0, text));
            continue;
        }
        let raised = g.size <= 0.85 * size && g.y < baseline - 0.15 * size;
        placed.push(Placed {
            text,
            drawn: i,
            x: g.x,
            end: g.x + g.width,
            raised,
            bold: g.bold,
        });
    }
    attach_marks(&mut placed, marks, size);
    let (texts, classes, mut markers) = units(&placed, size);
    let raised = !markers.is_empty();
    let marker = markers.pop().filter(|_| markers.is_empty());
    if texts.iter().all(|t| t.trim().is_empty()) {
        return None;
    }
    let mut refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let mut classes = classes;
    // A right-to-left item of a left-to-right list (Arabic references
    // under an English heading): its bullet was drawn at the left, where
    // that list's items start, and the line was laid out left to right.
    let ltr_item = refs.len() > 1 && is_bullet(refs[0]);
    let rtl = order::rtl_line(&classes) && !ltr_item;
    // A left-to-right item of a right-to-left list: its bullet was drawn
    // at the right, where that list's items start.
    let bullet = !rtl && refs.len() > 1 && is_bullet(refs[refs.len() - 1]);
    let bullet = bullet.then(|| (refs.pop(), classes.pop()));
    if !rtl && refs.len() > 1 && matches!(refs[0], "." | "," | ":" | ";" | "\u{060C}") {
        // The last line of a right-to-left paragraph in Latin letters:
        // its closing stop was drawn at the left, where that paragraph
        // ends.
        refs.rotate_left(1);
        classes.rotate_left(1);
    }
    if let Some((Some(text), Some(class))) = bullet {
        refs.insert(0, text);
        classes.insert(0, class);
    }
    let text = order::logical(&refs, &classes, rtl);
    // A marker sits on the word before it, with no space between.
    let text = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(concat!(' ', '\u{F02A}'), "\u{F02A}");
    let letters: usize = placed
        .iter()
        .filter(|p| !p.raised)
        .map(|p| p.text.trim().len())
        .sum();
    let bold: usize = placed
        .iter()
        .filter(|p| p.bold && !p.raised)
        .map(|p| p.text.trim().len())
        .sum();
    let (x0, x1) = placed
        .iter()
        .filter(|p| !p.text.trim().is_empty())
        .fold((f32::MAX, f32::MIN), |(lo, hi), p| {
            (lo.min(p.x), hi.max(p.end))
        });
    Some(Line {
        text,
        x0,
        x1,
        y: baseline,
        size,
        bold: letters > 0 && bold * 2 > letters,
        raised,
        marker,
        rtl,
        column: None,
    })
}

/// A glyph with no advance of its own (a letter, not a mark: the alef of
/// a lam-alef some fonts draw as two glyphs) sits where the pen stood
/// when it was drawn. Glyphs are placed left to right, so one that stands
/// at the origin of a wider glyph came before it, whatever order the page
/// drew them in: the pen had not moved. Producers round positions, so
/// "at the origin" allows a few hundredths of an em (LibreOffice puts the
/// alef a tenth of a point right of the lam's origin in 9 pt notes); one
/// at the wider glyph's end stands between it and the next either way.
/// `sorted` is in order of x.
fn zero_advance_first(glyphs: &[Glyph], sorted: &mut [usize], size: f32) {
    let near = 0.03 * size.max(1.0);
    let no_advance = |g: &Glyph| g.width.abs() < 0.01 * size && !g.text.trim().is_empty();
    for k in 1..sorted.len() {
        let (before, here) = (&glyphs[sorted[k - 1]], &glyphs[sorted[k]]);
        let moves = no_advance(here)
            && !is_mark(&here.text)
            && before.width > 2.0 * near
            && !before.text.trim().is_empty()
            && here.x - before.x <= near;
        if moves {
            sorted.swap(k - 1, k);
        }
    }
}

/// A list bullet, as a character or a symbol-font glyph.
fn is_bullet(text: &str) -> bool {
    matches!(
        text,
        "\u{2022}" | "\u{25AA}" | "\u{25E6}" | "\u{25CF}" | "\u{25A0}" | "\u{F0B7}" | "\u{F0A7}"
    )
}

/// Each combining mark goes on its letter, after the letter's own text:
/// in right-to-left text the letter drawn right after it (shapers draw a
/// mark just before its base, in visual order), else the letter whose box
/// holds its middle, or the nearest. `placed` is in order of x.
fn attach_marks(placed: &mut [Placed], marks: Vec<(usize, f32, String)>, size: f32) {
    let by_drawing: HashMap<usize, usize> = placed
        .iter()
        .enumerate()
        .map(|(i, p)| (p.drawn, i))
        .collect();
    for (drawn, middle, text) in marks {
        let next = by_drawing.get(&(drawn + 1)).copied().filter(|&i| {
            let p = &placed[i];
            p.text.chars().next().is_some_and(super::order::is_rtl) && distance(p, middle) < size
        });
        if let Some(i) = next.or_else(|| nearest(placed, middle)) {
            placed[i].text.push_str(&text);
        }
    }
}

/// The glyph with text nearest to `x` (its box holding `x` if one does),
/// by a binary search over glyphs in order of x.
fn nearest(placed: &[Placed], x: f32) -> Option<usize> {
    let at = placed.partition_point(|p| p.x <= x);
    let lo = at.saturating_sub(8);
    let hi = (at + 8).min(placed.len());
    (lo..hi)
        .filter(|&i| !placed[i].text.trim().is_empty())
        .min_by(|&a, &b| distance(&placed[a], x).total_cmp(&distance(&placed[b], x)))
}

fn distance(p: &Placed, x: f32) -> f32 {
    if x >= p.x && x <= p.end {
        0.0
    } else {
        (p.x - x).abs().min((p.end - x).abs())
    }
}

/// The narrowest gap between two glyphs that is a space between words.
/// A fifth of the size, unless the line draws no space glyphs and no gap
/// is that wide: a producer that draws none (XeLaTeX) sets the words of a
/// line it does not stretch a natural space apart, a sixth of the size
/// with some fonts, while the letters of a word touch. A line that has
/// wider gaps has its word spaces among them, and a font's kerning may
/// leave narrower ones inside words.
fn word_gap(placed: &[Placed], size: f32) -> f32 {
    let drawn_spaces = placed
        .iter()
        .any(|p| !p.text.is_empty() && p.text.trim().is_empty());
    let wide = placed
        .windows(2)
        .any(|pair| pair[1].x - pair[0].end > 0.2 * size);
    if drawn_spaces || wide {
        0.2 * size
    } else {
        0.12 * size
    }
}

/// The line's units in visual order, with spaces where the gaps are: a
/// space glyph, or a gap wider than a fifth of the size, is one space.
/// Runs of raised marker glyphs become one marker; their texts as
/// printed are the third part.
fn units(placed: &[Placed], size: f32) -> (Vec<String>, Vec<Class>, Vec<String>) {
    let mut texts: Vec<String> = Vec::new();
    let mut classes: Vec<Class> = Vec::new();
    let mut markers: Vec<String> = Vec::new();
    let mut end: Option<f32> = None;
    let mut space = false;
    let word_gap = word_gap(placed, size);
    let mut i = 0;
    while i < placed.len() {
        let p = &placed[i];
        if p.text.trim().is_empty() {
            // A space glyph, or a kashida that normalised to nothing:
            // its width is a gap, a space glyph says so outright.
            space |= !p.text.is_empty();
            end = Some(end.map_or(p.end, |e: f32| e.max(p.end)));
            i += 1;
            continue;
        }
        // A run of raised glyphs.
        let run_end = (i..placed.len())
            .take_while(|&j| placed[j].raised == p.raised && !placed[j].text.trim().is_empty())
            .last()
            .unwrap_or(i);
        let run: String = placed[i..=run_end]
            .iter()
            .map(|q| q.text.as_str())
            .collect();
        let marker = p.raised && is_marker_text(&run);
        let gap = end.is_some_and(|e| p.x - e > word_gap);
        if (space || gap) && !texts.is_empty() {
            texts.push(" ".to_string());
            classes.push(Class::Neutral);
        }
        space = false;
        if marker {
            markers.push(run);
            texts.push(MARKER.to_string());
            classes.push(Class::Marker);
            end = Some(placed[run_end].end);
            i = run_end + 1;
            continue;
        }
        texts.push(p.text.clone());
        classes.push(order::class_of(&p.text));
        end = Some(end.map_or(p.end, |e: f32| e.max(p.end)));
        i += 1;
    }
    (texts, classes, markers)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f32, y: f32, width: f32, size: f32) -> Glyph {
        Glyph::regular(text, x, y, width, size)
    }

    #[test]
    fn arabic_drawn_left_to_right_reads_right_to_left() {
        // "من بعد" (from after), drawn in visual order: دعب then نم
        let glyphs = [
            glyph("\u{062F}", 10.0, 100.0, 5.0, 12.0),
            glyph("\u{0639}", 15.0, 100.0, 5.0, 12.0),
            glyph("\u{0628}", 20.0, 100.0, 5.0, 12.0),
            glyph(" ", 25.0, 100.0, 3.0, 12.0),
            glyph("\u{0646}", 28.0, 100.0, 5.0, 12.0),
            glyph("\u{0645}", 33.0, 100.0, 5.0, 12.0),
        ];
        let lines = page_lines(&glyphs, true);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "\u{0645}\u{0646} \u{0628}\u{0639}\u{062F}");
        assert!(lines[0].rtl);
    }

    #[test]
    fn gaps_are_spaces_and_a_raised_digit_is_a_marker() {
        let glyphs = [
            glyph("W", 10.0, 100.0, 8.0, 12.0),
            glyph("e", 18.0, 100.0, 6.0, 12.0),
            glyph("1", 24.5, 96.0, 4.0, 7.0),
            glyph("g", 34.0, 100.0, 6.0, 12.0),
            glyph("o", 40.0, 100.0, 6.0, 12.0),
            // The next line.
            glyph("x", 10.0, 115.0, 6.0, 12.0),
        ];
        let lines = page_lines(&glyphs, true);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, format!("We{MARKER} go"));
        assert!(lines[0].raised);
        assert_eq!(lines[0].size, 12.0);
        assert_eq!(lines[1].text, "x");
    }

    #[test]
    fn marks_join_their_letter_and_forms_become_letters() {
        // "بَ" (beh with fatha) then lam-alef as one presentation form,
        // drawn right to left: لا first (left), then بَ
        let glyphs = [
            glyph("\u{FEFB}", 10.0, 50.0, 6.0, 12.0),
            glyph("\u{0628}", 16.0, 50.0, 6.0, 12.0),
            glyph("\u{064E}", 18.0, 47.0, 0.0, 12.0),
            glyph("\u{0640}", 22.0, 50.0, 4.0, 12.0),
        ];
        let lines = page_lines(&glyphs, true);
        assert_eq!(lines[0].text, "\u{0628}\u{064E}\u{0644}\u{0627}");
    }

    #[test]
    fn a_zero_width_alef_just_right_of_its_lam_origin_follows_the_lam() {
        // "لا نعرف" (we do not know), drawn as LibreOffice draws a 9 pt
        // note in Noto Naskh: the lam-alef as a lam with an advance and an
        // alef with none, the alef rounded a tenth of a point to the right
        // of the lam's origin; then the space and نعرف, reversed: فرعن.
        let glyphs = [
            glyph("\u{0641}", 80.0, 100.0, 5.0, 9.0),
            glyph("\u{0631}", 85.0, 100.0, 4.0, 9.0),
            glyph("\u{0639}", 89.0, 100.0, 4.0, 9.0),
            glyph("\u{0646}", 93.0, 100.0, 3.0, 9.0),
            glyph(" ", 96.0, 100.0, 2.0, 9.0),
            glyph("\u{0644}", 98.0, 100.0, 4.7, 9.0),
            glyph("\u{0627}", 98.1, 100.0, 0.0, 9.0),
        ];
        let lines = page_lines(&glyphs, true);
        assert_eq!(
            lines[0].text,
            "\u{0644}\u{0627} \u{0646}\u{0639}\u{0631}\u{0641}"
        );
        // One at the lam's end was placed after the pen passed the lam: it
        // stands right of it and is read before it ("ال", alef then lam).
        let glyphs = [
            glyph("\u{0644}", 98.0, 100.0, 4.7, 9.0),
            glyph("\u{0627}", 102.7, 100.0, 0.0, 9.0),
        ];
        assert_eq!(page_lines(&glyphs, true)[0].text, "\u{0627}\u{0644}");
    }

    /// A line of one glyph (the tests of columns need only its extent).
    fn bar(text: &str, x0: f32, x1: f32, y: f32, size: f32) -> Glyph {
        glyph(text, x0, y, x1 - x0, size)
    }

    #[test]
    fn a_last_page_keeps_the_gutter_the_pages_before_it_showed() {
        let mut gutters = Gutters::default();
        // A full page: a header across both columns, ten lines in each
        // (the right one from 221 to 374, the left from 45 to 199).
        let mut full = vec![bar("header", 181.0, 238.0, 44.0, 9.0)];
        for i in 0..10 {
            let y = 70.0 + 18.0 * i as f32;
            full.push(bar(&format!("r{i}"), 221.0, 374.0, y, 10.0));
            full.push(bar(&format!("l{i}"), 45.0, 199.0, y, 10.0));
        }
        page_lines_in(&full, true, &mut gutters);
        // The last page: the right column full; the left one a heading
        // set flush with the column's right edge (199) and four short
        // lines (ragged, to 176), so nothing but the heading, the header
        // and the page number stands between 176 and 221: the middle of
        // that band (198.5) is the heading's edge.
        let mut last = vec![bar("header", 181.0, 238.0, 44.0, 9.0)];
        for i in 0..10 {
            last.push(bar(
                &format!("r{i}"),
                221.0,
                374.0,
                70.0 + 18.0 * i as f32,
                10.0,
            ));
        }
        last.push(bar("heading", 167.7, 198.6, 73.0, 13.0));
        for i in 0..4 {
            last.push(bar(
                &format!("l{i}"),
                45.4,
                175.7,
                98.0 + 18.0 * i as f32,
                10.0,
            ));
        }
        last.push(bar("page", 201.3, 218.4, 555.0, 9.0));
        let read = |gutters: &mut Gutters| -> Vec<String> {
            let lines = page_lines_in(&last, true, gutters);
            lines.into_iter().map(|l| l.text).collect()
        };
        let right: Vec<String> = (0..10).map(|i| format!("r{i}")).collect();
        let left: Vec<String> = (0..4).map(|i| format!("l{i}")).collect();
        let mut expected = vec!["header".to_string()];
        expected.extend(right);
        expected.push("heading".into());
        expected.extend(left);
        expected.push("page".into());
        assert_eq!(read(&mut gutters), expected);
        // Read alone, the page takes the heading for a line across both
        // columns, read between the right column's first two lines.
        assert_ne!(read(&mut Gutters::default()), expected);
    }

    #[test]
    fn columns_under_a_title_and_over_notes_across_the_page_come_apart() {
        // A header, a title of two lines and an author across the page;
        // two columns of twelve lines each, the left one's baselines
        // between the right one's (columns set apart flow apart); three
        // lines of notes and the page number across the page at its foot:
        // seven lines of thirty-one cross the gutter.
        let mut glyphs = vec![
            bar("header", 163.0, 257.0, 34.0, 9.0),
            bar("title", 63.0, 368.0, 95.0, 16.0),
            bar("title2", 194.0, 237.0, 119.0, 16.0),
            bar("author", 188.0, 247.0, 143.0, 9.5),
        ];
        for i in 0..12 {
            let y = 161.0 + 25.0 * i as f32;
            glyphs.push(bar(&format!("r{i}"), 221.0, 368.0, y + 12.0, 9.5));
            glyphs.push(bar(&format!("l{i}"), 51.0, 198.0, y, 9.5));
        }
        for i in 0..3 {
            let y = 492.0 + 14.0 * i as f32;
            glyphs.push(bar(&format!("n{i}"), 45.0, 374.0, y, 9.0));
        }
        glyphs.push(bar("page", 208.0, 211.0, 578.0, 9.0));
        let lines = page_lines_in(&glyphs, true, &mut Gutters::default());
        let texts: Vec<String> = lines.into_iter().map(|l| l.text).collect();
        let mut expected: Vec<String> = ["header", "title", "title2", "author"]
            .map(String::from)
            .to_vec();
        expected.extend((0..12).map(|i| format!("r{i}")));
        expected.extend((0..12).map(|i| format!("l{i}")));
        expected.extend(["n0", "n1", "n2", "page"].map(String::from));
        assert_eq!(texts, expected);
    }

    #[test]
    fn words_a_natural_space_apart_with_no_space_glyphs_stay_apart() {
        // "من بعد" (from after) at 10 pt, drawn دعب then نم, no space
        // glyph, the words 1.6 pt apart (XeLaTeX's natural space in a line
        // it does not stretch), the letters of each word touching.
        let glyphs = [
            glyph("\u{062F}", 80.0, 100.0, 4.0, 10.0),
            glyph("\u{0639}", 84.0, 100.0, 4.0, 10.0),
            glyph("\u{0628}", 88.0, 100.0, 4.0, 10.0),
            glyph("\u{0646}", 93.6, 100.0, 4.0, 10.0),
            glyph("\u{0645}", 97.6, 100.0, 4.0, 10.0),
        ];
        let lines = page_lines(&glyphs, true);
        assert_eq!(lines[0].text, "\u{0645}\u{0646} \u{0628}\u{0639}\u{062F}");
        // A line with wider gaps has its word spaces among them: a 1.6 pt
        // gap there is the font's kerning inside a word ("طويل", drawn
        // ليوط, a gap after the waw), not a space.
        let glyphs = [
            glyph("\u{0644}", 60.0, 100.0, 4.0, 10.0),
            glyph("\u{064A}", 64.0, 100.0, 4.0, 10.0),
            glyph("\u{0648}", 69.6, 100.0, 4.0, 10.0),
            glyph("\u{0637}", 73.6, 100.0, 4.0, 10.0),
            glyph("\u{062F}", 80.0, 100.0, 4.0, 10.0),
        ];
        let lines = page_lines(&glyphs, true);
        assert_eq!(lines[0].text, "\u{062F} \u{0637}\u{0648}\u{064A}\u{0644}");
    }

    #[test]
    fn a_marker_on_a_line_across_both_columns_stays_on_it() {
        // An author's name centred over two columns ("طارق", drawn
        // قراط, from 188 to 247, the gutter from 198 to 221), its raised
        // star just left of it, left of the gutter's middle.
        let mut glyphs = vec![glyph("*", 185.0, 135.0, 3.0, 6.3)];
        for (k, letter) in ["\u{0642}", "\u{0631}", "\u{0627}", "\u{0637}"]
            .iter()
            .enumerate()
        {
            glyphs.push(glyph(letter, 188.0 + 15.0 * k as f32, 143.0, 14.0, 9.5));
        }
        for i in 0..12 {
            let y = 170.0 + 18.0 * i as f32;
            glyphs.push(bar(&format!("r{i}"), 221.0, 368.0, y, 9.5));
            glyphs.push(bar(&format!("l{i}"), 51.0, 198.0, y, 9.5));
        }
        let lines = page_lines_in(&glyphs, true, &mut Gutters::default());
        // "طارق" and its marker, read as one line before the columns.
        assert_eq!(
            lines[0].text,
            format!("\u{0637}\u{0627}\u{0631}\u{0642}{MARKER}")
        );
        assert_eq!(lines[1].text, "r0");
    }

    #[test]
    fn a_page_whose_second_column_has_two_lines_keeps_the_gutter() {
        let mut gutters = Gutters::default();
        let mut full = Vec::new();
        for i in 0..10 {
            let y = 70.0 + 18.0 * i as f32;
            full.push(bar(&format!("r{i}"), 221.0, 374.0, y, 10.0));
            full.push(bar(&format!("l{i}"), 45.0, 199.0, y, 10.0));
        }
        page_lines_in(&full, true, &mut gutters);
        // The next page: the right column full, the essay ending two
        // lines into the left one, at the same heights as the right's
        // first two. Too few lines on the left for a gutter of its own.
        let mut next = Vec::new();
        for i in 0..10 {
            let y = 70.0 + 18.0 * i as f32;
            next.push(bar(&format!("r{i}"), 221.0, 374.0, y, 10.0));
            if i < 2 {
                next.push(bar(&format!("l{i}"), 45.0, 199.0, y, 10.0));
            }
        }
        let read = |gutters: &mut Gutters| -> Vec<String> {
            let lines = page_lines_in(&next, true, gutters);
            lines.into_iter().map(|l| l.text).collect()
        };
        let mut expected: Vec<String> = (0..10).map(|i| format!("r{i}")).collect();
        expected.extend((0..2).map(|i| format!("l{i}")));
        assert_eq!(read(&mut gutters), expected);
        // Read alone, each of the first two lines runs across both.
        assert_ne!(read(&mut Gutters::default()), expected);
    }

    #[test]
    fn an_arabic_item_of_a_left_to_right_list_keeps_its_order() {
        // "• بيروت، 1989." (Beirut, 1989) in a left-to-right list, as
        // drawn: the bullet at the left, then the right-to-left stretch
        // (the year, the comma, the word reversed: تورىب), then the stop.
        let glyphs = [
            glyph("\u{2022}", 10.0, 100.0, 4.0, 12.0),
            glyph("1", 20.0, 100.0, 5.0, 12.0),
            glyph("9", 25.0, 100.0, 5.0, 12.0),
            glyph("8", 30.0, 100.0, 5.0, 12.0),
            glyph("9", 35.0, 100.0, 5.0, 12.0),
            glyph(" ", 40.0, 100.0, 3.0, 12.0),
            glyph("\u{060C}", 43.0, 100.0, 3.0, 12.0),
            glyph("\u{062A}", 46.0, 100.0, 5.0, 12.0),
            glyph("\u{0648}", 51.0, 100.0, 5.0, 12.0),
            glyph("\u{0631}", 56.0, 100.0, 5.0, 12.0),
            glyph("\u{064A}", 61.0, 100.0, 5.0, 12.0),
            glyph("\u{0628}", 66.0, 100.0, 5.0, 12.0),
            glyph(".", 71.0, 100.0, 3.0, 12.0),
        ];
        let lines = page_lines(&glyphs, true);
        assert_eq!(
            lines[0].text,
            "\u{2022} \u{0628}\u{064A}\u{0631}\u{0648}\u{062A}\u{060C} 1989."
        );
    }
}
