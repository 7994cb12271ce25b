//! Footnotes in the reader: moving from marker to marker (`f`, `F`), the
//! popup that shows a note below (or above) its marker and scrolls when the
//! note is long, going from the popup to the note in the notes list, and a
//! click on a marker.

use super::action::Action;
use super::flow::FlowRow;
use super::state::App;
use super::view::{Overlay, Popup, PreparedPopup, View};
use crate::layout::layout_paragraph;

impl App {
    /// Select marker `m` and open its note.
    pub(super) fn open_popup(&mut self, m: usize) {
        self.selected_marker = Some(m);
        self.popup = Some(Popup {
            marker: m,
            scroll: 0,
        });
    }

    /// Select the next (or previous) footnote marker from the current one,
    /// or from the top of the view; scroll to it and open its note.
    pub(super) fn move_marker(&mut self, forward: bool) {
        let markers = &self.flow.markers;
        if markers.is_empty() {
            self.message = Some("this document has no footnotes".into());
            return;
        }
        let top = self.flow.anchor();
        let at = |m: &super::flow::FlowMarker| super::flow::Anchor {
            item: m.item,
            byte: m.range.start,
        };
        let target = match (self.selected_marker, forward) {
            (Some(m), true) => (m + 1 < markers.len()).then_some(m + 1),
            (Some(m), false) => m.checked_sub(1),
            (None, true) => markers.iter().position(|mk| at(mk) >= top),
            (None, false) => markers.iter().rposition(|mk| at(mk) < top),
        };
        let Some(m) = target else {
            self.message = Some(
                if forward {
                    "no more footnotes below"
                } else {
                    "no more footnotes above"
                }
                .into(),
            );
            return;
        };
        self.open_popup(m);
        let marker = &self.flow.markers[m];
        let (item, start) = (marker.item, marker.range.start);
        let rows = self.rows();
        self.flow.reveal(item, start, rows);
    }

    /// Scroll the popup of marker `marker` so that byte `byte` of its text
    /// shows on its second row (once laid out).
    pub(super) fn scroll_popup_to(&mut self, marker: usize, byte: usize) {
        self.prepare();
        if let Some(p) = &self.prepared.popup {
            let row = p
                .laid
                .rows
                .iter()
                .position(|r| {
                    p.laid.cells[r.cells.clone()]
                        .iter()
                        .any(|c| c.range().contains(&byte))
                })
                .unwrap_or(0);
            self.popup = Some(Popup {
                marker,
                scroll: row.saturating_sub(1),
            });
        }
    }

    /// Keys while a popup is open; false when the key is not the popup's
    /// (the popup then closes and the view takes the key).
    pub(super) fn update_popup(&mut self, action: Action, popup: Popup) -> bool {
        let page = self
            .prepared
            .popup
            .as_ref()
            .map_or(1, |p| usize::from(p.rect.3.saturating_sub(2)).max(1));
        let max_scroll = self
            .prepared
            .popup
            .as_ref()
            .map_or(0, |p| p.laid.rows.len().saturating_sub(page));
        let mut set_scroll = |s: usize| {
            self.popup = Some(Popup {
                scroll: s.min(max_scroll),
                ..popup
            });
        };
        match action {
            Action::LineDown => set_scroll(popup.scroll + 1),
            Action::LineUp => set_scroll(popup.scroll.saturating_sub(1)),
            Action::PageDown | Action::HalfPageDown => set_scroll(popup.scroll + page),
            Action::PageUp | Action::HalfPageUp => set_scroll(popup.scroll.saturating_sub(page)),
            Action::NextFootnote => self.move_marker(true),
            Action::PrevFootnote => self.move_marker(false),
            Action::Activate => {
                let note = self.flow.markers[popup.marker].note;
                match note.and_then(|n| self.flow.note_items.get(n).copied()) {
                    Some(item) => {
                        self.push_jump();
                        self.popup = None;
                        let rows = self.rows();
                        self.flow.goto_item(item, rows);
                    }
                    None => self.message = Some("this note's text is missing".into()),
                }
            }
            Action::Close | Action::Quit => self.popup = None,
            _ => {
                self.popup = None;
                return false;
            }
        }
        true
    }

