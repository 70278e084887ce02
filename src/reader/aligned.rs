//! The alignment of the two documents the panes show: computed once per pair of documents
//! (again only after a reload), and read by synchronised scrolling and by the mark on the
//! counterpart of the passage at the top of the focused pane.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use crate::engine::Corpus;
use crate::engine::align::{Alignment, Pair, align_documents};
use crate::engine::corpus::DocId;

/// Alignments by unordered pair of documents (the lower index is side A).
#[derive(Debug, Default)]
pub struct AlignCache {
    by_pair: HashMap<(DocId, DocId), Rc<Alignment>>,
}

/// Where the counterpart of a passage stands in the other document.
#[derive(Debug, Clone, PartialEq)]
pub enum Counterpart {
    /// The passage `from` (bytes of the source document) renders `to`.
    Passage {
        from: Range<usize>,
        to: Range<usize>,
    },
    /// The passage has none; `after` is the counterpart of the nearest passage before it.
    None { after: Option<Range<usize>> },
}

impl AlignCache {
    pub fn clear(&mut self) {
        self.by_pair.clear();
    }

    pub fn len(&self) -> usize {
        self.by_pair.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_pair.is_empty()
    }

    /// The alignment of documents `a` and `b` of `corpus`, and whether `a` is its side B.
    pub fn alignment(
        &mut self,
        corpus: &Corpus,
        a: DocId,
        b: DocId,
    ) -> Option<(Rc<Alignment>, bool)> {
        if a == b || corpus.documents().get(a).is_none() || corpus.documents().get(b).is_none() {
            return None;
        }
        let key = (a.min(b), a.max(b));
        let alignment = self
            .by_pair
            .entry(key)
            .or_insert_with(|| Rc::new(align_documents(corpus, key.0, key.1)))
            .clone();
        Some((alignment, a != key.0))
    }

    /// The counterpart in document `b` of the passage of document `a` that holds byte
    /// `offset` (or the next passage after it).
    pub fn counterpart(
        &mut self,
        corpus: &Corpus,
        a: DocId,
        offset: usize,
        b: DocId,
    ) -> Option<Counterpart> {
        let (al, a_is_b) = self.alignment(corpus, a, b)?;
        let (from_side, to_side) = (a_is_b, !a_is_b);
        let pair = al.pair_at(offset, from_side)?;
        let from = al.span(side(pair, from_side), from_side)?;
        match al.span(side(pair, to_side), to_side) {
            Some(to) => Some(Counterpart::Passage { from, to }),
            None => {
                // The nearest passage before it that has a counterpart.
                let after = al
                    .pairs
                    .iter()
                    .filter(|p| !p.a.is_empty() && !p.b.is_empty())
                    .filter_map(|p| Some((al.span(side(p, from_side), from_side)?, p)))
                    .filter(|(r, _)| r.start < from.start)
                    .max_by_key(|(r, _)| r.start)
                    .and_then(|(_, p)| al.span(side(p, to_side), to_side));
                Some(Counterpart::None { after })
            }
        }
    }
}

fn side(pair: &Pair, b: bool) -> &Range<usize> {
    if b { &pair.b } else { &pair.a }
}
