//! Finding text the way an Arabic reader means it: harakat and tatweel are
//! ignored, the hamza and madda forms of alef match a bare alef, alef
//! maqsura matches yeh, teh marbuta matches heh, Arabic-Indic digits match
//! ASCII ones, and Latin letters match in either case. An exact mode
//! matches the text as it is.

pub mod normalize;

use std::ops::Range;

pub use normalize::{normalize, Normalized};

/// How to compare.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// The Arabic-aware folding described above.
    #[default]
    Folded,
    /// Byte for byte.
    Exact,
}

/// Byte ranges in `text` where `query` matches.
pub fn find_all(text: &str, query: &str, mode: Mode) -> Vec<Range<usize>> {
    match mode {
        Mode::Exact => {
            if query.is_empty() {
                return Vec::new();
            }
            text.match_indices(query)
                .map(|(at, m)| at..at + m.len())
                .collect()
        }
        Mode::Folded => {
            let q = normalize(query).text;
            if q.is_empty() {
                return Vec::new();
            }
            normalize(text).find_all(&q)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_mode_is_exact() {
        assert_eq!(find_all("Lenin, lenin", "Lenin", Mode::Exact), vec![0..5]);
        assert_eq!(find_all("Lenin, lenin", "lenin", Mode::Folded).len(), 2);
        assert!(find_all("abc", "", Mode::Folded).is_empty());
    }
}
