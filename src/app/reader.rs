//! The reading view's answers: scrolling, sections, jumps back, the search
//! prompt and moving between matches, and marks. (Footnotes, lists and the
//! side-by-side view have their own rooms.)

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::flow::{Anchor, ItemKind};
use super::marks::{is_mark_letter, AwaitingLetter};
use super::parallel::Pane;
use super::prompt::{remember, Edit, Prompt};
use super::search::{Progress, Search};
use super::state::App;
use super::view::Group;
use super::view::{Overlay, Parallel, View};
use crate::search::Mode;

impl App {
    pub(super) fn update_reader(&mut self, action: Action) {
        let rows = self.rows();
        let page = rows.saturating_sub(1).max(1);
        let half = (rows / 2).max(1);
        match action {
            Action::LineDown => self.flow.scroll_down(1, rows),
            Action::LineUp => self.flow.scroll_up(1),
            Action::PageDown => self.flow.scroll_down(page, rows),
            Action::PageUp => self.flow.scroll_up(page),
            Action::HalfPageDown => self.flow.scroll_down(half, rows),
            Action::HalfPageUp => self.flow.scroll_up(half),
            Action::Top => {
                self.push_jump();
                self.flow.goto_item(0, rows);
            }
            Action::Bottom => {
                self.push_jump();
                self.flow.pos = self.flow.max_top(rows);
            }
            Action::GotoPercent => self.goto_percent(),
            Action::NextSection => self.next_section(true),
            Action::PrevSection => self.next_section(false),
            Action::Toc => {
                if self.doc.sections.iter().all(|s| s.title.is_none()) {
                    self.message = Some("this document has no sections".into());
                } else {
                    let selected = self.flow.current_section().unwrap_or(0);
                    self.overlay = Overlay::Toc { selected };
                }
            }
            Action::NextFootnote => self.move_marker(true),
            Action::PrevFootnote => self.move_marker(false),
            Action::Activate => {
                if let Some(m) = self.selected_marker {
                    self.open_popup(m);
                }
            }
            Action::JumpBack => match self.jumps.back(self.flow.anchor()) {
                Some(anchor) => self.go(anchor),
                None => self.message = Some("no earlier position".into()),
            },
            Action::JumpForward => match self.jumps.forward(self.flow.anchor()) {
                Some(anchor) => self.go(anchor),
                None => {
                    self.message = Some("nothing to go forward to (Ctrl-t undoes Ctrl-o)".into())
                }
            },
            Action::Close => {
                self.selected_marker = None;
                self.search = None;
            }
            Action::Search => self.start_search(),
            Action::SearchNext => self.step_match(true),
            Action::SearchPrev => self.step_match(false),
            Action::SetMark => self.awaiting = Some(AwaitingLetter::SetMark),
            Action::GotoMark => self.awaiting = Some(AwaitingLetter::GotoMark),
            Action::GotoPage => self.start_page_entry(),
            Action::SideBySide => {
                self.view = View::Parallel(Parallel {
                    focus: Pane::Left,
                    linked: true,
                    whole_arabic: false,
                    offsets: [0, 0],
                });
            }
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            Action::Library => {
                let selected = self.current.unwrap_or(0);
                self.overlay = Overlay::Library { selected };
            }
            Action::Quit | Action::QuitNow => self.quit(),
            // Answered in `update` before it gets here.
            Action::Redraw => {}
            Action::NextFile => self.step_file(true),
            Action::PrevFile => self.step_file(false),
            Action::Forget => self.message = Some("d forgets an entry in the library (o)".into()),
            Action::SwitchPane | Action::ToggleLinkedScroll | Action::ToggleArabicWhole => {
                self.message = Some("that key works in the side-by-side view (s)".into());
            }
        }
    }

    /// `>` and `<`: open the next (previous) of the files named on the
    /// command line or found in the folder named there.
    fn step_file(&mut self, forward: bool) {
        let files: Vec<usize> = (0..self.library.len())
            .filter(|&i| matches!(self.library[i].group, Group::Files | Group::Folder))
            .collect();
        let at = self
            .current
            .and_then(|c| files.iter().position(|&i| i == c));
        let next = match (at, forward) {
            (Some(k), true) => files.get(k + 1),
            (Some(k), false) => k.checked_sub(1).and_then(|k| files.get(k)),
            (None, true) => files.first(),
            (None, false) => None,
        };
        match next {
            Some(&i) => self.open_entry(i),
            None if files.is_empty() => {
                self.message = Some("no other files: name several, or a folder".into())
            }
            None if forward => self.message = Some("this is the last file".into()),
            None => self.message = Some("this is the first file".into()),
        }
    }

