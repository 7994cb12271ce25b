//! Reading state: where each document was left, and its marks, keyed by a
//! stable hash of the document's text (xxh3, whose output is fixed by its
//! specification, unlike std's DefaultHasher).
//!
//! The file holds every document's position, so it is never lost: a file
//! that cannot be read is left alone (and nothing is saved over it), a
//! damaged one is kept as a backup before a fresh one is started, fields a
//! newer hamish wrote are kept, and the file is bounded (documents, title
//! length, size read) so a save stays cheap.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Version of the state file written by this build.
pub const VERSION: u32 = 1;

/// A state file larger than this is not read (nor written over): hamish's
/// own files stay far below it (see [`MAX_DOCUMENTS`], [`MAX_TITLE_CHARS`]).
pub const MAX_FILE_BYTES: u64 = 16 << 20;

/// Documents kept; beyond this the least recently read are dropped on save.
pub const MAX_DOCUMENTS: usize = 1000;

/// Titles are stored cut to this many characters.
pub const MAX_TITLE_CHARS: usize = 200;

/// Fields of a newer hamish's file, kept as they are.
pub type Extra = serde_json::Map<String, serde_json::Value>;

/// A position as saved: the stable id of a block and a byte in it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub block: String,
    pub byte: usize,
}

/// What is kept of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocState {
    pub title: String,
    /// Where it was opened from (none for bundled essays).
    #[serde(default)]
    pub path: Option<String>,
    pub position: Saved,
    /// How far through, 0–100 (larger values read from a file become 100).
    #[serde(default)]
    pub percent: usize,
    #[serde(default)]
    pub marks: BTreeMap<char, Saved>,
    /// When it was last read (seconds since the epoch).
    #[serde(default)]
    pub opened: u64,
    /// Fields this build does not know, kept for the build that wrote them.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The whole state file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateFile {
    pub version: u32,
    #[serde(default)]
    pub documents: BTreeMap<String, DocState>,
    /// Fields this build does not know, kept for the build that wrote them.
    #[serde(flatten)]
    pub extra: Extra,
}

impl StateFile {
    fn fresh() -> Self {
        StateFile {
            version: VERSION,
            ..StateFile::default()
        }
    }
}

/// The key of a document's text.
pub fn key(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

/// `$XDG_STATE_HOME/hamish/state.json`, or `~/.local/state/hamish/state.json`.
pub fn default_path() -> Option<PathBuf> {
    super::xdg_file("XDG_STATE_HOME", ".local/state", "state.json")
}

/// What was found at the state file's path.
enum Found {
    Missing,
    Read(StateFile),
    /// Not readable, not a file, too large, or from a newer hamish: what
    /// could be read is used, nothing is written over it.
    LeaveAlone {
        state: StateFile,
        why: String,
    },
    /// Not UTF-8 or not JSON of the right shape: to be backed up.
    Damaged {
        why: String,
    },
}

fn examine(path: &Path) -> Found {
    let leave = |why: String| Found::LeaveAlone {
        state: StateFile::fresh(),
        why,
    };
    // Look before opening: a FIFO there would block the open.
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Found::Missing,
        Err(e) => return leave(format!("cannot read the reading state: {e}")),
    };
    if !meta.is_file() {
        return leave("the reading state is not a regular file".to_string());
    }
    if meta.len() > MAX_FILE_BYTES {
        return leave(format!(
            "the reading state is {} bytes, more than the {MAX_FILE_BYTES} read",
            meta.len()
        ));
    }
    let mut bytes = Vec::new();
    let read = File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes));
    if let Err(e) = read {
        return leave(format!("cannot read the reading state: {e}"));
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return leave("the reading state grew past the size read".to_string());
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return Found::Damaged {
            why: "not UTF-8".to_string(),
        };
    };
    match serde_json::from_str::<StateFile>(&text) {
        Ok(mut state) => {
            for doc in state.documents.values_mut() {
                doc.percent = doc.percent.min(100);
            }
            if state.version > VERSION {
                let why = format!(
                    "the reading state was written by a newer hamish (version {}, this one knows {VERSION})",
                    state.version
                );
                Found::LeaveAlone { state, why }
            } else {
                Found::Read(state)
            }
        }
        Err(e) => Found::Damaged { why: e.to_string() },
    }
}

