//! Folding for search: lower case, combining marks dropped, đ/Đ to d (`chars.rs` folds
//! one character; `ascii.rs` says where ASCII alone spells a folded letter). Every folded byte remembers the byte of the original text it came
//! from, so a match found in folded text maps back to an exact range of the original,
//! also where the original is decomposed.

mod ascii;
mod chars;

pub use ascii::{Spaces, ascii_spelt, spelt_in_ascii, spelt_in_ascii_lowering};
pub use chars::{fold_char_into, fold_str, is_marked};

use chars::{Entry, MAYBE_DENORMAL, SLOW, entry_len, fold_ascii, fold_slow, surely_nfc, table};

/// Folded bytes between two checkpoints at most (give or take one step of the loop);
/// mapping a match back walks at most this far.
const CHECKPOINT_EVERY: usize = 128;
/// Room kept past the folded text for the loop's fixed-size stores.
const SLACK: usize = 8;

/// Folded text (as UTF-8 bytes), and checkpoints (folded offset, original offset) from
/// which any folded byte maps back to the original character it came from. A checkpoint
/// every hundred bytes or so instead of an offset per byte keeps folding at memory speed.
#[derive(Debug, Default, Clone)]
pub struct Folded {
    bytes: Vec<u8>,
    checkpoints: Vec<(usize, usize)>,
    source_len: usize,
    scratch: String,
    maybe_denormalized: bool,
}

/// Eight bytes, each with its high bit set.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Lower-cases eight ASCII bytes at once.
fn lower_ascii8(x: u64) -> u64 {
    let ge_a = x.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let gt_z = x.wrapping_add(0x2525_2525_2525_2525);
    x | (((ge_a & !gt_z) & HIGH) >> 2)
}

/// The character that starts at a lead byte `b0` followed by `b1 b2 b3` (valid UTF-8,
/// so the bytes past its end are ignored), and its length.
fn decode(b0: u8, b1: u8, b2: u8, b3: u8) -> (u32, usize) {
    let (b1, b2, b3) = (
        u32::from(b1 & 0x3F),
        u32::from(b2 & 0x3F),
        u32::from(b3 & 0x3F),
    );
    let two = (u32::from(b0 & 0x1F) << 6) | b1;
    let three = (u32::from(b0 & 0x0F) << 12) | (b1 << 6) | b2;
    if b0 >= 0xF0 {
        (
            (u32::from(b0 & 0x07) << 18) | (b1 << 12) | (b2 << 6) | b3,
            4,
        )
    } else if b0 >= 0xE0 {
        (three, 3)
    } else {
        (two, 2)
    }
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

    /// Folds `src`, reusing this buffer's memory. This is the hot loop of search. Each
    /// step takes the ASCII bytes ahead, eight at a time (stored together, the ones
    /// before the first other byte kept), then one other character, folded through the
    /// table with no branch on its bytes but its length. The table never lengthens a
    /// character, so the output has room for the rest of the input at every step; only
    /// the rare character folded by rule may need more.
    pub fn fold(&mut self, src: &str) {
        let bytes = src.as_bytes();
        let table = table();
        let mut out = std::mem::take(&mut self.bytes);
        out.clear();
        out.resize(bytes.len() + SLACK, 0);
        self.checkpoints.clear();
        self.source_len = src.len();
        let mut denormal: Entry = 0;
        let (mut i, mut j, mut next_checkpoint) = (0, 0, 0);
        while i < bytes.len() {
            if j >= next_checkpoint {
                self.checkpoints.push((j, i));
                next_checkpoint = j + CHECKPOINT_EVERY;
            }
            if let (Some(chunk), Some(dest)) = (bytes.get(i..i + 8), out.get_mut(j..j + 8)) {
                let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
                dest.copy_from_slice(&lower_ascii8(x).to_le_bytes());
                // A carry out of a non-ASCII byte only reaches the bytes after it.
                let ascii = ((x & HIGH).trailing_zeros() / 8) as usize;
                i += ascii;
                j += ascii;
                if ascii == 8 {
                    continue;
                }
            }
            let (code, len) = match bytes.get(i..) {
                Some(&[b0, b1, b2, b3, ..]) if b0 >= 0x80 => decode(b0, b1, b2, b3),
                Some(&[b, ..]) if b < 0x80 => {
                    if let Some(o) = out.get_mut(j) {
                        *o = fold_ascii(b);
                    }
                    i += 1;
                    j += 1;
                    continue;
                }
                Some(&[b0, ref rest @ ..]) => {
                    let at = |k: usize| rest.get(k).copied().unwrap_or(0x80);
                    decode(b0, at(0), at(1), at(2))
                }
                _ => break,
            };
            let entry = table.get(code as usize).copied().unwrap_or(SLOW);
            if entry == SLOW {
                j = self.fold_by_rule(code, &mut out, j, bytes.len() - i - len);
                denormal |= if surely_nfc(code) { 0 } else { MAYBE_DENORMAL };
            } else {
                if let Some(dest) = out.get_mut(j..j + 4) {
                    dest.copy_from_slice(&entry.to_le_bytes());
                }
                j += entry_len(entry);
                denormal |= entry;
            }
            i += len;
        }
        out.truncate(j);
        self.bytes = out;
        self.maybe_denormalized = denormal & MAYBE_DENORMAL != 0;
    }

    /// Folds the character `code` by rule at `out[j..]`, making room for it and for
    /// `rest` more input bytes; returns where the folded text now ends.
    fn fold_by_rule(&mut self, code: u32, out: &mut Vec<u8>, j: usize, rest: usize) -> usize {
        self.scratch.clear();
        fold_slow(
            char::from_u32(code).unwrap_or('\u{fffd}'),
            &mut self.scratch,
        );
        let end = j + self.scratch.len();
        if out.len() < end + rest + SLACK {
            out.resize(end + rest + SLACK, 0);
        }
        if let Some(dest) = out.get_mut(j..end) {
            dest.copy_from_slice(self.scratch.as_bytes());
        }
        end
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
        let table = table();
        let mut buf = String::new();
        // Walk on from the checkpoint until the character that produced byte `i`.
        while let Some(c) = src.get(original..).and_then(|s| s.chars().next()) {
            let len = match table.get(c as usize).copied() {
                _ if c.is_ascii() => 1,
                Some(entry) if entry != SLOW => entry_len(entry),
                _ => {
                    buf.clear();
                    fold_slow(c, &mut buf);
                    buf.len()
                }
            };
            if folded + len > i {
                return original;
            }
            folded += len;
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
mod tests;