    /// `]` and `[`: the next section, or back to the start of this one and
    /// then the one before.
    fn next_section(&mut self, forward: bool) {
        let target = match (forward, self.flow.current_section()) {
            (true, Some(s)) => Some(s + 1),
            (true, None) => Some(0),
            (false, Some(s)) => {
                let start = self.flow.section_items[s];
                if self.flow.pos.item > start || self.flow.pos.row > 0 {
                    Some(s)
                } else {
                    s.checked_sub(1)
                }
            }
            (false, None) => None,
        };
        match target.and_then(|s| self.flow.section_items.get(s).copied()) {
            Some(item) => {
                self.push_jump();
                let rows = self.rows();
                self.flow.goto_item(item, rows);
            }
            None => self.message = Some("no more sections".into()),
        }
    }

    /// `N%` or `Np`: go to N percent of the text (no N: the start), as
    /// less does.
    fn goto_percent(&mut self) {
        let n = self.count.take().unwrap_or(0).min(100);
        let target = self.flow.total_bytes.saturating_sub(1) * n / 100;
        let item = self
            .flow
            .items
            .partition_point(|i| i.offset <= target)
            .saturating_sub(1);
        let byte = target.saturating_sub(self.flow.items.get(item).map_or(0, |i| i.offset));
        self.push_jump();
        self.go(Anchor { item, byte });
        // The row holding that byte starts a little before it: the next
        // row is the first whose top is N% in, as the status line counts.
        if self.flow.percent() < n {
            let rows = self.rows();
            self.flow.scroll_down(1, rows);
        }
    }

    /// Open the search prompt (the exact/folded choice is kept).
    fn start_search(&mut self) {
        self.prompt = Some(Prompt::new(self.flow.anchor()));
        let mode = self.search.as_ref().map_or(Mode::Folded, |s| s.mode);
        self.search = Some(Search::new(mode));
    }

    /// A key typed into the prompt: Esc and Enter close it, Tab switches
    /// exact and Arabic-aware matching, the editing keys are the prompt's
    /// (`prompt.rs`); the query is searched for again whenever it changes.
    pub(super) fn prompt_key(&mut self, key: KeyEvent) {
        let Some(mut prompt) = self.prompt.take() else {
            return;
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => {
                self.search = None;
                self.go(prompt.origin);
                return;
            }
            KeyCode::Enter => return self.close_prompt(),
            KeyCode::Tab => {
                if let Some(s) = &mut self.search {
                    s.toggle_mode();
                }
            }
            KeyCode::Char('c') if ctrl => {
                self.prompt = Some(prompt);
                return self.quit();
            }
            KeyCode::Char(c) if !ctrl => {
                if let Some(s) = &mut self.search {
                    prompt.insert(&mut s.query, c);
                }
            }
            _ => {
                let Some(s) = &mut self.search else { return };
                if prompt.edit(&mut s.query, &key, &self.history) != Edit::Changed {
                    self.prompt = Some(prompt);
                    return;
                }
            }
        }
        let origin = prompt.origin;
        self.prompt = Some(prompt);
        self.run_search(origin);
    }

    /// Enter: the query is kept in the history; a search that found
    /// nothing ends, saying so once.
    fn close_prompt(&mut self) {
        let Some(search) = &self.search else { return };
        remember(&mut self.history, &search.query);
        if search.query.is_empty() {
            self.search = None;
        } else if search.searching().is_none() && search.total() == 0 {
            self.message = Some(format!("no match for \u{2068}{}\u{2069}", search.query));
            self.search = None;
        }
    }

