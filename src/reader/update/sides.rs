//! Panes that stay put: full after a resize (the end of a document never leaves empty
//! rows below it), and documents that keep their side, whichever way the reader arrived.

use crate::engine::corpus::DocId;
use crate::reader::pairs::Partners;
use crate::reader::state::{App, ByPane, Pane};

impl App {
    /// Moves each pane up as far as needed for its last row to reach the bottom: what a
    /// wider or taller terminal needs when the end of a document was in view.
    pub(crate) fn keep_panes_full(&mut self) {
        for pane in Pane::BOTH {
            let Some((laid, height)) = self.pane_layout(pane) else {
                continue;
            };
            // The end is looked for only when it is near: a huge line stays unwrapped.
            if !laid.reaches(laid.at(self.view.panes[pane].top), height - 1) {
                let start = laid.row(laid.last_top(height)).start;
                self.view.panes[pane].top = start;
            }
        }
    }

    /// The panes for documents `first` and `second` (the second may be absent), decided
    /// by the documents alone, never by the way the reader arrived: each language of the
    /// corpus's first parallel pair keeps its side (Vietnamese left, Indonesian right in
    /// the built-in corpus); two documents of one language stand in the order the
    /// briefs declare them. A lone document goes to its language's side, else the focus.
    pub(crate) fn sides_for(&self, first: DocId, second: Option<DocId>) -> ByPane<Option<DocId>> {
        let home = self.home_languages();
        let side = |d: DocId| {
            let lang = self.corpus.documents().get(d).map(|d| d.lang());
            home.find(|h| lang.is_some() && h.as_deref() == lang)
        };
        let Some(second) = second.filter(|&s| s != first) else {
            let mut sides = ByPane::default();
            sides[side(first).unwrap_or_else(|| self.focused_pane())] = Some(first);
            return sides;
        };
        let left = match (side(first), side(second)) {
            (Some(a), Some(b)) if a != b => a == Pane::Left,
            (Some(a), None) => a == Pane::Left,
            (None, Some(b)) => b == Pane::Right,
            _ => self.declared_order(first) <= self.declared_order(second),
        };
        if left {
            ByPane::new(Some(first), Some(second))
        } else {
            ByPane::new(Some(second), Some(first))
        }
    }

    /// The languages of the corpus's first parallel pair, left and right.
    fn home_languages(&self) -> ByPane<Option<String>> {
        let c = &self.corpus;
        let lang = |d: DocId| c.documents().get(d).map(|d| d.lang().to_string());
        Partners::new(c)
            .first_pair()
            .map(|(d, p)| [lang(d), lang(p)])
            .filter(|[a, b]| a != b)
            .map_or_else(ByPane::default, |[a, b]| ByPane::new(a, b))
    }

    /// Where document `d` stands in the order the briefs declare documents.
    fn declared_order(&self, d: DocId) -> (usize, usize) {
        self.corpus
            .briefs()
            .enumerated()
            .find_map(|(b, brief)| {
                brief
                    .documents
                    .iter()
                    .position(|&x| x == d)
                    .map(|k| (b.index(), k))
            })
            .unwrap_or((usize::MAX, d.index()))
    }
}
