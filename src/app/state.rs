//! The reader's state, `App`: the open document and its flow, the view,
//! overlays, search, marks and settings. It changes only through
//! `App::handle` (see `handle.rs`); `App::prepare` lays out what the next
//! frame shows, so that drawing (`ui::render(&App, …)`) only reads.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::Arc;

use super::event::{Effect, Opened, Ticket};
use super::flow::{Anchor, Flow, FlowRow, Pos};
use super::keymap::Keymap;
use super::marks::{AwaitingLetter, JumpList, Marks};
use super::prompt::Prompt;
use super::search::Search;
use super::view::{Geometry, LibraryEntry, Overlay, Popup, Prepared, View};
use crate::document::Document;
use crate::persist::state::DocState;
use crate::settings::Settings;

/// The whole reader.
pub struct App {
    /// Shared with the flow, which shows its text without a copy.
    pub(crate) doc: Arc<Document>,
    pub(crate) flow: Flow,
    pub(crate) keymap: Keymap,
    pub(crate) settings: Settings,
    pub(crate) view: View,
    pub(crate) overlay: Overlay,
    pub(crate) popup: Option<Popup>,
    pub(crate) selected_marker: Option<usize>,
    pub(crate) jumps: JumpList,
    pub(crate) geometry: Geometry,
    pub(crate) message: Option<String>,
    pub(crate) library: Vec<LibraryEntry>,
    /// The library entry open now.
    pub(crate) current: Option<usize>,
    pub(crate) prepared: Prepared,
    /// What the side-by-side layout in `prepared` was made for (whole
    /// text?, pane widths), so it is made again only when that changes.
    pub(super) parallel_key: Option<(bool, [usize; 2])>,
    /// The search prompt, while it is open.
    pub(crate) prompt: Option<Prompt>,
    /// The search in force (its matches are highlighted).
    pub(crate) search: Option<Search>,
    /// A key waiting for its letter (m, ').
    /// A page number being typed after `:`.
    pub(super) page_entry: Option<String>,
    pub(crate) awaiting: Option<AwaitingLetter>,
    /// The count typed before a command (the 5 of `5j`).
    pub(crate) count: Option<usize>,
    /// Queries searched for, oldest first (kept in the state file).
    pub(crate) history: Vec<String>,
    pub(super) marks: Marks,
    /// The open document's key in the state file, and where it came from.
    pub(super) doc_key: Option<String>,
    pub(super) doc_path: Option<PathBuf>,
    /// Its saved entry, applied again when the whole of a document shown
    /// from its first part arrives.
    saved: Option<DocState>,
    /// The state file (none: positions are not kept).
    pub(super) state_path: Option<PathBuf>,
    /// The opening the document shown now came from.
    ticket: Ticket,
    /// The document shown is a first part; its whole is still to come.
    whole_pending: bool,
    /// The opening asked for and not yet answered.
    pub(super) requested: Option<Ticket>,
    /// Effects for the event loop, handed over by `handle`.
    pub(super) effects: Vec<Effect>,
}

impl App {
    /// A reader of `doc` on a `width` x `height` terminal, with no library
    /// and no state file (see the `with_…` builders).
    pub fn new(doc: Document, settings: Settings, keymap: Keymap, width: u16, height: u16) -> App {
        let geometry = Geometry::new(width, height, settings.width);
        let doc = Arc::new(doc);
        let flow = Flow::new(
            Arc::clone(&doc),
            settings.layout_options(usize::from(geometry.column_width)),
        );
        let mut app = App {
            doc,
            flow,
            keymap,
            settings,
            view: View::Reader,
            overlay: Overlay::None,
            popup: None,
            selected_marker: None,
            jumps: JumpList::default(),
            geometry,
            message: None,
            library: Vec::new(),
            current: None,
            prepared: Prepared::default(),
            parallel_key: None,
            prompt: None,
            search: None,
            awaiting: None,
            page_entry: None,
            count: None,
            history: Vec::new(),
            marks: Marks::new(),
            doc_key: None,
            doc_path: None,
            saved: None,
            state_path: None,
            ticket: 0,
            whole_pending: false,
            requested: None,
            effects: Vec::new(),
        };
        app.prepare();
        app
    }

    /// The library the `o` key shows.
    pub fn with_library(mut self, library: Vec<LibraryEntry>) -> App {
        self.library = library;
        self
    }

    /// The queries searched for before, oldest first (from the state file).
    pub fn with_search_history(mut self, history: Vec<String>) -> App {
        self.history = history;
        self
    }

    /// The queries searched for, oldest first.
    pub fn search_history(&self) -> &[String] {
        &self.history
    }

