//! Rows that hold more than one piece of text, for a terminal that
//! reorders (`--bidi terminal`): a box over the text (footnote popup,
//! contents, help) or the two panes of the side-by-side view. Such a
//! terminal lays a row out as one paragraph, so without help the text
//! inside a box is reordered together with the text beside it and the
//! borders swap places with the words. The row is therefore written
//! left to right, and each right-to-left piece in it as an embedding
//! (RLE … PDF) guarded by LRMs: the borders, blanks and left-to-right
//! text between pieces stay left to right, and each piece is laid out
//! inside its own cells. Embeddings rather than isolates (RLI … PDI),
//! because mlterm 3.9 gives each isolate character a cell of its own and
//! so pushes the borders out of line, while VTE, Konsole and mlterm all
//! honour the embeddings (seen in real windows: README, "Terminals").

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

/// The mark the reader puts before a right-to-left row (`text::mark_rtl`).
const RLM: char = '\u{200F}';

/// Opens a right-to-left piece: an LRM (the blanks and borders before
/// it stay left to right), then RLE.
pub const OPEN_RTL: &str = "\u{200E}\u{202B}";
/// Closes a piece: PDF, then an LRM for what follows.
pub const CLOSE: &str = "\u{202C}\u{200E}";

/// Make cells `x..x + width` of row `y` one piece of text of its own
/// direction, standing where the terminal shows it: a right-to-left
/// piece's blanks at its logical end are moved to its left (the terminal
/// would show them there), and only the text between the blanks is
/// marked (mlterm pushes blanks inside an embedding at a row's end onto
/// the next row).
pub fn mark(buf: &mut Buffer, (x, y, width): (u16, u16, u16), rtl: bool) {
    // A left-to-right piece needs no marks: the row is left to right, and
    // the right-to-left pieces beside it are guarded by their LRMs.
    // (mlterm shows a row with LRE pieces a few cells to the right.)
    if !rtl {
        return;
    }
    let Some((start, first, last, end)) = ink(buf, (x, y, width)) else {
        return;
    };
    let (first, last) = if (start, last) != (first, end) {
        // [lead blanks][text][trail blanks] becomes [trail][text][lead],
        // the blanks keeping their colours.
        let row = usize::from(y - buf.area.top()) * usize::from(buf.area.width);
        let at = |cx: u16| row + usize::from(cx - buf.area.left());
        let piece = &mut buf.content[at(start)..=at(end)];
        let (lead, text) = (usize::from(first - start), usize::from(last - first) + 1);
        piece.rotate_left(lead + text);
        let trail = piece.len() - lead - text;
        piece[trail..].rotate_right(text);
        let first = start + trail as u16;
        (first, first + text as u16 - 1)
    } else {
        (first, last)
    };
    open_close(buf, y, first, last);
}

/// The first written cell of `x..x + width` on row `y`, its first and
/// last cells that are not blank (the last one's wide character
/// included), and its last cell.
fn ink(buf: &Buffer, (x, y, width): (u16, u16, u16)) -> Option<(u16, u16, u16, u16)> {
    let right = x.saturating_add(width).min(buf.area.right());
    if y < buf.area.top() || y >= buf.area.bottom() || x >= right {
        return None;
    }
    let written = written_cells(buf, y, x, right);
    let inked = |cx: &&u16| !buf[(**cx, y)].symbol().trim().is_empty();
    let first = *written.iter().find(inked)?;
    let last = *written.iter().rev().find(inked)?;
    let wide = crate::layout::width::text_width(buf[(last, y)].symbol()).max(1) as u16;
    let last = (last + wide - 1).min(right - 1);
    let end = (*written.last()?).max(last);
    Some((*written.first()?, first, last, end))
}

