//! Where ASCII alone spells a folded letter: a consonant, digit, space or punctuation
//! folds from itself (or its capital) and, in most Vietnamese and Indonesian text, from
//! nothing else, since every other character there folds to a vowel, to d, or to itself.
//! Search then finds such a run of the query in the raw bytes, ignoring only ASCII case.

use crate::engine::text::scan::{at_least, eq, or_of_triples, or_of_triples_then, widest_compiled};

/// How a text that [`spelt_in_ascii`] accepts spells a folded space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spaces {
    /// By the ASCII space alone.
    Ascii,
    /// Also by a no-break space (as Vietnamese news often has).
    NoBreak,
}

/// Whether the folded byte `b` of a query is spelt only by itself or its capital in a
/// text that [`spelt_in_ascii`] accepts with `spaces`.
pub fn ascii_spelt(b: u8, spaces: Spaces) -> bool {
    match b {
        b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'd' | b'\n' | b'A'..=b'Z' => false,
        b' ' => spaces == Spaces::Ascii,
        _ => b.is_ascii(),
    }
}

/// Whether every character of `text` is ASCII or one that folds, one to one, to a vowel,
/// to d, or to something not ASCII, with no normal form to fix (Latin-1, the Vietnamese
/// letters of Latin Extended-A and -B and of Latin Extended Additional, punctuation other
/// than spaces); and how it spells a space (a no-break space is let through, and said).
/// So no character but itself (or its capital) folds to an [`ascii_spelt`] byte, every
/// character folds to at least one byte, and none is longer than three. A text with
/// anything else (ç, ñ, ł, ā, other spaces, combining marks, other scripts) is refused
/// (`None`); that costs only speed. One pass that the compiler vectorises, by blocks.
pub fn spelt_in_ascii(text: &str) -> Option<Spaces> {
    spaces(scan(text.as_bytes()))
}

/// [`spelt_in_ascii`], making `lower` the text with ASCII lower-cased as it goes (in the
/// same pass, block by block; where the text is refused, `lower` is left unfinished).
pub fn spelt_in_ascii_lowering(text: &str, lower: &mut Vec<u8>) -> Option<Spaces> {
    spaces(scan_lowering(text.as_bytes(), lower))
}

/// What the bits a scan saw say: how the text spells a space, or `None` where refused.
fn spaces(seen: u8) -> Option<Spaces> {
    match seen {
        0 => Some(Spaces::Ascii),
        NO_BREAK => Some(Spaces::NoBreak),
        _ => None,
    }
}

widest_compiled! {
    /// What [`refuses`] sees in `bytes`, as many bytes at a time as the CPU's vectors
    /// hold. It is search's hottest loop: every byte of every file goes through it.
    fn scan(bytes: &[u8]) -> u8 {
        or_of_triples(bytes, REFUSED, refuses)
    }
}

widest_compiled! {
    /// [`scan`], writing `bytes` lower-cased into `lower` block by block.
    fn scan_lowering(bytes: &[u8], lower: &mut Vec<u8>) -> u8 {
        lower.clear();
        lower.reserve(bytes.len());
        or_of_triples_then(bytes, REFUSED, refuses, |block| {
            lower.extend(block.iter().map(u8::to_ascii_lowercase));
        })
    }
}

/// Bits of what `refuses` saw: a character refused, a no-break space.
const REFUSED: u8 = 1;
const NO_BREAK: u8 = 2;

/// `REFUSED` when the character that starts with `l` (then `s`, `t`) is refused (a lead
/// byte of none of the characters let through), `NO_BREAK` for a no-break space.
/// Written without branches, to be vectorised; where Latin Extended-A and -B hold few
/// Vietnamese or Indonesian letters, only those are let through.
#[inline(always)]
fn refuses(l: u8, s: u8, t: u8) -> u8 {
    // Capitals and small letters differ in one bit: Ă ă, Đ đ, Ĩ ĩ, Ũ ũ, Ơ ơ.
    let pair = s & 0xFE;
    let c2 = eq(l, 0xC2);
    let no_break = c2 & eq(s, 0xA0);
    // U+0080..U+00BF but U+0085 (white space, which folds to a space).
    let c2 = c2 & !eq(s, 0x85);
    // U+00C0..U+00FF but Ç ç Ñ ñ.
    let upper = s & 0xDF;
    let c3 = eq(l, 0xC3) & !(eq(upper, 0x87) | eq(upper, 0x91));
    let c4 = eq(l, 0xC4) & (eq(pair, 0x82) | eq(pair, 0x90) | eq(pair, 0xA8));
    let c5 = eq(l, 0xC5) & eq(pair, 0xA8);
    // Ơ ơ Ư ư.
    let c6 = eq(l, 0xC6) & (eq(pair, 0xA0) | eq(s, 0xAF) | eq(s, 0xB0));
    // U+1EA0..U+1EFF: the Vietnamese vowels with their marks.
    let e1 = eq(l, 0xE1) & ((eq(s, 0xBA) & at_least(t, 0xA0)) | eq(s, 0xBB));
    // U+200B..U+203F but the line and paragraph separators and the narrow NBSP.
    let e2 =
        eq(l, 0xE2) & eq(s, 0x80) & at_least(t, 0x8B) & !(eq(t, 0xA8) | eq(t, 0xA9) | eq(t, 0xAF));
    let refused = at_least(l, 0xC0) & !(c2 | no_break | c3 | c4 | c5 | c6 | e1 | e2);
    (refused & REFUSED) | (no_break & NO_BREAK)
}

