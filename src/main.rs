//! The `hamish` command line: parses arguments, imports documents, and runs
//! the reader (or prints, with --print or when stdout is not a terminal).
//! Errors end here as one line on stderr.
#![forbid(unsafe_code)]

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;
use hamish::cli::{Args, Command, OutputFormat};
use hamish::document::{export, import, Document};
use hamish::message::report;
use hamish::print::{print_document, print_paragraphs, PrintOptions};
use hamish::term::TerminalKind;

mod reader_loop;

fn main() -> ExitCode {
    let mut args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => return clap_output(&e),
    };
    // `cmd | hamish`: the document comes from the pipe (as `hamish -`).
    if args.command.is_none() && args.files.is_empty() && stdin_carries_a_document() {
        args.files.push("-".into());
    }
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader of our output went away (`hamish --print … | head`):
        // end quietly, with the status a shell gives a process killed by
        // SIGPIPE (128 + 13), as cat and less do.
        Err(e) if is_broken_pipe(&e) => ExitCode::from(141),
        Err(e) => {
            report(format!("{e:#}"));
            ExitCode::FAILURE
        }
    }
}

/// What clap has to say instead of arguments: a usage error on stderr
/// (status 2), or `--help` / `--version` on standard output, which ends
/// quietly with 141 into a closed pipe like every other output (clap's own
/// printing ignores the error and exits 0).
fn clap_output(e: &clap::Error) -> ExitCode {
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    if e.use_stderr() || std::io::stdout().is_terminal() {
        // On a terminal, clap's colours.
        let _ = e.print();
        return ExitCode::from(code);
    }
    let mut out = std::io::stdout().lock();
    match write!(out, "{}", e.render()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::from(code),
        Err(io) if io.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::from(141),
        Err(io) => {
            report(format!("{STDOUT}: {io}"));
            ExitCode::FAILURE
        }
    }
}

/// Standard input is a pipe or a redirected file (not a terminal, and not
/// `/dev/null` or another device, which is what a program started with no
/// input at all gets).
fn stdin_carries_a_document() -> bool {
    use std::os::unix::fs::FileTypeExt;
    !std::io::stdin().is_terminal()
        && std::fs::metadata("/dev/stdin")
            .is_ok_and(|m| m.file_type().is_fifo() || m.file_type().is_file())
}

/// Keys can be read: from standard input when it is the terminal, else
/// (the document comes down a pipe) from the controlling terminal,
/// `/dev/tty`, as less does; `term::Events` reads from there by itself.
fn keyboard_available() -> bool {
    std::io::stdin().is_terminal() || std::fs::File::open("/dev/tty").is_ok()
}

/// `TERM=dumb`, or no TERM at all: a terminal that cannot place the
/// cursor, where hamish prints, as less does.
fn dumb_terminal() -> bool {
    TerminalKind::from_env().is_dumb()
}

/// What a failed write to standard output is reported as.
const STDOUT: &str = "standard output: cannot write";

/// True when `e` is, or was caused by, a write to a closed pipe.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<hamish::persist::output::OutputError>()
                .is_some_and(|o| {
                    matches!(o, hamish::persist::output::OutputError::Io(_, io)
                        if io.kind() == std::io::ErrorKind::BrokenPipe)
                })
    })
}

fn run(args: &Args) -> anyhow::Result<()> {
    if let Some(what) = args.generate {
        let text = hamish::cli::generated(what)?;
        let mut out = std::io::stdout().lock();
        return out
            .write_all(&text)
            .and_then(|()| out.flush())
            .context(STDOUT);
    }
    if let Some(mb) = args.max_size {
        hamish::source_file::set_max_bytes(mb << 20);
    }
    if let Some(label) = &args.encoding {
        hamish::source_file::force_encoding(label).map_err(anyhow::Error::msg)?;
    }
    if let Some(Command::Convert {
        file,
        to,
        output,
        format,
    }) = &args.command
    {
        return convert(file, *to, output.as_deref(), format.format());
    }
    // The config file, then the command line over it.
    let (mut config, problems) = match hamish::config::default_path() {
        Some(path) => hamish::config::load(&path),
        None => (hamish::config::Config::default(), Vec::new()),
    };
    args.apply_to(&mut config.settings);
    if args.print_config {
        for p in &problems {
            report(p);
        }
        let mut out = std::io::stdout().lock();
        return out
            .write_all(hamish::config::to_toml(&config).as_bytes())
            .and_then(|()| out.flush())
            .context(STDOUT);
    }
    if args.check_terminal {
        for p in &problems {
            report(p);
        }
        return check_terminal();
    }
    let interactive =
        !args.print && std::io::stdout().is_terminal() && keyboard_available() && !dumb_terminal();
    if interactive {
        reader_loop::read(args, config, problems)
    } else {
        for p in &problems {
            report(p);
        }
        print(args, &config)
    }
}

