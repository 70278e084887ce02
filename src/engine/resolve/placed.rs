//! Placing one distinct quote in a document's text, with everything its anchor or its
//! finding will need of that text worked out there and then (lines and columns, the
//! nearest text), so that a text can be let go as soon as its quotes are placed. The
//! nearest texts of one document's quotes not found are searched within one budget.

use std::ops::Range;

use rayon::prelude::*;

use super::shorten;
use crate::engine::anchor::Placement;
use crate::engine::anchor::nearest::{self, nearest};
use crate::engine::corpus::{Anchor, DocId, Quote};
use crate::engine::text::Text;

/// What placing one distinct quote found: a function of the document's text and the
/// quote's text, prefix and suffix alone. (24 bytes: a document may have a million, all
/// held between the pass over its text and their anchors; all but one place boxed.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Placed {
    /// One place: the anchor it makes in any document of this text.
    Unique(Unique),
    /// No place; what is known of the nearest text.
    NotFound { nearest: Nearest },
    /// Several places.
    Ambiguous(Box<Several>),
    /// The quote has no text.
    Empty,
}

/// The nearest text of a quote not found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Nearest {
    /// Shortened for the message, and its line.
    Found(Box<(String, usize)>),
    /// Nothing in the text is close.
    Nothing,
    /// Not searched: the document's budget went to the quotes before it.
    NotSearched,
}

/// The work (see [`nearest::cost`]) that the nearest texts of one document's quotes not
/// found may take together: this much, and `NEAREST_PER_BYTE` for each byte of its
/// text; about a second. Past it the rest are not searched: a curator fixes the first
/// quotes of a document where thousands are not found, and a million such quotes in a
/// 40 MB document would otherwise take hours (each search scans the text once per word).
const NEAREST_WORK: usize = 1 << 28;
const NEAREST_PER_BYTE: usize = 64;

/// One place: an [`Anchor`] but for its document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unique(Anchor);

impl Unique {
    /// Byte `range`, whose start is at 1-based `line` and `column` (in characters).
    pub fn new(range: Range<usize>, line: usize, column: usize) -> Unique {
        Unique(Anchor::new(DocId::default(), range, line, column))
    }

    /// The anchor it makes in `doc`.
    pub fn anchor(&self, doc: DocId) -> Anchor {
        let mut anchor = self.0.clone();
        anchor.doc = doc;
        anchor
    }
}

/// The places of an ambiguous quote: the line and column of each one kept, and how many
/// in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Several {
    pub places: Vec<(usize, usize)>,
    pub total: usize,
}

/// What `placement`, of `quote` in `text`, says with the positions in it; a quote not
/// found comes back not searched for its nearest text, which [`search_nearest`] does.
pub(super) fn placed(placement: Placement, text: &Text) -> Placed {
    match placement {
        Placement::Unique(range) => {
            let (line, column) = text.line_col(range.start);
            Placed::Unique(Unique::new(range, line, column))
        }
        Placement::NotFound => Placed::NotFound {
            nearest: Nearest::NotSearched,
        },
        Placement::Ambiguous(ranges, total) => Placed::Ambiguous(Box::new(Several {
            places: ranges.iter().map(|r| text.line_col(r.start)).collect(),
            total,
        })),
        Placement::Empty => Placed::Empty,
    }
}

/// Searches the nearest text of the quotes not found (`placed[k]` of `quotes[k]`) in
/// `text`, on every core, in order until the document's budget is spent: the same ones
/// whatever the cores, and whichever were searched by the last load (those are charged
/// too, and not searched again).
pub(super) fn search_nearest(placed: &mut [Option<Placed>], quotes: &[&Quote], text: &Text) {
    let budget = NEAREST_WORK.saturating_add(NEAREST_PER_BYTE.saturating_mul(text.len()));
    search_within(placed, quotes, text, budget);
}

