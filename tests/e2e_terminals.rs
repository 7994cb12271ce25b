//! End-to-end: the bytes hamish writes for each kind of terminal it knows
//! (tmux, mlterm, a terminal that reorders with `--bidi terminal`) and for
//! painting (whole rows on a page jump, Ctrl-l). Real terminal windows are
//! checked by `tools/terminals.sh`, not here.

use std::time::{Duration, Instant};

mod common;
use common::cli::fresh_dir;
use common::pty::{kill, pty_command, Session};
use common::visual;
use common::words::TROTSKY;

const SEED_003: &str = "seeds/003_5eac0dfd78b8d8c0.txt";
const SEED_000: &str = "seeds/000_888738dd473cd04e.txt";

/// The bytes written since `from`, as text.
fn since(s: &Session, from: usize) -> String {
    String::from_utf8_lossy(&s.raw[from..]).into_owned()
}

/// Pump until the bytes written since `from` satisfy `ok` (10 s at most).
fn wait_bytes(s: &mut Session, from: usize, what: &str, ok: impl Fn(&str) -> bool) {
    let start = Instant::now();
    loop {
        s.pump(Duration::from_millis(50));
        if ok(&since(s, from)) {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "timed out waiting for {what}: {:?}",
            since(s, from)
        );
    }
}

