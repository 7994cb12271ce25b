//! Fuzz the plain importer: any bytes, decoded as hamish decodes a file, must
//! import without a panic, and the result must survive its own JSON.
#![no_main]

use hamish::document::{export, import, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let source = hamish::source_file::SourceText::new("fuzz.txt".into(), text);
    if let Ok(doc) = import::import_source(&source, Some(Format::Plain)) {
        let json = export::to_json(&doc);
        let again = hamish::document::import::json::import(&json).expect("own JSON reads back");
        assert_eq!(again, doc);
        let _ = export::to_markdown(&doc);
    }
});