/// Put the marks opening a piece on cell `first` of row `y` and those
/// closing it on cell `last`.
fn open_close(buf: &mut Buffer, y: u16, first: u16, last: u16) {
    let cell = &mut buf[(first, y)];
    let opened = format!("{OPEN_RTL}{}", cell.symbol());
    cell.set_symbol(&opened);
    let cell = &mut buf[(last, y)];
    let closed = format!("{}{CLOSE}", cell.symbol());
    cell.set_symbol(&closed);
}

/// The columns of `x..right` on row `y` whose cells are written (not
/// covered by a wide character to their left).
fn written_cells(buf: &Buffer, y: u16, x: u16, right: u16) -> Vec<u16> {
    let mut out = Vec::new();
    let mut covered_until = buf.area.left();
    for cx in buf.area.left()..right {
        let width = crate::layout::width::text_width(buf[(cx, y)].symbol()).max(1) as u16;
        if cx >= covered_until {
            if cx >= x {
                out.push(cx);
            }
            covered_until = cx + width;
        }
    }
    out
}

/// Before a box is drawn over `rect`: give each row it covers the text
/// the terminal would show beside the box, as pieces of their own. The
/// reader writes a right-to-left row in logical order and the terminal
/// mirrors it across the screen (its logical start at the right edge),
/// so the cells left of the box must hold the row's logical end and
/// those right of it its logical start: the row is cut into those two
/// pieces, each moved to its side and marked right to left, and the
/// row's own RLM mark removed (the row is now left to right). Rows of
/// left-to-right text stay where they are.
pub fn make_room(buf: &mut Buffer, rect: Rect) {
    let area = buf.area;
    let rect = rect.intersection(area);
    for y in rect.top()..rect.bottom() {
        if !strip_rtl_mark(buf, y) {
            continue;
        }
        let row: Vec<Cell> = (area.left()..area.right())
            .map(|x| buf[(x, y)].clone())
            .collect();
        let width = row.len();
        let left = usize::from(rect.left() - area.left());
        let right = usize::from(area.right() - rect.right());
        // Left of the box: the row's last cells, right of it its first
        // ones, each piece in logical order; but not the row's first and
        // last cells (blank but in the widest rows), shown in the last
        // and first columns: a piece must neither open in column 0 (VTE
        // and mlterm drop the marks there, having no cell before to put
        // them on) nor close in the last column (mlterm wraps the row at
        // the marks that close it).
        let pieces = [
            (
                area.left() + 1,
                &row[(width - left).min(width - 1)..width - 1],
            ),
            (rect.right(), &row[right.min(1)..right]),
        ];
        for x in [area.left(), area.right() - 1] {
            if x < rect.left() || x >= rect.right() {
                buf[(x, y)] = Cell::EMPTY;
            }
        }
        for (x, cells) in pieces {
            place_piece(buf, x, y, cells);
        }
    }
}

/// Remove the RLM the reader put before a right-to-left row's first
/// cell; whether there was one.
fn strip_rtl_mark(buf: &mut Buffer, y: u16) -> bool {
    for x in buf.area.left()..buf.area.right() {
        let cell = &mut buf[(x, y)];
        if let Some(rest) = cell.symbol().strip_prefix(RLM) {
            let rest = rest.to_string();
            cell.set_symbol(&rest);
            return true;
        }
    }
    false
}

/// Put the logical `cells` of a right-to-left piece on row `y` from
/// column `x`, marked as a piece (if it holds any text).
fn place_piece(buf: &mut Buffer, x: u16, y: u16, cells: &[Cell]) {
    place(buf, x, y, cells);
    mark(buf, (x, y, cells.len() as u16), true);
}

