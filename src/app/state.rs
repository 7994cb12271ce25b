//! The reader's state and `App::update`, the only place it changes.
//! `App::prepare` lays out what the next frame shows, so that rendering
//! (`ui::render(&App, …)`) only reads.

use crate::cli::BidiMode;
use crate::document::Document;
use crate::layout::{layout_paragraph, Laid, LayoutOptions};

use super::action::Action;
use super::flow::{Anchor, Flow, FlowRow, ItemKind};
use super::keymap::Keymap;
use super::parallel::{Pane, ParallelLayout, ParallelText};
use super::search::{Pending, Prompt, Search};

/// Colours, or none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Dark,
    Light,
    /// No colour at all: bold, underline and reverse video only.
    Mono,
}

/// Settings from the command line (and, later, the config file).
#[derive(Clone, Debug)]
pub struct Settings {
    /// Text column width; narrower terminals use their full width.
    pub column: usize,
    pub shape: bool,
    pub bidi: BidiMode,
    pub theme: Theme,
    pub mouse: bool,
    pub colors: crate::config::Colors,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            column: 80,
            shape: true,
            bidi: BidiMode::App,
            theme: Theme::Dark,
            mouse: true,
            colors: crate::config::Colors::default(),
        }
    }
}

/// Where a document in the library comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Bundled(usize),
    File(std::path::PathBuf),
}

/// An entry of the library screen.
#[derive(Clone, Debug)]
pub struct LibraryEntry {
    pub title: String,
    pub source: Source,
    /// Reading progress in percent, when known.
    pub progress: Option<usize>,
}

/// Overlays drawn over the reading view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    Toc { selected: usize },
    Help { scroll: usize },
    Library { selected: usize },
}

/// An open footnote popup.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Popup {
    /// Index into `Flow::markers`.
    pub marker: usize,
    pub scroll: usize,
}

/// The side-by-side view's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parallel {
    pub focus: Pane,
    pub linked: bool,
    pub whole_arabic: bool,
    pub offsets: [usize; 2],
}

/// Which screen is shown under the overlays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Reader,
    Parallel(Parallel),
}

/// Screen geometry shared by `prepare`, `render` and mouse hit-testing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Geometry {
    /// Terminal size.
    pub width: u16,
    pub height: u16,
    /// The text column: left edge and width.
    pub column_x: u16,
    pub column_width: u16,
    /// Rows for text (the status line takes the last one).
    pub text_rows: u16,
}

impl Geometry {
    pub fn new(width: u16, height: u16, column: usize) -> Geometry {
        let column_width = (column.min(usize::from(width))).max(1) as u16;
        let column_width = column_width.min(width.max(1));
        Geometry {
            width,
            height,
            column_x: (width.saturating_sub(column_width)) / 2,
            column_width,
            text_rows: height.saturating_sub(1),
        }
    }
}

/// The popup's laid-out note and where it goes.
#[derive(Clone, Debug)]
pub struct PreparedPopup {
    pub text: String,
    pub laid: Laid,
    pub title: String,
    /// x, y, width, height (borders included).
    pub rect: (u16, u16, u16, u16),
    pub missing: bool,
}

/// What `prepare` computed for the next frame.
#[derive(Clone, Debug, Default)]
pub struct Frame {
    pub rows: Vec<FlowRow>,
    pub popup: Option<PreparedPopup>,
    pub parallel: Option<(ParallelText, ParallelLayout)>,
}

