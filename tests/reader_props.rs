//! The reader never panics: random documents (built from the pieces the
//! importers look at), random terminal sizes and random key sequences,
//! drawn after every action.

use hamish::app::keymap::Keymap;
use hamish::app::{Action, App, Effect, Input};
use hamish::settings::{Settings, ShapeMode};
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

mod common;
use common::doc_text;

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_keys_on_any_document_at_any_size(
        text in doc_text(40),
        width in 1u16..140,
        height in 1u16..50,
        actions in prop::collection::vec(prop::sample::select(Action::ALL), 0..40),
        shape: bool,
    ) {
        let doc = hamish::document::import::pdftext::import(&text);
        let shape = if shape { ShapeMode::On } else { ShapeMode::Off };
        let settings = Settings { shape, ..Settings::default() };
        let mut app = App::new(doc, settings, Keymap::defaults(), width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        for action in actions {
            let effects = app.handle(Input::Command(action));
            if app.prompt_open() {
                // Type a short query (Arabic, Latin, a digit), then Enter.
                use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
                for c in ['\u{0627}', 'e', '1', '\u{0644}'] {
                    app.handle(Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
                    terminal.draw(|f| hamish::ui::render(&app, f)).unwrap();
                }
                app.handle(Input::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
            }
            if app.awaits_letter() {
                use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
                app.handle(Input::Key(KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE)));
            }
            terminal.draw(|f| hamish::ui::render(&app, f)).unwrap();
            if effects.iter().any(|e| matches!(e, Effect::Quit)) {
                break;
            }
        }
        // A resize in the middle of it all, too.
        app.handle(Input::Resize { width: width / 2 + 1, height: height / 2 + 1 });
        let mut small = Terminal::new(TestBackend::new(width / 2 + 1, height / 2 + 1)).unwrap();
        small.draw(|f| hamish::ui::render(&app, f)).unwrap();
    }
}
