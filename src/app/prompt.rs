//! The search prompt as a line editor: where the cursor is in the query,
//! the editing keys (←/→, Home/End, Ctrl-a/Ctrl-e, Backspace/Delete,
//! Ctrl-w, Ctrl-u, Ctrl-k) and ↑/↓ through the queries searched before.
//! It only edits the query; searching for it is `search.rs`'s.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::flow::Anchor;
use crate::layout::bidi::ParagraphLevels;
use crate::layout::Direction;

/// How many past queries are kept (here and in the state file).
pub use crate::persist::state::HISTORY_KEPT;

/// The prompt being typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prompt {
    /// Where the reader was when the prompt opened (Esc goes back there).
    pub origin: Anchor,
    /// Byte of the query the cursor stands before (its length: at the end).
    pub cursor: usize,
    /// The past query shown, counted from the latest (↑ once: 0).
    pub recalled: Option<usize>,
    /// What was typed before ↑ brought back a past query (↓ returns to it).
    pub draft: String,
}

/// What an editing key did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edit {
    /// The query changed: search again.
    Changed,
    /// Only the cursor moved.
    Moved,
    /// Not an editing key.
    NotMine,
}

impl Prompt {
    /// A prompt opened at `origin`, with an empty query.
    pub fn new(origin: Anchor) -> Prompt {
        Prompt {
            origin,
            ..Prompt::default()
        }
    }

    /// Insert `c` at the cursor.
    pub fn insert(&mut self, query: &mut String, c: char) {
        let at = self.cursor.min(query.len());
        query.insert(at, c);
        self.cursor = at + c.len_utf8();
    }

