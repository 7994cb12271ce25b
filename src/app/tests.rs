//! The App driven through its one way in, `handle`, with keys and replies,
//! checking its state and the effects it asks for.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::event::{Effect, Input, Opened};
use super::keymap::Keymap;
use super::view::{LibraryEntry, Source};
use super::App;
use crate::document::import::lines;
use crate::document::Document;
use crate::settings::Settings;

fn key(c: char) -> Input {
    Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn special(code: KeyCode) -> Input {
    Input::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Forty numbered paragraphs, "line 0" to "line 39".
fn numbered() -> Document {
    let text: Vec<String> = (0..40).map(|i| format!("line {i}")).collect();
    lines(&text.join("\n"))
}

fn reader(doc: Document) -> App {
    App::new(doc, Settings::default(), Keymap::defaults(), 40, 10)
}

/// A fresh state file path for one test.
fn state_file(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("hamish-app-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir.join("state.json")
}

fn is_quit(effects: &[Effect]) -> bool {
    matches!(effects.last(), Some(Effect::Quit))
}

#[test]
fn q_quits_and_saves_first_when_positions_are_kept() {
    let mut app = reader(numbered());
    assert!(is_quit(&app.handle(key('q'))));
    let mut app = reader(numbered())
        .with_state_file(Some(state_file("quit")))
        .with_identity("k1".into(), None, None, None);
    app.handle(key('j'));
    app.handle(key('j'));
    let effects = app.handle(key('q'));
    assert_eq!(effects.len(), 2, "{effects:?}");
    let Effect::Save(snapshot) = &effects[0] else {
        panic!("a save before quitting: {effects:?}")
    };
    assert_eq!(snapshot.key(), "k1");
    assert_eq!(snapshot.entry().position, app.position_to_save());
    let start = reader(numbered()).position_to_save();
    assert_ne!(snapshot.entry().position, start, "two lines down");
    assert!(is_quit(&effects));
}

#[test]
fn ctrl_c_quits_even_from_the_prompt() {
    let mut app = reader(numbered());
    app.handle(key('/'));
    assert!(app.prompt_open());
    let ctrl_c = Input::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert!(is_quit(&app.handle(ctrl_c)));
}

#[test]
fn the_prompt_takes_keys_that_are_bound_elsewhere() {
    let mut app = reader(numbered());
    app.handle(key('/'));
    // "j" scrolls in the reader; in the prompt it is part of the query.
    for c in "line 3".chars() {
        app.handle(key(c));
    }
    let search = app.search().expect("a search");
    assert_eq!(search.query, "line 3");
    // "line 3" and "line 30" to "line 39": eleven paragraphs.
    assert_eq!(search.total(), 11);
    assert_eq!(search.current(), Some(0));
    app.handle(special(KeyCode::Enter));
    assert!(!app.prompt_open());
    app.handle(key('n'));
    assert_eq!(app.search().and_then(|s| s.current()), Some(1));
    // Esc from a new prompt goes back to where it was opened.
    let before = app.flow().anchor();
    app.handle(key('/'));
    for c in "line 1".chars() {
        app.handle(key(c));
    }
    assert_eq!(app.flow().anchor().item, 0, "wrapped round to \"line 1\"");
    app.handle(special(KeyCode::Esc));
    assert_eq!(app.flow().anchor(), before);
    assert!(app.search().is_none());
}

#[test]
fn a_mark_waits_for_its_letter() {
    let mut app = reader(numbered());
    for _ in 0..5 {
        app.handle(key('j'));
    }
    let marked = app.flow().anchor();
    app.handle(key('m'));
    assert!(app.awaits_letter());
    // "j" is the mark's letter here, not a scroll.
    app.handle(key('j'));
    assert!(!app.awaits_letter());
    assert_eq!(app.flow().anchor(), marked);
    assert_eq!(app.marks().get(&'j'), Some(&marked));
    app.handle(key('g'));
    assert_ne!(app.flow().anchor(), marked);
    app.handle(key('\''));
    app.handle(key('j'));
    assert_eq!(app.flow().anchor(), marked);
    // A key that is not a letter cancels the wait.
    app.handle(key('m'));
    app.handle(special(KeyCode::Esc));
    assert!(!app.awaits_letter());
}

#[test]
fn key_releases_are_not_presses() {
    let mut app = reader(numbered());
    let mut release = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    app.handle(Input::Key(release));
    assert_eq!(app.flow().anchor().item, 0);
}

#[test]
fn a_resize_keeps_the_top_paragraph() {
    let mut app = reader(numbered());
    for _ in 0..17 {
        app.handle(key('j'));
    }
    let top = app.flow().anchor();
    app.handle(Input::Resize {
        width: 25,
        height: 6,
    });
    assert_eq!(app.flow().anchor(), top);
    assert_eq!(app.geometry().width, 25);
    assert_eq!(app.prepared().rows.len(), 5);
}

/// A reader of a big file's first part, whose whole is being imported,
/// with the demo essay in the library and positions kept in `state`.
fn big_file_reader(state: &std::path::Path) -> App {
    let library = vec![LibraryEntry {
        title: "demo".into(),
        source: Source::Bundled(2),
        progress: None,
        ..LibraryEntry::default()
    }];
    reader(lines("Big file\nits first part"))
        .with_library(library)
        .with_state_file(Some(state.to_path_buf()))
        .with_identity("big".into(), None, None, None)
        .expecting_whole()
}

#[test]
fn an_import_for_a_document_left_behind_is_ignored() {
    let state = state_file("import");
    let mut app = big_file_reader(&state);
    let big = app.ticket();
    app.handle(key('o'));
    let effects = app.handle(special(KeyCode::Enter));
    // The big file is saved under its own key, then the demo is asked for.
    let [Effect::Save(saved), Effect::Open {
        ticket,
        source,
        entry,
    }] = &effects[..]
    else {
        panic!("save, then open: {effects:?}")
    };
    assert_eq!(saved.key(), "big");
    assert_ne!(*ticket, big);
    assert_eq!((source, *entry), (&Source::Bundled(2), 0));
    // Read as the event loop would.
    let essay = &crate::bundled::ESSAYS[2];
    let opened = Opened {
        doc: crate::bundled::import(essay),
        key: crate::persist::state::key(essay.text),
        path: None,
        entry: Some(0),
        saved: None,
        notice: None,
    };
    let demo_key = opened.key.clone();
    app.handle(Input::Opened {
        ticket: *ticket,
        opened: Box::new(opened),
    });
    let demo_title = app.doc().meta.title.clone();
    assert!(!app.import_pending());
    // The big file's whole arrives: nothing changes, nothing is saved.
    let effects = app.handle(Input::Imported {
        ticket: big,
        doc: Box::new(lines("Big file\nits first part\nand the rest")),
    });
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.doc().meta.title, demo_title);
    assert_eq!(app.doc_key(), Some(demo_key.as_str()));
    // What quitting saves is the demo's, under the demo's key.
    let effects = app.handle(key('q'));
    let Some(Effect::Save(snapshot)) = effects.first() else {
        panic!("{effects:?}")
    };
    assert_eq!(snapshot.key(), demo_key);
    assert_eq!(snapshot.entry().title, demo_title);
}

#[test]
fn a_reply_to_an_older_request_is_ignored() {
    let mut app = big_file_reader(&state_file("stale"));
    app.handle(key('o'));
    let first = app.handle(special(KeyCode::Enter));
    let Some(Effect::Open { ticket: old, .. }) = first.last() else {
        panic!("{first:?}")
    };
    // Asked again before the first answer came: only the latest counts.
    let second = app.handle(special(KeyCode::Enter));
    let Some(Effect::Open { ticket: new, .. }) = second.last() else {
        panic!("{second:?}")
    };
    assert_ne!(old, new);
    let reply = |ticket| Input::Opened {
        ticket,
        opened: Box::new(Opened {
            doc: lines("the demo"),
            key: "demo".into(),
            path: None,
            entry: Some(0),
            saved: None,
            notice: None,
        }),
    };
    app.handle(reply(*old));
    assert_eq!(app.doc_key(), Some("big"));
    app.handle(reply(*new));
    assert_eq!(app.doc_key(), Some("demo"));
    assert!(!app.import_pending());
}

#[test]
fn a_failed_open_says_why_and_keeps_the_document() {
    let mut app = big_file_reader(&state_file("failed"));
    app.handle(key('o'));
    let effects = app.handle(special(KeyCode::Enter));
    let Some(Effect::Open { ticket, .. }) = effects.last() else {
        panic!("{effects:?}")
    };
    app.handle(Input::OpenFailed {
        ticket: *ticket,
        message: "gone.txt: no such file".into(),
    });
    assert_eq!(app.message(), Some("gone.txt: no such file"));
    assert_eq!(app.doc_key(), Some("big"));
    assert!(app.import_pending(), "its whole may still come");
}

#[test]
fn d_forgets_a_recent_entry_but_not_a_bundled_one() {
    use super::view::Group;
    let library = vec![
        LibraryEntry {
            title: "read before".into(),
            source: Source::File("/gone/essay.txt".into()),
            group: Group::Recent,
            key: Some("k1".into()),
            missing: true,
            ..LibraryEntry::default()
        },
        LibraryEntry {
            title: "demo".into(),
            source: Source::Bundled(2),
            group: Group::Bundled,
            key: Some("k2".into()),
            ..LibraryEntry::default()
        },
    ];
    let mut app = reader(numbered()).with_library(library);
    app.handle(key('o'));
    // The demo (second entry) stays: bundled essays come back anyway.
    app.handle(key('j'));
    let effects = app.handle(key('d'));
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!(app.library.len(), 2);
    app.handle(key('k'));
    let effects = app.handle(key('d'));
    let [Effect::Forget { key }] = &effects[..] else {
        panic!("forget: {effects:?}")
    };
    assert_eq!(key, "k1");
    assert_eq!(app.library.len(), 1);
    assert_eq!(app.library[0].title, "demo");
}

#[test]
fn colon_and_a_number_go_to_a_printed_page() {
    // Forty paragraphs, four to a page: paragraph i is on page i / 4 + 1.
    let mut doc = numbered();
    for (i, block) in doc.sections[0].blocks.iter_mut().enumerate() {
        block.page = Some(i as u32 / 4 + 1);
    }
    let mut app = reader(doc);
    for c in [':', '7'] {
        app.handle(key(c));
    }
    assert_eq!(app.message.as_deref(), Some("go to page: 7"));
    app.handle(special(KeyCode::Enter));
    let top = app.flow.text(app.flow.anchor().item).to_string();
    assert_eq!(top, "line 24", "page 7 starts with paragraph 24");
    // Backspace goes back to the last place.
    app.handle(special(KeyCode::Backspace));
    assert_eq!(app.flow.anchor().item, 0);
    // A page past the end says so; a document without pages too.
    for c in [':', '9', '9'] {
        app.handle(key(c));
    }
    app.handle(special(KeyCode::Enter));
    assert_eq!(app.message.as_deref(), Some("no page 99 in this document"));
    let mut plain = reader(numbered());
    plain.handle(key(':'));
    assert_eq!(
        plain.message.as_deref(),
        Some("this document has no page numbers")
    );
    // Esc gives up without moving.
    let here = app.flow.anchor();
    app.handle(key(':'));
    app.handle(key('5'));
    app.handle(special(KeyCode::Esc));
    assert_eq!(app.flow.anchor(), here);
    assert_eq!(app.message, None);
}

#[test]
fn a_search_through_a_big_document_goes_on_in_slices_between_keys() {
    // 600 paragraphs of 5 KB (3 MB); "needle" in paragraph 450 only.
    let filler = "word ".repeat(1000);
    let text: Vec<String> = (0..600)
        .map(|i| match i {
            450 => format!("{filler}needle"),
            _ => filler.clone(),
        })
        .collect();
    let mut app = reader(lines(&text.join("\n\n")));
    app.handle(key('/'));
    for c in "needle".chars() {
        app.handle(key(c));
    }
    assert!(app.busy(), "one slice does not read three megabytes");
    assert_eq!(app.search().and_then(|s| s.current()), None);
    let mut slices = 0;
    while app.busy() {
        app.handle(Input::Idle);
        slices += 1;
        assert!(slices < 100, "the search ends");
    }
    let search = app.search().expect("a search");
    assert_eq!((search.total(), search.current()), (1, Some(0)));
    let shown = |app: &App| app.flow().text(app.flow().anchor().item).to_string();
    assert!(
        shown(&app).ends_with("needle"),
        "the view went to the match"
    );
    // Enter keeps it; n finds the same one again (the only match).
    app.handle(special(KeyCode::Enter));
    app.handle(key('n'));
    assert!(shown(&app).ends_with("needle"));
}

#[test]
fn a_save_finishing_late_never_overwrites_a_newer_one() {
    // Saves are written on threads and may finish out of order.
    let path = state_file("order");
    let mut app = reader(numbered())
        .with_state_file(Some(path.clone()))
        .with_identity("k1".into(), None, None, None);
    let older = app.save_snapshot().expect("positions are kept");
    app.handle(key('j'));
    app.handle(key('j'));
    let newer = app.save_snapshot().expect("positions are kept");
    assert_ne!(older.entry().position, newer.entry().position);
    let expected = newer.entry().position.clone();
    newer.write().unwrap();
    older.write().unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    let json: serde_json::Value = serde_json::from_str(&saved).unwrap();
    let block = &json["documents"]["k1"]["position"]["block"];
    assert_eq!(block.as_str(), Some(expected.block.as_str()), "{saved}");
}
