//! The status line: document title, current section, position, and the
//! last message, in reverse video on the bottom row. When the row is too
//! short, the least needed parts give way first (hints, then the section,
//! then the title's end), and whatever is cut ends in "…"; the search
//! prompt takes the whole row, with its cursor.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::text::{cells, draw_line_fit, draw_row, fill, ELLIPSIS};
use super::theme::Styles;
use crate::app::marks::AwaitingLetter;
use crate::app::view::View;
use crate::app::App;
use crate::layout::{layout_paragraph, Direction, LayoutOptions};

/// Cells the title keeps, if it is that long, before hints give way.
const TITLE_KEEPS: usize = 16;

/// A terminal that reorders (`--bidi terminal`) would scramble a status
/// line of Arabic titles and numbers (the percentage jumps beside the
/// title): see `StatusLine` for the ways round it.
pub fn render(app: &App, buf: &mut Buffer, area: Rect, theme: &Styles) {
    use crate::settings::StatusLine;
    let marks = app.settings.status_line;
    let ordered = app.settings.reorders() || marks == StatusLine::Ordered;
    let isolated = !ordered && marks == StatusLine::Isolated;
    let y = area.y + area.height - 1;
    fill(buf, area.x, y, area.width, theme.status);
    let mut options = app.layout_options(area.width);
    if ordered {
        options.reorder = true;
        options.shape = app.settings.shape.enabled(crate::settings::BidiMode::App);
    }
    if app.prompt.is_some() {
        prompt(
            app,
            buf,
            (area.x + 1, y, area.width.saturating_sub(2)),
            theme,
        );
    } else {
        draw(app, buf, area, theme, (options, isolated));
    }
    if !app.settings.reorders() && ordered {
        super::text::mark_ordered(buf, area.x, y);
    }
}

/// The title, the section and the position, laid out with `options`; the
/// titles isolated when `isolated`.
fn draw(
    app: &App,
    buf: &mut Buffer,
    area: Rect,
    theme: &Styles,
    (options, isolated): (LayoutOptions, bool),
) {
    let y = area.y + area.height - 1;
    let isolate = |buf: &mut Buffer, x: u16, width: u16| {
        if isolated {
            super::text::isolate(buf, x, y, width);
        }
    };
    let inner = usize::from(area.width.saturating_sub(2));
    let title = &app.doc.meta.title;
    // A message may take the whole row; hints leave the title some room.
    let title_keeps = if app.message.is_some() {
        0
    } else {
        cells(title).min(TITLE_KEEPS).min(inner / 2)
    };
    let right = fit_parts(&right_parts(app), inner.saturating_sub(title_keeps + 1));
    let right_width = cells(&right).min(inner) as u16;
    let left_width = (inner as u16).saturating_sub(right_width + 1);
    // Title and section, each through the bidi layout in its own slot; the
    // section only when both have room.
    let section = app.section_title();
    let title_width = if section.is_empty() || left_width < 30 {
        left_width
    } else {
        // A share of the whole row, so the title does not jump as the
        // right end grows and shrinks; the section keeps 12 cells.
        (cells(title) as u16 + 1)
            .min(inner as u16 * 2 / 5)
            .min(left_width.saturating_sub(12))
    };
    let auto = LayoutOptions {
        direction: Direction::Auto,
        align_rtl: false,
        ..options
    };
    let at = |x: u16, w: u16| (area.x + 1 + x, y, w);
    draw_line_fit(
        buf,
        at(0, title_width.saturating_sub(1)),
        title,
        theme.status,
        auto,
    );
    isolate(buf, area.x + 1, title_width.saturating_sub(1));
    if title_width < left_width {
        let ltr = LayoutOptions {
            direction: Direction::Ltr,
            ..auto
        };
        draw_line_fit(buf, at(title_width, 2), "\u{2502} ", theme.status, ltr);
        // The name in a slot of its own, in its own direction, so a cut
        // Arabic name ends in "…" on its left, where it is read last.
        draw_line_fit(
            buf,
            at(
                title_width + 2,
                (left_width - title_width).saturating_sub(2),
            ),
            &section,
            theme.status,
            auto,
        );
        // The section's name, after "│ ".
        isolate(
            buf,
            area.x + 1 + title_width + 2,
            (left_width - title_width).saturating_sub(2),
        );
    }
    let ltr = LayoutOptions {
        direction: Direction::Ltr,
        ..auto
    };
    draw_line_fit(
        buf,
        at(inner as u16 - right_width, right_width),
        &right,
        theme.status,
        ltr,
    );
}

