//! The reader and a document still being imported in the background: the
//! whole document replaces the first part it was opened from, and never a
//! document opened since.

use hamish::app::keymap::Keymap;
use hamish::app::{Action, App, Effect, Input, LibraryEntry, Source};
use hamish::document::{import, Document, Format};
use hamish::settings::Settings;

fn plain(text: &str) -> Document {
    let source = hamish::source_file::SourceText::new("t.txt".into(), text.to_string());
    import::import_source(&source, Some(Format::Plain)).unwrap()
}

fn reader(doc: Document) -> App {
    let library = vec![LibraryEntry {
        title: "demo".into(),
        source: Source::Bundled(2),
        progress: None,
        ..LibraryEntry::default()
    }];
    App::new(doc, Settings::default(), Keymap::defaults(), 80, 24)
        .with_library(library)
        .expecting_whole()
}

/// Open library entry `entry` as a user would (`o`, down to it, Enter),
/// and read it as the event loop would.
fn open_entry(app: &mut App, entry: usize) {
    app.handle(Input::Command(Action::Library));
    app.handle(Input::Command(Action::Top));
    for _ in 0..entry {
        app.handle(Input::Command(Action::LineDown));
    }
    for effect in app.handle(Input::Command(Action::Activate)) {
        if let Effect::Open {
            ticket,
            source,
            entry,
        } = effect
        {
            let opened = hamish::open::open_source(&source, entry, None).unwrap();
            app.handle(Input::Opened {
                ticket,
                opened: Box::new(opened),
            });
        }
    }
}

/// The whole of the first document arriving from the background.
fn deliver(app: &mut App, ticket: hamish::app::Ticket, doc: Document) {
    app.handle(Input::Imported {
        ticket,
        doc: Box::new(doc),
    });
}

#[test]
fn the_whole_document_replaces_its_first_part() {
    let mut app = reader(plain("First part\nfirst paragraph"));
    assert!(app.import_pending(), "nothing has arrived yet");
    let ticket = app.ticket();
    deliver(
        &mut app,
        ticket,
        plain("First part\nfirst paragraph\nsecond paragraph"),
    );
    assert!(!app.import_pending());
    assert!(app.doc().sections[0]
        .blocks
        .iter()
        .any(|b| b.plain_text() == "second paragraph"));
}

#[test]
fn an_import_still_running_never_replaces_a_document_opened_since() {
    let mut app = reader(plain("Big file\nits first part"));
    let big = app.ticket();
    // The user opens the demo from the library before the import is done.
    open_entry(&mut app, 0);
    let demo_title = app.doc().meta.title.clone();
    assert_ne!(demo_title, "Big file");
    assert!(!app.import_pending());
    // The big file's import ends: its result goes nowhere.
    deliver(
        &mut app,
        big,
        plain("Big file\nits first part\nand the rest"),
    );
    assert_eq!(app.doc().meta.title, demo_title);
}