    /// A character added to the query at the cursor: search again.
    pub(super) fn type_char(&mut self, c: char) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        if let Some(s) = &mut self.search {
            prompt.insert(&mut s.query, c);
        }
        let origin = prompt.origin;
        self.run_search(origin);
    }

    /// Search again for the current query; show the first match at or
    /// after `from` (wrapping), or go back to `from` when there is none.
    /// A long search goes on in slices (`carry_on_searching`).
    fn run_search(&mut self, from: Anchor) {
        let Some(search) = &mut self.search else {
            return;
        };
        let progress = search.run(&self.flow, from);
        self.after_search_slice(progress, from);
    }

    /// The next slice of a search under way, when no key is waiting.
    pub(super) fn carry_on_searching(&mut self) {
        let from = self.prompt.as_ref().map(|p| p.origin);
        let Some(search) = &mut self.search else {
            return;
        };
        let progress = search.advance(&self.flow);
        self.after_search_slice(progress, from.unwrap_or(self.flow.anchor()));
    }

    /// Show the match a slice found; a search over with none while the
    /// prompt is open goes back to where the prompt was opened.
    fn after_search_slice(&mut self, progress: Progress, from: Anchor) {
        if progress.found {
            self.show_match();
        } else if progress.done
            && self.prompt.is_some()
            && self.search.as_ref().is_some_and(|s| s.current().is_none())
        {
            self.go(from);
        }
    }

    /// Move to the next (or previous) match.
    fn step_match(&mut self, forward: bool) {
        let Some(search) = &mut self.search else {
            self.message = Some("no search (press /)".into());
            return;
        };
        let before = search.current();
        if search.step(&self.flow, forward) {
            // Past the last match to the first, or back past the first.
            let next = search.current();
            let wrapped = match (before, next) {
                (Some(b), Some(n)) => (n <= b) == forward && (n != b || search.total() == 1),
                _ => false,
            };
            self.push_jump();
            self.show_match();
            if wrapped {
                let end = if forward { "top" } else { "bottom" };
                self.message = Some(format!("search wrapped to the {end}"));
            }
        } else {
            self.message = Some("no matches".into());
        }
    }

    /// Scroll to the current match; a match inside a note opens that
    /// note's popup, scrolled to the match.
    fn show_match(&mut self) {
        let Some(hit) = self
            .search
            .as_ref()
            .and_then(|s| s.current_match(&self.flow))
        else {
            return;
        };
        if let ItemKind::Note(note) = self.flow.items[hit.item].kind {
            if let Some(marker) = self
                .flow
                .markers
                .iter()
                .position(|mk| mk.note == Some(note))
            {
                self.open_popup(marker);
                let (item, start) = (
                    self.flow.markers[marker].item,
                    self.flow.markers[marker].range.start,
                );
                let rows = self.rows();
                self.flow.reveal(item, start, rows);
                let byte = self.byte_in_popup(note, hit.item, hit.range.start);
                self.scroll_popup_to(marker, byte);
                return;
            }
        }
        self.popup = None;
        let rows = self.rows();
        self.flow.reveal(hit.item, hit.range.start, rows);
    }

    /// Where byte `byte` of flow item `item` (a block of note `note`) is in
    /// the popup's text: the note's blocks joined by spaces, without the
    /// label that leads the first.
    pub(super) fn byte_in_popup(&self, note: usize, item: usize, byte: usize) -> usize {
        let first = self.flow.note_items.get(note).copied().unwrap_or(item);
        let label = self.flow.text(first).find(' ').map_or(0, |i| i + 1);
        let before: usize = (first..item).map(|i| self.flow.text_len(i) + 1).sum();
        (before + byte).saturating_sub(label)
    }

    /// A letter after `m` or `'`.
    pub(super) fn letter(&mut self, awaiting: AwaitingLetter, c: char) {
        match awaiting {
            AwaitingLetter::SetMark if is_mark_letter(c) => {
                self.marks.insert(c, self.flow.anchor());
                self.message = Some(format!("mark {c} set"));
            }
            AwaitingLetter::SetMark => self.message = Some("marks are letters a-z, A-Z".into()),
            AwaitingLetter::GotoMark if c == '\'' => match self.jumps.pop() {
                Some(back) => {
                    let here = self.flow.anchor();
                    self.go(back);
                    // '' again returns: the place we left becomes the last jump.
                    self.jumps.push(here);
                }
                None => self.message = Some("no earlier position".into()),
            },
            AwaitingLetter::GotoMark => match self.marks.get(&c).copied() {
                Some(anchor) => {
                    self.push_jump();
                    self.go(anchor);
                }
                None => self.message = Some(format!("no mark {c}")),
            },
        }
    }
}
