//! The side-by-side view: English abstract on the left, Arabic on the
//! right, paragraphs aligned; stacked top and bottom below 60 columns.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use super::segments;
use super::text::{cells, draw_line_fit, draw_row};
use super::theme::Styles;
use crate::app::parallel::{Pane, PaneRow};
use crate::app::view::{panes_stacked, Parallel};
use crate::app::App;
use crate::layout::{layout_paragraph, Direction, LayoutOptions};

pub fn render(app: &App, p: Parallel, buf: &mut Buffer, area: Rect, theme: &Styles) {
    if app.prepared.parallel.is_none() {
        return;
    }
    let body = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    if body.width < 4 || body.height < 3 {
        return;
    }
    let rects = if panes_stacked(area.width) {
        let top = body.height / 2;
        [
            Rect::new(body.x, body.y, body.width, top),
            Rect::new(body.x, body.y + top, body.width, body.height - top),
        ]
    } else {
        let left = body.width / 2;
        [
            Rect::new(body.x, body.y, left, body.height),
            Rect::new(body.x + left, body.y, body.width - left, body.height),
        ]
    };
    for pane in [Pane::Left, Pane::Right] {
        let style = if p.focus == pane {
            theme.border_focus
        } else {
            theme.border
        };
        let offset = p.offsets[pane.index()];
        draw_pane(app, pane, offset, rects[pane.index()], style, buf, theme);
    }
}

/// One pane: its border and title, then its rows from `offset` on (or what
/// it says when it has no text).
fn draw_pane(
    app: &App,
    pane: Pane,
    offset: usize,
    rect: Rect,
    border: ratatui::style::Style,
    buf: &mut Buffer,
    theme: &Styles,
) {
    let Some((text, layout)) = &app.prepared.parallel else {
        return;
    };
    let i = pane.index();
    let (paras, title, missing) = match pane {
        Pane::Left => (&text.left, &text.left_title, &text.left_missing),
        Pane::Right => (&text.right, &text.right_title, &text.right_missing),
    };
    let block = Block::default().borders(Borders::ALL).border_style(border);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let options = app.layout_options(inner.width);
    if rect.width > 4 {
        // Each title on the side its language starts from: the Arabic
        // pane's on the right of its top border.
        let title = format!(" {title} ");
        let w = (cells(&title) as u16).min(rect.width - 4);
        let x = match pane {
            Pane::Left => rect.x + 2,
            Pane::Right => rect.x + rect.width - 2 - w,
        };
        let ltr = LayoutOptions {
            direction: Direction::Ltr,
            ..options
        };
        draw_line_fit(buf, (x, rect.y, w), &title, theme.heading, ltr);
    }
    let width = inner.width.saturating_sub(2);
    // Each pane's text a piece of its own when the terminal reorders.
    let pieces = !app.settings.reorders();
    if let Some(message) = missing {
        // Wrapped: the whole message shows, however narrow the pane.
        let laid = layout_paragraph(
            message,
            &LayoutOptions {
                width: usize::from(width.max(1)),
                ..options
            },
            &[],
        );
        for row in 0..laid.rows.len().min(usize::from(inner.height)) {
            let at = (inner.x + 1, inner.y + row as u16, width);
            draw_row(buf, at, message, &laid, row, &|_| theme.dim);
            if pieces {
                segments::mark(buf, at, laid.rtl);
            }
        }
        return;
    }
    let rows = layout.rows[i]
        .iter()
        .skip(offset)
        .take(usize::from(inner.height));
    for (y, row) in rows.enumerate() {
        if let PaneRow::Text { para, row } = *row {
            let heading = pane == Pane::Right && text.right_headings.get(para) == Some(&true);
            let style = if heading { theme.heading } else { theme.text };
            let at = (inner.x + 1, inner.y + y as u16, width);
            let laid = &layout.laid[i][para];
            draw_row(buf, at, &paras[para], laid, row, &|_| style);
            if pieces {
                segments::mark(buf, at, laid.rtl);
            }
        }
    }
}
