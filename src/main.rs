//! The `hamish` command line: parses arguments, imports documents, and hands
//! them to the printer (and, later, the reader). Errors end here as one line
//! on stderr.
#![forbid(unsafe_code)]

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use hamish::cli::{Args, BidiMode, Command, OutputFormat};
use hamish::document::{export, import, Document};
use hamish::layout::LayoutOptions;
use hamish::print::{print_document, print_paragraphs, PrintOptions};

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
    if let Some(Command::Convert {
        file,
        to,
        output,
        format,
    }) = &args.command
    {
        return convert(file, *to, output.as_deref(), format.format());
    }
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
            let doc = hamish::bundled::import(essay);
            print_document(&mut out, &doc, &options)?;
        }
        return Ok(());
    }
    for path in &args.files {
        if args.format.format() == Some(hamish::document::Format::Lines) {
            // Nothing to interpret: lay the lines out straight from the
            // file, without building a document of them.
            let source = hamish::input::read_text(path)?;
            if let Some((count, first)) = source.replaced {
                eprintln!("hamish: {}: not valid UTF-8: {count} bytes replaced by U+FFFD, the first at byte {first}", path.display());
            }
            let text = source.text.strip_suffix('\n').unwrap_or(&source.text);
            print_paragraphs(&mut out, text.split('\n'), &options)?;
            continue;
        }
        let doc = import::import_path(path, args.format.format())?;
        warn(path, &doc);
        print_document(&mut out, &doc, &options)?;
    }
    Ok(())
}

/// Tell the user, once, what the importer noticed.
fn warn(path: &Path, doc: &Document) {
    for w in &doc.meta.warnings {
        eprintln!("hamish: {}: {w}", path.display());
    }
}

fn convert(
    file: &Path,
    to: OutputFormat,
    output: Option<&Path>,
    format: Option<hamish::document::Format>,
) -> anyhow::Result<()> {
    let doc = import::import_path(file, format)?;
    warn(file, &doc);
    let text = match to {
        OutputFormat::Json => export::to_json(&doc),
        OutputFormat::Markdown => export::to_markdown(&doc),
    };
    match output {
        Some(path) => hamish::persist::write_atomically(path, text.as_bytes())
            .map_err(|e| anyhow::anyhow!("{}: cannot write: {e}", path.display()))?,
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(())
}
