//! Screens of issue 13 ("reading comfort") on ratatui's TestBackend: a
//! status line and help that fit at 60x20, 80x24 and 40 columns (cut with
//! "…", a sign when the help scrolls), messages wrapped in the side-by-side
//! panes, the Arabic pane's title on the right, the search prompt's cursor
//! and Arabic query, hanging list items, and no stray marker digits.

use hamish::app::keymap::Keymap;
use hamish::app::{Action, App, Input};
use hamish::settings::{Settings, ShapeMode};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

mod common;
use common::words::{ABSTRACT_AR, LENIN, TROTSKY};
use common::{seed000, seed003, visual};

fn app_of(doc: hamish::document::Document, width: u16, height: u16) -> App {
    let settings = Settings {
        shape: ShapeMode::Off,
        ..Settings::default()
    };
    App::new(doc, settings, Keymap::defaults(), width, height)
}

fn draw(app: &App) -> Buffer {
    let g = app.geometry();
    let mut terminal = Terminal::new(TestBackend::new(g.width, g.height)).unwrap();
    terminal.draw(|f| hamish::ui::render(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

fn screen(app: &App) -> Vec<String> {
    rows(&draw(app))
}

fn command(app: &mut App, action: Action) {
    app.handle(Input::Command(action));
}

fn key(app: &mut App, c: char) {
    app.handle(Input::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char(c),
        crossterm::event::KeyModifiers::NONE,
    )));
}

fn status(app: &App) -> String {
    screen(app).last().unwrap().trim_end().to_string()
}

#[test]
fn the_side_by_side_status_line_fits_at_60_by_20() {
    let mut a = app_of(seed000(), 60, 20);
    command(&mut a, Action::SideBySide);
    let line = status(&a);
    // The title keeps at least its first two words (دور ليون, "the role
    // of Leon"), and each hint shows whole or not at all.
    let role_of_leon = visual("\u{62f}\u{648}\u{631} \u{644}\u{64a}\u{648}\u{646}");
    assert!(line.contains(&role_of_leon), "{line}");
    assert!(
        line.contains("linked") && line.contains("Tab pane"),
        "{line}"
    );
    // Where the focused pane is comes first: at its top, 0%.
    let first = line.split('\u{2502}').next().unwrap();
    assert!(first.trim_end().ends_with(" 0%"), "{line}");
    for part in line.split('\u{2502}').skip(1) {
        let part = part.trim();
        assert!(
            [
                "linked",
                "Tab pane",
                "l link",
                "a whole text",
                "s back",
                "? help"
            ]
            .contains(&part),
            "a hint cut: {part:?} in {line}"
        );
    }
    // At the end of the panes: "100% END".
    command(&mut a, Action::Bottom);
    assert!(status(&a).contains("100% END"), "{}", status(&a));
    command(&mut a, Action::Top);
    // The title is cut at a word, and says so with "…" (on its left: it
    // reads right to left).
    assert!(line.trim_start().starts_with('\u{2026}'), "{line}");
}

#[test]
fn a_long_message_is_cut_with_an_ellipsis() {
    let mut a = app_of(seed000(), 40, 12);
    a.handle(Input::Notice(
        "a message far too long for the forty columns of this screen to hold".into(),
    ));
    let line = status(&a);
    assert!(line.ends_with('\u{2026}'), "{line}");
    assert!(line.contains("a message far too long"), "{line}");
}

#[test]
fn the_status_line_says_what_m_and_quote_wait_for() {
    let mut a = app_of(seed000(), 80, 24);
    key(&mut a, 'm');
    assert!(status(&a).contains("type a letter"), "{}", status(&a));
    key(&mut a, 'a');
    assert!(status(&a).contains("mark a set"));
    key(&mut a, '\'');
    assert!(status(&a).contains("mark's letter"), "{}", status(&a));
}

#[test]
fn the_status_line_shows_the_end_and_the_section() {
    let mut a = app_of(seed000(), 80, 24);
    command(&mut a, Action::NextSection);
    command(&mut a, Action::LineDown);
    command(&mut a, Action::LineDown);
    assert!(status(&a).contains("(\u{a7} "), "{}", status(&a));
    command(&mut a, Action::Bottom);
    assert!(status(&a).contains("100% END"), "{}", status(&a));
}

#[test]
fn help_at_80_by_24_shows_that_it_scrolls_and_scrolls_to_its_end() {
    let mut a = app_of(seed000(), 80, 24);
    command(&mut a, Action::Help);
    let s = screen(&a);
    // The bottom border says more is below.
    assert!(s[22].contains("\u{2193} more below"), "{}", s[22]);
    for _ in 0..10 {
        command(&mut a, Action::PageDown);
    }
    let s = screen(&a);
    assert!(s[22].contains("\u{2191} more above"), "{}", s[22]);
    // Its last rows (the prompt's keys, the marks) are now on screen.
    assert!(s
        .iter()
        .any(|r| r.contains("back to where the search began")));
    assert!(s.iter().any(|r| r.contains("go to mark")));
}

#[test]
fn help_at_40_columns_wraps_its_descriptions_inside_the_box() {
    let mut a = app_of(seed000(), 40, 60);
    command(&mut a, Action::Help);
    let s = screen(&a);
    let text: Vec<&String> = s.iter().filter(|r| r.starts_with('\u{2502}')).collect();
    for row in &text {
        assert!(row.trim_end().ends_with('\u{2502}'), "spills: {row}");
    }
    // A description longer than the box, wrapped at a word: its words are
    // all there, none cut in two.
    let joined: String = text
        .iter()
        .map(|r| r.trim_matches(|c| c == '\u{2502}' || c == ' ').to_string())
        .collect::<Vec<_>>()
        .join(" ");
    for word in "next footnote: select, scroll to it, open it".split(' ') {
        assert!(
            joined.split_whitespace().any(|w| w == word),
            "{word} cut: {joined}"
        );
    }
}

#[test]
fn the_side_by_side_message_wraps_in_its_pane_and_the_arabic_title_is_right() {
    // Seed 003 has no English abstract; at 80 columns the pane is 40 wide.
    let mut a = app_of(seed003(), 80, 24);
    command(&mut a, Action::SideBySide);
    let s = screen(&a);
    let left: String = s[1..5]
        .iter()
        .map(|r| r.chars().take(40).collect::<String>())
        .map(|r| r.trim_matches(|c| c == '\u{2502}' || c == ' ').to_string())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        left.contains("This document has no English abstract."),
        "{left}"
    );
    // The Arabic pane's title (الملخص, the abstract) sits at the right
    // end of its top border.
    let mut a = app_of(seed000(), 80, 24);
    command(&mut a, Action::SideBySide);
    let top = &screen(&a)[0];
    let title = format!(" {}", visual(ABSTRACT_AR));
    let at = top.find(&title).expect("the Arabic title");
    let right_of_it: String = top[at + title.len()..].to_string();
    assert!(
        right_of_it
            .chars()
            .all(|c| c == '\u{2500}' || c == '\u{2510}' || c == ' ')
            && right_of_it.chars().count() <= 4,
        "{top}"
    );
}

