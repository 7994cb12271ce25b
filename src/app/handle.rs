//! The one way into the App: `App::handle(input)` routes a key (to the
//! search prompt, to a mark waiting for its letter, or through the key
//! table to an action), the mouse, a resize, and the replies to what the
//! App asked for; it returns the effects for the event loop to carry out.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::event::{Effect, Input, Ticket};
use super::state::App;
use super::view::{Overlay, View};

/// The largest count taken (more digits are ignored).
const MAX_COUNT: usize = 9999;

/// The digit of a plain digit key (a count), if it is one.
fn count_digit(key: &KeyEvent) -> Option<usize> {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if plain => c.to_digit(10).map(|d| d as usize),
        _ => None,
    }
}

impl App {
    /// Take one input; what the event loop must do in answer comes back,
    /// in order.
    pub fn handle(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Key(key) => self.key(key),
            Input::Command(action) => self.update(action),
            Input::Wheel(lines) => self.wheel(lines),
            Input::Click { x, y } => self.click(x, y),
            Input::Resize { width, height } => self.resize(width, height),
            Input::Paste(text) => self.paste(&text),
            Input::Opened { ticket, opened } => {
                if self.requested == Some(ticket) {
                    self.accept_opened(ticket, *opened);
                }
            }
            Input::OpenFailed { ticket, message } => {
                if self.requested == Some(ticket) {
                    self.requested = None;
                    self.overlay = Overlay::None;
                    self.message = Some(message);
                }
            }
            Input::Imported { ticket, doc } => {
                // Only the whole of the document shown now, never of one
                // the reader has since left.
                if ticket == self.ticket() && self.import_pending() {
                    self.accept_whole(*doc);
                }
            }
            Input::Notice(text) => self.message = Some(text),
            Input::Idle => self.carry_on_searching(),
        }
        self.prepare();
        std::mem::take(&mut self.effects)
    }

    /// A key: the prompt takes it when open, then a mark waiting for its
    /// letter, then the key table.
    fn key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        if self.prompt.is_some() {
            self.prompt_key(key);
        } else if self.page_entry.is_some() {
            self.page_key(key);
        } else if let Some(awaiting) = self.awaiting.take() {
            self.message = None;
            if let KeyCode::Char(c) = key.code {
                self.letter(awaiting, c);
            }
        } else if let Some(action) = self.keymap.action(&key) {
            self.counted(action);
        } else if let Some(digit) = count_digit(&key) {
            // A count for the next command, as in less and vim (`5j`).
            let count = self.count.unwrap_or(0).saturating_mul(10) + digit;
            self.count = Some(count.min(MAX_COUNT));
        } else {
            self.count = None;
        }
    }

    /// An action with the count typed before it: moves are made that many
    /// times, `%` takes it as its percentage, others ignore it.
    fn counted(&mut self, action: Action) {
        let count = self.count.unwrap_or(1);
        let repeats = matches!(
            action,
            Action::LineDown
                | Action::LineUp
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::NextSection
                | Action::PrevSection
                | Action::NextFootnote
                | Action::PrevFootnote
                | Action::SearchNext
                | Action::SearchPrev
        );
        if !repeats {
            self.update(action);
            self.count = None;
            return;
        }
        self.count = None;
        // What any of the repeats said ("search wrapped…") is kept.
        let mut said = None;
        for i in 0..count.max(1) {
            if i > 0 {
                self.prepare();
            }
            self.update(action);
            if self.message.is_some() {
                said = self.message.clone();
            }
        }
        self.message = said;
    }

    /// Apply one action to whatever is on top: an overlay, the popup, or
    /// the view.
    fn update(&mut self, action: Action) {
        self.message = None;
        if action == Action::QuitNow {
            return self.quit();
        }
        if action == Action::Redraw {
            return self.effects.push(Effect::Redraw);
        }
        match self.overlay {
            Overlay::Toc { selected } => return self.update_toc(action, selected),
            Overlay::Help { scroll } => return self.update_help(action, scroll),
            Overlay::Library { selected } => return self.update_library(action, selected),
            Overlay::None => {}
        }
        if let Some(popup) = self.popup {
            if self.update_popup(action, popup) {
                return;
            }
        }
        match self.view {
            View::Parallel(p) => self.update_parallel(action, p),
            View::Reader => self.update_reader(action),
        }
    }

    /// Save where the reader is, then end.
    pub(super) fn quit(&mut self) {
        if let Some(snapshot) = self.save_snapshot() {
            self.effects.push(Effect::Save(snapshot));
        }
        self.effects.push(Effect::Quit);
    }

    /// A mouse wheel turn (positive: down), a line per notch.
    fn wheel(&mut self, lines: isize) {
        let action = if lines > 0 {
            Action::LineDown
        } else {
            Action::LineUp
        };
        for _ in 0..lines.unsigned_abs() {
            self.update(action);
            self.prepare();
        }
    }

    /// Pasted text goes into the search prompt (one line of it); anywhere
    /// else it means nothing.
    fn paste(&mut self, text: &str) {
        if self.prompt.is_some() {
            let line = text.lines().next().unwrap_or("");
            for c in line.chars().filter(|c| !c.is_control()) {
                self.type_char(c);
            }
        }
    }

    /// Open library entry `i`: the document open now is saved first, then
    /// the event loop is asked to read the entry.
    pub(super) fn open_entry(&mut self, i: usize) {
        let Some(entry) = self.library.get(i).cloned() else {
            return;
        };
        if let Some(snapshot) = self.save_snapshot() {
            self.effects.push(Effect::Save(snapshot));
        }
        let ticket: Ticket = self.next_ticket();
        self.effects.push(Effect::Open {
            ticket,
            source: entry.source,
            entry: i,
        });
    }
}
