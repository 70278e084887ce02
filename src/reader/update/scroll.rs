//! Moving panes: by rows, to a byte offset, and synchronised scrolling of two documents
//! along their alignment (the engine's aligner, cached per pair in `aligned`).

use ratatui::layout::Rect;

use crate::engine::corpus::DocId;
use crate::reader::aligned::Counterpart;
use crate::reader::layout::{LaidOut, RowId};
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

    /// The pane's layout at its width and its height in rows (at least 1).
    pub(crate) fn pane_layout(&self, pane: Pane) -> Option<(LaidOut<'_>, usize)> {
        let r = self.pane_rect(pane);
        let doc = self.view.panes[pane].doc?;
        Some((
            self.layout(doc, r.width.max(1))?,
            usize::from(r.height).max(1),
        ))
    }

    /// The pane's height in rows.
    pub(crate) fn pane_height(&self, pane: Pane) -> usize {
        usize::from(self.pane_rect(pane).height).max(1)
    }

    /// Puts the row `to` picks (from the pane's layout and height) at the top, clamped
    /// so the last row can reach the bottom.
    fn set_top(&mut self, pane: Pane, to: impl FnOnce(&LaidOut<'_>, usize) -> RowId) {
        let Some((laid, height)) = self.pane_layout(pane) else {
            return;
        };
        let top = to(&laid, height);
        // The end is looked for only when it is near: a huge line is not wrapped to its end.
        let top = if laid.reaches(top, height - 1) {
            top
        } else {
            laid.last_top(height)
        };
        let start = laid.row(top).start;
        self.view.panes[pane].top = start;
    }

    /// Scrolls `pane` by `delta` rows (and its partner, when synchronised).
    pub(crate) fn scroll_by(&mut self, pane: Pane, delta: isize) {
        let (before, partner) = (self.view.panes[pane].top, self.view.panes[pane.other()]);
        self.set_top(pane, |laid, _| laid.step(laid.at(before), delta));
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
        self.set_top(pane, |laid, height| {
            if end {
                laid.last_top(height)
            } else {
                laid.first()
            }
        });
        self.sync_from(pane);
    }

    /// Scrolls `pane` so that byte `offset` stands a third of the way down.
    pub(crate) fn scroll_to_offset(&mut self, pane: Pane, offset: usize) {
        self.set_top(pane, |laid, height| {
            let third = isize::try_from(height / 3).unwrap_or(0);
            laid.step(laid.at(offset), -third)
        });
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
        let (Some((a, _)), Some((b, height))) = (self.pane_layout(pane), self.pane_layout(other))
        else {
            return;
        };
        let row = match target {
            Counterpart::Passage { from, to } => {
                // As far into the counterpart as the top row is into its passage, keeping
                // a third of the pane of it in view.
                let (first_a, count_a) = span_rows(&a, &from);
                let into = a.between(first_a, a.at(top));
                let (first_b, count_b) = span_rows(&b, &to);
                let share = into as f64 / count_a as f64;
                let keep = count_b.min((height / 3).max(2));
                let k = ((share * count_b as f64) as usize).min(count_b - keep);
                b.step(first_b, isize::try_from(k).unwrap_or(isize::MAX))
            }
            Counterpart::None { after: Some(prev) } => {
                let (first, count) = span_rows(&b, &prev);
                b.step(first, isize::try_from(count - 1).unwrap_or(isize::MAX))
            }
            Counterpart::None { after: None } => b.first(),
        };
        self.set_top(other, |_, _| row);
    }
}

/// The first row of byte range `r` and how many rows it spans (at least 1).
fn span_rows(laid: &LaidOut<'_>, r: &std::ops::Range<usize>) -> (RowId, usize) {
    let first = laid.at(r.start);
    let last = laid.at(r.end.saturating_sub(1).max(r.start));
    (first, laid.between(first, last) + 1)
}
