//! Many quotes placed in one document together: one pass over its squeezed text, made a
//! piece at a time (`pieces.rs`), with a table of each quote's key (`keys.rs`), each place
//! where a key stands checked against its quote and context. Every place is counted, overlapping ones included, so that a quote is unique, ambiguous or
//! not found exactly as a scan of its own says. A quote whose checks cost too much (a
//! text that holds its key everywhere) is given up by the pass and placed as a few quotes
//! are, by a scan each, or through a suffix array when the pass gave up on many: only
//! then is the squeezed text made whole.

mod keys;
mod pieces;
mod tally;
#[cfg(test)]
mod tests;

use super::suffix::SuffixArray;
use super::{Anchorer, INDEX_FROM_QUOTES, MAX_REPORTED, Placement, Wanted, found};
use keys::{Entry, KEY, Sketch, Table, load};
use pieces::Pieces;
use tally::{Packed, Tally};

/// A quote's text, prefix and suffix, as the brief has them.
pub type Parts<'q> = (&'q str, Option<&'q str>, Option<&'q str>);

/// Places where each quote is checked for free; past them, checks are paid from a pool.
const OWN_CHECKS: u8 = 32;
/// The pool, in bytes compared: this many per byte of text, and `POOL_BASE`.
const POOL_PER_BYTE: usize = 4;
const POOL_BASE: usize = 4096;
/// What a check costs besides the bytes it compares.
const CHECK_COST: usize = 16;

/// The quotes of one document, placed together.
pub struct Many<'a, 't, G> {
    anchorer: &'a Anchorer<'t>,
    get: G,
    tallies: Vec<Packed>,
    /// (quote, original start and end) of the second to `MAX_REPORTED`-th places of each
    /// quote, by quote and offset.
    more: Vec<(u32, u32, u32)>,
    /// The suffix array of the squeezed text, when the pass gave up on many quotes.
    index: Option<SuffixArray>,
}

impl<'a, 't, 'q, G: Fn(usize) -> Parts<'q>> Many<'a, 't, G> {
    /// Places the `count` quotes that `get` gives, in `anchorer`'s text.
    pub fn new(anchorer: &'a Anchorer<'t>, count: usize, get: G) -> Many<'a, 't, G> {
        let text = anchorer.text;
        let wanted = |k: usize| Wanted::new(get(k));
        let mut tallies = vec![Packed::from(Tally::GivenUp); count];
        let mut more = Vec::new();
        // Offsets and quotes are counted in `u32`.
        if u32::try_from(text.len().max(count)).is_ok() {
            let sketch = Sketch::new(text);
            let pool = POOL_PER_BYTE * sketch.squeezed_len() + POOL_BASE;
            let (tables, margin) = keyed(sketch, &mut tallies, wanted);
            let mut pass = Pass {
                text,
                tallies: &mut tallies,
                checks: vec![0; count],
                more: &mut more,
                pool,
            };
            pass.run(tables, margin, wanted);
        }
        more.sort_unstable();
        let given_up = tallies
            .iter()
            .filter(|t| t.tally() == Tally::GivenUp)
            .count();
        let index = (given_up >= INDEX_FROM_QUOTES)
            .then(|| SuffixArray::new(anchorer.squeezed().bytes()))
            .flatten();
        Many {
            anchorer,
            get,
            tallies,
            more,
            index,
        }
    }

    /// Where the `k`-th quote stands.
    pub fn placement(&self, k: usize) -> Placement {
        let wanted = || Wanted::new((self.get)(k));
        match self.tallies[k].tally() {
            Tally::Empty => Placement::Empty,
            Tally::GivenUp => self.anchorer.place_wanted(&wanted(), self.index.as_ref()),
            Tally::Counted { count, start, end } => {
                let from = self.more.partition_point(|&(q, ..)| (q as usize) < k);
                let more = self.more.get(from..).unwrap_or_default().iter();
                let more = more.take_while(|&&(q, ..)| q as usize == k);
                let first = std::iter::once((start, end))
                    .chain(more.map(|&(_, s, e)| (s, e)))
                    .map(|(s, e)| s as usize..e as usize)
                    .collect();
                found(count as usize, first)
            }
        }
    }
}

/// Each quote's key, in tables by length, and the most bytes a check compares; a quote
/// without words is marked empty, every other one counted from nothing.
fn keyed<'q>(
    sketch: Sketch,
    tallies: &mut [Packed],
    wanted: impl Fn(usize) -> Wanted<'q>,
) -> (Vec<Table>, usize) {
    let count = tallies.len();
    let mut margin = 0;
    let keys = tallies.iter_mut().enumerate().filter_map(|(k, tally)| {
        let w = wanted(k);
        let quote = w.quote.as_bytes();
        if quote.is_empty() {
            *tally = Tally::Empty.into();
            return None;
        }
        margin = margin.max(w.len());
        *tally = Tally::Counted {
            count: 0,
            start: 0,
            end: 0,
        }
        .into();
        let offset = if quote.len() < KEY {
            0
        } else {
            sketch.rarest(quote)
        };
        let entry = Entry {
            bytes: load(quote, offset),
            quote: k as u32,
            offset: offset as u32,
        };
        Some((quote.len().min(KEY), entry))
    });
    let by_len = Table::gather(keys, count);
    // Let go before the tables take room.
    drop(sketch);
    (Table::all(by_len), margin)
}

