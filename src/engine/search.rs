//! Search across documents, ignoring case and diacritics, with smart diacritics: a query
//! character that carries a mark itself ("đồng") matches only that mark ("đóng" is not
//! found), an unmarked one matches any ("dong" finds both). Matches never cross a line.

use std::ops::Range;

use memchr::memmem;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::engine::fold::{Folded, fold_char_into, is_marked};
use crate::engine::model::Document;

/// A compiled query.
#[derive(Debug, Clone)]
pub struct Searcher {
    folded: String,
    /// Query characters that must match exactly: (offset in `folded`, lower-case NFC char).
    exact: Vec<(usize, String)>,
}

/// One match in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Index into the documents searched.
    pub doc: usize,
    /// Byte range in the document's NFC text.
    pub range: Range<usize>,
    /// 1-based line and column (in characters).
    pub line: usize,
    pub column: usize,
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
        Some(Searcher { folded, exact })
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
        let finder = memmem::Finder::new(self.folded.as_bytes());
        for start in finder.find_iter(folded.text.as_bytes()) {
            let end = start + self.folded.len();
            if self.exact_marks_agree(text, folded, start) {
                out.push(folded.original_range(start, end, text.len()));
            }
        }
    }

    fn exact_marks_agree(&self, text: &str, folded: &Folded, start: usize) -> bool {
        self.exact.iter().all(|(offset, want)| {
            let at = folded.origin(start + offset);
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

/// Searches every document, in order, on up to two threads.
pub fn search_documents(docs: &[Document], searcher: &Searcher) -> Vec<Match> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(4);
    if threads < 2 || docs.len() < 2 {
        return search_range(docs, 0, searcher);
    }
    let chunk = docs.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = docs
            .chunks(chunk)
            .enumerate()
            .map(|(i, part)| scope.spawn(move || search_range(part, i * chunk, searcher)))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    })
}

fn search_range(docs: &[Document], first: usize, searcher: &Searcher) -> Vec<Match> {
    let mut folded = Folded::default();
    let mut ranges = Vec::new();
    let mut out = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let text = doc.text.as_str();
        folded.fold(text);
        ranges.clear();
        searcher.find_in_folded(text, &folded, &mut ranges);
        out.extend(ranges.drain(..).map(|range| {
            let (line, column) = doc.text.line_col(range.start);
            Match { doc: first + i, range, line, column }
        }));
    }
    out
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
        assert_eq!(found("Pham Minh Chinh", "Thủ tướng Phạm Minh Chính nói"), ["Phạm Minh Chính"]);
        assert_eq!(found("dong", "đồng và ĐÓNG"), ["đồng", "ĐÓNG"]);
    }

    #[test]
    fn smart_diacritics() {
        assert_eq!(found("đồng", "đồng đóng ĐỒNG dong"), ["đồng", "ĐỒNG"]);
        assert_eq!(found("Phạm minh chinh", "Phạm Minh Chính, Pham Minh Chinh"), ["Phạm Minh Chính"]);
    }

    #[test]
    fn decomposed_text_and_query() {
        let nfd = "Tha\u{300}nh pho\u{302}\u{301} Đa\u{300} Na\u{306}\u{303}ng";
        assert_eq!(found("da nang", nfd), ["Đa\u{300} Na\u{306}\u{303}ng"]);
        assert_eq!(found("Đa\u{300} Na\u{306}\u{303}ng", "Đà Nẵng"), ["Đà Nẵng"]);
    }

    #[test]
    fn indonesian() {
        assert_eq!(found("perdana menteri", "Perdana Menteri Vietnam"), ["Perdana Menteri"]);
    }

    #[test]
    fn empty_query_is_none() {
        assert!(Searcher::new("  \n").is_none());
        assert!(Searcher::new("\u{301}").is_none());
    }

    #[test]
    fn matches_do_not_cross_lines() {
        assert!(found("a b", "a\nb").is_empty());
    }
}
