//! Putting frames on the terminal with as few bytes as an SSH link can be
//! given. Like ratatui's `Terminal`, each frame is diffed against the last;
//! in addition, when the reading view has only scrolled, the terminal is
//! told to scroll its text rows (a scroll region and SU/SD), and the diff is
//! taken against the scrolled picture, so a one-line scroll costs one line
//! of output instead of a screenful.

use std::io::{self, Write};

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::flow::FlowRow;
use crate::app::App;

/// What was last put on the screen.
pub struct Screen<W: Write> {
    backend: CrosstermBackend<W>,
    last: Buffer,
    /// The reader rows of the last frame, when it was a plain reading view.
    last_rows: Option<Vec<FlowRow>>,
    cleared: bool,
}

/// Rows scrolled between two frames of the reading view: positive when the
/// text moved up (scrolling down the document).
pub fn scroll_delta(old: &[FlowRow], new: &[FlowRow]) -> Option<isize> {
    let n = old.len().min(new.len());
    if n < 2 || old == new {
        return None;
    }
    for k in 1..n {
        if old[k..n] == new[..n - k] {
            return Some(k as isize);
        }
        if new[k..n] == old[..n - k] {
            return Some(-(k as isize));
        }
    }
    None
}

impl<W: Write> Screen<W> {
    pub fn new(out: W) -> Screen<W> {
        Screen {
            backend: CrosstermBackend::new(out),
            last: Buffer::empty(Rect::default()),
            last_rows: None,
            cleared: false,
        }
    }

    /// Forget what the terminal shows (after a suspend, or when it may
    /// have been drawn over): the next frame clears and draws everything.
    pub fn invalidate(&mut self) {
        self.cleared = false;
    }

    /// Draw `app`'s next frame.
    pub fn paint(&mut self, app: &App) -> io::Result<()> {
        let area = Rect::new(0, 0, app.geometry.width, app.geometry.height);
        if area != self.last.area || !self.cleared {
            self.backend.clear()?;
            self.last = Buffer::empty(area);
            self.last_rows = None;
            self.cleared = true;
        }
        let mut next = Buffer::empty(area);
        crate::ui::render_buffer(app, &mut next);
        let rows = app.plain_reading_rows().map(<[FlowRow]>::to_vec);
        if let (Some(old), Some(new)) = (&self.last_rows, &rows) {
            if let Some(k) = scroll_delta(old, new) {
                self.scroll_text(k, app.geometry.text_rows)?;
            }
        }
        let updates = self.last.diff(&next);
        self.backend.draw(updates.into_iter())?;
        self.backend.hide_cursor()?;
        Backend::flush(&mut self.backend)?;
        self.last = next;
        self.last_rows = rows;
        Ok(())
    }

    /// Scroll rows 0..text_rows of the terminal by `k` (up when positive),
    /// and the remembered picture with them.
    fn scroll_text(&mut self, k: isize, text_rows: u16) -> io::Result<()> {
        let rows = usize::from(text_rows);
        let steps = k.unsigned_abs();
        // Past half a screen, redrawing costs about as much and a plain diff
        // finds more cells that did not change.
        if steps == 0 || steps > rows / 2 {
            return Ok(());
        }
        // Reset attributes so the new lines are blank in the default colours.
        write!(
            self.backend,
            "\x1b[0m\x1b[1;{rows}r\x1b[{steps}{}\x1b[r",
            if k > 0 { 'S' } else { 'T' }
        )?;
        let width = usize::from(self.last.area.width);
        let content = &mut self.last.content;
        let blank = ratatui::buffer::Cell::default();
        let text = &mut content[..rows * width];
        if k > 0 {
            text.rotate_left(steps * width);
            text[(rows - steps) * width..]
                .iter_mut()
                .for_each(|c| *c = blank.clone());
        } else {
            text.rotate_right(steps * width);
            text[..steps * width]
                .iter_mut()
                .for_each(|c| *c = blank.clone());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(item: usize, row: usize) -> FlowRow {
        FlowRow::Text { item, row }
    }

    #[test]
    fn deltas() {
        let a = vec![t(0, 0), t(0, 1), FlowRow::Gap, t(1, 0)];
        let b = vec![t(0, 1), FlowRow::Gap, t(1, 0), t(1, 1)];
        assert_eq!(scroll_delta(&a, &b), Some(1));
        assert_eq!(scroll_delta(&b, &a), Some(-1));
        assert_eq!(scroll_delta(&a, &a), None);
        assert_eq!(
            scroll_delta(&a, &[t(5, 0), t(5, 1), t(5, 2), t(5, 3)]),
            None
        );
    }
}