    /// Apply an editing key to `query`; `history` is oldest first.
    pub fn edit(&mut self, query: &mut String, key: &KeyEvent, history: &[String]) -> Edit {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        self.cursor = self.cursor.min(query.len());
        let before = query.clone();
        match key.code {
            KeyCode::Left => self.cursor = visual_step(query, self.cursor, true),
            KeyCode::Right => self.cursor = visual_step(query, self.cursor, false),
            KeyCode::Home => self.cursor = 0,
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::End => self.cursor = query.len(),
            KeyCode::Char('e') if ctrl => self.cursor = query.len(),
            KeyCode::Backspace => {
                let start = previous_char(query, self.cursor);
                query.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            KeyCode::Delete => {
                let end = next_char(query, self.cursor);
                query.replace_range(self.cursor..end, "");
            }
            KeyCode::Char('w') if ctrl => {
                let start = word_start(query, self.cursor);
                query.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            KeyCode::Char('u') if ctrl => {
                query.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            KeyCode::Char('k') if ctrl => query.truncate(self.cursor),
            KeyCode::Up => self.recall(query, history, true),
            KeyCode::Down => self.recall(query, history, false),
            _ => return Edit::NotMine,
        }
        if *query == before {
            Edit::Moved
        } else {
            Edit::Changed
        }
    }

    /// ↑ (`older`) or ↓ through `history`: the query becomes the past one,
    /// or, past the latest, what was being typed.
    fn recall(&mut self, query: &mut String, history: &[String], older: bool) {
        let next = match (self.recalled, older) {
            (None, true) => (!history.is_empty()).then_some(0),
            (Some(i), true) => Some((i + 1).min(history.len().saturating_sub(1))),
            (Some(0), false) | (None, false) => None,
            (Some(i), false) => Some(i - 1),
        };
        if self.recalled.is_none() && next.is_some() {
            self.draft = query.clone();
        }
        match next {
            Some(i) => *query = history[history.len() - 1 - i].clone(),
            None if self.recalled.is_some() => *query = std::mem::take(&mut self.draft),
            None => {}
        }
        self.recalled = next;
        self.cursor = query.len();
    }
}

/// Add `query` to `history` as the latest (once: an earlier copy goes),
/// keeping the last `HISTORY_KEPT`.
pub fn remember(history: &mut Vec<String>, query: &str) {
    if query.trim().is_empty() {
        return;
    }
    history.retain(|q| q != query);
    history.push(query.to_string());
    let extra = history.len().saturating_sub(HISTORY_KEPT);
    history.drain(..extra);
}

/// Where ← (`left`) or → takes the cursor at byte `at`: the arrows move on
/// screen, so in right-to-left text (an Arabic query) ← goes forward in
/// the text and → back, as the letters are shown.
fn visual_step(text: &str, at: usize, left: bool) -> usize {
    if text.is_empty() {
        return 0;
    }
    let levels = ParagraphLevels::new(text, Direction::Auto);
    let mut per_byte = Vec::new();
    levels.line_levels(0..text.len(), &mut per_byte);
    // The letter the cursor stands on, or at the end the last one.
    let probe = if at < text.len() {
        at
    } else {
        previous_char(text, at)
    };
    let rtl = per_byte.get(probe).is_some_and(|l| l % 2 == 1);
    if left == rtl {
        next_char(text, at)
    } else {
        previous_char(text, at)
    }
}

fn previous_char(text: &str, at: usize) -> usize {
    text[..at].char_indices().next_back().map_or(0, |(i, _)| i)
}

fn next_char(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(at, |c| at + c.len_utf8())
}

/// Where the word before `at` starts (blanks before `at` go with it), as
/// Ctrl-w in a shell.
fn word_start(text: &str, at: usize) -> usize {
    let head = &text[..at];
    let trimmed = head.trim_end();
    trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(p: &mut Prompt, q: &mut String, code: KeyCode, ctrl: bool) -> Edit {
        let mods = if ctrl {
            KeyModifiers::CONTROL
        } else {
            KeyModifiers::NONE
        };
        p.edit(q, &KeyEvent::new(code, mods), &[])
    }

    #[test]
    fn the_cursor_moves_and_edits_where_it_stands() {
        let mut p = Prompt::default();
        let mut q = String::new();
        for c in "lenin trotsky".chars() {
            p.insert(&mut q, c);
        }
        assert_eq!(press(&mut p, &mut q, KeyCode::Char('a'), true), Edit::Moved);
        assert_eq!(p.cursor, 0);
        p.insert(&mut q, '"');
        assert_eq!(q, "\"lenin trotsky");
        press(&mut p, &mut q, KeyCode::Char('e'), true);
        press(&mut p, &mut q, KeyCode::Left, false);
        press(&mut p, &mut q, KeyCode::Backspace, false);
        assert_eq!(q, "\"lenin trotsy", "the k before the cursor went");
        press(&mut p, &mut q, KeyCode::End, false);
        assert_eq!(
            press(&mut p, &mut q, KeyCode::Char('w'), true),
            Edit::Changed
        );
        assert_eq!(q, "\"lenin ");
        press(&mut p, &mut q, KeyCode::Home, false);
        press(&mut p, &mut q, KeyCode::Delete, false);
        assert_eq!(q, "lenin ");
        press(&mut p, &mut q, KeyCode::Right, false);
        press(&mut p, &mut q, KeyCode::Char('u'), true);
        assert_eq!((q.as_str(), p.cursor), ("enin ", 0));
        assert_eq!(press(&mut p, &mut q, KeyCode::Tab, false), Edit::NotMine);
    }

    #[test]
    fn arrows_move_on_screen_through_whole_arabic_letters() {
        // لينين (Lenin): two bytes a letter, shown right to left.
        let mut q = "\u{644}\u{64a}\u{646}\u{64a}\u{646}".to_string();
        let mut p = Prompt {
            cursor: q.len(),
            ..Prompt::default()
        };
        // At the end the cursor is left of the last letter: ← goes no
        // further, → goes back onto that letter.
        press(&mut p, &mut q, KeyCode::Left, false);
        assert_eq!(p.cursor, 10);
        press(&mut p, &mut q, KeyCode::Right, false);
        assert_eq!(p.cursor, 8);
        press(&mut p, &mut q, KeyCode::Backspace, false);
        assert_eq!(q, "\u{644}\u{64a}\u{646}\u{646}");
        // ← moves forward in the text, that is to the left on screen.
        press(&mut p, &mut q, KeyCode::Home, false);
        press(&mut p, &mut q, KeyCode::Left, false);
        assert_eq!(p.cursor, 2);
    }

    #[test]
    fn up_and_down_walk_the_history_and_come_back_to_the_draft() {
        let history = vec!["old".to_string(), "new".to_string()];
        let mut p = Prompt::default();
        let mut q = "dra".to_string();
        let up = KeyEvent::new(KeyCode::Up, KeyModifiers::NONE);
        let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
        p.edit(&mut q, &up, &history);
        assert_eq!(q, "new");
        p.edit(&mut q, &up, &history);
        p.edit(&mut q, &up, &history);
        assert_eq!(q, "old", "stops at the oldest");
        p.edit(&mut q, &down, &history);
        p.edit(&mut q, &down, &history);
        assert_eq!((q.as_str(), p.cursor), ("dra", 3));
        let mut kept = history.clone();
        remember(&mut kept, "old");
        assert_eq!(kept, ["new", "old"]);
    }
}
