//! The help screen's text, made from the key table in force: one entry per
//! action (its keys, then what it does), wrapped to the width of the box,
//! then the keys of the search prompt. The App scrolls through these rows;
//! drawing shows them.

use super::keymap::Keymap;
use crate::layout::width::text_width;

/// The keys of the search prompt (its own line editor, not the key table).
pub const PROMPT_KEYS: &[(&str, &str)] = &[
    ("Tab", "exact or arabic-aware matching"),
    ("Left, Right", "move the cursor a letter, as shown"),
    ("Home, End, Ctrl-a, Ctrl-e", "to the start, the end"),
    ("Backspace, Delete", "erase a letter"),
    (
        "Ctrl-w, Ctrl-u, Ctrl-k",
        "erase a word, to the start, to the end",
    ),
    ("Up, Down", "searches made before"),
    ("Enter", "keep the search (n, N go on)"),
    ("Esc", "back to where the search began"),
];

/// The help box's widest (borders included).
pub const BOX_WIDTH: u16 = 84;

/// The width of the help's text on a screen `screen` columns wide (the
/// box less its borders and a blank each side).
pub fn text_width_on(screen: u16) -> usize {
    usize::from(screen.min(BOX_WIDTH)).saturating_sub(4)
}

/// The help text for rows `width` cells wide.
pub fn help_rows(keymap: &Keymap, width: usize) -> Vec<String> {
    let width = width.max(10);
    let entries: Vec<(String, &str)> = keymap
        .entries()
        .iter()
        .map(|(action, keys)| {
            let names: Vec<String> = keys.iter().map(|k| k.name()).collect();
            (names.join(", "), action.describe())
        })
        .collect();
    let mut rows = Vec::new();
    let column = keys_column(entries.iter().map(|(k, _)| k.as_str()));
    for (keys, what) in &entries {
        entry(&mut rows, keys, what, column, width);
    }
    rows.push(String::new());
    rows.push("In the search prompt:".to_string());
    let column = keys_column(PROMPT_KEYS.iter().map(|(k, _)| *k));
    for (keys, what) in PROMPT_KEYS {
        entry(&mut rows, keys, what, column, width);
    }
    rows
}

/// The width of the keys column: the longest list of keys, so that every
/// description starts in the same column.
pub fn keys_column<'a>(keys: impl Iterator<Item = &'a str>) -> usize {
    keys.map(text_width).max().unwrap_or(0)
}

/// Blanks between the keys column and the descriptions.
pub const GAP: usize = 2;

/// One entry: keys and description side by side when there is room (the
/// description wrapped under itself), else the keys on a row and the
/// description below, indented.
fn entry(rows: &mut Vec<String>, keys: &str, what: &str, column: usize, width: usize) {
    if column + GAP + 24 <= width {
        let wrapped = wrap(what, width - column - GAP);
        for (i, line) in wrapped.iter().enumerate() {
            let lead = if i == 0 { keys } else { "" };
            rows.push(format!("{lead:<column$}{:GAP$}{line}", ""));
        }
    } else {
        rows.extend(wrap(keys, width));
        rows.extend(wrap(what, width - 2).into_iter().map(|l| format!("  {l}")));
    }
}

/// `text` wrapped at spaces into rows of at most `width` cells (a word
/// longer than that is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut rows = Vec::new();
    let mut row = String::new();
    for word in text.split(' ') {
        let wanted = text_width(&row) + usize::from(!row.is_empty()) + text_width(word);
        if !row.is_empty() && wanted > width {
            rows.push(std::mem::take(&mut row));
        }
        if !row.is_empty() {
            row.push(' ');
        }
        row.push_str(word);
        while text_width(&row) > width {
            let cut: String = row.chars().take(width).collect();
            row = row[cut.len()..].to_string();
            rows.push(cut);
        }
    }
    if !row.is_empty() || rows.is_empty() {
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_rows_fit_their_width_and_keep_every_word() {
        let keymap = Keymap::defaults();
        for width in [30, 40, 56, 76] {
            let rows = help_rows(&keymap, width);
            for row in &rows {
                assert!(text_width(row) <= width, "{width}: {row:?}");
            }
            let all = rows.join(" ");
            let words = |s: &str| s.split_whitespace().map(String::from).collect::<Vec<_>>();
            for (action, _) in keymap.entries() {
                for word in words(action.describe()) {
                    assert!(all.contains(&word), "{width}: {word}");
                }
            }
        }
        // Wide enough: one row per action, keys in one column.
        let rows = help_rows(&keymap, 100);
        let column: Vec<usize> = keymap
            .entries()
            .iter()
            .map(|(a, _)| {
                rows.iter()
                    .find(|r| r.ends_with(a.describe()))
                    .unwrap()
                    .len()
                    - a.describe().len()
            })
            .collect();
        assert!(column.iter().all(|&c| c == column[0]), "{column:?}");
    }
}