/// Move a damaged file aside as `state.json.bad-<seconds>`.
fn back_up(path: &Path) -> std::io::Result<PathBuf> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let path = super::resolve_links(path)?;
    let backup = path.with_extension(format!("json.bad-{stamp}"));
    std::fs::rename(&path, &backup)?;
    Ok(backup)
}

/// Read the state file. A missing file is an empty state. A damaged one
/// (not UTF-8, not JSON) is moved aside as a backup and reported (the
/// second value), and an empty state is used. One that cannot be read, is
/// too large or was written by a newer hamish is left as it is and
/// reported; what could be read of it is used, and [`update`] will not
/// write over it.
pub fn load(path: &Path) -> (StateFile, Option<String>) {
    let shown = path.display();
    match examine(path) {
        Found::Missing => (StateFile::fresh(), None),
        Found::Read(state) => (state, None),
        Found::LeaveAlone { state, why } => (
            state,
            Some(format!(
                "{shown}: {why}; it is left as it is and positions are not saved"
            )),
        ),
        Found::Damaged { why } => {
            let note = match back_up(path) {
                Ok(backup) => format!("kept as {}; starting afresh", backup.display()),
                Err(e) => format!(
                    "could not back it up ({e}); it is left as it is and positions are not saved"
                ),
            };
            (
                StateFile::fresh(),
                Some(format!(
                    "{shown}: the reading state is damaged ({why}); {note}"
                )),
            )
        }
    }
}

/// Change one document's entry: under a lock, read the file again (so
/// another hamish's positions are kept), apply `change`, bound the file,
/// write atomically (through a symbolic link). Refuses, with an error, to
/// write over a file that could not be read.
pub fn update(path: &Path, key: &str, change: impl FnOnce(&mut DocState)) -> std::io::Result<()> {
    let dir = super::parent_dir(path);
    std::fs::create_dir_all(dir)?;
    let lock = File::create(dir.join("state.lock"))?;
    lock.lock()?;
    let result = update_locked(path, key, change);
    let _ = lock.unlock();
    result
}

fn update_locked(
    path: &Path,
    key: &str,
    change: impl FnOnce(&mut DocState),
) -> std::io::Result<()> {
    // No other save is under way: temporaries left are from killed ones.
    super::remove_stale_temporaries(&super::resolve_links(path)?);
    let mut state = match examine(path) {
        Found::Missing => StateFile::fresh(),
        Found::Read(state) => state,
        Found::LeaveAlone { why, .. } => {
            return Err(std::io::Error::other(format!("{why}; left as it is")))
        }
        Found::Damaged { why } => {
            back_up(path).map_err(|e| {
                std::io::Error::other(format!(
                    "the reading state is damaged ({why}) and could not be backed up ({e}); left as it is"
                ))
            })?;
            StateFile::fresh()
        }
    };
    state.version = VERSION;
    change(state.documents.entry(key.to_string()).or_default());
    bound(&mut state, key);
    let text = serde_json::to_string_pretty(&state).map_err(std::io::Error::other)?;
    super::write_atomically(path, text.as_bytes())
}

/// Store `doc` as the entry of `key` (fields a newer hamish added to the
/// entry are kept). Takes everything by value, so a save can be sent to
/// another thread and never hold up the reader.
pub fn save(path: PathBuf, key: String, doc: DocState) -> std::io::Result<()> {
    update(&path, &key, move |entry| {
        let extra = std::mem::take(&mut entry.extra);
        *entry = doc;
        if entry.extra.is_empty() {
            entry.extra = extra;
        }
    })
}

/// Keep the file small: titles cut to [`MAX_TITLE_CHARS`], and at most
/// [`MAX_DOCUMENTS`] documents, the least recently read dropped first
/// (never `keep`, the one being saved).
fn bound(state: &mut StateFile, keep: &str) {
    for doc in state.documents.values_mut() {
        if let Some((cut, _)) = doc.title.char_indices().nth(MAX_TITLE_CHARS) {
            doc.title.truncate(cut);
            doc.title.push('\u{2026}');
        }
    }
    let excess = state.documents.len().saturating_sub(MAX_DOCUMENTS);
    if excess == 0 {
        return;
    }
    let mut by_age: Vec<(u64, String)> = state
        .documents
        .iter()
        .filter(|(k, _)| k.as_str() != keep)
        .map(|(k, d)| (d.opened, k.clone()))
        .collect();
    by_age.sort_unstable();
    for (_, k) in by_age.into_iter().take(excess) {
        state.documents.remove(&k);
    }
}

#[cfg(test)]
mod tests;
