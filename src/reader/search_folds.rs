//! The reader's search: each document is folded once and kept, so a keystroke costs one
//! memmem over folded text on this thread (no re-folding, no threads spawned per key),
//! and matches are capped, so that a one-letter query on a 200 MB document stays small.

use std::ops::Range;

use crate::engine::Document;
use crate::engine::corpus::DocId;
use crate::engine::search::Searcher;
use crate::engine::text::fold::Folded;

/// Matches kept at most: past this, highlights stop and the count says "more than".
pub const MAX_MATCHES: usize = 100_000;

/// Folded documents, by index, made on first search.
#[derive(Debug, Default)]
pub struct SearchFolds {
    folded: Vec<Option<Folded>>,
}

impl SearchFolds {
    /// Forgets every fold (after the corpus is replaced).
    pub fn clear(&mut self) {
        self.folded.clear();
    }

    /// Every match of `searcher` in `docs`, in order, up to `MAX_MATCHES`; and whether
    /// there were more.
    pub fn search(
        &mut self,
        docs: &[Document],
        searcher: &Searcher,
    ) -> (Vec<(DocId, Range<usize>)>, bool) {
        self.folded.resize_with(docs.len(), || None);
        let mut matches = Vec::new();
        let mut ranges = Vec::new();
        for (i, doc) in docs.iter().enumerate() {
            let text = doc.text.as_str();
            let folded = self.folded[i].get_or_insert_with(|| {
                let mut f = Folded::default();
                f.fold(text);
                f
            });
            ranges.clear();
            // One more than the cap says whether there were more.
            let room = MAX_MATCHES + 1 - matches.len();
            searcher.find_in_folded_up_to(text, folded, &mut ranges, room);
            matches.extend(ranges.drain(..).map(|r| (DocId(i), r)));
            if matches.len() > MAX_MATCHES {
                matches.truncate(MAX_MATCHES);
                return (matches, true);
            }
        }
        (matches, false)
    }
}
