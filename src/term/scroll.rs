//! Telling the painter that the text has only scrolled, so it can have the
//! terminal move its rows instead of writing them again. The caller names
//! each text row of a frame by something comparable (the reader uses its
//! flow rows); comparing the names of two frames finds the shift.

/// The text rows at the top of the screen, `0..rows`, moved by `lines`
/// since the last frame: up when positive (reading on), down when
/// negative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScrollHint {
    pub rows: u16,
    pub lines: isize,
}

/// Rows scrolled between two frames: positive when the text moved up
/// (scrolling down the document). `None` when nothing moved or the two
/// have no run of rows in common.
pub fn scroll_delta<T: PartialEq>(old: &[T], new: &[T]) -> Option<isize> {
    let n = old.len().min(new.len());
    if n < 2 || old == new {
        return None;
    }
    for k in 1..n {
        if old[k..n] == new[..n - k] {
            return Some(k as isize);
        }
        if new[k..n] == old[..n - k] {
            return Some(-(k as isize));
        }
    }
    None
}

/// Remembers the rows of the last frame to give the next one its hint.
#[derive(Debug)]
pub struct RowTracker<T> {
    last: Option<Vec<T>>,
}

impl<T> Default for RowTracker<T> {
    fn default() -> Self {
        RowTracker { last: None }
    }
}

impl<T: PartialEq + Clone> RowTracker<T> {
    /// The hint for a frame whose scrolling text rows (the first
    /// `text_rows` rows of the screen) are named by `rows`; `None` for a
    /// frame that is not plain scrolling text (an overlay, a popup), which
    /// also gives the frame after it no hint.
    pub fn hint(&mut self, rows: Option<&[T]>, text_rows: u16) -> Option<ScrollHint> {
        let hint = match (&self.last, rows) {
            (Some(old), Some(new)) => scroll_delta(old, new).map(|lines| ScrollHint {
                rows: text_rows,
                lines,
            }),
            _ => None,
        };
        self.last = rows.map(<[T]>::to_vec);
        hint
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape of the reader's flow rows: text rows of items and gaps.
    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Row {
        Text { item: usize, row: usize },
        Gap,
    }

    fn t(item: usize, row: usize) -> Row {
        Row::Text { item, row }
    }

    #[test]
    fn deltas() {
        let a = vec![t(0, 0), t(0, 1), Row::Gap, t(1, 0)];
        let b = vec![t(0, 1), Row::Gap, t(1, 0), t(1, 1)];
        assert_eq!(scroll_delta(&a, &b), Some(1));
        assert_eq!(scroll_delta(&b, &a), Some(-1));
        assert_eq!(scroll_delta(&a, &a), None);
        assert_eq!(
            scroll_delta(&a, &[t(5, 0), t(5, 1), t(5, 2), t(5, 3)]),
            None
        );
    }

    #[test]
    fn a_frame_without_rows_breaks_the_chain() {
        let mut tracker = RowTracker::default();
        assert_eq!(tracker.hint(Some(&[1, 2, 3, 4][..]), 4), None);
        assert_eq!(
            tracker.hint(Some(&[3, 4, 5, 6][..]), 4),
            Some(ScrollHint { rows: 4, lines: 2 })
        );
        assert_eq!(tracker.hint(None, 4), None);
        // After an overlay, the next frame is drawn from scratch.
        assert_eq!(tracker.hint(Some(&[4, 5, 6, 7][..]), 4), None);
    }
}
