//! Anchoring a quote in a document (design section 3): NFC on both sides, any run of white
//! space in the quote matches any run of white space in the text, and exactly one place
//! must remain once `prefix:` and `suffix:` are taken into account.

pub mod nearest;
mod occurrences;
mod squeeze;
mod suffix;

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::engine::text::is_nfc;
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

/// Quotes on a document at least this many are placed through a suffix array: building
/// it costs about as much as this many scans of the text (80 ns a byte against 0.2).
pub const INDEX_FROM_QUOTES: usize = 256;
/// Occurrences of one needle sorted for the message at most; past that, the first places
/// are found by scanning from the start of the text, which stops after `MAX_REPORTED`.
const SORT_AT_MOST: usize = 1 << 16;

/// A document prepared for placing quotes: its text squeezed (white space runs as one
/// space), and, for a document that carries many quotes, a suffix array over that.
pub struct Anchorer<'t> {
    text: &'t str,
    squeezed: Squeezed,
    index: Option<SuffixArray>,
}

impl<'t> Anchorer<'t> {
    /// For a few quotes: each one is a linear scan of the text.
    pub fn new(text: &'t str) -> Anchorer<'t> {
        Anchorer {
            text,
            squeezed: Squeezed::new(text),
            index: None,
        }
    }

    /// For many quotes: the text is indexed once, then each quote costs its own length
    /// times the logarithm of the text's, whatever the text repeats.
    pub fn indexed(text: &'t str) -> Anchorer<'t> {
        let squeezed = Squeezed::new(text);
        let index = SuffixArray::new(squeezed.bytes());
        Anchorer {
            text,
            squeezed,
            index,
        }
    }

    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Places `quote`, narrowed by `prefix` and `suffix` (white space before or after the
    /// quote optional, as in the text).
    pub fn place(&self, quote: &str, prefix: Option<&str>, suffix: Option<&str>) -> Placement {
        let quote = squeeze_words(&nfc(quote));
        if quote.is_empty() {
            return Placement::Empty;
        }
        let context =
            |side: Option<&str>| Some(squeeze_words(&nfc(side?))).filter(|s| !s.is_empty());
        let (prefix, suffix) = (context(prefix), context(suffix));
        // Each needle is one way the quote can stand with its context, a context with or
        // without a space next to the quote; a place of the quote matches at most one of
        // them. They are written one after another into one buffer.
        let mut total = 0;
        let mut first: Vec<usize> = Vec::new();
        let mut needle = String::new();
        for (before, space_before) in ways(prefix.as_deref()).into_iter().flatten() {
            for (after, space_after) in ways(suffix.as_deref()).into_iter().flatten() {
                needle.clear();
                for part in [before, space_before, quote.as_str(), space_after, after] {
                    needle.push_str(part);
                }
                let (count, starts) = self.occurrences(needle.as_bytes());
                total += count;
                let offset = before.len() + space_before.len();
                first.extend(starts.into_iter().map(|s| s + offset));
            }
        }
        first.sort_unstable();
        first.truncate(MAX_REPORTED);
        let range = |s: usize| self.squeezed.original(s)..self.squeezed.original(s + quote.len());
        match total {
            0 => Placement::NotFound,
            1 => Placement::Unique(range(first[0])),
            _ => Placement::Ambiguous(first.into_iter().map(range).collect(), total),
        }
    }

    /// How many times `needle` stands in the squeezed text, and its first places.
    fn occurrences(&self, needle: &[u8]) -> (usize, Vec<usize>) {
        let hay = self.squeezed.bytes();
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
        let Some(index) = &self.index else {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a diagram: the text with the expected match in brackets.
    fn diagram(marked: &str) -> (String, Range<usize>) {
        let start = marked.find('[').expect("diagram has [");
        let end = marked.find(']').expect("diagram has ]") - 1;
        (marked.replacen('[', "", 1).replacen(']', "", 1), start..end)
    }

    fn assert_lands(marked: &str, quote: &str, prefix: Option<&str>, suffix: Option<&str>) {
        let (text, expected) = diagram(marked);
        assert_eq!(
            place(&text, quote, prefix, suffix),
            Placement::Unique(expected),
            "{quote:?} in {marked:?}"
        );
    }

    #[test]
    fn white_space_runs_match_across_line_breaks() {
        assert_lands(
            "tăng [trưởng\n  kinh\u{a0}tế] cao",
            "trưởng kinh tế",
            None,
            None,
        );
        assert_lands("a [b\n\nc] d", "  b c ", None, None);
    }

    #[test]
    fn nfd_quote_matches_nfc_text() {
        assert_lands(
            "Thủ tướng [Phạm Minh Chính] nói",
            "Pha\u{323}m Minh Chi\u{301}nh",
            None,
            None,
        );
    }

    #[test]
    fn white_space_is_required_between_words() {
        assert_eq!(place("ab", "a b", None, None), Placement::NotFound);
        // A soft hyphen and a zero-width space are not white space.
        assert_eq!(place("a\u{ad}b", "a b", None, None), Placement::NotFound);
        assert_eq!(place("a\u{200b}b", "a b", None, None), Placement::NotFound);
    }

    #[test]
    fn prefix_and_suffix_disambiguate() {
        let text = "FDI tăng 10%. Xuất khẩu tăng 10%. Nhập khẩu tăng 10%.";
        assert!(matches!(
            place(text, "tăng 10%", None, None),
            Placement::Ambiguous(_, 3)
        ));
        let expected = text.find("tăng 10%. Nhập").unwrap();
        let want = Placement::Unique(expected..expected + "tăng 10%".len());
        assert_eq!(place(text, "tăng 10%", Some("Xuất khẩu"), None), want);
        assert_eq!(place(text, "tăng 10%", None, Some(". Nhập")), want);
        assert_lands("x y [z] w z y", "z", Some("x\ny"), Some("w"));
    }

    #[test]
    fn overlapping_matches_count() {
        assert!(matches!(
            place("aaa", "aa", None, None),
            Placement::Ambiguous(_, 2)
        ));
    }

    #[test]
    fn not_found_and_empty() {
        assert_eq!(place("abc", "abd", None, None), Placement::NotFound);
        assert_eq!(place("abc", " \n ", None, None), Placement::Empty);
        assert_eq!(place("", "a", None, None), Placement::NotFound);
    }

    #[test]
    fn the_index_places_like_the_scan() {
        // Texts over a few words and white space, where quotes overlap and repeat.
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move |n: usize| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
        };
        let pieces = ["a", "b", "ab", "ba", " ", "\n", "\u{a0}", "  ", "đ"];
        let mut make =
            |len: usize| -> String { (0..len).map(|_| pieces[next(pieces.len())]).collect() };
        for _ in 0..400 {
            let text = make(40);
            let (indexed, scan) = (Anchorer::indexed(&text), Anchorer::new(&text));
            for _ in 0..8 {
                let quote = make(3);
                let prefix = Some(make(2)).filter(|p| p.len() % 3 != 0);
                let suffix = Some(make(2)).filter(|s| s.len() % 2 == 0);
                let (p, s) = (prefix.as_deref(), suffix.as_deref());
                assert_eq!(
                    indexed.place(&quote, p, s),
                    scan.place(&quote, p, s),
                    "{quote:?} {p:?} {s:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn long_repetitive_quotes_count_every_place() {
        let text = "a ".repeat(1000);
        let quote = "a ".repeat(300);
        for anchorer in [Anchorer::new(&text), Anchorer::indexed(&text)] {
            let Placement::Ambiguous(first, total) = anchorer.place(&quote, None, None) else {
                panic!("ambiguous");
            };
            assert_eq!((total, first.len(), first[1].clone()), (701, 50, 2..601));
            assert_eq!(anchorer.place(&quote, Some("b"), None), Placement::NotFound);
            assert_eq!(
                anchorer.place(&quote, None, Some("a b")),
                Placement::NotFound
            );
        }
    }
}
