//! Putting frames on the terminal with as few bytes as an SSH link can be
//! given. Like ratatui's `Terminal`, each frame is diffed against the last;
//! in addition, when the caller says the text has only scrolled, the
//! terminal is told to scroll those rows (a scroll region and SU/SD), and
//! the diff is taken against the scrolled picture, so a one-line scroll
//! costs one line of output instead of a screenful.
//!
//! Rows are written whole when the picture is not a scroll (a page jump, a
//! popup, another view): a row with any change, and the rows beside it,
//! get every cell written again, blanks included, because xterm leaves
//! specks of Arabic glyph ink in cells that are never rewritten. A terminal that reorders rows
//! itself (`--bidi terminal`) gets every changed row whole, always: it
//! lays a row out as one paragraph, and mlterm corrupts a row rewritten
//! cell by cell around lam-alef.

use std::io::{self, Write};

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use super::escape;
use super::scroll::ScrollHint;

/// What was last put on the screen.
pub struct Screen<W: Write> {
    backend: CrosstermBackend<W>,
    last: Buffer,
    /// The terminal's screen is known to hold `last`.
    known: bool,
    /// Every changed row is written whole, scrolled frames too.
    whole_rows: bool,
    /// Written after each frame that cleared the screen.
    after_clear: String,
}

impl<W: Write> Screen<W> {
    pub fn new(out: W) -> Screen<W> {
        Screen {
            backend: CrosstermBackend::new(out),
            last: Buffer::empty(Rect::default()),
            known: false,
            whole_rows: false,
            after_clear: String::new(),
        }
    }

    /// Bytes to write after every frame that clears the screen: the BiDi
    /// modes again for each row of a terminal behind tmux, which may have
    /// made its rows anew in clearing them (`escape::every_row`).
    pub fn with_after_clear(mut self, bytes: String) -> Screen<W> {
        self.after_clear = bytes;
        self
    }

    /// A screen for a terminal that reorders rows itself: a changed row
    /// is always written whole.
    pub fn with_whole_rows(mut self) -> Screen<W> {
        self.whole_rows = true;
        self
    }

    /// Forget what is on the terminal: the next frame clears the screen
    /// and is written whole (after a suspend, or when something else may
    /// have written to the terminal).
    pub fn invalidate(&mut self) {
        self.known = false;
    }

    /// Put `next` on the screen (its area is the whole screen). `scroll`
    /// says its text rows are those of the last frame moved by a few
    /// lines; it is ignored when the screen is written whole anyway.
    pub fn paint(&mut self, next: Buffer, scroll: Option<ScrollHint>) -> io::Result<()> {
        let (mut scrolled, mut cleared) = (false, false);
        if next.area != self.last.area || !self.known {
            cleared = true;
            self.backend.clear()?;
            self.last = Buffer::empty(next.area);
            self.known = true;
        } else if let Some(hint) = scroll {
            scrolled = self.scroll_text(hint)?;
        }
        // After a clear too: a row drawn whole after a clear looks the
        // same as one drawn whole over an old picture (xterm clips glyph
        // ink that runs into a neighbouring cell differently otherwise).
        if self.whole_rows || !scrolled {
            let rows = mark_changed_rows(&mut self.last, &next);
            self.erase_blanks(&rows, next.area.width)?;
        }
        let updates = self.last.diff(&next);
        if self.whole_rows {
            self.draw_rows_with_direction(&next, updates)?;
        } else {
            self.backend.draw(updates.into_iter())?;
        }
        if cleared {
            self.backend.write_all(self.after_clear.as_bytes())?;
        }
        self.backend.hide_cursor()?;
        Backend::flush(&mut self.backend)?;
        self.last = next;
        Ok(())
    }

    /// Erase the plain blank cells around the ink of each row being
    /// rewritten (ECH before it, EL after it), instead of writing them as
    /// spaces: as sure to wipe specks, and a wide screen's margins cost a
    /// few bytes instead of a hundred spaces a row.
    fn erase_blanks(&mut self, rows: &[(u16, Option<(u16, u16)>)], width: u16) -> io::Result<()> {
        use crossterm::cursor::MoveTo;
        use crossterm::QueueableCommand;
        if !rows.is_empty() {
            self.backend
                .write_all(escape::ATTRIBUTES_RESET.as_bytes())?;
        }
        for &(y, ink) in rows {
            let Some((first, last)) = ink else {
                self.backend.queue(MoveTo(0, y))?;
                self.backend.write_all(ERASE_LINE.as_bytes())?;
                continue;
            };
            if first > 0 {
                self.backend.queue(MoveTo(0, y))?;
                write!(self.backend, "\x1b[{first}X")?;
            }
            if last + 1 < width {
                self.backend.queue(MoveTo(last + 1, y))?;
                self.backend.write_all(ERASE_LINE.as_bytes())?;
            }
        }
        Ok(())
    }

