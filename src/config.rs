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
use crate::settings::{value_name, BidiMode, Settings, ShapeMode, Theme, WIDTH_RANGE};

/// The defaults, as shipped.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

/// What the config file gives: the settings and the key bindings.
#[derive(Clone, Debug)]
pub struct Config {
    pub settings: Settings,
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            settings: Settings::default(),
            keymap: Keymap::defaults(),
        }
    }
}

/// `$XDG_CONFIG_HOME/hamish/config.toml`, or `~/.config/hamish/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    crate::persist::xdg_file("XDG_CONFIG_HOME", ".config", "config.toml")
}

/// The config file's text `text` with `bidi` set to `mode`, everything
/// else (comments, order, other settings) kept as it was. An empty text
/// starts from the shipped defaults, so the new file documents every
/// setting. Err (the parser's message) when `text` is not TOML.
pub fn with_bidi(text: &str, mode: BidiMode) -> Result<String, String> {
    let text = if text.trim().is_empty() {
        DEFAULT_CONFIG
    } else {
        text
    };
    let mut doc: toml_edit::DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| e.message().to_string())?;
    doc["bidi"] = toml_edit::value(value_name(&mode));
    Ok(doc.to_string())
}

/// Save `bidi = mode` in the config file at `path` (created, with its
/// folder, when missing), atomically; Err says why not, naming the file.
pub fn save_bidi(path: &Path, mode: BidiMode) -> Result<(), String> {
    let name = path.display();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("{name}: cannot read: {e}")),
    };
    let new = with_bidi(&text, mode)
        .map_err(|e| format!("{name}: not saved, the file is not TOML: {e}"))?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    crate::persist::write_atomically(path, new.as_bytes())
        .map_err(|e| format!("{name}: cannot write: {e}"))
}

/// Read the config at `path` (a missing file is the defaults). Returns the
/// config and the problems found, one line each.
pub fn load(path: &Path) -> (Config, Vec<String>) {
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.is_file() && meta.len() > MAX_CONFIG_BYTES {
            return (
                Config::default(),
                vec![format!(
                    "{}: {} bytes is too large for a config file (at most {MAX_CONFIG_BYTES}); using the defaults",
                    path.display(),
                    meta.len()
                )],
            );
        }
    }
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, &path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![format!(
                "{}: cannot read: {e}; using the defaults",
                path.display()
            )],
        ),
    }
}

/// Where each line starts, so the line of a byte is a binary search (a
/// config of 40,000 keys must not count lines from the top for each).
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { starts }
    }

    /// The 1-based line of the span's start (line 1 without a span).
    fn of(&self, span: Option<std::ops::Range<usize>>) -> usize {
        span.map_or(1, |s| {
            self.starts.partition_point(|&start| start <= s.start)
        })
    }
}

/// Problems found, at most [`SHOWN_PER_KIND`] of each kind spelled out and
/// the rest counted, so a file of 40,000 unknown keys gives a few lines.
#[derive(Default)]
struct Problems {
    list: Vec<(&'static str, String)>,
}

const SHOWN_PER_KIND: usize = 3;

impl Problems {
    fn add(&mut self, kind: &'static str, message: String) {
        self.list.push((kind, message));
    }

    fn into_lines(self, name: &str) -> Vec<String> {
        let mut shown: Vec<(&'static str, usize)> = Vec::new();
        let mut lines = Vec::new();
        for (kind, message) in self.list {
            match shown.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, n)) => {
                    *n += 1;
                    if *n <= SHOWN_PER_KIND {
                        lines.push(message);
                    }
                }
                None => {
                    shown.push((kind, 1));
                    lines.push(message);
                }
            }
        }
        for (kind, n) in shown {
            if n > SHOWN_PER_KIND {
                lines.push(format!(
                    "{name}: {} more {kind} problems like those above",
                    n - SHOWN_PER_KIND
                ));
            }
        }
        lines
    }
}

/// A config file larger than this is not read: nobody writes one by hand.
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// TOML syntax errors tolerated (each line at fault is set aside) before
/// the whole file is given up.
const MAX_SYNTAX_ERRORS: usize = 20;

