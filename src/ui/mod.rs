//! Drawing: `render(&App, frame)` turns the reader's state into a ratatui
//! frame (or `render_buffer` into a buffer). It never changes the App;
//! everything it shows was laid out by `App::prepare`, and the layout
//! options it needs for labels come from the settings.

mod overlays;
mod parallel;
mod reader;
mod segments;
mod status;
pub mod text;
pub mod theme;

use ratatui::Frame;

use crate::app::view::View;
use crate::app::App;

/// Draw the whole screen into a ratatui frame.
pub fn render(app: &App, frame: &mut Frame) {
    render_buffer(app, frame.buffer_mut());
}

/// Draw the whole screen into a buffer (its area is the screen).
pub fn render_buffer(app: &App, buf: &mut ratatui::buffer::Buffer) {
    let area = buf.area;
    if area.width == 0 || area.height == 0 {
        return;
    }
    let theme = theme::Styles::new(app.settings.theme, app.settings.colors);
    match app.view {
        View::Reader => reader::render(app, buf, area, &theme),
        View::Parallel(p) => parallel::render(app, p, buf, area, &theme),
    }
    status::render(app, buf, area, &theme);
    if let Some(popup) = &app.prepared.popup {
        overlays::popup(app, popup, buf, area, &theme);
    }
    overlays::render(app, buf, area, &theme);
}