fn search_within(placed: &mut [Option<Placed>], quotes: &[&Quote], text: &Text, budget: usize) {
    let mut left = Some(budget);
    let mut to_search: Vec<(&mut Nearest, &Quote)> = Vec::new();
    let not_found = placed.iter_mut().zip(quotes).filter_map(|(p, q)| match p {
        Some(Placed::NotFound { nearest }) => Some((nearest, *q)),
        _ => None,
    });
    for (nearest, quote) in not_found {
        left = left.and_then(|l| l.checked_sub(nearest::cost(text.len(), &quote.text)));
        match (left, &nearest) {
            (None, _) => *nearest = Nearest::NotSearched,
            (Some(_), Nearest::NotSearched) => to_search.push((nearest, quote)),
            (Some(_), _) => {}
        }
    }
    to_search.into_par_iter().for_each(|(found, quote)| {
        *found = match nearest(text.as_str(), &quote.text) {
            Some((range, _)) => {
                let words = text.as_str().get(range.clone()).unwrap_or("");
                Nearest::Found(Box::new((shorten(words), text.line_col(range.start).0)))
            }
            None => Nearest::Nothing,
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every distinct quote of a document has one between the pass and its anchor.
    #[test]
    fn a_placing_is_24_bytes() {
        assert_eq!(std::mem::size_of::<Option<Placed>>(), 24);
    }

    fn not_found(n: usize) -> Vec<Option<Placed>> {
        let nearest = Nearest::NotSearched;
        vec![Some(Placed::NotFound { nearest }); n]
    }

    #[test]
    fn the_nearest_texts_are_searched_in_order_within_the_budget() {
        let text = Text::new("Tăng trưởng kinh tế đạt 8,02%.\nXuất khẩu tăng 14%.\n");
        let quote = |t: &str| Quote {
            doc_id: "d".into(),
            text: t.into(),
            context: Default::default(),
            anchor: Err(crate::engine::corpus::AnchorFailure::NotFound),
        };
        let quotes = [
            quote("Tăng trưởng kinh tế đạt 8,2%"),
            quote("Xuất khẩu tăng 41%"),
            quote("zzz qqq"),
        ];
        let refs: Vec<&Quote> = quotes.iter().collect();
        let each = |k: usize| nearest::cost(text.len(), &quotes[k].text);
        let searched = |placed: &[Option<Placed>]| -> Vec<bool> {
            let nearest = |p: &Option<Placed>| match p {
                Some(Placed::NotFound { nearest }) => nearest.clone(),
                _ => unreachable!("all are not found"),
            };
            placed
                .iter()
                .map(|p| nearest(p) != Nearest::NotSearched)
                .collect()
        };
        // Enough for the first two only: the third is not searched, whatever comes before.
        let mut placed = not_found(3);
        search_within(&mut placed, &refs, &text, each(0) + each(1));
        assert_eq!(searched(&placed), [true, true, false]);
        assert_eq!(
            placed[0],
            Some(Placed::NotFound {
                nearest: Nearest::Found(Box::new(("Tăng trưởng kinh tế đạt 8,02%".into(), 1)))
            })
        );
        // A quote searched by the last load but past the budget now is as a fresh load
        // has it; one within it is not searched again.
        let mut again = placed.clone();
        again.swap(0, 2);
        let swapped: Vec<&Quote> = [2, 1, 0].iter().map(|&k| &quotes[k]).collect();
        search_within(&mut again, &swapped, &text, each(2) + each(1));
        assert_eq!(searched(&again), [true, true, false]);
        assert_eq!(again[1], placed[1]);
        // Nothing close is said as such, not as not searched.
        let mut all = not_found(3);
        search_within(&mut all, &refs, &text, usize::MAX);
        assert_eq!(
            all[2],
            Some(Placed::NotFound {
                nearest: Nearest::Nothing
            })
        );
    }

    #[test]
    fn a_unique_place_anchors_in_the_document_given() {
        let place = Unique::new(4..9, 2, 3);
        let anchor = place.anchor(DocId::new(5));
        assert_eq!(anchor, Anchor::new(DocId::new(5), 4..9, 2, 3));
    }
}
