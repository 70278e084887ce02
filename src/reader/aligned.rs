//! The alignment of the two documents the panes show: computed once per pair of documents
//! and kept across a reload while what it was made from (both texts, their languages, and
//! the pins and annotations that link them) is unchanged; read by synchronised scrolling
//! and by the mark on the counterpart of the passage at the top of the focused pane.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use crate::engine::Corpus;
use crate::engine::align::{Alignment, Link, Pair, align_texts, curators_links, mode_for};
use crate::engine::corpus::{DocId, DocText};

/// Pairs kept at most: the pairs on screen lately (each a few KB of sentence ranges).
const KEPT_PAIRS: usize = 8;

/// Alignments by unordered pair of documents (the lower index is side A).
#[derive(Debug, Default)]
pub struct AlignCache {
    by_pair: HashMap<(DocId, DocId), Entry>,
    clock: u64,
}

/// An alignment and what it was made from.
#[derive(Debug)]
struct Entry {
    texts: [DocText; 2],
    langs: [String; 2],
    links: Vec<Link>,
    alignment: Rc<Alignment>,
    used: u64,
}

impl Entry {
    /// Whether `corpus` would align documents `key` from the same texts, languages and
    /// links (the texts compared by identity: a reload keeps unchanged ones).
    fn holds_in(&self, corpus: &Corpus, key: (DocId, DocId)) -> bool {
        let docs = corpus.documents();
        let (Some(a), Some(b)) = (docs.get(key.0), docs.get(key.1)) else {
            return false;
        };
        a.text.same(&self.texts[0])
            && b.text.same(&self.texts[1])
            && self.langs == [a.lang(), b.lang()]
            && self.links == curators_links(corpus, key.0, key.1)
    }
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

    /// After the corpus is replaced by `corpus`: keeps the alignment of the pair `shown`
    /// (by its new indices) if it would come out the same, and drops every other.
    pub fn renew(&mut self, corpus: &Corpus, shown: Option<(DocId, DocId)>) {
        let key = shown.map(|(a, b)| (a.min(b), a.max(b)));
        self.by_pair
            .retain(|k, entry| Some(*k) == key && entry.holds_in(corpus, *k));
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
        self.clock += 1;
        let used = self.clock;
        if !self.by_pair.contains_key(&key) {
            let (da, db) = (
                corpus.documents().get(key.0)?,
                corpus.documents().get(key.1)?,
            );
            let (ta, tb) = (corpus.text(key.0).ok()?, corpus.text(key.1).ok()?);
            let links = curators_links(corpus, key.0, key.1);
            let mode = mode_for(da.lang(), db.lang());
            let alignment = align_texts(ta.as_str(), tb.as_str(), &links, mode);
            if self.by_pair.len() >= KEPT_PAIRS
                && let Some(oldest) = self.by_pair.iter().min_by_key(|(_, e)| e.used)
            {
                let oldest = *oldest.0;
                self.by_pair.remove(&oldest);
            }
            let entry = Entry {
                texts: [da.text.clone(), db.text.clone()],
                langs: [da.lang().to_string(), db.lang().to_string()],
                links,
                alignment: Rc::new(alignment),
                used,
            };
            self.by_pair.insert(key, entry);
        }
        let entry = self.by_pair.get_mut(&key)?;
        entry.used = used;
        Some((Rc::clone(&entry.alignment), a != key.0))
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
