//! Screen tests on ratatui's TestBackend: each view of the reader drawn at a
//! fixed size, checked by what the screen shows. Arabic is checked in
//! visual order with shaping off (a reversed string, read out in comments).

use hamish::app::keymap::Keymap;
use hamish::app::{Action, App, Effect, Input, LibraryEntry, Source, View};
use hamish::document::import::import_path;
use hamish::settings::{Settings, ShapeMode, Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn seed000() -> hamish::document::Document {
    import_path(
        std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/000_888738dd473cd04e.txt"
        )),
        None,
    )
    .unwrap()
}

fn app(width: u16, height: u16) -> App {
    let settings = Settings {
        shape: ShapeMode::Off,
        ..Settings::default()
    };
    let library = vec![LibraryEntry {
        title: "demo".into(),
        source: Source::Bundled(2),
        progress: Some(40),
        ..LibraryEntry::default()
    }];
    App::new(seed000(), settings, Keymap::defaults(), width, height).with_library(library)
}

/// Give the reader a command, and do what it asks (open a library entry)
/// as the event loop would.
fn update(a: &mut App, action: Action) {
    let mut effects = a.handle(Input::Command(action));
    while let Some(effect) = effects.pop() {
        if let Effect::Open {
            ticket,
            source,
            entry,
        } = effect
        {
            let opened = hamish::open::open_source(&source, entry, None).unwrap();
            effects.extend(a.handle(Input::Opened {
                ticket,
                opened: Box::new(opened),
            }));
        }
    }
}

/// The screen as lines of text.
fn screen(app: &App) -> Vec<String> {
    let g = app.geometry();
    let mut terminal = Terminal::new(TestBackend::new(g.width, g.height)).unwrap();
    terminal.draw(|f| hamish::ui::render(app, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..buf.area.height)
        .map(|y| {
            let mut line = String::new();
            for x in 0..buf.area.width {
                line.push_str(buf[(x, y)].symbol());
            }
            line
        })
        .collect()
}

fn shows(lines: &[String], text: &str) -> bool {
    lines.iter().any(|l| l.contains(text))
}

/// Reverse a string (visual order of an Arabic word with shaping off).
fn visual(logical: &str) -> String {
    logical.chars().rev().collect()
}

#[test]
fn reader_shows_title_abstract_and_status() {
    let a = app(100, 30);
    let s = screen(&a);
    assert!(shows(&s, "The Russian revolution is not a revolution"));
    assert!(shows(&s, &visual("تروتسكي")), "the title, in visual order");
    assert!(
        s.last().unwrap().contains("0%"),
        "status line: {}",
        s.last().unwrap()
    );
    // The column is centered: 80 cells in 100.
    let row = s
        .iter()
        .find(|l| l.contains("The Russian revolution"))
        .unwrap();
    assert!(row.starts_with("          The Russian"), "{row:?}");
}

#[test]
fn toc_lists_the_sections() {
    let mut a = app(100, 30);
    update(&mut a, Action::Toc);
    let s = screen(&a);
    assert!(shows(&s, "contents"));
    assert!(shows(&s, &visual("المقدمة")), "introduction");
    assert!(shows(&s, &visual("الخاتمة")), "conclusion");
    assert!(shows(&s, &visual("المصادر")), "references");
    // Enter jumps to the selected section; Esc would have closed the list.
    update(&mut a, Action::Bottom);
    update(&mut a, Action::Activate);
    let s = screen(&a);
    assert!(!shows(&s, "contents"));
    assert!(shows(&s, &visual("المصادر")), "now at the references");
}

#[test]
fn f_opens_the_first_note_below_its_marker() {
    let mut a = app(100, 30);
    update(&mut a, Action::NextFootnote);
    let s = screen(&a);
    assert!(shows(&s, "1 of 7"), "popup title");
    assert!(shows(&s, &visual("لينين")), "the note is about Lenin");
    let popup = a.prepared().popup.as_ref().unwrap();
    let marker_row = a.flow().marker_row(0, &a.prepared().rows).unwrap() as u16;
    let (_, y, _, h) = popup.rect;
    assert!(
        marker_row < y || marker_row >= y + h,
        "the popup never covers its marker's row"
    );
    // f again: the next note; F: back.
    update(&mut a, Action::NextFootnote);
    assert!(shows(&screen(&a), "2 of 7"));
    update(&mut a, Action::PrevFootnote);
    assert!(shows(&screen(&a), "1 of 7"));
    // Enter: to the note in the notes list; Ctrl-o back.
    let before = a.flow().pos;
    update(&mut a, Action::Activate);
    assert!(a.popup().is_none());
    assert!(matches!(
        a.flow().items[a.flow().pos.item].kind,
        hamish::app::flow::ItemKind::Note(0)
    ));
    update(&mut a, Action::JumpBack);
    assert_eq!(a.flow().pos, before);
}

#[test]
fn side_by_side_pairs_the_abstracts() {
    let mut a = app(120, 30);
    update(&mut a, Action::SideBySide);
    let s = screen(&a);
    // English on the left, Arabic on the right of the same rows.
    let row = s
        .iter()
        .find(|l| l.contains("The Russian revolution"))
        .expect("English abstract");
    assert!(row.contains(&visual("الثورة")), "Arabic beside it: {row}");
    assert!(shows(&s, "Abstract"));
    // Below 60 columns the panes stack.
    a.handle(Input::Resize {
        width: 50,
        height: 30,
    });
    let s = screen(&a);
    let en = s.iter().position(|l| l.contains("The Russian")).unwrap();
    let ar = s
        .iter()
        .position(|l| l.contains(&visual("الروسية")))
        .unwrap();
    assert!(ar > en);
    update(&mut a, Action::Quit);
    assert_eq!(a.view(), View::Reader);
}

#[test]
fn a_document_without_an_english_abstract_says_so() {
    let doc = import_path(
        std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/003_5eac0dfd78b8d8c0.txt"
        )),
        None,
    )
    .unwrap();
    let mut a = App::new(doc, Settings::default(), Keymap::defaults(), 100, 30);
    update(&mut a, Action::SideBySide);
    assert!(shows(&screen(&a), "no English abstract"));
}

