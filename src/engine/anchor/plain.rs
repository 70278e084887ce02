//! Where a run of text stops being copied as it is when white space is squeezed: the
//! squeeze's scan over every byte of a document, branchless so that it is vectorised,
//! and compiled for the widest vectors the CPU has.

use crate::engine::text::scan::{at_least, eq, widest_compiled};

widest_compiled! {
    /// Where the bytes from `from` stop being copied as they are: at the first white-space
    /// character, unless it is a lone ASCII white-space byte after a word and before a character that
    /// is none (`after_word` says whether the byte before `from` ended a word). Past the
    /// first byte, a block of `BLOCK` bytes with no such place (`quiet`) is passed over whole.
    /// Looks no further than `stop`.
    pub(super) fn plain_end(bytes: &[u8], from: usize, after_word: bool, stop: usize) -> usize {
        plain_end_here(bytes, from, after_word, stop)
    }
}

/// [`plain_end`] for whatever the caller is compiled for (always inlined, with what it
/// calls, so that a caller compiled for wider vectors makes it so).
#[inline(always)]
fn plain_end_here(bytes: &[u8], from: usize, after_word: bool, stop: usize) -> usize {
    let at = |k: usize| bytes.get(k).copied().unwrap_or(0x80);
    let stop = stop.min(bytes.len());
    let mut j = from;
    let mut by_byte_until = from + 1;
    while j < stop {
        if j >= by_byte_until
            && let Some(block) = bytes.get(j..j + BLOCK + 3).and_then(|b| b.try_into().ok())
        {
            if quiet(block) {
                j += BLOCK;
                continue;
            }
            by_byte_until = j + BLOCK;
        }
        if space(at(j), at(j + 1), at(j + 2)) != 0 {
            let lone = ascii_space(at(j)) != 0
                && (j > from || after_word)
                && j + 1 < bytes.len()
                && space(at(j + 1), at(j + 2), at(j + 3)) == 0;
            if !lone {
                return j;
            }
        }
        j += 1;
    }
    j.min(stop)
}

/// Bytes that `plain_end` passes over together when none needs a look.
const BLOCK: usize = 64;

/// Whether none of the first `BLOCK` bytes of `block` (which holds the three after them
/// too) stops `plain_end` past its first byte: its rule for every byte at once, without
/// branches, so that it is vectorised.
#[inline(always)]
fn quiet(block: &[u8; BLOCK + 3]) -> bool {
    // Four shifted copies, so that the loop reads lanes (written as one loop over the
    // block, the compiler keeps it scalar).
    let b: [u8; BLOCK] = std::array::from_fn(|k| block[k]);
    let n: [u8; BLOCK] = std::array::from_fn(|k| block[k + 1]);
    let t: [u8; BLOCK] = std::array::from_fn(|k| block[k + 2]);
    let u: [u8; BLOCK] = std::array::from_fn(|k| block[k + 3]);
    let mut seen = [0u8; BLOCK];
    for k in 0..BLOCK {
        let lone = ascii_space(b[k]) & !space(n[k], t[k], u[k]);
        seen[k] = space(b[k], n[k], t[k]) & !lone;
    }
    seen.iter().fold(0, |any, &s| any | s) == 0
}

/// All ones where a white-space character starts at a byte `b` followed by `n` and `t`
/// (of valid UTF-8), as `char::is_whitespace` says: ASCII tab to carriage return and the
/// space, U+0085 and U+00A0 (C2 85, C2 A0), U+1680 (E1 9A 80), U+2000..U+200A, U+2028,
/// U+2029, U+202F (E2 80 ..), U+205F (E2 81 9F) and U+3000 (E3 80 80). Without branches.
#[inline(always)]
pub(super) fn space(b: u8, n: u8, t: u8) -> u8 {
    let ascii = ascii_space(b);
    let latin1 = eq(b, 0xC2) & (eq(n, 0x85) | eq(n, 0xA0));
    let ogham = eq(b, 0xE1) & eq(n, 0x9A) & eq(t, 0x80);
    let general = (eq(n, 0x80) & (!at_least(t, 0x8B) | eq(t, 0xA8) | eq(t, 0xA9) | eq(t, 0xAF)))
        | (eq(n, 0x81) & eq(t, 0x9F));
    let ideographic = eq(b, 0xE3) & eq(n, 0x80) & eq(t, 0x80);
    ascii | latin1 | ogham | (eq(b, 0xE2) & general) | ideographic
}

/// All ones where `b` is ASCII white space: tab to carriage return, and the space.
#[inline(always)]
pub(super) fn ascii_space(b: u8) -> u8 {
    (at_least(b, 0x09) & !at_least(b, 0x0E)) | eq(b, b' ')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::scan::each_width;

    #[test]
    fn every_compilation_of_plain_end_stops_at_the_same_byte() {
        let vi = include_str!("../../../seeds/001_9864e2932dc47fb2.txt");
        let spaces = [
            " ", "  ", "\n", " \n", "\u{a0}", "\u{2028}", "\u{3000}", "\u{85}", "\t",
        ];
        let mut texts = vec![vi.to_owned()];
        for (k, space) in spaces.iter().enumerate() {
            let word = "Phạm Minh Chính nói ".repeat(k + 3);
            texts.push(format!("{word}{space}{word}{space}{space}x"));
        }
        each_width(|width| {
            for text in &texts {
                let bytes = text.as_bytes();
                for from in (0..bytes.len()).step_by(7) {
                    for after_word in [false, true] {
                        let stop = bytes.len();
                        assert_eq!(
                            plain_end(bytes, from, after_word, stop),
                            plain_end_here(bytes, from, after_word, stop),
                            "{width:?}: {from} in {text:?}"
                        );
                    }
                }
            }
        });
    }
}
