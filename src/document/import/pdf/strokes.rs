//! Joining strokes a producer mapped to a letter. A shaper may draw one
//! letter as two glyphs (Amiri draws lam before kaf as the lam and a
//! tatweel-like stroke after it); a producer that maps every glyph of a
//! cluster to the cluster's text then shows the letter twice (`اللكتب`).
//! The embedded font program says what each glyph is: a glyph that rises
//! no higher than a stroke on the baseline, while every other glyph the
//! document maps to the same letter rises to half an em (lam: each of its
//! forms has its tall stem), is not that letter but a stretch of the line,
//! read as a tatweel (which the reader drops). Heights come from the
//! `glyf` table's headers of an embedded TrueType font (`FontFile2`).

/// Glyph heights of a TrueType font program: where its tables are.
pub struct Glyphs<'a> {
    glyf: &'a [u8],
    loca: &'a [u8],
    /// `loca` holds 32-bit offsets (else 16-bit halves).
    long: bool,
    units_per_em: f32,
}

/// The bytes of table `tag` of the font program.
fn table<'a>(font: &'a [u8], tag: &[u8; 4]) -> Option<&'a [u8]> {
    let count = usize::from(u16_at(font, 4)?);
    (0..count.min(64)).find_map(|i| {
        let record = font.get(12 + 16 * i..12 + 16 * (i + 1))?;
        if &record[..4] != tag {
            return None;
        }
        let offset = u32_at(record, 8)? as usize;
        let length = u32_at(record, 12)? as usize;
        font.get(offset..offset.checked_add(length)?)
    })
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 2).map(|s| u16::from_be_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4)
        .map(|s| u32::from_be_bytes([s[0], s[1], s[2], s[3]]))
}

