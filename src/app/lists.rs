//! The overlays that are lists: the table of contents, the help screen and
//! the library. They move through their entries the same way (one helper);
//! what Enter does is each one's own.

use super::action::Action;
use super::event::Effect;
use super::state::App;
use super::view::{Group, Overlay};

/// Entries moved by a page key.
const LIST_PAGE: usize = 10;

/// Where `action` moves the selection (or scroll) of a list of `len`
/// entries; `None` when it is not a movement.
pub(super) fn list_move(selected: usize, len: usize, action: Action) -> Option<usize> {
    let last = len.saturating_sub(1);
    Some(match action {
        Action::LineDown => (selected + 1).min(last),
        Action::LineUp => selected.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => (selected + LIST_PAGE).min(last),
        Action::PageUp | Action::HalfPageUp => selected.saturating_sub(LIST_PAGE),
        Action::Top => 0,
        Action::Bottom => last,
        _ => return None,
    })
}

impl App {
    pub(super) fn update_toc(&mut self, action: Action, selected: usize) {
        if let Some(selected) = list_move(selected, self.toc_entries().len(), action) {
            self.overlay = Overlay::Toc { selected };
            return;
        }
        match action {
            Action::Activate => {
                self.overlay = Overlay::None;
                if let Some(&item) = self.flow.section_items.get(selected) {
                    self.push_jump();
                    let rows = self.rows();
                    self.flow.goto_item(item, rows);
                }
            }
            Action::Close | Action::Quit | Action::Toc => self.overlay = Overlay::None,
            _ => {}
        }
    }

    /// Keys in the help: it scrolls by rows, until its last row shows.
    pub(super) fn update_help(&mut self, action: Action, scroll: usize) {
        let rows = super::help::help_rows(&self.keymap, self.help_width()).len();
        let shown = self.rows().min(rows + 2).saturating_sub(2).max(1);
        let last = rows.saturating_sub(shown);
        if let Some(scroll) = list_move(scroll, last + 1, action) {
            self.overlay = Overlay::Help { scroll };
        } else if matches!(action, Action::Close | Action::Quit | Action::Help) {
            self.overlay = Overlay::None;
        }
    }

    pub(super) fn update_library(&mut self, action: Action, selected: usize) {
        if let Some(selected) = list_move(selected, self.library.len(), action) {
            self.overlay = Overlay::Library { selected };
            return;
        }
        match action {
            Action::Activate => self.open_entry(selected),
            Action::Forget => self.forget_entry(selected),
            Action::Close | Action::Quit | Action::Library => self.overlay = Overlay::None,
            _ => {}
        }
    }
}

impl App {
    /// The width of the help's text on this screen.
    pub fn help_width(&self) -> usize {
        super::help::text_width_on(self.geometry.width)
    }

    /// `d` in the library: drop a document read before from the list and
    /// from the state file (its position and marks go with it). Only
    /// entries of the recent group: the others come back at every start.
    fn forget_entry(&mut self, selected: usize) {
        let Some(entry) = self.library.get(selected) else {
            return;
        };
        if entry.group != Group::Recent || self.current == Some(selected) {
            self.message =
                Some("only a document read before, and not the open one, can be forgotten".into());
            return;
        }
        if let Some(key) = entry.key.clone() {
            self.effects.push(Effect::Forget { key });
        }
        self.library.remove(selected);
        if let Some(c) = self.current.as_mut() {
            if *c > selected {
                *c -= 1;
            }
        }
        let selected = selected.min(self.library.len().saturating_sub(1));
        self.overlay = Overlay::Library { selected };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_stop_at_both_ends() {
        assert_eq!(list_move(0, 3, Action::LineUp), Some(0));
        assert_eq!(list_move(2, 3, Action::LineDown), Some(2));
        assert_eq!(list_move(1, 30, Action::PageDown), Some(11));
        assert_eq!(list_move(5, 30, Action::PageUp), Some(0));
        assert_eq!(list_move(5, 30, Action::Bottom), Some(29));
        assert_eq!(list_move(5, 0, Action::LineDown), Some(0), "an empty list");
        assert_eq!(list_move(5, 30, Action::Activate), None);
    }
}
