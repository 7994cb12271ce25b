//! Bad input gets a clear one-line message naming the file, a non-zero exit
//! when nothing can be shown, and never a panic.

use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::cli::no_home;
use common::{command, hamish, hamish_within, scratch, stderr, SEED_000, SEED_003};

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
    let seed = std::fs::read(SEED_003).unwrap();
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

/// Bytes that would act on a terminal: ESC, BEL, CSI/DCS/OSC/ST as C1
/// (raw or UTF-8 encoded).
fn assert_no_control_sequences(bytes: &[u8], what: &str) {
    for (i, &b) in bytes.iter().enumerate() {
        let raw_c1 = (0x80..=0x9f).contains(&b) && (i == 0 || bytes[i - 1] != 0xc2);
        let utf8_c1 = b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n));
        assert!(
            b != 0x1b && b != 0x07 && !utf8_c1 && !(raw_c1 && std::str::from_utf8(bytes).is_err()),
            "{what}: control byte {b:#x} at {i}: {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn devices_and_fifos_are_refused_without_reading_them() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let out = hamish_within(10, &["--print", device]);
        assert_one_line_error(&out, Path::new(device), "not a regular file");
    }
    let fifo = scratch("no-writer.fifo");
    let _ = std::fs::remove_file(&fifo);
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let out = hamish_within(10, &["--print", fifo.to_str().unwrap()]);
    assert_one_line_error(&out, &fifo, "FIFO");
    let out = hamish_within(10, &["convert", fifo.to_str().unwrap()]);
    assert_one_line_error(&out, &fifo, "FIFO");
}

