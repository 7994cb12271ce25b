//! The Unicode Bidirectional Algorithm as the layout uses it.
//!
//! unicode-bidi resolves the levels of a paragraph (rules P2–P3, X1–X10,
//! W1–W7, N0–N2, I1–I2) and applies rule L1 per line. Reordering (L2) is done
//! here, over whatever units the caller reorders: code points in the
//! conformance tests, grapheme clusters in the layout, so that combining marks
//! stay after their base (L3). Mirroring (L4) is [`mirror`].

use std::ops::Range;
use std::sync::OnceLock;

use unicode_bidi::{BidiClass, BidiDataSource, BidiInfo, HardcodedBidiData, Level};

/// Bidi classes with a table for the code points these essays are made of
/// (ASCII, Latin-1, Arabic and Arabic Supplement, U+0000..U+07FF), falling
/// back to unicode-bidi's own data (a binary search) for the rest. The table
/// is filled from that same data, so the classes are identical; the
/// conformance tests run through this source.
struct CachedBidiData;

const TABLE_END: u32 = 0x800;

fn class_table() -> &'static [BidiClass] {
    static TABLE: OnceLock<Vec<BidiClass>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..TABLE_END)
            .map(|cp| char::from_u32(cp).map_or(BidiClass::L, |c| HardcodedBidiData.bidi_class(c)))
            .collect()
    })
}

impl BidiDataSource for CachedBidiData {
    fn bidi_class(&self, c: char) -> BidiClass {
        match class_table().get(c as usize) {
            Some(&class) => class,
            None => HardcodedBidiData.bidi_class(c),
        }
    }
}

/// The base direction of a paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// From the first strong character (rules P2 and P3), LTR when there is none.
    #[default]
    Auto,
    Ltr,
    Rtl,
}

impl Direction {
    fn default_level(self) -> Option<Level> {
        match self {
            Direction::Auto => None,
            Direction::Ltr => Some(Level::ltr()),
            Direction::Rtl => Some(Level::rtl()),
        }
    }
}

/// Resolved levels of one paragraph; lines are cut from it later.
pub struct ParagraphLevels<'t> {
    resolved: Resolved<'t>,
}

enum Resolved<'t> {
    Full(BidiInfo<'t>),
    /// Every character at one level (see [`uniform_level`]).
    Uniform(u8),
}

/// The level of every character when the paragraph is all of one
/// direction, so the full algorithm has nothing to do: left to right with
/// no right-to-left letter, Arabic number or explicit control (European
/// numbers after left-to-right text stay at level 0, rule W7); or right to
/// left with no left-to-right letter, number or control. Neutrals between
/// letters of one direction take that direction (N1), and so do the ends of
/// the paragraph. Anything else (and separators, BN) goes the full way. The
/// conformance suites run through this too.
fn uniform_level(text: &str, direction: Direction) -> Option<u8> {
    use unicode_bidi::BidiClass::*;
    let (mut has_ltr, mut has_rtl, mut first_strong) = (false, false, None);
    for c in text.chars() {
        match CachedBidiData.bidi_class(c) {
            L => {
                has_ltr = true;
                first_strong.get_or_insert(0u8);
            }
            R | AL => {
                has_rtl = true;
                first_strong.get_or_insert(1u8);
            }
            EN => has_ltr = true, // fine only in a left-to-right paragraph
            WS | ON | CS | ES | ET | NSM => {}
            _ => return None, // AN, B, S, BN, explicit controls
        }
        if has_ltr && has_rtl {
            return None;
        }
    }
    let level = match direction {
        Direction::Ltr => 0,
        Direction::Rtl => 1,
        Direction::Auto => first_strong.unwrap_or(0),
    };
    match level {
        0 if !has_rtl => Some(0),
        1 if !has_ltr => Some(1),
        _ => None,
    }
}

impl<'t> ParagraphLevels<'t> {
    /// Resolve `text` as a single paragraph. The caller makes sure it holds
    /// no paragraph separator (see `sanitize::text_for_bidi`); if it does
    /// anyway, the first paragraph's level governs every line.
    pub fn new(text: &'t str, direction: Direction) -> Self {
        let resolved = match uniform_level(text, direction) {
            Some(level) => Resolved::Uniform(level),
            None => Resolved::Full(BidiInfo::new_with_data_source(
                &CachedBidiData,
                text,
                direction.default_level(),
            )),
        };
        ParagraphLevels { resolved }
    }

    /// The paragraph embedding level (0 for LTR, 1 for RTL).
    pub fn paragraph_level(&self) -> u8 {
        match &self.resolved {
            Resolved::Full(info) => info.paragraphs.first().map_or(0, |p| p.level.number()),
            Resolved::Uniform(level) => *level,
        }
    }

    /// True when the paragraph runs right to left.
    pub fn is_rtl(&self) -> bool {
        self.paragraph_level() % 2 == 1
    }

