//! End-to-end: the real binary in a pseudo-terminal, keys pressed, the
//! screen read through a terminal emulator parser (vt100). Arabic is read
//! in visual order with shaping off.

use std::io::{Read, Write};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

mod common;
use common::cli::fresh_dir;
use common::pty::{kill, open_pty, pty_command, Session};
use common::words::{CONCLUSION, HAMISH, INTRODUCTION, LENIN, OCTOBER, THE_REVOLUTION, TROTSKY};
use common::{seed000, seed003, visual};

#[test]
fn read_seed_000_with_the_keyboard() {
    let mut s = Session::start(
        &["--shape", "off", "seeds/000_888738dd473cd04e.txt"],
        30,
        100,
    );
    s.wait_for("the abstract", |c| c.contains("The Russian revolution"));
    assert!(
        s.parser.screen().alternate_screen(),
        "full screen on the alternate screen"
    );

    // j and k scroll with the terminal's own scrolling (a scroll region);
    // three down and three up must give back exactly the first screen.
    let first_screen = s.parser.screen().contents();
    for key in ["j", "j", "j", "k", "k", "k"] {
        s.key(key);
    }
    s.pump(Duration::from_millis(200));
    assert_eq!(s.parser.screen().contents(), first_screen);
    // One line down: every text row moves up by one (the status line,
    // the last row, stays).
    let before: Vec<String> = s.parser.screen().rows(0, 100).collect();
    s.key("j");
    s.pump(Duration::from_millis(200));
    let after: Vec<String> = s.parser.screen().rows(0, 100).collect();
    assert_eq!(after[..28], before[1..29]);

    // t: the table of contents lists المقدمة (introduction) and الخاتمة (conclusion).
    s.key("t");
    s.wait_for("the contents", |c| {
        c.contains("contents")
            && c.contains(&visual(INTRODUCTION))
            && c.contains(&visual(CONCLUSION))
    });
    s.key("\x1b");
    s.wait_for("the contents to close", |c| !c.contains("contents"));

    // f: the first note, on Lenin (لينين), in a popup "1 of 7".
    s.key("f");
    s.wait_for("the Lenin note", |c| {
        c.contains("1 of 7") && c.contains(&visual(LENIN)) && c.contains("1924")
    });
    s.key("q");
    s.wait_for("the popup to close", |c| !c.contains("\u{2014} 1 of 7"));

    // s: the English abstract beside Arabic text.
    s.key("s");
    s.wait_for("side by side", |c| {
        c.lines()
            .any(|l| l.contains("The Russian revolution") && l.contains(&visual(THE_REVOLUTION)))
    });
    s.key("q");
    s.wait_for("the reader again", |c| !c.contains("side by side"));

    // q: quit, and the terminal is as it was.
    s.key("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(
        raw.contains("\x1b[8l") && raw.contains("\x1b[1 k"),
        "asked the terminal not to reorder"
    );
    let tail = &raw[raw.rfind("\x1b[8h").expect("BiDi mode given back")..];
    assert!(tail.contains("\x1b[?1049l"), "left the alternate screen");
    assert!(tail.contains("\x1b[?25h"), "cursor shown again");
    assert!(!s.parser.screen().alternate_screen());
    assert!(!s.parser.screen().hide_cursor());
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(
        &["--shape", "off", "seeds/003_5eac0dfd78b8d8c0.txt"],
        24,
        80,
    );
    s.wait_for("the text", |c| c.contains(&visual(TROTSKY)));
    kill(&s, "TERM");
    s.wait_exit();
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(
        raw.contains("\x1b[8h") && raw.contains("\x1b[?1049l"),
        "restored on SIGTERM"
    );
    assert!(!s.parser.screen().alternate_screen());
}

#[test]
fn no_file_opens_the_library() {
    let mut s = Session::start(&["--shape", "off"], 24, 90);
    // The library lists the bundled essays, the demo ("هامش: …") among them.
    s.wait_for("the library", |c| {
        c.contains("library") && c.contains(&visual(HAMISH))
    });
    s.key("\x03"); // Ctrl-c
    assert!(s.wait_exit().success());
}

