//! Two columns side by side on one line, as `pdftotext -layout` writes a
//! two-column page, taken apart: the right column first (the text is
//! right-to-left), then the left one.
//!
//! - **Evidence**: a gutter, a character position in the middle half of
//!   the page's width where (with the two before it) at most one text line
//!   in five (or two lines) has a letter, right before a left edge that at
//!   least one text line in five starts at (a justified column's lines
//!   share it; the other column's ragged ends do not); and text on either
//!   side of it on at least a quarter of the page's text lines (and at
//!   least four) each. pdftotext writes two columns' lines on rows of their
//!   own where their baselines differ, so few lines need text on both.
//! - **Order**: the columns start at the first line with text on both
//!   sides, or above it, at the first of the one-sided lines right above it
//!   (pdftotext writes a column's line on its own when the two columns'
//!   baselines differ): the walk up stops at a line that crosses the gutter
//!   (a header or a title across both columns) or at two blank lines (the
//!   space below a header). Lines above stay first; from there, each
//!   line's right part goes to the first column and its left part to the
//!   second; a line that crosses the gutter (a footnote across the page)
//!   ends both columns, which are written out before it, each column's own
//!   notes after both columns' text (`column_notes`).
//! - Positions are counted in characters without bidi controls, which take
//!   no room on the page.

use super::column_notes;
use super::controls::is_bidi_control;

/// The widest page looked at, in characters (pdftotext -layout writes an
/// A4 page in about 100, an A3 landscape one in under 250).
const MAX_WIDTH: usize = 400;

/// Where a piece of a page stands: a whole line, or one column's part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Whole,
    Right,
    Left,
}

/// The page's lines in reading order: each a whole line or one column's
/// part of it, with the index of the line it came from. `resolve` puts a
/// piece in logical order (to read its note labels); `right_first` says
/// which column is read first (`column_order` decides it).
pub fn reorder<'a>(
    lines: &[&'a str],
    resolve: &dyn Fn(&str) -> String,
    right_first: bool,
) -> Option<Vec<(usize, &'a str, Part)>> {
    let gutter = gutter(lines)?;
    let start = first_column_line(lines, gutter)?;
    let end = footer_start(lines);
    // Markers and labels are numbers: only lines with a digit are read.
    let digits = |t: &str| t.bytes().any(|b| b.is_ascii_digit());
    let with_digits = lines.iter().filter(|l| digits(l));
    let markers = column_notes::page_markers(with_digits.map(|l| resolve(l)));
    let starts_notes = |&(_, t, _): &(usize, &str, Part)| {
        digits(t) && column_notes::starts_notes(&resolve(t), &markers)
    };
    let mut out = Vec::with_capacity(lines.len() + 8);
    let mut right = Vec::new();
    let mut left = Vec::new();
    let flush = |out: &mut Vec<_>, right: &mut Vec<_>, left: &mut Vec<_>| {
        let (first, second) = if right_first {
            (&*right, &*left)
        } else {
            (&*left, &*right)
        };
        out.extend(column_notes::notes_last(first, second, starts_notes));
        right.clear();
        left.clear();
    };
    for (i, &line) in lines.iter().enumerate() {
        let (l, r) = split_at_column(line, gutter);
        if i < start || i >= end || crosses(line, gutter) {
            flush(&mut out, &mut right, &mut left);
            out.push((i, line, Part::Whole));
            continue;
        }
        if has_text(r) {
            right.push((i, r, Part::Right));
        }
        if has_text(l) {
            left.push((i, l, Part::Left));
        }
        if !has_text(line) {
            right.push((i, "", Part::Right));
            left.push((i, "", Part::Left));
        }
    }
    flush(&mut out, &mut right, &mut left);
    Some(out)
}

/// A page's column pieces, (right, left), resolved: what `column_order`
/// reads. `None` for a page that is not in two columns.
pub fn sides(
    lines: &[&str],
    resolve: &dyn Fn(&str) -> String,
) -> Option<(Vec<String>, Vec<String>)> {
    let gutter = gutter(lines)?;
    let start = first_column_line(lines, gutter)?;
    let (mut right, mut left) = (Vec::new(), Vec::new());
    let end = footer_start(lines).max(start);
    for &line in lines[start..end].iter().filter(|l| !crosses(l, gutter)) {
        let (l, r) = split_at_column(line, gutter);
        if has_text(r) {
            right.push(resolve(r));
        }
        if has_text(l) {
            left.push(resolve(l));
        }
    }
    Some((right, left))
}

/// A line across the gutter: a letter in it, or text on both sides with
/// no more than a word space between them (a footnote across the page).
fn crosses(line: &str, gutter: usize) -> bool {
    let (l, r) = split_at_column(line, gutter);
    occupied(line, gutter) || (has_text(l) && has_text(r) && !spaced(line, gutter))
}

