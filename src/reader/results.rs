//! The results list of a search, as vim's quickfix or television show one: every match in
//! every document grouped by document with its line, then the annotations whose curator's
//! label, value or note match, then the topics whose title does. Enter goes there.

use crate::engine::Corpus;
use crate::engine::corpus::{AnnotationId, TopicId};
use crate::engine::search::Searcher;

/// One row of the list that Enter can go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// Index into `Search::matches`.
    Match(usize),
    /// An annotation whose label, value or note matches.
    Annotation(AnnotationId),
    /// A topic whose title (or summary) matches.
    Topic(TopicId),
}

/// Every row Enter can go to, in the order the list shows them: the search's `matches`
/// (so many of them), then the annotations and topics of `corpus` that `query` finds.
pub fn hits(corpus: &Corpus, query: &str, matches: usize) -> Vec<Hit> {
    let Some(searcher) = Searcher::new(query) else {
        return Vec::new();
    };
    let found = |s: Option<&str>| s.is_some_and(|s| !searcher.find_in(s).is_empty());
    let mut hits: Vec<Hit> = (0..matches).map(Hit::Match).collect();
    hits.extend(annotation_hits(corpus, &searcher).map(Hit::Annotation));
    hits.extend(
        corpus
            .topics()
            .enumerated()
            .filter(|(_, t)| found(Some(&t.title)) || found(t.summary.as_deref()))
            .map(|(i, _)| Hit::Topic(i)),
    );
    hits
}

/// The annotations whose label, value or note `searcher` finds, in corpus order.
pub fn annotation_hits<'a>(
    corpus: &'a Corpus,
    searcher: &'a Searcher,
) -> impl Iterator<Item = AnnotationId> + 'a {
    annotation_hits_in(corpus, searcher, 0..usize::MAX)
}

/// Like `annotation_hits`, among the annotations with indices in `range` (a search that
/// goes on in slices takes them a chunk at a time).
pub fn annotation_hits_in<'a>(
    corpus: &'a Corpus,
    searcher: &'a Searcher,
    range: std::ops::Range<usize>,
) -> impl Iterator<Item = AnnotationId> + 'a {
    let found = |s: Option<&str>| s.is_some_and(|s| !searcher.find_in(s).is_empty());
    corpus
        .annotations()
        .enumerated()
        .skip(range.start)
        .take(range.len())
        .filter(move |(_, a)| found(a.label()) || found(a.value()) || found(a.note()))
        .map(|(i, _)| i)
}
