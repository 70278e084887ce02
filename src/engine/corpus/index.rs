//! Lookups the reader makes on every frame, made cheap for corpora of thousands of
//! annotations: the anchors of each document in order, and the annotations of each topic.

use std::ops::Range;

use crate::engine::corpus::Corpus;

/// Built once per corpus by [`Corpus::reindex`]; stale (and then bypassed) if the
/// annotations change afterwards.
#[derive(Debug, Clone, Default)]
pub struct CorpusIndex {
    /// The number of annotations when it was built.
    annotations: usize,
    /// Per document: (anchor range, annotation), by start.
    by_doc: Vec<Vec<(Range<usize>, usize)>>,
    /// Per document: the longest anchor, to bound a search by start.
    longest: Vec<usize>,
    /// Per topic: its annotations, in corpus order.
    by_topic: Vec<Vec<usize>>,
}

impl Corpus {
    /// Rebuilds the index after the annotations changed.
    pub fn reindex(&mut self) {
        let mut index = CorpusIndex {
            annotations: self.annotations.len(),
            by_doc: vec![Vec::new(); self.documents.len()],
            longest: vec![0; self.documents.len()],
            by_topic: vec![Vec::new(); self.topics.len()],
        };
        for (i, a) in self.annotations.iter().enumerate() {
            for &t in &a.topics {
                if let Some(list) = index.by_topic.get_mut(t) {
                    list.push(i);
                }
            }
            for anchor in a.quotes.iter().filter_map(|q| q.anchor.as_ref().ok()) {
                if let Some(list) = index.by_doc.get_mut(anchor.doc) {
                    list.push((anchor.range.clone(), i));
                    index.longest[anchor.doc] = index.longest[anchor.doc].max(anchor.range.len());
                }
            }
        }
        for list in &mut index.by_doc {
            list.sort_by_key(|(r, i)| (r.start, r.end, *i));
        }
        self.index = index;
    }

    fn index_is_fresh(&self) -> bool {
        self.index.annotations == self.annotations.len()
            && self.index.by_doc.len() == self.documents.len()
            && self.index.by_topic.len() == self.topics.len()
    }

    /// Annotations carrying this topic, in corpus order.
    pub fn annotations_for_topic(&self, topic: usize) -> Box<dyn Iterator<Item = usize> + '_> {
        if self.index_is_fresh() {
            return Box::new(
                self.index
                    .by_topic
                    .get(topic)
                    .into_iter()
                    .flatten()
                    .copied(),
            );
        }
        Box::new(
            self.annotations
                .iter()
                .enumerate()
                .filter(move |(_, a)| a.topics.contains(&topic))
                .map(|(i, _)| i),
        )
    }

    /// The anchors in document `doc` that meet `range`: (anchor range, annotation), by start.
    pub fn anchors_in(&self, doc: usize, range: Range<usize>) -> Vec<(Range<usize>, usize)> {
        let meets =
            |r: &Range<usize>| r.start < range.end.max(range.start + 1) && r.end > range.start;
        if !self.index_is_fresh() {
            let mut out: Vec<_> = self
                .annotations
                .iter()
                .enumerate()
                .flat_map(|(i, a)| {
                    a.quotes
                        .iter()
                        .filter_map(move |q| q.anchor.as_ref().ok().map(|x| (x, i)))
                })
                .filter(|(x, _)| x.doc == doc && meets(&x.range))
                .map(|(x, i)| (x.range.clone(), i))
                .collect();
            out.sort_by_key(|(r, i)| (r.start, r.end, *i));
            return out;
        }
        let list = self.index.by_doc.get(doc).map_or(&[][..], Vec::as_slice);
        let longest = self.index.longest.get(doc).copied().unwrap_or(0);
        let from = list.partition_point(|(r, _)| r.start + longest < range.start);
        list.get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|(r, _)| r.start < range.end.max(range.start + 1))
            .filter(|(r, _)| meets(r))
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::{CorpusSource, load};

    #[test]
    fn index_agrees_with_a_scan() {
        let mut corpus = load(&CorpusSource::BuiltIn).expect("built-in corpus");
        for doc in 0..corpus.documents.len() {
            let len = corpus.documents[doc].text.len();
            for range in [0..len, 0..len / 3, len / 2..len, 100..140] {
                let fast = corpus.anchors_in(doc, range.clone());
                let keep = std::mem::take(&mut corpus.index);
                let slow = corpus.anchors_in(doc, range.clone());
                corpus.index = keep;
                assert_eq!(fast, slow, "doc {doc} {range:?}");
            }
        }
        for t in 0..corpus.topics.len() {
            let fast: Vec<usize> = corpus.annotations_for_topic(t).collect();
            let keep = std::mem::take(&mut corpus.index);
            let slow: Vec<usize> = corpus.annotations_for_topic(t).collect();
            corpus.index = keep;
            assert_eq!(fast, slow);
        }
    }
}
