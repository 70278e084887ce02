//! A document's text, normalised once at the door, with a line index for positions.

use std::ops::Range;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// NFC text with `\n` line breaks and the byte offset where each line starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    text: String,
    line_starts: Vec<usize>,
}

impl Text {
    /// Normalises `raw`: drops a BOM, turns CRLF and lone CR into LF, composes to NFC.
    pub fn new(raw: &str) -> Text {
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let unified;
        let raw = if raw.contains('\r') {
            unified = raw.replace("\r\n", "\n").replace('\r', "\n");
            unified.as_str()
        } else {
            raw
        };
        Text::from_normalized_line_breaks(raw)
    }

    fn from_normalized_line_breaks(raw: &str) -> Text {
        let text = match is_nfc_quick(raw.chars()) {
            IsNormalized::Yes => raw.to_owned(),
            _ => raw.nfc().collect(),
        };
        let mut line_starts = Vec::with_capacity(text.len() / 64 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Text { text, line_starts }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Number of lines (a final line break does not start another line).
    pub fn line_count(&self) -> usize {
        let n = self.line_starts.len();
        if n > 1 && self.line_starts[n - 1] == self.text.len() {
            n - 1
        } else {
            n
        }
    }

    /// 0-based index of the line holding byte `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// Byte range of 0-based line `index`, without its line break.
    pub fn line_range(&self, index: usize) -> Range<usize> {
        let start = self.line_starts.get(index).copied().unwrap_or(self.text.len());
        let end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |next| next - 1);
        start..end.max(start)
    }

    /// The text of 0-based line `index`.
    pub fn line(&self, index: usize) -> &str {
        self.text.get(self.line_range(index)).unwrap_or("")
    }

    /// 1-based line and 1-based column (in characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let index = self.line_index(offset);
        let start = self.line_starts[index];
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (index + 1, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_bom_line_breaks_and_nfd() {
        let t = Text::new("\u{feff}a\r\nb\rPha\u{323}m\n");
        assert_eq!(t.as_str(), "a\nb\nPh\u{1ea1}m\n");
        assert_eq!(t.line_count(), 3);
        assert_eq!(t.line(2), "Ph\u{1ea1}m");
    }

    #[test]
    fn positions_count_characters() {
        let t = Text::new("xin chào\nđồng tiền");
        let off = t.as_str().find("tiền").unwrap();
        assert_eq!(t.line_col(off), (2, 6));
        assert_eq!(t.line_col(0), (1, 1));
        assert_eq!(t.line_index(t.len()), 1);
    }

    #[test]
    fn empty_text_has_one_empty_line() {
        let t = Text::new("");
        assert_eq!(t.line_count(), 1);
        assert_eq!(t.line(0), "");
        assert_eq!(t.line(5), "");
    }
}
