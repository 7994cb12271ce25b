//! The reader's search, as plain state: the query being typed, its matches
//! over the whole flow (notes included) and which one is current. Finding
//! is `crate::search`'s; moving the view to a match is the App's.

use std::ops::Range;

use super::flow::Anchor;
use crate::search::{find_in_items, Match, Mode};

/// The search in force (its matches are highlighted).
#[derive(Clone, Debug, Default)]
pub struct Search {
    pub query: String,
    pub mode: Mode,
    pub matches: Vec<Match>,
    /// Index of the current match.
    pub current: Option<usize>,
}

impl Search {
    /// An empty search in `mode`.
    pub fn new(mode: Mode) -> Search {
        Search {
            mode,
            ..Search::default()
        }
    }

    /// Switch between Arabic-aware and exact matching.
    pub fn toggle_mode(&mut self) {
        self.mode = match self.mode {
            Mode::Folded => Mode::Exact,
            Mode::Exact => Mode::Folded,
        };
    }

    /// Find the query again in `items`; the current match becomes the
    /// first at or after `from` (wrapping to the first of all), if any.
    pub fn run<'a>(&mut self, items: impl Iterator<Item = &'a str>, from: Anchor) -> Option<usize> {
        self.matches = find_in_items(items, &self.query, self.mode);
        self.current = (!self.matches.is_empty()).then(|| {
            self.matches
                .iter()
                .position(|m| start_of(m) >= from)
                .unwrap_or(0)
        });
        self.current
    }

    /// Make the next (or previous) match current, wrapping; `None` when
    /// there is none.
    pub fn step(&mut self, forward: bool) -> Option<usize> {
        let n = self.matches.len();
        if n == 0 {
            return None;
        }
        let next = match (self.current, forward) {
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
            (None, _) => 0,
        };
        self.current = Some(next);
        Some(next)
    }

    /// The matches in item `item`, with whether each is the current one.
    pub fn matches_in(&self, item: usize) -> Vec<(Range<usize>, bool)> {
        let start = self.matches.partition_point(|m| m.item < item);
        self.matches[start..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.item == item)
            .map(|(i, m)| (m.range.clone(), self.current == Some(start + i)))
            .collect()
    }
}

/// Where a match starts, as a position in the flow.
fn start_of(m: &Match) -> Anchor {
    Anchor {
        item: m.item,
        byte: m.range.start,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_match_is_the_one_after_the_origin_and_steps_wrap() {
        let items = ["a x", "x", "b x"];
        let mut search = Search {
            query: "x".into(),
            ..Search::default()
        };
        let from = Anchor { item: 1, byte: 0 };
        assert_eq!(search.run(items.iter().copied(), from), Some(1));
        assert_eq!(search.step(true), Some(2));
        assert_eq!(search.step(true), Some(0), "wraps to the first");
        assert_eq!(search.step(false), Some(2), "and back to the last");
        let past = Anchor { item: 2, byte: 3 };
        assert_eq!(search.run(items.iter().copied(), past), Some(0));
        assert_eq!(search.matches_in(2), vec![(2..3, false)]);
        search.query = "nothing".into();
        assert_eq!(search.run(items.iter().copied(), from), None);
        assert_eq!(search.step(true), None);
    }
}
