//! Boxes drawn over the text: the footnote popup, the table of contents,
//! the help screen and the library.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::segments;
use super::text::{draw_line, draw_row, fill};
use super::theme::Styles;
use crate::app::view::{Overlay, PreparedPopup};
use crate::app::App;
use crate::layout::{Direction, LayoutOptions};

/// A bordered, cleared box; returns its inner area. `pieces`: the
/// terminal reorders, and the rows beside the box are cut into pieces of
/// their own (`segments::make_room`).
fn frame_box(buf: &mut Buffer, rect: Rect, style: ratatui::style::Style, pieces: bool) -> Rect {
    let rect = rect.intersection(buf.area);
    if pieces {
        segments::make_room(buf, rect);
    }
    Clear.render(rect, buf);
    let block = Block::default().borders(Borders::ALL).border_style(style);
    let inner = block.inner(rect);
    block.render(rect, buf);
    inner
}

/// A title on a box's top border, through the bidi layout.
fn box_title(
    buf: &mut Buffer,
    rect: Rect,
    title: &str,
    options: LayoutOptions,
    style: ratatui::style::Style,
) {
    if rect.width > 4 {
        let options = LayoutOptions {
            direction: Direction::Ltr,
            ..options
        };
        draw_line(
            buf,
            rect.x + 2,
            rect.y,
            rect.width - 4,
            title,
            style,
            options,
        );
    }
}

pub fn popup(app: &App, popup: &PreparedPopup, buf: &mut Buffer, area: Rect, theme: &Styles) {
    let (x, y, w, h) = popup.rect;
    let rect = Rect::new(area.x + x, area.y + y, w, h);
    let pieces = !app.settings.reorders();
    let inner = frame_box(buf, rect, theme.border_focus, pieces);
    let options = app.layout_options(inner.width);
    box_title(buf, rect, &popup.title, options, theme.heading);
    let scroll = app.popup.map_or(0, |p| p.scroll);
    let base = if popup.missing { theme.dim } else { theme.text };
    let style = |cell: &crate::layout::Cell| match popup
        .hits
        .iter()
        .find(|(r, _)| r.contains(&(cell.start as usize)))
    {
        Some((_, true)) => theme.search_current,
        Some((_, false)) => theme.search,
        None => base,
    };
    for (i, row) in (scroll..popup.laid.rows.len())
        .enumerate()
        .take(usize::from(inner.height))
    {
        let at = (
            inner.x + 1,
            inner.y + i as u16,
            inner.width.saturating_sub(2),
        );
        draw_row(buf, at, &popup.text, &popup.laid, row, &style);
        if pieces {
            segments::mark(buf, at, popup.laid.rtl);
        }
    }
    if popup.laid.rows.len() > usize::from(inner.height) && inner.width > 6 {
        let more = format!(
            " {}/{} ",
            (scroll + usize::from(inner.height)).min(popup.laid.rows.len()),
            popup.laid.rows.len()
        );
        draw_line(
            buf,
            rect.x + rect.width.saturating_sub(more.len() as u16 + 2),
            rect.y + rect.height - 1,
            more.len() as u16,
            &more,
            theme.dim,
            options,
        );
    }
}

/// A centered box of at most `w` x `h` within `area` (status line excluded).
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let avail = Rect::new(
        area.x,
        area.y,
        area.width,
        area.height.saturating_sub(1).max(1),
    );
    let w = w.min(avail.width);
    let h = h.min(avail.height);
    Rect::new(
        avail.x + (avail.width - w) / 2,
        avail.y + (avail.height - h) / 2,
        w,
        h,
    )
}

/// A centered, bordered, titled box of at most `w` x `h`; its inner area and
/// the layout options for text in it (`ltr`: lines read left to right), or
/// `None` when the screen is too small for a box.
fn open_box(
    app: &App,
    buf: &mut Buffer,
    area: Rect,
    (w, h): (u16, u16),
    title: &str,
    ltr: bool,
    theme: &Styles,
) -> Option<(Rect, LayoutOptions)> {
    let rect = centered(area, w, h);
    if rect.width < 5 || rect.height < 3 {
        return None;
    }
    let inner = frame_box(buf, rect, theme.border_focus, !app.settings.reorders());
    let mut options = app.layout_options(inner.width);
    box_title(buf, rect, title, options, theme.heading);
    if ltr {
        options.direction = Direction::Ltr;
    }
    Some((inner, options))
}

pub fn render(app: &App, buf: &mut Buffer, area: Rect, theme: &Styles) {
    match &app.overlay {
        Overlay::None => {}
        Overlay::Toc { selected } => toc(app, *selected, buf, area, theme),
        Overlay::Library { selected } => library(app, *selected, buf, area, theme),
        Overlay::Help { scroll } => help(app, *scroll, buf, area, theme),
    }
}

