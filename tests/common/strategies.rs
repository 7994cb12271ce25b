//! Random documents for the property tests, built from the pieces the
//! importers' heuristics look at.

use proptest::prelude::*;

/// Separators, symbol-font markers, "(n)", bullets, headings, page
/// furniture, URLs, brackets, year ranges, Arabic and English lines,
/// continuation notes, Markdown syntax, controls.
pub const PIECES: &[&str] = &[
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

/// A document of up to `max_lines` lines, each a few pieces joined.
pub fn doc_text(max_lines: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(PIECES), 0..4),
        0..max_lines,
    )
    .prop_map(|lines| {
        lines
            .into_iter()
            .map(|parts| parts.concat())
            .collect::<Vec<_>>()
            .join("\n")
    })
}