    /// The search prompt, while it is open.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// Keep positions in this state file.
    pub fn with_state_file(mut self, path: Option<PathBuf>) -> App {
        self.state_path = path;
        self
    }

    /// Who the open document is (its key, file and library entry), and
    /// where it was left last time.
    pub fn with_identity(
        mut self,
        key: String,
        path: Option<PathBuf>,
        entry: Option<usize>,
        saved: Option<DocState>,
    ) -> App {
        self.identify(key, path, entry, saved);
        self.prepare();
        self
    }

    fn identify(
        &mut self,
        key: String,
        path: Option<PathBuf>,
        entry: Option<usize>,
        saved: Option<DocState>,
    ) {
        self.doc_key = Some(key);
        self.doc_path = path;
        self.current = entry;
        if let Some(saved) = &saved {
            self.restore(saved);
        }
        self.saved = saved;
    }

    /// The document given to `new` is the first part of a larger one,
    /// whose whole will arrive as `Input::Imported`.
    pub fn expecting_whole(mut self) -> App {
        self.whole_pending = true;
        self
    }

    /// Whether the whole of the document shown is still to come.
    pub fn import_pending(&self) -> bool {
        self.whole_pending
    }

    /// Whether the reader has work to do in slices (a search under way):
    /// the event loop sends `Input::Idle` whenever no key is waiting.
    pub fn busy(&self) -> bool {
        self.search
            .as_ref()
            .is_some_and(|s| s.searching().is_some())
    }

    /// The opening the document shown now came from: a background import
    /// of its whole is delivered with this ticket.
    pub fn ticket(&self) -> Ticket {
        self.ticket
    }

    /// The state file positions are kept in.
    pub fn state_path(&self) -> Option<&std::path::Path> {
        self.state_path.as_deref()
    }

    /// A new ticket, for an opening about to be asked for.
    pub(super) fn next_ticket(&mut self) -> Ticket {
        let next = self.ticket.max(self.requested.unwrap_or(0)) + 1;
        self.requested = Some(next);
        next
    }

    /// Show a document read for us (`Effect::Open` answered).
    pub(super) fn accept_opened(&mut self, ticket: Ticket, opened: Opened) {
        self.requested = None;
        self.ticket = ticket;
        self.whole_pending = false;
        self.replace_all(opened.doc);
        self.identify(opened.key, opened.path, opened.entry, opened.saved);
        if opened.notice.is_some() {
            self.message = opened.notice;
        }
    }

    /// A new document: everything about the old one goes.
    fn replace_all(&mut self, doc: Document) {
        self.set_document(doc);
        self.view = View::Reader;
        self.overlay = Overlay::None;
        self.popup = None;
        self.selected_marker = None;
        self.jumps.clear();
        self.parallel_key = None;
        self.search = None;
        self.prompt = None;
        self.awaiting = None;
        self.page_entry = None;
        self.marks.clear();
        self.doc_key = None;
        self.doc_path = None;
        self.saved = None;
    }

    /// Show `doc`: the old flow goes first, so that two flows are never
    /// held at once.
    fn set_document(&mut self, doc: Document) {
        self.flow.release();
        self.doc = Arc::new(doc);
        let options = self.layout_options(self.geometry.column_width);
        self.flow = Flow::new(Arc::clone(&self.doc), options);
    }

    /// Put in the whole document after a first frame was shown from the
    /// start of it: the reader stays on the same sentence, found again by
    /// the stable id of the block at the top; a reader still at the start
    /// goes to where the document was left, which may lie beyond the first
    /// part.
    pub(super) fn accept_whole(&mut self, doc: Document) {
        self.whole_pending = false;
        let untouched = self.flow.pos == Pos::default();
        let warnings = doc.meta.warnings.clone();
        let anchor = self.flow.anchor();
        let id = self.flow.id(anchor.item).map(Cow::into_owned);
        self.set_document(doc);
        self.parallel_key = None;
        self.popup = None;
        self.selected_marker = None;
        let item = id
            .and_then(|id| self.flow.find_id(&id))
            .unwrap_or(anchor.item);
        self.go(Anchor {
            item,
            byte: anchor.byte,
        });
        if untouched {
            if let Some(saved) = self.saved.clone() {
                self.restore(&saved);
            }
        }
        // Matches found in the first part name its paragraphs; find them
        // again in the whole, without moving the view.
        let anchor = self.flow.anchor();
        if let Some(search) = &mut self.search {
            search.restart(&self.flow, anchor);
        }
        if let Some(first) = warnings.first() {
            self.message = Some(format!("{first} ({} warning(s) in all)", warnings.len()));
        }
    }

    /// Layout options for a column of `width` cells.
    pub(crate) fn layout_options(&self, width: u16) -> crate::layout::LayoutOptions {
        self.settings.layout_options(usize::from(width))
    }

