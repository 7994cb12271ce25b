//! The `hamish` command line: parses arguments, imports documents, and runs
//! the reader (or prints, with --print or when stdout is not a terminal).
//! Errors end here as one line on stderr.
#![forbid(unsafe_code)]

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::Parser;
use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use hamish::app::state::{Settings, Theme};
use hamish::app::App;
use hamish::cli::{Args, BidiMode, Command, OutputFormat, ThemeName};
use hamish::document::{export, import, Document};
use hamish::layout::LayoutOptions;
use hamish::message::report;
use hamish::print::{print_document, print_paragraphs, PrintOptions};
use hamish::term::{Events, TermEvent, TerminalGuard, TerminalKind};

fn main() -> ExitCode {
    let mut args = Args::parse();
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
    apply_args(&mut config, args);
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
    let interactive =
        !args.print && std::io::stdout().is_terminal() && keyboard_available() && !dumb_terminal();
    if interactive {
        read(args, config, problems)
    } else {
        for p in &problems {
            report(p);
        }
        print(args, &config)
    }
}

/// Command-line settings win over the config file.
fn apply_args(config: &mut hamish::config::Config, args: &Args) {
    if let Some(w) = args.width {
        config.width = w.max(1);
    }
    if let Some(s) = args.shape {
        config.shape = s;
    }
    if let Some(b) = args.bidi {
        config.bidi = b;
    }
    if let Some(t) = args.theme {
        config.theme = t;
    }
    if args.no_mouse {
        config.mouse = false;
    }
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
    let layout = LayoutOptions {
        width: config.width,
        shape: config.shape.enabled(config.bidi),
        reorder: config.bidi == BidiMode::App,
        // A terminal that reorders places RTL rows itself: no padding.
        align_rtl: config.bidi == BidiMode::App,
        ..LayoutOptions::default()
    };
    let options = PrintOptions {
        layout,
        bidi: config.bidi,
        // A dumb terminal understands no escape sequence at all.
        plain: args.plain || dumb_terminal(),
        to_terminal,
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    if args.files.is_empty() {
        for essay in hamish::bundled::ESSAYS {
            let doc = hamish::bundled::import(essay);
            print_document(&mut out, &doc, &options).context(STDOUT)?;
        }
        return out.flush().context(STDOUT);
    }
    for path in &args.files {
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

fn settings(config: &hamish::config::Config) -> Settings {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Settings {
        column: config.width.max(1),
        shape: config.shape.enabled(config.bidi),
        bidi: config.bidi,
        theme: match config.theme {
            _ if no_color => Theme::Mono,
            ThemeName::Dark => Theme::Dark,
            ThemeName::Light => Theme::Light,
            ThemeName::Mono => Theme::Mono,
        },
        mouse: config.mouse,
        colors: config.colors,
    }
}

/// The full-screen reader.
fn read(args: &Args, config: hamish::config::Config, problems: Vec<String>) -> anyhow::Result<()> {
    let state_path = hamish::persist::state::default_path();
    // Read once here: a damaged file is moved aside and reported once.
    let (saved, state_warning) = match &state_path {
        Some(path) => hamish::persist::state::load(path),
        None => Default::default(),
    };
    let library = hamish::app::reading_state::library(&saved, &args.files);
    // Import before touching the terminal, so errors print normally.
    let mut pending = None;
    let (doc, key, doc_path, show_library) = match args.files.first() {
        Some(path) => {
            let (doc, rest, key) = open_quickly(path, args.format.format())?;
            // A first part's warnings are about where it was cut; the whole
            // document's are shown when it arrives.
            if rest.is_none() {
                warn(path, &doc);
            }
            pending = rest;
            (doc, key, Some(path.clone()), false)
        }
        None => {
            let essay = &hamish::bundled::ESSAYS[0];
            (
                hamish::bundled::import(essay),
                hamish::persist::state::key(essay.text),
                None,
                true,
            )
        }
    };
    let current = library.iter().position(|e| match (&e.source, &doc_path) {
        (hamish::app::state::Source::File(p), Some(d)) => p == d,
        (hamish::app::state::Source::Bundled(0), None) => true,
        _ => false,
    });
    let settings = settings(&config);
    let mut guard = TerminalGuard::enter(hamish::term::Modes {
        mouse: settings.mouse,
        bidi: settings.bidi == BidiMode::App,
    })?;
    let mut events = Events::start()?;
    let (width, height) = crossterm::terminal::size()?;
    let mut screen = hamish::term::Screen::new(std::io::BufWriter::with_capacity(
        1 << 16,
        hamish::term::out::TerminalOut,
    ));
    let mut rows = hamish::term::RowTracker::default();
    let mut app = App::new(doc, settings, config.keymap.clone(), library, width, height);
    app.current = current;
    app.state_path = state_path;
    app.attach(key, doc_path);
    if show_library {
        app.update(hamish::app::Action::Library);
    }
    // What the user must hear of at start: a damaged state file, and config
    // problems (the first here, all of them on stderr at exit).
    let mut notices: Vec<String> = state_warning.into_iter().collect();
    if let Some(first) = problems.first() {
        let more = if problems.len() > 1 {
            format!(" (+{} more, shown at exit)", problems.len() - 1)
        } else {
            String::new()
        };
        notices.push(format!("config: {first}{more}"));
    }
    if !notices.is_empty() {
        app.message = Some(notices.join(" \u{2502} "));
    }
    if let Some(rx) = pending {
        app.expect_import(rx);
    }
    let mut exit_status = 0;
    let mut last_saved = app.position_to_save();
    let mut last_save_time = std::time::Instant::now();
    let mut dirty = true;
    loop {
        if dirty {
            paint(&mut screen, &mut rows, &app)?;
            dirty = false;
            // Where to save from if a signal finds the loop stuck.
            if let Some(snapshot) = app.save_snapshot() {
                events.set_rescue(Box::new(move || {
                    let _ = snapshot.write();
                }));
            }
        }
        if app.quit {
            break;
        }
        // Save the position every few seconds while reading.
        if last_save_time.elapsed() >= Duration::from_secs(5) {
            last_save_time = std::time::Instant::now();
            let now = app.position_to_save();
            if now != last_saved {
                save_in_background(&app);
                last_saved = now;
            }
        }
        if app.poll_import() {
            dirty = true;
            continue;
        }
        let wait = if app.import_pending() { 20 } else { 200 };
        let Some(event) = events.next(Duration::from_millis(wait)) else {
            continue;
        };
        dirty = true;
        let event = match event {
            TermEvent::Input(event) => event,
            TermEvent::Quit(status) => {
                exit_status = status;
                break;
            }
            TermEvent::Suspend => {
                // Saved first: a stopped reader may never be continued.
                save_in_background(&app);
                guard.suspend()?;
                screen.invalidate();
                continue;
            }
            TermEvent::Continued => {
                guard.take_over_again()?;
                screen.invalidate();
                continue;
            }
        };
        match event {
            // Ctrl-Z as a key (when the terminal would not keep it as the
            // suspend character): suspend all the same.
            Event::Key(key) if hamish::term::is_suspend_key(&key) => {
                save_in_background(&app);
                guard.suspend()?;
                screen.invalidate();
            }
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                if app.prompt_open() {
                    app.prompt_key(key);
                } else if app.pending.is_some() {
                    match key.code {
                        crossterm::event::KeyCode::Char(c) => app.pending_char(c),
                        _ => app.pending = None,
                    }
                } else if let Some(action) = app.keymap.action(&key) {
                    app.update(action);
                }
            }
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::ScrollDown => app.wheel(3),
                MouseEventKind::ScrollUp => app.wheel(-3),
                MouseEventKind::Down(MouseButton::Left) => app.click(mouse.column, mouse.row),
                _ => dirty = false,
            },
            Event::Resize(width, height) => app.resize(width, height),
            _ => dirty = false,
        }
    }
    let saved = app.save_state();
    drop(screen);
    drop(guard);
    if let Err(e) = saved {
        report(e);
    }
    for p in &problems {
        report(p);
    }
    if exit_status != 0 {
        // A quitting signal: the conventional status, 128 + its number.
        std::process::exit(i32::from(exit_status));
    }
    Ok(())
}

/// Render `app` into a buffer and put it on the terminal, telling the
/// painter when the reading view has only scrolled.
fn paint<W: Write>(
    screen: &mut hamish::term::Screen<W>,
    rows: &mut hamish::term::RowTracker<hamish::app::flow::FlowRow>,
    app: &App,
) -> std::io::Result<()> {
    let area = ratatui::layout::Rect::new(0, 0, app.geometry.width, app.geometry.height);
    let mut next = ratatui::buffer::Buffer::empty(area);
    hamish::ui::render_buffer(app, &mut next);
    let hint = rows.hint(hamish::ui::scrolling_rows(app), app.geometry.text_rows);
    screen.paint(next, hint)
}

/// Save the reading position on another thread, so a slow disk or a
/// large state file never holds up a key. A failure is reported on
/// stderr at exit by the final save, which runs in the foreground.
fn save_in_background(app: &App) {
    if let Some(snapshot) = app.save_snapshot() {
        std::thread::spawn(move || snapshot.write());
    }
}

/// Files larger than this open in two steps.
const QUICK_OPEN_BYTES: usize = 2_000_000;

/// Import `path`; a large file in formats read from the top down (PDF text,
/// plain) first gives a document made from its first part, so the first
/// frame comes at once, while the whole is imported on another thread and
/// handed over through the returned channel.
fn open_quickly(
    path: &Path,
    format: Option<hamish::document::Format>,
) -> anyhow::Result<(
    Document,
    Option<std::sync::mpsc::Receiver<Document>>,
    String,
)> {
    use hamish::document::Format;
    let source = hamish::source_file::read_text(path)?;
    let key = hamish::persist::state::key(&source.text);
    let format = format.unwrap_or_else(|| import::detect::detect(path, &source.text));
    let quick = matches!(format, Format::Pdftext | Format::Plain | Format::Lines)
        && source.text.len() > QUICK_OPEN_BYTES;
    if !quick {
        return Ok((import::import_source(&source, Some(format))?, None, key));
    }
    // The first part, cut at a line end.
    let limit = source.text.floor_char_boundary(QUICK_OPEN_BYTES / 4);
    let cut = source.text[..limit].rfind('\n').map_or(limit, |i| i + 1);
    let mut head =
        hamish::source_file::SourceText::new(source.path.clone(), source.text[..cut].to_string());
    head.replaced = source.replaced;
    head.decoded_from = source.decoded_from;
    let first = import::import_source(&head, Some(format))?;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let doc = import::import_source(&source, Some(format));
        drop(source); // before the reader copies the text into its flow
        if let Ok(doc) = doc {
            let _ = tx.send(doc);
        }
    });
    Ok((first, Some(rx), key))
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
    // No `-o`, or `-o -`: standard output.
    let output = output.unwrap_or(Path::new("-"));
    hamish::persist::output::write_output(output, text.as_bytes())?;
    Ok(())
}
