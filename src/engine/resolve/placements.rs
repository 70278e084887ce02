//! Where each quote was placed, kept by live reload from one load to the next: a quote
//! whose document's bytes are unchanged (the same [`Fingerprint`], see `load::seed`) and
//! whose text, prefix and suffix are the same is placed the same, so it is not placed
//! again. A brief edited, or a document changed, places only its own quotes anew.
//!
//! A quote is kept by a 128-bit fingerprint of its text, prefix and suffix, not by copies
//! of them: two keyed SipHash hashes, whose keys are drawn at random for each reader, so
//! that no corpus can be written to make two quotes of one text share a fingerprint.

use super::placed::Placed;
use crate::engine::corpus::Quote;
use crate::engine::source::Fingerprint;
use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

/// The placings of the last load, by document file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Placements {
    by_file: HashMap<String, InText>,
    keys: Keys,
    /// How many quotes the last load took from here, and how many it placed anew.
    pub(crate) reused: usize,
    pub(crate) placed: usize,
}

/// The placings in one text (the fingerprint of its bytes), by quote fingerprint, sorted.
#[derive(Debug, Clone)]
struct InText {
    text: Fingerprint,
    quotes: Vec<(u128, Placed)>,
}

/// The two random keys of the fingerprints.
#[derive(Debug, Clone, Default)]
struct Keys(RandomState, RandomState);

impl Keys {
    /// The fingerprint of a quote's text, prefix and suffix.
    fn of(&self, quote: &Quote) -> u128 {
        let fields = (quote.text.as_str(), quote.prefix(), quote.suffix());
        let half = |keys: &RandomState| keys.hash_one(fields);
        (u128::from(half(&self.0)) << 64) | u128::from(half(&self.1))
    }
}

impl Placements {
    /// The kept placing of `quote` in the document of `file`, if it was placed in this
    /// very text (the bytes of fingerprint `text`).
    pub(super) fn get(&self, file: &str, text: Fingerprint, quote: &Quote) -> Option<&Placed> {
        let kept = self.by_file.get(file)?;
        if kept.text != text {
            return None;
        }
        let key = self.keys.of(quote);
        let at = kept.quotes.binary_search_by_key(&key, |(k, _)| *k).ok()?;
        Some(&kept.quotes[at].1)
    }

    /// The placings of one load, replacing these: every distinct quote with its
    /// document's file and text.
    pub(super) fn replace<'a>(
        &mut self,
        placings: impl Iterator<Item = (&'a str, Fingerprint, &'a Quote, &'a Placed)>,
        reused: usize,
    ) {
        let mut by_file: HashMap<String, InText> = HashMap::new();
        let mut count = 0;
        for (file, text, quote, placed) in placings {
            count += 1;
            let in_text = by_file.entry(file.to_string()).or_insert_with(|| InText {
                text,
                quotes: Vec::new(),
            });
            in_text.quotes.push((self.keys.of(quote), placed.clone()));
        }
        for in_text in by_file.values_mut() {
            in_text.quotes.sort_unstable_by_key(|(k, _)| *k);
            in_text.quotes.shrink_to_fit();
        }
        self.by_file = by_file;
        self.reused = reused;
        self.placed = count - reused.min(count);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::corpus::{AnchorFailure, Context, Str};
    use crate::engine::resolve::placed::Unique;

    fn quote(text: &str, prefix: Option<&str>, suffix: Option<&str>) -> Quote {
        Quote {
            doc_id: "a".into(),
            text: text.into(),
            context: Context::new(prefix.map(Str::from), suffix.map(Str::from)),
            anchor: Err(AnchorFailure::NotFound),
        }
    }

    #[test]
    fn a_quote_is_found_again_only_by_its_text_prefix_and_suffix_in_the_same_text() {
        let text = Fingerprint::of("Tăng trưởng 8,3%. Tăng trưởng 7%.".as_bytes());
        let doc = "a.txt";
        let plain = quote("Tăng trưởng", None, None);
        let before = quote("Tăng trưởng", Some("."), None);
        // Where the text of one field ends and the next begins does not blur them.
        let shifted = [
            quote("Tăng trưởn", Some("g"), None),
            quote("Tăng trưởng", None, Some(".")),
            quote("Tăng trưởng", Some(""), None),
        ];
        let unique = Placed::Unique(Unique::new(19..33, 1, 20));
        let mut kept = Placements::default();
        kept.replace(
            [
                (doc, text, &plain, &Placed::Empty),
                (doc, text, &before, &unique),
            ]
            .into_iter(),
            0,
        );
        assert_eq!((kept.reused, kept.placed), (0, 2));
        assert_eq!(kept.get(doc, text, &plain), Some(&Placed::Empty));
        assert_eq!(kept.get(doc, text, &before), Some(&unique));
        for other in &shifted {
            assert_eq!(kept.get(doc, text, other), None, "{other:?}");
        }
        // The same bytes read again are the same text; an edit anywhere makes another.
        let again = Fingerprint::of("Tăng trưởng 8,3%. Tăng trưởng 7%.".as_bytes());
        assert_eq!(kept.get(doc, again, &before), Some(&unique));
        let edited = Fingerprint::of("Tăng trưởng 8,3%. Tăng trưởng 7%!".as_bytes());
        assert_eq!(kept.get(doc, edited, &before), None);
        assert_eq!(kept.get("b.txt", text, &before), None);
    }
}
