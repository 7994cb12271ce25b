//! Bad input gets a clear one-line message naming the file, a non-zero exit
//! when nothing can be shown, and never a panic.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// hamish with no user config or state (they could add messages).
fn command() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_hamish"));
    let none = std::env::temp_dir().join("hamish-bad-input-no-home");
    cmd.env("XDG_CONFIG_HOME", &none)
        .env("XDG_STATE_HOME", &none);
    cmd
}

fn hamish(args: &[&str]) -> Output {
    command().args(args).output().expect("hamish runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hamish-bad-input-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Exit non-zero with exactly one line on stderr that names `path` and
/// contains `what`.
fn assert_one_line_error(out: &Output, path: &Path, what: &str) {
    let err = stderr(out);
    assert!(!out.status.success(), "should fail: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(
        err.contains(&path.display().to_string()),
        "names the file: {err}"
    );
    assert!(err.contains(what), "says {what}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn missing_file() {
    let path = scratch("does-not-exist.txt");
    assert_one_line_error(
        &hamish(&["--print", path.to_str().unwrap()]),
        &path,
        "no such file",
    );
    assert_one_line_error(
        &hamish(&["convert", path.to_str().unwrap()]),
        &path,
        "no such file",
    );
}

#[test]
fn a_directory() {
    let path = std::env::temp_dir();
    assert_one_line_error(
        &hamish(&["--print", path.to_str().unwrap()]),
        &path,
        "is a directory",
    );
}

#[test]
fn a_binary_file() {
    let path = scratch("binary.bin");
    std::fs::write(&path, b"\x7fELF\x02\x01\x01\0\0\0\0\0").unwrap();
    assert_one_line_error(
        &hamish(&["--print", path.to_str().unwrap()]),
        &path,
        "binary",
    );
}

#[test]
fn an_empty_file_and_one_of_blank_lines() {
    let path = scratch("empty.txt");
    std::fs::write(&path, b"").unwrap();
    assert_one_line_error(
        &hamish(&["--print", path.to_str().unwrap()]),
        &path,
        "empty",
    );
    let path = scratch("blank.txt");
    std::fs::write(&path, b"  \n\n   \n").unwrap();
    assert_one_line_error(
        &hamish(&["--print", path.to_str().unwrap()]),
        &path,
        "nothing to show",
    );
}

#[test]
fn invalid_utf8_is_decoded_lossily_and_reported() {
    let path = scratch("latin1.txt");
    // "caf\xe9 na\xefve" in Latin-1: two bytes that are not UTF-8.
    std::fs::write(&path, b"caf\xe9 na\xefve\n").unwrap();
    let out = hamish(&["--print", "--plain", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("2 bytes replaced") && err.contains("byte 3"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("caf\u{FFFD} na\u{FFFD}ve"));
}

#[test]
fn markdown_footnote_without_definition_keeps_its_marker() {
    let path = scratch("missing-note.md");
    std::fs::write(&path, "# T\n\nText with a note[^gone] here.\n").unwrap();
    let out = hamish(&["--print", "--plain", path.to_str().unwrap()]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("[^gone]") && err.contains("never defined"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("note[gone] here"));
}

#[test]
fn json_of_the_wrong_shape_names_the_field() {
    let path = scratch("wrong.json");
    std::fs::write(
        &path,
        r#"{"hamish": 1, "meta": {"title": "x", "format": "plain"}}"#,
    )
    .unwrap();
    assert_one_line_error(
        &hamish(&["--print", path.to_str().unwrap()]),
        &path,
        "missing field `sections`",
    );
    let path = scratch("broken.json");
    std::fs::write(&path, "{\"hamish\": 1, ").unwrap();
    assert_one_line_error(
        &hamish(&["convert", path.to_str().unwrap()]),
        &path,
        "not valid JSON",
    );
}

#[test]
fn a_50_mb_file_and_a_single_5_mb_line() {
    let seed = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/seeds/003_5eac0dfd78b8d8c0.txt"
    ))
    .unwrap();
    let path = scratch("big.txt");
    let mut big = Vec::with_capacity(50 << 20);
    while big.len() < 50 << 20 {
        big.extend_from_slice(&seed);
    }
    std::fs::write(&path, &big).unwrap();
    let out = command()
        .args([
            "--print",
            "--plain",
            "--width",
            "80",
            path.to_str().unwrap(),
        ])
        .stdout(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::remove_file(&path).unwrap();

    let path = scratch("one-line.txt");
    let line: Vec<u8> = seed
        .iter()
        .copied()
        .filter(|&b| b != b'\n')
        .cycle()
        .take(5 << 20)
        .collect();
    let line = String::from_utf8_lossy(&line).into_owned(); // the cut may split a char
    std::fs::write(&path, line.as_bytes()).unwrap();
    let out = hamish(&[
        "--print",
        "--plain",
        "--width",
        "60",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.len() > 5 << 20);
    std::fs::remove_file(&path).unwrap();
}
