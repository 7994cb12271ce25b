//! Two-column pages: a gutter is a vertical band in the middle of the page
//! that most lines leave empty while many lines stand on each side of it. Lines that cross it
//! (titles, running heads) stay whole; the others are cut in two, and
//! between two whole lines the first column (the right one on a
//! right-to-left document) is read before the second. A document's
//! columns stand in the same place on every page: a gutter an earlier page
//! showed, when it lies inside this page's empty band, is the gutter here
//! (a last page whose short column ends ragged leaves a band wider than
//! its gutter, whose middle would fall inside that column), and it stands
//! on a page with too few lines in one column to show a gutter of its own
//! when few of the page's lines cross its middle.

use super::interpret::Glyph;
use super::lines::Group;
use super::order::is_rtl;

/// Letters of the two directions among `glyphs`: (right to left, Latin).
pub fn letters(glyphs: &[Glyph]) -> (usize, usize) {
    let chars = || glyphs.iter().flat_map(|g| g.text.chars());
    (
        chars().filter(|&c| is_rtl(c)).count(),
        chars().filter(char::is_ascii_alphabetic).count(),
    )
}

/// Gutters earlier pages of the document showed, the latest first.
#[derive(Default)]
pub struct Gutters(Vec<(f32, f32)>);

/// Earlier gutters kept at most: a document has one or two (odd and even
/// pages), a hostile one no more room than this.
const KEPT: usize = 4;

impl Gutters {
    /// The page's gutter: its empty band, or an earlier page's gutter that
    /// lies inside the band; remembered for the pages after it.
    pub fn find(&mut self, glyphs: &[Glyph], groups: &[Group]) -> Option<(f32, f32)> {
        let Some((left, right)) = gutter(glyphs, groups) else {
            // A page whose second column holds a few lines (the essay
            // ends early in it) shows no gutter of its own; an earlier
            // page's still stands when its middle is clear here.
            return self.0.iter().copied().find(|&g| clear(glyphs, groups, g));
        };
        let inside = |&&(l, r): &&(f32, f32)| l >= left - 1.0 && r <= right + 1.0;
        let found = self.0.iter().find(inside).copied().unwrap_or((left, right));
        self.0.retain(|&g| g != found);
        self.0.insert(0, found);
        self.0.truncate(KEPT);
        Some(found)
    }
}

