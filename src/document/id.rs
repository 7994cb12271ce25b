//! The id of a block ("s3.p12", "fn2.p1"): short, and one per paragraph,
//! so it is kept inside the block rather than in an allocation of its own
//! (a million one-line paragraphs saved 32 MB this way). Reads as a `str`,
//! and is written to and read from JSON as a plain string.

use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Bytes kept inline; a longer id (only a hand-written JSON file has one)
/// goes on the heap.
const INLINE: usize = 22;

/// A block id. Same size as a `String` (24 bytes).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Id(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl Id {
    pub fn new(text: &str) -> Id {
        if text.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            Id(Repr::Inline {
                len: text.len() as u8,
                bytes,
            })
        } else {
            Id(Repr::Heap(text.into()))
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Always whole characters: copied from a `str` in `new`.
            Repr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Repr::Heap(text) => text,
        }
    }
}

impl Default for Id {
    fn default() -> Id {
        Id::new("")
    }
}

impl Deref for Id {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Id {
        Id::new(text)
    }
}

impl From<String> for Id {
    fn from(text: String) -> Id {
        Id::new(&text)
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Id {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        String::deserialize(deserializer).map(Id::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_ids_read_back_and_round_trip_as_json_strings() {
        assert_eq!(std::mem::size_of::<Id>(), std::mem::size_of::<String>());
        // 22 bytes fit inline, 23 do not; an Arabic id is whole characters.
        let arabic = "\u{0641}\u{0635}\u{0644}.p1"; // فصل (chapter) .p1
        for text in [
            "",
            "s3.p12",
            "s12345.p12345678901234",
            "s12345.p123456789012345",
            arabic,
        ] {
            let id = Id::from(text);
            assert_eq!(id, text);
            assert_eq!(format!("{id}"), text);
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, serde_json::to_string(text).unwrap());
            assert_eq!(serde_json::from_str::<Id>(&json).unwrap(), id);
        }
        assert!(matches!(
            Id::from("s12345.p12345678901234").0,
            Repr::Inline { .. }
        ));
        assert!(matches!(
            Id::from("s12345.p123456789012345").0,
            Repr::Heap(_)
        ));
    }
}
