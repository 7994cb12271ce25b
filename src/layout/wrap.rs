//! Fitting a paragraph's units into rows, in logical order, before reordering.
//!
//! Rows are cut only where UAX #14 allows a break (found by the caller on the
//! logical text) and never inside a grapheme cluster. Each row takes as many
//! whole words as fit when their widths are summed, not counting the spaces
//! at its end, which are dropped. A word wider than the row is cut at grapheme
//! boundaries. Bidi reordering happens afterwards, row by row, which is why the
//! rows come out in reading order (`fribidi --width` reorders first and then
//! wraps, so its rows come out in the wrong order).

use std::ops::Range;

/// Whether a row may end just before a unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Break {
    #[default]
    None,
    Allowed,
    /// A hard line break (LINE SEPARATOR, a form feed…): the row must end here.
    Mandatory,
}

/// What the fitting needs to know of one unit (a grapheme cluster, or a
/// ligature of two).
#[derive(Clone, Copy, Debug, Default)]
pub struct Metrics {
    pub width: u16,
    /// Whitespace, dropped when it ends a row.
    pub space: bool,
    /// The break opportunity just before this unit.
    pub before: Break,
}

/// The rows of `units` at `width` cells, as unit ranges without their
/// trailing spaces. Rows are consecutive: row i+1 starts after row i's dropped
/// spaces. `width` 0 yields no rows (nothing fits).
pub fn fit_rows(units: &[Metrics], width: usize) -> Vec<Range<usize>> {
    let n = units.len();
    let mut rows = Vec::new();
    if width == 0 || n == 0 {
        return rows;
    }
    // prefix[k]: width of units[..k]; content_end[k]: the end of units[..k]
    // without its trailing spaces.
    let mut prefix = Vec::with_capacity(n + 1);
    let mut content_end = Vec::with_capacity(n + 1);
    prefix.push(0usize);
    content_end.push(0usize);
    for (k, u) in units.iter().enumerate() {
        prefix.push(prefix[k] + usize::from(u.width));
        content_end.push(if u.space { content_end[k] } else { k + 1 });
    }
    let candidates: Vec<usize> = (1..n)
        .filter(|&k| units[k].before != Break::None)
        .chain(std::iter::once(n))
        .collect();
    let mandatory = |k: usize| k < n && units[k].before == Break::Mandatory;
    let trimmed = |s: usize, b: usize| content_end[b].max(s);

    let mut start = 0;
    let mut next = 0; // index into candidates of the first one after `start`
    while start < n {
        while candidates[next] <= start {
            next += 1;
        }
        let mut best = None;
        for &b in &candidates[next..] {
            if prefix[trimmed(start, b)] - prefix[start] > width {
                break;
            }
            best = Some(b);
            if mandatory(b) {
                break;
            }
        }
        match best {
            Some(b) => {
                rows.push(start..trimmed(start, b));
                start = b;
            }
            None => {
                // The next word alone is too wide: cut it at grapheme
                // boundaries, at least one unit per row.
                let word_end = candidates[next];
                let mut end = start;
                let mut used = 0;
                while end < word_end
                    && (end == start || used + usize::from(units[end].width) <= width)
                {
                    used += usize::from(units[end].width);
                    end += 1;
                }
                rows.push(start..end);
                start = end;
            }
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Metrics for a Latin string: one unit per char, breaks after spaces.
    fn metrics(text: &str) -> Vec<Metrics> {
        let chars: Vec<char> = text.chars().collect();
        chars
            .iter()
            .enumerate()
            .map(|(i, &c)| Metrics {
                width: 1,
                space: c == ' ',
                before: if i > 0 && chars[i - 1] == ' ' && c != ' ' {
                    Break::Allowed
                } else {
                    Break::None
                },
            })
            .collect()
    }

    fn rows(text: &str, width: usize) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        fit_rows(&metrics(text), width)
            .into_iter()
            .map(|r| chars[r].iter().collect())
            .collect()
    }

    #[test]
    fn greedy_words_with_break_spaces_dropped() {
        assert_eq!(rows("aa bb cc dd", 5), ["aa bb", "cc dd"]);
        assert_eq!(rows("aa bb cc dd", 6), ["aa bb", "cc dd"]);
        assert_eq!(rows("aa bb cc dd", 8), ["aa bb cc", "dd"]);
        assert_eq!(rows("aa   bb", 2), ["aa", "bb"]);
    }

    #[test]
    fn long_word_is_cut_and_the_rest_continues() {
        assert_eq!(rows("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        assert_eq!(rows("abcdefg ij", 3), ["abc", "def", "g", "ij"]);
        assert_eq!(rows("abcdef g", 4), ["abcd", "ef g"]);
    }

    #[test]
    fn width_zero_and_empty_input() {
        assert!(rows("abc", 0).is_empty());
        assert!(rows("", 10).is_empty());
        // Only spaces: one empty row, as the paragraph exists.
        assert_eq!(rows("   ", 10), [""]);
    }

    #[test]
    fn mandatory_break_ends_the_row() {
        let mut m = metrics("ab cd");
        m[3].before = Break::Mandatory;
        assert_eq!(fit_rows(&m, 80), vec![0..2, 3..5]);
    }
}
