//! The config file, `~/.config/hamish/config.toml` (XDG): every command-line
//! setting, key bindings and theme colours. The defaults are
//! `assets/config.toml`, embedded in the binary and documenting every key.
//!
//! A problem in the file (an unknown key, a bad value, a key bound twice)
//! is reported with the file, the line and what was expected; that setting
//! keeps its default and everything else still applies. Nothing here
//! panics on any input.

use std::path::{Path, PathBuf};

use ratatui::style::Color;

use crate::app::action::Action;
use crate::app::keymap::{parse_key, Key, Keymap, DEFAULT_KEYS};
use crate::cli::{BidiMode, ShapeMode, ThemeName};

/// The text column widths accepted, in the file and on the command line.
pub const WIDTH_RANGE: std::ops::RangeInclusive<usize> = 1..=1000;

/// The defaults, as shipped.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

/// Colours used by the dark and light themes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colors {
    pub heading: Color,
    pub marker: Color,
    pub search: Color,
}

impl Default for Colors {
    fn default() -> Self {
        Colors {
            heading: Color::Cyan,
            marker: Color::Yellow,
            search: Color::Blue,
        }
    }
}

/// Every setting.
#[derive(Clone, Debug)]
pub struct Config {
    pub width: usize,
    pub shape: ShapeMode,
    pub bidi: BidiMode,
    pub theme: ThemeName,
    pub mouse: bool,
    pub keymap: Keymap,
    pub colors: Colors,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            width: 80,
            shape: ShapeMode::Auto,
            bidi: BidiMode::App,
            theme: ThemeName::Dark,
            mouse: true,
            keymap: Keymap::defaults(),
            colors: Colors::default(),
        }
    }
}

/// `$XDG_CONFIG_HOME/hamish/config.toml`, or `~/.config/hamish/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    crate::persist::xdg_file("XDG_CONFIG_HOME", ".config", "config.toml")
}

/// A config file larger than this is not read (the shipped one is 4 KB).
pub const MAX_FILE_BYTES: u64 = 4 << 20;

/// Read the config at `path` (a missing file is the defaults). Returns the
/// config and the problems found, one line each. Only a regular file of at
/// most [`MAX_FILE_BYTES`] is read (a FIFO there would block the open).
pub fn load(path: &Path) -> (Config, Vec<String>) {
    let shown = path.display();
    let unusable = |why: String| {
        (
            Config::default(),
            vec![format!("{shown}: {why}; using the defaults")],
        )
    };
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return (Config::default(), Vec::new())
        }
        Err(e) => return unusable(format!("cannot read: {e}")),
        Ok(meta) if !meta.is_file() => return unusable("not a regular file".to_string()),
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            return unusable(format!("larger than {MAX_FILE_BYTES} bytes"))
        }
        Ok(_) => {}
    }
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, &shown.to_string()),
        Err(e) => unusable(format!("cannot read: {e}")),
    }
}

/// Where each line starts, so the line of any byte is a binary search (a
/// config of 40,000 keys is not counted from the top 40,000 times).
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex(starts)
    }

    /// The 1-based line of the start of `span` (line 1 without one).
    fn line(&self, span: Option<std::ops::Range<usize>>) -> usize {
        span.map_or(1, |s| self.0.partition_point(|&start| start <= s.start))
    }

    /// The byte range of 1-based line `line`, without its line end.
    fn range(&self, line: usize, text_len: usize) -> std::ops::Range<usize> {
        let start = self.0.get(line - 1).copied().unwrap_or(text_len);
        let end = self.0.get(line).map_or(text_len, |next| next - 1);
        start..end.max(start)
    }
}

/// Lines of TOML that do not parse are set aside, one by one, at most this
/// many; beyond it the whole file is taken as broken.
const MAX_BAD_LINES: usize = 50;

/// Parse `text` as TOML; a line that does not parse (bad syntax, a number
/// out of range) is reported and blanked, and the rest parsed again, so one
/// mistake does not cost every other setting. `None` when the file is
/// broken beyond that (reported too).
fn parse_toml(
    text: &str,
    name: &str,
    lines: &LineIndex,
    problems: &mut Vec<String>,
) -> Option<toml_edit::Document<String>> {
    let mut text = text.to_string();
    let mut blanked: Vec<usize> = Vec::new();
    loop {
        let e = match toml_edit::Document::parse(text.clone()) {
            Ok(doc) => return Some(doc),
            Err(e) => e,
        };
        let line = lines.line(e.span());
        let what = e.message().lines().next().unwrap_or("not TOML").to_string();
        if e.span().is_none() || blanked.contains(&line) || blanked.len() >= MAX_BAD_LINES {
            problems.push(format!("{name}:{line}: {what}; using the defaults"));
            return None;
        }
        problems.push(format!("{name}:{line}: {what}; that line is ignored"));
        blanked.push(line);
        // Spaces keep every byte offset, so the line index stays true.
        let range = lines.range(line, text.len());
        let spaces = " ".repeat(range.len());
        text.replace_range(range, &spaces);
    }
}