fn toc(app: &App, selected: usize, buf: &mut Buffer, area: Rect, theme: &Styles) {
    let entries = app.toc_entries();
    // جدول المحتويات (table of contents)
    let title = " contents \u{2014} \u{062C}\u{062F}\u{0648}\u{0644} \u{0627}\u{0644}\u{0645}\u{062D}\u{062A}\u{0648}\u{064A}\u{0627}\u{062A} ";
    let size = (64, entries.len() as u16 + 2);
    if let Some((inner, options)) = open_box(app, buf, area, size, title, false, theme) {
        let titles = entries.iter().map(|(_, t)| t.as_str());
        list(
            buf,
            inner,
            titles,
            (selected, !app.settings.reorders()),
            options,
            theme,
        );
    }
}

fn library(app: &App, selected: usize, buf: &mut Buffer, area: Rect, theme: &Styles) {
    let titles: Vec<String> = app
        .library
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let here = app.current == Some(i);
            // The open document's progress is the live one.
            let progress = if here {
                Some(app.place().percent)
            } else {
                e.progress
            };
            let progress = progress
                .map(|p| format!("{:>3}% ", p.min(100)))
                .unwrap_or_else(|| "     ".into());
            let open = if here { "\u{25B8} " } else { "  " };
            let missing = if e.missing { " (missing)" } else { "" };
            // The title isolated (FSI…PDI): an Arabic title stays whole.
            format!(
                "{open}{} {progress}\u{2068}{}\u{2069}{missing}",
                e.group.tag(),
                e.title
            )
        })
        .collect();
    let title = " library \u{2014} Enter opens, d forgets, Esc closes ";
    let size = (76, titles.len() as u16 + 2);
    if let Some((inner, options)) = open_box(app, buf, area, size, title, true, theme) {
        let entries = titles.iter().map(String::as_str);
        list(
            buf,
            inner,
            entries,
            (selected, !app.settings.reorders()),
            options,
            theme,
        );
    }
}

/// The help screen, made from the key table in force (`app::help`), with
/// a sign on its bottom border when more of it is above or below.
fn help(app: &App, scroll: usize, buf: &mut Buffer, area: Rect, theme: &Styles) {
    let lines = crate::app::help::help_rows(&app.keymap, app.help_width());
    let size = (crate::app::help::BOX_WIDTH, lines.len() as u16 + 2);
    let title = " keys \u{2014} Esc closes ";
    let Some((inner, options)) = open_box(app, buf, area, size, title, true, theme) else {
        return;
    };
    let height = usize::from(inner.height);
    let below = lines.len().saturating_sub(scroll + height);
    if scroll > 0 || below > 0 {
        let sign = match (scroll > 0, below > 0) {
            (true, true) => format!(
                " \u{2191}\u{2193} more: j/k, space {}/{} ",
                scroll + height,
                lines.len()
            ),
            (false, _) => format!(
                " \u{2193} more below: j/k, space {}/{} ",
                scroll + height,
                lines.len()
            ),
            (true, false) => format!(
                " \u{2191} more above: k, b {}/{} ",
                lines.len(),
                lines.len()
            ),
        };
        let width = (super::text::cells(&sign) as u16).min(inner.width);
        draw_line(
            buf,
            inner.x + inner.width - width,
            inner.y + inner.height,
            width,
            &sign,
            theme.heading,
            options,
        );
    }
    let shown = lines.iter().skip(scroll).take(height);
    for (i, line) in shown.enumerate() {
        draw_line(
            buf,
            inner.x + 1,
            inner.y + i as u16,
            inner.width.saturating_sub(2),
            line,
            theme.text,
            options,
        );
    }
}

/// A list with a highlighted entry, scrolled to keep it visible; each
/// entry a piece of its own direction when `pieces` (the terminal
/// reorders).
fn list<'a>(
    buf: &mut Buffer,
    inner: Rect,
    entries: impl Iterator<Item = &'a str>,
    (selected, pieces): (usize, bool),
    options: LayoutOptions,
    theme: &Styles,
) {
    let entries: Vec<&str> = entries.collect();
    let height = usize::from(inner.height).max(1);
    let first = selected.saturating_sub(height - 1);
    for (i, entry) in entries.iter().enumerate().skip(first).take(height) {
        let y = inner.y + (i - first) as u16;
        let style = if i == selected {
            theme.selected
        } else {
            theme.text
        };
        if i == selected {
            fill(buf, inner.x, y, inner.width, style);
        }
        let width = inner.width.saturating_sub(2);
        let rtl = draw_line(buf, inner.x + 1, y, width, entry, style, options);
        if pieces {
            segments::mark(buf, (inner.x + 1, y, width), rtl);
        }
    }
}