/// Where the columns start: the first line with text on both sides of
/// the gutter (or, with none, the first with text that does not cross
/// it), or the top of the one-sided lines right above it. Both columns
/// start at the top of the text area, so one side starts at most a line
/// above the other; more lines above are a title or an author's name set
/// above both columns on one side of the gutter.
fn first_column_line(lines: &[&str], gutter: usize) -> Option<usize> {
    let two_sided = |line: &str| {
        let (left, right) = split_at_column(line, gutter);
        spaced(line, gutter) && has_text(left) && has_text(right)
    };
    let first = lines.iter().position(|l| two_sided(l)).or_else(|| {
        lines
            .iter()
            .position(|l| has_text(l) && !crosses(l, gutter))
    })?;
    let mut start = first;
    let mut blanks = 0;
    for i in (0..first).rev() {
        let line = lines[i];
        if crosses(line, gutter) {
            break;
        }
        if has_text(line) {
            blanks = 0;
            start = i;
        } else {
            blanks += 1;
            if blanks == 2 {
                break;
            }
        }
    }
    // The lines of the side that starts higher, above the other side's
    // first line: one is a column's first line set a row higher (a larger
    // heading beside it); more are a title above both columns.
    let on_left = |i: usize| has_text(split_at_column(lines[i], gutter).0);
    let texts = || (start..first).filter(|&i| has_text(lines[i]));
    let top_left = texts().find(|&i| on_left(i)).unwrap_or(first);
    let top_right = texts().find(|&i| !on_left(i)).unwrap_or(first);
    let above: Vec<usize> = texts().filter(|&i| i < top_left.max(top_right)).collect();
    if above.len() >= 2 {
        start = above[above.len() - 1];
    }
    Some(start)
}

/// Where the page's footer starts: its last one or two text lines, when
/// two blank lines or more set them apart from the text above (a page
/// number under both columns, whichever side of the gutter it falls on).
fn footer_start(lines: &[&str]) -> usize {
    let Some(last) = lines.iter().rposition(|l| has_text(l)) else {
        return lines.len();
    };
    let mut texts = 0;
    let mut i = last + 1;
    while i > 0 {
        i -= 1;
        if has_text(lines[i]) {
            texts += 1;
            if texts > 2 {
                break;
            }
            continue;
        }
        let gap = lines[..=i]
            .iter()
            .rev()
            .take_while(|l| !has_text(l))
            .count();
        if gap >= 2 {
            return i + 1;
        }
        i = i + 1 - gap;
    }
    lines.len()
}

fn has_text(s: &str) -> bool {
    s.chars().any(|c| !c.is_whitespace() && !is_bidi_control(c))
}

/// The visible characters of a line (no bidi controls).
fn visible(line: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    line.char_indices().filter(|&(_, c)| !is_bidi_control(c))
}

/// Spaces at visible columns `c - 2` to `c`: the gutter's width on a
/// line with text on both sides (words are one space apart).
fn spaced(line: &str, c: usize) -> bool {
    visible(line)
        .skip(c.saturating_sub(2))
        .take(3)
        .filter(|(_, ch)| ch.is_whitespace())
        .count()
        == 3
}

fn occupied(line: &str, column: usize) -> bool {
    visible(line)
        .nth(column)
        .is_some_and(|(_, c)| !c.is_whitespace())
}

/// The line cut at visible column `column`: (left, right).
fn split_at_column(line: &str, column: usize) -> (&str, &str) {
    match visible(line).nth(column) {
        Some((at, _)) => line.split_at(at),
        None => (line, ""),
    }
}