/// The pass over the text: every place where a key stands, checked.
struct Pass<'t, 'm> {
    text: &'t str,
    tallies: &'m mut [Packed],
    /// How many times each quote was checked (saturating: only past `OWN_CHECKS` counts).
    checks: Vec<u8>,
    more: &'m mut Vec<(u32, u32, u32)>,
    /// Work left for the checks past each quote's own.
    pool: usize,
}

impl Pass<'_, '_> {
    /// Reads the squeezed text with `margin` bytes about each offset, as many as a check
    /// compares at most.
    fn run<'q>(
        &mut self,
        mut tables: Vec<Table>,
        margin: usize,
        wanted: impl Fn(usize) -> Wanted<'q>,
    ) {
        let mut pieces = Pieces::new(self.text, margin);
        while let Some(offsets) = pieces.advance() {
            for at in offsets {
                self.look(at, &pieces, &mut tables, &wanted);
            }
        }
    }

    /// Checks every quote whose key stands at squeezed offset `at`.
    fn look<'q>(
        &mut self,
        at: usize,
        pieces: &Pieces,
        tables: &mut [Table],
        wanted: impl Fn(usize) -> Wanted<'q>,
    ) {
        let word = pieces.word(at);
        for table in tables {
            if at + table.len > pieces.end() {
                break;
            }
            let key = word & table.mask;
            let Some(bucket) = table.bucket(key) else {
                continue;
            };
            let mut i = 0;
            while let Some(e) = table.entry(bucket, i) {
                let Some(start) = at.checked_sub(e.offset as usize).filter(|_| e.bytes == key)
                else {
                    i += 1;
                    continue;
                };
                if self.check(e.quote as usize, start, pieces, &wanted) {
                    i += 1;
                } else {
                    table.remove(bucket, i);
                }
            }
        }
    }

    /// Checks the `k`-th quote at squeezed offset `start` (in the window of `pieces`),
    /// counting it if it stands there; false when the quote is given up instead.
    fn check<'q>(
        &mut self,
        k: usize,
        start: usize,
        pieces: &Pieces,
        wanted: impl Fn(usize) -> Wanted<'q>,
    ) -> bool {
        let w = wanted(k);
        let Tally::Counted {
            mut count,
            start: first,
            end: first_end,
        } = self.tallies[k].tally()
        else {
            return false;
        };
        let checks = &mut self.checks[k];
        *checks = checks.saturating_add(1);
        if *checks > OWN_CHECKS {
            let cost = CHECK_COST + w.len();
            if self.pool < cost {
                self.tallies[k] = Tally::GivenUp.into();
                return false;
            }
            self.pool -= cost;
        }
        let (window, base) = pieces.window();
        if w.stands_at(window, start - base) {
            count += 1;
            let at = |s: usize| pieces.original(s) as u32;
            let place = (at(start), at(start + w.quote.len()));
            let (start, end) = if count == 1 {
                place
            } else {
                (first, first_end)
            };
            if count > 1 && count as usize <= MAX_REPORTED {
                self.more.push((k as u32, place.0, place.1));
            }
            self.tallies[k] = Tally::Counted { count, start, end }.into();
        }
        true
    }
}

impl Wanted<'_> {
    /// The bytes a check compares at most.
    fn len(&self) -> usize {
        let side = |s: &Option<std::borrow::Cow<str>>| s.as_ref().map_or(0, |s| s.len() + 1);
        self.quote.len() + side(&self.prefix) + side(&self.suffix)
    }

    /// Whether the quote stands at squeezed offset `start` of `hay` with its context,
    /// a space between them or none (never both: a context has no space at its ends).
    /// `hay` may be a window of the squeezed text with `len` bytes about the quote.
    fn stands_at(&self, hay: &[u8], start: usize) -> bool {
        let end = start + self.quote.len();
        let before = |p: &str| {
            let head = hay.get(..start).unwrap_or_default();
            let p = p.as_bytes();
            head.ends_with(p) || head.strip_suffix(b" ").is_some_and(|h| h.ends_with(p))
        };
        let after = |s: &str| {
            let tail = hay.get(end..).unwrap_or_default();
            let s = s.as_bytes();
            tail.starts_with(s) || tail.strip_prefix(b" ").is_some_and(|t| t.starts_with(s))
        };
        hay.get(start..end) == Some(self.quote.as_bytes())
            && self.prefix.as_deref().is_none_or(before)
            && self.suffix.as_deref().is_none_or(after)
    }
}
