//! Where each quote was placed, kept by live reload from one load to the next: a quote
//! whose document text is shared unchanged (the very same text, see `load::seed`) and
//! whose text, prefix and suffix are the same is placed the same, so it is not placed
//! again. A brief edited, or a document changed, places only its own quotes anew.

use std::collections::HashMap;
use std::sync::Arc;

use super::placed::Placed;
use crate::engine::corpus::{Document, Quote};
use crate::engine::text::Text;

/// The placings of the last load, by document file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Placements {
    by_file: HashMap<String, InText>,
    /// How many quotes the last load took from here, and how many it placed anew.
    pub(crate) reused: usize,
    pub(crate) placed: usize,
}

/// The placings in one text: by quote text, then its prefix and suffix.
#[derive(Debug, Clone)]
struct InText {
    text: Arc<Text>,
    quotes: HashMap<String, Vec<Variant>>,
}

#[derive(Debug, Clone)]
struct Variant {
    prefix: Option<String>,
    suffix: Option<String>,
    placed: Placed,
}

impl Placements {
    /// The kept placing of `quote` in `doc`, if it was placed in this very text.
    pub(super) fn get(&self, doc: &Document, quote: &Quote) -> Option<&Placed> {
        let kept = self.by_file.get(&doc.file)?;
        if !Arc::ptr_eq(&kept.text, &doc.text) {
            return None;
        }
        let variants = kept.quotes.get(quote.text.as_str())?;
        variants
            .iter()
            .find(|v| v.prefix == quote.prefix && v.suffix == quote.suffix)
            .map(|v| &v.placed)
    }

    /// The placings of one load, replacing these: every distinct quote with its document.
    pub(super) fn replace<'a>(
        &mut self,
        placings: impl Iterator<Item = (&'a Document, &'a Quote, &'a Placed)>,
        reused: usize,
    ) {
        let mut by_file: HashMap<String, InText> = HashMap::new();
        let mut count = 0;
        for (doc, quote, placed) in placings {
            count += 1;
            let in_text = by_file.entry(doc.file.clone()).or_insert_with(|| InText {
                text: Arc::clone(&doc.text),
                quotes: HashMap::new(),
            });
            in_text
                .quotes
                .entry(quote.text.clone())
                .or_default()
                .push(Variant {
                    prefix: quote.prefix.clone(),
                    suffix: quote.suffix.clone(),
                    placed: placed.clone(),
                });
        }
        *self = Placements {
            by_file,
            reused,
            placed: count - reused.min(count),
        };
    }
}