#[cfg(test)]
mod tests {
    use super::super::chars::surely_nfc;
    use super::super::fold_str;
    use super::*;
    use crate::engine::text::scan::{Width, each_width};

    #[test]
    fn every_character_let_through_folds_to_no_ascii_spelt_byte() {
        let mut through = 0;
        for c in (0x80..0x11_0000).filter_map(char::from_u32) {
            let Some(spaces) = spelt_in_ascii(&format!("x{c}y")) else {
                continue;
            };
            through += 1;
            let folded = fold_str(&c.to_string());
            assert!(!folded.is_empty() && c.len_utf8() <= 3, "{c:?}");
            assert!(surely_nfc(c as u32), "{c:?}");
            let spelt = |b| ascii_spelt(b, spaces);
            assert!(!folded.bytes().any(spelt), "{c:?} folds to {folded:?}");
            assert_eq!(spaces == Spaces::NoBreak, c == '\u{a0}', "{c:?}");
            assert_eq!(folded.chars().count(), 1, "{c:?}");
        }
        assert!(through > 200, "{through}");
    }

    #[test]
    fn every_compilation_of_the_scan_sees_the_same() {
        let vi = include_str!("../../../../seeds/001_9864e2932dc47fb2.txt");
        let mut texts: Vec<String> = vec![vi.to_owned(), format!("{vi}ç"), format!("ç{vi}")];
        texts.extend(
            (0x80..0x3000)
                .filter_map(char::from_u32)
                .map(|c| format!("ab{c}")),
        );
        // A refused character at every place of a block, and a no-break space.
        for at in 0..130 {
            let (before, after) = ("a".repeat(at), "a".repeat(130 - at));
            texts.push(format!("{before}ç{after}"));
            texts.push(format!("{before}\u{a0}{after}"));
        }
        let mut widths = Vec::new();
        each_width(|width| {
            widths.push(width);
            let mut lower = Vec::new();
            for text in &texts {
                let plain = or_of_triples(text.as_bytes(), REFUSED, refuses);
                assert_eq!(scan(text.as_bytes()), plain, "{width:?} {text:?}");
                assert_eq!(
                    scan_lowering(text.as_bytes(), &mut lower),
                    plain,
                    "{width:?}"
                );
                if plain & REFUSED == 0 {
                    assert_eq!(lower, text.to_ascii_lowercase().as_bytes(), "{width:?}");
                }
            }
        });
        assert_eq!(widths.first(), Some(&Width::Base));
    }

    #[test]
    fn vietnamese_and_indonesian_text_is_let_through() {
        let vi = include_str!("../../../../seeds/001_9864e2932dc47fb2.txt");
        let id = include_str!("../../../../seeds/000_5adf34fcd21d787a.txt");
        assert_eq!(spelt_in_ascii(vi), Some(Spaces::NoBreak));
        assert_eq!(spelt_in_ascii(id), Some(Spaces::Ascii));
        assert_eq!(
            spelt_in_ascii("ĐỒNG “đồng” – Ưu tiên… ý"),
            Some(Spaces::Ascii)
        );
        assert_eq!(spelt_in_ascii("a\u{a0}b"), Some(Spaces::NoBreak));
        for refused in [
            "ça", "niño", "łódź", "e\u{301}", "Ṕ", "ẖ", "字", "🇻🇳", "\u{2028}",
        ] {
            assert_eq!(spelt_in_ascii(refused), None, "{refused:?}");
            assert_eq!(spelt_in_ascii(&format!("{refused}xy")), None, "{refused:?}");
        }
    }
}
