//! Panes that stay put: full after a resize (the end of a document never leaves empty
//! rows below it), and documents that keep their side, whichever way the reader arrived.

use crate::reader::layout_cache::row_of;
use crate::reader::state::App;

impl App {
    /// Moves each pane up as far as needed for its last row to reach the bottom: what a
    /// wider or taller terminal needs when the end of a document was in view.
    pub(crate) fn keep_panes_full(&mut self) {
        for i in 0..2 {
            let r = self.pane_rect(i);
            let Some(rows) = self.panes[i].doc.and_then(|d| self.rows(d, r.width.max(1))) else {
                continue;
            };
            let last = rows.len().saturating_sub(usize::from(r.height).max(1));
            if row_of(&rows, self.panes[i].top) > last
                && let Some(row) = rows.get(last)
            {
                self.panes[i].top = row.start;
            }
        }
    }

    /// The panes for documents `first` and `second` (the second may be absent), decided
    /// by the documents alone, never by the way the reader arrived: each language of the
    /// corpus's first parallel pair keeps its side (Vietnamese left, Indonesian right in
    /// the built-in corpus); two documents of one language stand in the order the
    /// briefs declare them. A lone document goes to its language's side, else the focus.
    pub(crate) fn sides_for(&self, first: usize, second: Option<usize>) -> [Option<usize>; 2] {
        let home = self.home_languages();
        let side = |d: usize| {
            let lang = self.corpus.documents.get(d).map(|d| d.lang());
            (0..2).find(|&i| lang.is_some() && home[i].as_deref() == lang)
        };
        let Some(second) = second.filter(|&s| s != first) else {
            let mut sides = [None, None];
            sides[side(first).unwrap_or_else(|| self.focused_pane().min(1))] = Some(first);
            return sides;
        };
        let left = match (side(first), side(second)) {
            (Some(a), Some(b)) if a != b => a == 0,
            (Some(a), None) => a == 0,
            (None, Some(b)) => b == 1,
            _ => self.declared_order(first) <= self.declared_order(second),
        };
        if left {
            [Some(first), Some(second)]
        } else {
            [Some(second), Some(first)]
        }
    }

    /// The languages of the corpus's first parallel pair, left and right.
    fn home_languages(&self) -> [Option<String>; 2] {
        let c = &self.corpus;
        let lang = |d: usize| c.documents.get(d).map(|d| d.lang().to_string());
        c.briefs
            .iter()
            .flat_map(|b| b.documents.iter().copied())
            .find_map(|d| c.partner(d).map(|p| [lang(d), lang(p)]))
            .filter(|[a, b]| a != b)
            .unwrap_or_default()
    }

    /// Where document `d` stands in the order the briefs declare documents.
    fn declared_order(&self, d: usize) -> (usize, usize) {
        self.corpus
            .briefs
            .iter()
            .enumerate()
            .find_map(|(b, brief)| brief.documents.iter().position(|&x| x == d).map(|k| (b, k)))
            .unwrap_or((usize::MAX, d))
    }
}