#[test]
fn help_is_made_from_the_key_table() {
    let mut a = app(100, 40);
    update(&mut a, Action::Help);
    let s = screen(&a);
    for (action, keys) in a.keymap().entries() {
        let line = format!(
            "{:<22} {}",
            keys.iter().map(|k| k.name()).collect::<Vec<_>>().join(", "),
            action.describe()
        );
        assert!(shows(&s, line.trim_end()), "help lacks {line}");
    }
    update(&mut a, Action::Close);
    assert!(!shows(&screen(&a), "keys \u{2014}"));
}

#[test]
fn library_lists_entries_with_progress() {
    let mut a = app(100, 30);
    update(&mut a, Action::Library);
    let s = screen(&a);
    assert!(shows(&s, "library"));
    assert!(shows(&s, " 40% "));
    update(&mut a, Action::Activate);
    assert!(shows(&screen(&a), "Abstract"), "the demo essay opened");
}

#[test]
fn resize_keeps_the_top_sentence() {
    let mut a = app(100, 30);
    for _ in 0..40 {
        update(&mut a, Action::LineDown);
    }
    let anchor = a.flow().anchor();
    let word: String = a.flow().items[anchor.item].text[anchor.byte..]
        .split(' ')
        .next()
        .unwrap()
        .to_string();
    a.handle(Input::Resize {
        width: 60,
        height: 20,
    });
    let s = screen(&a);
    // The same item is at the top and the first row still holds that word.
    assert_eq!(a.flow().pos.item, anchor.item);
    let top = a.prepared().rows.first().copied();
    let laid = a.flow().laid(anchor.item).unwrap();
    let hamish::app::flow::FlowRow::Text { row, .. } = top.unwrap() else {
        panic!("text at top")
    };
    let row_text = laid.row_strings(&a.flow().items[anchor.item].text)[row].clone();
    assert!(
        row_text.contains(&word) || row_text.contains(&visual(&word)),
        "{word} in {row_text}; {s:?}"
    );
}

