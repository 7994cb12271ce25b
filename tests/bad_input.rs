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

// --- Hardening (issue 11): unbounded reads, encodings, escapes in
// messages, convert -o, closed pipes, bounds. ---

use std::io::Read;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// Run `cmd` to its end, but never wait forever: a hang is killed and
/// fails the test (the bound only detects a hang; nothing is timed).
fn output_within(mut cmd: Command, what: &str) -> Output {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = cmd.spawn().expect("hamish runs");
    wait_within(child, what)
}

fn wait_within(mut child: std::process::Child, what: &str) -> Output {
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// No control character reached stderr raw: it is UTF-8 (a raw C1 byte
/// such as 0x9B alone is not) and has no C0 but the line ends, no DEL and
/// no C1.
fn assert_no_controls(bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).expect("stderr is UTF-8");
    for c in text.chars() {
        assert!(
            c == '\n' || !c.is_control(),
            "control U+{:04X} on stderr: {text:?}",
            c as u32
        );
    }
}

fn mkfifo(path: &Path) {
    let _ = std::fs::remove_file(path);
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(made.success());
}

/// OSC 52 (set the clipboard), OSC 0 (window title), `ESC c` (reset),
/// CSI 6n (report the cursor: the terminal answers on stdin), a DCS, the
/// 8-bit CSI, OSC and DCS, DEL.
const HOSTILE: &str =
    "\u{1b}]52;c;aGk=\u{7}\u{1b}]0;owned\u{7}\u{1b}c\u{1b}[6n\u{1b}Pq#\u{1b}\\\u{9b}2J\u{9d}\u{90}\u{7f}";

#[test]
fn devices_and_fifos_are_refused_without_reading() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let out = output_within(
            {
                let mut c = command();
                c.args(["--print", device]);
                c
            },
            device,
        );
        assert_one_line_error(&out, Path::new(device), "not a regular file");
    }
    let fifo = scratch("no-writer.fifo");
    mkfifo(&fifo);
    let mut cmd = command();
    cmd.args(["--print", fifo.to_str().unwrap()]);
    let out = output_within(cmd, "a FIFO with no writer");
    assert_one_line_error(&out, &fifo, "FIFO");
}