/// The parts of the right end, the most needed first: a message or what a
/// key waits for, then where the reader is, then hints.
fn right_parts(app: &App) -> Vec<String> {
    if let Some(waiting) = app.awaiting {
        return vec![match waiting {
            AwaitingLetter::SetMark => "m: type a letter to set that mark (Esc: none)".into(),
            AwaitingLetter::GotoMark => {
                "': type a mark's letter (' again: back) (Esc: none)".into()
            }
        }];
    }
    let mut parts = Vec::new();
    if let Some(m) = &app.message {
        parts.push(m.clone());
    }
    if let Some(count) = app.count {
        parts.push(format!("count {count}"));
    }
    match app.view {
        View::Parallel(p) => {
            match app.parallel_place(p) {
                Some((_, true)) => parts.push("100% END".into()),
                Some((percent, false)) => parts.push(format!("{percent}%")),
                None => {}
            }
            parts.push(if p.linked { "linked" } else { "unlinked" }.into());
            parts.push("Tab pane".into());
            parts.push("l link".into());
            let whole = if p.whole_arabic {
                "a abstract"
            } else {
                "a whole text"
            };
            parts.push(whole.into());
            parts.push("s back".into());
        }
        View::Reader => {
            if let Some(s) = app.search.as_ref().filter(|s| !s.query.is_empty()) {
                parts.push(match_count(s, app.import_pending()));
            }
            if let Some(m) = app.selected_marker {
                parts.push(format!("note {} of {}", m + 1, app.flow.markers.len()));
            }
            if let Some(page) = page_at_top(app) {
                parts.push(format!("p. {page}"));
            }
            parts.push(place(app));
        }
    }
    parts.push("? help".into());
    parts
}

/// The source page of the paragraph at the top (PDFs), or of the first
/// one below a heading there.
fn page_at_top(app: &App) -> Option<u32> {
    let top = app.flow.pos.item;
    (top..app.flow.items.len())
        .take(8)
        .find_map(|i| app.flow.section_block(i).and_then(|b| b.page))
}

/// Where the reader is, as less says it: the percentage read down to the
/// bottom row, END when the end is on screen, and how far into the section.
fn place(app: &App) -> String {
    let place = app.place();
    let whole = if place.at_end {
        "100% END".to_string()
    } else {
        format!("{}%", place.percent)
    };
    match place.section {
        Some(s) if !place.at_end => format!("{whole} (\u{a7} {s}%)"),
        _ => whole,
    }
}

/// As many of `parts` as fit in `width`, joined by " │ ", dropping from
/// the end; a first part too long on its own is cut with "…".
fn fit_parts(parts: &[String], width: usize) -> String {
    let mut line = String::new();
    for part in parts {
        let next = if line.is_empty() {
            part.clone()
        } else {
            format!("{line} \u{2502} {part}")
        };
        if cells(&next) <= width {
            line = next;
        } else if line.is_empty() {
            return cut(part, width);
        } else {
            break;
        }
    }
    line
}