/// Parse `text` as TOML; a line with a syntax error (a number out of
/// range, a stray character) is blanked and the rest parsed again, so one
/// bad line does not cost every other setting.
fn parse_toml(
    text: &str,
    name: &str,
    problems: &mut Problems,
) -> Option<toml_edit::Document<String>> {
    let mut text = text.to_string();
    for _ in 0..MAX_SYNTAX_ERRORS {
        let e = match toml_edit::Document::parse(text.clone()) {
            Ok(doc) => return Some(doc),
            Err(e) => e,
        };
        let lines = Lines::new(&text);
        let line = lines.of(e.span());
        let what = e.message().lines().next().unwrap_or("not TOML").to_string();
        let start = lines.starts[line - 1];
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if start == end {
            problems.add(
                "syntax",
                format!("{name}:{line}: {what}; using the defaults"),
            );
            return None;
        }
        problems.add(
            "syntax",
            format!("{name}:{line}: {what}; that line is ignored"),
        );
        text.replace_range(start..end, "");
    }
    problems.add(
        "syntax",
        format!("{name}: too many syntax errors; using the defaults"),
    );
    None
}

/// Parse config text; `name` is used in messages.
pub fn parse(text: &str, name: &str) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut problems = Problems::default();
    let Some(doc) = parse_toml(text, name, &mut problems) else {
        return (config, problems.into_lines(name));
    };
    let lines = Lines::new(doc.raw());
    let table = doc.as_table();
    for (key, item) in table.iter() {
        let line = lines.of(table
            .key(key)
            .and_then(|k| k.span())
            .or_else(|| item.span()));
        let mut problem = |expected: &str| {
            problems.add(
                "value",
                format!("{name}:{line}: `{key}` must be {expected}; using the default"),
            )
        };
        match key {
            "width" => match item.as_integer() {
                Some(w) if usize::try_from(w).is_ok_and(|w| WIDTH_RANGE.contains(&w)) => {
                    config.settings.width = w as usize
                }
                _ => problem("a whole number from 1 to 1000"),
            },
            "shape" => match item.as_str() {
                Some("auto") => config.settings.shape = ShapeMode::Auto,
                Some("on") => config.settings.shape = ShapeMode::On,
                Some("off") => config.settings.shape = ShapeMode::Off,
                _ => problem("\"auto\", \"on\" or \"off\""),
            },
            "bidi" => match item.as_str() {
                Some("app") => config.settings.bidi = BidiMode::App,
                Some("terminal") => config.settings.bidi = BidiMode::Terminal,
                _ => problem("\"app\" or \"terminal\""),
            },
            "theme" => match item.as_str() {
                Some("dark") => config.settings.theme = Theme::Dark,
                Some("light") => config.settings.theme = Theme::Light,
                Some("mono") => config.settings.theme = Theme::Mono,
                _ => problem("\"dark\", \"light\" or \"mono\""),
            },
            "mouse" => match item.as_bool() {
                Some(b) => config.settings.mouse = b,
                None => problem("true or false"),
            },
            "keys" => match item.as_table_like() {
                Some(keys) => parse_keys(&lines, name, keys, &mut config, &mut problems),
                None => problem("a table of action = [\"key\", …]"),
            },
            "colors" => match item.as_table_like() {
                Some(colors) => parse_colors(&lines, name, colors, &mut config, &mut problems),
                None => problem("a table of name = \"colour\""),
            },
            _ => problems.add("unknown setting", format!("{name}:{line}: unknown setting `{key}` (known: width, shape, bidi, theme, mouse, [keys], [colors]); ignored")),
        }
    }
    (config, problems.into_lines(name))
}

