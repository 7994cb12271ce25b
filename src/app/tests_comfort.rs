//! The reading-comfort behaviour of issue 13, driven through `App::handle`
//! as a user's keys would: where the reader is, counts and jumps, the
//! search prompt as a line editor, messages that go with what they named,
//! the notes as a section, unique markers and the side-by-side view.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::event::{Effect, Input};
use super::flow::ItemKind;
use super::keymap::Keymap;
use super::view::View;
use super::App;
use crate::document::import::{import_path, lines};
use crate::document::Document;
use crate::settings::Settings;

fn key(c: char) -> Input {
    Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn ctrl(c: char) -> Input {
    Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn special(code: KeyCode) -> Input {
    Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle(key(c));
    }
}

/// Forty numbered paragraphs, "line 0" to "line 39".
fn numbered() -> Document {
    let text: Vec<String> = (0..40).map(|i| format!("line {i}")).collect();
    lines(&text.join("\n"))
}

fn reader(doc: Document) -> App {
    App::new(doc, Settings::default(), Keymap::defaults(), 40, 10)
}

fn seed000(width: u16, height: u16) -> App {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/000_888738dd473cd04e.txt"
    );
    let doc = import_path(std::path::Path::new(path), None).unwrap();
    App::new(doc, Settings::default(), Keymap::defaults(), width, height)
}

#[test]
fn the_percentage_only_grows_and_is_100_at_the_end() {
    let mut app = seed000(80, 24);
    let mut last = app.place().percent;
    assert_eq!(last, 0);
    let mut steps = 0;
    while !app.place().at_end {
        app.handle(key('j'));
        let now = app.place().percent;
        assert!(now >= last, "{last}% then {now}% at {:?}", app.flow().pos);
        last = now;
        steps += 1;
        assert!(steps < 5000, "never reached the end");
    }
    assert_eq!(app.place().percent, 100);
    // And G says the same.
    app.handle(key('g'));
    app.handle(key('G'));
    assert!(app.place().at_end);
    assert_eq!(app.place().percent, 100);
}

#[test]
fn progress_in_the_section_runs_from_0_to_100() {
    let mut app = seed000(80, 24);
    app.handle(key(']'));
    app.handle(key(']'));
    assert_eq!(app.place().section, Some(0), "at a section's heading");
    keys(&mut app, "6j");
    let inside = app.place().section.unwrap();
    assert!(inside > 0 && inside < 100, "{inside}");
}