/// The gutter of the page, `(left, right)`, if it has one.
fn gutter(glyphs: &[Glyph], groups: &[Group]) -> Option<(f32, f32)> {
    if groups.len() < 6 {
        return None;
    }
    let (lo, hi) = glyphs.iter().fold((f32::MAX, f32::MIN), |(lo, hi), g| {
        (lo.min(g.x), hi.max(g.x + g.width))
    });
    let width = hi - lo;
    if !(width > 50.0 && width < 5000.0) {
        return None;
    }
    let bins = width.ceil() as usize + 1;
    // For each point across the page, how many lines cover it.
    let mut cover = vec![0u32; bins];
    for group in groups {
        let mut row = vec![false; bins];
        for &i in &group.glyphs {
            let g = &glyphs[i];
            let a = ((g.x - lo).max(0.0) as usize).min(bins - 1);
            let b = ((g.x + g.width - lo).max(0.0) as usize).min(bins - 1);
            row[a..=b].iter_mut().for_each(|c| *c = true);
        }
        for (c, &r) in cover.iter_mut().zip(&row) {
            *c += u32::from(r);
        }
    }
    // A quarter: a title block and notes across the foot of the page (as
    // WeasyPrint sets them over two columns) cross it; a page of one
    // column crosses it in most of its lines.
    let few = (groups.len() as u32 * 25).div_ceil(100);
    // The widest band of few lines in the middle half of the page.
    let (start, end) = (bins / 4, bins * 3 / 4);
    let mut best: Option<(usize, usize)> = None;
    let mut i = start;
    while i < end {
        if cover[i] <= few {
            let j = (i..end).find(|&j| cover[j] > few).unwrap_or(end);
            if best.is_none_or(|(a, b)| j - i > b - a) {
                best = Some((i, j));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    let (a, b) = best?;
    if b - a < 6 {
        return None;
    }
    let (left, right) = (lo + a as f32, lo + b as f32);
    // Many lines on each side of it.
    let side = |left_side: bool| {
        groups
            .iter()
            .filter(|g| {
                g.glyphs.iter().any(|&i| {
                    let x = &glyphs[i];
                    if left_side {
                        x.x + x.width <= left
                    } else {
                        x.x >= right
                    }
                })
            })
            .count()
    };
    let enough = |n: usize| n * 4 >= groups.len();
    (enough(side(true)) && enough(side(false))).then_some((left, right))
}

/// Whether an earlier page's gutter stands on this page: few lines cross
/// its middle and at least two stand on each side of it.
fn clear(glyphs: &[Glyph], groups: &[Group], (left, right): (f32, f32)) -> bool {
    if groups.len() < 6 {
        return false;
    }
    let middle = (left + right) / 2.0;
    let inked = |i: &usize| !glyphs[*i].text.trim().is_empty();
    let (mut crossing, mut on_left, mut on_right) = (0, 0, 0);
    for group in groups {
        let mut ink = group
            .glyphs
            .iter()
            .filter(|i| inked(i))
            .map(|&i| &glyphs[i]);
        let (lo, hi) = ink.by_ref().fold((f32::MAX, f32::MIN), |(lo, hi), g| {
            (lo.min(g.x), hi.max(g.x + g.width))
        });
        if lo > hi {
            continue;
        }
        let covers = group.glyphs.iter().filter(|i| inked(i)).any(|&i| {
            let g = &glyphs[i];
            g.x < middle + 1.0 && g.x + g.width > middle - 1.0
        });
        crossing += usize::from(covers);
        on_left += usize::from(lo < left);
        on_right += usize::from(hi > right);
    }
    crossing * 100 <= groups.len() * 15 && on_left >= 2 && on_right >= 2
}

/// The page's line groups in reading order, cut at the gutter.
/// `rtl_page`: the right column is read first.
pub fn split(
    glyphs: &[Glyph],
    groups: Vec<Group>,
    (left, right): (f32, f32),
    rtl_page: bool,
) -> Vec<Group> {
    let lo = glyphs.iter().map(|g| g.x).fold(f32::MAX, f32::min);
    let hi = glyphs
        .iter()
        .map(|g| g.x + g.width)
        .fold(f32::MIN, f32::max);
    let mut out = Vec::with_capacity(groups.len() * 2);
    let (mut first, mut second): (Vec<Group>, Vec<Group>) = (Vec::new(), Vec::new());
    for group in groups {
        // A line crosses when a glyph (not a space) covers the middle of
        // the gutter: a column's ragged edge may reach into the band.
        let middle = (left + right) / 2.0;
        let crosses = group.glyphs.iter().any(|&i| {
            let g = &glyphs[i];
            !g.text.trim().is_empty() && g.x < middle + 1.0 && g.x + g.width > middle - 1.0
        });
        if crosses {
            out.append(&mut first);
            out.append(&mut second);
            out.push(group);
            continue;
        }
        let (l, r): (Vec<usize>, Vec<usize>) = group
            .glyphs
            .iter()
            .partition(|&&i| glyphs[i].x + glyphs[i].width / 2.0 <= (left + right) / 2.0);
        let make = |members: Vec<usize>, column| Group {
            glyphs: members,
            y: group.y,
            size: group.size,
            column: Some(column),
        };
        let (left_part, right_part) = (make(l, (lo, left)), make(r, (right, hi)));
        let (a, b) = if rtl_page {
            (right_part, left_part)
        } else {
            (left_part, right_part)
        };
        if !a.glyphs.is_empty() {
            first.push(a);
        }
        if !b.glyphs.is_empty() {
            second.push(b);
        }
    }
    out.append(&mut first);
    out.append(&mut second);
    out
}
