//! What the reader shows, as plain data: which view and overlay are up, the
//! screen's geometry, the open footnote popup, and what `App::prepare` laid
//! out for the next frame (which drawing only reads).

use std::path::PathBuf;

use super::flow::{FlowRow, Place};
use super::parallel::{Pane, ParallelLayout, ParallelText};
use crate::layout::Laid;

/// Below this many columns the side-by-side panes are stacked, one above
/// the other, instead of set side by side.
pub const STACK_BELOW_COLUMNS: u16 = 60;

/// Whether a screen `width` columns wide stacks the side-by-side panes.
pub fn panes_stacked(width: u16) -> bool {
    width < STACK_BELOW_COLUMNS
}

/// Where a document in the library comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Bundled(usize),
    File(PathBuf),
}

/// The groups of the library, in the order shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    /// Named on the command line (`hamish A B C`), in that order.
    Files,
    /// In the folder named on the command line (`hamish DIR`).
    Folder,
    /// Read before, most recent first.
    #[default]
    Recent,
    /// The essays that come with hamish.
    Bundled,
}

impl Group {
    /// A short tag shown before each entry.
    pub fn tag(self) -> &'static str {
        match self {
            Group::Files => "file",
            Group::Folder => "here",
            Group::Recent => "read",
            Group::Bundled => "demo",
        }
    }
}

/// An entry of the library screen: one per document (by its content, so
/// the same essay opened from two paths is one entry).
#[derive(Clone, Debug, Default)]
pub struct LibraryEntry {
    pub title: String,
    pub source: Source,
    /// Reading progress in percent, when known.
    pub progress: Option<usize>,
    pub group: Group,
    /// The document's key in the state file, when known.
    pub key: Option<String>,
    /// A recently read file that is no longer where it was.
    pub missing: bool,
}

impl Default for Source {
    fn default() -> Source {
        Source::Bundled(0)
    }
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

/// Screen geometry shared by `prepare`, drawing and mouse hit-testing.
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
    /// A terminal of `width` x `height` showing a column of `column` cells
    /// (narrower terminals use their full width less a margin, so the text
    /// never touches the edges of the screen).
    pub fn new(width: u16, height: u16, column: usize) -> Geometry {
        let room = width.saturating_sub(2 * margin(width));
        let column_width = (column.min(usize::from(room))).max(1) as u16;
        let column_width = column_width.min(width.max(1));
        Geometry {
            width,
            height,
            column_x: (width.saturating_sub(column_width)) / 2,
            column_width,
            text_rows: height.saturating_sub(1),
        }
    }

    /// Rows of text, at least one (for scrolling arithmetic).
    pub fn rows(&self) -> usize {
        usize::from(self.text_rows).max(1)
    }
}

/// The blank cells kept each side of the text column when the terminal is
/// not much wider than the column: two from 60 columns, one from 40, none
/// below (where every cell is needed for text).
pub fn margin(width: u16) -> u16 {
    match width {
        0..40 => 0,
        40..60 => 1,
        _ => 2,
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
    /// Search matches in `text`, with whether each is the current one.
    pub hits: Vec<(std::ops::Range<usize>, bool)>,
}

/// What `App::prepare` computed for the next frame.
#[derive(Clone, Debug, Default)]
pub struct Prepared {
    pub rows: Vec<FlowRow>,
    /// Where those rows stand in the document.
    pub place: Place,
    pub popup: Option<PreparedPopup>,
    pub parallel: Option<(ParallelText, ParallelLayout)>,
}
