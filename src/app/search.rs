//! The reader's search, as plain state: the query being typed, which
//! paragraphs match (notes included) and which match is current. Finding
//! is `crate::search`'s; moving the view to a match is the App's.
//!
//! A search must not freeze the reader on a 100 MB document, so it is done
//! in slices: `run` looks through the first megabyte or so from where the
//! reader is, `advance` carries on by the same amount each time the event
//! loop finds no key waiting, and a key typed meanwhile simply starts a new
//! search. A letter added to the query only looks again in the paragraphs
//! the shorter query matched (and Backspace goes back to them), so typing
//! gets cheaper as the query grows. Only matching paragraphs and their
//! match counts are kept, never every match: a one-letter query on a huge
//! document would otherwise hold millions of ranges; the ranges of a
//! paragraph are found again when it is shown.

use std::ops::Range;

use std::borrow::Cow;

use super::flow::{Anchor, Flow};
use crate::search::{Match, Mode, Query};

/// How much text one slice of a search reads (bytes): a few milliseconds.
const SLICE_BYTES: usize = 1 << 20;

/// Finished searches kept for narrowing and Backspace (one per letter).
const NARROWING_DEPTH: usize = 64;

/// The search in force (its matches are highlighted).
#[derive(Clone, Debug, Default)]
pub struct Search {
    pub query: String,
    pub mode: Mode,
    /// Paragraphs with matches before the origin's paragraph, in order.
    before: Vec<Hit>,
    /// Paragraphs with matches from the origin's paragraph on, in order.
    after: Vec<Hit>,
    /// The search still under way, if any.
    scan: Option<Scan>,
    /// The current match: its paragraph and which of its matches.
    current: Option<At>,
    /// Finished searches, shortest query first.
    finished: Vec<Finished>,
}

/// A paragraph with matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Hit {
    item: usize,
    count: usize,
}

/// A match named by its paragraph and its rank there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct At {
    item: usize,
    nth: usize,
}

/// The paragraphs a search looks through, by index: the reader's flow, or
/// plain strings in tests.
pub trait Paragraphs {
    fn count(&self) -> usize;
    fn paragraph(&self, i: usize) -> Option<Cow<'_, str>>;
}

impl Paragraphs for Flow {
    fn count(&self) -> usize {
        self.items.len()
    }

    fn paragraph(&self, i: usize) -> Option<Cow<'_, str>> {
        (i < self.items.len()).then(|| self.text(i))
    }
}

/// A search being done, slice by slice.
#[derive(Clone, Debug)]
struct Scan {
    query: Query,
    /// The paragraphs to look in; `None`: all of them.
    candidates: Option<Vec<usize>>,
    /// How many paragraphs (or candidates) there are to look in.
    len: usize,
    /// The first to look in: the origin's paragraph, or the next after it.
    start: usize,
    /// How many have been looked in (counting on from `start`, wrapping).
    done: usize,
    /// Where the reader was: the current match is the first at or after.
    from: Anchor,
    /// Hits in `after` already checked for being the first after `from`.
    checked: usize,
}

/// A search done to the end: what narrowing needs of it.
#[derive(Clone, Debug)]
struct Finished {
    query: Query,
    items: Vec<usize>,
}

