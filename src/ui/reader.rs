//! The reading view: the flow's visible rows in a centered column.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::text::draw_row;
use super::theme::Styles;
use crate::app::flow::{FlowRow, ItemKind};
use crate::app::App;

pub fn render(app: &App, buf: &mut Buffer, area: Rect, theme: &Styles) {
    let g = app.geometry;
    for (y, row) in app.prepared.rows.iter().enumerate() {
        let y = y as u16;
        if y >= area.height.saturating_sub(1).max(1) || y >= area.height {
            break;
        }
        let FlowRow::Text { item, row } = *row else {
            continue;
        };
        let Some(laid) = app.flow.laid(item) else {
            continue;
        };
        let it = &app.flow.items[item];
        let base = match it.kind {
            ItemKind::Title => theme.title,
            ItemKind::Heading(_) | ItemKind::NotesHeading | ItemKind::Continued => theme.heading,
            _ => theme.text,
        };
        let markers: Vec<(std::ops::Range<usize>, bool)> = app
            .flow
            .markers
            .iter()
            .enumerate()
            .filter(|(_, m)| m.item == item)
            .map(|(i, m)| (m.range.clone(), app.selected_marker == Some(i)))
            .collect();
        let hits = app.matches_in(item);
        let style = |cell: &crate::layout::Cell| -> Style {
            let at = cell.start as usize;
            if let Some((_, current)) = hits.iter().find(|(r, _)| r.contains(&at)) {
                return if *current {
                    theme.search_current
                } else {
                    theme.search
                };
            }
            match markers.iter().find(|(r, _)| r.contains(&at)) {
                Some((_, true)) => theme.marker_selected,
                Some((_, false)) => theme.marker,
                None => base,
            }
        };
        draw_row(
            buf,
            (area.x + g.column_x, area.y + y, g.column_width),
            &app.flow.text(item),
            laid,
            row,
            &style,
        );
        if laid.rtl && !app.settings.reorders() {
            super::text::mark_rtl(buf, area.x + g.column_x, area.y + y);
        }
    }
}
