//! Parallel partners for every document at once: by id, and by the documents that name
//! one as their `parallel`, indexed in one pass. Asking the corpus for each document's
//! partner in turn scans every document per question: quadratic on a corpus without pairs
//! (1.1 s at 20,000 documents, on the reader's thread, when the whole corpus arrives).

use std::collections::HashMap;

use crate::engine::Corpus;
use crate::engine::corpus::DocId;

/// Each document's partner, as [`Corpus::partner`] says it, answered by lookups.
pub struct Partners<'a> {
    corpus: &'a Corpus,
    /// The first document with each id.
    by_id: HashMap<&'a str, DocId>,
    /// The first document naming each id as its parallel.
    named_by: HashMap<&'a str, DocId>,
}

impl<'a> Partners<'a> {
    pub fn new(corpus: &'a Corpus) -> Partners<'a> {
        let mut by_id = HashMap::new();
        let mut named_by = HashMap::new();
        for (i, d) in corpus.documents().enumerated() {
            let Some(meta) = d.meta.as_ref() else {
                continue;
            };
            by_id.entry(meta.id.as_str()).or_insert(i);
            if let Some(p) = meta.parallel.as_deref() {
                named_by.entry(p).or_insert(i);
            }
        }
        Partners {
            corpus,
            by_id,
            named_by,
        }
    }

    /// Document `d`'s partner: its `parallel` document, or one that names it as parallel.
    pub fn partner(&self, d: DocId) -> Option<DocId> {
        let meta = self.corpus.documents().get(d)?.meta.as_ref()?;
        let named = meta.parallel.as_deref().and_then(|p| self.by_id.get(p));
        named
            .or_else(|| self.named_by.get(meta.id.as_str()))
            .copied()
    }

    /// The first document the briefs declare that has a partner, with that partner.
    pub fn first_pair(&self) -> Option<(DocId, DocId)> {
        self.corpus
            .briefs()
            .iter()
            .flat_map(|b| b.documents.iter().copied())
            .find_map(|d| self.partner(d).map(|p| (d, p)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{CorpusSource, load};

    #[test]
    fn partners_are_the_corpus_own_answers() {
        let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut sources = vec![CorpusSource::BuiltIn];
        for dir in ["reader/basic", "figures", "cli/good", "print/conference"] {
            sources.push(CorpusSource::Dir(fixtures.join(dir)));
        }
        let mut pairs = 0;
        for source in sources {
            let Ok(corpus) = load(&source) else {
                continue;
            };
            let partners = Partners::new(&corpus);
            for d in corpus.documents().ids() {
                assert_eq!(partners.partner(d), corpus.partner(d), "{source:?} {d:?}");
                pairs += usize::from(corpus.partner(d).is_some());
            }
        }
        assert!(pairs > 2, "some documents have partners");
    }
}
