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

/// Draw the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let buf = frame.buffer_mut();
    if area.width == 0 || area.height == 0 {
        return;
    }
    let theme = theme::Styles::new(app.settings.theme);
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
