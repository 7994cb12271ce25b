//! The library the reader offers (`o`, or `hamish` with no file, or
//! `hamish DIR`): built here, beside the event loop, because it looks at
//! the disk, which the App never does.
//!
//! Groups, in order: the files named on the command line, the documents
//! of a folder named on it (found recursively), the documents read before
//! (most recent first, a file that has gone shown as missing), and the
//! bundled essays. One entry per document: a document is known by the hash
//! of its text, so an essay opened from two paths, or a bundled essay also
//! read from a file, appears once, in the first group that has it. Paths
//! are absolute, titles come from the documents, progress from the state.

use std::path::{Path, PathBuf};

use crate::app::{Group, LibraryEntry, Source};
use crate::document::import;
use crate::persist::state::{self, StateFile};
use crate::source_file::read_text;

/// A folder yields at most this many documents (a home directory named
/// by mistake must not take minutes).
pub const MAX_FOLDER_FILES: usize = 500;

/// Files larger than this are listed by name, not imported for a title.
const TITLE_IMPORT_BYTES: u64 = 2 << 20;

/// Extensions of the formats hamish reads (other files in a folder are
/// left out; named on the command line, any file is tried).
const KNOWN_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "json", "pdf"];

/// The library for the files and folders named on the command line and
/// the state file's documents.
pub fn library(saved: &StateFile, named: &[PathBuf]) -> Vec<LibraryEntry> {
    let mut entries: Vec<LibraryEntry> = Vec::new();
    let push = |entry: LibraryEntry, entries: &mut Vec<LibraryEntry>| {
        let duplicate = entry.key.is_some() && entries.iter().any(|e| e.key == entry.key);
        if !duplicate {
            entries.push(entry);
        }
    };
    for path in named {
        if path.is_dir() {
            for file in folder_files(path) {
                push(file_entry(&file, Group::Folder, saved), &mut entries);
            }
        } else if !crate::source_file::is_stdin(path) {
            push(file_entry(path, Group::Files, saved), &mut entries);
        }
    }
    let mut recent: Vec<(&String, &state::DocState)> = saved
        .documents
        .iter()
        .filter(|(_, d)| d.path.is_some())
        .collect();
    recent.sort_by_key(|(_, d)| std::cmp::Reverse(d.opened));
    for (key, d) in recent {
        let path = PathBuf::from(d.path.clone().unwrap_or_default());
        let entry = LibraryEntry {
            title: if d.title.is_empty() {
                path.display().to_string()
            } else {
                d.title.clone()
            },
            missing: !path.is_file(),
            source: Source::File(path),
            progress: Some(d.percent),
            group: Group::Recent,
            key: Some(key.clone()),
        };
        push(entry, &mut entries);
    }
    for (i, essay) in crate::bundled::ESSAYS.iter().enumerate() {
        let key = state::key(essay.text);
        let entry = LibraryEntry {
            title: essay.title.to_string(),
            source: Source::Bundled(i),
            progress: saved.documents.get(&key).map(|d| d.percent),
            group: Group::Bundled,
            key: Some(key),
            missing: false,
        };
        push(entry, &mut entries);
    }
    entries
}

/// `path` made absolute (without resolving links, which a user may have
/// chosen for a reason), so the library finds it from any directory.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// An entry for a file: its key, title and progress when it can be read.
fn file_entry(path: &Path, group: Group, saved: &StateFile) -> LibraryEntry {
    let path = absolute(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let small = std::fs::metadata(&path).is_ok_and(|m| m.len() <= TITLE_IMPORT_BYTES);
    let read = small.then(|| read_text(&path).ok()).flatten();
    let key = read.as_ref().map(|source| state::key_of(source.identity()));
    let title = read
        .as_ref()
        // A PDF's title is on its first pages: no need to read them all.
        .and_then(|source| import::import_first_pages(source, 2).ok())
        .map(|doc| doc.meta.title)
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(name);
    LibraryEntry {
        title,
        progress: key
            .as_ref()
            .and_then(|k| saved.documents.get(k))
            .map(|d| d.percent),
        missing: !path.is_file(),
        source: Source::File(path),
        group,
        key,
    }
}

/// The files of known formats under `dir`, depth first, sorted by name,
/// hidden files and folders left out.
fn folder_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(read) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut children: Vec<PathBuf> = read
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        children.sort();
        for child in children.iter().rev() {
            // Symlinked folders are not followed: they can loop.
            let is_link = std::fs::symlink_metadata(child).is_ok_and(|m| m.is_symlink());
            if child.is_dir() && !is_link {
                stack.push(child.clone());
            }
        }
        for child in children {
            let known = child
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| KNOWN_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()));
            if known && child.is_file() {
                found.push(child);
                if found.len() >= MAX_FOLDER_FILES {
                    return found;
                }
            }
        }
    }
    found
}

