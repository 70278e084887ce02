//! Searching files as `briefing search` does, without holding the corpus: each file read,
//! decoded and searched in one pass on every core, only its matching lines kept (long
//! lines cut around each match).

use std::cell::RefCell;
use std::ops::Range;

use rayon::prelude::*;

use super::Searcher;
use super::documents::search_document;
use crate::engine::corpus::Document;
use crate::engine::finding::Finding;
use crate::engine::source::SourceFile;
use crate::engine::text::decode;
use crate::engine::text::fold::Folded;

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
}
