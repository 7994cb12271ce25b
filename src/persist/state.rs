//! Reading state: where each document was left, and its marks, keyed by a
//! stable hash of the document's text (xxh3, whose output is fixed by its
//! specification, unlike std's DefaultHasher).
//!
//! The file holds every document's position, so hamish never loses it: a
//! file it cannot read is never overwritten (a damaged one is backed up
//! first, an unreadable, oversized or newer one is left alone and the
//! positions of this session are not saved), fields it does not know are
//! kept, a symlink stays a symlink.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Version of the state file written by this build.
pub const VERSION: u32 = 1;

/// A state file larger than this is not read (nor written): a reader must
/// not freeze for seconds at every save. Far above what 10,000 documents
/// with marks take (about 5 MB).
pub const MAX_BYTES: u64 = 32 * 1024 * 1024;

/// At most this many documents are remembered; the least recently opened
/// are forgotten first.
pub const MAX_DOCUMENTS: usize = 10_000;

/// Titles are stored cut to this many characters (the library shows one
/// line of each).
pub const MAX_TITLE_CHARS: usize = 200;

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
    #[serde(default)]
    pub percent: usize,
    #[serde(default)]
    pub marks: BTreeMap<char, Saved>,
    /// When it was last read (seconds since the epoch).
    #[serde(default)]
    pub opened: u64,
    /// Fields this build does not know (written by a later one): kept.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

/// The whole state file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateFile {
    pub version: u32,
    #[serde(default)]
    pub documents: BTreeMap<String, DocState>,
    /// The queries searched for, oldest first (the search prompt's ↑/↓).
    /// Read leniently: a field of the wrong shape costs only itself, never
    /// the reading positions.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "lenient_history"
    )]
    pub search_history: Vec<String>,
    /// Fields this build does not know: kept.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

impl StateFile {
    fn empty() -> StateFile {
        StateFile {
            version: VERSION,
            ..StateFile::default()
        }
    }
}

/// The key of a document's text.
pub fn key(text: &str) -> String {
    key_of(text.as_bytes())
}

/// The key of a document given as bytes (a PDF's, or a text's).
pub fn key_of(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// `$XDG_STATE_HOME/hamish/state.json`, or `~/.local/state/hamish/state.json`.
pub fn default_path() -> Option<PathBuf> {
    super::xdg_file("XDG_STATE_HOME", ".local/state", "state.json")
}

/// What reading the state file found.
enum Read {
    /// The state, and whether it may be written back.
    Usable(StateFile),
    /// The file could not be used; it is left as it is (or was backed
    /// up), and must not be overwritten unless `backed_up`.
    Unusable { why: String, backed_up: bool },
}

fn read(path: &Path) -> Read {
    let size = match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m.len(),
        Ok(_) => {
            return Read::Unusable {
                why: "is not a regular file".into(),
                backed_up: false,
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Read::Usable(StateFile::empty())
        }
        Err(e) => {
            return Read::Unusable {
                why: format!("cannot read it ({e})"),
                backed_up: false,
            }
        }
    };
    if size > MAX_BYTES {
        return Read::Unusable {
            why: format!(
                "it is {} MB, over the {} MB hamish reads",
                size >> 20,
                MAX_BYTES >> 20
            ),
            backed_up: false,
        };
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return Read::Unusable {
                why: format!("cannot read it ({e})"),
                backed_up: false,
            }
        }
    };
    let parsed = std::str::from_utf8(&bytes)
        .map_err(|e| format!("not UTF-8: {e}"))
        .and_then(|text| serde_json::from_str::<StateFile>(text).map_err(|e| e.to_string()));
    match parsed {
        Ok(state) if state.version > VERSION => Read::Unusable {
            why: format!(
                "it was written by a newer hamish (version {}, this one writes {VERSION})",
                state.version
            ),
            backed_up: false,
        },
        Ok(state) => Read::Usable(tidy(state)),
        Err(e) => {
            let backup = backup_path(path);
            match std::fs::rename(path, &backup) {
                Ok(()) => Read::Unusable {
                    why: format!("it is damaged ({e}); kept as {}", backup.display()),
                    backed_up: true,
                },
                Err(b) => Read::Unusable {
                    why: format!("it is damaged ({e}) and could not be backed up ({b})"),
                    backed_up: false,
                },
            }
        }
    }
}

fn backup_path(path: &Path) -> PathBuf {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    path.with_extension(format!("json.bad-{stamp}"))
}

/// Values a hand-edited or damaged file may hold that nothing should show.
fn tidy(mut state: StateFile) -> StateFile {
    for doc in state.documents.values_mut() {
        doc.percent = doc.percent.min(100);
        cut_title(&mut doc.title);
    }
    state
}

