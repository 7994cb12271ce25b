//! `hamish --check-terminal`: a short test card that shows one Arabic
//! sentence (with a number and a Latin word) the way each bidi mode writes
//! it, asks which reads right, says what that means for this terminal, and
//! offers to save the answer in the config file. People can then tell in
//! ten seconds whether their terminal needs a setting, without reading
//! about BiDi modes.

use std::io::{self, BufRead, Write};
use std::path::Path;

use crate::layout::layout_paragraph;
use crate::settings::{BidiMode, Settings};
use crate::term::escape;
use crate::term::kind::{Emulator, Multiplexer};
use crate::term::TerminalKind;

/// "The Russian revolution broke out in 1917, led by Lenin." Read right to
/// left: قامت (broke out) first, at the right; 1917 and Lenin read left to
/// right inside it; the full stop ends the row at the left.
pub const SENTENCE: &str = "\u{642}\u{627}\u{645}\u{62a} \u{627}\u{644}\u{62b}\u{648}\u{631}\u{629} \u{627}\u{644}\u{631}\u{648}\u{633}\u{64a}\u{629} \u{633}\u{646}\u{629} 1917 \u{628}\u{642}\u{64a}\u{627}\u{62f}\u{629} Lenin.";

/// The Konsole profile setting that reorders a second time.
pub const KONSOLE_SETTING: &str = "Settings > Edit Current Profile > Appearance > Complex Text Layout: uncheck \"Bi-Directional text rendering\"";

/// The sentence as the reader writes it in `mode`: hamish's visual order,
/// shaped (`App`), or logical order for the terminal to reorder.
pub fn sample(mode: BidiMode) -> String {
    let settings = Settings {
        bidi: mode,
        ..Settings::default()
    };
    let options = crate::layout::LayoutOptions {
        align_rtl: false,
        ..settings.layout_options(80)
    };
    let laid = layout_paragraph(SENTENCE, &options, &[]);
    laid.row_strings(SENTENCE).concat()
}

/// What the card says the terminal is.
fn describe(kind: &TerminalKind) -> String {
    let mut parts = vec![kind.term.clone().unwrap_or_else(|| "unknown".into())];
    match kind.emulator {
        Some(Emulator::Mlterm) => parts.push("mlterm".into()),
        Some(Emulator::Vte(v)) => parts.push(format!("VTE {}.{}", v / 10000, v / 100 % 100)),
        Some(Emulator::Konsole) => parts.push("Konsole".into()),
        None => {}
    }
    match kind.multiplexer {
        Some(Multiplexer::Tmux) => parts.push("inside tmux".into()),
        Some(Multiplexer::Screen) => parts.push("inside GNU screen".into()),
        None => {}
    }
    parts.join(", ")
}

/// The card: both lines, each written as the reader writes its rows.
/// Line 1 with the terminal's own bidi switched off the way the reader
/// does it (BiDi modes, through tmux or screen, mlterm's switch), line 2
/// with the terminal's bidi on and the row marked right-to-left. mlterm's
/// switch acts on the whole window, so its bidi stays off while the
/// question is asked; `finish` turns it back on. Behind tmux or screen the
/// modes go by passthrough for the rows to come only (not every row, as
/// the reader does: line 1 must keep its mode when line 2 changes it).
pub fn card(kind: &TerminalKind) -> String {
    let modes = kind.modes(false, true);
    let both_ways = |seq: &str| {
        let mut out = seq.to_string();
        if modes.route != escape::Route::Direct {
            out.push_str(&escape::pass_through(modes.route, seq));
        }
        out
    };
    let mut out = String::new();
    out.push_str(&format!(
        "hamish --check-terminal ({})\n\nWhich line reads right: from right to left, the letters joined, 1917 and\n\"Lenin\" left to right inside it, the full stop at the far left?\n\n",
        describe(kind)
    ));
    out.push_str("1  hamish orders the text (the default):\n");
    out.push_str(&both_ways(escape::BIDI_TAKE_OVER));
    if modes.mlterm {
        out.push_str(&escape::pass_through(modes.route, escape::MLTERM_BIDI_OFF));
    }
    out.push_str(&sample(BidiMode::App));
    out.push('\n');
    out.push_str("2  the terminal orders the text (--bidi terminal):\n");
    out.push_str(&both_ways(escape::BIDI_GIVE_BACK));
    out.push_str(escape::ROW_RTL);
    out.push(escape::RLM);
    out.push_str(&sample(BidiMode::Terminal));
    out.push_str(escape::DIRECTION_RESET);
    out.push_str("\n\n");
    out
}

