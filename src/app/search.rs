//! Search in the reader: the prompt (search as you type), the matches over
//! the whole flow (notes included), moving between them, and marks.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::flow::{Anchor, ItemKind, Pos};
use super::state::{App, Popup};
use crate::search::{normalize, Mode};

/// A match: item and byte range in its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub item: usize,
    pub range: std::ops::Range<usize>,
}

/// The search in force.
#[derive(Clone, Debug, Default)]
pub struct Search {
    pub query: String,
    pub mode: Mode,
    pub matches: Vec<Match>,
    /// Index of the current match.
    pub current: Option<usize>,
}

/// The prompt being typed.
#[derive(Clone, Debug)]
pub struct Prompt {
    /// Where the reader was when the prompt opened (Esc goes back there).
    pub origin: Anchor,
}

/// A key that waits for a letter (marks).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pending {
    SetMark,
    GotoMark,
}

/// All matches of `query` in the flow's items, in reading order.
pub fn find_in_items<'a>(
    items: impl Iterator<Item = &'a str>,
    query: &str,
    mode: Mode,
) -> Vec<Match> {
    let folded = match mode {
        Mode::Folded => normalize(query).text,
        Mode::Exact => query.to_string(),
    };
    if folded.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (item, text) in items.enumerate() {
        match mode {
            Mode::Exact => out.extend(text.match_indices(folded.as_str()).map(|(at, m)| Match {
                item,
                range: at..at + m.len(),
            })),
            Mode::Folded => {
                // Cheap test first: most paragraphs do not match.
                let n = normalize(text);
                if n.text.contains(folded.as_str()) {
                    out.extend(
                        n.find_all(&folded)
                            .into_iter()
                            .map(|range| Match { item, range }),
                    );
                }
            }
        }
    }
    out
}

impl App {
    /// Open the search prompt.
    pub(super) fn start_search(&mut self) {
        self.prompt = Some(Prompt {
            origin: self.flow.anchor(),
        });
        self.search = Some(Search {
            mode: self.search.as_ref().map_or(Mode::Folded, |s| s.mode),
            ..Search::default()
        });
    }

    /// Is a prompt open (keys go to it rather than to the key table)?
    pub fn prompt_open(&self) -> bool {
        self.prompt.is_some()
    }

    /// A key typed into the prompt.
    pub fn prompt_key(&mut self, key: KeyEvent) {
        let Some(prompt) = self.prompt.clone() else {
            return;
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => {
                self.prompt = None;
                self.search = None;
                self.flow.goto_anchor(prompt.origin);
                let rows = self.text_rows();
                self.flow.clamp(rows);
            }
            KeyCode::Enter => {
                self.prompt = None;
                if self.search.as_ref().is_some_and(|s| s.query.is_empty()) {
                    self.search = None;
                }
            }
            KeyCode::Char('e') if ctrl => {
                if let Some(s) = &mut self.search {
                    s.mode = if s.mode == Mode::Folded {
                        Mode::Exact
                    } else {
                        Mode::Folded
                    };
                }
                self.run_search(prompt.origin);
            }
            KeyCode::Char('c') if ctrl => self.quit = true,
            KeyCode::Backspace => {
                if let Some(s) = &mut self.search {
                    s.query.pop();
                }
                self.run_search(prompt.origin);
            }
            KeyCode::Char(c) if !ctrl => {
                if let Some(s) = &mut self.search {
                    s.query.push(c);
                }
                self.run_search(prompt.origin);
            }
            _ => {}
        }
        self.prepare();
    }

    /// Search again for the current query; select the first match at or
    /// after `from` (wrapping) and show it.
    fn run_search(&mut self, from: Anchor) {
        let Some(search) = &mut self.search else {
            return;
        };
        search.matches = find_in_items(
            self.flow.items.iter().map(|i| i.text.as_str()),
            &search.query,
            search.mode,
        );
        search.current = None;
        if search.matches.is_empty() {
            self.flow.goto_anchor(from);
            let rows = self.text_rows();
            self.flow.clamp(rows);
            return;
        }
        let first = search
            .matches
            .iter()
            .position(|m| (m.item, m.range.start) >= (from.item, from.byte))
            .unwrap_or(0);
        search.current = Some(first);
        self.show_match(first);
    }

