//! `--print`: the laid-out document as text on stdout, for pipes, checks
//! against the reference oracle, and terminals where a full-screen reader is
//! not wanted.

use std::io::{self, Write};

use crate::cli::BidiMode;
use crate::layout::{layout_paragraph, LayoutOptions};

/// Sequences from the terminal-wg BiDi recommendation: turn the terminal's
/// own reordering off (explicit mode, BDSM reset) and on again.
pub const BIDI_EXPLICIT: &str = "\x1b[8l";
pub const BIDI_IMPLICIT: &str = "\x1b[8h";

/// Print options.
#[derive(Clone, Copy, Debug)]
pub struct PrintOptions {
    pub layout: LayoutOptions,
    pub bidi: BidiMode,
    /// No escape sequences at all.
    pub plain: bool,
    /// The output is a terminal (only then are BiDi mode sequences useful).
    pub to_terminal: bool,
}

/// Write each paragraph's rows; an empty paragraph is an empty row.
pub fn print_paragraphs<'a, W: Write>(
    out: &mut W,
    paragraphs: impl IntoIterator<Item = &'a str>,
    options: &PrintOptions,
) -> io::Result<()> {
    let guard = options.to_terminal && !options.plain && options.bidi == BidiMode::App;
    if guard {
        out.write_all(BIDI_EXPLICIT.as_bytes())?;
    }
    let mut line = String::new();
    for paragraph in paragraphs {
        let laid = layout_paragraph(paragraph, &options.layout, &[]);
        for i in 0..laid.rows.len() {
            line.clear();
            laid.push_row_text(paragraph, i, &mut line);
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
    }
    if guard {
        out.write_all(BIDI_IMPLICIT.as_bytes())?;
    }
    out.flush()
}
