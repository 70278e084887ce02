//! Many quotes placed in one document together: one pass over its squeezed text with a
//! table of each quote's key (`keys.rs`), each place where a key stands checked against
//! its quote and context. Every place is counted, overlapping ones included, so that a
//! quote is unique, ambiguous or not found exactly as a scan of its own says. A quote
//! whose checks cost too much (a text that holds its key everywhere) is given up by the
//! pass and placed as a few quotes are, by a scan each, or through a suffix array when
//! the pass gave up on many.

mod keys;
#[cfg(test)]
mod tests;

use super::suffix::SuffixArray;
use super::{Anchorer, INDEX_FROM_QUOTES, MAX_REPORTED, Placement, Wanted};
use keys::{Entry, KEY, Sketch, Table, load};

/// A quote's text, prefix and suffix, as the brief has them.
pub type Parts<'q> = (&'q str, Option<&'q str>, Option<&'q str>);

/// Places where each quote is checked for free; past them, checks are paid from a pool.
const OWN_CHECKS: u16 = 32;
/// The pool, in bytes compared: this many per byte of text, and `POOL_BASE`.
const POOL_PER_BYTE: usize = 4;
const POOL_BASE: usize = 4096;
/// What a check costs besides the bytes it compares.
const CHECK_COST: usize = 16;

/// What the pass knows of one quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tally {
    /// No words: nothing to look for.
    Empty,
    /// Given up by the pass (or never in it): placed another way.
    GivenUp,
    /// How many places so far, the first one (squeezed offset), how many checks.
    Counted { count: u32, first: u32, checks: u16 },
}

/// The quotes of one document, placed together.
pub struct Many<'a, 't, G> {
    anchorer: &'a Anchorer<'t>,
    get: G,
    tallies: Vec<Tally>,
    /// (quote, squeezed offset) of the second to `MAX_REPORTED`-th places of each quote,
    /// by quote and offset.
    more: Vec<(u32, u32)>,
    /// The suffix array of the squeezed text, when the pass gave up on many quotes.
    index: Option<SuffixArray>,
}

impl<'a, 't, 'q, G: Fn(usize) -> Parts<'q>> Many<'a, 't, G> {
    /// Places the `count` quotes that `get` gives, in `anchorer`'s text; when the pass
    /// has placed them all, the squeezed text is let go (only its offsets are asked for).
    pub fn new(anchorer: &'a mut Anchorer<'t>, count: usize, get: G) -> Many<'a, 't, G> {
        let hay = anchorer.squeezed.bytes();
        let wanted = |k: usize| Wanted::new(get(k));
        let mut tallies = vec![Tally::GivenUp; count];
        let mut more = Vec::new();
        // Offsets and quotes are counted in `u32`.
        if u32::try_from(hay.len().max(count)).is_ok() {
            let tables = keyed(hay, &mut tallies, wanted);
            let mut pass = Pass {
                hay,
                tallies: &mut tallies,
                more: &mut more,
                pool: POOL_PER_BYTE * hay.len() + POOL_BASE,
            };
            pass.run(tables, wanted);
        }
        more.sort_unstable();
        let given_up = tallies.iter().filter(|&&t| t == Tally::GivenUp).count();
        let index = (given_up >= INDEX_FROM_QUOTES)
            .then(|| SuffixArray::new(hay))
            .flatten();
        if given_up == 0 {
            anchorer.squeezed.forget_bytes();
        }
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
        match self.tallies[k] {
            Tally::Empty => Placement::Empty,
            Tally::GivenUp => self.anchorer.place_wanted(&wanted(), self.index.as_ref()),
            Tally::Counted { count, first, .. } => {
                let from = self.more.partition_point(|&(q, _)| (q as usize) < k);
                let more = self.more.get(from..).unwrap_or_default().iter();
                let more = more.take_while(|&&(q, _)| q as usize == k);
                let first = std::iter::once(first)
                    .chain(more.map(|&(_, s)| s))
                    .map(|s| s as usize)
                    .collect();
                let len = wanted().quote.len();
                self.anchorer.found(len, count as usize, first)
            }
        }
    }
}

/// Each quote's key, in tables by length; a quote without words is marked empty, every
/// other one counted from nothing.
fn keyed<'q>(
    hay: &[u8],
    tallies: &mut [Tally],
    wanted: impl Fn(usize) -> Wanted<'q>,
) -> Vec<Table> {
    let sketch = Sketch::new(hay);
    let count = tallies.len();
    let keys = tallies.iter_mut().enumerate().filter_map(|(k, tally)| {
        let w = wanted(k);
        let quote = w.quote.as_bytes();
        if quote.is_empty() {
            *tally = Tally::Empty;
            return None;
        }
        *tally = Tally::Counted {
            count: 0,
            first: 0,
            checks: 0,
        };
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
    Table::all(keys, count)
}

/// The pass over the text: every place where a key stands, checked.
struct Pass<'h, 'm> {
    hay: &'h [u8],
    tallies: &'m mut [Tally],
    more: &'m mut Vec<(u32, u32)>,
    /// Work left for the checks past each quote's own.
    pool: usize,
}

impl Pass<'_, '_> {
    fn run<'q>(&mut self, mut tables: Vec<Table>, wanted: impl Fn(usize) -> Wanted<'q>) {
        let n = self.hay.len();
        for at in 0..n {
            let word = load(self.hay, at);
            for table in &mut tables {
                if at + table.len > n {
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
                    if self.check(e.quote as usize, start, &wanted) {
                        i += 1;
                    } else {
                        table.remove(bucket, i);
                    }
                }
            }
        }
    }

    /// Checks the `k`-th quote at squeezed offset `start`, counting it if it stands
    /// there; false when the quote is given up instead.
    fn check<'q>(&mut self, k: usize, start: usize, wanted: impl Fn(usize) -> Wanted<'q>) -> bool {
        let w = wanted(k);
        let Tally::Counted {
            count,
            first,
            checks,
        } = &mut self.tallies[k]
        else {
            return false;
        };
        *checks = checks.saturating_add(1);
        if *checks > OWN_CHECKS {
            let cost = CHECK_COST + w.len();
            if self.pool < cost {
                self.tallies[k] = Tally::GivenUp;
                return false;
            }
            self.pool -= cost;
        }
        if w.stands_at(self.hay, start) {
            *count += 1;
            if *count == 1 {
                *first = start as u32;
            } else if *count as usize <= MAX_REPORTED {
                self.more.push((k as u32, start as u32));
            }
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
