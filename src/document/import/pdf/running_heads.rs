//! Running heads told by where they stand, not by what they say. A header
//! that alternates between odd and even pages may print its even text on
//! one page only (a three-page essay), so it never recurs and names no
//! journal; but the page shows what it is: the page's top line, set
//! smaller than the body, apart from the text below it, at the height
//! where another page's top line stands the same way, and above the top
//! of the body text on every page.

use super::lines::Line;

/// Two baselines this close (in points) stand at the same height.
const SAME_HEIGHT: f32 = 1.0;

/// For each page (in `pages`' order), the index of its running head among
/// its lines, if it has one. `smaller` says a line is set smaller than
/// the body text, `apart` that a line stands apart from the one below.
pub fn find<T>(
    pages: &[&[Line<T>]],
    smaller: impl Fn(&Line<T>) -> bool,
    apart: impl Fn(&Line<T>, &Line<T>) -> bool,
) -> Vec<Option<usize>> {
    // Each page's top line, when it is small and stands apart.
    let candidates: Vec<Option<usize>> = pages
        .iter()
        .map(|lines| {
            let top = top_line(lines)?;
            let below = next_below(lines, lines[top].y)?;
            (smaller(&lines[top]) && apart(&lines[top], &lines[below])).then_some(top)
        })
        .collect();
    let heights: Vec<f32> = pages
        .iter()
        .zip(&candidates)
        .filter_map(|(lines, c)| c.map(|i| lines[i].y))
        .collect();
    // The top of the body text: the highest line that is no candidate.
    let body_top = pages
        .iter()
        .zip(&candidates)
        .flat_map(|(lines, c)| {
            lines
                .iter()
                .enumerate()
                .filter(move |&(i, _)| Some(i) != *c)
                .map(|(_, l)| l.y - l.size)
        })
        .fold(f32::INFINITY, f32::min);
    pages
        .iter()
        .zip(&candidates)
        .map(|(lines, c)| {
            let i = (*c)?;
            let y = lines[i].y;
            // Another page's candidate at the same height (its own counts
            // once), and the body's text all below it.
            let same = heights
                .iter()
                .filter(|&&h| (h - y).abs() <= SAME_HEIGHT)
                .count();
            (same >= 2 && y < body_top).then_some(i)
        })
        .collect()
}

/// The line nearest the top of the page.
fn top_line<T>(lines: &[Line<T>]) -> Option<usize> {
    (0..lines.len()).min_by(|&a, &b| lines[a].y.total_cmp(&lines[b].y))
}

/// The nearest line below the height `y` (in any column).
fn next_below<T>(lines: &[Line<T>], y: f32) -> Option<usize> {
    (0..lines.len())
        .filter(|&i| lines[i].y > y + SAME_HEIGHT)
        .min_by(|&a, &b| lines[a].y.total_cmp(&lines[b].y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, y: f32, size: f32) -> Line {
        Line::plain(text, 50.0, y, size)
    }

    fn heads(pages: &[Vec<Line>]) -> Vec<Option<usize>> {
        let pages: Vec<&[Line]> = pages.iter().map(Vec::as_slice).collect();
        find(&pages, |l| l.size < 10.0, |a, b| b.y - a.y > 20.0)
    }

    #[test]
    fn a_header_printed_once_stands_where_the_others_do() {
        let pages = vec![
            vec![
                line("Journal of Margins", 45.0, 9.0),
                line("The title", 80.0, 16.0),
                line("Text.", 100.0, 12.0),
            ],
            // The even pages' header, on the only even page.
            vec![
                line("Author: short title", 45.3, 9.0),
                line("Text.", 73.0, 12.0),
                line("More text.", 88.0, 12.0),
            ],
            vec![
                line("Journal of Margins", 45.0, 9.0),
                line("Text.", 73.0, 12.0),
            ],
        ];
        assert_eq!(heads(&pages), [Some(0), Some(0), Some(0)]);
    }

    #[test]
    fn small_text_at_the_top_of_the_body_is_no_header() {
        // Two pages open with a small quotation set apart, at the height
        // where the third page's body text starts: below the body's top.
        let pages = vec![
            vec![line("A quotation.", 73.0, 9.0), line("Text.", 100.0, 12.0)],
            vec![line("A quotation.", 73.0, 9.0), line("Text.", 100.0, 12.0)],
            vec![line("Text.", 73.0, 12.0), line("Text.", 88.0, 12.0)],
        ];
        assert_eq!(heads(&pages), [None, None, None]);
    }

    #[test]
    fn one_page_alone_or_body_size_is_no_header() {
        let pages = vec![
            vec![line("Small, alone", 45.0, 9.0), line("Text.", 80.0, 12.0)],
            vec![
                line("Text at the top.", 45.0, 12.0),
                line("Text.", 80.0, 12.0),
            ],
        ];
        assert_eq!(heads(&pages), [None, None]);
        // Nor is a line that does not stand apart from the text below.
        let pages = vec![
            vec![line("Small", 45.0, 9.0), line("Text.", 60.0, 9.0)],
            vec![line("Small", 45.0, 9.0), line("Text.", 60.0, 9.0)],
        ];
        assert_eq!(heads(&pages), [None, None]);
    }
}
