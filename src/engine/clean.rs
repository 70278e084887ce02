//! The one cleaner: corpus text made safe to reach a terminal. Every writer that a corpus
//! can reach (standard output and error, `-o` files, the reader's screen) passes its text
//! through here, so an escape sequence in a document or a brief is shown, never obeyed.

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::io::{self, Write};

/// How an unsafe character is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// `\u{1b}`, `\t`, `\u{202e}`: visible in plain text, markdown and messages.
    Visible,
    /// `\u001b`: valid inside a JSON string (where serde_json leaves C1 and BiDi raw), and
    /// decoding to the same character.
    Json,
    /// `&#x1b;`: a numeric character reference, for HTML.
    Html,
}

/// Whether `c` must not reach a terminal as it is: C0 controls other than the line break,
/// DEL, C1 controls (U+0080..U+009F, where 8-bit CSI and OSC live), the BiDi embedding,
/// override and isolate controls with the direction marks (text that reads differently
/// from what it is), and the Unicode line and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\0'..='\u{9}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe character escaped visibly; line breaks kept.
pub fn clean(s: &str) -> Cow<'_, str> {
    escape(s, Escape::Visible, false)
}

/// `s` on one line: like [`clean`], and a line break is escaped too (for a file name, an
/// id or a message that must stay one line of the output).
pub fn clean_line(s: &str) -> Cow<'_, str> {
    escape(s, Escape::Visible, true)
}

/// `s` with its unsafe characters (and line breaks, when `line_break` says so) escaped.
pub fn escape(s: &str, style: Escape, line_break: bool) -> Cow<'_, str> {
    let bad = |c: char| is_unsafe(c) || (line_break && c == '\n');
    if !needs_escape(s, line_break) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if bad(c) {
            push_escaped(&mut out, c, style);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `s` holds a character [`escape`] would change, by bytes (every search line and
/// every printed brief passes here): the ASCII controls in one pass the compiler
/// vectorises, and the other unsafe characters by their lead bytes, which are rare but for
/// E2 (general punctuation such as quotation marks, checked by the character it starts).
fn needs_escape(s: &str, line_break: bool) -> bool {
    let bytes = s.as_bytes();
    let control = |b: u8| (b < 0x20 && (b != b'\n' || line_break)) || b == 0x7f;
    if bytes.iter().fold(false, |found, &b| found | control(b)) {
        return true;
    }
    memchr::memchr3_iter(0xC2, 0xD8, 0xE2, bytes).any(|at| {
        s.get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(is_unsafe)
    })
}

fn push_escaped(out: &mut String, c: char, style: Escape) {
    // Writing into a String cannot fail.
    let _ = match (style, c) {
        (Escape::Visible, '\t') => out.write_str("\\t"),
        (Escape::Visible, '\n') => out.write_str("\\n"),
        (Escape::Visible, '\r') => out.write_str("\\r"),
        (Escape::Visible, c) => write!(out, "\\u{{{:x}}}", u32::from(c)),
        (Escape::Json, c) => write!(out, "\\u{:04x}", u32::from(c)),
        (Escape::Html, c) => write!(out, "&#x{:x};", u32::from(c)),
    };
}

/// A file name or path as bytes may hold it: valid UTF-8 cleaned on one line, any other
/// byte written `\xNN`, so two different names never look the same.
pub fn clean_os(name: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in name.as_bytes().utf8_chunks() {
        out.push_str(&clean_line(chunk.valid()));
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02x}");
        }
    }
    out
}

/// Shows `s` cleaned on one line, for `format!` and `write!` without an allocation when
/// nothing needs escaping.
pub struct Line<'a>(pub &'a str);

impl fmt::Display for Line<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&clean_line(self.0))
    }
}

/// A graphic rendition the program itself asks for (`CleanWriter::style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sgr {
    Reset,
    Bold,
    /// One of the eight ANSI colours, 0 (black) to 7 (white): 1 red, 2 green, 5 magenta.
    Fg(u8),
}

/// A writer that escapes every unsafe character of what goes through it, whatever wrote
/// it: the net under every command's output. Bytes that are not UTF-8 are written `\xNN`
/// (JSON and HTML output is always UTF-8, so that arises in plain text only). A character
/// split across two writes is held until its end arrives; `finish` writes out one that
/// never completes.
#[derive(Debug)]
pub struct CleanWriter<W: Write> {
    inner: W,
    style: Escape,
    pending: Vec<u8>,
}

