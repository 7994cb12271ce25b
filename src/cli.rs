//! Command-line arguments, kept apart from `main` so tests can parse them too.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// Who reorders right-to-left text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum BidiMode {
    /// hamish lays out and reorders; the terminal is asked not to.
    #[default]
    App,
    /// The terminal reorders (Konsole, mlterm with bidi on): hamish writes
    /// logical order.
    Terminal,
}

/// Arabic shaping.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ShapeMode {
    /// On, unless the terminal does its own bidi (`--bidi terminal`), which
    /// in practice means it shapes too.
    #[default]
    Auto,
    On,
    Off,
}

impl ShapeMode {
    pub fn enabled(self, bidi: BidiMode) -> bool {
        match self {
            ShapeMode::On => true,
            ShapeMode::Off => false,
            ShapeMode::Auto => bidi == BidiMode::App,
        }
    }
}

/// How to read the input file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Guess from the content.
    #[default]
    Auto,
    /// Each line is one paragraph; nothing else is interpreted.
    Lines,
}

#[derive(Debug, Parser)]
#[command(
    name = "hamish",
    version,
    about = "A terminal reader for essays that mix Arabic and English",
    after_help = "Examples:\n  hamish --print --width 60 seeds/003_5eac0dfd78b8d8c0.txt\n  hamish --print --plain --format lines --shape off --width 40 FILE"
)]
pub struct Args {
    /// Files to open.
    pub files: Vec<PathBuf>,
    /// Write the laid-out document to stdout and exit (no terminal needed).
    #[arg(long)]
    pub print: bool,
    /// Text column width in cells (default: 80, or the terminal's width if narrower).
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// Arabic contextual shaping.
    #[arg(long, value_enum, default_value_t)]
    pub shape: ShapeMode,
    /// Who reorders right-to-left text: hamish (app) or the terminal.
    #[arg(long, value_enum, default_value_t)]
    pub bidi: BidiMode,
    /// With --print: write no escape sequence at all.
    #[arg(long)]
    pub plain: bool,
    /// Input format.
    #[arg(long, value_enum, default_value_t)]
    pub format: InputFormat,
}
