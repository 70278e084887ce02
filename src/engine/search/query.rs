//! A compiled query: folded like the text (lower case, marks dropped, đ to d), with the
//! query's own marks kept to check (smart diacritics) and decimal separators that match
//! either way (`8.3` finds `8,3`). It finds byte ranges of the original text.

use std::ops::Range;

use memchr::memmem;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::anchored::Anchors;
use crate::engine::text::fold::{Folded, fold_char_into, is_marked};

/// A compiled query.
#[derive(Debug, Clone)]
pub struct Searcher {
    pub(super) folded: String,
    /// A finder for `folded`, made once.
    finder: memmem::Finder<'static>,
    /// The runs of `folded` to look for in raw text (`anchored.rs`).
    pub(super) anchors: Anchors,
    /// Query characters that must match exactly: (offset in `folded`, lower-case NFC char).
    exact: Vec<(usize, String)>,
    /// Offsets in `folded` of decimal separators (a `.` or `,` between digits), which
    /// match either: `8.3` finds `8,3` as Vietnamese and Indonesian write it.
    separators: Vec<usize>,
}

impl Searcher {
    /// Compiles `query`; `None` when it has nothing to search for.
    pub fn new(query: &str) -> Option<Searcher> {
        let nfc: String = query.nfc().collect();
        let words: Vec<&str> = nfc.split_whitespace().collect();
        if words.is_empty() {
            return None;
        }
        let normalised = words.join(" ");
        let mut folded = String::new();
        let mut exact = Vec::new();
        for unit in units(&normalised) {
            let offset = folded.len();
            let mut base = unit.chars();
            if let Some(c) = base.next()
                && (is_marked(c) || base.next().is_some())
            {
                exact.push((offset, lower_nfc(unit)));
            }
            for c in unit.chars() {
                fold_char_into(c, &mut folded);
            }
        }
        if folded.is_empty() {
            return None;
        }
        let bytes = folded.as_bytes();
        let separators = (1..bytes.len().saturating_sub(1))
            .filter(|&i| {
                matches!(bytes[i], b'.' | b',')
                    && bytes[i - 1].is_ascii_digit()
                    && bytes[i + 1].is_ascii_digit()
            })
            .collect::<Vec<usize>>();
        Some(Searcher {
            finder: memmem::Finder::new(folded.as_bytes()).into_owned(),
            anchors: Anchors::new(&folded, &separators),
            folded,
            exact,
            separators,
        })
    }

    /// Every match in `text` (NFC), as byte ranges, in order.
    pub fn find_in(&self, text: &str) -> Vec<Range<usize>> {
        let mut folded = Folded::default();
        folded.fold(text);
        let mut out = Vec::new();
        self.find_in_folded(text, &folded, &mut out);
        out
    }

    /// Like `find_in`, over a text already folded into `folded` (whose buffer is reused).
    pub fn find_in_folded(&self, text: &str, folded: &Folded, out: &mut Vec<Range<usize>>) {
        self.find_in_folded_up_to(text, folded, out, usize::MAX);
    }

    /// Like `find_in_folded`, stopping once `out` holds `limit` matches (the reader's cap:
    /// a one-letter query on a large document).
    pub fn find_in_folded_up_to(
        &self,
        text: &str,
        folded: &Folded,
        out: &mut Vec<Range<usize>>,
        limit: usize,
    ) {
        if !self.separators.is_empty() {
            return self.find_with_separators(text, folded, out, limit);
        }
        for start in self.finder.find_iter(folded.as_bytes()) {
            if out.len() >= limit {
                return;
            }
            let end = start + self.folded.len();
            if self.exact_marks_agree(text, folded, start) {
                out.push(folded.original_range(text, start, end));
            }
        }
    }

    /// Like `find_in_folded` for a query with decimal separators: the longest stretch
    /// between them is found, and the rest compared around it, a separator matching
    /// either `.` or `,`.
    fn find_with_separators(
        &self,
        text: &str,
        folded: &Folded,
        out: &mut Vec<Range<usize>>,
        limit: usize,
    ) {
        let query = self.folded.as_bytes();
        let bounds: Vec<usize> = std::iter::once(0)
            .chain(self.separators.iter().flat_map(|&s| [s, s + 1]))
            .chain(std::iter::once(query.len()))
            .collect();
        let (from, to) = bounds
            .chunks(2)
            .map(|pair| (pair[0], pair[1]))
            .max_by_key(|(from, to)| to - from)
            .unwrap_or((0, query.len()));
        let hay = folded.as_bytes();
        let agree = |start: usize| {
            hay.get(start..start + query.len()).is_some_and(|seen| {
                seen.iter().zip(query).enumerate().all(|(i, (s, q))| {
                    s == q || (self.separators.contains(&i) && matches!(s, b'.' | b','))
                })
            })
        };
        let mut last_end = 0;
        let finder = memmem::Finder::new(query.get(from..to).unwrap_or_default());
        for hit in finder.find_iter(hay) {
            if out.len() >= limit {
                return;
            }
            let Some(start) = hit.checked_sub(from) else {
                continue;
            };
            if start < last_end || !agree(start) || !self.exact_marks_agree(text, folded, start) {
                continue;
            }
            last_end = start + query.len();
            out.push(folded.original_range(text, start, last_end));
        }
    }

