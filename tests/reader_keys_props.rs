//! The reader never panics on raw keys either: counts (digits before a
//! command), `%`, the prompt's editing keys (arrows, Home/End, Delete,
//! Ctrl-w/u/k/a/e, ↑/↓ history) and Arabic typed into it, on random
//! documents at random sizes, the screen drawn after every key.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use hamish::app::keymap::Keymap;
use hamish::app::{App, Effect, Input};
use hamish::settings::Settings;
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

mod common;
use common::doc_text;

/// Keys a reader presses: commands, digits, the prompt's editing keys.
fn keys() -> impl Strategy<Value = KeyEvent> {
    let plain = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let code = |k| KeyEvent::new(k, KeyModifiers::NONE);
    prop::sample::select(vec![
        plain('/'),
        plain('5'),
        plain('0'),
        plain('%'),
        plain('p'),
        plain('j'),
        plain('f'),
        plain(']'),
        plain('n'),
        plain('N'),
        plain('s'),
        plain('a'),
        plain('?'),
        plain('m'),
        plain('\''),
        plain('\u{0644}'),
        plain(' '),
        ctrl('o'),
        ctrl('t'),
        ctrl('w'),
        ctrl('u'),
        ctrl('k'),
        ctrl('a'),
        ctrl('e'),
        code(KeyCode::Left),
        code(KeyCode::Right),
        code(KeyCode::Home),
        code(KeyCode::End),
        code(KeyCode::Up),
        code(KeyCode::Down),
        code(KeyCode::Delete),
        code(KeyCode::Backspace),
        code(KeyCode::Tab),
        code(KeyCode::Enter),
        code(KeyCode::Esc),
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_raw_keys_on_any_document_at_any_size(
        text in doc_text(30),
        width in 1u16..120,
        height in 1u16..40,
        presses in prop::collection::vec(keys(), 0..60),
    ) {
        let doc = hamish::document::import::pdftext::import(&text);
        let mut app = App::new(doc, Settings::default(), Keymap::defaults(), width, height)
            .with_search_history(vec!["e".into(), "\u{0627}\u{0644}".into()]);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        for key in presses {
            let effects = app.handle(Input::Key(key));
            terminal.draw(|f| hamish::ui::render(&app, f)).unwrap();
            if effects.iter().any(|e| matches!(e, Effect::Quit)) {
                break;
            }
        }
        app.handle(Input::Resize { width: width / 2 + 1, height: height / 2 + 1 });
        let mut small = Terminal::new(TestBackend::new(width / 2 + 1, height / 2 + 1)).unwrap();
        small.draw(|f| hamish::ui::render(&app, f)).unwrap();
    }
}