/// Fold as the issue states it, written again independently of
/// src/search: drop harakat and tatweel, unify alef forms, ى→ي, ة→ه.
fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}'))
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        })
        .collect()
}

#[test]
fn search_finds_october_with_and_without_hamza() {
    // The expected count, from the document's own text folded by hand.
    let doc = seed000();
    let flow = hamish::app::flow::Flow::new(
        std::sync::Arc::new(doc),
        hamish::layout::LayoutOptions::default(),
    );
    let query = fold(OCTOBER);
    let expected: usize = (0..flow.items.len())
        .map(|i| fold(&flow.text(i)).matches(&query).count())
        .sum();
    assert!(expected >= 2, "seed 000 has أكتوبر and اكتوبر");

    let mut s = Session::start(
        &["--shape", "off", "seeds/000_888738dd473cd04e.txt"],
        30,
        100,
    );
    s.wait_for("the abstract", |c| c.contains("The Russian revolution"));
    s.key("/");
    s.key(OCTOBER);
    let count = format!("match 1 of {expected}");
    s.wait_for(&count, |c| c.contains(&count));
    s.key("\r");
    s.key("n");
    let second = format!("match 2 of {expected}");
    s.wait_for(&second, |c| c.contains(&second));
    s.key("q");
    s.wait_exit();
}

/// The first `n` rows of the screen, without trailing blanks.
fn text_rows(s: &Session, cols: u16, n: usize) -> Vec<String> {
    s.parser
        .screen()
        .rows(0, cols)
        .take(n)
        .map(|r| r.trim_end().to_string())
        .collect()
}

/// The text of the first row of text on the screen.
fn first_text_row(s: &Session, cols: u16) -> String {
    s.parser
        .screen()
        .rows(0, cols)
        .find(|r| !r.trim().is_empty())
        .unwrap_or_default()
}

#[test]
fn reopening_lands_on_the_same_sentence_at_another_size() {
    let home = fresh_dir("reopen");
    let mut s = Session::start_in(
        &["--shape", "off", "seeds/003_5eac0dfd78b8d8c0.txt"],
        30,
        100,
        &home,
    );
    s.wait_for("the essay", |c| c.contains(&visual(TROTSKY)));
    for _ in 0..3 {
        s.key(" ");
    }
    s.pump(Duration::from_millis(200));
    s.key("q");
    assert!(s.wait_exit().success());
    // What was saved: the block and byte at the top of the view.
    let state: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(home.join("state/hamish/state.json")).unwrap(),
    )
    .unwrap();
    let entry = state["documents"]
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap()
        .clone();
    let block = entry["position"]["block"].as_str().unwrap().to_string();
    let byte = entry["position"]["byte"].as_u64().unwrap() as usize;
    assert!(byte > 0 || block != "s1.p1", "the position moved: {entry}");
    let doc = seed003();
    let text = doc
        .sections
        .iter()
        .flat_map(|s| s.blocks.iter())
        .find(|b| b.id == block)
        .unwrap()
        .plain_text();
    let word: String = text[byte..].split(' ').next().unwrap().to_string();

    // Reopen narrower and shorter: the top row holds the same word.
    let mut s = Session::start_in(
        &["--shape", "off", "seeds/003_5eac0dfd78b8d8c0.txt"],
        20,
        60,
        &home,
    );
    s.wait_for("the essay", |c| !c.trim().is_empty());
    s.pump(Duration::from_millis(300));
    let top = first_text_row(&s, 60);
    assert!(
        top.contains(&visual(&word)) || top.contains(&word),
        "{word:?} on the top row {top:?}"
    );
    s.key("q");
    s.wait_exit();
}