    fn exact_marks_agree(&self, text: &str, folded: &Folded, start: usize) -> bool {
        self.exact.iter().all(|(offset, want)| {
            let at = folded.origin(text, start + offset);
            text.get(at..)
                .and_then(|rest| units(rest).next())
                .is_some_and(|unit| lower_nfc(unit) == *want)
        })
    }
}

/// A base character with the combining marks that follow it.
fn units(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let mut chars = rest.char_indices();
        chars.next()?;
        let end = chars
            .find(|&(_, c)| !is_combining_mark(c))
            .map_or(rest.len(), |(i, _)| i);
        let (unit, tail) = rest.split_at(end);
        rest = tail;
        Some(unit)
    })
}

fn lower_nfc(unit: &str) -> String {
    unit.nfc().flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(query: &str, text: &'a str) -> Vec<&'a str> {
        Searcher::new(query)
            .map(|s| s.find_in(text))
            .unwrap_or_default()
            .into_iter()
            .map(|r| text.get(r).unwrap())
            .collect()
    }

    #[test]
    fn ignores_case_and_diacritics() {
        assert_eq!(
            found("Pham Minh Chinh", "Thủ tướng Phạm Minh Chính nói"),
            ["Phạm Minh Chính"]
        );
        assert_eq!(found("dong", "đồng và ĐÓNG"), ["đồng", "ĐÓNG"]);
    }

    #[test]
    fn smart_diacritics() {
        assert_eq!(found("đồng", "đồng đóng ĐỒNG dong"), ["đồng", "ĐỒNG"]);
        assert_eq!(
            found("Phạm minh chinh", "Phạm Minh Chính, Pham Minh Chinh"),
            ["Phạm Minh Chính"]
        );
    }

    #[test]
    fn decomposed_text_and_query() {
        let nfd = "Tha\u{300}nh pho\u{302}\u{301} Đa\u{300} Na\u{306}\u{303}ng";
        assert_eq!(found("da nang", nfd), ["Đa\u{300} Na\u{306}\u{303}ng"]);
        assert_eq!(
            found("Đa\u{300} Na\u{306}\u{303}ng", "Đà Nẵng"),
            ["Đà Nẵng"]
        );
    }

    #[test]
    fn indonesian() {
        assert_eq!(
            found("perdana menteri", "Perdana Menteri Vietnam"),
            ["Perdana Menteri"]
        );
    }

    #[test]
    fn empty_query_is_none() {
        assert!(Searcher::new("  \n").is_none());
        assert!(Searcher::new("\u{301}").is_none());
    }

    #[test]
    fn numbers_match_across_decimal_comma_and_point() {
        assert_eq!(found("8.3", "từ 8,3-8,5% và 8.3"), ["8,3", "8.3"]);
        assert_eq!(found("7,52", "tăng 7,52% hay 7.52"), ["7,52", "7.52"]);
        assert_eq!(found("8.3-8.5%", "từ 8,3-8,5% trong"), ["8,3-8,5%"]);
        assert_eq!(
            found("1.000.000", "1,000,000 và 1.000,000"),
            ["1,000,000", "1.000,000"]
        );
        // Only between digits: a full stop is not a comma, and `8.3` is not `813`.
        assert!(found("nam. Ha", "nam, Ha").is_empty());
        assert!(found("8.3", "813 8;3").is_empty());
        // Matches do not overlap, and the separator keeps the other rules.
        assert_eq!(found("1.1", "1,1,1.1"), ["1,1", "1.1"]);
        assert_eq!(found("Đồng 8.3", "đồng 8,3 đóng 8,3"), ["đồng 8,3"]);
    }

    #[test]
    fn matches_do_not_cross_lines() {
        assert!(found("a b", "a\nb").is_empty());
    }
}
