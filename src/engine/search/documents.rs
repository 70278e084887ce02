//! Searching documents already loaded (the reader's search): every document on every
//! core, each match with its line and column.

use std::ops::Range;

use rayon::prelude::*;

use super::Searcher;
use crate::engine::text::Text;
use crate::engine::text::fold::Folded;

/// One match in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Index into the documents searched.
    pub doc: usize,
    /// Byte range in the document's NFC text.
    pub range: Range<usize>,
    /// 1-based line and column (in characters).
    pub line: usize,
    pub column: usize,
}

/// Searches every text, in order, on every core.
pub fn search_documents(texts: &[&Text], searcher: &Searcher) -> Vec<Match> {
    let per_doc: Vec<Vec<Match>> = texts
        .par_iter()
        .enumerate()
        .map_init(Folded::default, |folded, (i, text)| {
            search_text(text, i, searcher, folded)
        })
        .collect();
    per_doc.into_iter().flatten().collect()
}

/// Searches `whole`, the text of document `index`.
pub(super) fn search_text(
    whole: &Text,
    index: usize,
    searcher: &Searcher,
    folded: &mut Folded,
) -> Vec<Match> {
    let text = whole.as_str();
    folded.fold(text);
    let mut ranges = Vec::new();
    searcher.find_in_folded(text, folded, &mut ranges);
    // Columns counted on from the previous match of the same line: a long line with
    // many matches is read once, not once per match.
    let (mut line, mut counted, mut column) = (usize::MAX, 0, 1);
    ranges
        .into_iter()
        .map(|range| {
            let here = whole.line_index(range.start);
            if here != line {
                line = here;
                counted = whole.line_range(here).start;
                column = 1;
            }
            column += text
                .get(counted..range.start)
                .map_or(0, |s| s.chars().count());
            counted = range.start;
            Match {
                doc: index,
                range,
                line: line + 1,
                column,
            }
        })
        .collect()
}
