//! Search across documents, ignoring case and diacritics, with smart diacritics: a query
//! character that carries a mark itself ("đồng") matches only that mark ("đóng" is not
//! found), an unmarked one matches any ("dong" finds both). Matches never cross a line.

pub mod print;

use std::cell::RefCell;
use std::ops::Range;

use memchr::memmem;
use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::engine::corpus::Document;
use crate::engine::finding::Finding;
use crate::engine::source::SourceFile;
use crate::engine::text::decode;
use crate::engine::text::fold::{Folded, fold_char_into, is_marked};

/// A compiled query.
#[derive(Debug, Clone)]
pub struct Searcher {
    folded: String,
    /// Query characters that must match exactly: (offset in `folded`, lower-case NFC char).
    exact: Vec<(usize, String)>,
    /// Offsets in `folded` of decimal separators (a `.` or `,` between digits), which
    /// match either: `8.3` finds `8,3` as Vietnamese and Indonesian write it.
    separators: Vec<usize>,
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
        let bytes = folded.as_bytes();
        let separators = (1..bytes.len().saturating_sub(1))
            .filter(|&i| {
                matches!(bytes[i], b'.' | b',')
                    && bytes[i - 1].is_ascii_digit()
                    && bytes[i + 1].is_ascii_digit()
            })
            .collect();
        Some(Searcher {
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
        let finder = memmem::Finder::new(self.folded.as_bytes());
        for start in finder.find_iter(folded.as_bytes()) {
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

/// Searches every document, in order, on every core.
pub fn search_documents(docs: &[Document], searcher: &Searcher) -> Vec<Match> {
    let per_doc: Vec<Vec<Match>> = docs
        .par_iter()
        .enumerate()
        .map_init(Folded::default, |folded, (i, doc)| {
            search_document(doc, i, searcher, folded)
        })
        .collect();
    per_doc.into_iter().flatten().collect()
}

fn search_document(
    doc: &Document,
    index: usize,
    searcher: &Searcher,
    folded: &mut Folded,
) -> Vec<Match> {
    let text = doc.text.as_str();
    folded.fold(text);
    let mut ranges = Vec::new();
    searcher.find_in_folded(text, folded, &mut ranges);
    // Columns counted on from the previous match of the same line: a long line with
    // many matches is read once, not once per match.
    let (mut line, mut counted, mut column) = (usize::MAX, 0, 1);
    ranges
        .into_iter()
        .map(|range| {
            let here = doc.text.line_index(range.start);
            if here != line {
                line = here;
                counted = doc.text.line_range(here).start;
                column = 1;
            }
            column += text
                .get(counted..range.start)
                .map_or(0, |s| s.chars().count());
            counted = range.start;
            Match {
                doc: index,
                range,
                line: line + 1,
                column,
            }
        })
        .collect()
}

/// Reads, decodes and searches files in one pass on every core, keeping only the
/// matches: what `briefing search` needs, without holding the corpus.
pub fn search_files(
    files: Vec<SourceFile>,
    searcher: &Searcher,
) -> Vec<Result<FileMatches, Finding>> {
    thread_local! {
        // One buffer and one fold per thread, reused file after file.
        static BUFFERS: RefCell<(Vec<u8>, Folded)> = RefCell::default();
    }
    files
        .into_par_iter()
        .map(|entry| {
            BUFFERS.with_borrow_mut(|(bytes, folded)| {
                entry
                    .read_into(bytes)
                    .map_err(|e| Finding::error(&entry.shown, format!("cannot read: {e}")))?;
                let mut found = FileMatches {
                    file: entry.name.clone(),
                    ..FileMatches::default()
                };
                if search_plain(bytes, searcher, folded, &mut found).is_some() {
                    return Ok(found);
                }
                // Anything unusual (not UTF-8, NUL, CR, not NFC) takes the path that normalises.
                found = FileMatches {
                    file: entry.name.clone(),
                    ..FileMatches::default()
                };
                let doc = Document {
                    text: decode(&entry.shown, bytes.clone())?,
                    file: entry.name.clone(),
                    meta: None,
                };
                for m in search_document(&doc, 0, searcher, folded) {
                    let line = doc.text.line_range(m.line - 1);
                    let text = doc.text.line(m.line - 1);
                    found.push(
                        m.line,
                        m.column,
                        text,
                        m.range.start - line.start..m.range.end - line.start,
                    );
                }
                Ok(found)
            })
        })
        .collect()
}

/// The fast path for a plain UTF-8 file (the usual case): searched in place, with no
/// normalised copy and no line index. `None` when the file needs the normalising path.
fn search_plain(
    bytes: &[u8],
    searcher: &Searcher,
    folded: &mut Folded,
    found: &mut FileMatches,
) -> Option<()> {
    let text = simdutf8::basic::from_utf8(bytes).ok()?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if memchr::memchr2(b'\r', 0, text.as_bytes()).is_some() {
        return None;
    }
    folded.fold(text);
    if folded.maybe_denormalized() {
        return None;
    }
    let mut ranges = Vec::new();
    searcher.find_in_folded(text, folded, &mut ranges);
    // Matches come in order: newlines are counted once, and on a line with several
    // matches each column counts on from the previous one, so a huge line stays linear.
    let bytes = text.as_bytes();
    let (mut line, mut counted) = (1, 0);
    let (mut line_start, mut line_end) = (0, None::<usize>);
    let (mut prev, mut column) = (0, 1);
    for range in ranges {
        if line_end.is_none_or(|end| range.start > end) {
            line += memchr::memchr_iter(b'\n', bytes.get(counted..range.start)?).count();
            counted = range.start;
            line_start = memchr::memrchr(b'\n', bytes.get(..range.start)?).map_or(0, |i| i + 1);
            let end = memchr::memchr(b'\n', bytes.get(range.start..)?)
                .map_or(text.len(), |i| range.start + i);
            line_end = Some(end);
            (prev, column) = (line_start, 1);
        }
        let line_text = text.get(line_start..line_end.unwrap_or(line_start))?;
        column += text.get(prev..range.start)?.chars().count();
        prev = range.start;
        found.push(
            line,
            column,
            line_text,
            range.start - line_start..range.end - line_start,
        );
    }
    Some(())
}

/// The line as shown with a match at byte `at`: whole, or for a line longer than
/// `LINE_LIMIT` bytes, the part around the match between ellipses; and where byte 0 of
/// the line would stand in what is shown (negative when cut).
fn excerpt(line: &str, at: usize) -> (std::borrow::Cow<'_, str>, isize) {
    if line.len() <= LINE_LIMIT {
        return (std::borrow::Cow::Borrowed(line), 0);
    }
    let floor = |mut i: usize| {
        while i > 0 && !line.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(at.saturating_sub(BEFORE_MATCH));
    let end = floor((start + EXCERPT).min(line.len()));
    let head = if start > 0 { "…" } else { "" };
    let tail = if end < line.len() { "…" } else { "" };
    let shift = head.len() as isize - start as isize;
    let shown = format!("{head}{}{tail}", line.get(start..end).unwrap_or(""));
    (std::borrow::Cow::Owned(shown), shift)
}

/// The matches in one file, with the text of the lines they stand on.
#[derive(Debug, Clone, Default)]
pub struct FileMatches {
    pub file: String,
    /// (line, column, byte range in `text` of that line's text), in order.
    pub lines: Vec<(usize, usize, Range<usize>)>,
    /// The matching lines, one after another (a line with several matches appears once).
    pub text: String,
    /// Each match's byte range in its line as shown (in the slice of `text` that
    /// `lines` names), one per entry of `lines`.
    pub spans: Vec<Range<usize>>,
}

/// Bytes of a line shown whole at most; a longer line is cut around each match.
const LINE_LIMIT: usize = 2000;
/// Bytes shown of a line that is cut, and how many of them before the match.
const EXCERPT: usize = 800;
const BEFORE_MATCH: usize = 200;

impl FileMatches {
    /// Records a match at bytes `at` of `line_text`.
    fn push(&mut self, line: usize, column: usize, line_text: &str, at: Range<usize>) {
        let (shown, shift) = excerpt(line_text, at.start);
        let place = |i: usize| (i as isize + shift).clamp(0, shown.len() as isize) as usize;
        self.spans.push(place(at.start)..place(at.end));
        let range = match self.lines.last() {
            Some((l, _, range)) if *l == line && self.text.get(range.clone()) == Some(&shown) => {
                range.clone()
            }
            _ => {
                let start = self.text.len();
                self.text.push_str(&shown);
                start..self.text.len()
            }
        };
        self.lines.push((line, column, range));
    }

    /// The matches grouped by line as shown: (line, the line's text, each match's byte
    /// range in it), a line with several matches once.
    pub fn by_line(&self) -> impl Iterator<Item = (usize, &str, &[Range<usize>])> + '_ {
        let mut at = 0;
        std::iter::from_fn(move || {
            let (line, _, range) = self.lines.get(at)?;
            let from = at;
            while self
                .lines
                .get(at)
                .is_some_and(|(l, _, r)| l == line && r == range)
            {
                at += 1;
            }
            let text = self.text.get(range.clone()).unwrap_or("");
            Some((*line, text, self.spans.get(from..at).unwrap_or_default()))
        })
    }

    /// Each match as (line, column, the line's text).
    pub fn iter(&self) -> impl Iterator<Item = (usize, usize, &str)> + '_ {
        self.lines
            .iter()
            .map(|(l, c, r)| (*l, *c, self.text.get(r.clone()).unwrap_or("")))
    }
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
    fn long_lines_are_cut_around_each_match_and_columns_count_on() {
        let line = format!("{}Phạm{}", "ă".repeat(3000), "x".repeat(3000));
        let text = format!("first\n{line}\nPhạm\n");
        let searcher = Searcher::new("pham").unwrap();
        let mut found = FileMatches::default();
        search_plain(
            text.as_bytes(),
            &searcher,
            &mut Folded::default(),
            &mut found,
        )
        .unwrap();
        let hits: Vec<(usize, usize, &str)> = found.iter().collect();
        assert_eq!((hits[0].0, hits[0].1), (2, 3001));
        assert!(
            hits[0].2.starts_with('…') && hits[0].2.ends_with('…'),
            "cut at both ends"
        );
        assert!(hits[0].2.contains("Phạm") && hits[0].2.len() < 900);
        assert_eq!(hits[1], (3, 1, "Phạm"));
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
