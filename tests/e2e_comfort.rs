//! End-to-end, issue 13: the real binary in a pseudo-terminal at 80x24,
//! keys sent as a terminal sends them (arrows as escape sequences), the
//! screen read through vt100. The search prompt is edited with ←/Home and
//! Backspace, a count and `%` move, the end says END, and the search
//! history comes back in the next session from the state file.

mod common;
use common::cli::fresh_dir;
use common::pty::Session;

const SEED: &str = "seeds/000_888738dd473cd04e.txt";

/// The status line: the last row of the screen's contents.
fn status(contents: &str) -> &str {
    contents.lines().last().unwrap_or_default()
}

#[test]
fn the_prompt_edits_counts_move_and_history_is_kept_between_sessions() {
    let home = fresh_dir("comfort");
    let mut s = Session::start_in(&["--shape", "off", SEED], 24, 80, &home);
    s.wait_for("the abstract", |c| c.contains("The Russian revolution"));
    // "/Trotskx", Backspace, "y": "Trotsky"; ← then Home and "x", then ←
    // and Delete (ESC [3~) of that x: "Trotsky" again, found.
    s.key("/Trotskx");
    s.key("\x7f");
    s.key("y");
    s.key("\x1b[D");
    s.key("\x1b[H");
    s.key("x");
    s.wait_for("xTrotsky", |c| c.contains("/ xTrotsky"));
    s.key("\x1b[D");
    s.key("\x1b[3~");
    s.wait_for("a match", |c| {
        c.contains("/ Trotsky") && c.contains("match 1 of")
    });
    s.key("\r");
    // 100% then G: the end, as less says it.
    s.key("g");
    s.key("50%");
    s.wait_for("half way", |c| {
        let line = status(c);
        line.contains("50%") || line.contains("49%") || line.contains("51%")
    });
    s.key("G");
    s.wait_for("END", |c| status(c).contains("100% END"));
    s.key("q");
    assert!(s.wait_exit().success());

    // The next session's prompt brings "Trotsky" back with ↑.
    let mut s = Session::start_in(&["--shape", "off", SEED], 24, 80, &home);
    // It opens where the last session left it: the end.
    s.wait_for("the text", |c| status(c).contains("END"));
    s.key("/");
    s.key("\x1b[A");
    s.wait_for("the last search", |c| c.contains("/ Trotsky"));
    s.key("\x1b");
    s.key("q");
    assert!(s.wait_exit().success());
}
