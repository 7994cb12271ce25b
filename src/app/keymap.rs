//! Keys to actions: the bindings in force (the defaults are declared with
//! the actions, in `action.rs`; the help screen is generated from them), key
//! names as written in the config file, and the lookup `App::handle` uses.

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use super::action::{Action, DEFAULT_KEYS};

/// A key with its modifiers, as bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// From a terminal key event. Shift is folded into the character
    /// ("G" is shift-g), so it is not kept as a modifier.
    pub fn from_event(event: &KeyEvent) -> Key {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// How the help screen and config file write it.
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "enter".into(),
            KeyCode::Esc => "esc".into(),
            KeyCode::Tab => "tab".into(),
            KeyCode::BackTab => "backtab".into(),
            KeyCode::Backspace => "backspace".into(),
            KeyCode::Up => "up".into(),
            KeyCode::Down => "down".into(),
            KeyCode::Left => "left".into(),
            KeyCode::Right => "right".into(),
            KeyCode::PageUp => "pageup".into(),
            KeyCode::PageDown => "pagedown".into(),
            KeyCode::Home => "home".into(),
            KeyCode::End => "end".into(),
            KeyCode::F(n) => format!("f{n}"),
            other => format!("{other:?}").to_lowercase(),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("ctrl-{base}"),
            (_, true) => format!("alt-{base}"),
            _ => base,
        }
    }
}

/// Parse a key name: "j", "G", "ctrl-f", "alt-x", "space", "pagedown"…
pub fn parse_key(name: &str) -> Result<Key, String> {
    let mut ctrl = false;
    let mut alt = false;
    let mut rest = name;
    loop {
        if let Some(r) = rest
            .strip_prefix("ctrl-")
            .or_else(|| rest.strip_prefix("C-"))
        {
            ctrl = true;
            rest = r;
        } else if let Some(r) = rest
            .strip_prefix("alt-")
            .or_else(|| rest.strip_prefix("M-"))
        {
            alt = true;
            rest = r;
        } else {
            break;
        }
    }
    let code = match rest.to_lowercase().as_str() {
        "space" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        f if f.len() > 1 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
            KeyCode::F(f[1..].parse().unwrap_or(1))
        }
        _ => {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
                _ => return Err(format!("unknown key `{name}`")),
            }
        }
    };
    Ok(Key { code, ctrl, alt })
}

/// Bindings in force.
#[derive(Clone, Debug)]
pub struct Keymap {
    bindings: HashMap<Key, Action>,
    /// Keys per action, in the order given, for the help screen.
    keys: Vec<(Action, Vec<Key>)>,
}

impl Keymap {
    /// The default bindings.
    pub fn defaults() -> Keymap {
        let table = DEFAULT_KEYS
            .iter()
            .map(|(action, names)| {
                (
                    *action,
                    names
                        .iter()
                        .map(|n| parse_key(n).expect("default key names parse"))
                        .collect(),
                )
            })
            .collect();
        Keymap::from_table(table).expect("default keymap has no duplicates")
    }

    /// Build from (action, keys); a key bound twice is an error naming both.
    pub fn from_table(keys: Vec<(Action, Vec<Key>)>) -> Result<Keymap, String> {
        let mut bindings = HashMap::new();
        for (action, list) in &keys {
            for key in list {
                if let Some(other) = bindings.insert(*key, *action) {
                    if other != *action {
                        return Err(format!(
                            "key `{}` is bound to both {} and {}",
                            key.name(),
                            other.name(),
                            action.name()
                        ));
                    }
                }
            }
        }
        Ok(Keymap { bindings, keys })
    }

    /// The action for a key press.
    pub fn action(&self, event: &KeyEvent) -> Option<Action> {
        let key = Key::from_event(event);
        self.bindings.get(&key).copied().or_else(|| {
            // Terminals report shifted letters differently; try the plain
            // character too ("G" with or without SHIFT).
            match key.code {
                KeyCode::Char(c) if !key.ctrl && !key.alt => self
                    .bindings
                    .get(&Key {
                        code: KeyCode::Char(c),
                        ctrl: false,
                        alt: false,
                    })
                    .copied(),
                _ => None,
            }
        })
    }

    /// The keys bound to `action`, as the help writes them ("f", "j/down").
    pub fn key_names(&self, action: Action) -> String {
        self.keys
            .iter()
            .find(|(a, _)| *a == action)
            .map(|(_, keys)| keys.iter().map(Key::name).collect::<Vec<_>>().join("/"))
            .unwrap_or_else(|| action.name().to_string())
    }

    /// The keys of every action, for the help screen.
    pub fn entries(&self) -> &[(Action, Vec<Key>)] {
        &self.keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_table_has_no_duplicate_bindings() {
        let mut seen = HashMap::new();
        for (action, names) in DEFAULT_KEYS {
            for name in *names {
                let key = parse_key(name).unwrap();
                assert!(seen.insert(key, *action).is_none(), "{name} bound twice");
            }
        }
        // and every action has at least one key
        for action in Action::ALL {
            assert!(
                DEFAULT_KEYS
                    .iter()
                    .any(|(a, k)| a == action && !k.is_empty()),
                "{action:?} unbound"
            );
        }
    }

    #[test]
    fn duplicates_are_rejected_with_both_names() {
        let j = parse_key("j").unwrap();
        let err = Keymap::from_table(vec![(Action::LineDown, vec![j]), (Action::Top, vec![j])])
            .unwrap_err();
        assert!(err.contains("line_down") && err.contains("top"), "{err}");
    }

    #[test]
    fn key_names_round_trip() {
        for name in [
            "j",
            "G",
            "ctrl-f",
            "space",
            "pagedown",
            "enter",
            "esc",
            "?",
            "]",
            "backspace",
            "f5",
            "alt-x",
        ] {
            assert_eq!(parse_key(name).unwrap().name(), name);
        }
        assert!(parse_key("nonsense").is_err());
    }

    #[test]
    fn events_map_to_actions() {
        let km = Keymap::defaults();
        let ev = |code, mods| KeyEvent::new(code, mods);
        assert_eq!(
            km.action(&ev(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::LineDown)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Char('f'), KeyModifiers::CONTROL)),
            Some(Action::PageDown)
        );
        assert_eq!(
            km.action(&ev(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::QuitNow)
        );
        assert_eq!(km.action(&ev(KeyCode::Char('x'), KeyModifiers::NONE)), None);
    }
}