#[test]
fn a_mark_survives_a_restart() {
    let home = fresh_dir("mark");
    let mut s = Session::start_in(
        &["--shape", "off", "seeds/000_888738dd473cd04e.txt"],
        30,
        100,
        &home,
    );
    s.wait_for("the abstract", |c| c.contains("The Russian revolution"));
    for _ in 0..5 {
        s.key(" ");
    }
    s.key("m");
    s.key("a");
    s.pump(Duration::from_millis(200));
    let marked = text_rows(&s, 100, 29);
    s.key("g");
    s.key("q");
    assert!(s.wait_exit().success());

    let mut s = Session::start_in(
        &["--shape", "off", "seeds/000_888738dd473cd04e.txt"],
        30,
        100,
        &home,
    );
    s.wait_for("the start", |c| c.contains("The Russian revolution"));
    s.key("'");
    s.key("a");
    s.pump(Duration::from_millis(300));
    let now = text_rows(&s, 100, 29);
    assert_eq!(now, marked);
    // '' goes back to where we were before the jump.
    s.key("'");
    s.key("'");
    s.wait_for("the start again", |c| c.contains("The Russian revolution"));
    s.key("q");
    s.wait_exit();
}

#[test]
fn a_corrupt_state_file_is_reported_and_reading_goes_on() {
    let home = fresh_dir("corrupt");
    std::fs::create_dir_all(home.join("state/hamish")).unwrap();
    std::fs::write(home.join("state/hamish/state.json"), "{ this is not json").unwrap();
    let mut s = Session::start_in(
        &["--shape", "off", "seeds/000_888738dd473cd04e.txt"],
        30,
        120,
        &home,
    );
    s.wait_for("the message and the text", |c| {
        c.contains("damaged") && c.contains("The Russian revolution")
    });
    s.key("j");
    s.key("q");
    assert!(s.wait_exit().success());
    // The damaged file was kept; a fresh one was written.
    let names: Vec<String> = std::fs::read_dir(home.join("state/hamish"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().any(|n| n.contains(".bad-")), "{names:?}");
    assert!(names.iter().any(|n| n == "state.json"), "{names:?}");
}

#[test]
fn a_broken_config_is_reported_and_the_rest_applies() {
    let home = fresh_dir("config");
    std::fs::create_dir_all(home.join("config/hamish")).unwrap();
    std::fs::write(
        home.join("config/hamish/config.toml"),
        "width = \"wide\"\n[keys]\nnext_footnote = [\"f\", \"ctrl-n\"]\n",
    )
    .unwrap();
    let mut s = Session::start_in(
        &["--shape", "off", "seeds/000_888738dd473cd04e.txt"],
        30,
        160,
        &home,
    );
    s.wait_for("the message and the text", |c| {
        c.contains("config.toml:1:") && c.contains("width") && c.contains("The Russian revolution")
    });
    // The rebinding in the same file still applies: ctrl-n opens a note.
    s.key("\x0e");
    s.wait_for("the first note", |c| c.contains("1 of 7"));
    s.key("q");
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn print_config_shows_the_settings_in_force() {
    let home = fresh_dir("print-config");
    std::fs::create_dir_all(home.join("config/hamish")).unwrap();
    std::fs::write(
        home.join("config/hamish/config.toml"),
        "width = 72\nmouse = 3\n",
    )
    .unwrap();
    let out = common::command()
        .arg("--print-config")
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("width = 72"), "{text}");
    assert!(
        text.contains("mouse = true"),
        "the bad value keeps its default: {text}"
    );
    assert!(text.contains("next_footnote = [\"f\"]"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("config.toml:2:") && err.contains("true or false"),
        "{err}"
    );
    // The command line wins over the file.
    let out = common::command()
        .args(["--print-config", "--width", "50"])
        .env("XDG_CONFIG_HOME", home.join("config"))
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("width = 50"));
}

/// The saved entry of the one document in `home`'s state file.
fn saved_entry(home: &std::path::Path) -> serde_json::Value {
    let text = std::fs::read_to_string(home.join("state/hamish/state.json"))
        .expect("a state file was written");
    let state: serde_json::Value = serde_json::from_str(&text).unwrap();
    let docs = state["documents"].as_object().unwrap();
    assert_eq!(docs.len(), 1, "{text}");
    docs.values().next().unwrap().clone()
}

#[test]
fn quitting_signals_restore_the_terminal_and_save_the_position() {
    // SIGINT is what the Ctrl-C key sends (status 0, like `Ctrl-c`);
    // the others end with 128 + their number.
    for (signal, status) in [("INT", 0), ("TERM", 143), ("QUIT", 131), ("HUP", 129)] {
        let home = fresh_dir(&format!("signal-{signal}"));
        let mut s = Session::start_in(
            &["--shape", "off", "seeds/000_888738dd473cd04e.txt"],
            24,
            80,
            &home,
        );
        s.wait_for("the abstract", |c| c.contains("The Russian revolution"));
        s.key("]");
        s.key("]");
        s.key("]");
        s.pump(Duration::from_millis(200));
        kill(&s, signal);
        let exit = s.wait_exit();
        assert_eq!(exit.exit_code(), status, "SIGINT {signal}");
        let raw = String::from_utf8_lossy(&s.raw);
        assert!(
            raw.contains("\x1b[8h") && raw.contains("\x1b[?1049l") && raw.contains("\x1b[?25h"),
            "restored on SIG{signal}"
        );
        let entry = saved_entry(&home);
        assert_ne!(entry["position"]["block"], "s1.p1", "SIG{signal}: {entry}");
        assert!(entry["position"]["block"]
            .as_str()
            .unwrap()
            .starts_with('s'));
    }
}

#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    let mut s = Session::start(
        &["--shape", "off", "seeds/003_5eac0dfd78b8d8c0.txt"],
        24,
        80,
    );
    s.wait_for("the text", |c| c.contains(&visual(TROTSKY)));
    let before = s.raw.len();
    // What the shell's Ctrl-Z sends to the job.
    kill(&s, "TSTP");
    let start = Instant::now();
    loop {
        s.pump(Duration::from_millis(50));
        let after = String::from_utf8_lossy(&s.raw[before..]).into_owned();
        if after.contains("\x1b[?1049l") && after.contains("\x1b[?25h") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "not restored on suspend"
        );
    }
    let pid = s.child.process_id().unwrap();
    let stopped = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|stat| {
                stat.rsplit(')')
                    .next()
                    .unwrap_or("")
                    .trim_start()
                    .starts_with('T')
            })
            .unwrap_or(false)
    };
    let start = Instant::now();
    while !stopped() {
        assert!(start.elapsed() < Duration::from_secs(10), "not stopped");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(!s.parser.screen().alternate_screen());
    let before = s.raw.len();
    kill(&s, "CONT");
    s.wait_for("the text again", |c| c.contains(&visual(TROTSKY)));
    let after = String::from_utf8_lossy(&s.raw[before..]).into_owned();
    assert!(after.contains("\x1b[?1049h"), "the alternate screen again");
    assert!(s.parser.screen().alternate_screen());
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn an_unterminated_bracketed_paste_does_not_swallow_ctrl_c() {
    let mut s = Session::start(
        &["--shape", "off", "seeds/003_5eac0dfd78b8d8c0.txt"],
        24,
        80,
    );
    s.wait_for("the text", |c| c.contains(&visual(TROTSKY)));
    s.key("\x1b[200~pasted text that never ends q j k");
    s.key("\x03");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(
        raw.contains("\x1b[?1049l") && raw.contains("\x1b[?25h"),
        "restored"
    );
}

#[test]
fn a_dropped_link_saves_the_position() {
    let home = fresh_dir("hangup");
    let pty = open_pty(12, 50);
    let cmd = pty_command(
        &[
            "--shape",
            "off",
            "--theme",
            "mono",
            "seeds/000_888738dd473cd04e.txt",
        ],
        &home,
    );
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    // No reader: the few frames of a 12x50 screen fit in the pty's buffer,
    // and every descriptor of the master must go for the link to drop.
    let mut input = pty.master.take_writer().unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    for _ in 0..3 {
        input.write_all(b"]").unwrap();
        input.flush().unwrap();
        std::thread::sleep(Duration::from_millis(300));
    }
    drop(input);
    drop(pty.master);
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("hamish did not exit after the hang-up");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let entry = saved_entry(&home);
    assert_ne!(entry["position"]["block"], "s1.p1", "{entry}");
}

#[test]
fn a_dumb_terminal_gets_the_text_printed() {
    let pty = open_pty(24, 80);
    let home = fresh_dir("dumb");
    let mut cmd = pty_command(
        &[
            "--shape",
            "off",
            "--width",
            "60",
            "seeds/003_5eac0dfd78b8d8c0.txt",
        ],
        &home,
    );
    cmd.env("TERM", "dumb");
    let mut child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
        }
        let _ = tx.send(all);
    });
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "hamish waits for keys on a dumb terminal"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    drop(pty.master);
    let out = rx.recv_timeout(Duration::from_secs(5)).unwrap_or_default();
    let text = String::from_utf8_lossy(&out);
    assert!(text.contains(&visual(TROTSKY)), "{text}");
    assert!(
        !out.contains(&0x1b),
        "no escape sequence for a dumb terminal"
    );
}