fn cut_title(title: &mut String) {
    if let Some((at, _)) = title.char_indices().nth(MAX_TITLE_CHARS) {
        title.truncate(at);
        title.push('\u{2026}');
    }
}

/// Read the state file. A missing file is an empty state; one that cannot
/// be used gives an empty state and a message saying what happened to it
/// (the second value).
pub fn load(path: &Path) -> (StateFile, Option<String>) {
    match read(path) {
        Read::Usable(state) => (state, None),
        Read::Unusable { why, backed_up } => {
            let then = if backed_up {
                "starting afresh"
            } else {
                "left untouched; positions will not be saved"
            };
            (
                StateFile::empty(),
                Some(format!("{}: reading state: {why}; {then}", path.display())),
            )
        }
    }
}

/// Change one document's entry: under a lock, read the file again (so
/// another hamish's positions are kept), apply `change`, write atomically.
/// A file that cannot be read is not overwritten: the error says why.
pub fn update(path: &Path, key: &str, change: impl FnOnce(&mut DocState)) -> std::io::Result<()> {
    with_lock(path, || update_locked(path, key, change, None))
}

/// As `update`, and `history` (the reader's, which started from the
/// file's) is saved in the same write, after any searches another session
/// saved meanwhile.
pub fn update_with_history(
    path: &Path,
    key: &str,
    change: impl FnOnce(&mut DocState),
    history: &[String],
) -> std::io::Result<()> {
    with_lock(path, || update_locked(path, key, change, Some(history)))
}

/// Queries longer than this are not kept in the history.
const MAX_QUERY_BYTES: usize = 1000;

/// How many searches the history keeps (the last ones).
pub const HISTORY_KEPT: usize = 50;

/// The history as it may be kept: no empty or overlong query, the last
/// `HISTORY_KEPT` only.
pub fn clean_history(mut history: Vec<String>) -> Vec<String> {
    history.retain(|q| !q.trim().is_empty() && q.len() <= MAX_QUERY_BYTES);
    let extra = history.len().saturating_sub(HISTORY_KEPT);
    history.drain(..extra);
    history
}

/// `search_history` from whatever the file holds there: its strings,
/// cleaned; anything else is dropped.
fn lenient_history<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let items = match serde_json::Value::deserialize(d)? {
        serde_json::Value::Array(items) => items,
        _ => Vec::new(),
    };
    let strings = items.into_iter().filter_map(|v| match v {
        serde_json::Value::String(s) => Some(s),
        _ => None,
    });
    Ok(clean_history(strings.collect()))
}

/// Run `work` holding the state file's lock (`state.lock` beside it), so
/// two hamish processes never read and write the file at once. The lock
/// goes with the file handle, whatever `work` returns.
fn with_lock<T>(path: &Path, work: impl FnOnce() -> std::io::Result<T>) -> std::io::Result<T> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let lock = File::create(dir.join("state.lock"))?;
    lock.lock()?;
    work()
}

fn update_locked(
    path: &Path,
    key: &str,
    change: impl FnOnce(&mut DocState),
    history: Option<&[String]>,
) -> std::io::Result<()> {
    remove_stale_temporaries(path);
    let mut state = match read(path) {
        Read::Usable(state) => state,
        Read::Unusable {
            backed_up: true, ..
        } => StateFile::empty(),
        Read::Unusable { why, .. } => {
            return Err(std::io::Error::other(format!(
                "not saved: the state file {why}"
            )))
        }
    };
    state.version = VERSION;
    if let Some(history) = history {
        // Another session's searches saved meanwhile are kept, before
        // this one's.
        let mut merged: Vec<String> = std::mem::take(&mut state.search_history)
            .into_iter()
            .filter(|q| !history.contains(q))
            .collect();
        merged.extend(history.iter().cloned());
        state.search_history = clean_history(merged);
    }
    let doc = state.documents.entry(key.to_string()).or_default();
    change(doc);
    cut_title(&mut doc.title);
    forget_oldest(&mut state);
    let text = serde_json::to_string_pretty(&state).map_err(std::io::Error::other)?;
    super::write_atomically(path, text.as_bytes())
}

/// Remove the document with `key` from the state file, under the lock
/// (a file that cannot be read is left alone, as for `update`).
pub fn forget(path: &Path, key: &str) -> std::io::Result<()> {
    with_lock(path, || match read(path) {
        Read::Usable(mut state) => {
            if state.documents.remove(key).is_none() {
                return Ok(());
            }
            let text = serde_json::to_string_pretty(&state).map_err(std::io::Error::other)?;
            super::write_atomically(path, text.as_bytes())
        }
        Read::Unusable { why, .. } => Err(std::io::Error::other(format!(
            "not changed: the state file {why}"
        ))),
    })
}