/// Parse config text; `name` is used in messages.
pub fn parse(text: &str, name: &str) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    let lines = LineIndex::new(text);
    let Some(doc) = parse_toml(text, name, &lines, &mut problems) else {
        return (config, problems);
    };
    // Unknown keys can be many: they are summarised at the end.
    let mut unknown = Vec::new();
    let table = doc.as_table();
    for (key, item) in table.iter() {
        let line = lines.line(
            table
                .key(key)
                .and_then(|k| k.span())
                .or_else(|| item.span()),
        );
        let mut problem = |expected: &str| {
            problems.push(format!(
                "{name}:{line}: `{key}` must be {expected}; using the default"
            ))
        };
        match key {
            "width" => match item.as_integer() {
                Some(w) if usize::try_from(w).is_ok_and(|w| WIDTH_RANGE.contains(&w)) => {
                    config.width = w as usize
                }
                _ => problem(&format!(
                    "a whole number from {} to {}",
                    WIDTH_RANGE.start(),
                    WIDTH_RANGE.end()
                )),
            },
            "shape" => match item.as_str() {
                Some("auto") => config.shape = ShapeMode::Auto,
                Some("on") => config.shape = ShapeMode::On,
                Some("off") => config.shape = ShapeMode::Off,
                _ => problem("\"auto\", \"on\" or \"off\""),
            },
            "bidi" => match item.as_str() {
                Some("app") => config.bidi = BidiMode::App,
                Some("terminal") => config.bidi = BidiMode::Terminal,
                _ => problem("\"app\" or \"terminal\""),
            },
            "theme" => match item.as_str() {
                Some("dark") => config.theme = ThemeName::Dark,
                Some("light") => config.theme = ThemeName::Light,
                Some("mono") => config.theme = ThemeName::Mono,
                _ => problem("\"dark\", \"light\" or \"mono\""),
            },
            "mouse" => match item.as_bool() {
                Some(b) => config.mouse = b,
                None => problem("true or false"),
            },
            "keys" => match item.as_table_like() {
                Some(keys) => parse_keys(&lines, name, keys, &mut config, &mut problems, &mut unknown),
                None => problem("a table of action = [\"key\", …]"),
            },
            "colors" => match item.as_table_like() {
                Some(colors) => parse_colors(&lines, name, colors, &mut config, &mut problems, &mut unknown),
                None => problem("a table of name = \"colour\""),
            },
            _ => unknown.push(format!("{name}:{line}: unknown setting `{key}` (known: width, shape, bidi, theme, mouse, [keys], [colors]); ignored")),
        }
    }
    problems.extend(crate::message::summarise(unknown, "unknown keys", 3));
    (config, problems)
}