fn parse_keys(
    lines: &Lines,
    name: &str,
    keys: &dyn toml_edit::TableLike,
    config: &mut Config,
    problems: &mut Problems,
) {
    let mut table: Vec<(Action, Vec<Key>)> = config.keymap.entries().to_vec();
    let mut changed: Vec<(Action, usize)> = Vec::new();
    for (key, item) in keys.iter() {
        let line = lines.of(keys.key(key).and_then(|k| k.span()).or_else(|| item.span()));
        let Some(action) = Action::ALL.iter().copied().find(|a| a.name() == key) else {
            problems.add(
                "unknown action",
                format!("{name}:{line}: unknown action `{key}` in [keys]; ignored"),
            );
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
            problems.add("keys", format!("{name}:{line}: `{key}` must be a list of key names such as [\"f\", \"ctrl-n\"]; keeping its default keys"));
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
            Err(e) => problems.add("keys", format!("{name}:{line}: {e} for `{key}` (keys are like \"j\", \"G\", \"ctrl-f\", \"space\", \"pagedown\"); keeping its default keys")),
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
                    problems.add("keys", format!("{name}: {e}; using the default keys"));
                    config.keymap = Keymap::defaults();
                    return;
                };
                problems.add(
                    "keys",
                    format!(
                        "{name}:{line}: {e}; keeping the default keys of `{}`",
                        action.name()
                    ),
                );
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
    lines: &Lines,
    name: &str,
    colors: &dyn toml_edit::TableLike,
    config: &mut Config,
    problems: &mut Problems,
) {
    for (key, item) in colors.iter() {
        let line = lines.of(colors
            .key(key)
            .and_then(|k| k.span())
            .or_else(|| item.span()));
        let color = item.as_str().and_then(|s| s.parse::<Color>().ok());
        let slot = match key {
            "heading" => &mut config.settings.colors.heading,
            "marker" => &mut config.settings.colors.marker,
            "search" => &mut config.settings.colors.search,
            _ => {
                problems.add("unknown colour", format!("{name}:{line}: unknown colour `{key}` (known: heading, marker, search); ignored"));
                continue;
            }
        };
        match color {
            Some(c) => *slot = c,
            None => problems.add("value", format!("{name}:{line}: `{key}` must be a colour name (\"cyan\", \"light-blue\"…) or \"#rrggbb\"; using the default")),
        }
    }
}

/// The effective config as TOML (`--print-config`).
pub fn to_toml(config: &Config) -> String {
    let settings = &config.settings;
    let mut out = String::new();
    out.push_str(&format!("width = {}\n", settings.width));
    out.push_str(&format!("shape = \"{}\"\n", value_name(&settings.shape)));
    out.push_str(&format!("bidi = \"{}\"\n", value_name(&settings.bidi)));
    out.push_str(&format!("theme = \"{}\"\n", value_name(&settings.theme)));
    out.push_str(&format!("mouse = {}\n", settings.mouse));
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
        ("heading", settings.colors.heading),
        ("marker", settings.colors.marker),
        ("search", settings.colors.search),
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
        assert_eq!(config.settings.width, 80);
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
        assert_eq!(config.settings.width, 72);
        assert_eq!(config.settings.shape, ShapeMode::Auto);
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
        assert_eq!(config.settings.width, 80);
    }

    #[test]
    fn an_out_of_range_number_costs_only_its_own_line() {
        // 2^64 does not fit TOML's integers: a syntax error on line 2.
        let text = "shape = \"off\"\nwidth = 18446744073709551616\ntheme = \"mono\"\n";
        let (config, problems) = parse(text, "c.toml");
        assert_eq!(config.settings.shape, ShapeMode::Off);
        assert_eq!(config.settings.theme, Theme::Mono);
        assert_eq!(config.settings.width, 80);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("c.toml:2:"), "{problems:?}");
    }

    #[test]
    fn many_unknown_keys_are_summarised_with_their_lines() {
        let mut text = String::from("width = 70\n");
        for i in 0..40_000 {
            text.push_str(&format!("unknown{i} = 1\n"));
        }
        let (config, problems) = parse(&text, "c.toml");
        assert_eq!(config.settings.width, 70);
        assert_eq!(problems.len(), SHOWN_PER_KIND + 1, "{problems:?}");
        assert!(problems[0].starts_with("c.toml:2: unknown setting `unknown0`"));
        assert!(problems[2].starts_with("c.toml:4: unknown setting `unknown2`"));
        assert!(problems[3].contains("39997 more"), "{problems:?}");
    }

    #[test]
    fn lines_are_found_by_offset() {
        let lines = Lines::new("a\nbc\n\nd");
        assert_eq!(lines.of(Some(0..1)), 1);
        assert_eq!(lines.of(Some(2..3)), 2);
        assert_eq!(lines.of(Some(5..5)), 3);
        assert_eq!(lines.of(Some(6..7)), 4);
        assert_eq!(lines.of(None), 1);
    }
}
