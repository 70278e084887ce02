//! The distinct quotes of one document: each (text, prefix, suffix) numbered once, found
//! again by hash in a table of numbers with a part of their hash (8 bytes a slot, at most
//! half full), compared where the quotes themselves are kept only when that part agrees:
//! a million quotes cost 16 MB here, not a map of their keys.

use std::hash::{BuildHasher, RandomState};

/// A quote as anchoring sees it in one document: text, prefix, suffix.
pub(super) type QuoteKey<'a> = (&'a str, Option<&'a str>, Option<&'a str>);

const EMPTY: u32 = u32::MAX;

pub(super) struct Distinct {
    /// (number, the low half of its hash).
    slots: Vec<(u32, u32)>,
    hasher: RandomState,
}

impl Distinct {
    /// A table for `n` quotes at most.
    pub(super) fn new(n: usize) -> Distinct {
        Distinct {
            slots: vec![(EMPTY, 0); (2 * n).next_power_of_two().max(16)],
            hasher: RandomState::new(),
        }
    }

    /// The number of `key` if one of the `known` quotes so far (`key_of` gives the key of
    /// each number) is the same, else `None`, `key` then numbered `known`.
    pub(super) fn find_or_add<'a>(
        &mut self,
        key: QuoteKey<'a>,
        known: usize,
        key_of: impl Fn(usize) -> QuoteKey<'a>,
    ) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let hash = self.hasher.hash_one(key);
        let (tag, mut at) = (hash as u32, (hash >> 32) as usize & mask);
        loop {
            match self.slots[at] {
                (EMPTY, _) => {
                    // More than `u32::MAX - 1` quotes cannot be held; those are not merged.
                    self.slots[at] = (u32::try_from(known).unwrap_or(EMPTY), tag);
                    return None;
                }
                (k, t) if t == tag && key_of(k as usize) == key => return Some(k as usize),
                _ => at = (at + 1) & mask,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_quote_is_found_again_and_others_are_not() {
        let keys: Vec<QuoteKey> = vec![
            ("a", None, None),
            ("a", Some("b"), None),
            ("a", None, Some("b")),
            ("a", Some(""), None),
            ("b", None, None),
        ];
        let mut known: Vec<QuoteKey> = Vec::new();
        let mut distinct = Distinct::new(3 * keys.len());
        for round in 0..3 {
            for (i, &key) in keys.iter().enumerate() {
                let found = distinct.find_or_add(key, known.len(), |k| known[k]);
                if round == 0 {
                    assert_eq!(found, None, "{key:?}");
                    known.push(key);
                } else {
                    assert_eq!(found, Some(i), "{key:?}");
                }
            }
        }
    }
}
