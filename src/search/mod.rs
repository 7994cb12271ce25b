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

/// A query ready to be looked for: folded once, however many texts it is
/// looked for in.
#[derive(Clone, Debug)]
pub struct Query {
    text: String,
    mode: Mode,
}

impl Query {
    /// `None` for a query that matches nothing (empty once folded).
    pub fn new(query: &str, mode: Mode) -> Option<Query> {
        let text = match mode {
            Mode::Folded => normalize(query).text,
            Mode::Exact => query.to_string(),
        };
        (!text.is_empty()).then_some(Query { text, mode })
    }

    /// The query as it is compared: folded in the Arabic-aware mode.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Whether every text this query matches is matched by `shorter` too:
    /// same mode, and `shorter`'s text is part of this one's. A search that
    /// narrows (a letter typed) need only look where the shorter one matched.
    pub fn narrows(&self, shorter: &Query) -> bool {
        self.mode == shorter.mode && self.text.contains(shorter.text.as_str())
    }

    /// How many times the query matches in `text` (as many as `find`
    /// returns), using `scratch` for the folded text instead of building
    /// the offsets `find` needs: the cheap way to look through a document.
    pub fn count(&self, text: &str, scratch: &mut String) -> usize {
        match self.mode {
            Mode::Exact => text.matches(self.text.as_str()).count(),
            Mode::Folded => {
                normalize::fold_into(text, scratch);
                scratch.matches(self.text.as_str()).count()
            }
        }
    }

    /// Byte ranges in `text` where the query matches.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        match self.mode {
            Mode::Exact => text
                .match_indices(self.text.as_str())
                .map(|(at, m)| at..at + m.len())
                .collect(),
            Mode::Folded => {
                // Cheap test first: most paragraphs do not match.
                let folded = normalize(text);
                if folded.text.contains(self.text.as_str()) {
                    folded.find_all(&self.text)
                } else {
                    Vec::new()
                }
            }
        }
    }
}

/// Byte ranges in `text` where `query` matches.
pub fn find_all(text: &str, query: &str, mode: Mode) -> Vec<Range<usize>> {
    Query::new(query, mode).map_or_else(Vec::new, |q| q.find(text))
}

/// A match in a sequence of texts: which text, and the byte range in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub item: usize,
    pub range: Range<usize>,
}

/// All matches of `query` in `items`, in order.
pub fn find_in_items<'a>(
    items: impl Iterator<Item = &'a str>,
    query: &str,
    mode: Mode,
) -> Vec<Match> {
    let Some(query) = Query::new(query, mode) else {
        return Vec::new();
    };
    items
        .enumerate()
        .flat_map(|(item, text)| {
            query
                .find(text)
                .into_iter()
                .map(move |range| Match { item, range })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_mode_is_exact() {
        assert_eq!(find_all("Lenin, lenin", "Lenin", Mode::Exact), vec![0..5]);
        assert_eq!(find_all("Lenin, lenin", "lenin", Mode::Folded).len(), 2);
        assert!(find_all("abc", "", Mode::Folded).is_empty());
        assert!(find_all("abc", "", Mode::Exact).is_empty());
    }

    #[test]
    fn matches_name_their_item_in_order() {
        let items = ["no", "Lenin and lenin", "", "LENIN"];
        let found = find_in_items(items.iter().copied(), "lenin", Mode::Folded);
        assert_eq!(
            found,
            [
                Match {
                    item: 1,
                    range: 0..5
                },
                Match {
                    item: 1,
                    range: 10..15
                },
                Match {
                    item: 3,
                    range: 0..5
                },
            ]
        );
        assert!(find_in_items(items.iter().copied(), "\u{064E}", Mode::Folded).is_empty());
    }

    #[test]
    fn counting_agrees_with_finding() {
        // "أكتوبر" with hamza and a fatha, "اكتوبر", "الاكتوبري", "October"
        let texts = [
            "\u{0623}\u{064E}\u{0643}\u{062A}\u{0648}\u{0628}\u{0631} \u{0627}\u{0643}\u{062A}\u{0648}\u{0628}\u{0631}",
            "\u{0627}\u{0644}\u{0627}\u{0643}\u{062A}\u{0648}\u{0628}\u{0631}\u{064A}",
            "October, OCTOBER, october",
            "",
        ];
        let mut scratch = String::new();
        for query in [
            "\u{0627}\u{0643}\u{062A}\u{0648}\u{0628}\u{0631}",
            "october",
            "\u{0627}",
        ] {
            for mode in [Mode::Folded, Mode::Exact] {
                let q = Query::new(query, mode).expect("a query");
                for text in texts {
                    assert_eq!(
                        q.count(text, &mut scratch),
                        q.find(text).len(),
                        "{query} in {text}"
                    );
                }
            }
        }
        let folded = Query::new(
            "\u{0627}\u{0643}\u{062A}\u{0648}\u{0628}\u{0631}",
            Mode::Folded,
        );
        assert_eq!(folded.map(|q| q.count(texts[0], &mut scratch)), Some(2));
    }
}