    /// Rows of text on screen (at least one).
    pub(super) fn rows(&self) -> usize {
        self.geometry.rows()
    }

    /// The terminal was resized: the top sentence stays on top.
    pub(super) fn resize(&mut self, width: u16, height: u16) {
        self.geometry = Geometry::new(width, height, self.settings.width);
        self.flow
            .set_options(self.layout_options(self.geometry.column_width));
        self.flow.clamp(self.rows());
    }

    /// Go to an anchor.
    pub(super) fn go(&mut self, anchor: Anchor) {
        let rows = self.rows();
        self.flow.goto_anchor(anchor);
        self.flow.clamp(rows);
    }

    /// Remember where the reader is, before a jump.
    pub(super) fn push_jump(&mut self) {
        self.jumps.push(self.flow.anchor());
    }

    /// Lay out what the next frame shows.
    pub(super) fn prepare(&mut self) {
        let rows = self.rows();
        self.prepared.rows = self.flow.prepare(rows);
        self.prepared.place = self.flow.place(rows);
        // "note 3 of 9" says which marker is selected: once it has left
        // the screen (and no popup shows it), it is no longer selected.
        if self.popup.is_none() && self.view == View::Reader {
            if let Some(m) = self.selected_marker {
                if self.flow.marker_row(m, &self.prepared.rows).is_none() {
                    self.selected_marker = None;
                }
            }
        }
        self.prepared.popup = self.popup.and_then(|p| self.prepare_popup(p));
        match self.view {
            View::Parallel(p) => self.prepare_parallel(p),
            View::Reader => {
                self.prepared.parallel = None;
                self.parallel_key = None;
            }
        }
    }

    /// The section titles, for the table of contents; the notes, when
    /// there are any, are the last entry, under their heading.
    pub fn toc_entries(&self) -> Vec<(usize, String)> {
        let notes = self.flow.notes_section().map(|s| {
            let heading = crate::document::reading_order::notes_heading(&self.doc);
            (s, heading.to_string())
        });
        self.doc
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (i, s.title.clone().unwrap_or_else(|| format!("({})", i + 1))))
            .chain(notes)
            .collect()
    }

    /// Where the view stands in the document (percentage, end, section).
    pub fn place(&self) -> super::flow::Place {
        self.prepared.place
    }

    /// The title of the section at the top of the view ("notes" among the
    /// notes), for the status line; empty when there is none.
    pub fn section_title(&self) -> String {
        let section = self.flow.current_section();
        if section.is_some() && section == self.flow.notes_section() {
            return crate::document::reading_order::notes_heading(&self.doc).to_string();
        }
        section
            .and_then(|s| self.doc.sections.get(s))
            .and_then(|s| s.title.clone())
            .unwrap_or_default()
    }

    /// The matches in item `item`, with whether each is the current one.
    pub fn matches_in(&self, item: usize) -> Vec<(std::ops::Range<usize>, bool)> {
        let text = self.flow.text(item);
        self.search
            .as_ref()
            .map_or_else(Vec::new, |s| s.matches_in(item, &text))
    }

    /// The open document.
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// The reading flow (items, markers, position).
    pub fn flow(&self) -> &Flow {
        &self.flow
    }

    /// What was laid out for the next frame.
    pub fn prepared(&self) -> &Prepared {
        &self.prepared
    }

    /// The visible rows of the reading view, when nothing is drawn over it
    /// (what a painter may scroll the terminal by).
    pub fn plain_reading_rows(&self) -> Option<&[FlowRow]> {
        (self.view == View::Reader
            && self.overlay == Overlay::None
            && self.prepared.popup.is_none())
        .then_some(self.prepared.rows.as_slice())
    }

    pub fn geometry(&self) -> Geometry {
        self.geometry
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    pub fn view(&self) -> View {
        self.view
    }

    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    /// The open footnote popup.
    pub fn popup(&self) -> Option<Popup> {
        self.popup
    }

    /// The footnote marker selected (by `f`, a click or a search hit).
    pub fn selected_marker(&self) -> Option<usize> {
        self.selected_marker
    }

    /// The status line's message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Is the search prompt open (keys go to it rather than the key table)?
    pub fn prompt_open(&self) -> bool {
        self.prompt.is_some()
    }

    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// Is a key (m, ') waiting for its letter?
    pub fn awaits_letter(&self) -> bool {
        self.awaiting.is_some()
    }

    /// The marks of the open document.
    pub fn marks(&self) -> &Marks {
        &self.marks
    }

    /// The open document's key in the state file.
    pub fn doc_key(&self) -> Option<&str> {
        self.doc_key.as_deref()
    }
}