#[test]
fn tiny_terminals_never_panic() {
    for (w, h) in [(1, 1), (10, 3), (2, 2), (5, 1), (1, 5), (30, 4)] {
        let mut a = app(w, h);
        for action in [
            Action::PageDown,
            Action::NextFootnote,
            Action::Toc,
            Action::Activate,
            Action::Help,
            Action::Close,
            Action::SideBySide,
            Action::LineDown,
            Action::Bottom,
            Action::Library,
        ] {
            update(&mut a, action);
            let _ = screen(&a);
        }
    }
}

#[test]
fn scrolling_reaches_the_end_and_back() {
    let mut a = app(80, 24);
    update(&mut a, Action::Bottom);
    let last = a.flow().items.len() - 1;
    assert!(
        a.prepared()
            .rows
            .contains(&hamish::app::flow::FlowRow::Text { item: last, row: 0 }),
        "the last note is on screen"
    );
    assert!(a.flow().percent() >= 90, "{}%", a.flow().percent());
    // and the screen is full: the end is at the bottom, not the top
    assert_eq!(a.prepared().rows.len(), 23);
    update(&mut a, Action::Top);
    assert_eq!(a.flow().pos, hamish::app::flow::Pos::default());
    update(&mut a, Action::NextSection);
    update(&mut a, Action::NextSection);
    assert!(a.flow().current_section() == Some(1));
}

#[test]
fn a_search_hit_inside_arabic_is_highlighted_on_its_own_cells() {
    // "قال لينين إن الثورة" (Lenin said that the revolution), one paragraph
    let doc = hamish::document::import::lines("\u{0642}\u{0627}\u{0644} \u{0644}\u{064A}\u{0646}\u{064A}\u{0646} \u{0625}\u{0646} \u{0627}\u{0644}\u{062B}\u{0648}\u{0631}\u{0629}\n");
    let settings = Settings {
        shape: ShapeMode::Off,
        theme: Theme::Mono,
        ..Settings::default()
    };
    let mut a = App::new(doc, settings, Keymap::defaults(), 60, 6);
    update(&mut a, Action::Search);
    for c in "\u{0644}\u{064A}\u{0646}\u{064A}\u{0646}".chars() {
        a.handle(Input::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        )));
    }
    let mut terminal = Terminal::new(TestBackend::new(60, 6)).unwrap();
    terminal.draw(|f| hamish::ui::render(&a, f)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let current = hamish::ui::theme::Styles::new(Theme::Mono, Default::default()).search_current;
    let highlighted: String = (0..60u16)
        .filter(|&x| buf[(x, 0)].modifier == current.add_modifier)
        .map(|x| buf[(x, 0)].symbol().to_string())
        .collect();
    // The highlighted cells read, left to right, as the word does on
    // screen: نينيل (لينين reversed).
    assert_eq!(
        highlighted,
        visual("\u{0644}\u{064A}\u{0646}\u{064A}\u{0646}")
    );
    let status: String = (0..60u16)
        .map(|x| buf[(x, 5)].symbol().to_string())
        .collect();
    assert!(status.contains("match 1 of 1"), "{status}");
}

#[test]
fn a_click_on_a_marker_opens_its_note() {
    let mut a = app(100, 30);
    // Bring the first marker on screen, then close its popup.
    update(&mut a, Action::NextFootnote);
    update(&mut a, Action::Close);
    assert!(a.popup().is_none());
    // Find the marker's cell on screen and click it.
    let row = a
        .flow()
        .marker_row(0, &a.prepared().rows)
        .expect("marker on screen");
    let hamish::app::flow::FlowRow::Text { item, row: r } = a.prepared().rows[row] else {
        panic!("text row")
    };
    let laid = a.flow().laid(item).unwrap();
    let marker = a.flow().markers[0].range.clone();
    let mut x = usize::from(a.geometry().column_x) + laid.rows[r].indent;
    for cell in laid.row_cells(r) {
        if marker.contains(&(cell.start as usize)) {
            break;
        }
        x += usize::from(cell.width);
    }
    a.handle(Input::Click {
        x: x as u16 + 1,
        y: row as u16,
    }); // the next cell is text: nothing opens
    assert!(a.popup().is_none());
    a.handle(Input::Click {
        x: x as u16,
        y: row as u16,
    });
    assert_eq!(a.popup().map(|p| p.marker), Some(0));
    assert!(shows(&screen(&a), "1 of 7"));
}
