//! Screen tests on ratatui's TestBackend: each view of the reader drawn at a
//! fixed size, checked by what the screen shows, and for a small essay the
//! whole screen, every row derived from the document. Arabic is checked in
//! visual order with shaping off (a reversed string, read out in comments).

use hamish::app::keymap::Keymap;
use hamish::app::{Action, App, Effect, Input, LibraryEntry, Source, View};
use hamish::settings::{Settings, ShapeMode, Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

mod common;
use common::words::{
    CONCLUSION, INTRODUCTION, LENIN, NOTES, RUSSIAN, SOURCES, THE_REVOLUTION, TROTSKY,
};
use common::{seed000, seed003, visual};

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

#[test]
fn reader_shows_title_abstract_and_status() {
    let a = app(100, 30);
    let s = screen(&a);
    assert!(shows(&s, "The Russian revolution is not a revolution"));
    assert!(shows(&s, &visual(TROTSKY)), "the title, in visual order");
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
    assert!(shows(&s, &visual(INTRODUCTION)), "introduction");
    assert!(shows(&s, &visual(CONCLUSION)), "conclusion");
    assert!(shows(&s, &visual(SOURCES)), "references");
    // The notes are the last entry, under their heading الهوامش ("the
    // notes"), the document being Arabic.
    assert!(shows(&s, &visual(NOTES)), "the notes");
    // Enter jumps to the selected section; Esc would have closed the list.
    update(&mut a, Action::Bottom);
    update(&mut a, Action::LineUp);
    update(&mut a, Action::Activate);
    let s = screen(&a);
    assert!(!shows(&s, "contents"));
    assert!(shows(&s, &visual(SOURCES)), "now at the references");
}

#[test]
fn f_opens_the_first_note_below_its_marker() {
    let mut a = app(100, 30);
    update(&mut a, Action::NextFootnote);
    let s = screen(&a);
    assert!(shows(&s, "1 of 7"), "popup title");
    assert!(shows(&s, &visual(LENIN)), "the note is about Lenin");
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
    assert!(
        row.contains(&visual(THE_REVOLUTION)),
        "Arabic beside it: {row}"
    );
    assert!(shows(&s, "Abstract"));
    // Below 60 columns the panes stack.
    a.handle(Input::Resize {
        width: 50,
        height: 30,
    });
    let s = screen(&a);
    let en = s.iter().position(|l| l.contains("The Russian")).unwrap();
    let ar = s.iter().position(|l| l.contains(&visual(RUSSIAN))).unwrap();
    assert!(ar > en);
    update(&mut a, Action::Quit);
    assert_eq!(a.view(), View::Reader);
}

#[test]
fn a_document_without_an_english_abstract_says_so() {
    let doc = seed003();
    let mut a = App::new(doc, Settings::default(), Keymap::defaults(), 100, 30);
    update(&mut a, Action::SideBySide);
    assert!(shows(&screen(&a), "no English abstract"));
}

#[test]
fn help_is_made_from_the_key_table() {
    let mut a = app(100, 40);
    update(&mut a, Action::Help);
    let s = screen(&a);
    // Every description starts in one column, two blanks after the longest
    // list of keys (no row spills out of its column).
    let names = |keys: &[hamish::app::keymap::Key]| {
        keys.iter().map(|k| k.name()).collect::<Vec<_>>().join(", ")
    };
    let column = a
        .keymap()
        .entries()
        .iter()
        .map(|(_, keys)| names(keys).chars().count())
        .max()
        .unwrap();
    // 100 x 40: the help's 84-cell box leaves 80 cells of text, enough
    // for each entry on one row; it scrolls, so look at each page of it.
    let mut s = s;
    for _ in 0..3 {
        update(&mut a, Action::PageDown);
        s.extend(screen(&a));
    }
    update(&mut a, Action::Top);
    for (action, keys) in a.keymap().entries() {
        let line = format!("{:<column$}  {}", names(keys), action.describe());
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
    let word: String = a.flow().text(anchor.item)[anchor.byte..]
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
    let row_text = laid.row_strings(&a.flow().text(anchor.item))[row].clone();
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
    for c in LENIN.chars() {
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
    assert_eq!(highlighted, visual(LENIN));
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

/// Compare the whole screen, row by row, with what it should show (each
/// row without its trailing blanks: every other cell is checked).
fn assert_screen(app: &App, expected: &[String]) {
    let shown: Vec<String> = screen(app)
        .iter()
        .map(|row| row.trim_end().to_string())
        .collect();
    let rows = |lines: &[String]| {
        lines
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{i:>2}|{l}|"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        shown == expected,
        "the screen\n{}\nshould be\n{}",
        rows(&shown),
        rows(expected)
    );
}

/// قال "qala", said.
const SAID: &str = "\u{642}\u{627}\u{644}";
/// إن "inna", that.
const THAT: &str = "\u{625}\u{646}";
/// بدأت "bada'at", (she) began.
const BEGAN: &str = "\u{628}\u{62f}\u{623}\u{62a}";
/// في "fi", in.
const IN: &str = "\u{641}\u{64a}";
/// عام "am", year.
const YEAR: &str = "\u{639}\u{627}\u{645}";

/// A small Markdown essay: its H1 is the title, one Arabic section, an
/// Arabic sentence with a footnote marker after a year, and the note:
///
/// ```text
/// # Trotsky in 1917
/// ## المقدمة                                   (the introduction)
/// قال لينين إن الثورة بدأت في عام 1917.[^1]    (Lenin said that the revolution began in the year 1917.)
/// [^1]: Lenin (1870-1924).
/// ```
fn small_essay(width: u16, height: u16) -> App {
    let text = format!(
        "# Trotsky in 1917\n\n## {INTRODUCTION}\n\n\
         {SAID} {LENIN} {THAT} {THE_REVOLUTION} {BEGAN} {IN} {YEAR} 1917.[^1]\n\n\
         [^1]: Lenin (1870-1924).\n"
    );
    let doc = hamish::document::import::markdown::import(&text);
    let settings = Settings {
        shape: ShapeMode::Off,
        ..Settings::default()
    };
    App::new(doc, settings, Keymap::defaults(), width, height)
}

/// Every row of the small essay at 30 x 12, before any overlay: the text
/// column is the whole width (narrower than 80), items are separated by a
/// blank row, and the status line is the last.
fn small_essay_rows() -> Vec<String> {
    // The sentence is 38 cells (with the superscript marker ¹); at 30 it
    // breaks after في (in): "قال لينين إن الثورة بدأت في" is 27 cells.
    let first = format!("{SAID} {LENIN} {THAT} {THE_REVOLUTION} {BEGAN} {IN}");
    vec![
        // The title, left to right.
        "Trotsky in 1917".to_string(),
        String::new(),
        // The heading, right to left: reversed and right-aligned.
        format!("{:>30}", visual(INTRODUCTION)),
        String::new(),
        // All of row 1 is right to left: the whole row reversed.
        format!("{:>30}", visual(&first)),
        // Row 2, "عام 1917.¹": the number, its full stop and the marker
        // (European digits, a common separator between two numbers, so
        // all three are a number, rule W4) keep their order, left of the
        // reversed word.
        format!("{:>30}", format!("1917.\u{b9} {}", visual(YEAR))),
        String::new(),
        // No document language is given, so the notes heading is English.
        "Notes".to_string(),
        String::new(),
        // The note: its marker, then its text, left to right.
        "\u{b9} Lenin (1870-1924).".to_string(),
        String::new(),
        // Status: " " + title, and at the right where the reader is: the
        // whole essay is on screen, so the end is too: "100% END" (as less
        // says END), ending one blank before the edge. "│ ? help" would
        // not fit beside the whole title, so the hint gives way first.
        format!(" Trotsky in 1917{}100% END", " ".repeat(5)),
    ]
}

#[test]
fn the_whole_reader_screen_of_a_small_essay() {
    let a = small_essay(30, 12);
    assert_screen(&a, &small_essay_rows());
}

#[test]
fn the_whole_screen_with_the_table_of_contents_open() {
    let mut a = small_essay(30, 12);
    update(&mut a, Action::Toc);
    let mut rows = small_essay_rows();
    // Two entries, the section and the notes under their heading: a box 4
    // rows high (entries + borders), as wide as the screen (at most 64),
    // centered in the 11 rows above the status line: rows 3 to 6. The title sits on the top border two cells in, left to
    // right: " contents — جدول المحتويات" ("table of contents"), whose
    // Arabic words read right to left as one run; its trailing blank falls
    // at the row's end.
    // جدول "jadwal", table; المحتويات "al-muhtawayat", the contents
    let table_of_contents =
        "\u{62c}\u{62f}\u{648}\u{644} \u{627}\u{644}\u{645}\u{62d}\u{62a}\u{648}\u{64a}\u{627}\u{62a}";
    rows[3] = format!(
        "\u{250c}\u{2500} contents \u{2014} {}\u{2500}\u{2510}",
        visual(table_of_contents)
    );
    // The selected entry, المقدمة: right to left, right-aligned in the 26
    // cells left inside the borders and one blank each side.
    rows[4] = format!("\u{2502} {:>26} \u{2502}", visual(INTRODUCTION));
    // The notes, by the heading they have in the text ("Notes": no
    // document language), left to right.
    rows[5] = format!("\u{2502} {:<26} \u{2502}", "Notes");
    rows[6] = format!("\u{2514}{}\u{2518}", "\u{2500}".repeat(28));
    assert_screen(&a, &rows);
}

#[test]
fn the_whole_screen_with_a_footnote_open() {
    let mut a = small_essay(30, 12);
    update(&mut a, Action::NextFootnote);
    let mut rows = small_essay_rows();
    // The marker is on row 5 (already on screen: nothing scrolls). The
    // popup is 28 wide (the screen less 2), centered (from column 1); its
    // note takes one row of the 24 inside borders and margins, so it is 3
    // rows high, and goes below the marker's row: rows 6 to 8, drawn over
    // the reader (whose first column still shows on row 7). The title
    // " 1 — 1 of 1 " goes through the layout, which drops the blank that
    // ends a row: the border follows "of 1" directly.
    rows[6] = format!(
        " \u{250c}\u{2500} 1 \u{2014} 1 of 1{}\u{2510}",
        "\u{2500}".repeat(14)
    );
    rows[7] = format!("N\u{2502} {:<24} \u{2502}", "Lenin (1870-1924).");
    rows[8] = format!(" \u{2514}{}\u{2518}", "\u{2500}".repeat(26));
    // The status line names the selected marker; the title keeps its 15
    // cells (half the row at most), so where the reader is and the hint
    // give way, whole, rather than the title being cut inside a word.
    rows[11] = " Trotsky in 1917  note 1 of 1".to_string();
    assert_screen(&a, &rows);
}

#[test]
fn a_count_found_before_the_whole_is_imported_says_so() {
    // The first part is shown while the rest is imported: a search's
    // count there is not the document's.
    let mut a = app(100, 20).expecting_whole();
    let key = |c: char| {
        Input::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char(c),
            crossterm::event::KeyModifiers::NONE,
        ))
    };
    a.handle(key('/'));
    for c in "Lenin".chars() {
        a.handle(key(c));
    }
    let status = screen(&a).last().cloned().unwrap_or_default();
    assert!(status.contains("+ (importing)"), "{status}");
    a.handle(Input::Imported {
        ticket: a.ticket(),
        doc: Box::new(seed000()),
    });
    let status = screen(&a).last().cloned().unwrap_or_default();
    assert!(
        !status.contains("importing") && status.contains("match 1 of"),
        "{status}"
    );
}

#[test]
fn a_cut_arabic_section_name_ends_in_an_ellipsis_on_its_left() {
    // At 80 columns seed 000's long Arabic section titles do not fit
    // beside the title: the cut name is read right to left, so its "…"
    // (where it stops) is at its left, just after the "│ " separator.
    let mut a = app(80, 24);
    let mut cut_seen = false;
    for _ in 0..8 {
        update(&mut a, Action::NextSection);
        let status = screen(&a).last().cloned().unwrap_or_default();
        let Some(at) = status.find("\u{2502} ") else {
            continue;
        };
        let section = &status[at + "\u{2502} ".len()..];
        if section.contains('\u{2026}') && section.chars().any(|c| c > '\u{0600}') {
            cut_seen = true;
            assert!(section.starts_with('\u{2026}'), "{status}");
        }
    }
    assert!(cut_seen, "a cut Arabic section name was shown");
}