impl<W: Write> CleanWriter<W> {
    pub fn new(inner: W, style: Escape) -> CleanWriter<W> {
        CleanWriter {
            inner,
            style,
            pending: Vec::new(),
        }
    }

    /// Writes a colour the program composed itself past the cleaning: `Sgr` holds no
    /// text, so nothing from a corpus can take this way.
    pub fn style(&mut self, sgr: Sgr) -> io::Result<()> {
        self.flush_pending()?;
        match sgr {
            Sgr::Reset => self.inner.write_all(b"\x1b[0m"),
            Sgr::Bold => self.inner.write_all(b"\x1b[1m"),
            Sgr::Fg(colour) => write!(self.inner, "\x1b[{}m", 30 + u16::from(colour.min(7))),
        }
    }

    /// Writes `s` cleaned, a line break escaped too when `line_break` says so: what
    /// writing `s` (or `Line(s)`) would write, in one pass over text known to be UTF-8.
    pub fn clean_str(&mut self, s: &str, line_break: bool) -> io::Result<()> {
        self.flush_pending()?;
        self.inner
            .write_all(escape(s, self.style, line_break).as_bytes())
    }

    /// Writes a number in decimal: digits hold no text, so they go past the cleaning.
    pub fn number(&mut self, n: usize) -> io::Result<()> {
        self.flush_pending()?;
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.inner.write_all(&digits[at..])
    }

    /// Writes out a held incomplete character (as `\xNN`) and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.flush_pending()?;
        self.inner.flush()?;
        Ok(self.inner)
    }

    fn flush_pending(&mut self) -> io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let pending = std::mem::take(&mut self.pending);
        for b in pending {
            write!(self.inner, "\\x{b:02x}")?;
        }
        Ok(())
    }

    /// Cleans `bytes` that start on a character boundary; returns how many trailing bytes
    /// form an incomplete character to be held.
    fn write_clean(&mut self, bytes: &[u8]) -> io::Result<usize> {
        // The usual case, valid UTF-8 throughout, checked at SIMD speed.
        if let Ok(valid) = simdutf8::basic::from_utf8(bytes) {
            self.inner
                .write_all(escape(valid, self.style, false).as_bytes())?;
            return Ok(0);
        }
        let mut chunks = bytes.utf8_chunks().peekable();
        while let Some(chunk) = chunks.next() {
            let valid = chunk.valid();
            let cleaned = escape(valid, self.style, false);
            self.inner.write_all(cleaned.as_bytes())?;
            let invalid = chunk.invalid();
            if chunks.peek().is_none() && !invalid.is_empty() && could_continue(invalid) {
                return Ok(invalid.len());
            }
            for b in invalid {
                write!(self.inner, "\\x{b:02x}")?;
            }
        }
        Ok(0)
    }
}

/// Whether `tail` is the start of a UTF-8 sequence that more bytes could complete.
fn could_continue(tail: &[u8]) -> bool {
    let Some(&lead) = tail.first() else {
        return false;
    };
    let need = match lead {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return false,
    };
    tail.len() < need && tail.iter().skip(1).all(|b| b & 0xC0 == 0x80)
}

/// Bytes that a [`CleanWriter`] wrote, safe to reach a terminal as they are: what the
/// search threads print, for the one writer of standard output to write unchanged.
/// Nothing but [`CleanWriter::into_cleaned`] makes one.
#[derive(Debug)]
pub struct Cleaned(Vec<u8>);

impl CleanWriter<Vec<u8>> {
    /// What was written, a held incomplete character written out (as `finish` does).
    pub fn into_cleaned(mut self) -> Cleaned {
        // Writing into a Vec cannot fail.
        let _ = self.flush_pending();
        Cleaned(self.inner)
    }
}

impl<W: Write> CleanWriter<W> {
    /// Writes bytes already cleaned past the cleaning (as `style` does a colour).
    pub fn cleaned(&mut self, cleaned: &Cleaned) -> io::Result<()> {
        self.flush_pending()?;
        self.inner.write_all(&cleaned.0)
    }
}