    /// Levels of each byte of `line` after rule L1, written to `out`
    /// (cleared first), one per byte of the line.
    ///
    /// L1 resets to the paragraph level: segment and paragraph separators,
    /// and any run of whitespace and isolate controls before them or at the
    /// end of the line. Characters removed by rule X9 (embedding controls,
    /// BN) are transparent inside such a run. Done here, over the line only,
    /// because unicode-bidi's `reordered_levels` copies the levels of the whole
    /// paragraph for every line, which is quadratic in a long paragraph.
    pub fn line_levels(&self, line: Range<usize>, out: &mut Vec<u8>) {
        use unicode_bidi::BidiClass::*;
        out.clear();
        let info = match &self.resolved {
            Resolved::Full(info) => info,
            Resolved::Uniform(level) => {
                out.resize(line.len(), *level);
                return;
            }
        };
        let line = line.start.min(info.levels.len())..line.end.min(info.levels.len());
        let para = self.paragraph_level();
        out.extend(info.levels[line.clone()].iter().map(|l| l.number()));
        let classes = &info.original_classes[line];
        let mut resetting = true; // the end of the line counts as a separator
        for (level, class) in out.iter_mut().zip(classes).rev() {
            match class {
                S | B => {
                    *level = para;
                    resetting = true;
                }
                WS | FSI | LRI | RLI | PDI | BN | LRE | RLE | LRO | RLO | PDF => {
                    if resetting {
                        *level = para;
                    }
                }
                _ => resetting = false,
            }
        }
    }

    /// True when the character at byte `at` is removed by rule X9 (explicit
    /// embedding and override controls, boundary neutrals): it gets no level
    /// and takes no place in the visual order.
    pub fn removed_by_x9(&self, at: usize) -> bool {
        use unicode_bidi::BidiClass::*;
        match &self.resolved {
            Resolved::Full(info) => matches!(
                info.original_classes.get(at),
                Some(RLE | LRE | RLO | LRO | PDF | BN)
            ),
            Resolved::Uniform(_) => false, // no such characters, by construction
        }
    }
}

/// Rule L2: the visual order of units with the given levels. Returns the
/// logical index of each unit, leftmost first.
///
/// From the highest level down to the lowest odd level, every maximal run of
/// units at that level or higher is reversed.
pub fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order = Vec::with_capacity(levels.len());
    visual_order_into(levels, &mut order);
    order
}

/// [`visual_order`] into a buffer the caller reuses row after row.
pub fn visual_order_into(levels: &[u8], order: &mut Vec<usize>) {
    order.clear();
    order.extend(0..levels.len());
    let Some(&highest) = levels.iter().max() else {
        return;
    };
    let Some(lowest_odd) = levels.iter().copied().filter(|l| l % 2 == 1).min() else {
        return; // all even: left to right already
    };
    // A plain right-to-left line (every level 1) is just reversed; this is the
    // common case for Arabic prose, so skip the general loop.
    if highest == lowest_odd && levels.iter().all(|&l| l == highest) {
        order.reverse();
        return;
    }
    let mut level = highest;
    while level >= lowest_odd {
        let mut i = 0;
        while i < levels.len() {
            if levels[order[i]] >= level {
                let start = i;
                while i < levels.len() && levels[order[i]] >= level {
                    i += 1;
                }
                order[start..i].reverse();
            } else {
                i += 1;
            }
        }
        if level == 0 {
            break;
        }
        level -= 1;
    }
}

/// Rule L4: the mirrored glyph of `c` (for a character at an odd level).
pub fn mirror(c: char) -> Option<char> {
    unicode_bidi_mirroring::get_mirrored(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn l2_reverses_from_highest_level() {
        // Levels of "car means CAR." in an RTL paragraph: 2 2 2 1 1 1 1 1 1 1
        assert_eq!(visual_order(&[0, 0, 1, 1, 1, 0]), vec![0, 1, 4, 3, 2, 5]);
        assert_eq!(visual_order(&[1, 2, 2, 1]), vec![3, 1, 2, 0]);
        assert_eq!(visual_order(&[1, 1, 1]), vec![2, 1, 0]);
        assert_eq!(visual_order(&[]), Vec::<usize>::new());
    }

    #[test]
    fn auto_direction_follows_first_strong() {
        // "(عام 1917)": the first strong letter is Arabic
        let p = ParagraphLevels::new("(\u{0639}\u{0627}\u{0645} 1917)", Direction::Auto);
        assert!(p.is_rtl());
        let p = ParagraphLevels::new("1917 Lenin", Direction::Auto);
        assert!(!p.is_rtl());
        let p = ParagraphLevels::new("1917", Direction::Rtl);
        assert!(p.is_rtl());
    }

    #[test]
    fn brackets_mirror() {
        assert_eq!(mirror('('), Some(')'));
        assert_eq!(mirror('»'), Some('«'));
        assert_eq!(mirror('a'), None);
    }
}