/// What the card leaves to undo: mlterm's bidi, kept off while asking.
pub fn finish(kind: &TerminalKind) -> String {
    escape::mlterm_restore(kind.modes(false, true))
}

/// What each answer means, and the mode to save for it.
pub fn explain(answer: &str) -> (String, Option<BidiMode>) {
    match answer.trim() {
        "1" => (
            "hamish's default works in this terminal: nothing to change.".into(),
            Some(BidiMode::App),
        ),
        "2" => (
            format!(
                "This terminal reorders text itself and ignores the BiDi mode hamish asks for.\n\
                 Either turn its bidi off and keep the default (Konsole: {KONSOLE_SETTING}),\n\
                 or let it order the text: `hamish --bidi terminal`, or bidi = \"terminal\" in the config."
            ),
            Some(BidiMode::Terminal),
        ),
        _ => (
            format!(
                "Neither: in Konsole, whose lines are left to right by default, turn its bidi off\n\
                 ({KONSOLE_SETTING}) and run this again.\n\
                 Elsewhere the font may have no Arabic (try DejaVu Sans Mono or Noto Sans Mono),\n\
                 or something between hamish and the terminal keeps the BiDi mode from it\n\
                 (inside tmux: add 'set -g allow-passthrough on' to ~/.tmux.conf). See the\n\
                 README's Terminals section."
            ),
            None,
        ),
    }
}

/// Show the card, and when `ask`, ask which line reads right and offer to
/// save the answer in the config file at `config`. Without `ask` (input
/// is not a terminal) the card and what each answer means are printed.
pub fn run(
    kind: &TerminalKind,
    ask: bool,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    config: Option<&Path>,
) -> io::Result<()> {
    out.write_all(card(kind).as_bytes())?;
    if !ask {
        out.write_all(finish(kind).as_bytes())?;
        for (answer, label) in [("1", "line 1"), ("2", "line 2"), ("n", "neither")] {
            writeln!(out, "If {label}: {}", explain(answer).0)?;
        }
        return out.flush();
    }
    write!(out, "Which reads right? [1/2/n] ")?;
    out.flush()?;
    let answer = read_line(input)?;
    out.write_all(finish(kind).as_bytes())?;
    let (text, mode) = explain(&answer);
    writeln!(out, "{text}")?;
    let (Some(mode), Some(path)) = (mode, config) else {
        return out.flush();
    };
    let value = crate::settings::value_name(&mode);
    write!(out, "Save bidi = \"{value}\" in {}? [y/N] ", path.display())?;
    out.flush()?;
    if read_line(input)?.trim().eq_ignore_ascii_case("y") {
        match crate::config::save_bidi(path, mode) {
            Ok(()) => writeln!(out, "Saved.")?,
            Err(e) => writeln!(out, "{}", crate::message::clean(&e))?,
        }
    }
    out.flush()
}

