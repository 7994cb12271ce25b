//! The full-screen reader's event loop, part of the `hamish` binary (not
//! the library): the first document read before the terminal is taken
//! over, then draw, answer signals, save now and then, and hand every input
//! to the App, carrying out the effects it returns, until it quits.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use hamish::app::{Action, App, Effect, Input, Ticket};
use hamish::cli::Args;
use hamish::document::Document;
use hamish::message::report;
use hamish::settings::{Settings, Theme};
use hamish::term::{Events, TermEvent, TerminalGuard};

use crate::warn;

/// The reader's settings: the config file's and the command line's, and
/// no colour when `NO_COLOR` is set (and not empty).
fn reader_settings(config: &hamish::config::Config) -> Settings {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut settings = config.settings.clone();
    if no_color {
        settings.theme = Theme::Mono;
    }
    settings
}

/// The whole of the first document, being imported on another thread,
/// and the opening it belongs to.
type Background = Option<(Ticket, std::sync::mpsc::Receiver<Document>)>;

/// The document the reader starts on, read before the terminal is taken
/// over (so errors print normally), and what the reader needs around it.
struct FirstDocument {
    doc: Document,
    key: String,
    /// The whole, when `doc` is its first part.
    rest: Option<std::sync::mpsc::Receiver<Document>>,
    path: Option<std::path::PathBuf>,
    library: Vec<hamish::app::LibraryEntry>,
    saved: Option<hamish::persist::state::DocState>,
    state_path: Option<std::path::PathBuf>,
    state_warning: Option<String>,
    /// The search prompt's history, from the state file.
    history: Vec<String>,
}

/// The first file named, or the first bundled essay (the library is then
/// shown over it).
fn open_first(args: &Args) -> anyhow::Result<FirstDocument> {
    let state_path = hamish::persist::state::default_path();
    // Read once here: a damaged file is moved aside and reported once.
    let (saved, state_warning) = match &state_path {
        Some(path) => hamish::persist::state::load(path),
        None => Default::default(),
    };
    let library = hamish::library::library(&saved, &args.files);
    // `hamish DIR`: the library over the folder's first document.
    let folder = args.files.iter().any(|p| p.is_dir());
    let first_file = if folder {
        library.iter().find_map(|e| match &e.source {
            hamish::app::Source::File(p) if e.group == hamish::app::Group::Folder => {
                Some(p.clone())
            }
            _ => None,
        })
    } else {
        args.files.first().cloned()
    };
    let (doc, key, rest, path) = match first_file.as_ref() {
        Some(path) => {
            let opened = hamish::open::open_quickly(path, args.format.format())?;
            // A first part's warnings are about where it was cut; the whole
            // document's are shown when it arrives.
            if opened.rest.is_none() {
                warn(path, &opened.doc);
            }
            (opened.doc, opened.key, opened.rest, Some(path.clone()))
        }
        None => {
            let essay = &hamish::bundled::ESSAYS[0];
            let key = hamish::persist::state::key(essay.text);
            (hamish::bundled::import(essay), key, None, None)
        }
    };
    Ok(FirstDocument {
        saved: hamish::open::saved_entry(&saved, &key),
        doc,
        key,
        rest,
        path,
        library,
        state_path,
        state_warning,
        history: saved.search_history.clone(),
    })
}

/// How the status line is written for this terminal to reorder (with
/// `--bidi terminal`): in visual order where a row can be kept from
/// reordering (VTE), without isolates in mlterm (which gives them a column
/// each), isolated elsewhere.
fn status_line(kind: &hamish::term::TerminalKind) -> hamish::settings::StatusLine {
    use hamish::settings::StatusLine;
    if kind.keeps_explicit_rows() {
        StatusLine::Ordered
    } else if kind.emulator == Some(hamish::term::kind::Emulator::Mlterm) {
        StatusLine::Plain
    } else {
        StatusLine::Isolated
    }
}

