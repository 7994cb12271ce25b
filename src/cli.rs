//! Command-line arguments, kept apart from `main` so tests can parse them too.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::document::Format;
use crate::settings::{BidiMode, Settings, ShapeMode, Theme, WIDTH_RANGE};

/// How to read the input file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Guess from the name and content.
    #[default]
    Auto,
    /// Each line is one paragraph; nothing else is interpreted.
    Lines,
    /// One paragraph per line, with a title and a continuation note.
    Plain,
    /// Text extracted from a PDF.
    Pdftext,
    /// A PDF file, rebuilt from where its glyphs sit on the pages.
    Pdf,
    /// CommonMark with footnotes and front matter.
    Markdown,
    /// hamish's own JSON.
    Json,
}

impl InputFormat {
    /// The importer to use, or `None` to detect it.
    pub fn format(self) -> Option<Format> {
        match self {
            InputFormat::Auto => None,
            InputFormat::Lines => Some(Format::Lines),
            InputFormat::Plain => Some(Format::Plain),
            InputFormat::Pdftext => Some(Format::Pdftext),
            InputFormat::Pdf => Some(Format::Pdf),
            InputFormat::Markdown => Some(Format::Markdown),
            InputFormat::Json => Some(Format::Json),
        }
    }
}

/// Output formats of `convert`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    #[default]
    Json,
    Markdown,
    /// Each source line and what it became (body, heading, note n,
    /// furniture, dropped), the notes' markers and the repairs.
    Outline,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import a file and write the document as JSON or Markdown, or its
    /// outline: what each source line became.
    Convert {
        /// The file to import.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t)]
        to: OutputFormat,
        /// Write here instead of stdout.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Input format.
        #[arg(long, value_enum, default_value_t)]
        format: InputFormat,
    },
}

#[derive(Debug, Parser)]
#[command(
    name = "hamish",
    version,
    about = "A terminal reader for essays that mix Arabic and English",
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  hamish                                   the library: bundled essays, demo, recent files\n  hamish essay.md                          read an essay full-screen (press ? for the keys)\n  hamish --theme mono --no-mouse essay.txt for a bare terminal over SSH\n  hamish --print --width 60 essay.txt      lay out to stdout\n  hamish --print --plain --format lines --shape off --width 40 FILE\n  hamish convert seeds/000_888738dd473cd04e.txt --to markdown -o essay.md\n  hamish --print-config                    the settings in force\n  hamish --check-terminal                  does Arabic read right in this terminal?\n\nTerminals: tmux needs 'set -g allow-passthrough on' in ~/.tmux.conf; in Konsole turn\noff the profile's \"Bi-Directional text rendering\" (Appearance > Complex Text Layout)."
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files to open.
    pub files: Vec<PathBuf>,
    /// Write the laid-out document to stdout and exit (no terminal needed).
    #[arg(long)]
    pub print: bool,
    /// Text column width in cells (default: 80, or the terminal's width if narrower).
    #[arg(long, value_name = "N", value_parser = parse_width)]
    pub width: Option<usize>,
    /// Arabic contextual shaping [default: auto, or the config file's].
    #[arg(long, value_enum)]
    pub shape: Option<ShapeMode>,
    /// Who reorders right-to-left text: hamish (app) or the terminal [default: app].
    #[arg(long, value_enum)]
    pub bidi: Option<BidiMode>,
    /// With --print: write no escape sequence at all.
    #[arg(long)]
    pub plain: bool,
    /// Input format.
    #[arg(long, value_enum, default_value_t)]
    pub format: InputFormat,
    /// Colours: dark, light, or mono (no colour; also when NO_COLOR is set) [default: dark].
    #[arg(long, value_enum)]
    pub theme: Option<Theme>,
    /// Do not capture the mouse (lets the terminal select text).
    #[arg(long)]
    pub no_mouse: bool,
    /// Print the settings in force (config file and command line) as TOML, and exit.
    #[arg(long)]
    pub print_config: bool,
    /// Show a test card (one Arabic sentence as each --bidi mode writes it),
    /// ask which reads right, and offer to save the answer in the config.
    /// Konsole: turn off "Bi-Directional text rendering" in the profile
    /// (Appearance > Complex Text Layout), or use --bidi terminal.
    #[arg(long)]
    pub check_terminal: bool,
    /// Decode input files with this encoding (e.g. windows-1256, iso-8859-6,
    /// utf-16le) [default: UTF-8, UTF-16 by its byte-order mark, or a legacy
    /// Arabic encoding when detected].
    #[arg(long, value_name = "NAME", global = true)]
    pub encoding: Option<String>,
    /// Write the man page (man) or shell completions (bash, zsh, fish,
    /// elvish, powershell) to stdout, and exit.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub generate: Option<Generate>,
    /// Refuse input files larger than this many megabytes [default: 256].
    #[arg(long, value_name = "MB", global = true, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub max_size: Option<u64>,
}

impl Args {
    /// Lay the command line's settings over `settings` (the config file's):
    /// what is given here wins.
    pub fn apply_to(&self, settings: &mut Settings) {
        if let Some(w) = self.width {
            settings.width = w.max(1);
        }
        if let Some(s) = self.shape {
            settings.shape = s;
        }
        if let Some(b) = self.bidi {
            settings.bidi = b;
        }
        if let Some(t) = self.theme {
            settings.theme = t;
        }
        if self.no_mouse {
            settings.mouse = false;
        }
    }
}

fn parse_width(text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(w) if WIDTH_RANGE.contains(&w) => Ok(w),
        _ => Err(format!(
            "a whole number from {} to {}",
            WIDTH_RANGE.start(),
            WIDTH_RANGE.end()
        )),
    }
}

/// What `--generate` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Generate {
    Man,
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

/// The man page or a completion script for `what`, made from the
/// argument definitions above, so they never disagree with `--help`.
pub fn generated(what: Generate) -> std::io::Result<Vec<u8>> {
    use clap::CommandFactory;
    use clap_complete::Shell;
    let mut command = Args::command();
    let mut out = Vec::new();
    let shell = match what {
        Generate::Man => {
            clap_mangen::Man::new(command).render(&mut out)?;
            return Ok(out);
        }
        Generate::Bash => Shell::Bash,
        Generate::Zsh => Shell::Zsh,
        Generate::Fish => Shell::Fish,
        Generate::Elvish => Shell::Elvish,
        Generate::Powershell => Shell::PowerShell,
    };
    clap_complete::generate(shell, &mut command, "hamish", &mut out);
    Ok(out)
}
