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

/// The lines of a source.
#[derive(Clone)]
pub(super) struct Lines<'a> {
    pub rest: &'a str,
}

impl<'a> Iterator for Lines<'a> {
    type Item = Line<'a>;

    fn next(&mut self) -> Option<Line<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        let (line, rest, broken) = match memchr::memchr(b'\n', self.rest.as_bytes()) {
            Some(end) => (
                self.rest.get(..end).unwrap_or(""),
                self.rest.get(end + 1..).unwrap_or(""),
                true,
            ),
            None => (self.rest, "", false),
        };
        self.rest = rest;
        let start = line.trim_start_matches(' ');
        let content = start.trim_end_matches(' ');
        Some(Line {
            indent: line.len() - start.len(),
            content,
            trailing_spaces: content.len() < start.len(),
            broken,
        })
    }
}