    /// For a terminal that reorders: each row's updates (the whole row,
    /// after `mark_changed_rows`) preceded by its direction, set from
    /// column 0; left to right again after the last row.
    fn draw_rows_with_direction(
        &mut self,
        next: &Buffer,
        updates: Vec<(u16, u16, &Cell)>,
    ) -> io::Result<()> {
        use crossterm::cursor::MoveTo;
        use crossterm::QueueableCommand;
        let mut rest = &updates[..];
        while let Some(&(_, y, _)) = rest.first() {
            let end = rest.iter().position(|u| u.1 != y).unwrap_or(rest.len());
            let (row, after) = rest.split_at(end);
            let direction = match row_mark(next, y) {
                Some(escape::RLM) => escape::ROW_RTL,
                Some(escape::LRO) => escape::ROW_ORDERED,
                _ => escape::ROW_LTR,
            };
            self.backend.queue(MoveTo(0, y))?;
            self.backend.write_all(direction.as_bytes())?;
            self.backend.draw(row.iter().copied())?;
            rest = after;
        }
        if !updates.is_empty() {
            self.backend.write_all(escape::DIRECTION_RESET.as_bytes())?;
        }
        Ok(())
    }

    /// Scroll the hinted rows of the terminal, and the remembered picture
    /// with them; false when it was not worth it.
    fn scroll_text(&mut self, hint: ScrollHint) -> io::Result<bool> {
        let rows = usize::from(hint.rows.min(self.last.area.height));
        let steps = hint.lines.unsigned_abs();
        // Past half a screen, redrawing costs about as much and a plain diff
        // finds more cells that did not change.
        if steps == 0 || steps > rows / 2 {
            return Ok(false);
        }
        self.backend
            .write_all(escape::scroll_rows(rows as u16, hint.lines).as_bytes())?;
        let width = usize::from(self.last.area.width);
        let text = &mut self.last.content[..rows * width];
        let blank = Cell::default();
        if hint.lines > 0 {
            text.rotate_left(steps * width);
            text[(rows - steps) * width..].fill(blank);
        } else {
            text.rotate_right(steps * width);
            text[..steps * width].fill(blank);
        }
        Ok(true)
    }
}

/// The mark the reader put before the first cell of row `y` of `buf`
/// when the terminal reorders: RLM for a row of a right-to-left
/// paragraph, LRO for a row in visual order already (the status line).
fn row_mark(buf: &Buffer, y: u16) -> Option<char> {
    let width = usize::from(buf.area.width);
    let start = usize::from(y) * width;
    buf.content.get(start..start + width)?.iter().find_map(|c| {
        c.symbol()
            .chars()
            .next()
            .filter(|m| [escape::RLM, escape::LRO].contains(m))
    })
}

/// EL: erase from the cursor to the end of the row.
const ERASE_LINE: &str = "\x1b[K";

/// A symbol no frame holds (a noncharacter: document text never reaches a
/// cell raw, and U+FFFF is not text).
const STALE: &str = "\u{FFFF}";

/// Make the cells of each row of `last` that differs from `next`, and of
/// the rows next to it, stale from its first to its last cell that is not
/// a plain blank, so the diff writes that span whole (ratatui's diff still
/// skips the columns a wide character covers); the plain blanks around it
/// are left to `Screen::erase_blanks`. The neighbours too, because a
/// glyph's marks above and below (harakat) spill into the rows around it,
/// and xterm only clears the rows it rewrites. Returns each row to
/// rewrite with the span of its ink (none for a blank row).
fn mark_changed_rows(last: &mut Buffer, next: &Buffer) -> Vec<(u16, Option<(u16, u16)>)> {
    let width = usize::from(last.area.width);
    if width == 0 || last.content.len() != next.content.len() {
        return Vec::new();
    }
    let changed: Vec<bool> = last
        .content
        .chunks(width)
        .zip(next.content.chunks(width))
        .map(|(old, new)| old != new)
        .collect();
    let mut rows = Vec::new();
    for (y, (old, new)) in last
        .content
        .chunks_mut(width)
        .zip(next.content.chunks(width))
        .enumerate()
    {
        let near = y.saturating_sub(1)..=(y + 1).min(changed.len() - 1);
        if !changed[near].contains(&true) {
            continue;
        }
        let ink = ink_span(new);
        for (x, (cell, fresh)) in old.iter_mut().zip(new).enumerate() {
            if ink.is_some_and(|(a, b)| (a..=b).contains(&x)) {
                cell.set_symbol(STALE);
            } else {
                // Erased instead: the diff must not write it.
                *cell = fresh.clone();
            }
        }
        let ink = ink.map(|(a, b)| (a as u16, b as u16));
        rows.push((y as u16, ink));
    }
    rows
}

