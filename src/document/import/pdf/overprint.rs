//! Glyphs drawn twice over one place, read once. Some producers draw a
//! cluster in parts and give every part the cluster's whole text (Typst
//! gives a lam-alef ligature and the tanwin above it each `لاً`); others
//! draw a letter twice, slightly offset, for a bolder stroke. Either way
//! the text would come out twice. A glyph whose text is the same as one of
//! the few drawn just before it, at nearly the same origin, is the same
//! text: the wider of the two (the base, not a mark) is kept.

use super::interpret::Glyph;

/// How many glyphs back a repeat is looked for (a cluster's parts are
/// drawn together).
const LOOK_BACK: usize = 3;

/// Remove the repeats from `glyphs` (in drawing order).
pub fn remove(glyphs: &mut Vec<Glyph>) {
    let mut kept: Vec<Glyph> = Vec::with_capacity(glyphs.len());
    for glyph in glyphs.drain(..) {
        let from = kept.len().saturating_sub(LOOK_BACK);
        match kept[from..].iter_mut().rev().find(|k| repeats(k, &glyph)) {
            Some(earlier) => {
                if glyph.width > earlier.width {
                    *earlier = glyph;
                }
            }
            None => kept.push(glyph),
        }
    }
    *glyphs = kept;
}

/// `b` is `a` again: the same text (not a space) from nearly the same
/// origin: within a tenth of the size across (a narrow letter twice in a
/// row is further apart) and half of it up or down.
fn repeats(a: &Glyph, b: &Glyph) -> bool {
    let size = a.size.max(b.size);
    a.text == b.text
        && !a.text.trim().is_empty()
        && (a.x - b.x).abs() < 0.1 * size
        && (a.y - b.y).abs() < 0.5 * size
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f32, y: f32, width: f32) -> Glyph {
        Glyph::regular(text, x, y, width, 13.0)
    }

    // Lam, alef, fathatan (read "laan"), as a producer's map gives both the
    // ligature and the mark over it.
    const LAM_ALEF_TANWIN: &str = "\u{0644}\u{0627}\u{064B}";

    #[test]
    fn a_cluster_drawn_in_parts_with_one_text_is_read_once() {
        let mut glyphs = vec![
            glyph("\u{0648}", 30.0, 100.0, 5.0),
            // The tanwin, raised and without width, then the ligature.
            glyph(LAM_ALEF_TANWIN, 20.5, 98.4, 0.0),
            glyph(LAM_ALEF_TANWIN, 20.0, 100.0, 7.0),
        ];
        remove(&mut glyphs);
        assert_eq!(glyphs.len(), 2);
        assert_eq!(
            (glyphs[1].x, glyphs[1].y, glyphs[1].width),
            (20.0, 100.0, 7.0)
        );
    }

    #[test]
    fn the_same_letter_further_on_or_a_space_stays() {
        let mut glyphs = vec![
            glyph("l", 0.0, 100.0, 3.0),
            glyph("l", 3.0, 100.0, 3.0),
            glyph(" ", 6.0, 100.0, 3.0),
            glyph(" ", 6.0, 100.0, 3.0),
            // The same letter on the next line.
            glyph("l", 3.0, 115.0, 3.0),
        ];
        remove(&mut glyphs);
        assert_eq!(glyphs.len(), 5);
    }
}