/// What a terminal shows of `text`: every character that is not part of
/// a control sequence (CSI, OSC, DCS and two-byte escapes are skipped).
fn printed(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            if !c.is_control() {
                out.push(c);
            }
            continue;
        }
        match chars.next() {
            Some('[') => {
                for c in chars.by_ref() {
                    if ('\x40'..='\x7e').contains(&c) {
                        break;
                    }
                }
            }
            Some(']') => {
                for c in chars.by_ref() {
                    if c == '\x07' {
                        break;
                    }
                }
            }
            Some('P') => {
                while let Some(c) = chars.next() {
                    if c == '\x1b' && chars.peek() == Some(&'\\') {
                        chars.next();
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn printed_skips_control_sequences() {
    assert_eq!(
        printed("a\x1b[2;1Hb\x1b]5379;use_ctl=false\x07c\x1bPtmux;\x1b\x1b[8l\x1b\\d\r\n"),
        "abcd"
    );
}

/// A directory with a `tmux` that answers `answer` to any question.
fn fake_tmux(home: &std::path::Path, answer: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    let bin = home.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let tmux = bin.join("tmux");
    std::fs::write(&tmux, format!("#!/bin/sh\necho {answer}\n")).unwrap();
    std::fs::set_permissions(&tmux, std::fs::Permissions::from_mode(0o755)).unwrap();
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

#[test]
fn inside_tmux_the_bidi_mode_reaches_the_outer_terminal_and_comes_back() {
    let home = fresh_dir("tmux-passthrough-off");
    let mut cmd = pty_command(&["--shape", "off", SEED_003], &home);
    cmd.env("TMUX", "/tmp/tmux-1000/default,1,0");
    cmd.env("PATH", fake_tmux(&home, "off"));
    let mut s = Session::start_command(cmd, 24, 100, &home);
    s.wait_for("the text", |c| c.contains(&visual(TROTSKY)));
    let start = since(&s, 0);
    // CSI 8 l and CSI 1 SP k inside DCS tmux; ... ST, each ESC doubled.
    assert!(
        start.contains("\x1bPtmux;\x1b\x1b[8l\x1b\x1b[1 k\x1b\\"),
        "{start:?}"
    );
    // VTE keeps the BiDi mode per row: every row of the outer terminal is
    // visited from column 0, at start and again after the first frame
    // cleared the screen (tmux may have made its rows anew).
    const ROW_1: &str = "\x1bPtmux;\x1b\x1b7\x1b\x1b[1;1H\x1b\x1b[8l\x1b\x1b[1 k\x1b\x1b8\x1b\\";
    assert!(start.matches(ROW_1).count() >= 2, "{start:?}");
    let clear = start.find("\x1b[2J").unwrap();
    assert!(start[clear..].contains(ROW_1), "after the clear");
    // tmux said passthrough is off: the one line to add, on the status line.
    s.wait_for("the tmux notice", |c| {
        c.contains("set -g allow-passthrough on")
    });
    // Ctrl-l clears, and visits the rows again.
    let before = s.raw.len();
    s.key("\x0c");
    wait_bytes(&mut s, before, "the rows visited again", |b| {
        b.contains("\x1b[2J") && b.contains(ROW_1)
    });
    let before = s.raw.len();
    s.key("q");
    assert!(s.wait_exit().success());
    let exit = since(&s, before);
    assert!(exit.contains("\x1bPtmux;\x1b\x1b[8h\x1b\\"), "{exit:?}");
    assert!(exit.contains("\x1b[8h"));
}

#[test]
fn tmux_with_passthrough_on_says_nothing_and_sigterm_restores() {
    let home = fresh_dir("tmux-passthrough-on");
    let mut cmd = pty_command(&["--shape", "off", SEED_003], &home);
    cmd.env("TMUX", "/tmp/tmux-1000/default,1,0");
    cmd.env("PATH", fake_tmux(&home, "on"));
    let mut s = Session::start_command(cmd, 24, 100, &home);
    s.wait_for("the text", |c| c.contains(&visual(TROTSKY)));
    s.pump(Duration::from_millis(200));
    assert!(!s.parser.screen().contents().contains("allow-passthrough"));
    let before = s.raw.len();
    kill(&s, "TERM");
    s.wait_exit();
    assert!(since(&s, before).contains("\x1bPtmux;\x1b\x1b[8h\x1b\\"));
}

#[test]
fn mlterm_bidi_is_off_while_reading_and_on_again_across_a_suspend_and_at_exit() {
    const OFF: &str = "\x1b]5379;use_ctl=false\x07";
    const ON: &str = "\x1b]5379;use_ctl=true\x07";
    let home = fresh_dir("mlterm");
    let mut cmd = pty_command(&["--shape", "off", SEED_003], &home);
    cmd.env("MLTERM", "3.9.0");
    // A home without mlterm settings: its bidi was on, mlterm's default.
    cmd.env("HOME", &home);
    let mut s = Session::start_command(cmd, 24, 100, &home);
    s.wait_for("the text", |c| c.contains(&visual(TROTSKY)));
    let start = since(&s, 0);
    assert!(start.contains(OFF) && !start.contains(ON), "{start:?}");
    // Suspend: mlterm's bidi back for the shell; continue: off again.
    let before = s.raw.len();
    kill(&s, "TSTP");
    wait_bytes(&mut s, before, "the restore on suspend", |b| {
        b.contains(ON) && b.contains("\x1b[?1049l")
    });
    let before = s.raw.len();
    // The stop may not have happened yet; SIGCONT either way continues.
    std::thread::sleep(Duration::from_millis(200));
    kill(&s, "CONT");
    wait_bytes(&mut s, before, "the take-over on continue", |b| {
        b.contains(OFF)
    });
    let before = s.raw.len();
    kill(&s, "TERM");
    s.wait_exit();
    assert!(since(&s, before).contains(ON));
}

#[test]
fn mlterm_configured_without_bidi_is_left_without_it_at_exit() {
    const OFF: &str = "\x1b]5379;use_ctl=false\x07";
    let home = fresh_dir("mlterm-config");
    // mlterm reads ~/.mlterm/main when ~/.config/mlterm does not exist.
    std::fs::create_dir_all(home.join(".mlterm")).unwrap();
    std::fs::write(
        home.join(".mlterm/main"),
        "fontsize = 16\nuse_ctl = false\n",
    )
    .unwrap();
    let mut cmd = pty_command(&["--shape", "off", SEED_003], &home);
    cmd.env("MLTERM", "3.9.0");
    cmd.env("HOME", &home);
    let mut s = Session::start_command(cmd, 24, 100, &home);
    s.wait_for("the text", |c| c.contains(&visual(TROTSKY)));
    // Switched off all the same (a -C option may have turned it on)...
    assert!(since(&s, 0).contains(OFF));
    let before = s.raw.len();
    s.key("q");
    assert!(s.wait_exit().success());
    // ...and not turned on at exit: it was off.
    let exit = since(&s, before);
    assert!(
        exit.contains("\x1b[?1049l") && !exit.contains("5379"),
        "{exit:?}"
    );
}

#[test]
fn bidi_terminal_rows_carry_their_direction_and_are_written_whole() {
    let mut s = Session::start(&["--bidi", "terminal", SEED_003], 24, 100);
    s.wait_for("the text", |c| c.contains(TROTSKY));
    let first = since(&s, 0);
    // An Arabic row: BDSM implicit and SCP right-to-left from column 0,
    // then an RLM before its first letter; the status line (the last row):
    // SCP left-to-right and an LRM, its title inside FSI…PDI; after the
    // frame, left-to-right again for whatever follows.
    assert!(first.contains("\x1b[8h\x1b[2 k"), "an RTL row: {first:?}");
    assert!(first.contains('\u{200F}'), "its RLM");
    assert!(
        first.contains("\x1b[24;1H\x1b[8h\x1b[1 k\u{200E}"),
        "the status row"
    );
    assert!(first.contains('\u{2068}') && first.contains('\u{2069}'));
    assert!(first.trim_end().ends_with("\x1b[1 k") || first.contains("\x1b[1 k\x1b"));
    // Every row written is written whole: after a page, each row that
    // changed is rewritten from column 1 (its blank margin erased, ECH),
    // with its direction set before its text.
    let before = s.raw.len();
    s.key(" ");
    s.pump(Duration::from_millis(300));
    let page = since(&s, before);
    for row in 1..=23 {
        assert!(
            page.contains(&format!("\x1b[{row};1H\x1b[")),
            "row {row} from column 1: {page:?}"
        );
    }
    assert!(page.matches("\x1b[2 k").count() >= 15, "RTL rows: {page:?}");
    s.key("q");
    assert!(s.wait_exit().success());
}

/// Whether every Arabic letter of `row` stands inside a right-to-left
/// embedding (RLE … PDF), the borders and blanks around outside any.
fn arabic_only_in_rtl_pieces(row: &str) -> bool {
    let mut open: Vec<char> = Vec::new();
    for c in row.chars() {
        match c {
            '\u{202A}' | '\u{202B}' => open.push(c),
            '\u{202C}' => {
                open.pop();
            }
            '\u{2502}' if !open.is_empty() => return false,
            '\u{0621}'..='\u{064A}' if open.last() != Some(&'\u{202B}') => return false,
            _ => {}
        }
    }
    open.is_empty()
}

#[test]
fn bidi_terminal_writes_each_piece_of_a_box_row_as_an_embedding_of_its_own() {
    // Seed 000: Arabic text, with sections for the contents to list.
    let mut s = Session::start(&["--bidi", "terminal", SEED_000], 24, 100);
    s.wait_for("the status line", |c| c.contains("? help"));
    let before = s.raw.len();
    s.key("t");
    wait_bytes(&mut s, before, "the contents", |b| b.contains('\u{2514}'));
    s.pump(Duration::from_millis(300));
    let toc = since(&s, before);
    // Each row is written from its column 0, after its direction.
    let rows: Vec<&str> = toc.split("\x1b[8h\x1b[").skip(1).collect();
    let boxed: Vec<&&str> = rows.iter().filter(|r| r.contains('\u{2502}')).collect();
    assert!(boxed.len() >= 3, "rows of the box: {toc:?}");
    for row in boxed {
        // A row with a box is a left-to-right row (SCP 1 and an LRM)...
        assert!(row.starts_with("1 k\u{200E}"), "{row:?}");
        // ...whose Arabic, inside the box (an Arabic entry) or beside it
        // (the text under the box), is in right-to-left embeddings, each
        // opened and closed after an LRM, so the borders stay in place.
        assert!(arabic_only_in_rtl_pieces(row), "{row:?}");
        assert!(!row.contains("\u{202B}\u{202C}"), "no empty piece");
    }
    assert!(toc.contains("\u{200E}\u{202B}") && toc.contains("\u{202C}\u{200E}"));
    s.key("q");
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn bidi_terminal_writes_the_arabic_pane_of_side_by_side_as_pieces() {
    let mut s = Session::start(&["--bidi", "terminal", SEED_000], 24, 100);
    s.wait_for("the status line", |c| c.contains("? help"));
    let before = s.raw.len();
    s.key("s");
    wait_bytes(&mut s, before, "the panes", |b| b.contains("Abstract"));
    s.pump(Duration::from_millis(300));
    let side = since(&s, before);
    let rows: Vec<&str> = side.split("\x1b[8h\x1b[").skip(1).collect();
    // Text rows of both panes: English on the left, Arabic on the right.
    let both: Vec<&&str> = rows
        .iter()
        .filter(|r| r.contains("the") && r.contains('\u{202B}'))
        .collect();
    assert!(both.len() >= 10, "rows with both panes: {side:?}");
    // The rows of the panes (not the status line, row 24, whose titles
    // are isolated instead).
    let panes = rows
        .iter()
        .filter(|r| r.contains('\u{2502}') && !r.contains("\x1b[24;"));
    for row in panes {
        // Left to right, each Arabic row of the right pane its own piece.
        assert!(row.starts_with("1 k\u{200E}"), "{row:?}");
        assert!(arabic_only_in_rtl_pieces(row), "{row:?}");
    }
    s.key("q");
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn arabic_only_in_rtl_pieces_reads_the_marks() {
    // "│ RLE nun sad PDF │" (nun sad: "text") passes; the same letters
    // outside a piece, or a border inside one, fail.
    assert!(arabic_only_in_rtl_pieces(
        "\u{2502} \u{202B}\u{0646}\u{0635}\u{202C} \u{2502}"
    ));
    assert!(!arabic_only_in_rtl_pieces(
        "\u{2502} \u{0646}\u{0635} \u{2502}"
    ));
    assert!(!arabic_only_in_rtl_pieces(
        "\u{202B}\u{0646}\u{2502}\u{202C}"
    ));
    assert!(!arabic_only_in_rtl_pieces("\u{202A}\u{0646}\u{202C}"));
}

#[test]
fn bidi_terminal_in_vte_keeps_the_status_line_from_reordering() {
    let home = fresh_dir("terminal-mode-vte");
    let mut cmd = pty_command(&["--bidi", "terminal", SEED_003], &home);
    cmd.env("VTE_VERSION", "7006");
    let mut s = Session::start_command(cmd, 24, 100, &home);
    s.wait_for("the text", |c| c.contains(TROTSKY));
    // The status row in explicit mode (CSI 8 l from its column 0), in
    // hamish's own order, marked with an LRO; no isolates.
    let first = since(&s, 0);
    assert!(
        first.contains("\x1b[24;1H\x1b[8l\x1b[1 k"),
        "the status row: {first:?}"
    );
    assert!(first.contains('\u{202D}') && !first.contains('\u{2068}'));
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_page_jump_rewrites_whole_rows_and_a_line_costs_one_row() {
    let mut s = Session::start(&["--shape", "off", SEED_003], 24, 100);
    s.wait_for("the text", |c| c.contains(&visual(TROTSKY)));
    // A page: every text row changed, and each is written whole: its
    // blank cells erased (ECH before the text, EL after it; xterm keeps
    // glyph specks in cells never rewritten), its text written from its
    // first cell to its last.
    let before = s.raw.len();
    s.key(" ");
    s.pump(Duration::from_millis(300));
    let page = since(&s, before);
    for row in 1..=23 {
        // ECH over the margin (its width depends on the row's alignment),
        // or EL over a blank row.
        let from_column_1 = format!("\x1b[{row};1H\x1b[");
        let at = page
            .find(&from_column_1)
            .unwrap_or_else(|| panic!("row {row}: {page:?}"));
        let erase = &page[at + from_column_1.len()..];
        let digits = erase.chars().take_while(char::is_ascii_digit).count();
        assert!(
            matches!(erase[digits..].chars().next(), Some('X' | 'K')),
            "row {row} erased from column 1: {page:?}"
        );
    }
    assert!(page.matches("\x1b[K").count() >= 23, "{page:?}");
    // A line: the terminal scrolls, and only the row that came in and the
    // changed cells of the status line are written.
    let before = s.raw.len();
    s.key("j");
    s.pump(Duration::from_millis(300));
    let line = printed(&since(&s, before));
    assert!(line.chars().count() < 2 * 100, "{line:?}");
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn ctrl_l_clears_and_redraws_everything() {
    let mut s = Session::start(&["--shape", "off", SEED_003], 24, 100);
    s.wait_for("the text", |c| c.contains(&visual(TROTSKY)));
    let screen = s.parser.screen().contents();
    // Something else writes over the screen...
    s.parser.process(b"\x1b[5;5Hgarbage");
    let before = s.raw.len();
    s.key("\x0c");
    s.pump(Duration::from_millis(300));
    let out = since(&s, before);
    assert!(out.contains("\x1b[2J"), "cleared: {out:?}");
    // ...and Ctrl-l puts back exactly the screen that was there.
    assert_eq!(s.parser.screen().contents(), screen);
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn inside_gnu_screen_the_bidi_mode_goes_by_its_passthrough() {
    let home = fresh_dir("screen-passthrough");
    let mut cmd = pty_command(&["--shape", "off", SEED_003], &home);
    cmd.env("STY", "1234.pts-0.host");
    let mut s = Session::start_command(cmd, 24, 100, &home);
    s.wait_for("the text", |c| c.contains(&visual(TROTSKY)));
    // DCS, the sequence as it is (screen wants no doubling), ST.
    assert!(since(&s, 0).contains("\x1bP\x1b[8l\x1b[1 k\x1b\\"));
    let before = s.raw.len();
    s.key("q");
    assert!(s.wait_exit().success());
    assert!(since(&s, before).contains("\x1bP\x1b[8h\x1b\\"));
}

#[test]
fn print_to_a_terminal_inside_tmux_passes_the_bidi_mode_on() {
    let home = fresh_dir("print-in-tmux");
    let mut cmd = pty_command(&["--print", "--shape", "off", SEED_003], &home);
    cmd.env("TMUX", "/tmp/tmux-1000/default,1,0");
    let mut s = Session::start_command(cmd, 24, 100, &home);
    assert!(s.wait_exit().success());
    let out = since(&s, 0);
    let take = out
        .find("\x1bPtmux;\x1b\x1b[8l\x1b\x1b[1 k\x1b\\")
        .expect("the mode on, by passthrough");
    let text = out.find(&visual(TROTSKY)).expect("the text");
    let give = out
        .rfind("\x1bPtmux;\x1b\x1b[8h\x1b\\")
        .expect("the mode back");
    assert!(take < text && text < give);
}
