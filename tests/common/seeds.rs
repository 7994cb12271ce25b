//! The essays the tests read (the repository's seeds), imported the way
//! the reader imports them, and the visual order of unshaped Arabic.

use hamish::document::import::import_path;
use hamish::document::Document;

/// Seed 000: text extracted from a two-language journal article (PDF).
pub const SEED_000: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/000_888738dd473cd04e.txt"
);

/// Seed 003: a plain Arabic essay, to be continued.
pub const SEED_003: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/003_5eac0dfd78b8d8c0.txt"
);

/// Seed 000, imported with its format detected.
pub fn seed000() -> Document {
    import_path(std::path::Path::new(SEED_000), None).expect("seed 000 imports")
}

/// Seed 003, imported with its format detected.
pub fn seed003() -> Document {
    import_path(std::path::Path::new(SEED_003), None).expect("seed 003 imports")
}

/// An Arabic word as a screen shows it with shaping off: its letters
/// reversed (visual order, left to right).
pub fn visual(logical: &str) -> String {
    logical.chars().rev().collect()
}