impl<W: Write> Write for CleanWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.pending.is_empty() {
            let held = self.write_clean(buf)?;
            self.pending.extend_from_slice(&buf[buf.len() - held..]);
        } else {
            let mut joined = std::mem::take(&mut self.pending);
            joined.extend_from_slice(buf);
            let held = self.write_clean(&joined)?;
            self.pending
                .extend_from_slice(&joined[joined.len() - held..]);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_bidi_and_c1_keeps_text() {
        assert_eq!(clean("Phạm Minh Chính 8,3%"), "Phạm Minh Chính 8,3%");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
        assert_eq!(
            clean("a\u{1b}]0;pwned\u{7}b"),
            "a\\u{1b}]0;pwned\\u{7}b",
            "OSC 0 shown, not obeyed"
        );
        assert_eq!(clean("x\u{9b}31m"), "x\\u{9b}31m");
        assert_eq!(clean("\u{202e}evil\u{2069}"), "\\u{202e}evil\\u{2069}");
        assert_eq!(clean("tab\tdel\u{7f}"), "tab\\tdel\\u{7f}");
        assert_eq!(clean("two\nlines"), "two\nlines");
        assert_eq!(clean_line("two\nlines\r"), "two\\nlines\\r");
    }

    #[test]
    fn styles_are_valid_in_their_format() {
        let s = "a\u{9b}b\u{202e}";
        assert_eq!(escape(s, Escape::Json, false), "a\\u009bb\\u202e");
        assert_eq!(escape(s, Escape::Html, false), "a&#x9b;b&#x202e;");
        let json = format!("\"{}\"", escape(s, Escape::Json, false));
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), s);
    }

    #[test]
    fn every_unsafe_character_is_escaped() {
        for c in (0u32..0x11_0000).filter_map(char::from_u32) {
            let shown = clean_line(&c.to_string()).into_owned();
            let raw_control = shown.chars().any(|c| is_unsafe(c) || c == '\n');
            assert!(!raw_control, "{c:?} came out as {shown:?}");
        }
    }

    #[test]
    fn the_byte_scan_agrees_with_the_character_rule() {
        for c in (0u32..0x3000)
            .chain(0xFE00..0x10000)
            .filter_map(char::from_u32)
        {
            for line_break in [false, true] {
                let s = format!("ab{c}“cd”");
                let by_chars = s.chars().any(|c| is_unsafe(c) || (line_break && c == '\n'));
                assert_eq!(needs_escape(&s, line_break), by_chars, "{c:?}");
            }
        }
    }

    #[test]
    fn file_names_that_are_not_utf8_are_shown_by_their_bytes() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9\n.txt");
        assert_eq!(clean_os(name), "caf\\xe9\\n.txt");
    }

    fn through_writer(pieces: &[&[u8]], style: Escape) -> String {
        let mut w = CleanWriter::new(Vec::new(), style);
        for p in pieces {
            w.write_all(p).unwrap();
        }
        String::from_utf8(w.finish().unwrap()).unwrap()
    }

    #[test]
    fn the_writer_cleans_characters_split_across_writes() {
        // U+009B is C2 9B; U+202E is E2 80 AE; "ạ" is E1 BA A1.
        let out = through_writer(
            &[b"a\xc2", b"\x9bb\xe2\x80", b"\xae\xe1\xba", b"\xa1"],
            Escape::Visible,
        );
        assert_eq!(out, "a\\u{9b}b\\u{202e}ạ");
        assert_eq!(
            through_writer(&[b"\x1b[2J\n"], Escape::Json),
            "\\u001b[2J\n"
        );
    }

    #[test]
    fn strings_and_numbers_written_directly_come_out_as_written_through_the_writer() {
        let mut direct = CleanWriter::new(Vec::new(), Escape::Visible);
        let mut through = CleanWriter::new(Vec::new(), Escape::Visible);
        direct.write_all(b"a\xe2\x80").unwrap();
        through.write_all(b"a\xe2\x80").unwrap();
        for s in ["\u{ae}x\u{1b}[2J\n", "đồng\u{202e}\t", ""] {
            direct.clean_str(s, false).unwrap();
            write!(through, "{s}").unwrap();
            direct.clean_str(s, true).unwrap();
            write!(through, "{}", Line(s)).unwrap();
        }
        for n in [0, 7, 10, 65_535, usize::MAX] {
            direct.number(n).unwrap();
            write!(through, "{n}").unwrap();
        }
        assert_eq!(direct.finish().unwrap(), through.finish().unwrap());
    }

    #[test]
    fn the_writer_shows_bytes_that_are_not_utf8() {
        assert_eq!(
            through_writer(&[b"x\xff\xc2"], Escape::Visible),
            "x\\xff\\xc2"
        );
        assert_eq!(
            through_writer(&[b"\xe2\x80", b"z"], Escape::Visible),
            "\\xe2\\x80z"
        );
    }
}
