//! The reader and a document still being imported in the background: the
//! whole document replaces the first part it was opened from, and never a
//! document opened since.

use hamish::app::keymap::Keymap;
use hamish::app::state::{LibraryEntry, Settings, Source};
use hamish::app::App;
use hamish::document::{import, Document, Format};

fn plain(text: &str) -> Document {
    let source = hamish::source_file::SourceText::new("t.txt".into(), text.to_string());
    import::import_source(&source, Some(Format::Plain)).unwrap()
}

fn reader(doc: Document) -> App {
    let library = vec![LibraryEntry {
        title: "demo".into(),
        source: Source::Bundled(2),
        progress: None,
    }];
    App::new(
        doc,
        Settings::default(),
        Keymap::defaults(),
        library,
        80,
        24,
    )
}

#[test]
fn the_whole_document_replaces_its_first_part() {
    let mut app = reader(plain("First part\nfirst paragraph"));
    let (tx, rx) = std::sync::mpsc::channel();
    app.expect_import(rx);
    assert!(!app.poll_import(), "nothing has arrived yet");
    tx.send(plain("First part\nfirst paragraph\nsecond paragraph"))
        .unwrap();
    assert!(app.poll_import());
    assert!(!app.import_pending());
    assert!(app.doc.sections[0]
        .blocks
        .iter()
        .any(|b| b.plain_text() == "second paragraph"));
}

#[test]
fn an_import_still_running_never_replaces_a_document_opened_since() {
    let mut app = reader(plain("Big file\nits first part"));
    let (tx, rx) = std::sync::mpsc::channel();
    app.expect_import(rx);
    // The user opens the demo from the library before the import is done.
    app.open_entry(0);
    let demo_title = app.doc.meta.title.clone();
    assert_ne!(demo_title, "Big file");
    assert!(!app.import_pending());
    // The big file's import ends: its result goes nowhere.
    let _ = tx.send(plain("Big file\nits first part\nand the rest"));
    assert!(!app.poll_import());
    assert_eq!(app.doc.meta.title, demo_title);
}
