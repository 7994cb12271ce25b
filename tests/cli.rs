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
