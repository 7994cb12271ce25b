//! The command line's output modes, run through the binary.

mod common;
use common::{hamish, scratch};

#[test]
fn bidi_terminal_mode_prints_rows_in_logical_order() {
    // "عام 1917" (year 1917): with --bidi terminal the row stays in logical
    // order, unshaped (auto shaping is off then), for the terminal to reorder.
    let path = scratch("logical.txt");
    std::fs::write(&path, "\u{0639}\u{0627}\u{0645} 1917\n").unwrap();
    let out = hamish(&[
        "--print",
        "--plain",
        "--bidi",
        "terminal",
        "--format",
        "lines",
        "--width",
        "20",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    // No padding either: the terminal places an RTL row itself.
    assert_eq!(text, "\u{0639}\u{0627}\u{0645} 1917\n");
    // In the default mode the same row is reordered (and right-aligned).
    let out = hamish(&[
        "--print",
        "--plain",
        "--shape",
        "off",
        "--format",
        "lines",
        "--width",
        "20",
        path.to_str().unwrap(),
    ]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim_start(),
        "1917 \u{0645}\u{0627}\u{0639}\n"
    );
}

/// Run hamish with `input` on its standard input (a pipe).
fn hamish_fed(args: &[&str], input: &[u8]) -> std::process::Output {
    use std::io::Write;
    let mut child = common::command()
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("hamish runs");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

#[test]
fn a_document_on_standard_input_is_read_from_the_pipe() {
    let markdown = b"# Title\n\nA paragraph with a note[^1].\n\n[^1]: The note.\n";
    // Piped with no file, and named `-`; the format is detected from the text.
    for args in [
        &["--print", "--plain"][..],
        &["--print", "--plain", "-"][..],
    ] {
        let out = hamish_fed(args, markdown);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("A paragraph with a note"), "{text}");
        assert!(!text.contains("[^1]"), "read as Markdown: {text}");
        assert!(!text.contains("Abstract"), "not the bundled essays: {text}");
    }
    // `--format` forces the format on stdin too.
    let out = hamish_fed(&["--print", "--plain", "--format", "lines", "-"], markdown);
    assert!(String::from_utf8_lossy(&out.stdout).contains("[^1]: The note."));
    // convert reads `-` as well.
    let out = hamish_fed(&["convert", "-", "--to", "json"], markdown);
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"title\": \"Title\""));
    // Nothing on the pipe: one line naming standard input.
    let out = hamish_fed(&["--print", "-"], b"");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("standard input: is empty"), "{err}");
}

#[test]
fn no_input_at_all_still_prints_the_bundled_essays() {
    // A program started with /dev/null as stdin (cron, CI) has no document
    // on it: the bundled essays, as before.
    let out = hamish(&["--print", "--plain", "--width", "60"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Abstract"));
}

#[test]
fn the_man_page_and_completions_come_from_the_argument_definitions() {
    let man = hamish(&["--generate", "man"]);
    assert!(man.status.success());
    let man = String::from_utf8_lossy(&man.stdout);
    assert!(man.contains(".TH hamish 1"), "{man}");
    for option in ["encoding", "max\\-size", "print\\-config", "no\\-mouse"] {
        assert!(man.contains(option), "the man page lists --{option}");
    }
    for (shell, mark) in [
        ("bash", "_hamish()"),
        ("zsh", "#compdef hamish"),
        ("fish", "complete -c hamish"),
    ] {
        let out = hamish(&["--generate", shell]);
        assert!(out.status.success());
        let script = String::from_utf8_lossy(&out.stdout);
        assert!(script.contains(mark), "{shell}: {script}");
        assert!(script.contains("max-size"), "{shell} completes --max-size");
    }
}

#[test]
fn print_gives_each_document_its_title_and_a_separator() {
    let seed = common::SEED_003;
    let demo = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/demo.md");
    let out = hamish(&[
        "--print", "--plain", "--shape", "off", "--bidi", "terminal", "--width", "60", seed, demo,
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    let rules: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i] == "\u{2500}".repeat(40))
        .collect();
    assert_eq!(rules.len(), 1, "one separator between two documents");
    // The seed's title (from its file name) opens the output; the demo's
    // front-matter title opens the second document.
    assert_eq!(lines[0], "003 5eac0dfd78b8d8c0");
    let demo_title = std::fs::read_to_string(demo).unwrap();
    let demo_title = demo_title
        .lines()
        .find_map(|l| l.strip_prefix("title: "))
        .unwrap()
        .trim_matches('"')
        .to_string();
    assert_eq!(lines[rules[0] + 2], demo_title);
    // The seed ends "يتبع" (to follow): its last row before the separator
    // is the continued line, in logical order with --bidi terminal.
    assert_eq!(lines[rules[0] - 2], "(\u{064A}\u{062A}\u{0628}\u{0639})");
}