/// The whole reader.
pub struct App {
    pub doc: Document,
    pub flow: Flow,
    pub keymap: Keymap,
    pub settings: Settings,
    pub view: View,
    pub overlay: Overlay,
    pub popup: Option<Popup>,
    pub selected_marker: Option<usize>,
    pub jumps: Vec<Anchor>,
    pub geometry: Geometry,
    pub message: Option<String>,
    pub quit: bool,
    pub library: Vec<LibraryEntry>,
    /// The library entry open now.
    pub current: Option<usize>,
    pub frame: Frame,
    /// What the side-by-side layout in `frame` was made for (whole text?,
    /// pane widths), so it is made again only when that changes.
    parallel_key: Option<(bool, [usize; 2])>,
    /// The search prompt, while it is open.
    pub prompt: Option<Prompt>,
    /// The search in force (its matches are highlighted).
    pub search: Option<Search>,
    /// A key waiting for its letter (m, ').
    pub pending: Option<Pending>,
    /// Marks of this document, by letter.
    pub marks: std::collections::BTreeMap<char, Anchor>,
    /// The open document's key in the state file, and where it came from.
    pub doc_key: Option<String>,
    pub doc_path: Option<std::path::PathBuf>,
    /// The state file (none: positions are not kept).
    pub state_path: Option<std::path::PathBuf>,
    /// The whole of the open document, still being imported on another
    /// thread (a large file opens from its first part). Dropped when
    /// another document is opened, so it can never replace that one.
    pending_import: Option<std::sync::mpsc::Receiver<Document>>,
}

impl App {
    pub fn new(
        doc: Document,
        settings: Settings,
        keymap: Keymap,
        library: Vec<LibraryEntry>,
        width: u16,
        height: u16,
    ) -> App {
        let geometry = Geometry::new(width, height, settings.column);
        let flow = Flow::new(&doc, layout_options(&settings, geometry.column_width));
        let mut app = App {
            doc,
            flow,
            keymap,
            settings,
            view: View::Reader,
            overlay: Overlay::None,
            popup: None,
            selected_marker: None,
            jumps: Vec::new(),
            geometry,
            message: None,
            quit: false,
            library,
            current: None,
            frame: Frame::default(),
            parallel_key: None,
            prompt: None,
            search: None,
            pending: None,
            marks: std::collections::BTreeMap::new(),
            doc_key: None,
            doc_path: None,
            state_path: None,
            pending_import: None,
        };
        app.prepare();
        app
    }

    /// Replace the document (from the library).
    pub fn open(&mut self, doc: Document, entry: Option<usize>) {
        self.flow = Flow::new(
            &doc,
            layout_options(&self.settings, self.geometry.column_width),
        );
        self.doc = doc;
        self.current = entry;
        self.view = View::Reader;
        self.overlay = Overlay::None;
        self.popup = None;
        self.selected_marker = None;
        self.jumps.clear();
        self.parallel_key = None;
        self.search = None;
        self.prompt = None;
        self.marks.clear();
        self.pending_import = None;
        self.prepare();
    }

    /// The open document is a first part; the whole arrives on `rx`.
    pub fn expect_import(&mut self, rx: std::sync::mpsc::Receiver<Document>) {
        self.pending_import = Some(rx);
    }

    /// Whether the whole of the open document is still being imported.
    pub fn import_pending(&self) -> bool {
        self.pending_import.is_some()
    }

