//! The state file's promises: positions are never lost to a file hamish
//! could not read, unknown fields survive, the file stays bounded.

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
    let backups = backups(&d);
    assert_eq!(backups.len(), 1);
    assert_eq!(std::fs::read_to_string(&backups[0]).unwrap(), "{ not json");
}

#[test]
fn invalid_utf8_is_backed_up_before_a_save() {
    let d = dir("utf8");
    let path = d.join("state.json");
    let mut bytes = br#"{"version": 1, "documents": {"k": {"title": "t"#.to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(br#"", "position": {"block": "b", "byte": 3}}}}"#);
    std::fs::write(&path, &bytes).unwrap();
    // A save (without a load first, as a second hamish would) backs it up.
    update(&path, "new", |d| d.position.byte = 7).unwrap();
    let backups = backups(&d);
    assert_eq!(backups.len(), 1, "the damaged file is kept");
    assert_eq!(std::fs::read(&backups[0]).unwrap(), bytes);
    let (state, warning) = load(&path);
    assert!(warning.is_none());
    assert_eq!(state.documents["new"].position.byte, 7);
}

#[test]
fn a_file_that_cannot_be_read_is_left_alone() {
    // A directory where the file should be cannot be read by anyone, root
    // included (unlike a file with mode 000).
    let d = dir("unreadable");
    let path = d.join("state.json");
    std::fs::create_dir(&path).unwrap();
    std::fs::write(path.join("inside"), "kept").unwrap();
    let (state, warning) = load(&path);
    assert!(state.documents.is_empty());
    let warning = warning.unwrap();
    assert!(warning.contains("left as it is"), "{warning}");
    let err = update(&path, "k", |d| d.position.byte = 1).unwrap_err();
    assert!(err.to_string().contains("left as it is"), "{err}");
    assert_eq!(
        std::fs::read_to_string(path.join("inside")).unwrap(),
        "kept"
    );
    assert!(backups(&d).is_empty());
}

#[cfg(unix)]
#[test]
fn a_fifo_in_place_of_the_file_does_not_block() {
    let d = dir("fifo");
    let path = d.join("state.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    let (_, warning) = load(&path);
    assert!(warning.unwrap().contains("not a regular file"));
    assert!(update(&path, "k", |_| ()).is_err());
}

#[test]
fn a_newer_file_is_read_but_never_written_over() {
    let d = dir("newer");
    let path = d.join("state.json");
    let text = r#"{"version": 99, "documents": {"k": {"title": "t", "position": {"block": "b", "byte": 5}}}, "future": [1]}"#;
    std::fs::write(&path, text).unwrap();
    let (state, warning) = load(&path);
    assert_eq!(state.documents["k"].position.byte, 5);
    assert!(warning.unwrap().contains("newer hamish"));
    assert!(update(&path, "k", |d| d.position.byte = 6).is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn unknown_fields_are_kept() {
    let d = dir("unknown");
    let path = d.join("state.json");
    std::fs::write(
        &path,
        r#"{"version": 1, "theme_seen": "dark", "documents": {"k": {"title": "t", "position": {"block": "b", "byte": 5}, "zoom": 2}}}"#,
    )
    .unwrap();
    save(
        path.clone(),
        "k".into(),
        DocState {
            title: "t".into(),
            percent: 40,
            ..DocState::default()
        },
    )
    .unwrap();
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(written["theme_seen"], "dark");
    assert_eq!(written["documents"]["k"]["zoom"], 2);
    assert_eq!(written["documents"]["k"]["percent"], 40);
}

#[cfg(unix)]
#[test]
fn a_linked_state_file_stays_a_link() {
    let d = dir("link");
    std::fs::create_dir_all(d.join("dotfiles")).unwrap();
    let target = d.join("dotfiles/state.json");
    std::fs::write(&target, r#"{"version": 1, "documents": {}}"#).unwrap();
    let path = d.join("state.json");
    std::os::unix::fs::symlink(&target, &path).unwrap();
    update(&path, "k", |d| d.position.byte = 9).unwrap();
    assert!(std::fs::symlink_metadata(&path)
        .unwrap()
        .file_type()
        .is_symlink());
    let (state, _) = load(&target);
    assert_eq!(state.documents["k"].position.byte, 9);
}

#[test]
fn stale_temporaries_are_removed_on_save() {
    let d = dir("stale");
    let path = d.join("state.json");
    let stale = d.join(".state.json.4000000.tmp");
    std::fs::write(&stale, "half a save").unwrap();
    update(&path, "k", |_| ()).unwrap();
    assert!(!stale.exists());
    assert!(path.exists());
}

#[test]
fn the_file_is_bounded() {
    let d = dir("bounded");
    let path = d.join("state.json");
    let mut state = StateFile::fresh();
    for i in 0..MAX_DOCUMENTS + 50 {
        state.documents.insert(
            format!("{i:016x}"),
            DocState {
                title: "x".repeat(if i == 0 { 5_000 } else { 3 }),
                opened: 1_000 + i as u64,
                ..DocState::default()
            },
        );
    }
    std::fs::write(&path, serde_json::to_string(&state).unwrap()).unwrap();
    // The document being saved is the oldest, yet it is kept.
    update(&path, &format!("{:016x}", 1), |d| d.position.byte = 1).unwrap();
    let (state, _) = load(&path);
    assert_eq!(state.documents.len(), MAX_DOCUMENTS);
    assert!(state.documents.contains_key(&format!("{:016x}", 1)));
    // The 50 oldest others (0 and 2..=50) are gone, 51 is kept.
    assert!(!state.documents.contains_key(&format!("{:016x}", 0)));
    assert!(!state.documents.contains_key(&format!("{:016x}", 50)));
    assert!(state.documents.contains_key(&format!("{:016x}", 51)));
    for doc in state.documents.values() {
        assert!(doc.title.chars().count() <= MAX_TITLE_CHARS + 1);
    }
}

#[test]
fn a_huge_file_is_not_read() {
    let d = dir("huge");
    let path = d.join("state.json");
    let file = File::create(&path).unwrap();
    // Sparse: takes no room on disk.
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    let (state, warning) = load(&path);
    assert!(state.documents.is_empty());
    assert!(warning.unwrap().contains("more than"));
    assert!(update(&path, "k", |_| ()).is_err());
    assert_eq!(std::fs::metadata(&path).unwrap().len(), MAX_FILE_BYTES + 1);
}

#[test]
fn a_percent_out_of_range_reads_as_100() {
    let d = dir("percent");
    let path = d.join("state.json");
    std::fs::write(
        &path,
        r#"{"version": 1, "documents": {"k": {"title": "t", "position": {"block": "b", "byte": 0}, "percent": 18446744073709551615}}}"#,
    )
    .unwrap();
    let (state, warning) = load(&path);
    assert!(warning.is_none());
    assert_eq!(state.documents["k"].percent, 100);
}