/// The full-screen reader.
pub(crate) fn read(
    args: &Args,
    config: hamish::config::Config,
    problems: Vec<String>,
) -> anyhow::Result<()> {
    let first = open_first(args)?;
    let kind = hamish::term::TerminalKind::from_env();
    let mut settings = reader_settings(&config);
    settings.status_line = status_line(&kind);
    let modes = kind.modes(settings.mouse, settings.reorders());
    // Asked before the terminal is taken over: tmux answers in a few
    // milliseconds, and only when its bidi switches matter.
    let tmux_notice = (modes.bidi && modes.route == hamish::term::Route::Tmux)
        .then(hamish::term::tmux::passthrough)
        .and_then(hamish::term::tmux::notice);
    let guard = TerminalGuard::enter(modes)?;
    let events = Events::start()?;
    let (width, height) = crossterm::terminal::size()?;
    let mut screen = hamish::term::Screen::new(std::io::BufWriter::with_capacity(
        1 << 16,
        hamish::term::out::TerminalOut,
    ));
    if modes.bidi && modes.route != hamish::term::Route::Direct {
        screen = screen.with_after_clear(hamish::term::escape::every_row(
            modes.route,
            hamish::term::escape::BIDI_TAKE_OVER,
        ));
    }
    if !settings.reorders() {
        // The terminal lays each row out: give it rows whole, with their
        // direction.
        screen = screen.with_whole_rows();
    }
    let mut tty = Tty {
        screen,
        rows: hamish::term::RowTracker::default(),
        events,
        guard,
    };
    let entry = hamish::library::entry_of(&first.library, &first.key, first.path.as_deref());
    let show_library = first.path.is_none() || args.files.iter().any(|p| p.is_dir());
    let mut app = App::new(first.doc, settings, config.keymap.clone(), width, height)
        .with_library(first.library)
        .with_state_file(first.state_path)
        .with_search_history(first.history)
        .with_identity(first.key, first.path, entry, first.saved);
    let mut background: Background = None;
    if let Some(rx) = first.rest {
        app = app.expecting_whole();
        background = Some((app.ticket(), rx));
    }
    if show_library {
        app.handle(Input::Command(Action::Library));
    }
    if let Some(notice) = start_notices(first.state_warning, tmux_notice, &problems) {
        app.handle(Input::Notice(notice));
    }
    let (exit_status, save_error) = run_reader(&mut app, &mut tty, background)?;
    // The last frame is flushed, then the terminal given back.
    drop(tty);
    if let Some(e) = save_error {
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

/// The terminal as the reader loop uses it. Fields drop in this order:
/// the last frame is flushed before the guard gives the terminal back.
struct Tty<W: Write> {
    screen: hamish::term::Screen<W>,
    rows: hamish::term::RowTracker<hamish::app::flow::FlowRow>,
    events: Events,
    guard: TerminalGuard,
}

/// What the terminal brought the loop.
enum FromTerminal {
    Input(Input),
    /// Nothing for the reader, but the screen must be drawn again.
    Redraw,
    /// Nothing at all (time passed, or an event the reader ignores).
    Nothing,
    /// A signal ends hamish with this exit status.
    Quit(u8),
}

impl<W: Write> Tty<W> {
    /// Render `app` into a buffer and put it on the terminal, telling the
    /// painter when the reading view has only scrolled.
    fn paint(&mut self, app: &App) -> std::io::Result<()> {
        let geometry = app.geometry();
        let area = ratatui::layout::Rect::new(0, 0, geometry.width, geometry.height);
        let mut next = ratatui::buffer::Buffer::empty(area);
        hamish::ui::render_buffer(app, &mut next);
        let hint = self.rows.hint(app.plain_reading_rows(), geometry.text_rows);
        self.screen.paint(next, hint)
    }

    /// Suspend (Ctrl-Z): the position saved first, since a stopped reader
    /// may never be continued; everything drawn again after.
    fn suspend(&mut self, app: &App) -> anyhow::Result<FromTerminal> {
        save_in_background(app);
        self.guard.suspend()?;
        self.screen.invalidate();
        Ok(FromTerminal::Redraw)
    }

    /// Wait up to `wait` for the terminal: input, a signal, a suspend.
    fn next(&mut self, app: &App, wait: Duration) -> anyhow::Result<FromTerminal> {
        let Some(event) = self.events.next(wait) else {
            return Ok(FromTerminal::Nothing);
        };
        Ok(match event {
            // Ctrl-Z as a key (when the terminal would not keep it as the
            // suspend character): suspend all the same.
            TermEvent::Input(Event::Key(key)) if hamish::term::is_suspend_key(&key) => {
                self.suspend(app)?
            }
            TermEvent::Input(event) => {
                input_of(event).map_or(FromTerminal::Nothing, FromTerminal::Input)
            }
            TermEvent::Quit(status) => FromTerminal::Quit(status),
            TermEvent::Suspend => self.suspend(app)?,
            TermEvent::Continued => {
                self.guard.take_over_again()?;
                self.screen.invalidate();
                FromTerminal::Redraw
            }
        })
    }
}

/// The event loop: draw, answer signals, save now and then, and hand every
/// input to the reader, carrying out what it asks, until it quits or a
/// signal ends it. Returns the exit status a signal asks for (0 for none)
/// and why the last save failed, if it did.
fn run_reader<W: Write>(
    app: &mut App,
    tty: &mut Tty<W>,
    mut background: Background,
) -> anyhow::Result<(u8, Option<String>)> {
    let mut exit_status = 0;
    let mut save_error = None;
    let mut autosave = Autosave::new(app);
    let mut dirty = true;
    let mut quit = false;
    while !quit {
        if dirty {
            tty.paint(app)?;
            dirty = false;
            // Where to save from if a signal finds the loop stuck.
            if let Some(snapshot) = app.save_snapshot() {
                tty.events.set_rescue(Box::new(move || {
                    let _ = snapshot.write();
                }));
            }
        }
        autosave.tick(app);
        let input = match arrived(&mut background) {
            Some(input) => input,
            None => {
                // A search under way goes on only when no key is waiting.
                let wait = match (app.busy(), background.is_some()) {
                    (true, _) => 0,
                    (false, true) => 20,
                    (false, false) => 200,
                };
                match tty.next(app, Duration::from_millis(wait))? {
                    FromTerminal::Input(input) => input,
                    FromTerminal::Redraw => {
                        dirty = true;
                        continue;
                    }
                    FromTerminal::Nothing if app.busy() => Input::Idle,
                    FromTerminal::Nothing => continue,
                    FromTerminal::Quit(status) => {
                        exit_status = status;
                        break;
                    }
                }
            }
        };
        let effects = app.handle(input);
        let mut redraw = false;
        quit = carry_out(app, effects, &mut save_error, &mut redraw);
        if redraw {
            tty.screen.invalidate();
        }
        // An import for a document no longer shown is of no use.
        if !app.import_pending() {
            background = None;
        }
        dirty = true;
    }
    // `Effect::Quit` came after its save; a signal ends the loop without.
    if !quit {
        save_error = app.save_snapshot().and_then(|s| s.write().err());
    }
    Ok((exit_status, save_error))
}

/// What the user must hear of at start: a damaged state file, tmux
/// keeping the BiDi switches from the terminal, and config problems (the
/// first here, all of them on stderr at exit).
fn start_notices(
    state_warning: Option<String>,
    tmux_notice: Option<String>,
    problems: &[String],
) -> Option<String> {
    let mut notices: Vec<String> = state_warning.into_iter().chain(tmux_notice).collect();
    if let Some(first) = problems.first() {
        let more = if problems.len() > 1 {
            format!(" (+{} more, shown at exit)", problems.len() - 1)
        } else {
            String::new()
        };
        notices.push(format!("config: {first}{more}"));
    }
    (!notices.is_empty()).then(|| notices.join(" \u{2502} "))
}

/// The reader's input for a terminal event, if it means anything to it.
fn input_of(event: Event) -> Option<Input> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => Some(Input::Key(key)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Input::Wheel(3)),
            MouseEventKind::ScrollUp => Some(Input::Wheel(-3)),
            MouseEventKind::Down(MouseButton::Left) => Some(Input::Click {
                x: mouse.column,
                y: mouse.row,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Input::Resize { width, height }),
        Event::Paste(text) => Some(Input::Paste(text)),
        _ => None,
    }
}

/// The whole of a document shown from its first part, if it has arrived
/// (for the opening the reader is on now: see `Input::Imported`).
fn arrived(background: &mut Background) -> Option<Input> {
    let (ticket, rx) = background.as_ref()?;
    match rx.try_recv() {
        Ok(doc) => {
            let ticket = *ticket;
            *background = None;
            Some(Input::Imported {
                ticket,
                doc: Box::new(doc),
            })
        }
        Err(std::sync::mpsc::TryRecvError::Empty) => None,
        Err(std::sync::mpsc::TryRecvError::Disconnected) => {
            *background = None;
            None
        }
    }
}

/// Do what the reader asked for, in order (a document is saved before
/// another opens); true when it asked to quit. A save that fails is told
/// on the status line, and kept to be reported at exit. `redraw` is set
/// when the screen must be cleared and drawn whole.
fn carry_out(
    app: &mut App,
    effects: Vec<Effect>,
    save_error: &mut Option<String>,
    redraw: &mut bool,
) -> bool {
    let mut queue = std::collections::VecDeque::from(effects);
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::Save(snapshot) => {
                if let Err(e) = snapshot.write() {
                    *save_error = Some(e.clone());
                    queue.extend(app.handle(Input::Notice(e)));
                }
            }
            Effect::Open {
                ticket,
                source,
                entry,
            } => {
                let state_path = app.state_path().map(Path::to_path_buf);
                let input = match hamish::open::open_source(&source, entry, state_path.as_deref()) {
                    Ok(opened) => Input::Opened {
                        ticket,
                        opened: Box::new(opened),
                    },
                    Err(message) => Input::OpenFailed { ticket, message },
                };
                queue.extend(app.handle(input));
            }
            Effect::Forget { key } => {
                if let Some(path) = app.state_path().map(Path::to_path_buf) {
                    if let Err(e) = hamish::persist::state::forget(&path, &key) {
                        let e = format!("{}: cannot forget the document: {e}", path.display());
                        queue.extend(app.handle(Input::Notice(e)));
                    }
                }
            }
            Effect::Redraw => *redraw = true,
            Effect::Quit => return true,
        }
    }
    false
}

/// Saving the position every few seconds while reading, when it moved.
struct Autosave {
    last_saved: hamish::persist::state::Saved,
    last_time: std::time::Instant,
}

impl Autosave {
    fn new(app: &App) -> Autosave {
        Autosave {
            last_saved: app.position_to_save(),
            last_time: std::time::Instant::now(),
        }
    }

    fn tick(&mut self, app: &App) {
        if self.last_time.elapsed() < Duration::from_secs(5) {
            return;
        }
        self.last_time = std::time::Instant::now();
        let now = app.position_to_save();
        if now != self.last_saved {
            save_in_background(app);
            self.last_saved = now;
        }
    }
}

/// Save the reading position on another thread, so a slow disk or a
/// large state file never holds up a key. A failure is reported on
/// stderr at exit by the final save, which runs in the foreground.
fn save_in_background(app: &App) {
    if let Some(snapshot) = app.save_snapshot() {
        std::thread::spawn(move || snapshot.write());
    }
}