#[test]
fn keys_after_an_unterminated_paste_start_still_work() {
    // hamish never turns bracketed paste on; a stray paste start must not
    // make the reader deaf: j still scrolls, q still quits.
    let mut s = Session::start(
        &["--shape", "off", "seeds/000_888738dd473cd04e.txt"],
        24,
        80,
    );
    s.wait_for("the abstract", |c| c.contains("The Russian revolution"));
    let before: Vec<String> = s.parser.screen().rows(0, 80).collect();
    s.key("\x1b[200~");
    s.key("j");
    s.pump(Duration::from_millis(200));
    let after: Vec<String> = s.parser.screen().rows(0, 80).collect();
    assert_eq!(after[..22], before[1..23], "j scrolled by one line");
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_ctrl_z_key_suspends_and_continuing_redraws() {
    let mut s = Session::start(
        &["--shape", "off", "seeds/003_5eac0dfd78b8d8c0.txt"],
        24,
        80,
    );
    s.wait_for("the text", |c| c.contains(&visual("تروتسكي")));
    let before = s.raw.len();
    s.key("\x1a"); // Ctrl-z
    let start = Instant::now();
    loop {
        s.pump(Duration::from_millis(50));
        let after = String::from_utf8_lossy(&s.raw[before..]).into_owned();
        if after.contains("\x1b[?1049l") && after.contains("\x1b[8h") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "not restored on Ctrl-z"
        );
    }
    assert!(!s.parser.screen().alternate_screen());
    assert!(!s.parser.screen().hide_cursor());
    let before = s.raw.len();
    kill(&s, "CONT");
    s.wait_for("the text again", |c| c.contains(&visual("تروتسكي")));
    let after = String::from_utf8_lossy(&s.raw[before..]).into_owned();
    assert!(after.contains("\x1b[?1049h") && after.contains("\x1b[8l"));
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_wheel_scrolls_and_a_resize_redraws_at_the_new_size() {
    let mut s = Session::start(
        &["--shape", "off", "seeds/000_888738dd473cd04e.txt"],
        24,
        80,
    );
    s.wait_for("the abstract", |c| c.contains("The Russian revolution"));
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    assert!(
        raw.contains("\x1b[?1000h") && raw.contains("\x1b[?1006h"),
        "clicks and the wheel reported, SGR-encoded"
    );
    let before: Vec<String> = s.parser.screen().rows(0, 80).collect();
    // The wheel turned down once at column 10, row 5 (SGR: button 65).
    s.key("\x1b[<65;10;5M");
    s.pump(Duration::from_millis(200));
    let after: Vec<String> = s.parser.screen().rows(0, 80).collect();
    assert_eq!(after[..20], before[3..23], "three lines down");

    s.resize(30, 100);
    s.wait_for("the wider screen", |c| {
        c.lines().any(|l| l.trim_end().chars().count() > 80)
    });
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_document_from_a_pipe_opens_the_reader_with_keys_from_the_terminal() {
    for script in [
        "cat seeds/003_5eac0dfd78b8d8c0.txt | \"$HAMISH\" --shape off",
        "\"$HAMISH\" --shape off - < seeds/003_5eac0dfd78b8d8c0.txt",
    ] {
        let home = fresh_dir("pipe");
        let mut s = Session::start_shell(script, 24, 80, &home);
        s.wait_for("the text", |c| c.contains(&visual(TROTSKY)));
        assert!(s.parser.screen().alternate_screen(), "{script}");
        // Keys arrive from the terminal while the document came from stdin.
        s.key("G");
        // The last paragraph's "حماما من الدم" (a bloodbath).
        s.wait_for("the end", |c| c.contains(&visual("حماما")));
        s.key("q");
        assert!(s.wait_exit().success(), "{script}");
        assert!(!s.parser.screen().alternate_screen());
    }
}

#[test]
fn several_files_are_stepped_through_and_saved_with_absolute_paths() {
    let home = fresh_dir("several");
    let mut s = Session::start_in(
        &[
            "--shape",
            "off",
            "seeds/003_5eac0dfd78b8d8c0.txt",
            "assets/demo.md",
        ],
        24,
        100,
        &home,
    );
    s.wait_for("the first file", |c| c.contains(&visual(TROTSKY)));
    s.key(">");
    // The demo's title, هامش, in visual order.
    s.wait_for("the next file", |c| c.contains(&visual(HAMISH)));
    s.key(">");
    s.wait_for("no file after the last", |c| c.contains("last file"));
    s.key("<");
    s.wait_for("back to the first", |c| c.contains(&visual(TROTSKY)));
    s.key("q");
    assert!(s.wait_exit().success());
    let text = std::fs::read_to_string(home.join("state/hamish/state.json")).unwrap();
    let state: serde_json::Value = serde_json::from_str(&text).unwrap();
    let paths: Vec<String> = state["documents"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(|d| d["path"].as_str().map(str::to_string))
        .collect();
    assert_eq!(paths.len(), 2, "{text}");
    assert!(
        paths.iter().all(|p| p.starts_with('/')),
        "absolute: {paths:?}"
    );
}

#[test]
fn a_folder_opens_the_library_on_its_documents() {
    let home = fresh_dir("folder");
    let dir = home.join("essays");
    std::fs::create_dir_all(dir.join("older")).unwrap();
    std::fs::write(
        dir.join("one.md"),
        "---\ntitle: Folder essay one\n---\n\nText.\n",
    )
    .unwrap();
    std::fs::write(dir.join("older/two.md"), "# Folder essay two\n\nText.\n").unwrap();
    std::fs::write(dir.join("notes.bin"), [0u8, 1, 2, 3]).unwrap();
    let mut s = Session::start_in(&["--shape", "off", dir.to_str().unwrap()], 24, 100, &home);
    s.wait_for("the folder's documents in the library", |c| {
        c.contains("library") && c.contains("Folder essay one") && c.contains("Folder essay two")
    });
    let screen = s.parser.screen().contents();
    assert!(!screen.contains("notes.bin"), "{screen}");
    // The bundled essays are listed after the folder's.
    let one = screen.find("Folder essay one").unwrap();
    let demo = screen.find(&visual(HAMISH)).unwrap();
    assert!(one < demo, "{screen}");
    s.key("q");
    s.key("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_pdf_opens_in_the_reader_and_colon_goes_to_a_page() {
    let mut s = Session::start(&["--shape", "off", "tests/pdf/essay.pdf"], 24, 90);
    // The English abstract of tests/pdf/make/essay.py, on page 1.
    s.wait_for("the abstract", |c| c.contains("This short essay asks"));
    s.wait_for("the page", |c| c.contains("p. 1 \u{2502}"));
    for key in [":", "5", "\r"] {
        s.key(key);
    }
    s.wait_for("page 5", |c| c.contains("p. 5 \u{2502}"));
    s.key("q");
    assert!(s.wait_exit().success());
}
