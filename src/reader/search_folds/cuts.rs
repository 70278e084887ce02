//! Where a search may cut a long line: between two characters whose folds meet in a pair
//! of bytes that the folded query never has side by side. A match, or any part of the
//! query the searcher looks for first, is a run of the query's bytes, so none holds both
//! sides of such a place, and the folds on either side are those of the whole line.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::engine::text::fold::fold_char_into;

/// Bytes past a piece's target looked through for a place to cut.
const LOOK: usize = 64 << 10;

/// The pairs of folded bytes side by side in a query, with `,` read as `.` (a decimal
/// separator matches either), sorted.
#[derive(Debug, Clone)]
pub(super) struct Cuts {
    pairs: Vec<[u8; 2]>,
}

/// A byte as pairs compare it.
fn loose(b: u8) -> u8 {
    if b == b',' { b'.' } else { b }
}

impl Cuts {
    /// The pairs of `query`, folded as the searcher folds it (its words in NFC joined by
    /// one space), and as typed.
    pub(super) fn of(query: &str) -> Cuts {
        let mut pairs = Vec::new();
        for form in [query.nfc().collect::<String>(), query.to_string()] {
            let mut folded = String::new();
            for c in form
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
            {
                fold_char_into(c, &mut folded);
            }
            pairs.extend(
                folded
                    .as_bytes()
                    .windows(2)
                    .map(|w| [loose(w[0]), loose(w[1])]),
            );
        }
        pairs.sort_unstable();
        pairs.dedup();
        Cuts { pairs }
    }

    /// The first place in `text[at..end]` where it may be cut (see the module), looking
    /// no further than `LOOK` bytes.
    pub(super) fn first(&self, text: &str, at: usize, end: usize) -> Option<usize> {
        let from = (at.max(1)..=at.saturating_add(4)).find(|&i| text.is_char_boundary(i))?;
        let to = (end.min(from.saturating_add(LOOK))..end)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(end);
        let window = text.get(from..to)?;
        let mut before = text.get(..from)?.chars().next_back()?;
        let (mut left, mut right) = (String::new(), String::new());
        for (i, after) in window.char_indices() {
            left.clear();
            right.clear();
            fold_char_into(before, &mut left);
            fold_char_into(after, &mut right);
            let pair = left
                .as_bytes()
                .last()
                .zip(right.as_bytes().first())
                .map(|(&l, &r)| [loose(l), loose(r)]);
            if !is_combining_mark(after)
                && pair.is_some_and(|p| self.pairs.binary_search(&p).is_err())
            {
                return Some(from + i);
            }
            before = after;
        }
        None
    }
}