/// The first and last cells of `row` that are not plain blanks (a space
/// in the default colours, which erasing gives too).
fn ink_span(row: &[Cell]) -> Option<(usize, usize)> {
    let plain = |c: &Cell| *c == Cell::EMPTY;
    let first = row.iter().position(|c| !plain(c))?;
    let last = row.iter().rposition(|c| !plain(c))?;
    Some((first, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// A terminal that keeps what it is sent, readable while the screen
    /// still owns its writer.
    #[derive(Clone, Default)]
    struct Tape(Rc<RefCell<Vec<u8>>>);

    impl Write for Tape {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Tape {
        fn take(&self) -> String {
            String::from_utf8(std::mem::take(&mut *self.0.borrow_mut())).unwrap()
        }
    }

    /// A 10x6 screen whose rows 0..5 show lines `first..` of a text (each
    /// row "lineNN", no spaces: the diff skips blanks over a blank screen)
    /// and whose last row is a status line.
    fn frame(first: usize) -> Buffer {
        let mut lines: Vec<String> = (first..first + 5).map(|n| format!("line{n:02}")).collect();
        lines.push("status".into());
        Buffer::with_lines(lines)
    }

    #[test]
    fn the_first_frame_clears_and_writes_everything() {
        let tape = Tape::default();
        let mut screen = Screen::new(tape.clone());
        screen.paint(frame(0), None).unwrap();
        let out = tape.take();
        assert!(out.contains("\x1b[2J"), "cleared: {out:?}");
        for n in 0..5 {
            assert!(out.contains(&format!("line{n:02}")), "{out:?}");
        }
        assert!(out.contains("status"));
    }

    #[test]
    fn a_scroll_of_three_moves_the_rows_and_writes_only_the_new_ones() {
        let tape = Tape::default();
        let mut screen = Screen::new(tape.clone());
        screen.paint(frame(0), None).unwrap();
        tape.take();
        let hint = ScrollHint { rows: 5, lines: 3 };
        // Half of five rows is two: three lines is past it, so a 10-row
        // text area is used for the three-line case.
        screen.paint(frame(3), Some(hint)).unwrap();
        let out = tape.take();
        assert!(!out.contains("\x1b[1;5r"), "3 of 5 rows: a plain diff");

        let tall = |first: usize| {
            let mut lines: Vec<String> =
                (first..first + 10).map(|n| format!("line{n:02}")).collect();
            lines.push("status".into());
            Buffer::with_lines(lines)
        };
        let tape = Tape::default();
        let mut screen = Screen::new(tape.clone());
        screen.paint(tall(0), None).unwrap();
        tape.take();
        screen
            .paint(tall(3), Some(ScrollHint { rows: 10, lines: 3 }))
            .unwrap();
        let out = tape.take();
        // A region over the ten text rows, SU 3, the region reset...
        assert!(
            out.starts_with("\x1b[0m\x1b[1;10r\x1b[3S\x1b[r"),
            "scrolled by the terminal: {out:?}"
        );
        // ...then only the three rows that came in, not the seven that
        // moved, nor the status line.
        for n in 10..13 {
            assert!(
                out.contains(&format!("line{n}")),
                "row {n} written: {out:?}"
            );
        }
        for n in 3..10 {
            assert!(
                !out.contains(&format!("line{n:02}")),
                "row {n} not rewritten"
            );
        }
        assert!(!out.contains("status"));
    }

    #[test]
    fn scrolling_back_uses_sd() {
        let tape = Tape::default();
        let mut screen = Screen::new(tape.clone());
        let tall =
            |first: usize| Buffer::with_lines((first..first + 8).map(|n| format!("row{n:02}")));
        screen.paint(tall(5), None).unwrap();
        tape.take();
        screen
            .paint(tall(4), Some(ScrollHint { rows: 8, lines: -1 }))
            .unwrap();
        let out = tape.take();
        assert!(out.starts_with("\x1b[0m\x1b[1;8r\x1b[1T\x1b[r"), "{out:?}");
        assert!(out.contains("row04"));
        assert!(!out.contains("row05") && !out.contains("row11"));
    }

    #[test]
    fn an_unchanged_frame_costs_nothing_but_the_cursor() {
        let tape = Tape::default();
        let mut screen = Screen::new(tape.clone());
        screen.paint(frame(0), None).unwrap();
        tape.take();
        screen.paint(frame(0), None).unwrap();
        assert!(!tape.take().contains("line"));
    }

    #[test]
    fn after_invalidate_the_whole_frame_is_written_and_the_hint_ignored() {
        let tape = Tape::default();
        let mut screen = Screen::new(tape.clone());
        screen.paint(frame(0), None).unwrap();
        tape.take();
        screen.invalidate();
        screen
            .paint(frame(1), Some(ScrollHint { rows: 5, lines: 1 }))
            .unwrap();
        let out = tape.take();
        assert!(out.contains("\x1b[2J") && !out.contains("\x1b[1;5r"));
        for n in 1..6 {
            assert!(out.contains(&format!("line{n:02}")));
        }
    }
}