#[test]
fn large_files_are_refused_by_size_before_reading_and_the_limit_can_be_raised() {
    // Sparse: a gigabyte that takes no disk.
    let huge = scratch("sparse-1g.txt");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(1 << 30)
        .unwrap();
    let out = hamish_within(10, &["--print", huge.to_str().unwrap()]);
    assert_one_line_error(&out, &huge, "over the limit of 256 MB");
    // Allowed by --max-size, it is seen as binary from its first block.
    let out = hamish_within(
        10,
        &["--print", "--max-size", "2000", huge.to_str().unwrap()],
    );
    assert_one_line_error(&out, &huge, "binary");
    std::fs::remove_file(&huge).unwrap();

    let two_mb = scratch("two-mb.txt");
    std::fs::write(&two_mb, "word\n".repeat(420_000)).unwrap();
    let out = hamish_within(
        30,
        &["--print", "--max-size", "1", two_mb.to_str().unwrap()],
    );
    assert_one_line_error(&out, &two_mb, "over the limit of 1 MB");
    let out = hamish_within(60, &["--print", "--plain", two_mb.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// "مرحبا بالعالم" (hello, world), the text of the encoding tests.
const HELLO: &str =
    "\u{645}\u{631}\u{62d}\u{628}\u{627} \u{628}\u{627}\u{644}\u{639}\u{627}\u{644}\u{645}";

#[test]
fn utf16_with_a_bom_and_windows_1256_are_decoded_and_named() {
    let utf16 = scratch("utf16.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in format!("{HELLO}\n").encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(&utf16, &bytes).unwrap();
    let out = hamish(&[
        "--print",
        "--plain",
        "--bidi",
        "terminal",
        "--format",
        "lines",
        utf16.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains(HELLO));

    // Windows-1256 bytes of the same text, as an Arabic Windows editor saves it.
    let legacy = scratch("cp1256.txt");
    let mut cp1256 = Vec::new();
    for c in format!("{HELLO} {HELLO}\n").chars() {
        cp1256.push(match c {
            '\u{645}' => 0xE3, // م
            '\u{631}' => 0xD1, // ر
            '\u{62d}' => 0xCD, // ح
            '\u{628}' => 0xC8, // ب
            '\u{627}' => 0xC7, // ا
            '\u{644}' => 0xE1, // ل
            '\u{639}' => 0xDA, // ع
            other => other as u8,
        });
    }
    std::fs::write(&legacy, &cp1256).unwrap();
    let out = hamish(&["convert", "--to", "json", legacy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains(HELLO));
    assert!(
        stderr(&out).contains("decoded as windows-1256"),
        "{}",
        stderr(&out)
    );

    // Forced: the same bytes read as ISO-8859-6 give other letters, and
    // an unknown name is refused.
    let out = hamish(&[
        "convert",
        "--encoding",
        "iso-8859-6",
        legacy.to_str().unwrap(),
    ]);
    assert!(
        stderr(&out).contains("decoded as ISO-8859-6"),
        "{}",
        stderr(&out)
    );
    let out = hamish(&["--print", "--encoding", "klingon", legacy.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("unknown encoding"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn no_escape_sequence_reaches_stderr() {
    // A file named with an OSC 52 clipboard write and a reset.
    let named = scratch("evil\u{1b}]52;c;aGk=\u{7}\u{1b}c.txt");
    let out = hamish(&["--print", named.to_str().unwrap()]);
    assert!(!out.status.success());
    assert_no_control_sequences(&out.stderr, "missing file name");

    // Front-matter keys and an undefined note label quoting escapes.
    let md = scratch("evil.md");
    std::fs::write(
        &md,
        "---\ntitle: T\n\u{1b}]0;owned\u{7}: x\n---\n\n# H\n\nText[^\u{1b}[6n] here.\n",
    )
    .unwrap();
    let out = hamish(&["convert", md.to_str().unwrap()]);
    assert_no_control_sequences(&out.stderr, "markdown warnings");

    // JSON whose recorded warnings carry OSC, DCS, CSI and C1.
    let json = scratch("evil.json");
    let doc = hamish(&["convert", "--to", "json", md.to_str().unwrap()]);
    let mut value: serde_json::Value = serde_json::from_slice(&doc.stdout).unwrap();
    value["meta"]["warnings"] = serde_json::json!([
        "\u{1b}]0;title\u{7}",
        "\u{1b}P1$q\u{1b}\\",
        "\u{9b}6n \u{90}x\u{9c} \u{9d}0;t\u{9c}",
        "\u{1b}c"
    ]);
    std::fs::write(&json, serde_json::to_vec(&value).unwrap()).unwrap();
    let out = hamish(&["--print", "--plain", json.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).lines().count() >= 4);
    assert_no_control_sequences(&out.stderr, "json warnings");

    // A config key with an escape in it.
    let home = scratch("evil-config");
    std::fs::create_dir_all(home.join("hamish")).unwrap();
    std::fs::write(
        home.join("hamish/config.toml"),
        "\"\\u001b]52;c;aGk=\\u0007\" = 1\n[keys]\n\"\\u001bc\" = [\"x\"]\n",
    )
    .unwrap();
    let out = command()
        .env("XDG_CONFIG_HOME", &home)
        .arg("--print-config")
        .output()
        .unwrap();
    assert!(stderr(&out).contains("unknown"), "{}", stderr(&out));
    assert_no_control_sequences(&out.stderr, "config problems");
}

#[test]
fn convert_output_respects_devices_fifos_symlinks_and_dash() {
    let seed = SEED_003;
    // /dev/null stays a device (only meaningful where we may replace it).
    let out = hamish(&["convert", seed, "-o", "/dev/null"]);
    assert!(out.status.success(), "{}", stderr(&out));
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());

    // A FIFO receives the document.
    let fifo = scratch("out.fifo");
    let _ = std::fs::remove_file(&fifo);
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    let out = hamish_within(
        20,
        &[
            "convert",
            seed,
            "--to",
            "json",
            "-o",
            fifo.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(reader.join().unwrap().starts_with('{'));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());

    // A symlink stays a link; its target gets the document.
    let target = scratch("real-out.md");
    std::fs::write(&target, "old").unwrap();
    let link = scratch("link-out.md");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = hamish(&[
        "convert",
        seed,
        "--to",
        "markdown",
        "-o",
        link.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .starts_with("---\ntitle:"));

    // `-o -` is standard output; a directory is refused.
    let out = hamish(&["convert", seed, "--to", "markdown", "-o", "-"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("---\ntitle:"));
    let dir = std::env::temp_dir();
    let out = hamish(&["convert", seed, "-o", dir.to_str().unwrap()]);
    assert_one_line_error(&out, &dir, "is a directory");
}

/// Run `hamish ARGS` with its standard output a pipe whose reader has
/// already gone; returns hamish's exit status and stderr.
fn into_closed_pipe(args: &str) -> (String, String) {
    let bin = env!("CARGO_BIN_EXE_hamish");
    let none = no_home();
    let script = format!("{{ sleep 0.5; '{bin}' {args}; echo \"status=$?\" >&2; }} | true");
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("XDG_CONFIG_HOME", &none)
        .env("XDG_STATE_HOME", &none)
        .output()
        .unwrap();
    let err = stderr(&out);
    let status = err
        .lines()
        .find_map(|l| l.strip_prefix("status="))
        .unwrap_or("none")
        .to_string();
    (status, err)
}

#[test]
fn every_output_into_a_closed_pipe_ends_quietly_with_141() {
    // clap printed --help and --version itself, ignoring the error, and
    // exited 0 where --print exits 141.
    let seed = SEED_000;
    for args in [
        "--help".to_string(),
        "--version".to_string(),
        "--generate bash".to_string(),
        "--generate man".to_string(),
        "--check-terminal".to_string(),
        format!("convert {seed} --to json -o -"),
        format!("convert {seed} --to markdown"),
    ] {
        let (status, err) = into_closed_pipe(&args);
        assert_eq!(status, "141", "{args}: {err}");
        assert_eq!(
            err.lines().count(),
            1,
            "{args}: only the status line: {err}"
        );
    }
    // A usage error still goes to stderr with clap's status.
    let out = hamish(&["--no-such-option"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--no-such-option"));
}

#[test]
fn closed_pipes_and_full_disks_end_quietly_or_with_one_line() {
    let seed = SEED_000;
    for args in ["--print-config".to_string(), format!("--print {seed}")] {
        let (status, err) = into_closed_pipe(&args);
        assert_eq!(status, "141", "{args}: {err}");
        assert_eq!(
            err.lines().count(),
            1,
            "{args}: only the status line: {err}"
        );
    }
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = command()
        .arg("--print-config")
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("standard output: cannot write"), "{err}");
}

#[test]
fn absurd_widths_are_refused_at_once() {
    let seed = SEED_003;
    for width in ["18446744073709551615", "4294967296", "0", "1001"] {
        let out = hamish_within(10, &["--print", "--width", width, seed]);
        assert_eq!(out.status.code(), Some(2), "{width}");
        assert!(stderr(&out).contains("from 1 to 1000"), "{}", stderr(&out));
    }
}

#[test]
fn a_config_of_forty_thousand_unknown_keys_is_summarised() {
    let home = scratch("many-keys");
    std::fs::create_dir_all(home.join("hamish")).unwrap();
    let mut text = String::new();
    for i in 0..40_000 {
        text.push_str(&format!("k{i} = 1\n"));
    }
    std::fs::write(home.join("hamish/config.toml"), text).unwrap();
    let out = command()
        .env("XDG_CONFIG_HOME", &home)
        .arg("--print-config")
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(err.lines().count() <= 4, "{err}");
    assert!(err.contains("39997 more"), "{err}");
}