    /// A click at a screen cell: a footnote marker there opens its note.
    pub(super) fn click(&mut self, x: u16, y: u16) {
        if self.view != View::Reader || self.overlay != Overlay::None {
            return;
        }
        let Some(FlowRow::Text { item, row }) = self.prepared.rows.get(usize::from(y)).copied()
        else {
            return;
        };
        let Some(laid) = self.flow.laid(item) else {
            return;
        };
        let mut cx = usize::from(self.geometry.column_x) + laid.rows[row].indent;
        for cell in laid.row_cells(row) {
            let w = usize::from(cell.width);
            if (cx..cx + w).contains(&usize::from(x)) {
                let hit = self
                    .flow
                    .markers
                    .iter()
                    .position(|m| m.item == item && m.range.contains(&(cell.start as usize)));
                if let Some(m) = hit {
                    self.open_popup(m);
                }
                return;
            }
            cx += w;
        }
    }

    /// Lay out the popup's note and place it: below its marker if it fits
    /// (or there is more room below), else above; never over its row.
    pub(super) fn prepare_popup(&self, popup: Popup) -> Option<PreparedPopup> {
        let g = self.geometry;
        if g.width < 8 || g.text_rows < 4 {
            return None;
        }
        let marker = self.flow.markers.get(popup.marker)?;
        let (text, missing, label) = match marker.note.and_then(|n| self.doc.notes.get(n)) {
            Some(note) => (
                note.blocks
                    .iter()
                    .map(|b| b.flat().text)
                    .collect::<Vec<_>>()
                    .join(" "),
                false,
                note.label.clone(),
            ),
            None => (
                "The text of this note is missing from the document.".to_string(),
                true,
                self.flow.text(marker.item)[marker.range.clone()].to_string(),
            ),
        };
        let total = self.flow.markers.len();
        // The marker as shown; the label as printed when it differs (two
        // notes printed alike are shown by their number).
        let shown = &self.flow.text(marker.item)[marker.range.clone()];
        let label = if missing || crate::document::model::marker_label(&label) == shown {
            label
        } else {
            format!("{shown} printed {label}")
        };
        let title = format!(" {} \u{2014} {} of {} ", label, popup.marker + 1, total);
        let hits = marker.note.map_or_else(Vec::new, |n| self.popup_hits(n));
        let width = usize::from(g.column_width)
            .clamp(10, 70)
            .min(usize::from(g.width).saturating_sub(2))
            .max(4);
        let inner = width.saturating_sub(4).max(1);
        let laid = layout_paragraph(&text, &self.layout_options(inner as u16), &[]);
        let marker_row = self
            .flow
            .marker_row(popup.marker, &self.prepared.rows)
            .unwrap_or(0);
        let rows = usize::from(g.text_rows);
        let want = laid.rows.len() + 2;
        let below = rows.saturating_sub(marker_row + 1);
        let above = marker_row;
        let (y, height) = if want <= below || below >= above {
            (marker_row + 1, want.min(below))
        } else {
            let h = want.min(above);
            (marker_row - h, h)
        };
        if height < 3 {
            return None;
        }
        let x = usize::from(g.width).saturating_sub(width) / 2;
        Some(PreparedPopup {
            text,
            laid,
            title,
            rect: (x as u16, y as u16, width as u16, height as u16),
            missing,
            hits,
        })
    }

    /// The search matches inside note `note`, as byte ranges of its popup
    /// text.
    fn popup_hits(&self, note: usize) -> Vec<(std::ops::Range<usize>, bool)> {
        let Some(&first) = self.flow.note_items.get(note) else {
            return Vec::new();
        };
        let items = (first..self.flow.items.len())
            .take_while(|&i| self.flow.items[i].kind == super::flow::ItemKind::Note(note));
        items
            .flat_map(|item| {
                self.matches_in(item).into_iter().map(move |(r, current)| {
                    let start = self.byte_in_popup(note, item, r.start);
                    let end = self.byte_in_popup(note, item, r.end);
                    (start..end, current)
                })
            })
            .filter(|(r, _)| !r.is_empty())
            .collect()
    }
}
