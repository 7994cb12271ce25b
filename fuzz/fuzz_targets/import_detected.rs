//! Fuzz format detection and whichever importer it picks.
#![no_main]

use hamish::document::import;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    for name in ["fuzz.txt", "fuzz.md", "fuzz.json"] {
        let source = hamish::source_file::SourceText::new(name.into(), text.clone());
        let _ = import::import_source(&source, None);
    }
});
