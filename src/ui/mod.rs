//! Drawing: `render(&App, frame)` turns the prepared state into a ratatui
//! frame. It never changes the App; everything it shows was laid out by
//! `App::prepare`.

mod overlays;
mod parallel;
mod reader;
mod status;
pub mod text;
pub mod theme;

use ratatui::Frame;

use crate::app::state::View;
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
    if let Some(popup) = &app.frame.popup {
        overlays::popup(app, popup, buf, area, &theme);
    }
    overlays::render(app, buf, area, &theme);
}

/// The rows of the reading view when it is all that is shown (no popup or
/// overlay over it), naming each text row for the painter's scroll hint
/// (`term::RowTracker`); `None` for any other screen.
pub fn scrolling_rows(app: &App) -> Option<&[crate::app::flow::FlowRow]> {
    let plain_reading = app.view == View::Reader
        && app.overlay == crate::app::state::Overlay::None
        && app.frame.popup.is_none();
    plain_reading.then_some(app.frame.rows.as_slice())
}
