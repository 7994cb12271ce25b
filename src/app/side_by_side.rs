//! The side-by-side view's answers to keys (scrolling one pane or both,
//! switching the focus, linking, the whole Arabic text) and the layout of
//! its two panes, made again only when their widths or texts change.

use super::action::Action;
use super::parallel::{Pane, PaneRow, ParallelLayout, ParallelText};
use super::state::App;
use super::view::{panes_stacked, Overlay, Parallel, View};

/// The text width of each pane on a screen `width` columns wide: a pane's
/// width less its borders and a space each side.
fn pane_text_widths(width: u16) -> [usize; 2] {
    let width = usize::from(width);
    if panes_stacked(width as u16) {
        [width.saturating_sub(4).max(1); 2]
    } else {
        let half = width / 2;
        [
            half.saturating_sub(4).max(1),
            width.saturating_sub(half).saturating_sub(4).max(1),
        ]
    }
}

impl App {
    /// Rows of text in each pane.
    fn pane_rows(&self) -> usize {
        let rows = self.rows();
        if panes_stacked(self.geometry.width) {
            rows.saturating_sub(2) / 2
        } else {
            rows.saturating_sub(1)
        }
    }

    /// Where the focused pane stands: the share of its rows above its top,
    /// and whether its end is on screen (then 100).
    pub fn parallel_place(&self, p: Parallel) -> Option<(usize, bool)> {
        let (_, layout) = self.prepared.parallel.as_ref()?;
        let i = p.focus.index();
        let last_top = layout.rows[i].len().saturating_sub(self.pane_rows());
        let top = p.offsets[i];
        Some(if top >= last_top {
            (100, true)
        } else {
            (top * 100 / last_top.max(1), false)
        })
    }

    pub(super) fn update_parallel(&mut self, action: Action, mut p: Parallel) {
        let pane_rows = self.pane_rows();
        let lengths = self
            .prepared
            .parallel
            .as_ref()
            .map_or([0, 0], |(_, l)| [l.rows[0].len(), l.rows[1].len()]);
        let max = lengths.map(|n| n.saturating_sub(pane_rows));
        let page = pane_rows.max(2) as isize - 1;
        let half = (pane_rows / 2).max(1) as isize;
        match action {
            Action::LineDown => scroll(&mut p, 1, max),
            Action::LineUp => scroll(&mut p, -1, max),
            Action::PageDown => scroll(&mut p, page, max),
            Action::PageUp => scroll(&mut p, -page, max),
            Action::HalfPageDown => scroll(&mut p, half, max),
            Action::HalfPageUp => scroll(&mut p, -half, max),
            Action::Top => p.offsets = [0, 0],
            Action::Bottom => scroll(&mut p, isize::MAX / 4, max),
            Action::SwitchPane => {
                p.focus = match p.focus {
                    Pane::Left => Pane::Right,
                    Pane::Right => Pane::Left,
                }
            }
            Action::ToggleLinkedScroll => {
                p.linked = !p.linked;
                if p.linked {
                    let o = p.offsets[p.focus.index()];
                    p.offsets = [o, o];
                }
                let said = if p.linked {
                    "scrolling linked"
                } else {
                    "scrolling unlinked"
                };
                self.message = Some(said.into());
            }
            Action::ToggleArabicWhole => {
                p.whole_arabic = !p.whole_arabic;
                p.offsets = [0, 0];
            }
            Action::Close | Action::Quit | Action::SideBySide => {
                self.view = View::Reader;
                return;
            }
            Action::Help => self.overlay = Overlay::Help { scroll: 0 },
            Action::QuitNow => self.quit(),
            other => {
                // Footnotes, contents, search, marks… belong to the
                // reading view: say so rather than do nothing.
                self.message = Some(format!(
                    "{}: in the reading view only (s goes back)",
                    self.keymap.key_names(other)
                ));
            }
        }
        self.view = View::Parallel(p);
    }

    /// Lay out both panes, unless what is laid out is still right.
    pub(super) fn prepare_parallel(&mut self, p: Parallel) {
        let widths = pane_text_widths(self.geometry.width);
        let key = (p.whole_arabic, widths);
        if self.parallel_key == Some(key) && self.prepared.parallel.is_some() {
            return;
        }
        let text = ParallelText::new(&self.doc, p.whole_arabic);
        let layout = ParallelLayout::new(&text, widths, self.layout_options(80));
        // A new width (same text): each pane keeps the paragraph at its top.
        let same_text = self
            .parallel_key
            .is_some_and(|(whole, _)| whole == p.whole_arabic);
        let mut p = p;
        if let (true, Some((_, old))) = (same_text, &self.prepared.parallel) {
            for pane in 0..2 {
                p.offsets[pane] =
                    same_paragraph(&old.rows[pane], &layout.rows[pane], p.offsets[pane]);
            }
        }
        let pane_rows = self.pane_rows();
        for pane in 0..2 {
            let last_top = layout.rows[pane].len().saturating_sub(pane_rows);
            p.offsets[pane] = p.offsets[pane].min(last_top);
        }
        self.view = View::Parallel(p);
        self.prepared.parallel = Some((text, layout));
        self.parallel_key = Some(key);
    }
}

/// The row of `new` where the paragraph at row `top` of `old` starts.
fn same_paragraph(old: &[PaneRow], new: &[PaneRow], top: usize) -> usize {
    let para = old[top.min(old.len().saturating_sub(1))..]
        .iter()
        .find_map(|r| match r {
            PaneRow::Text { para, .. } => Some(*para),
            PaneRow::Blank => None,
        });
    para.and_then(|para| {
        new.iter()
            .position(|r| matches!(r, PaneRow::Text { para: q, row: 0 } if *q == para))
    })
    .unwrap_or(0)
}

/// Scroll the focused pane (both when linked) by `delta` rows, within
/// `max`, the last top row of each pane; linked panes go as far as the
/// longer one.
fn scroll(p: &mut Parallel, delta: isize, max: [usize; 2]) {
    let panes: &[usize] = match (p.linked, p.focus) {
        (true, _) => &[0, 1],
        (false, Pane::Left) => &[0],
        (false, Pane::Right) => &[1],
    };
    for &i in panes {
        let limit = max[i].max(if p.linked { max[0].max(max[1]) } else { 0 });
        let target = p.offsets[i] as isize + delta;
        p.offsets[i] = target.clamp(0, limit as isize) as usize;
    }
}
