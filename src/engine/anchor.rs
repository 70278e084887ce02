//! Anchoring a quote in a document (design section 3): NFC on both sides, any run of white
//! space in the quote matches any run of white space in the text, and exactly one place
//! must remain once `prefix:` and `suffix:` are taken into account.

use std::ops::Range;

use memchr::memmem;
use unicode_normalization::UnicodeNormalization;

use crate::engine::text::is_nfc;

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

/// A quote broken into its words: the unit of white-space-insensitive matching.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The quote in NFC.
    text: String,
    /// Its words, as byte ranges of `text`.
    words: Vec<Range<usize>>,
}

impl Pattern {
    /// Normalises `quote` to NFC and splits it at white space.
    pub fn new(quote: &str) -> Pattern {
        let text: String = if is_nfc(quote) {
            quote.to_owned()
        } else {
            quote.nfc().collect()
        };
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices() {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    words.push(s..i);
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        if let Some(s) = start {
            words.push(s..text.len());
        }
        Pattern { text, words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    fn word(&self, i: usize) -> &[u8] {
        self.words
            .get(i)
            .and_then(|r| self.text.as_bytes().get(r.clone()))
            .unwrap_or(&[])
    }

    /// The end of a match starting exactly at `start`, if there is one.
    pub fn match_at(&self, text: &str, start: usize) -> Option<usize> {
        let mut pos = start;
        for i in 0..self.words.len() {
            let word = self.word(i);
            if i > 0 {
                let skipped = skip_ws(text, pos);
                if skipped == pos {
                    return None;
                }
                pos = skipped;
            }
            if !text.as_bytes().get(pos..)?.starts_with(word) {
                return None;
            }
            pos += word.len();
        }
        Some(pos)
    }

    /// The start of a match ending exactly at `end`, if there is one.
    pub fn match_ending_at(&self, text: &str, end: usize) -> Option<usize> {
        let mut pos = end;
        for (i, k) in (0..self.words.len()).rev().enumerate() {
            let word = self.word(k);
            if i > 0 {
                let skipped = skip_ws_back(text, pos);
                if skipped == pos {
                    return None;
                }
                pos = skipped;
            }
            if !text.as_bytes().get(..pos)?.ends_with(word) {
                return None;
            }
            pos -= word.len();
        }
        Some(pos)
    }

    /// Every match, overlapping ones included, in order.
    pub fn find_all<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        let first = self.word(0);
        let finder = memmem::Finder::new(first);
        let mut from = 0;
        std::iter::from_fn(move || {
            if first.is_empty() {
                return None;
            }
            loop {
                let hay = text.as_bytes().get(from..)?;
                let start = from + finder.find(hay)?;
                // Step one character on, so that overlapping matches are counted too.
                from = start
                    + text
                        .get(start..)
                        .and_then(|s| s.chars().next())
                        .map_or(1, char::len_utf8);
                if let Some(end) = self.match_at(text, start) {
                    return Some(start..end);
                }
            }
        })
    }
}

/// Places `quote` in `text` (which is NFC), narrowed by `prefix` and `suffix`.
pub fn place(text: &str, quote: &str, prefix: Option<&str>, suffix: Option<&str>) -> Placement {
    let pattern = Pattern::new(quote);
    if pattern.is_empty() {
        return Placement::Empty;
    }
    let prefix = prefix.map(Pattern::new).filter(|p| !p.is_empty());
    let suffix = suffix.map(Pattern::new).filter(|p| !p.is_empty());
    let mut kept = Vec::new();
    let mut total = 0;
    for range in pattern.find_all(text) {
        let before_ok = prefix.as_ref().is_none_or(|p| {
            p.match_ending_at(text, skip_ws_back(text, range.start))
                .is_some()
        });
        let after_ok = suffix
            .as_ref()
            .is_none_or(|s| s.match_at(text, skip_ws(text, range.end)).is_some());
        if before_ok && after_ok {
            total += 1;
            if kept.len() < MAX_REPORTED {
                kept.push(range);
            }
        }
    }
    match total {
        0 => Placement::NotFound,
        1 => Placement::Unique(kept.swap_remove(0)),
        _ => Placement::Ambiguous(kept, total),
    }
}

fn skip_ws(text: &str, pos: usize) -> usize {
    let rest = text.get(pos..).unwrap_or("");
    pos + (rest.len() - rest.trim_start().len())
}

fn skip_ws_back(text: &str, pos: usize) -> usize {
    let head = text.get(..pos).unwrap_or("");
    head.trim_end().len()
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
}