/// The library entry of the document with `key`, or of the file at
/// `path` (the same file by another name counts).
pub fn entry_of(library: &[LibraryEntry], key: &str, path: Option<&Path>) -> Option<usize> {
    library
        .iter()
        .position(|e| e.key.as_deref() == Some(key))
        .or_else(|| {
            let path = absolute(path?);
            library
                .iter()
                .position(|e| matches!(&e.source, Source::File(p) if *p == path))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("hamish-library-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_folder_lists_its_documents_recursively_with_titles_from_their_text() {
        let dir = scratch("folder");
        std::fs::create_dir_all(dir.join("part/deeper")).unwrap();
        std::fs::write(dir.join("a.md"), "---\ntitle: First essay\n---\n\nText.\n").unwrap();
        std::fs::write(
            dir.join("part/deeper/b.md"),
            "# Second essay\n\nIts one paragraph.\n",
        )
        .unwrap();
        std::fs::write(dir.join("picture.png"), [0x89, b'P', b'N', b'G', 0]).unwrap();
        std::fs::write(dir.join(".hidden.md"), "# Hidden\n").unwrap();
        let entries = library(&StateFile::default(), std::slice::from_ref(&dir));
        let here: Vec<&LibraryEntry> = entries
            .iter()
            .filter(|e| e.group == Group::Folder)
            .collect();
        let titles: Vec<&str> = here.iter().map(|e| e.title.as_str()).collect();
        assert_eq!(titles, ["First essay", "Second essay"]);
        assert!(matches!(&here[1].source, Source::File(p) if p.is_absolute()));
        // The bundled essays follow.
        assert_eq!(entries.last().unwrap().group, Group::Bundled);
    }

    #[test]
    fn pdfs_are_listed_with_their_titles() {
        let dir = scratch("pdfs");
        let essay = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/pdf/essay.pdf");
        std::fs::copy(essay, dir.join("paper.pdf")).unwrap();
        let entries = library(&StateFile::default(), std::slice::from_ref(&dir));
        let here: Vec<&str> = entries
            .iter()
            .filter(|e| e.group == Group::Folder)
            .map(|e| e.title.as_str())
            .collect();
        // "الترجمة والهامش في المقالة العربية" (translation and the margin
        // in the Arabic essay), the title of tests/pdf/make/essay.py
        assert_eq!(
            here,
            ["\u{0627}\u{0644}\u{062A}\u{0631}\u{062C}\u{0645}\u{0629} \u{0648}\u{0627}\u{0644}\u{0647}\u{0627}\u{0645}\u{0634} \u{0641}\u{064A} \u{0627}\u{0644}\u{0645}\u{0642}\u{0627}\u{0644}\u{0629} \u{0627}\u{0644}\u{0639}\u{0631}\u{0628}\u{064A}\u{0629}"]
        );
    }

    #[test]
    fn one_entry_per_document_and_missing_files_shown() {
        let dir = scratch("dedupe");
        let seed = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/003_5eac0dfd78b8d8c0.txt"
        );
        let copy = dir.join("copy.txt");
        std::fs::copy(seed, &copy).unwrap();
        let key = state::key(&std::fs::read_to_string(seed).unwrap());
        let mut saved = StateFile::default();
        saved.documents.insert(
            key.clone(),
            state::DocState {
                title: "seed".into(),
                path: Some(seed.into()),
                percent: 40,
                ..Default::default()
            },
        );
        saved.documents.insert(
            "gone".into(),
            state::DocState {
                title: "gone".into(),
                path: Some("/nonexistent/gone.txt".into()),
                ..Default::default()
            },
        );
        // The seed named by another path, read before, and bundled: once.
        let entries = library(&saved, &[copy]);
        let same: Vec<&LibraryEntry> = entries
            .iter()
            .filter(|e| e.key.as_deref() == Some(&key))
            .collect();
        assert_eq!(same.len(), 1);
        assert_eq!(same[0].group, Group::Files);
        assert_eq!(same[0].progress, Some(40), "progress by content");
        let gone = entries.iter().find(|e| e.title == "gone").unwrap();
        assert!(gone.missing);
        assert_eq!(entry_of(&entries, &key, None), Some(0));
    }
}
