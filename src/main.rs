//! The `hamish` command line: parses arguments, reads input, and hands it to
//! the printer (and, later, the reader). Errors end here as one line on stderr.
#![forbid(unsafe_code)]

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use hamish::cli::{Args, BidiMode};
use hamish::layout::LayoutOptions;
use hamish::print::{print_paragraphs, PrintOptions};

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("hamish: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let to_terminal = stdout.is_terminal();
    let layout = LayoutOptions {
        width: args.width.unwrap_or(80),
        shape: args.shape.enabled(args.bidi),
        reorder: args.bidi == BidiMode::App,
        ..LayoutOptions::default()
    };
    let options = PrintOptions {
        layout,
        bidi: args.bidi,
        plain: args.plain,
        to_terminal,
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if args.files.is_empty() {
        // No file: the bundled essays (the reader's library screen will
        // take this over).
        for essay in hamish::bundled::ESSAYS {
            print_paragraphs(&mut out, essay.text.split('\n'), &options)?;
        }
        return Ok(());
    }
    for path in &args.files {
        let text = hamish::input::read_text(path)?;
        if let Some((count, first)) = text.replaced {
            eprintln!(
                "hamish: {}: not valid UTF-8: {count} bytes replaced by U+FFFD, the first at byte {first}",
                path.display()
            );
        }
        print_paragraphs(&mut out, text.text.split('\n'), &options)?;
    }
    Ok(())
}