/// What a slice of searching changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// A current match was found by this slice (show it).
    pub found: bool,
    /// The search is over.
    pub done: bool,
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

    /// Start looking for the query as it stands, from `from`, and do the
    /// first slice of it. The current match will be the first at or after
    /// `from`, wrapping to the first of all.
    pub fn run(&mut self, items: &(impl Paragraphs + ?Sized), from: Anchor) -> Progress {
        self.before.clear();
        self.after.clear();
        self.current = None;
        self.scan = None;
        let Some(query) = Query::new(&self.query, self.mode) else {
            return Progress {
                found: false,
                done: true,
            };
        };
        // Forget finished searches this one does not narrow (Backspace,
        // a changed mode); the longest left tells where to look.
        while self
            .finished
            .last()
            .is_some_and(|f| !query.narrows(&f.query))
        {
            self.finished.pop();
        }
        let candidates = self.finished.last().map(|f| f.items.clone());
        let len = candidates.as_ref().map_or(items.count(), Vec::len);
        let start = match &candidates {
            Some(list) => list.partition_point(|&i| i < from.item),
            None => from.item.min(len),
        };
        self.scan = Some(Scan {
            query,
            candidates,
            len,
            start,
            done: 0,
            from,
            checked: 0,
        });
        self.advance(items)
    }

    /// The document changed under the search (its whole arrived): look
    /// again from the start, without what earlier searches found.
    pub fn restart(&mut self, items: &(impl Paragraphs + ?Sized), from: Anchor) {
        self.finished.clear();
        self.run(items, from);
    }

    /// Look through the next slice of the document.
    pub fn advance(&mut self, items: &(impl Paragraphs + ?Sized)) -> Progress {
        self.advance_by(items, SLICE_BYTES)
    }

    /// Look through at most `budget` bytes more (at least one paragraph).
    fn advance_by(&mut self, items: &(impl Paragraphs + ?Sized), budget: usize) -> Progress {
        let had_current = self.current.is_some();
        let Some(scan) = &mut self.scan else {
            return Progress {
                found: false,
                done: true,
            };
        };
        let mut read = 0;
        let mut scratch = String::new();
        while scan.done < scan.len && read < budget {
            let at = (scan.start + scan.done) % scan.len;
            let item = scan.candidates.as_ref().map_or(at, |c| c[at]);
            scan.done += 1;
            let Some(text) = items.paragraph(item) else {
                continue;
            };
            read += text.len().max(1);
            let count = scan.query.count(&text, &mut scratch);
            if count > 0 {
                let hits = if at >= scan.start {
                    &mut self.after
                } else {
                    &mut self.before
                };
                hits.push(Hit { item, count });
            }
        }
        self.settle_current(items);
        let done = self.scan.as_ref().is_none_or(|s| s.done >= s.len);
        if done {
            self.finish_scan();
        }
        Progress {
            found: !had_current && self.current.is_some(),
            done,
        }
    }

    /// Make the first match at or after the origin current once it is
    /// known; when the search is over without one, the first of all.
    fn settle_current(&mut self, items: &(impl Paragraphs + ?Sized)) {
        let Some(scan) = &mut self.scan else {
            return;
        };
        if self.current.is_some() {
            return;
        }
        while let Some(hit) = self.after.get(scan.checked) {
            scan.checked += 1;
            let nth = if hit.item == scan.from.item {
                let text = items.paragraph(hit.item).unwrap_or_default();
                let ranges = scan.query.find(&text);
                match ranges.iter().position(|r| r.start >= scan.from.byte) {
                    Some(nth) => nth,
                    None => continue,
                }
            } else {
                0
            };
            self.current = Some(At {
                item: hit.item,
                nth,
            });
            return;
        }
        if scan.done >= scan.len {
            let first = self.before.first().or(self.after.first());
            self.current = first.map(|h| At {
                item: h.item,
                nth: 0,
            });
        }
    }

    /// The search is over: keep the paragraphs it found for narrowing.
    fn finish_scan(&mut self) {
        let Some(scan) = self.scan.take() else {
            return;
        };
        if self
            .finished
            .last()
            .is_some_and(|f| f.query.text() == scan.query.text())
        {
            self.finished.pop();
        }
        if self.finished.len() == NARROWING_DEPTH {
            self.finished.remove(0);
        }
        let items = self.hits().map(|h| h.item).collect();
        self.finished.push(Finished {
            query: scan.query,
            items,
        });
    }

    /// Look through the rest of the document now.
    pub fn finish(&mut self, items: &(impl Paragraphs + ?Sized)) {
        while self.scan.is_some() {
            self.advance_by(items, usize::MAX);
        }
    }

    /// Whether the search is still under way, and how far (percent).
    pub fn searching(&self) -> Option<usize> {
        self.scan.as_ref().map(|s| s.done * 100 / s.len.max(1))
    }

    /// The paragraphs with matches, in document order.
    fn hits(&self) -> impl Iterator<Item = &Hit> {
        self.before.iter().chain(&self.after)
    }

    /// How many matches have been found (all of them once the search is
    /// over).
    pub fn total(&self) -> usize {
        self.hits().map(|h| h.count).sum()
    }

    /// The current match's rank among all matches, from 0.
    pub fn current(&self) -> Option<usize> {
        let at = self.current?;
        let before: usize = self
            .hits()
            .take_while(|h| h.item != at.item)
            .map(|h| h.count)
            .sum();
        Some(before + at.nth)
    }

    /// The current match's paragraph and byte range.
    pub fn current_match(&self, items: &(impl Paragraphs + ?Sized)) -> Option<Match> {
        let at = self.current?;
        let text = items.paragraph(at.item)?;
        let range = self.ranges_in(&text).into_iter().nth(at.nth)?;
        Some(Match {
            item: at.item,
            range,
        })
    }

    /// Make the next (or previous) match current, wrapping; false when
    /// there is none. The search is finished first if it is not over.
    pub fn step(&mut self, items: &(impl Paragraphs + ?Sized), forward: bool) -> bool {
        self.finish(items);
        let hits: Vec<Hit> = self.hits().copied().collect();
        if hits.is_empty() {
            return false;
        }
        let Some(at) = self.current else {
            self.current = Some(At {
                item: hits[0].item,
                nth: 0,
            });
            return true;
        };
        let i = hits.iter().position(|h| h.item == at.item).unwrap_or(0);
        self.current = Some(if forward {
            if at.nth + 1 < hits[i].count {
                At {
                    item: at.item,
                    nth: at.nth + 1,
                }
            } else {
                let next = hits[(i + 1) % hits.len()];
                At {
                    item: next.item,
                    nth: 0,
                }
            }
        } else if at.nth > 0 {
            At {
                item: at.item,
                nth: at.nth - 1,
            }
        } else {
            let prev = hits[(i + hits.len() - 1) % hits.len()];
            At {
                item: prev.item,
                nth: prev.count - 1,
            }
        });
        true
    }

    /// The matches in paragraph `item` (whose text is `text`), with
    /// whether each is the current one.
    pub fn matches_in(&self, item: usize, text: &str) -> Vec<(Range<usize>, bool)> {
        // Both lists are in document order: a binary search each.
        let has = |hits: &[Hit]| hits.binary_search_by_key(&item, |h| h.item).is_ok();
        if !has(&self.before) && !has(&self.after) {
            return Vec::new();
        }
        let current = self.current.filter(|at| at.item == item).map(|at| at.nth);
        self.ranges_in(text)
            .into_iter()
            .enumerate()
            .map(|(n, range)| (range, current == Some(n)))
            .collect()
    }

    /// Where the query matches in `text`.
    fn ranges_in(&self, text: &str) -> Vec<Range<usize>> {
        Query::new(&self.query, self.mode).map_or_else(Vec::new, |q| q.find(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Paragraphs for Vec<&str> {
        fn count(&self) -> usize {
            self.len()
        }

        fn paragraph(&self, i: usize) -> Option<Cow<'_, str>> {
            self.get(i).map(|&t| t.into())
        }
    }

    fn items<'a>(texts: &[&'a str]) -> Vec<&'a str> {
        texts.to_vec()
    }

    fn searching_for(query: &str) -> Search {
        Search {
            query: query.into(),
            ..Search::default()
        }
    }

    #[test]
    fn the_first_match_is_the_one_after_the_origin_and_steps_wrap() {
        let items = items(&["a x", "x", "b x"]);
        let mut search = searching_for("x");
        let from = Anchor { item: 1, byte: 0 };
        assert!(search.run(&items, from).found);
        assert_eq!(search.current(), Some(1));
        assert!(search.step(&items, true));
        assert_eq!(search.current(), Some(2));
        assert!(search.step(&items, true));
        assert_eq!(search.current(), Some(0), "wraps to the first");
        assert!(search.step(&items, false));
        assert_eq!(search.current(), Some(2), "and back to the last");
        let past = Anchor { item: 2, byte: 3 };
        search.run(&items, past);
        assert_eq!(search.current(), Some(0));
        assert_eq!(search.matches_in(2, items[2]), vec![(2..3, false)]);
        search.query = "nothing".into();
        let progress = search.run(&items, from);
        assert!(!progress.found && progress.done);
        assert_eq!(search.current(), None);
        assert!(!search.step(&items, true));
    }

    #[test]
    fn a_match_before_the_origin_in_its_own_paragraph_comes_last() {
        let items = items(&["x x", "y"]);
        let mut search = searching_for("x");
        search.run(&items, Anchor { item: 0, byte: 1 });
        let hit = search.current_match(&items).expect("a match");
        assert_eq!((hit.item, hit.range), (0, 2..3), "the second x");
        let mut search2 = searching_for("x");
        search2.run(&items, Anchor { item: 0, byte: 3 });
        let hit = search2.current_match(&items).expect("wraps");
        assert_eq!((hit.item, hit.range), (0, 0..1), "the first of all");
    }

    #[test]
    fn a_big_document_is_searched_in_slices_and_found_the_same() {
        // Forty 100 KB paragraphs: four megabytes, four slices at least.
        let filler = "lorem ".repeat(100_000 / 6);
        let texts: Vec<String> = (0..40)
            .map(|i| {
                if i % 7 == 3 {
                    format!("{filler} needle")
                } else {
                    filler.clone()
                }
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let items = items(&refs);
        let mut search = searching_for("needle");
        let from = Anchor { item: 20, byte: 0 };
        let first = search.run(&items, from);
        assert!(!first.done, "one slice does not read four megabytes");
        let mut slices = 1;
        let mut shown = first.found;
        while search.searching().is_some() {
            let p = search.advance(&items);
            shown |= p.found;
            slices += 1;
        }
        assert!(slices >= 4 && shown);
        // Paragraphs 3, 10, 17, 24, 31, 38: the first after 20 is 24.
        assert_eq!(search.total(), 6);
        assert_eq!(search.current(), Some(3));
        assert_eq!(search.current_match(&items).map(|m| m.item), Some(24));
    }

    #[test]
    fn a_longer_query_looks_only_where_the_shorter_matched() {
        let items = items(&["abc", "abd", "xyz", "ab"]);
        let mut search = searching_for("ab");
        search.run(&items, Anchor::default());
        assert_eq!(search.total(), 3);
        // Shown a document where paragraph 2 now holds "abc" too, the
        // longer query does not see it: it looked only in 0, 1 and 3.
        let changed = super::tests::items(&["abc", "abd", "abc", "ab"]);
        search.query = "abc".into();
        search.run(&changed, Anchor::default());
        assert_eq!(search.total(), 1);
        // Backspace: back to "ab", looked for where "ab" matched.
        search.query = "ab".into();
        search.run(&items, Anchor::default());
        assert_eq!(search.total(), 3);
        // A query that does not extend it looks everywhere again.
        search.query = "xyz".into();
        search.run(&items, Anchor::default());
        assert_eq!(search.total(), 1);
        search.query = "abc".into();
        search.run(&changed, Anchor::default());
        assert_eq!(search.total(), 2, "after a fresh start, everywhere");
    }
}
