//! The status line: document title, current section, position, and the
//! last message, in reverse video on the bottom row.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::text::{draw_line, fill};
use super::theme::Styles;
use crate::app::view::View;
use crate::app::App;
use crate::layout::Direction;

pub fn render(app: &App, buf: &mut Buffer, area: Rect, theme: &Styles) {
    let y = area.y + area.height - 1;
    fill(buf, area.x, y, area.width, theme.status);
    let options = app.layout_options(area.width);
    if app.prompt.is_some() {
        let line = prompt_line(app);
        let forced = crate::layout::LayoutOptions {
            direction: Direction::Ltr,
            align_rtl: false,
            ..options
        };
        draw_line(
            buf,
            area.x + 1,
            y,
            area.width.saturating_sub(2),
            &line,
            theme.status,
            forced,
        );
        return;
    }
    let right = right_text(app);
    let right_width = (right.chars().count() as u16 + 1).min(area.width);
    let left_width = area.width.saturating_sub(right_width + 1);
    // Title and section, each through the bidi layout in its own slot.
    let section = app.section_title();
    let title_width = if section.is_empty() {
        left_width
    } else {
        left_width / 2
    };
    let ltr = crate::layout::LayoutOptions {
        direction: Direction::Auto,
        align_rtl: false,
        ..options
    };
    draw_line(
        buf,
        area.x + 1,
        y,
        title_width.saturating_sub(1),
        &app.doc.meta.title,
        theme.status,
        ltr,
    );
    if !section.is_empty() && left_width > title_width + 3 {
        let forced = crate::layout::LayoutOptions {
            direction: Direction::Ltr,
            ..ltr
        };
        draw_line(
            buf,
            area.x + title_width + 1,
            y,
            left_width - title_width - 1,
            &format!("\u{2502} {section}"),
            theme.status,
            forced,
        );
    }
    draw_line(
        buf,
        area.x + area.width - right_width,
        y,
        right_width,
        &right,
        theme.status,
        ltr,
    );
}

/// The search prompt: "/query", the query isolated so an Arabic query
/// reads right to left inside the left-to-right prompt, with the mode and
/// the count.
fn prompt_line(app: &App) -> String {
    let search = app.search.as_ref();
    let query = search.map_or("", |s| s.query.as_str());
    let mode = match search.map(|s| s.mode) {
        Some(crate::search::Mode::Exact) => "exact",
        _ => "arabic-aware",
    };
    let count = match search {
        Some(s) if !s.query.is_empty() => format!("  {}", match_count(s)),
        _ => String::new(),
    };
    format!("/\u{2068}{query}\u{2069}  [{mode}, Ctrl-e]{count}")
}

/// "match 3 of 12", "no match", or while a search goes on through a big
/// document, how far it has got ("match 1 of 40+, searching 35%").
fn match_count(search: &crate::app::search::Search) -> String {
    let total = search.total();
    match (search.current(), search.searching()) {
        (Some(c), None) => format!("match {} of {total}", c + 1),
        (None, None) => "no match".to_string(),
        (Some(c), Some(pct)) => format!("match {} of {total}+, searching {pct}%", c + 1),
        (None, Some(pct)) => format!("searching {pct}%"),
    }
}

/// The right end of the status line: the message, or where the reader is
/// (match, note, percentage), or the side-by-side view's keys.
fn right_text(app: &App) -> String {
    let search_status = app
        .search
        .as_ref()
        .filter(|s| !s.query.is_empty())
        .map(|s| format!("{} \u{2502} ", match_count(s)));
    match (&app.message, app.view) {
        (Some(m), _) => m.clone(),
        (None, View::Parallel(p)) => format!(
            "side by side \u{2502} {} \u{2502} Tab pane \u{2502} l link \u{2502} a {}",
            if p.linked { "linked" } else { "unlinked" },
            if p.whole_arabic {
                "abstract"
            } else {
                "whole text"
            }
        ),
        (None, View::Reader) => {
            let marker = match app.selected_marker {
                Some(m) => format!("note {} of {} \u{2502} ", m + 1, app.flow.markers.len()),
                None => String::new(),
            };
            // The source page of the paragraph at the top (PDFs), or of
            // the first below a heading there.
            let page = app.flow.items[app.flow.pos.item.min(app.flow.items.len())..]
                .iter()
                .take(8)
                .find_map(|item| app.doc.block(&item.id).and_then(|b| b.page))
                .map(|p| format!("p. {p} \u{2502} "))
                .unwrap_or_default();
            format!(
                "{}{marker}{page}{}% \u{2502} ? help",
                search_status.unwrap_or_default(),
                app.flow.percent()
            )
        }
    }
}
