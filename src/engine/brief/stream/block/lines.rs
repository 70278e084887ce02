//! The lines of a brief as the block reader sees them: each one's indentation, its
//! content without the spaces around it, and whether spaces or a line break end it.

/// One line of the source.
#[derive(Clone, Copy)]
pub(super) struct Line<'a> {
    /// The column of its first character that is not a space.
    pub indent: usize,
    /// The line without the spaces around it.
    pub content: &'a str,
    /// Whether spaces end it.
    pub trailing_spaces: bool,
    /// Whether a line break ends it.
    pub broken: bool,
}

impl Line<'_> {
    /// Blank or a comment: no content for the structure.
    pub fn passed_over(&self) -> bool {
        self.content.is_empty() || self.content.starts_with('#')
    }

    /// `---`, `...` or a directive: a line this reader does not take.
    pub fn marker(&self) -> bool {
        self.indent == 0
            && (self.content.starts_with("---")
                || self.content.starts_with("...")
                || self.content.starts_with('%'))
    }
}

/// The lines of a source, the next one split ahead of time when asked for (`peek`).
#[derive(Clone)]
pub(super) struct Lines<'a> {
    rest: &'a str,
    /// The next line and the source after it, once `peek` has split it.
    ahead: Option<(Line<'a>, &'a str)>,
}

impl<'a> Lines<'a> {
    pub fn new(source: &'a str) -> Lines<'a> {
        Lines {
            rest: source,
            ahead: None,
        }
    }

    /// The next line, left to be taken.
    pub fn peek(&mut self) -> Option<Line<'a>> {
        if self.ahead.is_none() {
            self.ahead = split(self.rest);
        }
        self.ahead.map(|(line, _)| line)
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        let (line, rest) = match self.ahead.take() {
            Some(ahead) => ahead,
            None => split(self.rest)?,
        };
        self.rest = rest;
        Some(line)
    }
}

/// The first line of `source` and what follows it; `None` when nothing is left.
fn split(source: &str) -> Option<(Line<'_>, &str)> {
    if source.is_empty() {
        return None;
    }
    let (line, rest, broken) = match memchr::memchr(b'\n', source.as_bytes()) {
        Some(end) => (
            source.get(..end).unwrap_or(""),
            source.get(end + 1..).unwrap_or(""),
            true,
        ),
        None => (source, "", false),
    };
    let start = line.trim_start_matches(' ');
    let content = start.trim_end_matches(' ');
    let line = Line {
        indent: line.len() - start.len(),
        content,
        trailing_spaces: content.len() < start.len(),
        broken,
    };
    Some((line, rest))
}
