//! Moving panes: by rows, to a byte offset, and synchronised scrolling of two documents
//! along their alignment (the engine's aligner, cached per pair in `aligned`).

use ratatui::layout::Rect;

use crate::engine::corpus::DocId;
use crate::reader::aligned::Counterpart;
use crate::reader::layout_cache::{Rows, row_of};
use crate::reader::state::{App, Pane};
use crate::reader::view::{areas, inner};

impl App {
    /// The text area of `pane`, or the area it would have when shown.
    pub(crate) fn pane_rect(&self, pane: Pane) -> Rect {
        let a = areas(self.view.size, self);
        a.panes[pane]
            .or(a.panes.iter().flatten().next().copied())
            .map(inner)
            .unwrap_or(Rect::new(
                0,
                0,
                self.view.size.width.saturating_sub(2),
                self.view.size.height.saturating_sub(4),
            ))
    }

    /// The pane's rows at its width and its height in rows (at least 1).
    fn pane_rows(&self, pane: Pane) -> Option<(Rows, usize)> {
        let r = self.pane_rect(pane);
        let doc = self.view.panes[pane].doc?;
        Some((
            self.rows(doc, r.width.max(1))?,
            usize::from(r.height).max(1),
        ))
    }

    /// The pane's height in rows.
    pub(crate) fn pane_height(&self, pane: Pane) -> usize {
        usize::from(self.pane_rect(pane).height).max(1)
    }

    /// Puts row `row` of `pane` at the top (clamped so the last row can reach the bottom).
    fn set_top_row(&mut self, pane: Pane, row: usize) {
        let Some((rows, height)) = self.pane_rows(pane) else {
            return;
        };
        let last = rows.len().saturating_sub(height);
        if let Some(start) = rows.get(row.min(last)).map(|r| r.start) {
            self.view.panes[pane].top = start;
        }
    }

    /// Scrolls `pane` by `delta` rows (and its partner, when synchronised).
    pub(crate) fn scroll_by(&mut self, pane: Pane, delta: isize) {
        let Some((rows, _)) = self.pane_rows(pane) else {
            return;
        };
        let (before, partner) = (self.view.panes[pane].top, self.view.panes[pane.other()]);
        let top = row_of(&rows, before);
        self.set_top_row(pane, top.saturating_add_signed(delta));
        // At the end of one pane the other stays; it never moves against the scroll.
        if self.view.panes[pane].top == before {
            return;
        }
        self.sync_from(pane);
        let other = &mut self.view.panes[pane.other()];
        if other.doc == partner.doc && (delta > 0) == (other.top < partner.top) {
            other.top = partner.top;
        }
    }

    /// Scrolls `pane` to its first or last screen.
    pub(crate) fn scroll_to_end(&mut self, pane: Pane, end: bool) {
        self.set_top_row(pane, if end { usize::MAX } else { 0 });
        self.sync_from(pane);
    }

    /// Scrolls `pane` so that byte `offset` stands a third of the way down.
    pub(crate) fn scroll_to_offset(&mut self, pane: Pane, offset: usize) {
        let Some((rows, height)) = self.pane_rows(pane) else {
            return;
        };
        self.set_top_row(pane, row_of(&rows, offset).saturating_sub(height / 3));
    }

    /// Shows document `doc` in `pane`, from the top.
    pub(crate) fn set_doc(&mut self, pane: Pane, doc: DocId) {
        let view = &mut self.view.panes[pane];
        if view.doc != Some(doc) {
            view.doc = Some(doc);
            view.top = 0;
        }
    }

    /// With sync on, moves the other pane to the counterpart of the passage at
    /// `pane`'s top (the reading line), as far into it as the reading line is into its
    /// passage; a passage without counterpart shows what follows the previous one's.
    pub(crate) fn sync_from(&mut self, pane: Pane) {
        let other = pane.other();
        let (Some(a), Some(b)) = (self.view.panes[pane].doc, self.view.panes[other].doc) else {
            return;
        };
        if !self.view.sync || a == b {
            return;
        }
        let top = self.view.panes[pane].top;
        let Some(target) = self.counterpart(a, top, b) else {
            return;
        };
        let (Some((rows_a, _)), Some((rows_b, height))) =
            (self.pane_rows(pane), self.pane_rows(other))
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
        self.set_top_row(other, row);
    }
}

/// The first row of byte range `r` and how many rows it spans (at least 1).
fn span_rows(rows: &[std::ops::Range<usize>], r: &std::ops::Range<usize>) -> (usize, usize) {
    let first = row_of(rows, r.start);
    let last = row_of(rows, r.end.saturating_sub(1).max(r.start));
    (first, last.saturating_sub(first) + 1)
}
