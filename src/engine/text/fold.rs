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
    b.to_ascii_lowercase()
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
                let Some(c) = char::from_u32(code) else {
                    return SLOW;
                };
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

/// Folded bytes between two checkpoints at most; mapping a match back re-folds at most this.
const CHECKPOINT_EVERY: usize = 256;

/// Folded text (as UTF-8 bytes), and checkpoints (folded offset, original offset) from
/// which any folded byte maps back to the original character it came from. A checkpoint
/// every few hundred bytes instead of an offset per byte keeps folding at memory speed.
#[derive(Debug, Default, Clone)]
pub struct Folded {
    bytes: Vec<u8>,
    checkpoints: Vec<(usize, usize)>,
    source_len: usize,
    scratch: String,
    maybe_denormalized: bool,
}

/// Characters that NFC never changes and that never combine with what precedes them:
/// Latin Extended Additional (precomposed Vietnamese), most general punctuation, CJK
/// ideographs and Hangul syllables. (Everything below U+0300 is such too.)
fn surely_nfc(code: u32) -> bool {
    matches!(code, 0x1E00..=0x1EFF | 0x2002..=0x203F | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3)
}

/// Eight bytes, each with its high bit set.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Lower-cases eight ASCII bytes at once.
fn lower_ascii8(x: u64) -> u64 {
    let ge_a = x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let gt_z = x.wrapping_add(0x2525_2525_2525_2525);
    x | (((ge_a & !gt_z) & HIGH) >> 2)
}

impl Folded {
    /// The folded text, as UTF-8 bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Whether the text folded last may not be in NFC (it has a character, such as a
    /// combining mark, whose normal form depends on its neighbours).
    pub fn maybe_denormalized(&self) -> bool {
        self.maybe_denormalized
    }

    /// The folded text (for tests and diagnostics).
    pub fn to_text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    /// Folds `src`, reusing this buffer's memory. This is the hot loop of search: ASCII
    /// goes eight bytes at a time, other bytes are decoded by hand (the text is valid
    /// UTF-8) and folded through the table.
    pub fn fold(&mut self, src: &str) {
        self.bytes.clear();
        self.checkpoints.clear();
        self.maybe_denormalized = false;
        self.bytes.reserve(src.len());
        self.source_len = src.len();
        let table = table();
        let bytes = src.as_bytes();
        let at = |i: usize| u32::from(bytes.get(i).copied().unwrap_or(0x80) & 0x3F);
        let mut i = 0;
        let mut next_checkpoint = 0;
        while let Some(&b) = bytes.get(i) {
            if self.bytes.len() >= next_checkpoint {
                self.checkpoints.push((self.bytes.len(), i));
                next_checkpoint = self.bytes.len() + CHECKPOINT_EVERY;
            }
            if let Some(chunk) = bytes.get(i..i + 8) {
                let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
                // The ASCII bytes before the first non-ASCII one, lower-cased together (a
                // carry out of a non-ASCII byte only reaches the bytes after it).
                let ascii = ((x & HIGH).trailing_zeros() / 8) as usize;
                if ascii > 0 {
                    // Store all eight (one fixed-size copy), keep the ASCII ones.
                    let keep = self.bytes.len() + ascii;
                    self.bytes.extend_from_slice(&lower_ascii8(x).to_le_bytes());
                    self.bytes.truncate(keep);
                    i += ascii;
                    continue;
                }
            }
            if b < 0x80 {
                self.bytes.push(b.to_ascii_lowercase());
                i += 1;
                continue;
            }
            let (code, len) = match b {
                0xC0..=0xDF => ((u32::from(b & 0x1F) << 6) | at(i + 1), 2),
                0xE0..=0xEF => (
                    (u32::from(b & 0x0F) << 12) | (at(i + 1) << 6) | at(i + 2),
                    3,
                ),
                _ => (
                    (u32::from(b & 0x07) << 18) | (at(i + 1) << 12) | (at(i + 2) << 6) | at(i + 3),
                    4,
                ),
            };
            if code >= 0x300 && !surely_nfc(code) {
                self.maybe_denormalized = true;
            }
            match table.get(code as usize).copied() {
                Some(DROP) => {}
                Some(folded) if folded < 0x80 => self.bytes.push(folded as u8),
                Some(folded) if folded != SLOW => {
                    let c = char::from_u32(folded).unwrap_or('\u{fffd}');
                    self.bytes
                        .extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                _ => {
                    self.scratch.clear();
                    fold_slow(
                        char::from_u32(code).unwrap_or('\u{fffd}'),
                        &mut self.scratch,
                    );
                    self.bytes.extend_from_slice(self.scratch.as_bytes());
                }
            }
            i += len;
        }
    }

    /// The byte of `src` (the text folded last) where folded byte `i` came from; the
    /// length of `src` past the end.
    pub fn origin(&self, src: &str, i: usize) -> usize {
        if i >= self.bytes.len() {
            return self.source_len;
        }
        let k = self
            .checkpoints
            .partition_point(|&(f, _)| f <= i)
            .saturating_sub(1);
        let Some(&(mut folded, mut original)) = self.checkpoints.get(k) else {
            return 0;
        };
        let mut buf = String::new();
        // Walk on from the checkpoint until the character that produced byte `i`.
        while let Some(c) = src.get(original..).and_then(|s| s.chars().next()) {
            buf.clear();
            fold_char_into(c, &mut buf);
            if folded + buf.len() > i {
                return original;
            }
            folded += buf.len();
            original += c.len_utf8();
        }
        self.source_len
    }

    /// The original byte range of the folded range `start..end`, with any combining
    /// marks that follow its last character.
    pub fn original_range(&self, src: &str, start: usize, end: usize) -> std::ops::Range<usize> {
        let s = self.origin(src, start);
        let e = self.origin(src, end);
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
        assert_eq!(
            fold_str("Perdana Menteri Pham Minh Chinh"),
            "perdana menteri pham minh chinh"
        );
        assert_eq!(fold_str("Café Ñandú İstanbul"), "cafe nandu istanbul");
    }

    #[test]
    fn eight_ascii_bytes_at_once() {
        let all: Vec<u8> = (0u8..0x80).collect();
        for chunk in all.chunks(8) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap());
            let want: Vec<u8> = chunk.iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(lower_ascii8(x).to_le_bytes().to_vec(), want);
        }
        let mut f = Folded::default();
        f.fold("ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ Phạm");
        assert_eq!(f.to_text(), "abcdefghijklmnopqrstuvwxyz@[`{ pham");
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
        assert_eq!(f.to_text(), "dong x");
        assert_eq!(f.original_range(src, 0, 4), 0..src.find(' ').unwrap());
        assert_eq!(f.original_range(src, 5, 6), src.len() - 1..src.len());
        let long = "Ắ".repeat(300) + "x";
        f.fold(&long);
        assert_eq!(f.origin(&long, 299), 299 * "Ắ".len());
        assert_eq!(f.origin(&long, 300), long.len() - 1);
    }
}
