//! Folding one character: lower case, combining marks dropped, đ/Đ (and a few letters
//! with no decomposition) to their base letter; and the table that does it in one lookup
//! for everything below `TABLE_SIZE`, where all but rare scripts stand.

use std::sync::OnceLock;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Characters below this are folded through the table: Latin, Greek, Cyrillic, Latin
/// Extended Additional (precomposed Vietnamese) and general punctuation.
pub(super) const TABLE_SIZE: usize = 0x2070;

/// A table entry: the folded character's UTF-8 bytes (at most three, low bits first),
/// their count in bits 24 and 25, and `MAYBE_DENORMAL` for a character whose normal form
/// depends on its neighbours. A count of zero drops the character (a combining mark).
pub(super) type Entry = u32;
/// Set in the entry of a character that NFC may change together with its neighbours.
pub(super) const MAYBE_DENORMAL: Entry = 1 << 28;
/// The entry of a character the table does not fold: it folds to several characters, to
/// more bytes than it has itself, or is no character (a surrogate). Folded by `fold_slow`.
pub(super) const SLOW: Entry = u32::MAX;

/// The number of folded bytes an entry (not `SLOW`) stands for.
pub(super) fn entry_len(entry: Entry) -> usize {
    ((entry >> 24) & 3) as usize
}

/// Appends the folded form of `c` to `out`.
pub fn fold_char_into(c: char, out: &mut String) {
    let code = c as usize;
    if code < 0x80 {
        out.push(fold_ascii(c as u8) as char);
        return;
    }
    match table().get(code).copied() {
        Some(entry) if entry != SLOW => {
            let bytes = entry.to_le_bytes();
            let folded = bytes.get(..entry_len(entry)).unwrap_or_default();
            out.push_str(std::str::from_utf8(folded).unwrap_or_default());
        }
        _ => fold_slow(c, out),
    }
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

pub(super) fn fold_ascii(b: u8) -> u8 {
    b.to_ascii_lowercase()
}

/// The rule itself, character by character; the table and the fast loop are built from it.
pub(super) fn fold_slow(c: char, out: &mut String) {
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

/// Characters that NFC never changes and that never combine with what precedes them:
/// Latin Extended Additional (precomposed Vietnamese), most general punctuation, CJK
/// ideographs and Hangul syllables. (Everything below U+0300 is such too.)
pub(super) fn surely_nfc(code: u32) -> bool {
    code < 0x300
        || matches!(code, 0x1E00..=0x1EFF | 0x2002..=0x203F | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3)
}

/// `fold_char_into` without the table.
fn fold_char_into_by_rule(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(fold_ascii(c as u8) as char);
    } else {
        fold_slow(c, out);
    }
}

pub(super) fn table() -> &'static [Entry] {
    static TABLE: OnceLock<Vec<Entry>> = OnceLock::new();
    TABLE.get_or_init(|| (0..TABLE_SIZE as u32).map(entry_of).collect())
}

fn entry_of(code: u32) -> Entry {
    let Some(c) = char::from_u32(code) else {
        return SLOW;
    };
    let mut folded = String::new();
    fold_char_into_by_rule(c, &mut folded);
    if folded.chars().count() > 1 || folded.len() > c.len_utf8() || folded.len() > 3 {
        return SLOW;
    }
    let mut entry = (folded.len() as Entry) << 24;
    for (k, b) in folded.bytes().enumerate() {
        entry |= Entry::from(b) << (8 * k);
    }
    if !surely_nfc(code) {
        entry |= MAYBE_DENORMAL;
    }
    entry
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_folds_like_the_rule() {
        for c in (0..TABLE_SIZE as u32).filter_map(char::from_u32) {
            let (mut by_table, mut by_rule) = (String::new(), String::new());
            fold_char_into(c, &mut by_table);
            fold_char_into_by_rule(c, &mut by_rule);
            assert_eq!(by_table, by_rule, "{c:?}");
        }
    }
}
