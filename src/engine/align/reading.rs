//! One document read for the aligner: each sentence's tokens as ids over a vocabulary of
//! its own, and its words (for the association table). The two documents of a pair are
//! read at once, on two threads; `cognates` then merges the vocabularies, numbering as
//! one pass over A and then B would.

use std::collections::HashMap;
use std::ops::Range;

use super::tokens::{Kind, Mode, tokens};
use super::words::Words;

/// A document's sentences as tokens.
pub(super) struct Read {
    /// Sorted, distinct ids of each sentence's tokens (not the plain words).
    pub bags: Vec<Vec<u32>>,
    pub words: Words,
    /// The vocabulary, in the order of ids: each token and how it was first found.
    pub tokens: Vec<(String, Kind)>,
}

/// Reads the sentences `sentences` of `text`.
pub(super) fn read(text: &str, sentences: &[Range<usize>], mode: Mode) -> Read {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut kinds: Vec<Kind> = Vec::new();
    let mut id = |token: &str, kind: Kind| -> u32 {
        if let Some(&k) = ids.get(token) {
            return k;
        }
        let k = kinds.len() as u32;
        ids.insert(token.to_owned(), k);
        kinds.push(kind);
        k
    };
    let mut words = Words::default();
    // A name or long word is also the plain word just before it: its id is kept by the
    // plain word's, so that it is hashed once, not twice.
    let mut known: Vec<u32> = Vec::new();
    let mut last_plain = (String::new(), None::<u32>);
    let mut bags = Vec::with_capacity(sentences.len());
    for range in sentences {
        let mut bag: Vec<u32> = Vec::new();
        last_plain.1 = None;
        words.sentence();
        tokens(
            text.get(range.clone()).unwrap_or(""),
            mode,
            &mut |token, kind| {
                if kind == Kind::Plain {
                    let w = words.word(token);
                    last_plain.0.clear();
                    last_plain.0.push_str(token);
                    last_plain.1 = Some(w);
                    return;
                }
                let Some(w) = last_plain.1.filter(|_| token == last_plain.0) else {
                    bag.push(id(token, kind));
                    return;
                };
                let w = w as usize;
                if known.len() <= w {
                    known.resize(w + 1, u32::MAX);
                }
                if known[w] == u32::MAX {
                    known[w] = id(token, kind);
                }
                bag.push(known[w]);
            },
        );
        bag.sort_unstable();
        bag.dedup();
        bag.shrink_to_fit();
        bags.push(bag);
    }
    words.finish();
    let mut strings = vec![String::new(); kinds.len()];
    for (token, k) in ids {
        strings[k as usize] = token;
    }
    Read {
        bags,
        words,
        tokens: strings.into_iter().zip(kinds).collect(),
    }
}
