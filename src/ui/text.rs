//! Drawing laid-out rows into a buffer, cell by cell, and single lines of
//! UI text (titles, labels) through the same bidi layout, so document text
//! never reaches the terminal raw or in logical order.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use crate::layout::{layout_paragraph, Cell, Laid, LayoutOptions};

/// Draw row `row` of `laid` at `(x, y)`, at most `width` cells; `style`
/// gives each cell its style.
pub fn draw_row(
    buf: &mut Buffer,
    (x, y, width): (u16, u16, u16),
    source: &str,
    laid: &Laid,
    row: usize,
    style: &dyn Fn(&Cell) -> Style,
) {
    let Some(r) = laid.rows.get(row) else { return };
    let right = x.saturating_add(width).min(buf.area.right());
    let mut cx = x.saturating_add(r.indent.min(usize::from(u16::MAX)) as u16);
    if y >= buf.area.bottom() {
        return;
    }
    let mut symbol = String::new();
    for cell in laid.row_cells(row) {
        let w = u16::from(cell.width);
        if cx.saturating_add(w) > right {
            break;
        }
        symbol.clear();
        cell.push_text(source, &mut symbol);
        buf.set_stringn(cx, y, &symbol, usize::from(w), style(cell));
        cx += w;
    }
}

/// Draw `text` as one line at (x, y) within `width` cells: laid out with
/// the bidi engine (an RTL text is right-aligned), first row only.
/// Returns whether the line reads right to left.
pub fn draw_line(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    width: u16,
    text: &str,
    style: Style,
    options: LayoutOptions,
) -> bool {
    if width == 0 {
        return false;
    }
    let options = LayoutOptions {
        width: usize::from(width),
        ..options
    };
    let laid = layout_paragraph(text, &options, &[]);
    draw_row(buf, (x, y, width), text, &laid, 0, &|_| style);
    laid.rtl
}

/// Mark the row at (x, y) as the row of a right-to-left paragraph, for a
/// terminal that reorders (`--bidi terminal`): an RLM before the symbol of
/// its first cell. The painter reads it to set the row's direction, and
/// terminals that take a row's direction from its first strong character
/// (mlterm) read it too, whatever letter the row starts with.
pub fn mark_rtl(buf: &mut Buffer, x: u16, y: u16) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        let marked = format!("\u{200F}{}", cell.symbol());
        cell.set_symbol(&marked);
    }
}

/// Mark the row at (x, y) as already in visual order, for a terminal that
/// reorders (`--bidi terminal`): an LRO before the symbol of its first
/// cell. The painter reads it and asks the terminal not to reorder the
/// row (VTE: BiDi explicit mode from its column 0); terminals that follow
/// the marks (mlterm) show an overridden left-to-right row as it is.
pub fn mark_ordered(buf: &mut Buffer, x: u16, y: u16) {
    if let Some(cell) = buf.cell_mut((x, y)) {
        let marked = format!("\u{202D}{}", cell.symbol());
        cell.set_symbol(&marked);
    }
}

/// Put the text drawn in `width` cells from (x, y) inside an FSI…PDI
/// isolate, for a terminal that reorders (`--bidi terminal`): an FSI
/// before its first drawn cell and a PDI after its last, so the numbers
/// after an Arabic title are not drawn into it.
pub fn isolate(buf: &mut Buffer, x: u16, y: u16, width: u16) {
    let right = x.saturating_add(width).min(buf.area.right());
    let drawn: Vec<u16> = (x..right)
        .filter(|&cx| buf.cell((cx, y)).is_some_and(|c| c.symbol() != " "))
        .collect();
    let (Some(&first), Some(&last)) = (drawn.first(), drawn.last()) else {
        return;
    };
    let cell = &mut buf[(first, y)];
    let opened = format!("\u{2068}{}", cell.symbol());
    cell.set_symbol(&opened);
    let cell = &mut buf[(last, y)];
    let closed = format!("{}\u{2069}", cell.symbol());
    cell.set_symbol(&closed);
}

/// Fill a row span with a style (for reverse-video bars).
pub fn fill(buf: &mut Buffer, x: u16, y: u16, width: u16, style: Style) {
    let right = x.saturating_add(width).min(buf.area.right());
    for cx in x..right {
        if y < buf.area.bottom() {
            buf[(cx, y)].set_symbol(" ").set_style(style);
        }
    }
}

/// The mark put where a line is cut.
pub const ELLIPSIS: &str = "\u{2026}";

/// Like `draw_line`, but a text too long for `width` ends in "…" where it
/// is cut (at the left end of a right-to-left line), so the reader sees
/// that something is missing.
pub fn draw_line_fit(
    buf: &mut Buffer,
    (x, y, width): (u16, u16, u16),
    text: &str,
    style: Style,
    options: LayoutOptions,
) {
    if width == 0 {
        return;
    }
    let options = LayoutOptions {
        width: usize::from(width.saturating_sub(1).max(1)),
        ..options
    };
    let whole = LayoutOptions {
        width: usize::from(width),
        ..options
    };
    let laid = layout_paragraph(text, &whole, &[]);
    if laid.rows.len() <= 1 {
        draw_row(buf, (x, y, width), text, &laid, 0, &|_| style);
        return;
    }
    // One cell less, for the mark.
    let laid = layout_paragraph(text, &options, &[]);
    let Some(row) = laid.rows.first() else { return };
    let (text_x, mark_x) = if laid.rtl {
        let start = x + 1 + row.indent as u16;
        (x + 1, start.saturating_sub(1))
    } else {
        (
            x,
            x + (row.indent + row.width).min(usize::from(width - 1)) as u16,
        )
    };
    draw_row(buf, (text_x, y, width - 1), text, &laid, 0, &|_| style);
    if y < buf.area.bottom() && mark_x < buf.area.right() {
        buf.set_stringn(mark_x, y, ELLIPSIS, 1, style);
    }
}

/// The width `text` takes on screen, in cells.
pub fn cells(text: &str) -> usize {
    crate::layout::width::text_width(text)
}