/// One line of the answer (at most a few bytes are looked at; a long
/// line is read and dropped, never kept whole).
fn read_line(input: &mut dyn BufRead) -> io::Result<String> {
    let mut line = Vec::new();
    io::Read::take(input, 256).read_until(b'\n', &mut line)?;
    Ok(String::from_utf8_lossy(&line).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(vars: &[(&str, &str)]) -> TerminalKind {
        TerminalKind::from_pairs(vars)
    }

    #[test]
    fn the_two_lines_differ_as_the_modes_do() {
        let app = sample(BidiMode::App);
        let terminal = sample(BidiMode::Terminal);
        // Logical order for the terminal: the sentence itself, unshaped.
        assert_eq!(terminal, SENTENCE);
        // hamish's order: the full stop first (at the left), "Lenin" and
        // 1917 kept left to right, قامت (U+0642 …) last, at the right;
        // shaped into presentation forms.
        assert!(app.starts_with(".Lenin"), "{app:?}");
        assert!(app.contains("1917"));
        assert!(app.chars().any(|c| ('\u{FE70}'..='\u{FEFF}').contains(&c)));
    }

    #[test]
    fn line_one_is_written_with_the_terminals_bidi_off_and_line_two_with_it_on() {
        let card = card(&kind(&[("TERM", "xterm")]));
        let one = card.find(&sample(BidiMode::App)).unwrap();
        let two = card.find(SENTENCE).unwrap();
        let off = card.find("\x1b[8l").unwrap();
        let on = card.find("\x1b[8h").unwrap();
        assert!(off < one && one < on && on < two, "{card:?}");
        // Line 2 is marked right-to-left: SCP 2 and an RLM before it.
        assert!(card.contains(&format!("\x1b[2 k\u{200F}{SENTENCE}\x1b[8h\x1b[1 k")));
        // Inside tmux, by passthrough too; mlterm's switch stays off while
        // asking and comes back in `finish`.
        let card = card_for(&[("TERM", "screen"), ("TMUX", "/t,1,0"), ("MLTERM", "3.9")]);
        assert!(card.contains("\x1bPtmux;\x1b\x1b[8l"));
        assert!(card.contains("use_ctl=false") && !card.contains("use_ctl=true"));
        let end = finish(&kind(&[("TMUX", "/t,1,0"), ("MLTERM", "3.9")]));
        assert!(end.contains("\x1bPtmux;\x1b\x1b]5379;use_ctl=true\x07\x1b\\"));
    }

    fn card_for(vars: &[(&str, &str)]) -> String {
        card(&kind(vars))
    }

    #[test]
    fn without_a_keyboard_the_card_is_printed_and_nothing_asked() {
        let mut out = Vec::new();
        let mut input: &[u8] = b"";
        run(
            &kind(&[("TERM", "xterm")]),
            false,
            &mut input,
            &mut out,
            None,
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("If line 1:") && text.contains("If line 2:"));
        assert!(text.contains("If neither:") && text.contains("Bi-Directional text rendering"));
        assert!(!text.contains("[1/2/n]"));
    }

    #[test]
    fn answer_two_is_saved_as_bidi_terminal() {
        let dir = std::env::temp_dir().join(format!("hamish-check-{}", std::process::id()));
        let path = dir.join("hamish").join("config.toml");
        let mut out = Vec::new();
        let mut input: &[u8] = b"2\ny\n";
        run(
            &kind(&[("TERM", "xterm")]),
            true,
            &mut input,
            &mut out,
            Some(&path),
        )
        .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("Saved."), "{text}");
        let (config, problems) = crate::config::load(&path);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.settings.bidi, BidiMode::Terminal);
        // Answer 1 saves the default back, keeping the rest of the file.
        let mut input: &[u8] = b"1\ny\n";
        run(
            &kind(&[("TERM", "xterm")]),
            true,
            &mut input,
            &mut Vec::new(),
            Some(&path),
        )
        .unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        assert!(saved.contains("bidi = \"app\"") && saved.contains("[keys]"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_config_that_is_not_toml_is_left_alone() {
        assert!(crate::config::with_bidi("width = [", BidiMode::App).is_err());
        let kept = crate::config::with_bidi("# mine\nwidth = 60\n", BidiMode::Terminal).unwrap();
        assert!(kept.starts_with("# mine\nwidth = 60\n") && kept.contains("bidi = \"terminal\""));
    }
}
