//! Moving panes: by rows, to a byte offset, and synchronised scrolling of two documents
//! aligned by the annotations they share.

use ratatui::layout::Rect;

use crate::engine::Corpus;
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

    /// With sync on, moves the other pane to the place in its document that corresponds
    /// to pane `i`'s top, interpolating between shared annotations.
    pub(crate) fn sync_from(&mut self, i: usize) {
        let j = 1 - i.min(1);
        let (Some(a), Some(b)) = (self.panes[i].doc, self.panes[j].doc) else {
            return;
        };
        if !self.sync || a == b {
            return;
        }
        let points = alignment(&self.corpus, a, b);
        if points.is_empty() {
            return;
        }
        let (Some((rows_a, _)), Some((rows_b, _))) = (self.pane_rows(i), self.pane_rows(j)) else {
            return;
        };
        let (Some(da), Some(db)) = (self.corpus.documents.get(a), self.corpus.documents.get(b))
        else {
            return;
        };
        // Position in A as a fractional line: line index plus the share of its rows above.
        let top = self.panes[i].top;
        let line = da.text.line_index(top);
        let (first, count) = line_rows(&rows_a, &da.text, line);
        let pos_a = line as f64 + (row_of(&rows_a, top) - first) as f64 / count as f64;
        let pos_b = interpolate(&points, pos_a).max(0.0);
        let line_b = (pos_b.floor() as usize).min(db.text.line_count().saturating_sub(1));
        let (first_b, count_b) = line_rows(&rows_b, &db.text, line_b);
        let frac = (pos_b - line_b as f64).clamp(0.0, 1.0);
        let row = first_b + ((frac * count_b as f64) as usize).min(count_b - 1);
        self.set_top_row(j, row);
    }
}

/// The first row of `line` and how many rows it has (at least 1).
fn line_rows(
    rows: &[std::ops::Range<usize>],
    text: &crate::engine::text::Text,
    line: usize,
) -> (usize, usize) {
    let range = text.line_range(line);
    let first = row_of(rows, range.start);
    let last = row_of(rows, range.end);
    (first, last.saturating_sub(first) + 1)
}

/// Pairs of 0-based lines (in `a`, in `b`) where an annotation stands in both documents,
/// increasing in both, from (0, 0) to the ends; empty when they share no annotation.
pub fn alignment(corpus: &Corpus, a: usize, b: usize) -> Vec<(usize, usize)> {
    let line_in = |ann: &crate::engine::Annotation, doc: usize| {
        ann.quotes.iter().find_map(|q| {
            q.anchor
                .as_ref()
                .ok()
                .filter(|x| x.doc == doc)
                .map(|x| x.line - 1)
        })
    };
    let mut shared: Vec<(usize, usize)> = corpus
        .annotations
        .iter()
        .filter_map(|ann| Some((line_in(ann, a)?, line_in(ann, b)?)))
        .collect();
    if shared.is_empty() {
        return shared;
    }
    shared.sort_unstable();
    let mut points = vec![(0, 0)];
    let ends = [(
        corpus.documents.get(a).map_or(0, |d| d.text.line_count()),
        corpus.documents.get(b).map_or(0, |d| d.text.line_count()),
    )];
    for p in shared.into_iter().chain(ends) {
        if let Some(last) = points.last()
            && p.0 > last.0
            && p.1 > last.1
        {
            points.push(p);
        }
    }
    points
}

/// Maps a position in A to one in B, linearly between alignment points.
fn interpolate(points: &[(usize, usize)], pos: f64) -> f64 {
    let k = points.partition_point(|p| (p.0 as f64) <= pos);
    match (k.checked_sub(1).and_then(|k| points.get(k)), points.get(k)) {
        (Some(&(a0, b0)), Some(&(a1, b1))) => {
            b0 as f64 + (pos - a0 as f64) * (b1 - b0) as f64 / (a1 - a0) as f64
        }
        (Some(&(a0, b0)), None) => b0 as f64 + (pos - a0 as f64),
        _ => pos,
    }
}

#[cfg(test)]
mod tests {
    use super::interpolate;

    #[test]
    fn interpolates_between_points_and_runs_on_after_the_last() {
        let pts = [(0, 0), (10, 4), (20, 24)];
        assert_eq!(interpolate(&pts, 5.0), 2.0);
        assert_eq!(interpolate(&pts, 15.0), 14.0);
        assert_eq!(interpolate(&pts, 22.0), 26.0);
    }
}