fn parse_keys(
    lines: &LineIndex,
    name: &str,
    keys: &dyn toml_edit::TableLike,
    config: &mut Config,
    problems: &mut Vec<String>,
    unknown: &mut Vec<String>,
) {
    let mut table: Vec<(Action, Vec<Key>)> = config.keymap.entries().to_vec();
    let mut changed: Vec<(Action, usize)> = Vec::new();
    for (key, item) in keys.iter() {
        let line = lines.line(keys.key(key).and_then(|k| k.span()).or_else(|| item.span()));
        let Some(action) = Action::ALL.iter().copied().find(|a| a.name() == key) else {
            unknown.push(format!(
                "{name}:{line}: unknown action `{key}` in [keys]; ignored"
            ));
            continue;
        };
        let names: Option<Vec<String>> = match item.as_array() {
            Some(array) => array
                .iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect(),
            None => item.as_str().map(|s| vec![s.to_string()]),
        };
        let Some(names) = names else {
            problems.push(format!("{name}:{line}: `{key}` must be a list of key names such as [\"f\", \"ctrl-n\"]; keeping its default keys"));
            continue;
        };
        let parsed: Result<Vec<Key>, String> = names.iter().map(|n| parse_key(n)).collect();
        match parsed {
            Ok(list) => {
                if let Some(entry) = table.iter_mut().find(|(a, _)| *a == action) {
                    entry.1 = list;
                }
                changed.push((action, line));
            }
            Err(e) => problems.push(format!("{name}:{line}: {e} for `{key}` (keys are like \"j\", \"G\", \"ctrl-f\", \"space\", \"pagedown\"); keeping its default keys")),
        }
    }
    // A key bound twice: the rebinding that causes it is reverted.
    loop {
        match Keymap::from_table(table.clone()) {
            Ok(keymap) => {
                config.keymap = keymap;
                return;
            }
            Err(e) => {
                let Some((action, line)) = changed.pop() else {
                    problems.push(format!("{name}: {e}; using the default keys"));
                    config.keymap = Keymap::defaults();
                    return;
                };
                problems.push(format!(
                    "{name}:{line}: {e}; keeping the default keys of `{}`",
                    action.name()
                ));
                let defaults = Keymap::defaults();
                if let (Some(entry), Some(default)) = (
                    table.iter_mut().find(|(a, _)| *a == action),
                    defaults.entries().iter().find(|(a, _)| *a == action),
                ) {
                    entry.1 = default.1.clone();
                }
            }
        }
    }
}

fn parse_colors(
    lines: &LineIndex,
    name: &str,
    colors: &dyn toml_edit::TableLike,
    config: &mut Config,
    problems: &mut Vec<String>,
    unknown: &mut Vec<String>,
) {
    for (key, item) in colors.iter() {
        let line = lines.line(
            colors
                .key(key)
                .and_then(|k| k.span())
                .or_else(|| item.span()),
        );
        let color = item.as_str().and_then(|s| s.parse::<Color>().ok());
        let slot = match key {
            "heading" => &mut config.colors.heading,
            "marker" => &mut config.colors.marker,
            "search" => &mut config.colors.search,
            _ => {
                unknown.push(format!("{name}:{line}: unknown colour `{key}` (known: heading, marker, search); ignored"));
                continue;
            }
        };
        match color {
            Some(c) => *slot = c,
            None => problems.push(format!("{name}:{line}: `{key}` must be a colour name (\"cyan\", \"light-blue\"…) or \"#rrggbb\"; using the default")),
        }
    }
}

/// The effective config as TOML (`--print-config`).
pub fn to_toml(config: &Config) -> String {
    let name = |t: ThemeName| match t {
        ThemeName::Dark => "dark",
        ThemeName::Light => "light",
        ThemeName::Mono => "mono",
    };
    let mut out = String::new();
    out.push_str(&format!("width = {}\n", config.width));
    out.push_str(&format!(
        "shape = \"{}\"\n",
        match config.shape {
            ShapeMode::Auto => "auto",
            ShapeMode::On => "on",
            ShapeMode::Off => "off",
        }
    ));
    out.push_str(&format!(
        "bidi = \"{}\"\n",
        if config.bidi == BidiMode::App {
            "app"
        } else {
            "terminal"
        }
    ));
    out.push_str(&format!("theme = \"{}\"\n", name(config.theme)));
    out.push_str(&format!("mouse = {}\n", config.mouse));
    out.push_str("\n[keys]\n");
    for (action, keys) in config.keymap.entries() {
        let names: Vec<String> = keys
            .iter()
            .map(|k| {
                format!(
                    "\"{}\"",
                    k.name().replace('\\', "\\\\").replace('"', "\\\"")
                )
            })
            .collect();
        out.push_str(&format!("{} = [{}]\n", action.name(), names.join(", ")));
    }
    out.push_str("\n[colors]\n");
    for (key, color) in [
        ("heading", config.colors.heading),
        ("marker", config.colors.marker),
        ("search", config.colors.search),
    ] {
        out.push_str(&format!("{key} = \"{color}\"\n"));
    }
    out
}

