//! Two columns side by side on one line, as `pdftotext -layout` writes a
//! two-column page, taken apart: the right column first (the text is
//! right-to-left), then the left one.
//!
//! - **Evidence**: a gutter, a character position in the middle half of
//!   the page's width where (with its neighbours) at most one text line in
//!   five (or two lines) has a letter, with text on both sides of it on at least a quarter of the
//!   page's text lines (and at least four).
//! - **Order**: lines above the first line with text on both sides (the
//!   header, a title across both columns) stay first; from there, each
//!   line's right part goes to the first column and its left part to the
//!   second; a line that crosses the gutter (a footnote across the page)
//!   ends both columns, which are written out before it.
//! - Positions are counted in characters without bidi controls, which take
//!   no room on the page.

use super::controls::is_bidi_control;

/// The page's lines in reading order: each a whole line or one column's
/// part of it, with the index of the line it came from.
pub fn reorder<'a>(lines: &[&'a str]) -> Option<Vec<(usize, &'a str)>> {
    let gutter = gutter(lines)?;
    let mut out = Vec::with_capacity(lines.len() + 8);
    let mut first: Vec<(usize, &str)> = Vec::new();
    let mut second: Vec<(usize, &str)> = Vec::new();
    let mut started = false;
    for (i, &line) in lines.iter().enumerate() {
        let (left, right) = split_at_column(line, gutter);
        let crosses = occupied(line, gutter);
        started |= !crosses && has_text(left) && has_text(right);
        if !started || crosses {
            out.append(&mut first);
            out.append(&mut second);
            out.push((i, line));
            continue;
        }
        if has_text(right) {
            first.push((i, right));
        }
        if has_text(left) {
            second.push((i, left));
        }
        if !has_text(line) {
            first.push((i, ""));
            second.push((i, ""));
        }
    }
    out.append(&mut first);
    out.append(&mut second);
    Some(out)
}

fn has_text(s: &str) -> bool {
    s.chars().any(|c| !c.is_whitespace() && !is_bidi_control(c))
}

/// The visible characters of a line (no bidi controls).
fn visible(line: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    line.char_indices().filter(|&(_, c)| !is_bidi_control(c))
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
    // Per line: its width and its first and last visible letter.
    let spans: Vec<(usize, Option<(usize, usize)>)> = lines
        .iter()
        .map(|l| {
            let mut width = 0;
            let mut span: Option<(usize, usize)> = None;
            for (col, (_, c)) in visible(l).enumerate() {
                width = col + 1;
                if !c.is_whitespace() {
                    span = Some((span.map_or(col, |s| s.0), col));
                }
            }
            (width, span)
        })
        .collect();
    let width = spans.iter().map(|s| s.0).max()?;
    let text_lines = spans.iter().filter(|s| s.1.is_some()).count();
    if width < 40 || text_lines < 8 {
        return None;
    }
    let mut letters = vec![0usize; width];
    for line in lines {
        for (col, (_, c)) in visible(line).enumerate() {
            if !c.is_whitespace() {
                letters[col] += 1;
            }
        }
    }
    // Lines across the page (a header, a footnote) may cross the gutter.
    let few = (text_lines / 5).max(2);
    let blank =
        |c: usize| (c.saturating_sub(1)..=(c + 1).min(width - 1)).all(|k| letters[k] <= few);
    // Text on both sides of `c`: a letter before it and one after it.
    let both = |c: usize| {
        spans
            .iter()
            .filter(|s| s.1.is_some_and(|(first, last)| first < c && last >= c))
            .count()
    };
    let (best, count) = (width / 4..width * 3 / 4)
        .filter(|&c| blank(c))
        .map(|c| (c, both(c)))
        .max_by_key(|&(_, n)| n)?;
    (count >= 4 && count * 4 >= text_lines).then_some(best)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let order: Vec<&str> = reorder(&page)
            .unwrap()
            .into_iter()
            .map(|(_, t)| t.trim())
            .collect();
        assert_eq!(order[0], page[0].trim());
        assert_eq!(&order[1..7], [right; 6]);
        assert_eq!(order[7], "right ends");
        assert_eq!(&order[8..14], [left; 6]);
        assert_eq!(order[14], "left column ends");
        assert_eq!(order[15], page[8].trim());
    }

    #[test]
    fn one_column_is_left_alone() {
        let page = vec!["a line of text that fills the whole width of the page here"; 10];
        assert_eq!(reorder(&page), None);
    }
}
