//! The matches of one file as `briefing search` keeps them: only the lines they stand on,
//! each once, a long line cut around each match.

use std::ops::Range;

/// The part of the line shown with a match at byte `at`: all of it, or for a line longer
/// than `LINE_LIMIT` bytes, the part around the match (char-aligned), shown between
/// ellipses where it is cut.
fn excerpt(line: &str, at: usize) -> Excerpt<'_> {
    if line.len() <= LINE_LIMIT {
        return Excerpt {
            head: "",
            part: line,
            tail: "",
            start: 0,
        };
    }
    let floor = |mut i: usize| {
        while i > 0 && !line.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(at.saturating_sub(BEFORE_MATCH));
    let end = floor((start + EXCERPT).min(line.len()));
    Excerpt {
        head: if start > 0 { "…" } else { "" },
        part: line.get(start..end).unwrap_or(""),
        tail: if end < line.len() { "…" } else { "" },
        start,
    }
}

/// What [`excerpt`] shows of a line: `head`, `part` (from byte `start` of the line), `tail`.
struct Excerpt<'a> {
    head: &'a str,
    part: &'a str,
    tail: &'a str,
    start: usize,
}

impl Excerpt<'_> {
    fn len(&self) -> usize {
        self.head.len() + self.part.len() + self.tail.len()
    }

    /// Where byte `i` of the line stands in what is shown, within it.
    fn place(&self, i: usize) -> usize {
        (i + self.head.len())
            .saturating_sub(self.start)
            .min(self.len())
    }

    fn is(&self, shown: &str) -> bool {
        shown.len() == self.len()
            && shown
                .strip_prefix(self.head)
                .and_then(|s| s.strip_suffix(self.tail))
                == Some(self.part)
    }
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
    pub(super) fn push(&mut self, line: usize, column: usize, line_text: &str, at: Range<usize>) {
        let shown = excerpt(line_text, at.start);
        self.spans.push(shown.place(at.start)..shown.place(at.end));
        let range = match self.lines.last() {
            Some((l, _, range))
                if *l == line && self.text.get(range.clone()).is_some_and(|s| shown.is(s)) =>
            {
                range.clone()
            }
            _ => {
                let start = self.text.len();
                self.text.push_str(shown.head);
                self.text.push_str(shown.part);
                self.text.push_str(shown.tail);
                start..self.text.len()
            }
        };
        self.lines.push((line, column, range));
    }

    /// Empties these matches for those of `file`, keeping their memory.
    pub(super) fn clear(&mut self, file: &str) {
        self.file.clear();
        self.file.push_str(file);
        self.lines.clear();
        self.text.clear();
        self.spans.clear();
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