/// The default bindings as the config file writes them (for the test that
/// keeps assets/config.toml true).
pub fn default_key_lines() -> Vec<String> {
    DEFAULT_KEYS
        .iter()
        .map(|(action, keys)| {
            let names: Vec<String> = keys
                .iter()
                .map(|k| format!("\"{}\"", k.replace('\\', "\\\\").replace('"', "\\\"")))
                .collect();
            format!("{} = [{}]", action.name(), names.join(", "))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_config_parses_and_is_the_defaults() {
        let (config, problems) = parse(DEFAULT_CONFIG, "assets/config.toml");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.width, 80);
        assert_eq!(to_toml(&config), to_toml(&Config::default()));
        // Every default binding is written in it, as it is.
        for line in default_key_lines() {
            assert!(
                DEFAULT_CONFIG.contains(&line),
                "assets/config.toml lacks `{line}`"
            );
        }
    }

    #[test]
    fn problems_name_the_line_and_keep_the_default() {
        let text = "width = 72\nshape = \"sideways\"\ncolour = 3\n\n[keys]\nnext_footnote = [\"f\", \"ctrl-n\"]\nbogus = [\"x\"]\ntop = [\"j\"]\n";
        let (config, problems) = parse(text, "config.toml");
        assert_eq!(config.width, 72);
        assert_eq!(config.shape, ShapeMode::Auto);
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("config.toml:2:")
                    && p.contains("\"auto\", \"on\" or \"off\"")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("config.toml:3:") && p.contains("unknown setting `colour`")),
            "{problems:?}"
        );
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("config.toml:7:") && p.contains("unknown action `bogus`")),
            "{problems:?}"
        );
        // "j" is line_down's: binding it to top too is refused, line 8.
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("config.toml:8:") && p.contains("bound to both")),
            "{problems:?}"
        );
        // ctrl-n now opens the next footnote; j still scrolls.
        let ev = |c| {
            crossterm::event::KeyEvent::new(
                crossterm::event::KeyCode::Char(c),
                crossterm::event::KeyModifiers::CONTROL,
            )
        };
        assert_eq!(config.keymap.action(&ev('n')), Some(Action::NextFootnote));
        let j = crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Char('j'),
            crossterm::event::KeyModifiers::NONE,
        );
        assert_eq!(config.keymap.action(&j), Some(Action::LineDown));
    }

    #[test]
    fn broken_toml_is_one_problem_and_the_defaults() {
        let (config, problems) = parse("width = = 3\n", "c.toml");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("c.toml:1:"), "{problems:?}");
        assert_eq!(config.width, 80);
    }

    #[test]
    fn a_number_out_of_range_costs_only_its_line() {
        let text = "theme = \"mono\"\nwidth = 99999999999999999999\nmouse = false\n[colors]\nheading = \"red\"\n";
        let (config, problems) = parse(text, "c.toml");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("c.toml:2:") && problems[0].contains("ignored"),
            "{problems:?}"
        );
        assert_eq!(config.theme, ThemeName::Mono);
        assert!(!config.mouse);
        assert_eq!(config.width, 80);
        assert_eq!(config.colors.heading, Color::Red);
    }

    #[test]
    fn many_unknown_keys_are_one_line() {
        let mut text = String::from("width = 70\n");
        for i in 0..40_000 {
            text.push_str(&format!("unknown_{i} = 1\n"));
        }
        let (config, problems) = parse(&text, "c.toml");
        assert_eq!(config.width, 70);
        assert_eq!(
            problems.len(),
            1,
            "{:?}",
            &problems[..problems.len().min(3)]
        );
        assert!(
            problems[0].starts_with(
                "40000 unknown keys; the first: c.toml:2: unknown setting `unknown_0`"
            ),
            "{problems:?}"
        );
    }

    #[test]
    fn lines_are_found_from_their_starts() {
        let text = "a\nbb\n\nccc";
        let lines = LineIndex::new(text);
        let line = |at: usize| lines.line(Some(at..at + 1));
        assert_eq!(
            [
                line(0),
                line(1),
                line(2),
                line(4),
                line(5),
                line(6),
                line(8)
            ],
            [1, 1, 2, 2, 3, 4, 4]
        );
        assert_eq!(lines.range(2, text.len()), 2..4);
        assert_eq!(lines.range(3, text.len()), 5..5);
        assert_eq!(lines.range(4, text.len()), 6..9);
    }

    #[test]
    fn a_key_with_an_escape_is_reported_sanitized_by_the_caller() {
        // The parser quotes the key as it is; crate::message::sanitize is
        // what every caller passes it through before it is shown.
        let (_, problems) = parse("\"evil\\u001b]52;c;aGk=\\u0007\" = 1\n", "c.toml");
        assert_eq!(problems.len(), 1);
        let shown = crate::message::sanitize(&problems[0]);
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
            "{shown}"
        );
        assert!(shown.contains("evil\u{241B}]52"), "{shown}");
    }
}
