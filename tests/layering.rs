//! Nothing low imports something high: the pure modules (layout, search,
//! the document model and its importers, settings) know nothing of the
//! reader, the command line, the config file or the terminal, and the
//! reader knows nothing of the command line, the config file, the
//! terminal or how documents are opened. Checked on the sources, by the
//! `crate::` paths each module names (a `cargo modules`-free check).

use std::path::Path;

/// Top-level modules of the crate each module or folder may not name.
const RULES: &[(&str, &[&str])] = &[
    ("src/layout", HIGH_AND_MIDDLE),
    ("src/search", HIGH_AND_MIDDLE),
    ("src/document", HIGH_AND_MIDDLE),
    ("src/settings.rs", HIGH_AND_MIDDLE),
    ("src/source_file.rs", HIGH_AND_MIDDLE),
    ("src/app", HIGH),
    ("src/ui", HIGH),
    ("src/term", TERMINAL),
];

/// What the terminal room must not know of: it paints buffers, reads keys
/// and signals, and knows nothing of documents, the reader or its settings.
const TERMINAL: &[&str] = &[
    "app",
    "ui",
    "document",
    "layout",
    "search",
    "settings",
    "cli",
    "config",
    "open",
    "print",
    "persist",
    "bundled",
    "source_file",
];

/// What the reader (`app`, `ui`) must not know of.
const HIGH: &[&str] = &[
    "cli", "config", "library", "open", "print", "screen", "term", "terminal",
];

/// What the pure modules must not know of: the above, and the reader.
const HIGH_AND_MIDDLE: &[&str] = &[
    "app", "ui", "cli", "config", "library", "open", "print", "screen", "term", "terminal",
    "persist",
];

/// The top-level modules a source file names through `crate::` paths,
/// grouped ones (`crate::{a, b::c}`) included.
fn crate_modules(source: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in source.match_indices("crate::") {
        let rest = &source[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for part in group[..end].split(',') {
                names.push(ident(part.trim()));
            }
        } else {
            names.push(ident(rest));
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

fn ident(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

fn rust_files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            rust_files(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn nothing_low_imports_something_high() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut wrong = Vec::new();
    for (place, forbidden) in RULES {
        let mut files = Vec::new();
        rust_files(&root.join(place), &mut files);
        assert!(!files.is_empty(), "{place} has no sources");
        for file in files {
            let source = std::fs::read_to_string(&file).unwrap();
            for name in crate_modules(&source) {
                if forbidden.contains(&name.as_str()) {
                    wrong.push(format!("{} names crate::{name}", file.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn the_check_sees_grouped_and_nested_paths() {
    let source = "use crate::{app::App, layout};\nfn f() { crate::config::load(); }";
    assert_eq!(crate_modules(source), ["app", "layout", "config"]);
}