/// The gutter's column, if the page has two columns.
fn gutter(lines: &[&str]) -> Option<usize> {
    // Per line: which visible positions hold a letter (not a space).
    let rows: Vec<Vec<bool>> = lines
        .iter()
        .map(|l| visible(l).map(|(_, c)| !c.is_whitespace()).collect())
        .collect();
    let width = rows.iter().map(Vec::len).max()?;
    let text_lines = rows.iter().filter(|r| r.contains(&true)).count();
    // No page is wider than a few hundred characters; a longer line is no
    // page's, and the search below would grow with the square of it.
    if !(40..=MAX_WIDTH).contains(&width) || text_lines < 8 {
        return None;
    }
    let mut letters = vec![0usize; width];
    for row in &rows {
        for (col, _) in row.iter().enumerate().filter(|(_, &l)| l) {
            letters[col] += 1;
        }
    }
    // Lines across the page (a header, a footnote) may cross the gutter.
    let few = (text_lines / 5).max(2);
    let blank = |c: usize| (c - 2..=c).all(|k| letters[k] <= few);
    // The gutter ends where the right column starts: its lines share a
    // left edge (a justified column's lines all start there), where the
    // other column's ragged ends do not reach.
    let edge_at = (width / 4..width * 3 / 4)
        .filter(|&c| blank(c))
        .max_by_key(|&c| (letters[c + 1], c))?;
    if letters[edge_at + 1] < (text_lines / 5).max(3) {
        return None;
    }
    // A line clear of a gutter at `c`: it ends before it, or has spaces
    // across it (as `spaced` reads it).
    let clear = |row: &[bool], c: usize| {
        row.len() <= c - 2 || (row.len() > c && !row[c - 2] && !row[c - 1] && !row[c])
    };
    // The gutter itself: the position of the blank run before the edge
    // that the most lines are clear of, the nearest the edge among equals
    // (a few of a ragged column's lines start before its edge).
    let run_start = (0..=edge_at)
        .rev()
        .take_while(|&c| letters[c] <= few)
        .last()
        .unwrap_or(edge_at);
    let text_rows = || rows.iter().filter(|r| r.contains(&true));
    let gutter = (run_start.max(2)..=edge_at)
        .max_by_key(|&c| (text_rows().filter(|r| clear(r, c)).count(), c))?;
    // Each column holds a fair share of the page's lines: lines clear of
    // the gutter with text before it, and with text after it.
    let sides = || text_rows().filter(|r| clear(r, gutter));
    let left = sides()
        .filter(|r| r.iter().take(gutter - 2).any(|&l| l))
        .count();
    let right = sides()
        .filter(|r| r.iter().skip(gutter + 1).any(|&l| l))
        .count();
    let share = (text_lines / 4).max(4);
    (left >= share && right >= share).then_some(gutter)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page's non-blank pieces in reading order, trimmed.
    fn pieces_in_order<'a>(page: &[&'a str]) -> Vec<&'a str> {
        reorder(page, &|t: &str| t.to_string(), true)
            .unwrap()
            .into_iter()
            .map(|(_, t, _)| t.trim())
            .filter(|t| !t.is_empty())
            .collect()
    }

    #[test]
    fn two_columns_come_apart_right_first() {
        let mut page = vec!["            Journal of margins, a header across the page"];
        page.extend(std::iter::repeat_n(
            "left column text here         right column text goes here",
            6,
        ));
        page.push("left column ends              right ends");
        page.push("a footnote that runs across the whole width of the page, both");
        let (left, right) = ("left column text here", "right column text goes here");
        let order: Vec<&str> = reorder(&page, &|t: &str| t.to_string(), true)
            .unwrap()
            .into_iter()
            .map(|(_, t, _)| t.trim())
            .collect();
        assert_eq!(order[0], page[0].trim());
        assert_eq!(&order[1..7], [right; 6]);
        assert_eq!(order[7], "right ends");
        assert_eq!(&order[8..14], [left; 6]);
        assert_eq!(order[14], "left column ends");
        assert_eq!(order[15], page[8].trim());
    }

    #[test]
    fn one_sided_lines_above_the_first_two_sided_line_are_columns_too() {
        // pdftotext -layout writes a column's line alone where the two
        // columns' baselines differ: here the right column's first line
        // and the left column's first line, below a header and two blank
        // lines.
        let mut page = vec![
            "            Journal of margins, a header across the page",
            "",
            "",
        ];
        page.push("                              right column first line");
        page.push("left column first line");
        page.extend(std::iter::repeat_n(
            "left column text here         right column text goes here",
            8,
        ));
        let order = pieces_in_order(&page);
        assert_eq!(order[0], page[0].trim());
        assert_eq!(order[1], "right column first line");
        assert_eq!(&order[2..10], ["right column text goes here"; 8]);
        assert_eq!(order[10], "left column first line");
        assert_eq!(&order[11..], ["left column text here"; 8]);
    }

    #[test]
    fn the_page_number_under_both_columns_stays_last() {
        let mut page = vec!["left column text here         right column text goes here"; 8];
        page.extend(["", "", "                                   - 3 -"]);
        let order = pieces_in_order(&page);
        assert_eq!(order.len(), 17);
        assert_eq!(order[16], "- 3 -");
        assert_eq!(order[7], "right column text goes here");
        assert_eq!(order[8], "left column text here");
    }

    #[test]
    fn a_line_wider_than_any_page_is_no_page() {
        // Two "columns" of 220 characters each: a gutter in the middle,
        // but a line of 460 characters is no page's.
        let left = "left column text here ".repeat(10);
        let right = "right column goes on here, ".repeat(8);
        let line = format!("{left}{}{right}", " ".repeat(20));
        let page = vec![line.as_str(); 10];
        assert_eq!(reorder(&page, &|t: &str| t.to_string(), true), None);
        // The same page at a tenth of the width is read in two columns.
        let narrow = format!("{}{}{}", &left[..22], " ".repeat(8), &right[..27]);
        let page = vec![narrow.as_str(); 10];
        assert!(reorder(&page, &|t: &str| t.to_string(), true).is_some());
    }

    #[test]
    fn one_column_is_left_alone() {
        let page = vec!["a line of text that fills the whole width of the page here"; 10];
        assert_eq!(reorder(&page, &|t: &str| t.to_string(), true), None);
    }
}
