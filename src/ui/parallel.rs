//! The side-by-side view: English abstract on the left, Arabic on the
//! right, paragraphs aligned; stacked top and bottom below 60 columns.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use super::text::{draw_line, draw_row};
use super::theme::Styles;
use crate::app::parallel::{Pane, PaneRow};
use crate::app::view::{panes_stacked, Parallel};
use crate::app::App;
use crate::layout::{Direction, LayoutOptions};

pub fn render(app: &App, p: Parallel, buf: &mut Buffer, area: Rect, theme: &Styles) {
    let Some((text, layout)) = &app.prepared.parallel else {
        return;
    };
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
    let paras = [&text.left, &text.right];
    let titles = [&text.left_title, &text.right_title];
    let missing = [&text.left_missing, &text.right_missing];
    for pane in [Pane::Left, Pane::Right] {
        let i = pane.index();
        let rect = rects[i];
        let style = if p.focus == pane {
            theme.border_focus
        } else {
            theme.border
        };
        let block = Block::default().borders(Borders::ALL).border_style(style);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let options = app.layout_options(inner.width);
        if rect.width > 4 {
            let title = format!(" {} ", titles[i]);
            draw_line(
                buf,
                rect.x + 2,
                rect.y,
                rect.width - 4,
                &title,
                theme.heading,
                LayoutOptions {
                    direction: Direction::Ltr,
                    ..options
                },
            );
        }
        if let Some(message) = missing[i] {
            draw_line(
                buf,
                inner.x + 1,
                inner.y,
                inner.width.saturating_sub(2),
                message,
                theme.dim,
                options,
            );
            continue;
        }
        for (y, row) in layout.rows[i]
            .iter()
            .skip(p.offsets[i])
            .take(usize::from(inner.height))
            .enumerate()
        {
            if let PaneRow::Text { para, row } = *row {
                draw_row(
                    buf,
                    (
                        inner.x + 1,
                        inner.y + y as u16,
                        inner.width.saturating_sub(2),
                    ),
                    &paras[i][para],
                    &layout.laid[i][para],
                    row,
                    &|_| theme.text,
                );
            }
        }
    }
}
