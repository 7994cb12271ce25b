//! Saving and restoring where the reader is: the position and marks of the
//! open document as text anchors (block id + byte), in the state file.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use super::flow::Anchor;
use super::state::{App, LibraryEntry, Source};
use crate::persist::state::{self, DocState, Saved};

impl App {
    /// An anchor as saved: the stable id of its item and the byte.
    fn to_saved(&self, anchor: Anchor) -> Saved {
        Saved {
            block: self
                .flow
                .items
                .get(anchor.item)
                .map(|i| i.id.clone())
                .unwrap_or_default(),
            byte: anchor.byte,
        }
    }

    /// A saved position in this document, if its block is still there.
    fn anchor_of(&self, saved: &Saved) -> Option<Anchor> {
        let item = self.flow.items.iter().position(|i| i.id == saved.block)?;
        let len = self.flow.items[item].text.len();
        Some(Anchor {
            item,
            byte: saved.byte.min(len),
        })
    }

    /// Identify the open document for the state file and go back to where
    /// it was left, with its marks.
    pub fn attach(&mut self, key: String, path: Option<PathBuf>) {
        self.doc_key = Some(key.clone());
        self.doc_path = path;
        let Some(state_path) = self.state_path.clone() else {
            return;
        };
        let (file, warning) = state::load(&state_path);
        if let Some(w) = warning {
            self.message = Some(w);
        }
        if let Some(saved) = file.documents.get(&key) {
            if let Some(anchor) = self.anchor_of(&saved.position) {
                self.go(anchor);
            }
            self.marks = saved
                .marks
                .iter()
                .filter_map(|(c, s)| self.anchor_of(s).map(|a| (*c, a)))
                .collect();
            self.prepare();
        }
    }

    /// The position to save, if it differs from `last`.
    pub fn position_to_save(&self) -> Saved {
        self.to_saved(self.flow.anchor())
    }

    /// Write this document's position and marks to the state file.
    pub fn save_state(&self) -> Result<(), String> {
        self.save_snapshot().map_or(Ok(()), SaveSnapshot::write)
    }

    /// What [`App::save_state`] would write, taken now, to be written
    /// later or on another thread (the signal watchdog, a background save).
    pub fn save_snapshot(&self) -> Option<SaveSnapshot> {
        let (Some(path), Some(key)) = (&self.state_path, &self.doc_key) else {
            return None;
        };
        let mut title: String = self
            .doc
            .meta
            .title
            .chars()
            .take(state::MAX_TITLE_CHARS + 1)
            .collect();
        if title.chars().count() > state::MAX_TITLE_CHARS {
            title = title.chars().take(state::MAX_TITLE_CHARS).collect();
        }
        Some(SaveSnapshot {
            taken: SNAPSHOTS.fetch_add(1, Ordering::Relaxed) + 1,
            path: path.clone(),
            key: key.clone(),
            entry: DocState {
                title,
                path: self.doc_path.as_ref().map(|p| p.display().to_string()),
                position: self.position_to_save(),
                percent: self.flow.percent(),
                marks: self
                    .marks
                    .iter()
                    .map(|(c, a)| (*c, self.to_saved(*a)))
                    .collect(),
                opened: 0,
                other: Default::default(),
            },
        })
    }
}

static SNAPSHOTS: AtomicU64 = AtomicU64::new(0);
static WRITTEN: Mutex<u64> = Mutex::new(0);

/// One document's entry as it should be saved, detached from the reader.
#[derive(Clone, Debug)]
pub struct SaveSnapshot {
    /// Order of taking: a snapshot older than one already written is not
    /// written (saves run on threads and may finish out of order).
    taken: u64,
    path: PathBuf,
    key: String,
    entry: DocState,
}

impl SaveSnapshot {
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
        state::update(&self.path, &self.key, |d: &mut DocState| {
            d.title = entry.title;
            d.path = entry.path;
            d.position = entry.position;
            d.percent = entry.percent;
            d.marks = entry.marks;
            d.opened = now;
        })
        .map_err(|e| {
            format!(
                "{}: cannot save the reading position: {e}",
                self.path.display()
            )
        })
    }
}

/// The library: the bundled essays, then recently read files (most recent
/// first), then files named on the command line, each with its progress.
pub fn library(saved: &state::StateFile, files: &[PathBuf]) -> Vec<LibraryEntry> {
    let mut entries: Vec<LibraryEntry> = crate::bundled::ESSAYS
        .iter()
        .enumerate()
        .map(|(i, e)| LibraryEntry {
            title: e.title.to_string(),
            source: Source::Bundled(i),
            progress: saved.documents.get(&state::key(e.text)).map(|d| d.percent),
        })
        .collect();
    let mut recent: Vec<&DocState> = saved
        .documents
        .values()
        .filter(|d| {
            d.path
                .as_ref()
                .is_some_and(|p| std::path::Path::new(p).is_file())
        })
        .collect();
    recent.sort_by_key(|d| std::cmp::Reverse(d.opened));
    for d in recent {
        let path = PathBuf::from(d.path.clone().unwrap_or_default());
        entries.push(LibraryEntry {
            title: if d.title.is_empty() {
                path.display().to_string()
            } else {
                d.title.clone()
            },
            source: Source::File(path),
            progress: Some(d.percent),
        });
    }
    for path in files {
        let known = entries.iter().any(|e| matches!(&e.source, Source::File(p) if p == path || (p.canonicalize().ok().is_some() && p.canonicalize().ok() == path.canonicalize().ok())));
        if !known {
            entries.push(LibraryEntry {
                title: path.display().to_string(),
                source: Source::File(path.clone()),
                progress: None,
            });
        }
    }
    entries
}
