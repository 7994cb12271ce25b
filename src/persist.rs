//! Writing files so that a crash, a full disk or a killed SSH session never
//! leaves a half-written one: write a temporary file beside it, sync, rename.

use std::io::Write;
use std::path::{Path, PathBuf};

/// `$VAR/hamish/FILE` when the XDG variable `var` is set and not empty,
/// else `~/FALLBACK/hamish/FILE` (the XDG base directory defaults).
pub fn xdg_file(var: &str, fallback: &str, file: &str) -> Option<PathBuf> {
    let base = std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(fallback)))?;
    Some(base.join("hamish").join(file))
}

/// Replace `path` with `bytes` atomically.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("hamish-persist-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("state.json");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// Reading state: where each document was left, and its marks, keyed by a
/// stable hash of the document's text (xxh3, whose output is fixed by its
/// specification, unlike std's DefaultHasher).
pub mod state {
    use std::collections::BTreeMap;
    use std::fs::File;
    use std::path::{Path, PathBuf};

    use serde::{Deserialize, Serialize};

    /// Version of the state file written by this build.
    pub const VERSION: u32 = 1;

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
    }

    /// The whole state file.
    #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
    pub struct StateFile {
        pub version: u32,
        #[serde(default)]
        pub documents: BTreeMap<String, DocState>,
    }

    /// The key of a document's text.
    pub fn key(text: &str) -> String {
        format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
    }

    /// `$XDG_STATE_HOME/hamish/state.json`, or `~/.local/state/hamish/state.json`.
    pub fn default_path() -> Option<PathBuf> {
        super::xdg_file("XDG_STATE_HOME", ".local/state", "state.json")
    }

    /// Read the state file. A missing file is an empty state; a corrupt or
    /// unreadable one is moved aside as a backup and reported (the second
    /// value), and an empty state is used.
    pub fn load(path: &Path) -> (StateFile, Option<String>) {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (
                    StateFile {
                        version: VERSION,
                        ..StateFile::default()
                    },
                    None,
                )
            }
            Err(e) => {
                return (
                    StateFile {
                        version: VERSION,
                        ..StateFile::default()
                    },
                    Some(format!(
                        "{}: cannot read the reading state: {e}",
                        path.display()
                    )),
                )
            }
        };
        match serde_json::from_str::<StateFile>(&text) {
            Ok(state) => (state, None),
            Err(e) => {
                let stamp = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                let backup = path.with_extension(format!("json.bad-{stamp}"));
                let kept = std::fs::rename(path, &backup).is_ok();
                let note = if kept {
                    format!("kept as {}", backup.display())
                } else {
                    "could not back it up".to_string()
                };
                (
                    StateFile {
                        version: VERSION,
                        ..StateFile::default()
                    },
                    Some(format!(
                        "{}: the reading state is damaged ({e}); {note}; starting afresh",
                        path.display()
                    )),
                )
            }
        }
    }

    /// Change one document's entry: under a lock, read the file again (so
    /// another hamish's positions are kept), apply `change`, write
    /// atomically.
    pub fn update(
        path: &Path,
        key: &str,
        change: impl FnOnce(&mut DocState),
    ) -> std::io::Result<()> {
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let lock = File::create(dir.join("state.lock"))?;
        lock.lock()?;
        let (mut state, _) = load(path);
        state.version = VERSION;
        change(state.documents.entry(key.to_string()).or_default());
        let text = serde_json::to_string_pretty(&state).map_err(std::io::Error::other)?;
        let result = super::write_atomically(path, text.as_bytes());
        let _ = lock.unlock();
        result
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn dir(name: &str) -> PathBuf {
            let d =
                std::env::temp_dir().join(format!("hamish-state-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&d);
            std::fs::create_dir_all(&d).unwrap();
            d
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
            let backups: Vec<_> = std::fs::read_dir(&d)
                .unwrap()
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().contains("bad-"))
                .collect();
            assert_eq!(backups.len(), 1);
            assert_eq!(
                std::fs::read_to_string(backups[0].path()).unwrap(),
                "{ not json"
            );
        }
    }
}
