//! Text: a file's bytes decoded (`decode.rs`) into a document's text, normalised once at
//! the door, with a line index for positions (here); measured (`width.rs`) and wrapped
//! (`wrap.rs`) by display width for screen and print; folded for search (`fold.rs`).

pub mod decode;
pub mod fold;
pub(crate) mod scan;
pub mod width;
pub mod wrap;

pub use decode::{decode, decode_bytes};

use std::ops::Range;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// NFC text with `\n` line breaks and the byte offset where each line starts (as `u32`:
/// a text comes from a file of at most 1 GiB, and NFC at most triples it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    text: String,
    line_starts: Vec<u32>,
}

impl Text {
    /// Normalises `raw`: drops a BOM, turns CRLF and lone CR into LF, composes to NFC;
    /// copied once when it is already normal (the usual case), never twice.
    pub fn new(raw: &str) -> Text {
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        Text::indexed(if memchr::memchr(b'\r', raw.as_bytes()).is_some() {
            composed(raw.replace("\r\n", "\n").replace('\r', "\n"))
        } else if is_nfc(raw) {
            raw.to_owned()
        } else {
            raw.nfc().collect()
        })
    }

    /// Like `new`, reusing the string's memory when it is already normal (the usual case).
    pub fn from_string(mut text: String) -> Text {
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        if memchr::memchr(b'\r', text.as_bytes()).is_some() {
            text = text.replace("\r\n", "\n").replace('\r', "\n");
        }
        Text::indexed(composed(text))
    }

    /// `text` (normal already) with its line index.
    fn indexed(text: String) -> Text {
        let breaks = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        let mut line_starts = Vec::with_capacity(breaks + 1);
        line_starts.push(0);
        let small = |i: usize| u32::try_from(i + 1).unwrap_or(u32::MAX);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(small));
        Text { text, line_starts }
    }

    /// The normalised text, giving up the line index.
    pub fn into_string(self) -> String {
        self.text
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
        if n > 1 && self.line_starts[n - 1] as usize == self.text.len() {
            n - 1
        } else {
            n
        }
    }

    /// 0-based index of the line holding byte `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s as usize <= offset)
            .saturating_sub(1)
    }

    /// Byte range of 0-based line `index`, without its line break.
    pub fn line_range(&self, index: usize) -> Range<usize> {
        let start = self
            .line_starts
            .get(index)
            .map_or(self.text.len(), |&s| s as usize);
        let end = self
            .line_starts
            .get(index + 1)
            .map_or(self.text.len(), |&next| next as usize - 1);
        start..end.max(start)
    }

    /// The text of 0-based line `index`.
    pub fn line(&self, index: usize) -> &str {
        self.text.get(self.line_range(index)).unwrap_or("")
    }

    /// 1-based line and 1-based column (in characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let index = self.line_index(offset);
        let start = self.line_starts.get(index).map_or(0, |&s| s as usize);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (index + 1, column + 1)
    }
}

/// `text` in NFC, its memory reused when it is already.
fn composed(text: String) -> String {
    if is_nfc(&text) {
        text
    } else {
        text.nfc().collect()
    }
}

/// Whether `s` is in NFC. One vectorised pass settles the usual case: text made only of
/// ASCII, U+0080..U+02FF, Latin Extended Additional (precomposed Vietnamese) and general
/// punctuation is NFC; anything else goes to the Unicode quick check.
pub fn is_nfc(s: &str) -> bool {
    surely_nfc(s.as_bytes())
        || is_nfc_quick(s.chars()) == IsNormalized::Yes
        || s.nfc().eq(s.chars())
}

scan::widest_compiled! {
    /// Whether no character of `bytes` is one that [`maybe_not_nfc`] doubts.
    fn surely_nfc(bytes: &[u8]) -> bool {
        scan::or_of_triples(bytes, 1, maybe_not_nfc) == 0
    }
}

/// 1 where a character starts (lead `l`, then `s` and `t`) that is not surely NFC: one
/// from U+0300 on (leads from 0xCC) but U+1E00..U+1EFF (E1 B8..BB) and U+2002..U+203F
/// (E2 80 82.., where U+2000 and U+2001 are singletons that NFC replaces).
#[inline(always)]
fn maybe_not_nfc(l: u8, s: u8, t: u8) -> u8 {
    use scan::{at_least, eq};
    let latin = eq(l, 0xE1) & eq(s & 0xFC, 0xB8);
    let punctuation = eq(l, 0xE2) & eq(s, 0x80) & at_least(t, 0x82);
    at_least(l, 0xCC) & !(latin | punctuation) & 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_compilation_of_the_nfc_scan_sees_the_same() {
        let vi = include_str!("../../../seeds/001_9864e2932dc47fb2.txt");
        let mut texts: Vec<String> = vec![vi.to_owned(), format!("{vi}e\u{301}")];
        texts.extend(
            (0x80..0x3000)
                .filter_map(char::from_u32)
                .map(|c| format!("{}{c}", "a".repeat(c as usize % 70))),
        );
        scan::each_width(|width| {
            for text in &texts {
                let plain = scan::or_of_triples(text.as_bytes(), 1, maybe_not_nfc) == 0;
                assert_eq!(surely_nfc(text.as_bytes()), plain, "{width:?} {text:?}");
            }
        });
    }

    #[test]
    fn normalises_bom_line_breaks_and_nfd() {
        let t = Text::new("\u{feff}a\r\nb\rPha\u{323}m\n");
        assert_eq!(t.as_str(), "a\nb\nPh\u{1ea1}m\n");
        assert_eq!(t.line_count(), 3);
        assert_eq!(t.line(2), "Ph\u{1ea1}m");
    }

    #[test]
    fn borrowed_and_owned_texts_normalise_alike() {
        for raw in [
            "\u{feff}\u{feff}a\r\nb",
            "\u{feff}Pha\u{323}m\r",
            "Pha\u{323}m\n",
            "plain\n",
            "",
            "\u{feff}",
        ] {
            assert_eq!(Text::new(raw), Text::from_string(raw.to_owned()), "{raw:?}");
        }
    }

    #[test]
    fn the_byte_scan_agrees_with_the_normal_form() {
        let marks = ["", "\u{300}", "\u{323}\u{302}", "\u{1161}", "\u{3099}"];
        for c in (0..0x3100).chain(0xAC00..0xAC10).filter_map(char::from_u32) {
            for mark in marks {
                let s = format!("ạ{c}{mark}x“");
                assert_eq!(is_nfc(&s), s.nfc().eq(s.chars()), "{s:?}");
            }
        }
    }

    #[test]
    fn nfc_detection() {
        assert!(is_nfc("Phạm Minh Chính “FTA” — 8,3%"));
        assert!(!is_nfc("Pha\u{323}m"));
        assert!(!is_nfc("\u{2000}"));
        assert!(is_nfc("字 🇻🇳 한국"));
        assert!(!is_nfc("\u{1100}\u{1161}"));
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