/// `--check-terminal`: the card, and the question when someone is there
/// to answer it.
fn check_terminal() -> anyhow::Result<()> {
    let kind = TerminalKind::from_env();
    let ask = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    let config = hamish::config::default_path();
    let mut out = std::io::stdout().lock();
    hamish::terminal_check::run(
        &kind,
        ask,
        &mut std::io::stdin().lock(),
        &mut out,
        config.as_deref(),
    )
    .context(STDOUT)
}

/// Tell the user, once, what the importer noticed.
fn warn(path: &Path, doc: &Document) {
    for w in &doc.meta.warnings {
        report(format!("{}: {w}", path.display()));
    }
}

fn print(args: &Args, config: &hamish::config::Config) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let to_terminal = stdout.is_terminal();
    let settings = &config.settings;
    let options = PrintOptions {
        layout: settings.layout_options(settings.width),
        bidi: settings.bidi,
        // A dumb terminal understands no escape sequence at all.
        plain: args.plain || dumb_terminal(),
        to_terminal,
        route: TerminalKind::from_env().route(),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if args.files.is_empty() {
        for (i, essay) in hamish::bundled::ESSAYS.iter().enumerate() {
            if i > 0 {
                separate(&mut out, options.layout.width).context(STDOUT)?;
            }
            let doc = hamish::bundled::import(essay);
            print_document(&mut out, &doc, &options).context(STDOUT)?;
        }
        return out.flush().context(STDOUT);
    }
    for (i, path) in args.files.iter().enumerate() {
        if i > 0 {
            separate(&mut out, options.layout.width).context(STDOUT)?;
        }
        if args.format.format() == Some(hamish::document::Format::Lines) {
            // Nothing to interpret: lay the lines out straight from the
            // file, without building a document of them.
            let source = hamish::source_file::read_text(path)?;
            if let Some((count, first)) = source.replaced {
                report(format!("{}: not valid UTF-8: {count} bytes replaced by U+FFFD, the first at byte {first}", path.display()));
            }
            let text = source.text.strip_suffix('\n').unwrap_or(&source.text);
            print_paragraphs(&mut out, text.split('\n'), &options).context(STDOUT)?;
            continue;
        }
        let doc = import::import_path(path, args.format.format())?;
        warn(path, &doc);
        print_document(&mut out, &doc, &options).context(STDOUT)?;
    }
    out.flush().context(STDOUT)
}

/// Between two printed documents: a blank row, a rule as wide as the
/// column (at most 40 cells), a blank row.
fn separate(out: &mut impl Write, width: usize) -> std::io::Result<()> {
    writeln!(out, "\n{}\n", "\u{2500}".repeat(width.clamp(1, 40)))
}

fn convert(
    file: &Path,
    to: OutputFormat,
    output: Option<&Path>,
    format: Option<hamish::document::Format>,
) -> anyhow::Result<()> {
    // No `-o`, or `-o -`: standard output.
    let output = output.unwrap_or(Path::new("-"));
    let text = if to == OutputFormat::Outline {
        import::outline_path(file, format)?
    } else {
        let doc = import::import_path(file, format)?;
        warn(file, &doc);
        if to == OutputFormat::Json {
            // Streamed: the JSON of a long document is larger than it.
            hamish::persist::output::write_output_with(output, |w| export::write_json(&doc, w))?;
            return Ok(());
        }
        export::to_markdown(&doc)
    };
    hamish::persist::output::write_output(output, text.as_bytes())?;
    Ok(())
}