#[test]
fn a_sparse_file_is_binary_from_its_first_block() {
    // 64 GiB, more than the machine's memory: reading it whole before
    // looking at it fails (as it did); its first block says "binary".
    let path = scratch("sparse.txt");
    let file = std::fs::File::create(&path).unwrap();
    std::io::Write::write_all(&mut &file, b"hello\n").unwrap();
    file.set_len(64 << 30).unwrap(); // a hole: no room taken on disk
    drop(file);
    let mut cmd = command();
    cmd.args(["--print", path.to_str().unwrap()]);
    let out = output_within(cmd, "a sparse file");
    assert_one_line_error(&out, &path, "binary");
    assert!(stderr(&out).contains("offset 6"), "{}", stderr(&out));
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn files_over_the_size_limit_are_refused_unless_allowed() {
    let path = scratch("limit.txt");
    std::fs::write(&path, "a line of text\n".repeat(100)).unwrap(); // 1500 bytes
    let out = hamish(&["--print", "--max-size", "1K", path.to_str().unwrap()]);
    assert_one_line_error(&out, &path, "more than the limit of 1024");
    let out = command()
        .env("HAMISH_MAX_SIZE", "1000")
        .args(["convert", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_one_line_error(&out, &path, "1500 bytes");
    let out = hamish(&["--print", "--max-size", "2K", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// "هذا نص عربي للاختبار" — "this is an Arabic text for the test".
const ARABIC: &str = "\u{0647}\u{0630}\u{0627} \u{0646}\u{0635} \u{0639}\u{0631}\u{0628}\u{064A} \u{0644}\u{0644}\u{0627}\u{062E}\u{062A}\u{0628}\u{0627}\u{0631}";

/// The JSON `convert` writes for `path`, and its stderr.
fn convert_json(path: &Path, extra: &[&str]) -> (String, String) {
    let mut args = vec!["convert", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = hamish(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    (String::from_utf8(out.stdout).unwrap(), err)
}

#[test]
fn windows_1256_and_utf16_are_decoded_and_named() {
    let text = format!("{ARABIC}.\n{ARABIC}, {ARABIC}, {ARABIC}.\n");
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1256.encode(&text);
    assert!(!lossy);
    let path = scratch("cp1256.txt");
    std::fs::write(&path, &bytes).unwrap();
    let (json, err) = convert_json(&path, &[]);
    assert!(json.contains(ARABIC), "{json}");
    assert!(err.contains("decoded as windows-1256"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let path = scratch("utf16.txt");
    std::fs::write(&path, &utf16).unwrap();
    let (json, err) = convert_json(&path, &[]);
    assert!(json.contains(ARABIC), "{json}");
    assert!(err.contains("decoded as UTF-16LE"), "{err}");

    // ISO-8859-6 forced: the same letters at other code points.
    let (bytes, _, _) = encoding_rs::ISO_8859_6.encode(&text);
    let path = scratch("iso8859-6.txt");
    std::fs::write(&path, &bytes).unwrap();
    let (json, err) = convert_json(&path, &["--encoding", "iso-8859-6"]);
    assert!(json.contains(ARABIC), "{json}");
    assert!(err.contains("decoded as ISO-8859-6"), "{err}");
    let out = hamish(&["convert", "--encoding", "klingon", path.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("unknown encoding"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn file_names_with_escapes_are_shown_sanitized() {
    let missing = scratch(&format!("missing{HOSTILE}.md"));
    let out = hamish(&["--print", missing.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_no_controls(&out.stderr);
    assert!(stderr(&out).contains("no such file"), "{}", stderr(&out));

    // A real file so named, whose import warns (quoting the name).
    let named = scratch(&format!("named{HOSTILE}.md"));
    std::fs::write(&named, "# T\n\nText[^x].\n").unwrap();
    let out = hamish(&["--print", "--plain", named.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("never defined"), "{}", stderr(&out));
    assert_no_controls(&out.stderr);
}

#[test]
fn document_warnings_with_escapes_are_shown_sanitized() {
    // A front-matter key and a footnote label quoting escapes.
    let md = scratch("front.md");
    std::fs::write(
        &md,
        format!("---\ntitle: T\nkey{HOSTILE}: v\n---\n\nText[^a\u{1b}[6n].\n"),
    )
    .unwrap();
    let out = hamish(&["--print", "--plain", md.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("unknown key"), "{}", stderr(&out));
    assert_no_controls(&out.stderr);

    // JSON's meta.warnings are the file's own words.
    let (json, _) = convert_json(&scratch("front.md"), &[]);
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    value["meta"]["warnings"] = serde_json::json!([HOSTILE, format!("x{HOSTILE}y")]);
    let path = scratch("warnings.json");
    std::fs::write(&path, value.to_string()).unwrap();
    for args in [
        vec!["--print", "--plain", path.to_str().unwrap()],
        vec!["convert", path.to_str().unwrap()],
    ] {
        let out = hamish(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 2, "{}", stderr(&out));
        assert!(
            stderr(&out).contains("\u{241B}]52;c;aGk="),
            "{}",
            stderr(&out)
        );
        assert_no_controls(&out.stderr);
    }
}

#[test]
fn config_keys_with_escapes_are_shown_sanitized() {
    let home = scratch("escape-config");
    std::fs::create_dir_all(home.join("hamish")).unwrap();
    std::fs::write(
        home.join("hamish/config.toml"),
        "\"evil\\u001b]52;c;aGk=\\u0007\\u009b6n\" = 1\n[keys]\n\"bad\\u001bc\" = [\"x\"]\n",
    )
    .unwrap();
    let out = command()
        .env("XDG_CONFIG_HOME", &home)
        .args(["--print-config"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("unknown setting `evil"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("unknown action `bad"),
        "{}",
        stderr(&out)
    );
    assert_no_controls(&out.stderr);
}

#[test]
fn relative_xdg_directories_are_ignored() {
    // A config in ./rel/hamish/ must not be read through a relative
    // XDG_CONFIG_HOME, nor through a relative HOME.
    let cwd = scratch("relative-xdg");
    std::fs::create_dir_all(cwd.join("rel/hamish")).unwrap();
    std::fs::write(cwd.join("rel/hamish/config.toml"), "width = 33\n").unwrap();
    std::fs::create_dir_all(cwd.join(".config/hamish")).unwrap();
    std::fs::write(cwd.join(".config/hamish/config.toml"), "width = 34\n").unwrap();
    for (xdg, home) in [("rel", "/nonexistent-hamish-home"), ("", "."), ("rel", "")] {
        let out = Command::new(env!("CARGO_BIN_EXE_hamish"))
            .current_dir(&cwd)
            .env("XDG_CONFIG_HOME", xdg)
            .env("HOME", home)
            .args(["--print-config"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.starts_with("width = 80\n"), "{xdg:?} {home:?}: {text}");
    }
}

/// What `convert` of a small document writes.
fn small_document() -> (PathBuf, String) {
    let path = scratch("small.md");
    std::fs::write(&path, "# Title\n\nSome text.\n").unwrap();
    let (json, _) = convert_json(&path, &[]);
    (path, json)
}

#[test]
fn convert_to_dev_null_leaves_the_device() {
    use std::os::unix::fs::FileTypeExt;
    let (path, _) = small_document();
    let out = hamish(&["convert", path.to_str().unwrap(), "-o", "/dev/null"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(
        meta.file_type().is_char_device(),
        "/dev/null is still a device"
    );
    // A full device is a one-line error, not a replaced device.
    let out = hamish(&["convert", path.to_str().unwrap(), "-o", "/dev/full"]);
    assert_one_line_error(&out, Path::new("/dev/full"), "No space left");
    assert!(std::fs::metadata("/dev/full")
        .unwrap()
        .file_type()
        .is_char_device());
}

#[test]
fn convert_into_a_fifo_writes_to_its_reader() {
    use std::os::unix::fs::FileTypeExt;
    let (path, json) = small_document();
    let fifo = scratch("out.fifo");
    mkfifo(&fifo);
    let reader = Command::new("cat")
        .arg(&fifo)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut cmd = command();
    cmd.args([
        "convert",
        path.to_str().unwrap(),
        "-o",
        fifo.to_str().unwrap(),
    ]);
    let out = output_within(cmd, "convert into a FIFO");
    if !out.status.success() {
        let mut reader = reader;
        let _ = reader.kill();
        panic!("{}", stderr(&out));
    }
    let read = wait_within(reader, "the FIFO's reader");
    assert_eq!(String::from_utf8(read.stdout).unwrap(), json);
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
}

#[test]
fn convert_through_a_link_keeps_the_link() {
    let (path, json) = small_document();
    let dir = scratch("links");
    std::fs::create_dir_all(&dir).unwrap();
    let target = dir.join("target.json");
    std::fs::write(&target, "old").unwrap();
    let link = dir.join("link.json");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink("target.json", &link).unwrap();
    let out = hamish(&[
        "convert",
        path.to_str().unwrap(),
        "-o",
        link.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), json);
}

#[test]
fn convert_to_dash_is_stdout_and_a_directory_is_refused() {
    let (path, json) = small_document();
    let out = hamish(&["convert", path.to_str().unwrap(), "-o", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), json);
    assert!(!Path::new("-").exists());
    let dir = std::env::temp_dir();
    let out = hamish(&[
        "convert",
        path.to_str().unwrap(),
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_one_line_error(&out, &dir, "is a directory");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // `hamish --print-config | true`: the reader is gone before the write.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = command()
        .arg("--print-config")
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(141), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");

    // `hamish --print big | head -c 100`: the reader leaves mid-way.
    let path = scratch("long.txt");
    std::fs::write(&path, "Some words to lay out.\n".repeat(20_000)).unwrap();
    let (mut reader, writer) = std::io::pipe().unwrap();
    let mut cmd = command();
    cmd.args(["--print", "--plain", path.to_str().unwrap()])
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped());
    let child = cmd.spawn().unwrap();
    drop(cmd); // our copy of the pipe's write end
    let mut head = [0u8; 100];
    reader.read_exact(&mut head).unwrap();
    drop(reader);
    let out = wait_within(child, "--print into a closed pipe");
    assert_eq!(out.status.code(), Some(141), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
}

#[test]
fn a_full_disk_is_one_line() {
    let full = std::fs::File::create("/dev/full").unwrap();
    let out = command()
        .arg("--print-config")
        .stdout(full)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(!out.status.success());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("No space left"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn widths_beyond_the_config_bounds_are_refused() {
    let path = scratch("w.txt");
    std::fs::write(&path, "text\n").unwrap();
    for width in ["18446744073709551615", "4294967296", "1001", "0"] {
        let mut cmd = command();
        cmd.args(["--print", "--width", width, path.to_str().unwrap()]);
        let out = output_within(cmd, width);
        assert_eq!(out.status.code(), Some(2), "{width}: {}", stderr(&out));
        assert!(stderr(&out).contains("from 1 to 1000"), "{}", stderr(&out));
    }
    let out = hamish(&["--print", "--width", "1000", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn the_library_never_shows_more_than_100_percent() {
    use hamish::persist::state::{DocState, StateFile};
    let mut saved = StateFile::default();
    let key = hamish::persist::state::key(hamish::bundled::ESSAYS[0].text);
    saved.documents.insert(
        key,
        DocState {
            percent: usize::MAX,
            ..DocState::default()
        },
    );
    let library = hamish::app::reading_state::library(&saved, &[]);
    assert_eq!(library[0].progress, Some(100));
}