/// Copy `cells` to row `y` from column `x`; a wide character that would
/// run past the piece's end becomes a blank.
fn place(buf: &mut Buffer, x: u16, y: u16, cells: &[Cell]) {
    let end = x as usize + cells.len();
    for (i, cell) in cells.iter().enumerate() {
        let cx = x + i as u16;
        let width = crate::layout::width::text_width(cell.symbol());
        buf[(cx, y)] = cell.clone();
        if cx as usize + width > end {
            buf[(cx, y)].set_symbol(" ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row of `text`, one character a cell, RLM-marked as the reader
    /// marks right-to-left rows when `rtl`.
    fn row(text: &str, rtl: bool) -> Buffer {
        let mut buf = Buffer::with_lines([text]);
        if rtl {
            let first = buf[(0, 0)].symbol().to_string();
            buf[(0, 0)].set_symbol(&format!("{RLM}{first}"));
        }
        buf
    }

    fn symbols(buf: &Buffer) -> Vec<String> {
        buf.content.iter().map(|c| c.symbol().to_string()).collect()
    }

    #[test]
    fn a_piece_opens_at_its_first_cell_and_closes_at_its_last() {
        let mut buf = Buffer::with_lines(["abcdef"]);
        mark(&mut buf, (1, 0, 3), true);
        let s = symbols(&buf);
        // LRM RLE before b; PDF LRM after d; the rest untouched.
        assert_eq!(s[1], "\u{200E}\u{202B}b");
        assert_eq!(s[2], "c");
        assert_eq!(s[3], "d\u{202C}\u{200E}");
        assert_eq!((s[0].as_str(), s[4].as_str()), ("a", "e"));
        // A left-to-right piece is left as it is.
        mark(&mut buf, (5, 0, 1), false);
        assert_eq!(symbols(&buf)[5], "f");
    }

    #[test]
    fn a_right_to_left_row_is_cut_around_the_box_as_the_terminal_mirrors_it() {
        // Logical "0123456789" on a 10-cell RTL row: the terminal shows
        // cell i at column 9 - i. A box over columns 3..=6 leaves columns
        // 1..3 showing logical 8, 7 and columns 7..9 logical 2, 1; columns
        // 0 and 9 (logical 9 and 0) stay blank, where a piece can neither
        // open nor close.
        let mut buf = row("0123456789", true);
        make_room(&mut buf, Rect::new(3, 0, 4, 1));
        let s = symbols(&buf);
        assert_eq!((s[0].as_str(), s[9].as_str()), (" ", " "));
        assert_eq!(s[1], format!("{OPEN_RTL}7"));
        assert_eq!(s[2], format!("8{CLOSE}"));
        assert_eq!(s[7], format!("{OPEN_RTL}1"));
        assert_eq!(s[8], format!("2{CLOSE}"));
        // The reader's RLM is gone: the row is left to right now.
        assert!(!s.iter().any(|c| c.contains(RLM)));
    }

    #[test]
    fn a_left_to_right_row_stays_as_it_is() {
        let mut buf = row("0123456789", false);
        make_room(&mut buf, Rect::new(3, 0, 4, 1));
        assert_eq!(symbols(&buf).concat(), "0123456789");
    }

    #[test]
    fn a_blank_piece_gets_no_marks() {
        let mut buf = row("01234     ", true);
        make_room(&mut buf, Rect::new(3, 0, 4, 1));
        let s = symbols(&buf);
        assert_eq!(s[..3].concat(), "   ");
        assert_eq!(s[7], format!("{OPEN_RTL}1"));
    }

    #[test]
    fn only_the_text_of_a_piece_is_marked_and_it_stands_where_it_is_shown() {
        // A box over columns 2..=4 of a 10-cell RTL row: the right piece
        // holds logical cells 1..5, " ab ", in columns 5..9, which the
        // terminal shows mirrored: cell 1 (a blank) in column 8, "a" in
        // 7, "b" in 6, cell 4 (a blank) in 5. So "ab" is marked in
        // columns 6..8, the blanks around it left unmarked.
        let mut buf = row("  ab      ", true);
        make_room(&mut buf, Rect::new(2, 0, 3, 1));
        let s = symbols(&buf);
        assert_eq!(s[5], " ");
        assert_eq!(s[6], format!("{OPEN_RTL}a"));
        assert_eq!(s[7], format!("b{CLOSE}"));
        assert_eq!(s[8..].concat(), "  ");
    }
}