/// Saves write `.state.json.<pid>.tmp` and rename it; one killed before
/// the rename leaves it behind. Called under the lock, when no other save
/// can be writing one.
fn remove_stale_temporaries(path: &Path) {
    let target = super::atomic::resolve_links(path);
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        if file.starts_with(&prefix) && file.ends_with(".tmp") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn forget_oldest(state: &mut StateFile) {
    let excess = state.documents.len().saturating_sub(MAX_DOCUMENTS);
    if excess == 0 {
        return;
    }
    let mut by_age: Vec<(u64, String)> = state
        .documents
        .iter()
        .map(|(k, d)| (d.opened, k.clone()))
        .collect();
    by_age.sort();
    for (_, k) in by_age.into_iter().take(excess) {
        state.documents.remove(&k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("hamish-state-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn backups(d: &Path) -> Vec<PathBuf> {
        std::fs::read_dir(d)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("bad-"))
            .map(|e| e.path())
            .collect()
    }

    #[test]
    fn a_bad_history_costs_only_itself_and_a_long_one_is_cut() {
        let d = dir("history");
        let path = d.join("state.json");
        update(&path, "k", |d| d.percent = 10).unwrap();
        let saved: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for history in [r#""x""#, "[1,2,null]", r#"{"a":1}"#] {
            let mut bad = saved.clone();
            bad["search_history"] = serde_json::from_str(history).unwrap();
            std::fs::write(&path, bad.to_string()).unwrap();
            let (state, warning) = load(&path);
            assert_eq!(warning, None);
            assert!(
                state.documents.contains_key("k"),
                "positions kept with {history}"
            );
            assert!(state.search_history.is_empty());
        }
        let many: Vec<String> = (0..200).map(|i| format!("\"q{i}\"")).collect();
        let long = "x".repeat(2000);
        std::fs::write(
            &path,
            format!(
                r#"{{"version":1,"search_history":["","{long}",{}]}}"#,
                many.join(",")
            ),
        )
        .unwrap();
        let (state, _) = load(&path);
        assert_eq!(state.search_history.len(), HISTORY_KEPT);
        assert_eq!(
            state.search_history.last().map(String::as_str),
            Some("q199")
        );
        assert_eq!(state.search_history[0], "q150");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn two_sessions_keep_both_their_searches() {
        let d = dir("two-histories");
        let path = d.join("state.json");
        // Both started from an empty history; A saves, then B.
        update_with_history(&path, "a", |_| {}, &["Lenin".to_string()]).unwrap();
        update_with_history(&path, "b", |_| {}, &["Service".to_string()]).unwrap();
        let (state, _) = load(&path);
        assert_eq!(state.search_history, ["Lenin", "Service"]);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn keys_are_stable() {
        // The same text gives the same key in every build and on every
        // machine: these values of xxh3-64 were computed independently
        // (Python's xxhash package) and must never change.
        assert_eq!(key("hamish"), "8ec9b2db11536e8e");
        assert_eq!(
            key("\u{0627}\u{0643}\u{062A}\u{0648}\u{0628}\u{0631}"),
            "6b24f7c7c6a2e2b3"
        ); // اكتوبر
        assert_eq!(key("a"), key("a"));
        assert_ne!(key("a"), key("b"));
    }

    #[test]
    fn two_writers_keep_each_other() {
        let path = dir("two").join("state.json");
        update(&path, "one", |d| d.position.byte = 1).unwrap();
        update(&path, "two", |d| d.position.byte = 2).unwrap();
        let (state, warning) = load(&path);
        assert!(warning.is_none());
        assert_eq!(state.documents["one"].position.byte, 1);
        assert_eq!(state.documents["two"].position.byte, 2);
    }

    #[test]
    fn a_corrupt_file_is_kept_and_reported() {
        let d = dir("corrupt");
        let path = d.join("state.json");
        std::fs::write(&path, "{ not json").unwrap();
        let (state, warning) = load(&path);
        assert!(state.documents.is_empty());
        assert!(warning.unwrap().contains("damaged"));
        assert!(!path.exists());
        let b = backups(&d);
        assert_eq!(b.len(), 1);
        assert_eq!(std::fs::read_to_string(&b[0]).unwrap(), "{ not json");
    }

    #[test]
    fn invalid_utf8_is_backed_up_before_anything_is_written() {
        let d = dir("utf8");
        let path = d.join("state.json");
        let mut bytes = br#"{"version":1,"documents":{"k":{"title":"T"#.to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice(br#"","position":{"block":"s1","byte":7}}}}"#);
        std::fs::write(&path, &bytes).unwrap();
        update(&path, "new", |d| d.position.byte = 3).unwrap();
        let b = backups(&d);
        assert_eq!(b.len(), 1, "the unreadable file is kept");
        assert_eq!(std::fs::read(&b[0]).unwrap(), bytes);
        assert_eq!(load(&path).0.documents["new"].position.byte, 3);
    }

    #[test]
    fn a_file_that_cannot_be_read_is_never_overwritten() {
        // A directory where the file should be: unreadable as a file even
        // for root, which chmod would not stop.
        let d = dir("unreadable");
        let path = d.join("state.json");
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join("inside"), "precious").unwrap();
        let (_, warning) = load(&path);
        assert!(warning.unwrap().contains("left untouched"));
        let err = update(&path, "k", |d| d.position.byte = 1).unwrap_err();
        assert!(err.to_string().contains("not saved"), "{err}");
        assert_eq!(
            std::fs::read_to_string(path.join("inside")).unwrap(),
            "precious"
        );
    }

    #[test]
    fn a_newer_file_is_left_untouched_and_unknown_fields_are_kept() {
        let d = dir("newer");
        let path = d.join("state.json");
        let newer = r#"{"version":99,"documents":{}}"#;
        std::fs::write(&path, newer).unwrap();
        assert!(update(&path, "k", |_| {}).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);

        let same = r#"{"version":1,"future":[1,2],"documents":{"k":{"title":"t","position":{"block":"s1","byte":0},"colour":"red"}}}"#;
        std::fs::write(&path, same).unwrap();
        update(&path, "other", |d| d.position.byte = 5).unwrap();
        let back: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(back["future"], serde_json::json!([1, 2]));
        assert_eq!(back["documents"]["k"]["colour"], "red");
        assert_eq!(back["documents"]["other"]["position"]["byte"], 5);
    }

    #[test]
    fn a_symlinked_state_file_stays_a_symlink() {
        let d = dir("symlink");
        std::fs::create_dir(d.join("dotfiles")).unwrap();
        let path = d.join("state.json");
        std::os::unix::fs::symlink(d.join("dotfiles/state.json"), &path).unwrap();
        update(&path, "k", |d| d.position.byte = 9).unwrap();
        assert!(std::fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(load(&path).0.documents["k"].position.byte, 9);
    }

    #[test]
    fn forgetting_removes_one_entry_and_keeps_the_rest() {
        let path = dir("forget").join("state.json");
        update(&path, "one", |d| d.position.byte = 1).unwrap();
        update(&path, "two", |d| d.position.byte = 2).unwrap();
        forget(&path, "one").unwrap();
        let (state, _) = load(&path);
        assert!(!state.documents.contains_key("one"));
        assert_eq!(state.documents["two"].position.byte, 2);
    }

    #[test]
    fn a_stale_temporary_file_is_removed() {
        let d = dir("stale");
        let path = d.join("state.json");
        let stale = d.join(".state.json.999999.tmp");
        std::fs::write(&stale, "half a save").unwrap();
        update(&path, "k", |_| {}).unwrap();
        assert!(!stale.exists());
    }

    #[test]
    fn titles_are_cut_and_percentages_bounded() {
        let d = dir("bounds");
        let path = d.join("state.json");
        update(&path, "k", |d| d.title = "x".repeat(5_000_000)).unwrap();
        let (state, _) = load(&path);
        assert_eq!(
            state.documents["k"].title.chars().count(),
            MAX_TITLE_CHARS + 1
        );
        assert!(std::fs::metadata(&path).unwrap().len() < 10_000);
        std::fs::write(
            &path,
            r#"{"version":1,"documents":{"k":{"title":"t","position":{"block":"s1","byte":0},"percent":18446744073709551615}}}"#,
        )
        .unwrap();
        assert_eq!(load(&path).0.documents["k"].percent, 100);
    }

    #[test]
    fn an_oversized_file_is_not_read() {
        let d = dir("huge");
        let path = d.join("state.json");
        let f = File::create(&path).unwrap();
        f.set_len(MAX_BYTES + 1).unwrap(); // sparse: costs no disk
        let (_, warning) = load(&path);
        assert!(warning.unwrap().contains("MB"));
        assert!(update(&path, "k", |_| {}).is_err());
        assert_eq!(std::fs::metadata(&path).unwrap().len(), MAX_BYTES + 1);
    }

    #[test]
    fn the_oldest_documents_are_forgotten_beyond_the_limit() {
        let mut state = StateFile::empty();
        for i in 0..(MAX_DOCUMENTS + 3) {
            state.documents.insert(
                format!("{i:08}"),
                DocState {
                    opened: i as u64,
                    ..DocState::default()
                },
            );
        }
        forget_oldest(&mut state);
        assert_eq!(state.documents.len(), MAX_DOCUMENTS);
        assert!(!state.documents.contains_key("00000002"));
        assert!(state.documents.contains_key("00000003"));
    }
}
