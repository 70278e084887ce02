//! Moving panes: by rows, to a byte offset, and synchronised scrolling of two documents
//! along their alignment (the engine's aligner, cached per pair in `aligned`).

use ratatui::layout::Rect;

use crate::reader::aligned::Counterpart;
use crate::reader::layout_cache::{Rows, row_of};
use crate::reader::state::App;
use crate::reader::view::{areas, inner};

impl App {
    /// The text area of pane `i`, or the area it would have when shown.
    pub(crate) fn pane_rect(&self, i: usize) -> Rect {
        let a = areas(self.size, self);
        a.panes
            .get(i)
            .copied()
            .flatten()
            .or(a.panes.iter().flatten().next().copied())
            .map(inner)
            .unwrap_or(Rect::new(
                0,
                0,
                self.size.width.saturating_sub(2),
                self.size.height.saturating_sub(4),
            ))
    }

    /// Pane `i`'s rows at its width and its height in rows (at least 1).
    fn pane_rows(&self, i: usize) -> Option<(Rows, usize)> {
        let r = self.pane_rect(i);
        let doc = self.panes.get(i)?.doc?;
        Some((
            self.rows(doc, r.width.max(1))?,
            usize::from(r.height).max(1),
        ))
    }

    /// Pane `i`'s height in rows.
    pub(crate) fn pane_height(&self, i: usize) -> usize {
        usize::from(self.pane_rect(i).height).max(1)
    }

    /// Puts row `row` of pane `i` at the top (clamped so the last row can reach the bottom).
    fn set_top_row(&mut self, i: usize, row: usize) {
        let Some((rows, height)) = self.pane_rows(i) else {
            return;
        };
        let last = rows.len().saturating_sub(height);
        if let (Some(start), Some(pane)) = (
            rows.get(row.min(last)).map(|r| r.start),
            self.panes.get_mut(i),
        ) {
            pane.top = start;
        }
    }

    /// Scrolls pane `i` by `delta` rows (and its partner, when synchronised).
    pub(crate) fn scroll_by(&mut self, i: usize, delta: isize) {
        let Some((rows, _)) = self.pane_rows(i) else {
            return;
        };
        let (before, partner) = (self.panes[i].top, self.panes[1 - i.min(1)]);
        let top = row_of(&rows, before);
        self.set_top_row(i, top.saturating_add_signed(delta));
        // At the end of one pane the other stays; it never moves against the scroll.
        if self.panes[i].top == before {
            return;
        }
        self.sync_from(i);
        let other = &mut self.panes[1 - i.min(1)];
        if other.doc == partner.doc && (delta > 0) == (other.top < partner.top) {
            other.top = partner.top;
        }
    }

    /// Scrolls pane `i` to its first or last screen.
    pub(crate) fn scroll_to_end(&mut self, i: usize, end: bool) {
        self.set_top_row(i, if end { usize::MAX } else { 0 });
        self.sync_from(i);
    }

    /// Scrolls pane `i` so that byte `offset` stands a third of the way down.
    pub(crate) fn scroll_to_offset(&mut self, i: usize, offset: usize) {
        let Some((rows, height)) = self.pane_rows(i) else {
            return;
        };
        self.set_top_row(i, row_of(&rows, offset).saturating_sub(height / 3));
    }

    /// Shows document `doc` in pane `i`, from the top.
    pub(crate) fn set_doc(&mut self, i: usize, doc: usize) {
        if let Some(pane) = self.panes.get_mut(i)
            && pane.doc != Some(doc)
        {
            pane.doc = Some(doc);
            pane.top = 0;
        }
    }

    /// With sync on, moves the other pane to the counterpart of the passage at pane
    /// `i`'s top (the reading line), as far into it as the reading line is into its
    /// passage; a passage without counterpart shows what follows the previous one's.
    pub(crate) fn sync_from(&mut self, i: usize) {
        let j = 1 - i.min(1);
        let (Some(a), Some(b)) = (self.panes[i].doc, self.panes[j].doc) else {
            return;
        };
        if !self.sync || a == b {
            return;
        }
        let top = self.panes[i].top;
        let Some(target) = self.counterpart(a, top, b) else {
            return;
        };
        let (Some((rows_a, _)), Some((rows_b, height))) = (self.pane_rows(i), self.pane_rows(j))
        else {
            return;
        };
        let row = match target {
            Counterpart::Passage { from, to } => {
                // As far into the counterpart as the top row is into its passage, keeping
                // a third of the pane of it in view.
                let (first_a, count_a) = span_rows(&rows_a, &from);
                let into = row_of(&rows_a, top).saturating_sub(first_a);
                let (first_b, count_b) = span_rows(&rows_b, &to);
                let share = into as f64 / count_a as f64;
                let keep = count_b.min((height / 3).max(2));
                first_b + ((share * count_b as f64) as usize).min(count_b - keep)
            }
            Counterpart::None { after: Some(prev) } => {
                let (first, count) = span_rows(&rows_b, &prev);
                first + count - 1
            }
            Counterpart::None { after: None } => 0,
        };
        self.set_top_row(j, row);
    }
}

/// The first row of byte range `r` and how many rows it spans (at least 1).
fn span_rows(rows: &[std::ops::Range<usize>], r: &std::ops::Range<usize>) -> (usize, usize) {
    let first = row_of(rows, r.start);
    let last = row_of(rows, r.end.saturating_sub(1).max(r.start));
    (first, last.saturating_sub(first) + 1)
}
