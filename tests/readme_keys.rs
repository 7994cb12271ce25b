//! The README's keys table and the key table in force agree: every
//! command has its row, named by its config name, listing exactly its
//! default keys as the help writes them; and the search prompt's keys in
//! the help are those of the README's prompt table.

use hamish::app::help::PROMPT_KEYS;
use hamish::app::keymap::Keymap;

const README: &str = include_str!("../README.md");

/// The rows of the README table that starts with `header`.
fn table(header: &str) -> Vec<Vec<String>> {
    let start = README.find(header).expect("the table");
    README[start..]
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

/// The `code` spans of a cell.
fn codes(cell: &str) -> Vec<String> {
    cell.split('`')
        .skip(1)
        .step_by(2)
        .map(String::from)
        .collect()
}

#[test]
fn every_command_has_its_row_with_its_keys() {
    let rows = table("| keys | command (config name) | what it does |");
    let keymap = Keymap::defaults();
    assert_eq!(rows.len(), keymap.entries().len(), "one row per command");
    for (action, keys) in keymap.entries() {
        let row = rows
            .iter()
            .find(|r| codes(&r[1]) == [action.name()])
            .unwrap_or_else(|| panic!("README lacks a row for {}", action.name()));
        let names: Vec<String> = keys.iter().map(|k| k.name()).collect();
        assert_eq!(codes(&row[0]), names, "keys of {}", action.name());
    }
}

#[test]
fn the_prompt_keys_are_the_same_in_the_readme_and_the_help() {
    let rows = table("| keys in the prompt | what they do |");
    let readme: Vec<Vec<String>> = rows.iter().map(|r| codes(&r[0])).collect();
    let help: Vec<Vec<String>> = PROMPT_KEYS
        .iter()
        .map(|(keys, _)| keys.split(", ").map(String::from).collect())
        .collect();
    assert_eq!(readme, help);
}
