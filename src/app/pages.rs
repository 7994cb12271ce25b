//! Going to a printed page: `:` then the page's number and Enter, for
//! documents whose paragraphs know their page (PDFs), because people cite
//! page numbers.

use crossterm::event::{KeyCode, KeyEvent};

use super::flow::Anchor;
use super::state::App;

/// Page numbers are at most this many digits.
const MAX_DIGITS: usize = 6;

impl App {
    /// Start typing a page number.
    pub(super) fn start_page_entry(&mut self) {
        if self.first_item_on_page(1).is_none() {
            self.message = Some("this document has no page numbers".into());
            return;
        }
        self.page_entry = Some(String::new());
        self.message = Some("go to page: ".into());
    }

    /// A key while a page number is typed: digits, Backspace, Enter to
    /// go, anything else to give up.
    pub(super) fn page_key(&mut self, key: KeyEvent) {
        let Some(mut entry) = self.page_entry.take() else {
            return;
        };
        match key.code {
            KeyCode::Char(c) if c.is_ascii_digit() && entry.len() < MAX_DIGITS => entry.push(c),
            KeyCode::Backspace => {
                entry.pop();
            }
            KeyCode::Enter => {
                self.message = None;
                return self.goto_page(entry.parse().unwrap_or(0));
            }
            _ => {
                self.message = None;
                return;
            }
        }
        self.message = Some(format!("go to page: {entry}"));
        self.page_entry = Some(entry);
    }

    /// Go to the first paragraph on page `page` or after it.
    fn goto_page(&mut self, page: u32) {
        match self.first_item_on_page(page) {
            Some(item) => {
                self.push_jump();
                self.go(Anchor { item, byte: 0 });
            }
            None => self.message = Some(format!("no page {page} in this document")),
        }
    }

    /// The first item of the flow that starts on `page` or later.
    fn first_item_on_page(&self, page: u32) -> Option<usize> {
        (0..self.flow.items.len()).find(|&i| {
            self.flow
                .section_block(i)
                .and_then(|b| b.page)
                .is_some_and(|p| p >= page)
        })
    }
}
