//! The importers never panic, whatever the text: random lines built from
//! the pieces their heuristics look at (separators, symbol-font markers,
//! "(n)", bullets, headings, page numbers, URLs, brackets, years, Arabic,
//! blank lines, controls), and random bytes decoded lossily.

use hamish::document::import::{json, lines, markdown, pdftext, plain};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "",
    " ",
    "                                                 ",
    "__________",
    "\u{F02B}",
    "\u{F0B7} ",
    "(2)",
    "[3]",
    " Abstract: ",
    "  \u{0627}\u{0644}\u{0645}\u{0644}\u{062E}\u{0635}:",
    " :\u{062E}\u{0627}\u{062A}\u{0645}\u{0629}\u{0627}\u{0644}",
    "\u{0627}\u{0644}\u{0643}\u{0644}\u{0645}\u{0627}\u{062A} \u{0627}\u{0644}\u{0645}\u{0641}\u{062A}\u{0627}\u{062D}\u{064A}\u{0629}",
    " \u{0627}\u{0644}\u{0645}\u{0635}\u{0627}\u{062F}\u{0631}",
    ")108)",
    "JUAH Vol 20 2023 ISSN",
    "https://example.org/a-",
    "example.org/b_c",
    "1924-1870",
    " .1924-1917\u{062F}\u{0648}\u{0631} ",
    ")\u{0625}\u{0644}\u{0649} ",
    " \u{0647}\u{0630}\u{0627}(",
    "\u{0627}\u{0644}\u{062B}\u{0648}\u{0631}\u{0629} \u{0627}\u{0644}\u{0631}\u{0648}\u{0633}\u{064A}\u{0629} \u{0641}\u{064A} \u{0639}\u{0627}\u{0645} 1917\u{060C} ",
    "The Russian revolution is not a revolution against the ",
    "      Trotsky did not seek power ",
    "\u{064A}\u{062A}\u{0628}\u{0639}",
    "---",
    "# Title",
    "[^1]",
    "[^1]: note",
    "- item",
    "\u{1b}[31m",
    "\r",
    "\t",
];

fn doc_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(PIECES), 0..4),
        0..60,
    )
    .prop_map(|lines| {
        lines
            .into_iter()
            .map(|parts| parts.concat())
            .collect::<Vec<_>>()
            .join("\n")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn importers_never_panic(text in doc_text()) {
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
