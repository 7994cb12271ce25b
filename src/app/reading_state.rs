//! Where the reader is, as the state file keeps it: the position and marks
//! of the open document as text anchors (block id + byte). The App takes a
//! snapshot to save (the event loop writes it) and goes back to a saved
//! entry when a document is opened; the library lists what was read.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use super::flow::Anchor;
use super::state::App;
use crate::persist::state::{self, DocState, Saved};

/// Snapshots taken so far, and the latest one written: saves run on
/// threads and may finish out of order, and an older snapshot must never
/// overwrite a newer one.
static SNAPSHOTS: AtomicU64 = AtomicU64::new(0);
static WRITTEN: Mutex<u64> = Mutex::new(0);

/// One document's entry as it is to be saved, taken from the reader at one
/// moment, to be written by the event loop (now, on another thread, or by
/// the signal watchdog).
#[derive(Clone, Debug)]
pub struct SaveSnapshot {
    /// Order of taking: a snapshot older than one already written is not
    /// written.
    taken: u64,
    path: PathBuf,
    key: String,
    entry: DocState,
    /// The search prompt's history, oldest first.
    history: Vec<String>,
}

impl SaveSnapshot {
    /// The document's key in the state file.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The entry to be saved.
    pub fn entry(&self) -> &DocState {
        &self.entry
    }

    /// Merge the entry into the state file (fields a later hamish added
    /// to the entry are kept).
    pub fn write(self) -> Result<(), String> {
        let mut written = WRITTEN.lock().unwrap_or_else(|p| p.into_inner());
        if *written >= self.taken {
            return Ok(());
        }
        *written = self.taken;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let entry = self.entry;
        let change = |d: &mut DocState| {
            d.title = entry.title;
            d.path = entry.path;
            d.position = entry.position;
            d.percent = entry.percent;
            d.marks = entry.marks;
            d.opened = now;
        };
        state::update_with_history(&self.path, &self.key, change, &self.history).map_err(|e| {
            format!(
                "{}: cannot save the reading position: {e}",
                self.path.display()
            )
        })
    }
}

impl App {
    /// An anchor as saved: the stable id of its item and the byte.
    fn to_saved(&self, anchor: Anchor) -> Saved {
        Saved {
            block: self
                .flow
                .id(anchor.item)
                .map(Cow::into_owned)
                .unwrap_or_default(),
            byte: anchor.byte,
        }
    }

    /// A saved position in this document, if its block is still there.
    fn anchor_of(&self, saved: &Saved) -> Option<Anchor> {
        let item = self.flow.find_id(&saved.block)?;
        let len = self.flow.text_len(item);
        Some(Anchor {
            item,
            byte: saved.byte.min(len),
        })
    }

    /// Go back to where the open document was left, with its marks.
    pub(super) fn restore(&mut self, saved: &DocState) {
        if let Some(anchor) = self.anchor_of(&saved.position) {
            self.go(anchor);
        }
        self.marks = saved
            .marks
            .iter()
            .filter_map(|(c, s)| self.anchor_of(s).map(|a| (*c, a)))
            .collect();
    }

    /// The position at the top of the view, as it would be saved (the
    /// event loop saves only when it changed).
    pub fn position_to_save(&self) -> Saved {
        self.to_saved(self.flow.anchor())
    }

    /// What saving now would write; `None` when positions are not kept
    /// (no state file) or the document has no key.
    pub fn save_snapshot(&self) -> Option<SaveSnapshot> {
        let (Some(path), Some(key)) = (&self.state_path, &self.doc_key) else {
            return None;
        };
        // The state file keeps short titles only: never copy a long one whole.
        let title = self
            .doc
            .meta
            .title
            .chars()
            .take(state::MAX_TITLE_CHARS + 1)
            .collect();
        Some(SaveSnapshot {
            taken: SNAPSHOTS.fetch_add(1, Ordering::Relaxed) + 1,
            path: path.clone(),
            key: key.clone(),
            history: self.history.clone(),
            entry: DocState {
                title,
                // Absolute, so the library finds it from any directory.
                path: self
                    .doc_path
                    .as_ref()
                    .filter(|p| !crate::source_file::is_stdin(p))
                    .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.clone()))
                    .map(|p| p.display().to_string()),
                position: self.position_to_save(),
                percent: self.prepared.place.percent,
                marks: self
                    .marks
                    .iter()
                    .map(|(c, a)| (*c, self.to_saved(*a)))
                    .collect(),
                ..DocState::default()
            },
        })
    }
}