    /// Put in the whole document if it has arrived; true when it did (the
    /// screen must be drawn again).
    pub fn poll_import(&mut self) -> bool {
        let Some(rx) = &self.pending_import else {
            return false;
        };
        let full = match rx.try_recv() {
            Ok(full) => full,
            Err(std::sync::mpsc::TryRecvError::Empty) => return false,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.pending_import = None;
                return false;
            }
        };
        self.pending_import = None;
        let warnings = full.meta.warnings.clone();
        let untouched = self.flow.pos == super::flow::Pos::default();
        self.replace_document(full);
        // A saved position beyond the first part can be reached now.
        if untouched {
            if let Some(key) = self.doc_key.clone() {
                self.attach(key, self.doc_path.clone());
            }
        }
        if let Some(first) = warnings.first() {
            self.message = Some(format!("{first} ({} warning(s) in all)", warnings.len()));
        }
        true
    }

    /// Put in the whole document after a first frame was shown from the
    /// start of it (see `main`): the reader stays on the same sentence,
    /// found again by the stable id of the block at the top.
    pub fn replace_document(&mut self, doc: Document) {
        let anchor = self.flow.anchor();
        let id = self.flow.items.get(anchor.item).map(|i| i.id.clone());
        self.flow = Flow::new(
            &doc,
            layout_options(&self.settings, self.geometry.column_width),
        );
        self.doc = doc;
        self.parallel_key = None;
        self.popup = None;
        self.selected_marker = None;
        let item = id
            .and_then(|id| self.flow.items.iter().position(|i| i.id == id))
            .unwrap_or(anchor.item);
        self.flow.goto_anchor(Anchor {
            item,
            byte: anchor.byte,
        });
        self.flow.clamp(self.rows());
        self.prepare();
    }

    fn rows(&self) -> usize {
        usize::from(self.geometry.text_rows).max(1)
    }

    /// Rows of text on screen.
    pub(super) fn text_rows(&self) -> usize {
        self.rows()
    }

    /// The terminal was resized.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.geometry = Geometry::new(width, height, self.settings.column);
        self.flow
            .set_options(layout_options(&self.settings, self.geometry.column_width));
        self.flow.clamp(self.rows());
        self.prepare();
    }

    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        if action == Action::QuitNow {
            self.quit = true;
            return;
        }
        match self.overlay.clone() {
            Overlay::Toc { selected } => return self.update_toc(action, selected),
            Overlay::Help { scroll } => return self.update_help(action, scroll),
            Overlay::Library { selected } => return self.update_library(action, selected),
            Overlay::None => {}
        }
        if let Some(popup) = self.popup {
            if self.update_popup(action, popup) {
                self.prepare();
                return;
            }
        }
        if let View::Parallel(p) = self.view {
            self.update_parallel(action, p);
        } else {
            self.update_reader(action);
        }
        self.prepare();
    }

    pub(super) fn push_jump_public(&mut self) {
        self.push_jump();
    }

    fn push_jump(&mut self) {
        self.jumps.push(self.flow.anchor());
        if self.jumps.len() > 100 {
            self.jumps.remove(0);
        }
    }

    fn update_reader(&mut self, action: Action) {
        let rows = self.rows();
        match action {
            Action::LineDown => self.flow.scroll_down(1, rows),
            Action::LineUp => self.flow.scroll_up(1),
            Action::PageDown => self.flow.scroll_down(rows.saturating_sub(1).max(1), rows),
            Action::PageUp => self.flow.scroll_up(rows.saturating_sub(1).max(1)),
            Action::HalfPageDown => self.flow.scroll_down((rows / 2).max(1), rows),
            Action::HalfPageUp => self.flow.scroll_up((rows / 2).max(1)),
            Action::Top => {
                self.push_jump();
                self.flow.goto_item(0, rows);
            }
            Action::Bottom => {
                self.push_jump();
                let end = self.flow.max_top(rows);
                self.flow.pos = end;
            }
            Action::NextSection | Action::PrevSection => {
                let current = self.flow.current_section();
                let target = match (action, current) {
                    (Action::NextSection, Some(s)) => Some(s + 1),
                    (Action::NextSection, None) => Some(0),
                    (_, Some(s)) => {
                        // Back to the start of this section first, then the one before.
                        let start = self.flow.section_items[s];
                        if self.flow.pos.item > start || self.flow.pos.row > 0 {
                            Some(s)
                        } else {
                            s.checked_sub(1)
                        }
                    }
                    (_, None) => None,
                };
                match target.and_then(|s| self.flow.section_items.get(s).copied()) {
                    Some(item) => {
                        self.push_jump();
                        self.flow.goto_item(item, rows);
                    }
                    None => self.message = Some("no more sections".into()),
                }
            }
            Action::Toc => {
                if self.doc.sections.iter().all(|s| s.title.is_none()) {
                    self.message = Some("this document has no sections".into());
                } else {
                    let selected = self.flow.current_section().unwrap_or(0);
                    self.overlay = Overlay::Toc { selected };
                }
            }
            Action::NextFootnote => self.move_marker(true),
            Action::PrevFootnote => self.move_marker(false),
            Action::Activate => {
                if let Some(m) = self.selected_marker {
                    self.popup = Some(Popup {
                        marker: m,
                        scroll: 0,
                    });
                }
            }
            Action::JumpBack => match self.jumps.pop() {
                Some(anchor) => {
                    self.flow.goto_anchor(anchor);
                    self.flow.clamp(rows);
                }
                None => self.message = Some("no earlier position".into()),
            },
            Action::Close => {
                self.selected_marker = None;
                self.search = None;
            }
            Action::Search => self.start_search(),
            Action::SearchNext => self.step_match(true),
            Action::SearchPrev => self.step_match(false),
            Action::SetMark => self.pending = Some(Pending::SetMark),
            Action::GotoMark => self.pending = Some(Pending::GotoMark),
            Action::SideBySide => {
                self.view = View::Parallel(Parallel {
                    focus: Pane::Left,
                    linked: true,
                    whole_arabic: false,
                    offsets: [0, 0],
                });
            }
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            Action::Library => {
                let selected = self.current.unwrap_or(0);
                self.overlay = Overlay::Library { selected };
            }
            Action::Quit => self.quit = true,
            Action::SwitchPane | Action::ToggleLinkedScroll | Action::ToggleArabicWhole => {
                self.message = Some("that key works in the side-by-side view (s)".into());
            }
            Action::QuitNow => self.quit = true,
        }
    }

    /// Select the next (or previous) footnote marker from the current one,
    /// or from the top of the view; scroll to it and open its note.
    fn move_marker(&mut self, forward: bool) {
        let markers = &self.flow.markers;
        if markers.is_empty() {
            self.message = Some("this document has no footnotes".into());
            return;
        }
        let top = self.flow.anchor();
        let target = match (self.selected_marker, forward) {
            (Some(m), true) => (m + 1 < markers.len()).then_some(m + 1),
            (Some(m), false) => m.checked_sub(1),
            (None, true) => markers
                .iter()
                .position(|mk| (mk.item, mk.range.start) >= (top.item, top.byte)),
            (None, false) => markers
                .iter()
                .rposition(|mk| (mk.item, mk.range.start) < (top.item, top.byte)),
        };
        let Some(m) = target else {
            self.message = Some(
                if forward {
                    "no more footnotes below"
                } else {
                    "no more footnotes above"
                }
                .into(),
            );
            return;
        };
        self.selected_marker = Some(m);
        self.popup = Some(Popup {
            marker: m,
            scroll: 0,
        });
        self.scroll_to_marker(m);
    }

    /// Make marker `m` visible, a third of the way down, unless it already is.
    fn scroll_to_marker(&mut self, m: usize) {
        let rows = self.rows();
        let visible = self.flow.prepare(rows);
        if self.flow.marker_row(m, &visible).is_some() {
            return;
        }
        let marker = self.flow.markers[m].clone();
        let row = self.flow.row_of(marker.item, marker.range.start);
        self.flow.pos = super::flow::Pos {
            item: marker.item,
            row,
        };
        self.flow.scroll_up(rows / 3);
        self.flow.clamp(rows);
    }

    /// Keys while a popup is open; false when the key is not the popup's
    /// (the popup then closes and the reader takes the key).
    fn update_popup(&mut self, action: Action, popup: Popup) -> bool {
        let page = self
            .frame
            .popup
            .as_ref()
            .map_or(1, |p| usize::from(p.rect.3.saturating_sub(2)).max(1));
        let max_scroll = self
            .frame
            .popup
            .as_ref()
            .map_or(0, |p| p.laid.rows.len().saturating_sub(page));
        let set_scroll = |app: &mut App, s: usize| {
            app.popup = Some(Popup {
                scroll: s.min(max_scroll),
                ..popup
            });
        };
        match action {
            Action::LineDown => set_scroll(self, popup.scroll + 1),
            Action::LineUp => set_scroll(self, popup.scroll.saturating_sub(1)),
            Action::PageDown | Action::HalfPageDown => set_scroll(self, popup.scroll + page),
            Action::PageUp | Action::HalfPageUp => {
                set_scroll(self, popup.scroll.saturating_sub(page))
            }
            Action::NextFootnote => self.move_marker(true),
            Action::PrevFootnote => self.move_marker(false),
            Action::Activate => {
                let note = self.flow.markers[popup.marker].note;
                match note.and_then(|n| self.flow.note_items.get(n).copied()) {
                    Some(item) => {
                        self.push_jump();
                        self.popup = None;
                        let rows = self.rows();
                        self.flow.goto_item(item, rows);
                    }
                    None => self.message = Some("this note's text is missing".into()),
                }
            }
            Action::Close | Action::Quit => self.popup = None,
            _ => {
                self.popup = None;
                return false;
            }
        }
        true
    }

    fn update_toc(&mut self, action: Action, selected: usize) {
        let n = self.doc.sections.len();
        let last = n.saturating_sub(1);
        let selected = match action {
            Action::LineDown => (selected + 1).min(last),
            Action::LineUp => selected.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => (selected + 10).min(last),
            Action::PageUp | Action::HalfPageUp => selected.saturating_sub(10),
            Action::Top => 0,
            Action::Bottom => last,
            Action::Activate => {
                self.overlay = Overlay::None;
                if let Some(&item) = self.flow.section_items.get(selected) {
                    self.push_jump();
                    let rows = self.rows();
                    self.flow.goto_item(item, rows);
                }
                self.prepare();
                return;
            }
            Action::Close | Action::Quit | Action::Toc => {
                self.overlay = Overlay::None;
                self.prepare();
                return;
            }
            _ => selected,
        };
        self.overlay = Overlay::Toc { selected };
    }

    fn update_help(&mut self, action: Action, scroll: usize) {
        let max = self.keymap.entries().len().saturating_sub(1);
        self.overlay = match action {
            Action::LineDown => Overlay::Help {
                scroll: (scroll + 1).min(max),
            },
            Action::LineUp => Overlay::Help {
                scroll: scroll.saturating_sub(1),
            },
            Action::PageDown => Overlay::Help {
                scroll: (scroll + 10).min(max),
            },
            Action::PageUp => Overlay::Help {
                scroll: scroll.saturating_sub(10),
            },
            Action::Close | Action::Quit | Action::Help => Overlay::None,
            _ => Overlay::Help { scroll },
        };
    }

    fn update_library(&mut self, action: Action, selected: usize) {
        let last = self.library.len().saturating_sub(1);
        self.overlay = match action {
            Action::LineDown => Overlay::Library {
                selected: (selected + 1).min(last),
            },
            Action::LineUp => Overlay::Library {
                selected: selected.saturating_sub(1),
            },
            Action::Top => Overlay::Library { selected: 0 },
            Action::Bottom => Overlay::Library { selected: last },
            Action::Activate => {
                self.open_entry(selected);
                return;
            }
            Action::Close | Action::Quit | Action::Library => Overlay::None,
            _ => Overlay::Library { selected },
        };
    }

    /// Open library entry `i`; errors go to the status line. The document
    /// open now is saved first.
    pub fn open_entry(&mut self, i: usize) {
        let Some(entry) = self.library.get(i).cloned() else {
            return;
        };
        if let Err(e) = self.save_state() {
            self.message = Some(e);
        }
        let opened = match &entry.source {
            Source::Bundled(b) => {
                let essay = &crate::bundled::ESSAYS[*b];
                Ok((
                    crate::bundled::import(essay),
                    crate::persist::state::key(essay.text),
                    None,
                ))
            }
            Source::File(path) => crate::source_file::read_text(path)
                .map_err(|e| e.to_string())
                .and_then(|source| {
                    let key = crate::persist::state::key(&source.text);
                    crate::document::import::import_source(&source, None)
                        .map(|doc| (doc, key, Some(path.clone())))
                        .map_err(|e| e.to_string())
                }),
        };
        match opened {
            Ok((doc, key, path)) => {
                self.open(doc, Some(i));
                self.attach(key, path);
            }
            Err(e) => {
                self.overlay = Overlay::None;
                self.message = Some(e);
            }
        }
    }

    fn update_parallel(&mut self, action: Action, mut p: Parallel) {
        let rows = self.rows();
        let lengths = self
            .frame
            .parallel
            .as_ref()
            .map_or([0, 0], |(_, l)| [l.rows[0].len(), l.rows[1].len()]);
        let pane_rows = if self.geometry.width < 60 {
            rows.saturating_sub(2) / 2
        } else {
            rows.saturating_sub(1)
        };
        let max = [
            lengths[0].saturating_sub(pane_rows),
            lengths[1].saturating_sub(pane_rows),
        ];
        let scroll = |p: &mut Parallel, delta: isize| {
            let panes: &[usize] = if p.linked {
                &[0, 1]
            } else if p.focus == Pane::Left {
                &[0]
            } else {
                &[1]
            };
            for &i in panes {
                let target = p.offsets[i] as isize + delta;
                p.offsets[i] = target.clamp(
                    0,
                    max[i].max(if p.linked { max[0].max(max[1]) } else { 0 }) as isize,
                ) as usize;
            }
        };
        match action {
            Action::LineDown => scroll(&mut p, 1),
            Action::LineUp => scroll(&mut p, -1),
            Action::PageDown => scroll(&mut p, pane_rows.max(2) as isize - 1),
            Action::PageUp => scroll(&mut p, -(pane_rows.max(2) as isize - 1)),
            Action::HalfPageDown => scroll(&mut p, (pane_rows / 2).max(1) as isize),
            Action::HalfPageUp => scroll(&mut p, -((pane_rows / 2).max(1) as isize)),
            Action::Top => p.offsets = [0, 0],
            Action::Bottom => scroll(&mut p, isize::MAX / 4),
            Action::SwitchPane => {
                p.focus = if p.focus == Pane::Left {
                    Pane::Right
                } else {
                    Pane::Left
                }
            }
            Action::ToggleLinkedScroll => {
                p.linked = !p.linked;
                if p.linked {
                    let o = p.offsets[p.focus.index()];
                    p.offsets = [o, o];
                }
                self.message = Some(
                    if p.linked {
                        "scrolling linked"
                    } else {
                        "scrolling unlinked"
                    }
                    .into(),
                );
            }
            Action::ToggleArabicWhole => {
                p.whole_arabic = !p.whole_arabic;
                p.offsets = [0, 0];
            }
            Action::Close | Action::Quit | Action::SideBySide => {
                self.view = View::Reader;
                return;
            }
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            _ => {}
        }
        self.view = View::Parallel(p);
    }

    /// A mouse wheel turn (positive: down).
    pub fn wheel(&mut self, lines: isize) {
        let action = if lines > 0 {
            Action::LineDown
        } else {
            Action::LineUp
        };
        for _ in 0..lines.unsigned_abs() {
            self.update(action);
        }
    }

    /// A click at a screen cell: a footnote marker there opens its note.
    pub fn click(&mut self, x: u16, y: u16) {
        if self.view != View::Reader || self.overlay != Overlay::None {
            return;
        }
        let Some(row) = self.frame.rows.get(usize::from(y)).copied() else {
            return;
        };
        let FlowRow::Text { item, row } = row else {
            return;
        };
        let Some(laid) = self.flow.laid(item) else {
            return;
        };
        let r = &laid.rows[row];
        let mut cx = self.geometry.column_x as usize + r.indent;
        for cell in laid.row_cells(row) {
            let w = usize::from(cell.width);
            if (cx..cx + w).contains(&usize::from(x)) {
                let hit = self
                    .flow
                    .markers
                    .iter()
                    .position(|m| m.item == item && m.range.contains(&(cell.start as usize)));
                if let Some(m) = hit {
                    self.selected_marker = Some(m);
                    self.popup = Some(Popup {
                        marker: m,
                        scroll: 0,
                    });
                    self.prepare();
                }
                return;
            }
            cx += w;
        }
    }

    /// Lay out what the next frame shows.
    pub fn prepare(&mut self) {
        let rows = self.rows();
        self.frame.rows = self.flow.prepare(rows);
        self.frame.popup = self.popup.and_then(|p| self.prepare_popup(p));
        match self.view {
            View::Parallel(p) => self.prepare_parallel(p),
            View::Reader => {
                self.frame.parallel = None;
                self.parallel_key = None;
            }
        }
    }

    fn prepare_parallel(&mut self, p: Parallel) {
        let g = self.geometry;
        // A pane's text is its width less the borders and a space each side.
        let widths = if g.width < 60 {
            [usize::from(g.width).saturating_sub(4).max(1); 2]
        } else {
            let half = usize::from(g.width) / 2;
            [
                half.saturating_sub(4).max(1),
                usize::from(g.width)
                    .saturating_sub(half)
                    .saturating_sub(4)
                    .max(1),
            ]
        };
        let key = (p.whole_arabic, widths);
        if self.parallel_key == Some(key) && self.frame.parallel.is_some() {
            return;
        }
        let text = ParallelText::new(&self.doc, p.whole_arabic);
        let layout = ParallelLayout::new(&text, widths, layout_options(&self.settings, 80));
        self.frame.parallel = Some((text, layout));
        self.parallel_key = Some(key);
    }

    fn prepare_popup(&mut self, popup: Popup) -> Option<PreparedPopup> {
        let g = self.geometry;
        if g.width < 8 || g.text_rows < 4 {
            return None;
        }
        let marker = self.flow.markers.get(popup.marker)?.clone();
        let total = self.flow.markers.len();
        let (text, missing, label) = match marker.note.and_then(|n| self.doc.notes.get(n)) {
            Some(note) => (
                note.blocks
                    .iter()
                    .map(|b| b.flat().text)
                    .collect::<Vec<_>>()
                    .join(" "),
                false,
                note.label.clone(),
            ),
            None => (
                "The text of this note is missing from the document.".to_string(),
                true,
                self.flow.items[marker.item].text[marker.range.clone()].to_string(),
            ),
        };
        let title = format!(" {} \u{2014} {} of {} ", label, popup.marker + 1, total);
        let width = usize::from(g.column_width)
            .clamp(10, 70)
            .min(usize::from(g.width).saturating_sub(2))
            .max(4);
        let inner = width.saturating_sub(4).max(1);
        let laid = layout_paragraph(&text, &layout_options(&self.settings, inner as u16), &[]);
        // Where is the marker on screen? Put the popup below it if it fits
        // (or there is more room below), else above; never over its row.
        let marker_row = self
            .flow
            .marker_row(popup.marker, &self.frame.rows)
            .unwrap_or(0);
        let rows = usize::from(g.text_rows);
        let want = laid.rows.len() + 2;
        let below = rows.saturating_sub(marker_row + 1);
        let above = marker_row;
        let (y, height) = if want <= below || below >= above {
            (marker_row + 1, want.min(below))
        } else {
            let h = want.min(above);
            (marker_row - h, h)
        };
        if height < 3 {
            return None;
        }
        let x = usize::from(g.width).saturating_sub(width) / 2;
        Some(PreparedPopup {
            text,
            laid,
            title,
            rect: (x as u16, y as u16, width as u16, height as u16),
            missing,
        })
    }

    /// The section titles, for the table of contents.
    pub fn toc_entries(&self) -> Vec<(usize, String)> {
        self.doc
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| (i, s.title.clone().unwrap_or_else(|| format!("({})", i + 1))))
            .collect()
    }

    /// What the status line says about the position.
    pub fn position_text(&self) -> String {
        let item = self.flow.items.get(self.flow.pos.item);
        let kind = item.map(|i| i.kind);
        let section = self
            .flow
            .current_section()
            .and_then(|s| self.doc.sections.get(s))
            .and_then(|s| s.title.clone())
            .or_else(|| {
                matches!(kind, Some(ItemKind::Note(_) | ItemKind::NotesHeading))
                    .then(|| "notes".to_string())
            })
            .unwrap_or_default();
        section
    }
}

/// Layout options for a text column of `width` cells.
pub fn layout_options(settings: &Settings, width: u16) -> LayoutOptions {
    LayoutOptions {
        width: usize::from(width).max(1),
        shape: settings.shape,
        reorder: settings.bidi == BidiMode::App,
        align_rtl: settings.bidi == BidiMode::App,
        ..LayoutOptions::default()
    }
}