#[test]
fn a_resize_with_the_blank_row_on_top_keeps_what_is_below_it() {
    // The reader of issue 13: g, ] five times, k, then a resize.
    let mut app = seed000(80, 24);
    app.handle(key('g'));
    for _ in 0..5 {
        app.handle(key(']'));
    }
    app.handle(key('k'));
    let below = app.flow().pos.item + 1;
    assert!(
        matches!(app.prepared().rows.first(), Some(super::flow::FlowRow::Gap)),
        "the blank row is on top"
    );
    app.handle(Input::Resize {
        width: 60,
        height: 20,
    });
    let shown: Vec<usize> = app
        .prepared()
        .rows
        .iter()
        .filter_map(|r| match r {
            super::flow::FlowRow::Text { item, row: 0 } => Some(*item),
            _ => None,
        })
        .collect();
    assert!(shown.contains(&below), "{below} not in {shown:?}");
    app.handle(Input::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!(app.flow().anchor().item, below, "and back again");
}

#[test]
fn counts_repeat_moves() {
    let mut one = reader(numbered());
    for _ in 0..5 {
        one.handle(key('j'));
    }
    let mut five = reader(numbered());
    keys(&mut five, "5j");
    assert_eq!(five.flow().pos, one.flow().pos);
    // A count is forgotten after its command: j is one row again.
    five.handle(key('j'));
    one.handle(key('j'));
    assert_eq!(five.flow().pos, one.flow().pos);
    // 3] goes three sections on (seed 000), as ] three times does.
    let mut a = seed000(80, 24);
    let mut b = seed000(80, 24);
    keys(&mut a, "3]");
    keys(&mut b, "]]]");
    assert_eq!(a.flow().current_section(), b.flow().current_section());
    assert_eq!(a.flow().current_section(), Some(2));
    // 2f selects the second marker.
    let mut a = seed000(80, 24);
    keys(&mut a, "2f");
    assert_eq!(a.selected_marker(), Some(1));
}

#[test]
fn a_percentage_then_percent_or_p_jumps_there() {
    for command in ["50%", "50p"] {
        let mut app = reader(numbered());
        keys(&mut app, command);
        let at = app.flow().anchor();
        // Half of the forty equal paragraphs is "line 20" (item 20).
        assert!((19..=21).contains(&at.item), "{command}: {at:?}");
        // A jump: Ctrl-o goes back to the start, Ctrl-t forward again.
        app.handle(ctrl('o'));
        assert_eq!(app.flow().anchor().item, 0);
        app.handle(ctrl('t'));
        assert_eq!(app.flow().anchor(), at);
    }
    let mut app = reader(numbered());
    keys(&mut app, "100%");
    assert!(app.place().at_end);
    // The status line then says that percentage, not one short; a jump
    // to the same place again is not a second place to go back to.
    let mut app = seed000(80, 24);
    for n in [10, 25, 50, 75, 90] {
        keys(&mut app, &format!("{n}%"));
        assert_eq!(app.place().percent, n, "{n}%");
    }
    let mut app = seed000(80, 24);
    keys(&mut app, "50%50p");
    app.handle(ctrl('o'));
    assert_eq!(app.flow().anchor().item, 0, "one Ctrl-o back to the start");
}

#[test]
fn n_says_when_the_search_wraps() {
    let mut app = reader(numbered());
    keys(&mut app, "/line 1");
    app.handle(special(KeyCode::Enter));
    // "line 1" and "line 10".."line 19": 11 matches; the first is current.
    assert_eq!(app.search().unwrap().total(), 11);
    for _ in 0..10 {
        app.handle(key('n'));
        assert_eq!(app.message(), None);
    }
    app.handle(key('n'));
    assert_eq!(app.message(), Some("search wrapped to the top"));
    app.handle(key('N'));
    assert_eq!(app.message(), Some("search wrapped to the bottom"));
    app.handle(key('j'));
    assert_eq!(app.message(), None, "the message goes with the next key");
    // Eleven matches on: round to the same one, and it says it wrapped.
    let at = app.search().unwrap().current();
    keys(&mut app, "11n");
    assert_eq!(app.search().unwrap().current(), at);
    assert_eq!(app.message(), Some("search wrapped to the top"));
}

#[test]
fn the_prompt_edits_where_its_cursor_is_and_recalls_past_searches() {
    let mut app = reader(numbered());
    keys(&mut app, "/lin 3");
    for _ in 0..2 {
        app.handle(special(KeyCode::Left));
    }
    app.handle(key('e'));
    assert_eq!(app.search().unwrap().query, "line 3");
    assert_eq!(app.search().unwrap().total(), 11, "searched again");
    app.handle(ctrl('a'));
    app.handle(special(KeyCode::Delete));
    app.handle(ctrl('e'));
    app.handle(special(KeyCode::Backspace));
    assert_eq!(app.search().unwrap().query, "ine ");
    app.handle(ctrl('u'));
    keys(&mut app, "line 39");
    app.handle(special(KeyCode::Enter));
    keys(&mut app, "/line 2");
    app.handle(special(KeyCode::Enter));
    assert_eq!(app.search_history(), ["line 39", "line 2"]);
    app.handle(key('/'));
    app.handle(special(KeyCode::Up));
    assert_eq!(app.search().unwrap().query, "line 2");
    app.handle(special(KeyCode::Up));
    assert_eq!(app.search().unwrap().query, "line 39");
    assert_eq!(app.search().unwrap().total(), 1);
    // Tab switches exact matching (Ctrl-e now moves to the end).
    let mode = app.search().unwrap().mode;
    app.handle(special(KeyCode::Tab));
    assert_ne!(app.search().unwrap().mode, mode);
    assert!(app.prompt_open());
}

#[test]
fn the_search_history_is_kept_in_the_state_file() {
    let dir = std::env::temp_dir().join(format!("hamish-history-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let path = dir.join("state.json");
    let mut app = reader(numbered())
        .with_state_file(Some(path.clone()))
        .with_identity("k".into(), None, None, None)
        .with_search_history(vec!["older".into()]);
    keys(&mut app, "/line 7");
    app.handle(special(KeyCode::Enter));
    for effect in app.handle(key('q')) {
        if let Effect::Save(snapshot) = effect {
            snapshot.write().unwrap();
        }
    }
    let (state, problem) = crate::persist::state::load(&path);
    assert_eq!(problem, None);
    assert_eq!(state.search_history, ["older", "line 7"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_search_that_finds_nothing_ends_saying_so_once() {
    let mut app = reader(numbered());
    keys(&mut app, "/nowhere");
    app.handle(special(KeyCode::Enter));
    assert!(app.search().is_none());
    assert!(app.message().unwrap().contains("no match"));
    app.handle(key('j'));
    assert_eq!(app.message(), None);
}

#[test]
fn the_selected_note_is_forgotten_once_it_leaves_the_screen() {
    let mut app = seed000(80, 24);
    app.handle(key('f'));
    assert_eq!(app.selected_marker(), Some(0));
    app.handle(special(KeyCode::Esc));
    // Esc closed the popup; the marker is still on screen, still selected.
    assert_eq!(app.selected_marker(), Some(0));
    for _ in 0..3 {
        app.handle(key(' '));
    }
    assert_eq!(app.selected_marker(), None, "note 1 of 7 is gone");
}

#[test]
fn the_notes_are_a_section_of_their_own() {
    let mut app = seed000(80, 24);
    app.handle(key('G'));
    // الهوامش, "the notes"
    let notes = "\u{627}\u{644}\u{647}\u{648}\u{627}\u{645}\u{634}";
    assert_eq!(app.section_title(), notes);
    let toc = app.toc_entries();
    assert_eq!(toc.last().map(|(_, t)| t.as_str()), Some(notes));
    // The contents go there.
    app.handle(key('g'));
    app.handle(key('t'));
    app.handle(key('G'));
    app.handle(special(KeyCode::Enter));
    let item = &app.flow().items[app.flow().pos.item];
    assert_eq!(item.kind, ItemKind::NotesHeading);
}

#[test]
fn every_marker_on_screen_names_one_note() {
    // Seed 000 prints notes "2" and "(2)": both would show as ².
    let app = seed000(80, 24);
    let flow = app.flow();
    let mut shown = std::collections::HashMap::new();
    for m in &flow.markers {
        let text = &flow.text(m.item)[m.range.clone()];
        if let Some(note) = m.note {
            let other = shown.insert(text.to_string(), note);
            assert!(other.is_none_or(|n| n == note), "{text} names two notes");
        }
    }
    assert_eq!(shown.len(), app.doc().notes.len());
    // The popup title keeps the printed label.
    let mut app = app;
    let last = app
        .flow()
        .markers
        .iter()
        .rposition(|m| m.note == Some(6))
        .unwrap();
    app.open_popup(last);
    app.prepare();
    let title = &app.prepared().popup.as_ref().unwrap().title;
    assert!(title.contains("printed (2)"), "{title}");
}

#[test]
fn a_match_in_a_note_is_marked_in_its_popup() {
    let mut app = seed000(80, 24);
    // فيساريونوفتش "visaryunuvitsh", Stalin's patronymic: only in note 2.
    let word =
        "\u{641}\u{64a}\u{633}\u{627}\u{631}\u{64a}\u{648}\u{646}\u{648}\u{641}\u{62a}\u{634}";
    app.handle(key('/'));
    keys(&mut app, word);
    let popup = app.prepared().popup.as_ref().expect("the note opens");
    let (range, current) = popup.hits.first().cloned().expect("the match is marked");
    assert!(current);
    assert_eq!(&popup.text[range], word);
}

#[test]
fn side_by_side_says_which_keys_are_the_reading_views() {
    let mut app = seed000(80, 24);
    app.handle(key('s'));
    for c in ['f', 't'] {
        app.handle(key(c));
        let said = app.message().unwrap_or_default().to_string();
        assert!(
            said.starts_with(&format!("{c}:")) && said.contains("reading view"),
            "{said}"
        );
        assert!(matches!(app.view(), View::Parallel(_)));
    }
}

#[test]
fn the_whole_text_pane_has_the_headings_and_keywords() {
    let mut app = seed000(100, 30);
    app.handle(key('s'));
    app.handle(key('a'));
    let (text, _) = app.prepared().parallel.as_ref().unwrap();
    let sections = &app.doc().sections;
    for s in sections.iter().filter(|s| s.lang.as_deref() != Some("en")) {
        let title = s.title.as_ref().unwrap();
        let at = text.right.iter().position(|p| p == title).unwrap();
        assert!(text.right_headings[at], "{title} is a heading");
    }
    let keywords = sections
        .iter()
        .find(|s| s.kind == crate::document::SectionKind::Keywords)
        .unwrap();
    assert!(text.right.contains(&keywords.blocks[0].flat().text));
}

#[test]
fn the_column_keeps_a_margin_when_the_screen_is_about_as_wide() {
    let app = seed000(80, 24);
    let g = app.geometry();
    assert_eq!((g.column_x, g.column_width), (2, 76));
    let app = seed000(120, 24);
    assert_eq!(app.geometry().column_width, 80, "wide: the column as set");
}

#[test]
fn a_resize_in_the_side_by_side_view_keeps_each_panes_paragraph() {
    let mut app = seed000(80, 24);
    app.handle(key('s'));
    app.handle(key('a'));
    keys(&mut app, "3 ");
    let top_para = |app: &App, pane: usize| {
        let View::Parallel(p) = app.view() else {
            panic!("side by side")
        };
        let (_, layout) = app.prepared().parallel.as_ref().unwrap();
        layout.rows[pane][p.offsets[pane]..]
            .iter()
            .find_map(|r| match r {
                super::parallel::PaneRow::Text { para, .. } => Some(*para),
                super::parallel::PaneRow::Blank => None,
            })
    };
    let before = top_para(&app, 1);
    assert!(before.is_some_and(|p| p > 0), "scrolled into the text");
    app.handle(Input::Resize {
        width: 200,
        height: 60,
    });
    assert_eq!(top_para(&app, 1), before);
    // At the end, a wider screen (fewer rows) still shows text.
    app.handle(Input::Resize {
        width: 80,
        height: 24,
    });
    app.handle(key('G'));
    app.handle(Input::Resize {
        width: 200,
        height: 60,
    });
    assert!(top_para(&app, 1).is_some(), "the right pane is not blank");
}
