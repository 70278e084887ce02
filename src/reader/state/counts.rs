//! Counts every frame shows, made once per corpus (and per listing) instead of once per
//! frame: at 20,000 documents, counting the orphans and each topic's annotations walks
//! hundreds of thousands of quotes.

use crate::engine::Corpus;
use crate::engine::corpus::TopicId;
use crate::reader::state::{Listing, Navigator};

/// The counts, as far as they are made; forgotten when the corpus changes.
#[derive(Debug, Default)]
pub struct Counts {
    problems: Option<usize>,
    listed: Option<(Listing, Vec<usize>)>,
}

impl Counts {
    /// How many problems `corpus` has (an orphan is also a finding, unless the engine
    /// reported nothing at all).
    pub fn problems(&mut self, corpus: &Corpus) -> usize {
        *self
            .problems
            .get_or_insert_with(|| match corpus.findings().len() {
                0 => corpus.orphans().count(),
                n => n,
            })
    }

    /// How many annotations `nav` lists under topic `t`.
    pub fn listed(&mut self, corpus: &Corpus, nav: &Navigator, t: TopicId) -> usize {
        let listing = nav.listing;
        if self.listed.as_ref().is_none_or(|(l, _)| *l != listing) {
            let counts = corpus.topics().ids().map(|t| nav.listed(corpus, t).count());
            self.listed = Some((listing, counts.collect()));
        }
        self.listed
            .as_ref()
            .and_then(|(_, counts)| counts.get(t.index()).copied())
            .unwrap_or(0)
    }
}
