//! Lookups the reader makes on every frame, made cheap for corpora of thousands of
//! annotations: the anchors of each document in order, and the annotations of each topic.
//! Built once, in [`Corpus::new`](super::Corpus::new), from the parts it indexes.

use std::ops::Range;

use crate::engine::corpus::{AnnotationId, CorpusParts, DocId, IdVec, TopicId};

/// Anchors by document and annotations by topic.
#[derive(Debug, Clone, Default)]
pub struct CorpusIndex {
    /// Per document: (anchor range, annotation), by start.
    by_doc: IdVec<DocId, Vec<(Range<usize>, AnnotationId)>>,
    /// Per document: the longest anchor, to bound a search by start.
    longest: IdVec<DocId, usize>,
    /// Per topic: its annotations, in corpus order.
    by_topic: IdVec<TopicId, Vec<AnnotationId>>,
}

impl CorpusIndex {
    /// The index of `parts`.
    pub fn build(parts: &CorpusParts) -> CorpusIndex {
        let mut index = CorpusIndex {
            by_doc: IdVec::from(vec![Vec::new(); parts.documents.len()]),
            longest: IdVec::from(vec![0; parts.documents.len()]),
            by_topic: IdVec::from(vec![Vec::new(); parts.topics.len()]),
        };
        for (i, a) in parts.annotations.enumerated() {
            for &t in &a.topics {
                if let Some(list) = index.by_topic.get_mut(t) {
                    list.push(i);
                }
            }
            for anchor in a.quotes.iter().filter_map(|q| q.anchor.as_ref().ok()) {
                if let Some(list) = index.by_doc.get_mut(anchor.doc) {
                    list.push((anchor.range(), i));
                    index.longest[anchor.doc] = index.longest[anchor.doc].max(anchor.range().len());
                }
            }
        }
        for list in &mut index.by_doc {
            list.sort_by_key(|(r, i)| (r.start, r.end, *i));
        }
        index
    }

    /// Annotations carrying this topic, in corpus order.
    pub fn annotations_for_topic(&self, topic: TopicId) -> impl Iterator<Item = AnnotationId> + '_ {
        self.by_topic.get(topic).into_iter().flatten().copied()
    }

    /// The anchors in document `doc` that meet `range`: (anchor range, annotation), by start.
    /// An empty range meets the anchor that holds its place.
    pub fn anchors_in(&self, doc: DocId, range: Range<usize>) -> Vec<(Range<usize>, AnnotationId)> {
        let end = range.end.max(range.start + 1);
        let list = self.by_doc.get(doc).map_or(&[][..], Vec::as_slice);
        let longest = self.longest.get(doc).copied().unwrap_or(0);
        let from = list.partition_point(|(r, _)| r.start + longest < range.start);
        list.get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|(r, _)| r.start < end)
            .filter(|(r, _)| r.end > range.start)
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use crate::engine::corpus::{AnnotationId, Corpus, DocId};
    use crate::engine::{CorpusSource, load};

    /// Every anchor of `doc` that meets `range`, by a scan of every annotation.
    fn scan(corpus: &Corpus, doc: DocId, range: Range<usize>) -> Vec<(Range<usize>, AnnotationId)> {
        let end = range.end.max(range.start + 1);
        let mut out: Vec<_> = corpus
            .annotations()
            .enumerated()
            .flat_map(|(i, a)| {
                a.quotes
                    .iter()
                    .filter_map(move |q| q.anchor.as_ref().ok().map(|x| (x, i)))
            })
            .filter(|(x, _)| x.doc == doc && x.start() < end && x.range().end > range.start)
            .map(|(x, i)| (x.range(), i))
            .collect();
        out.sort_by_key(|(r, i)| (r.start, r.end, *i));
        out
    }

    #[test]
    fn index_agrees_with_a_scan() {
        let corpus = load(&CorpusSource::BuiltIn).expect("built-in corpus");
        for doc in corpus.documents().ids() {
            let len = corpus.documents()[doc].text.len();
            for range in [0..len, 0..len / 3, len / 2..len, 100..140, 7..7] {
                let fast = corpus.anchors_in(doc, range.clone());
                assert_eq!(
                    fast,
                    scan(&corpus, doc, range.clone()),
                    "doc {doc} {range:?}"
                );
            }
        }
        for t in corpus.topics().ids() {
            let fast: Vec<AnnotationId> = corpus.annotations_for_topic(t).collect();
            let slow: Vec<AnnotationId> = corpus
                .annotations()
                .enumerated()
                .filter(|(_, a)| a.topics.contains(&t))
                .map(|(i, _)| i)
                .collect();
            assert_eq!(fast, slow);
            assert!(
                !fast.is_empty(),
                "every topic of the built-in corpus has annotations"
            );
        }
    }
}
