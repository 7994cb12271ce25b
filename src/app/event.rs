//! What goes into the App and what comes out of it. Everything the reader
//! is told arrives as one `Input` through `App::handle`; everything it
//! cannot do itself (read a file, write the state file, end the program)
//! leaves as an `Effect` for the event loop to carry out, as gitui's queue
//! does, so that the App never touches the disk and can be tested by
//! feeding it inputs.

use std::path::PathBuf;

use crossterm::event::KeyEvent;

use super::action::Action;
use super::reading_state::SaveSnapshot;
use super::view::Source;
use crate::document::Document;
use crate::persist::state::DocState;

/// Identifies one opening of a document: a reply (the document read, the
/// whole of a large one imported in the background) is taken only if it
/// belongs to the opening it answers, so a late reply for a document the
/// reader has left can never replace the one open now.
pub type Ticket = u64;

/// Something the App is told.
#[derive(Debug)]
pub enum Input {
    /// A key press (prompt, mark letter or key table, in that order).
    Key(KeyEvent),
    /// A command, as if its key had been pressed with nothing else open.
    Command(Action),
    /// The mouse wheel turned by this many lines (positive: down).
    Wheel(isize),
    /// A left click at a screen cell.
    Click { x: u16, y: u16 },
    /// The terminal's new size.
    Resize { width: u16, height: u16 },
    /// Text pasted into the terminal.
    Paste(String),
    /// The document asked for by `Effect::Open` with this ticket.
    Opened { ticket: Ticket, opened: Box<Opened> },
    /// Why the document asked for with this ticket could not be opened.
    OpenFailed { ticket: Ticket, message: String },
    /// The whole of the document opened with this ticket, which was shown
    /// from its first part while the rest was imported.
    Imported { ticket: Ticket, doc: Box<Document> },
    /// Something the user must hear of (a save that failed, start-up notices).
    Notice(String),
    /// No key is waiting: carry on with work done in slices (a search
    /// under way, see `App::busy`).
    Idle,
}

/// Something the App asks the event loop to do.
#[derive(Debug)]
pub enum Effect {
    /// Read and import this library entry; answer with `Input::Opened` or
    /// `Input::OpenFailed` carrying the same ticket.
    Open {
        ticket: Ticket,
        source: Source,
        entry: usize,
    },
    /// Write this to the state file.
    Save(SaveSnapshot),
    /// Remove the document with this key from the state file.
    Forget { key: String },
    /// End the reader (a `Save` comes before it).
    Quit,
    /// Clear the terminal and draw everything again (Ctrl-l), as after
    /// something else wrote over the screen.
    Redraw,
}

/// A document read for the reader, with what is known about it.
#[derive(Debug)]
pub struct Opened {
    pub doc: Document,
    /// Its key in the state file (a hash of its text).
    pub key: String,
    /// The file it came from (none for a bundled essay).
    pub path: Option<PathBuf>,
    /// Its library entry, if it has one.
    pub entry: Option<usize>,
    /// Where it was left last time, with its marks.
    pub saved: Option<DocState>,
    /// Something to tell the user (a state file that could not be read).
    pub notice: Option<String>,
}