impl<'a> Glyphs<'a> {
    /// The glyph tables of a TrueType font program, if it has them.
    pub fn read(font: &'a [u8]) -> Option<Glyphs<'a>> {
        let head = table(font, b"head")?;
        let units_per_em = f32::from(u16_at(head, 18)?);
        let long = u16_at(head, 50)? != 0;
        let glyphs = Glyphs {
            glyf: table(font, b"glyf")?,
            loca: table(font, b"loca")?,
            long,
            units_per_em,
        };
        (units_per_em >= 16.0).then_some(glyphs)
    }

    /// How high glyph `gid` rises above the baseline, in ems; 0 for a
    /// glyph with no outline (a space).
    pub fn top(&self, gid: u32) -> Option<f32> {
        let gid = gid as usize;
        let (start, end) = if self.long {
            (
                u32_at(self.loca, 4 * gid)? as usize,
                u32_at(self.loca, 4 * gid + 4)? as usize,
            )
        } else {
            (
                2 * usize::from(u16_at(self.loca, 2 * gid)?),
                2 * usize::from(u16_at(self.loca, 2 * gid + 2)?),
            )
        };
        if end <= start {
            return Some(0.0);
        }
        // numberOfContours, xMin, yMin, xMax, yMax: big-endian i16s.
        let y_max = u16_at(self.glyf, start + 8)? as i16;
        Some(f32::from(y_max) / self.units_per_em)
    }
}

/// Below this top (in ems) a glyph is a stroke on the baseline.
const STROKE: f32 = 0.2;
/// Every other glyph of a letter rises to this (in ems): the letter has a
/// tall stem in every form the document shows.
const STEM: f32 = 0.5;
/// Other glyphs of the letter needed to say so.
const FORMS: usize = 3;

/// Of `mapped` (each glyph id and the one letter its code is mapped to),
/// the glyph ids that are strokes: lower than [`STROKE`] while at least
/// [`FORMS`] other glyphs mapped to the same letter all rise to [`STEM`].
/// (Letters without a stem are left alone: Amiri draws yeh and meem as
/// low as 0.06 em in some joins, and as high as 0.6 in others.)
pub fn strokes(mapped: &[(u32, char)], glyphs: &Glyphs) -> Vec<u32> {
    let mut tops: Vec<(char, u32, f32)> = mapped
        .iter()
        .filter_map(|&(g, c)| Some((c, g, glyphs.top(g)?)))
        .collect();
    tops.sort_by_key(|t| (t.0, t.1));
    tops.dedup_by_key(|t| (t.0, t.1));
    let mut found = Vec::new();
    for letter in tops.chunk_by(|a, b| a.0 == b.0) {
        let low: Vec<&(char, u32, f32)> = letter.iter().filter(|t| t.2 < STROKE).collect();
        let tall = letter.iter().filter(|t| t.2 >= STEM).count();
        // Every glyph of the letter is a stroke or has a stem.
        if low.len() + tall == letter.len() && tall >= FORMS {
            found.extend(low.iter().map(|t| t.1));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A font program of `head`, `loca` (long offsets) and `glyf` whose
    /// glyphs reach the given tops, in units of 1000 to the em.
    fn font(tops: &[i16]) -> Vec<u8> {
        let mut glyf = Vec::new();
        let mut loca = Vec::new();
        for &top in tops {
            loca.extend((glyf.len() as u32).to_be_bytes());
            // One contour, then xMin, yMin, xMax, yMax.
            for v in [1i16, 0, 0, 500, top] {
                glyf.extend(v.to_be_bytes());
            }
        }
        loca.extend((glyf.len() as u32).to_be_bytes());
        let mut head = vec![0u8; 54];
        head[18..20].copy_from_slice(&1000u16.to_be_bytes());
        head[50..52].copy_from_slice(&1u16.to_be_bytes());
        let tables: [(&[u8; 4], &[u8]); 3] = [(b"glyf", &glyf), (b"head", &head), (b"loca", &loca)];
        let mut out = vec![0u8; 12 + 16 * tables.len()];
        out[4..6].copy_from_slice(&(tables.len() as u16).to_be_bytes());
        for (i, (tag, bytes)) in tables.iter().enumerate() {
            let at = 12 + 16 * i;
            let offset = out.len() as u32;
            out[at..at + 4].copy_from_slice(*tag);
            out[at + 8..at + 12].copy_from_slice(&offset.to_be_bytes());
            out[at + 12..at + 16].copy_from_slice(&(bytes.len() as u32).to_be_bytes());
            out.extend(*bytes);
        }
        out
    }

    const LAM: char = '\u{0644}';
    const MEEM: char = '\u{0645}';

    #[test]
    fn a_lam_with_no_stem_is_a_stroke() {
        // Amiri's heights (in 1000ths of an em) as WeasyPrint embeds it.
        // Glyphs 0, 1 and 5 are forms of lam (714, 751, 690), glyph 2 the
        // stroke Amiri draws between lam and kaf (92), also mapped to lam;
        // glyphs 3, 4 and 6 meem, which Amiri draws from 64 (in a join)
        // to 675 high.
        let bytes = font(&[714, 751, 92, 64, 300, 690, 675]);
        let glyphs = Glyphs::read(&bytes).expect("a font");
        assert_eq!(glyphs.top(2), Some(0.092));
        let lam = [(0, LAM), (1, LAM), (2, LAM), (5, LAM)];
        let meem = [(3, MEEM), (4, MEEM), (6, MEEM)];
        let both: Vec<(u32, char)> = lam.iter().chain(&meem).copied().collect();
        assert_eq!(strokes(&both, &glyphs), [2]);
        // Two forms with a stem are too few to say the letter has one.
        assert!(strokes(&lam[..3], &glyphs).is_empty());
    }

    #[test]
    fn damaged_programs_say_nothing() {
        assert!(Glyphs::read(b"").is_none());
        assert!(Glyphs::read(&[0, 1, 0, 9, 0, 0]).is_none());
        let bytes = font(&[714]);
        let glyphs = Glyphs::read(&bytes).expect("a font");
        // Past the last glyph.
        assert_eq!(glyphs.top(5), None);
        // A table that runs past the end of the program.
        let mut cut = bytes.clone();
        cut.truncate(bytes.len() - 3);
        assert!(Glyphs::read(&cut).is_none_or(|g| g.top(0).is_none()));
    }
}
