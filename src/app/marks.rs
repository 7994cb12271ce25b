//! Places to go back to: the jump list (where the reader was before each
//! jump, for Backspace, Ctrl-o and `''`), the lettered marks (`m` + letter
//! sets one, `'` + letter goes there), and the key that waits for that
//! letter.

use std::collections::BTreeMap;

use super::flow::Anchor;

/// How many jumps are remembered.
const JUMPS_KEPT: usize = 100;

/// Where the reader was before each jump, the latest last, and the places
/// left by going back (for going forward again, as vim's Ctrl-i).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JumpList {
    places: Vec<Anchor>,
    ahead: Vec<Anchor>,
}

impl JumpList {
    /// Remember `place`, before a new jump (the places ahead are dropped,
    /// as a browser's forward list is); the oldest is forgotten past
    /// `JUMPS_KEPT`.
    pub fn push(&mut self, place: Anchor) {
        self.ahead.clear();
        self.places.push(place);
        if self.places.len() > JUMPS_KEPT {
            self.places.remove(0);
        }
    }

    /// The latest place, taken off the list.
    pub fn pop(&mut self) -> Option<Anchor> {
        self.places.pop()
    }

    /// Go back from `here`: the latest place, `here` kept for `forward`.
    pub fn back(&mut self, here: Anchor) -> Option<Anchor> {
        let to = self.places.pop()?;
        self.ahead.push(here);
        Some(to)
    }

    /// Go forward again from `here` (undo a `back`).
    pub fn forward(&mut self, here: Anchor) -> Option<Anchor> {
        let to = self.ahead.pop()?;
        self.places.push(here);
        Some(to)
    }

    pub fn clear(&mut self) {
        self.places.clear();
        self.ahead.clear();
    }
}

/// Marks of the open document, by letter.
pub type Marks = BTreeMap<char, Anchor>;

/// A key that waits for a letter: `m` (set a mark) or `'` (go to one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwaitingLetter {
    SetMark,
    GotoMark,
}

/// Whether `c` can name a mark.
pub fn is_mark_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_jump_list_keeps_the_latest_hundred() {
        let mut jumps = JumpList::default();
        for item in 0..150 {
            jumps.push(Anchor { item, byte: 0 });
        }
        assert_eq!(jumps.pop().map(|a| a.item), Some(149));
        let mut left = 1;
        while jumps.pop().is_some() {
            left += 1;
        }
        assert_eq!(left, JUMPS_KEPT);
    }

    #[test]
    fn forward_undoes_back_until_a_new_jump() {
        let at = |item| Anchor { item, byte: 0 };
        let mut jumps = JumpList::default();
        jumps.push(at(1));
        jumps.push(at(2));
        assert_eq!(jumps.back(at(3)), Some(at(2)));
        assert_eq!(jumps.back(at(2)), Some(at(1)));
        assert_eq!(jumps.forward(at(1)), Some(at(2)));
        assert_eq!(jumps.forward(at(2)), Some(at(3)));
        assert_eq!(jumps.forward(at(3)), None);
        jumps.back(at(3));
        jumps.push(at(9));
        assert_eq!(
            jumps.forward(at(9)),
            None,
            "a new jump drops what was ahead"
        );
    }
}
