//! Pages of plain lines for the extraction rules' unit tests, so each
//! rule's tests say only what its lines are.

use crate::document::import::paginated::{Page, SourceLine};

/// One page (number 1) whose lines are `texts`, in that order.
pub fn page(texts: &[&'static str]) -> Page<'static> {
    Page {
        number: 1,
        lines: texts
            .iter()
            .enumerate()
            .map(|(i, t)| SourceLine::plain(t, 1, i as u32, 0, 0))
            .collect(),
    }
}

/// The page's lines' texts, as a rule left them.
pub fn texts(page: &Page) -> Vec<String> {
    page.lines.iter().map(|l| l.text.to_string()).collect()
}
