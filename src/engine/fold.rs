//! Folding for search: lower case, combining marks dropped, đ/Đ to d. Every folded byte
//! remembers the byte of the original text it came from, so a match found in folded text
//! maps back to an exact range of the original, also where the original is decomposed.

use std::sync::OnceLock;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Characters below this are folded through a table built once.
const TABLE_SIZE: usize = 0x2000;
/// Table entry: the character folds to nothing (a combining mark).
const DROP: u32 = u32::MAX;
/// Table entry: the character folds to several characters; take the slow path.
const SLOW: u32 = u32::MAX - 1;

/// Appends the folded form of `c` to `out`.
pub fn fold_char_into(c: char, out: &mut String) {
    let code = c as usize;
    if code < 0x80 {
        out.push(fold_ascii(c as u8) as char);
        return;
    }
    if code < TABLE_SIZE {
        match table()[code] {
            DROP => return,
            SLOW => {}
            folded => {
                out.push(char::from_u32(folded).unwrap_or(c));
                return;
            }
        }
    }
    fold_slow(c, out);
}

/// The folded form of a whole string.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char_into(c, &mut out);
    }
    out
}

/// True when `c` carries a diacritic (or is đ): its fold differs from its lower case.
pub fn is_marked(c: char) -> bool {
    let mut folded = String::new();
    fold_char_into(c, &mut folded);
    let lower: String = c.to_lowercase().collect();
    folded != lower
}

fn fold_ascii(b: u8) -> u8 {
    match b {
        b'A'..=b'Z' => b + 32,
        b'\t' | b'\x0b' | b'\x0c' | b'\r' => b' ',
        _ => b,
    }
}

fn fold_slow(c: char, out: &mut String) {
    if c.is_whitespace() {
        out.push(if c == '\n' { '\n' } else { ' ' });
        return;
    }
    match c {
        'đ' | 'Đ' | 'ð' | 'Ð' => out.push('d'),
        'ł' | 'Ł' => out.push('l'),
        'ø' | 'Ø' => out.push('o'),
        _ => decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase().filter(|l| !is_combining_mark(*l)));
            }
        }),
    }
}

fn table() -> &'static [u32] {
    static TABLE: OnceLock<Vec<u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..TABLE_SIZE as u32)
            .map(|code| {
                let Some(c) = char::from_u32(code) else { return SLOW };
                let mut s = String::new();
                fold_slow(c, &mut s);
                let mut chars = s.chars();
                match (chars.next(), chars.next()) {
                    (None, _) => DROP,
                    (Some(f), None) => f as u32,
                    _ => SLOW,
                }
            })
            .collect()
    })
}

/// Folded text with, for each folded byte, the offset of the original character.
#[derive(Debug, Default, Clone)]
pub struct Folded {
    pub text: String,
    origin: Vec<u32>,
}

impl Folded {
    /// Folds `src`, reusing this buffer's memory.
    pub fn fold(&mut self, src: &str) {
        self.text.clear();
        self.origin.clear();
        self.text.reserve(src.len());
        self.origin.reserve(src.len());
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                self.text.push(fold_ascii(b) as char);
                self.origin.push(i as u32);
                i += 1;
                continue;
            }
            let Some(c) = src.get(i..).and_then(|s| s.chars().next()) else { break };
            let before = self.text.len();
            fold_char_into(c, &mut self.text);
            self.origin.resize(self.text.len(), i as u32);
            debug_assert!(self.text.len() >= before);
            i += c.len_utf8();
        }
    }

    /// The original byte where folded byte `i` came from.
    pub fn origin(&self, i: usize) -> usize {
        self.origin.get(i).map_or(usize::MAX, |&o| o as usize)
    }

    /// The original byte range of the folded range `start..end`, with any combining
    /// marks that follow its last character.
    pub fn original_range(&self, start: usize, end: usize, src_len: usize) -> std::ops::Range<usize> {
        let s = self.origin(start).min(src_len);
        let e = if end < self.origin.len() { self.origin(end) } else { src_len };
        s..e.max(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_tone_marks_and_d() {
        assert_eq!(fold_str("Phạm Minh Chính"), "pham minh chinh");
        assert_eq!(fold_str("ĐỒNG đồng Ướ ơ ư"), "dong dong uo o u");
        // Tone marks stacked two deep: circumflex + acute, breve + dot below.
        assert_eq!(fold_str("ẤẶỮ ấặữ"), "aau aau");
    }

    #[test]
    fn decomposed_text_folds_like_composed() {
        let nfd = "Pha\u{323}m Chi\u{301}nh đo\u{302}\u{300}ng";
        assert_eq!(fold_str(nfd), "pham chinh dong");
    }

    #[test]
    fn indonesian_and_other_latin() {
        assert_eq!(fold_str("Perdana Menteri Pham Minh Chinh"), "perdana menteri pham minh chinh");
        assert_eq!(fold_str("Café Ñandú İstanbul"), "cafe nandu istanbul");
    }

    #[test]
    fn marked_characters() {
        assert!(is_marked('ồ'));
        assert!(is_marked('Đ'));
        assert!(!is_marked('D'));
        assert!(!is_marked('o'));
    }

    #[test]
    fn origins_map_back() {
        let src = "Đo\u{302}\u{300}ng x";
        let mut f = Folded::default();
        f.fold(src);
        assert_eq!(f.text, "dong x");
        assert_eq!(f.original_range(0, 4, src.len()), 0..src.find(' ').unwrap());
        assert_eq!(f.original_range(5, 6, src.len()), src.len() - 1..src.len());
    }
}
