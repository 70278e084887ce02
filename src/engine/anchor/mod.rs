//! Anchoring a quote in a document (design section 3): NFC on both sides, any run of white
//! space in the quote matches any run of white space in the text, and exactly one place
//! must remain once `prefix:` and `suffix:` are taken into account.

mod many;
pub mod nearest;
mod occurrences;
mod plain;
mod squeeze;
mod suffix;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::engine::text::is_nfc;
pub use many::{Many, Parts};
use occurrences::Needle;
use squeeze::{Squeezed, squeeze_words};
use suffix::SuffixArray;

/// How many matches are kept when a quote is ambiguous (for the message).
const MAX_REPORTED: usize = 50;

/// What anchoring a quote found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// Exactly one place: the byte range in the text.
    Unique(Range<usize>),
    /// No place.
    NotFound,
    /// Several places (byte ranges, at most `MAX_REPORTED` of them) and how many in all.
    Ambiguous(Vec<Range<usize>>, usize),
    /// The quote has no text.
    Empty,
}

/// Quotes on a document at least this many are placed together, in one pass over its
/// text ([`Many`]), rather than by a scan each (a scan costs little: 0.2 ns a byte). As
/// many quotes that the pass gives up on are placed through a suffix array.
pub const INDEX_FROM_QUOTES: usize = 256;
/// Occurrences of one needle sorted for the message at most; past that, the first places
/// are found by scanning from the start of the text, which stops after `MAX_REPORTED`.
const SORT_AT_MOST: usize = 1 << 16;

/// A quote with its prefix and suffix as they are matched: NFC, white space squeezed, a
/// context without words dropped; borrowed when already so (most are).
struct Wanted<'q> {
    quote: Cow<'q, str>,
    prefix: Option<Cow<'q, str>>,
    suffix: Option<Cow<'q, str>>,
}

impl<'q> Wanted<'q> {
    fn new((quote, prefix, suffix): Parts<'q>) -> Wanted<'q> {
        let context = |side: Option<&'q str>| {
            Some(squeeze_words(nfc(side?))).filter(|s: &Cow<str>| !s.is_empty())
        };
        Wanted {
            quote: squeeze_words(nfc(quote)),
            prefix: context(prefix),
            suffix: context(suffix),
        }
    }
}

/// A document prepared for placing quotes: its text squeezed (white space runs as one
/// space) once a scan or a suffix array needs it (a pass over many quotes does not).
pub struct Anchorer<'t> {
    text: &'t str,
    squeezed: OnceLock<Squeezed>,
}

impl<'t> Anchorer<'t> {
    pub fn new(text: &'t str) -> Anchorer<'t> {
        Anchorer {
            text,
            squeezed: OnceLock::new(),
        }
    }

    fn squeezed(&self) -> &Squeezed {
        self.squeezed.get_or_init(|| Squeezed::new(self.text))
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Places `quote`, narrowed by `prefix` and `suffix` (white space before or after the
    /// quote optional, as in the text), by a linear scan of the text.
    pub fn place(&self, quote: &str, prefix: Option<&str>, suffix: Option<&str>) -> Placement {
        self.place_wanted(&Wanted::new((quote, prefix, suffix)), None)
    }

    /// Places `wanted` by scans of the text, or through `index`, the suffix array of the
    /// squeezed text.
    fn place_wanted(&self, wanted: &Wanted, index: Option<&SuffixArray>) -> Placement {
        let quote = wanted.quote.as_ref();
        if quote.is_empty() {
            return Placement::Empty;
        }
        // Each needle is one way the quote can stand with its context, a context with or
        // without a space next to the quote; a place of the quote matches at most one of
        // them. They are written one after another into one buffer.
        let mut total = 0;
        let mut first: Vec<usize> = Vec::new();
        let mut needle = String::new();
        for (before, space_before) in ways(wanted.prefix.as_deref()).into_iter().flatten() {
            for (after, space_after) in ways(wanted.suffix.as_deref()).into_iter().flatten() {
                needle.clear();
                for part in [before, space_before, quote, space_after, after] {
                    needle.push_str(part);
                }
                let (count, starts) = self.occurrences(needle.as_bytes(), index);
                total += count;
                let offset = before.len() + space_before.len();
                first.extend(starts.into_iter().map(|s| s + offset));
            }
        }
        first.sort_unstable();
        self.found(quote.len(), total, first)
    }

    /// The placement of a quote of `len` squeezed bytes found `total` times, the first
    /// places (squeezed offsets, in order) in `first`.
    fn found(&self, len: usize, total: usize, mut first: Vec<usize>) -> Placement {
        first.truncate(MAX_REPORTED);
        let squeezed = self.squeezed();
        let range = |s: usize| squeezed.original(s)..squeezed.original(s + len);
        found(total, first.into_iter().map(range).collect())
    }

    /// How many times `needle` stands in the squeezed text, and its first places.
    fn occurrences(&self, needle: &[u8], index: Option<&SuffixArray>) -> (usize, Vec<usize>) {
        let hay = self.squeezed().bytes();
        let scan = |limit: Option<usize>| {
            let mut count = 0;
            let mut first = Vec::new();
            for start in Needle::new(needle).find_in(hay) {
                count += 1;
                if first.len() < MAX_REPORTED {
                    first.push(start);
                } else if limit.is_some() {
                    break;
                }
            }
            (count, first)
        };
        let Some(index) = index else {
            return scan(None);
        };
        let slots = index.range(hay, needle);
        let count = slots.len();
        if count > SORT_AT_MOST {
            return (count, scan(Some(MAX_REPORTED)).1);
        }
        let mut starts: Vec<usize> = index.starts(slots).collect();
        if starts.len() > MAX_REPORTED {
            starts.select_nth_unstable(MAX_REPORTED - 1);
            starts.truncate(MAX_REPORTED);
        }
        starts.sort_unstable();
        (count, starts)
    }
}

/// The placement of a quote found `total` times, the first places (in order) in `first`.
fn found(total: usize, mut first: Vec<Range<usize>>) -> Placement {
    first.truncate(MAX_REPORTED);
    match total {
        0 => Placement::NotFound,
        1 => first
            .into_iter()
            .next()
            .map_or(Placement::NotFound, Placement::Unique),
        _ if first.is_empty() => Placement::NotFound,
        _ => Placement::Ambiguous(first, total),
    }
}

/// The ways a context stands next to a quote: with a space between them or without.
fn ways(side: Option<&str>) -> [Option<(&str, &'static str)>; 2] {
    match side {
        Some(side) => [Some((side, " ")), Some((side, ""))],
        None => [Some(("", "")), None],
    }
}

fn nfc(s: &str) -> Cow<'_, str> {
    if is_nfc(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.nfc().collect())
    }
}

/// Places `quote` in `text` (which is NFC), narrowed by `prefix` and `suffix`.
pub fn place(text: &str, quote: &str, prefix: Option<&str>, suffix: Option<&str>) -> Placement {
    Anchorer::new(text).place(quote, prefix, suffix)
}