    /// Move to the next (or previous) match.
    pub(super) fn step_match(&mut self, forward: bool) {
        let Some(search) = &mut self.search else {
            self.message = Some("no search (press /)".into());
            return;
        };
        let n = search.matches.len();
        if n == 0 {
            self.message = Some("no matches".into());
            return;
        }
        let next = match (search.current, forward) {
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
            (None, _) => 0,
        };
        search.current = Some(next);
        self.push_jump_public();
        self.show_match(next);
    }

    /// Scroll to match `m`; a match inside a note opens that note's popup.
    fn show_match(&mut self, m: usize) {
        let Some(hit) = self.search.as_ref().and_then(|s| s.matches.get(m).cloned()) else {
            return;
        };
        let rows = self.text_rows();
        if let ItemKind::Note(note) = self.flow.items[hit.item].kind {
            if let Some(marker) = self
                .flow
                .markers
                .iter()
                .position(|mk| mk.note == Some(note))
            {
                self.selected_marker = Some(marker);
                self.popup = Some(Popup { marker, scroll: 0 });
                self.reveal(
                    self.flow.markers[marker].item,
                    self.flow.markers[marker].range.start,
                );
                // Scroll the popup to the row of the match, once laid out.
                self.prepare();
                if let Some(p) = &self.frame.popup {
                    let label_len = self.flow.items[hit.item]
                        .text
                        .find(' ')
                        .map_or(0, |i| i + 1);
                    let byte = hit.range.start.saturating_sub(label_len);
                    let row = p
                        .laid
                        .rows
                        .iter()
                        .position(|r| {
                            p.laid.cells[r.cells.clone()]
                                .iter()
                                .any(|c| c.range().contains(&byte))
                        })
                        .unwrap_or(0);
                    self.popup = Some(Popup {
                        marker,
                        scroll: row.saturating_sub(1),
                    });
                }
                return;
            }
        }
        self.popup = None;
        self.reveal(hit.item, hit.range.start);
        self.flow.clamp(rows);
    }

    /// Make byte `byte` of item `item` visible, a third down, unless it is.
    fn reveal(&mut self, item: usize, byte: usize) {
        let rows = self.text_rows();
        let row = self.flow.row_of(item, byte);
        let visible = self.flow.prepare(rows);
        if visible.contains(&super::flow::FlowRow::Text { item, row }) {
            return;
        }
        self.flow.pos = Pos { item, row };
        self.flow.scroll_up(rows / 3);
        self.flow.clamp(rows);
    }

    /// The matches in item `item`, with whether each is the current one.
    pub fn matches_in(&self, item: usize) -> Vec<(std::ops::Range<usize>, bool)> {
        let Some(search) = &self.search else {
            return Vec::new();
        };
        let start = search.matches.partition_point(|m| m.item < item);
        search.matches[start..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.item == item)
            .map(|(i, m)| (m.range.clone(), search.current == Some(start + i)))
            .collect()
    }

    /// A letter after `m` or `'`.
    pub fn pending_char(&mut self, c: char) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        match pending {
            Pending::SetMark if c.is_ascii_alphabetic() => {
                self.marks.insert(c, self.flow.anchor());
                self.message = Some(format!("mark {c} set"));
            }
            Pending::GotoMark if c == '\'' => match self.jumps.pop() {
                Some(back) => {
                    let here = self.flow.anchor();
                    self.go(back);
                    // '' again returns: the place we left becomes the last jump.
                    self.jumps.push(here);
                }
                None => self.message = Some("no earlier position".into()),
            },
            Pending::GotoMark => match self.marks.get(&c).copied() {
                Some(anchor) => {
                    self.push_jump_public();
                    self.go(anchor);
                }
                None => self.message = Some(format!("no mark {c}")),
            },
            Pending::SetMark => self.message = Some("marks are letters a-z, A-Z".into()),
        }
        self.prepare();
    }

    /// Go to an anchor.
    pub fn go(&mut self, anchor: Anchor) {
        let rows = self.text_rows();
        self.flow.goto_anchor(anchor);
        self.flow.clamp(rows);
    }
}