/// `text` cut to `width` cells, ending in "…" when cut.
fn cut(text: &str, width: usize) -> String {
    if cells(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if cells(&out) + cells(&c.to_string()) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push_str(ELLIPSIS);
    out
}

/// The search prompt: "/ query", the query isolated so an Arabic query
/// reads right to left inside the left-to-right prompt (laid out by the
/// bidi engine), with the mode and the count, and a block cursor.
fn prompt(app: &App, buf: &mut Buffer, (x, y, width): (u16, u16, u16), theme: &Styles) {
    let search = app.search.as_ref();
    let query = search.map_or("", |s| s.query.as_str());
    let mode = match search.map(|s| s.mode) {
        Some(crate::search::Mode::Exact) => "exact",
        _ => "arabic-aware",
    };
    let count = match search {
        Some(s) if !s.query.is_empty() => format!("  {}", match_count(s, app.import_pending())),
        _ => String::new(),
    };
    const LEAD: &str = "/ \u{2068}";
    let options = LayoutOptions {
        direction: Direction::Ltr,
        align_rtl: false,
        width: usize::from(width.max(1)),
        ..app.layout_options(width)
    };
    let cursor = app.prompt.as_ref().map_or(query.len(), |p| p.cursor);
    // A query longer than the row shows the part around the cursor.
    let room = usize::from(width).saturating_sub(cells(LEAD) + cells(&count) + 1);
    let (query, cursor) = query_window(query, cursor, room);
    // The count before the hint, and the hint only when all of it fits.
    let mut line = format!("{LEAD}{query}\u{2069}{count}  [{mode}: Tab]");
    let mut laid = layout_paragraph(&line, &options, &[]);
    if laid.rows.len() > 1 {
        line = format!("{LEAD}{query}\u{2069}{count}");
        laid = layout_paragraph(&line, &options, &[]);
    }
    let at = cursor_cell(&laid, LEAD.len(), &query, cursor);
    draw_row(buf, (x, y, width), &line, &laid, 0, &|_| theme.status);
    if let Some(cx) = at.filter(|&cx| cx < usize::from(width)) {
        let cx = x + cx as u16;
        if let Some(cell) = buf.cell_mut((cx, y)) {
            // The status line's colours the other way round: a block cursor
            // whatever the theme.
            let reversed = theme.status.add_modifier.contains(Modifier::REVERSED);
            cell.set_style(if reversed {
                Style::default().remove_modifier(Modifier::REVERSED)
            } else {
                Style::default().add_modifier(Modifier::REVERSED)
            });
        }
    }
}

/// The part of `query` the prompt has `room` cells for: all of it, or the
/// letters around byte `cursor` with "…" where some are left out; and the
/// cursor's byte in what is shown.
fn query_window(query: &str, cursor: usize, room: usize) -> (String, usize) {
    if cells(query) <= room {
        return (query.to_string(), cursor);
    }
    let letters: Vec<(usize, char)> = query.char_indices().collect();
    let at = letters.partition_point(|&(i, _)| i < cursor);
    let mut keep = room.saturating_sub(2).max(1);
    loop {
        // The cursor near the right end of the window, as in a shell.
        let start = (at + 1).saturating_sub(keep).min(letters.len());
        let end = (start + keep).min(letters.len());
        let byte = |k: usize| letters.get(k).map_or(query.len(), |&(i, _)| i);
        let lead = if start > 0 { ELLIPSIS } else { "" };
        let tail = if end < letters.len() { ELLIPSIS } else { "" };
        let shown = format!("{lead}{}{tail}", &query[byte(start)..byte(end)]);
        if cells(&shown) <= room || keep == 1 {
            let cursor = lead.len() + cursor.clamp(byte(start), byte(end)) - byte(start);
            return (shown, cursor);
        }
        keep -= 1;
    }
}

/// "match 3 of 12", "no match", or while a search goes on through a big
/// document, how far it has got ("match 1 of 40+, searching 35%"); while
/// the rest of the document is still being imported, the count says so.
fn match_count(search: &crate::app::search::Search, importing: bool) -> String {
    let total = search.total();
    match (search.current(), search.searching()) {
        (Some(c), None) if importing => format!("match {} of {total}+ (importing)", c + 1),
        (None, None) if importing => "no match yet (importing)".to_string(),
        (Some(c), None) => format!("match {} of {total}", c + 1),
        (None, None) => "no match".to_string(),
        (Some(c), Some(pct)) => format!("match {} of {total}+, searching {pct}%", c + 1),
        (None, Some(pct)) => format!("searching {pct}%"),
    }
}

/// The column (from the row's left) of the prompt's cursor: on the letter
/// at byte `cursor` of the query (which starts at byte `lead` of the line),
/// or, at the end, just past the last letter on the side the text runs to.
fn cursor_cell(
    laid: &crate::layout::Laid,
    lead: usize,
    query: &str,
    cursor: usize,
) -> Option<usize> {
    let row = laid.rows.first()?;
    let cells = laid.row_cells(0);
    let column = |byte: usize| {
        let mut x = row.indent;
        for c in cells {
            if c.range().contains(&byte) {
                return Some((x, c));
            }
            x += usize::from(c.width);
        }
        None
    };
    if cursor < query.len() {
        return column(lead + cursor).map(|(x, _)| x);
    }
    let Some((last, _)) = query.char_indices().next_back() else {
        // Nothing typed: just after "/ ".
        return column(lead.saturating_sub(4)).map(|(x, _)| x + 1);
    };
    let (x, cell) = column(lead + last)?;
    Some(if cell.level % 2 == 1 {
        x.saturating_sub(1)
    } else {
        x + usize::from(cell.width)
    })
}

#[cfg(test)]
mod window_tests {
    use super::query_window;

    #[test]
    fn a_long_query_shows_the_letters_around_the_cursor() {
        let query = "the revolution against the rule";
        assert_eq!(query_window(query, 5, 80), (query.to_string(), 5));
        // At the end: its last nine letters after "…", and a cell left
        // for the cursor after them (12 in all).
        let (shown, cursor) = query_window(query, query.len(), 12);
        assert_eq!(shown, "\u{2026} the rule");
        assert_eq!(cursor, shown.len());
        // At the start: its first ten letters, "…" after them.
        let (shown, cursor) = query_window(query, 0, 12);
        assert_eq!((shown.as_str(), cursor), ("the revolu\u{2026}", 0));
        // In the middle, on the "a" of "against": the cursor on that letter.
        let at = query.find("against").unwrap_or(0);
        let (shown, cursor) = query_window(query, at, 12);
        assert!(shown.starts_with('\u{2026}') && shown.ends_with('\u{2026}'));
        assert_eq!(&shown[cursor..cursor + 1], "a");
        assert!(super::cells(&shown) <= 12);
    }
}