#[test]
fn side_by_side_aligns_the_english_paragraphs_with_the_one_arabic_one() {
    // Three English paragraphs, one Arabic: the English ones follow each
    // other with one blank row between, as in the reading view, instead of
    // waiting below the whole Arabic paragraph.
    let mut a = app_of(seed000(), 100, 60);
    command(&mut a, Action::SideBySide);
    let s = screen(&a);
    let left: Vec<String> = s[1..58]
        .iter()
        .map(|r| {
            r.chars()
                .skip(2)
                .take(46)
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect();
    let first_end = left.iter().position(|r| r.ends_with("him.")).unwrap();
    assert!(left[first_end + 1].is_empty());
    assert!(
        left[first_end + 2].starts_with("Trotsky did not seek power"),
        "{:?}",
        &left[first_end..first_end + 3]
    );
}

#[test]
fn the_prompt_shows_its_cursor_and_an_arabic_query_right_to_left() {
    let mut a = app_of(seed000(), 80, 24);
    key(&mut a, '/');
    for c in LENIN.chars() {
        key(&mut a, c);
    }
    let buf = draw(&a);
    let y = buf.area.height - 1;
    let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
    // لينين, visual order: reversed.
    let at = line.find(&visual(LENIN)).expect("the query right to left");
    let x = line[..at].chars().count() as u16;
    // At the end of an Arabic query the cursor is on its left, where the
    // next letter goes: a cell drawn unlike the status line's.
    let status_style = buf[(0, y)].style();
    assert_ne!(buf[(x - 1, y)].style(), status_style, "{line}");
    // The arrows move on screen: → moves it onto the last letter typed
    // (the leftmost one), ← back to the left of it.
    let press = |a: &mut App, code| {
        a.handle(Input::Key(crossterm::event::KeyEvent::new(
            code,
            crossterm::event::KeyModifiers::NONE,
        )));
    };
    press(&mut a, crossterm::event::KeyCode::Right);
    let buf = draw(&a);
    assert_ne!(buf[(x, y)].style(), status_style);
    assert_eq!(buf[(x - 1, y)].style(), status_style);
    press(&mut a, crossterm::event::KeyCode::Left);
    let buf = draw(&a);
    assert_ne!(buf[(x - 1, y)].style(), status_style);
    assert_eq!(buf[(x, y)].style(), status_style);
}

#[test]
fn list_items_hang_and_no_marker_digit_is_left_in_the_text() {
    let a = app_of(seed000(), 80, 200);
    let s = screen(&a);
    // "قائد1¹": the "1" printed beside the marker glyph is gone.
    // قائد "qa'id", leader
    let leader = visual("\u{642}\u{627}\u{626}\u{62f}");
    assert!(!s
        .iter()
        .any(|r| r.contains(&format!("1{leader}")) || r.contains(&format!("\u{b9}1{leader}"))));
    // The title is row 0; Trotsky's name is in it.
    assert!(s[0].contains(&visual(TROTSKY)));
    let doc = "# Items\n\n- one two three four five six seven eight nine ten eleven twelve\n";
    let doc = hamish::document::import::markdown::import(doc);
    let a = app_of(doc, 40, 12);
    let s = screen(&a);
    let first = s.iter().position(|r| r.contains("\u{2022} one")).unwrap();
    let x = s[first].find('\u{2022}').unwrap();
    // The wrapped row starts under "one", two cells right of the bullet.
    let next = &s[first + 1];
    assert_eq!(next.len() - next.trim_start().len(), x + 2, "{next}");
}
