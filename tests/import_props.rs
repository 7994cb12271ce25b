//! The importers never panic, whatever the text: random lines built from
//! the pieces their heuristics look at (separators, symbol-font markers,
//! "(n)", bullets, headings, page numbers, URLs, brackets, years, Arabic,
//! blank lines, controls), and random bytes decoded lossily.

use hamish::document::import::{json, lines, markdown, pdftext, plain};
use proptest::prelude::*;

mod common;
use common::doc_text;

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn importers_never_panic(text in doc_text(60)) {
        let docs = [pdftext::import(&text), plain::import(&text), markdown::import(&text), lines(&text)];
        for doc in &docs {
            // Every marker that names a note names one that exists.
            for block in doc.sections.iter().flat_map(|s| s.blocks.iter()) {
                for (note, _) in block.note_refs() {
                    if let Some(id) = note {
                        prop_assert!(doc.note(id).is_some(), "dangling note {}", id);
                    }
                }
            }
            // And the document survives its own JSON.
            let back = json::import(&hamish::document::export::to_json(doc));
            prop_assert!(back.is_ok());
        }
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = pdftext::import(&text);
        let _ = plain::import(&text);
        let _ = markdown::import(&text);
        let _ = json::import(&text);
    }
}
