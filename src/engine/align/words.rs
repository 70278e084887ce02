//! The words of each sentence of a document, as ids over its own vocabulary: what the
//! association table (`assoc.rs`) learns from, collected while the document is
//! tokenised (`cognates.rs`). The map hashes with the standard library's keyed hasher:
//! words come from the corpus, which a hostile author may have written to collide.

use std::collections::HashMap;
use std::ops::Range;

/// The words of each sentence of one document, as sorted distinct ids over its own
/// vocabulary: every word folded, a Vietnamese syllable on its own (a pair of syllables
/// is seen less often than either, too rarely to learn from in one pair of documents).
/// Built while the document is tokenised for its bags.
#[derive(Debug, Default)]
pub(super) struct Words {
    pub bags: Vec<Vec<u32>>,
    /// How many distinct ids there are.
    pub vocab: usize,
    words: HashMap<String, u32>,
}

impl Words {
    /// Starts the next sentence.
    pub(super) fn sentence(&mut self) {
        self.finish();
        self.bags.push(Vec::new());
    }

    /// A word of the current sentence; its id.
    pub(super) fn word(&mut self, t: &str) -> u32 {
        let id = match self.words.get(t) {
            Some(&k) => k,
            None => {
                self.words.insert(t.to_owned(), self.vocab as u32);
                self.vocab += 1;
                self.vocab as u32 - 1
            }
        };
        if let Some(bag) = self.bags.last_mut() {
            bag.push(id);
        }
        id
    }

    /// Ends the current sentence: its ids sorted and distinct.
    pub(super) fn finish(&mut self) {
        if let Some(bag) = self.bags.last_mut() {
            bag.sort_unstable();
            bag.dedup();
        }
    }

    /// The ids in sentences `r`, sorted and distinct.
    pub(super) fn union(&self, r: &Range<usize>) -> Vec<u32> {
        let mut out: Vec<u32> = r
            .clone()
            .filter_map(|k| self.bags.get(k))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}
