//! Text with every run of white space squeezed to one space, and the way back to the
//! original offsets. Quotes are matched in this form (design section 3: any run of white
//! space in a quote matches any run in the text), so matching is plain substring search.

use std::borrow::Cow;

use crate::engine::text::scan::{at_least, eq};

/// Where a squeezed text's offsets stop agreeing with the original's: (squeezed offset,
/// original offset) after a run of white space that is not one byte long, from where the
/// two advance together until the next. In `u32`s, since a text of runs (`a  a  a …`)
/// has one every few bytes, and offsets fit: a text is at most 3 GiB (see `Anchor`).
pub type Shift = (u32, u32);

/// A squeezed text: its bytes, and where its offsets stop agreeing with the original's.
#[derive(Debug)]
pub struct Squeezed {
    bytes: Vec<u8>,
    shifts: Vec<Shift>,
}

impl Squeezed {
    /// Squeezes `text` whole (see [`Stream`]).
    pub fn new(text: &str) -> Squeezed {
        let mut bytes = Vec::with_capacity(text.len());
        let mut shifts = Vec::new();
        Stream::new(text).fill(&mut bytes, &mut shifts, usize::MAX);
        Squeezed { bytes, shifts }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The original offset of squeezed offset `at`, which must not fall inside a run
    /// (a match starts at a word and ends after one, so it never does).
    pub fn original(&self, at: usize) -> usize {
        original(&self.shifts, at)
    }
}

/// The original offset of squeezed offset `at` by `shifts` (those of a [`Squeezed`], or
/// the last of them before `at` and those after).
pub fn original(shifts: &[Shift], at: usize) -> usize {
    match shifts.partition_point(|&(s, _)| s as usize <= at) {
        0 => at,
        k => {
            let (s, o) = shifts[k - 1];
            o as usize + (at - s as usize)
        }
    }
}

/// A text squeezed piece by piece, so that the squeezed copy need not be held whole.
pub struct Stream<'t> {
    text: &'t str,
    /// The next byte of the text to read.
    at: usize,
    /// Where the run of white space being read started, if one is.
    run_start: Option<usize>,
    /// Squeezed bytes written so far.
    out: usize,
}

impl<'t> Stream<'t> {
    pub fn new(text: &'t str) -> Stream<'t> {
        Stream {
            text,
            at: 0,
            run_start: None,
            out: 0,
        }
    }

    /// Squeezes on, by bytes: everything but white space (and a lone ASCII white-space
    /// byte between two words, a space once copied) is copied in runs, found by blocks where nothing
    /// needs a look; only the rest is looked at as characters. Stops once `room` bytes
    /// (a few more at most) are written to `bytes`, or at the end of the text; the
    /// shifts of runs that end are pushed to `shifts`, in squeezed offsets counted from
    /// the start. Every document passes here once per check, so this is a hot loop.
    pub fn fill(&mut self, bytes: &mut Vec<u8>, shifts: &mut Vec<Shift>, room: usize) {
        let bytes_in = self.text.as_bytes();
        let (first, out) = (bytes.len(), self.out);
        let goal = first.saturating_add(room);
        let mut i = self.at;
        while i < bytes_in.len() && bytes.len() < goal {
            let written = out + (bytes.len() - first);
            // A run that cannot hold white space, copied whole; a lone ASCII white-space
            // byte between two words (most of prose: a space, a line break) is squeezed
            // to a space of its own, so it stays in the run, made a space once copied.
            let stop = i.saturating_add(goal - bytes.len());
            let plain = plain_end(bytes_in, i, self.run_start.is_none(), stop);
            if plain > i {
                end_run(&mut self.run_start, i, shifts, written);
                let from = bytes.len();
                bytes.extend_from_slice(bytes_in.get(i..plain).unwrap_or_default());
                // Without branches, so that it is vectorised.
                for b in bytes.get_mut(from..).unwrap_or_default() {
                    *b ^= (*b ^ b' ') & ascii_space(*b);
                }
                i = plain;
                continue;
            }
            let Some(c) = self.text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            if c.is_whitespace() {
                if self.run_start.is_none() {
                    bytes.push(b' ');
                    self.run_start = Some(i);
                }
                // The ASCII white space that follows in the run, passed over at once.
                i += c.len_utf8();
                let rest = bytes_in.get(i..).unwrap_or_default();
                i += rest.iter().take_while(|&&b| ascii_space(b) != 0).count();
                continue;
            }
            end_run(&mut self.run_start, i, shifts, written);
            bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            i += c.len_utf8();
        }
        self.at = i;
        self.out = out + (bytes.len() - first);
    }

    /// Whether the whole text is squeezed.
    pub fn done(&self) -> bool {
        self.at >= self.text.len()
    }
}

/// Where the bytes from `from` stop being copied as they are: at the first white-space
/// character, unless it is a lone ASCII white-space byte after a word and before a character that
/// is none (`after_word` says whether the byte before `from` ended a word). Past the
/// first byte, a block of `BLOCK` bytes with no such place (`quiet`) is passed over whole.
/// Looks no further than `stop`.
fn plain_end(bytes: &[u8], from: usize, after_word: bool, stop: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: `plain_end_avx2` needs AVX2 and nothing else, and the CPU has it
        // (checked just above); its body is safe code.
        return unsafe { plain_end_avx2(bytes, from, after_word, stop) };
    }
    plain_end_here(bytes, from, after_word, stop)
}

/// [`plain_end`] compiled for AVX2, so that `quiet` reads 32 bytes at a time. Call it
/// only where the CPU has AVX2.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn plain_end_avx2(bytes: &[u8], from: usize, after_word: bool, stop: usize) -> usize {
    plain_end_here(bytes, from, after_word, stop)
}

/// [`plain_end`] for whatever the caller is compiled for (always inlined, with what it
/// calls, so that an AVX2 caller makes it AVX2 code).
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
fn space(b: u8, n: u8, t: u8) -> u8 {
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
fn ascii_space(b: u8) -> u8 {
    (at_least(b, 0x09) & !at_least(b, 0x0E)) | eq(b, b' ')
}

/// A run of white space ends at byte `at` of the original, where `out` bytes have been
/// squeezed: a run of other than one byte shifts the offsets after it.
fn end_run(run_start: &mut Option<usize>, at: usize, shifts: &mut Vec<Shift>, out: usize) {
    if let Some(start) = run_start.take()
        && at - start != 1
    {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        shifts.push((small(out), small(at)));
    }
}

/// A quote, prefix or suffix in squeezed form: its words joined by single spaces,
/// borrowed when it is in that form already (most are).
pub fn squeeze_words(s: Cow<'_, str>) -> Cow<'_, str> {
    if is_squeezed(&s) {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// Whether `s` is its own squeezed form: no white space but lone spaces between words.
fn is_squeezed(s: &str) -> bool {
    let mut after_word = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if c != ' ' || !after_word {
                return false;
            }
            after_word = false;
        } else {
            after_word = true;
        }
    }
    after_word || s.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_compilations_of_plain_end_stop_at_the_same_byte() {
        let vi = include_str!("../../../seeds/001_9864e2932dc47fb2.txt");
        let spaces = [
            " ", "  ", "\n", " \n", "\u{a0}", "\u{2028}", "\u{3000}", "\u{85}", "\t",
        ];
        let mut texts = vec![vi.to_owned()];
        for (k, space) in spaces.iter().enumerate() {
            let word = "Phạm Minh Chính nói ".repeat(k + 3);
            texts.push(format!("{word}{space}{word}{space}{space}x"));
        }
        for text in &texts {
            let bytes = text.as_bytes();
            for from in (0..bytes.len()).step_by(7) {
                for after_word in [false, true] {
                    let stop = bytes.len();
                    assert_eq!(
                        plain_end(bytes, from, after_word, stop),
                        plain_end_here(bytes, from, after_word, stop),
                        "{from} in {text:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn runs_become_one_space_and_offsets_map_back() {
        let text = "a\n\n b\u{a0}c\td  e";
        let s = Squeezed::new(text);
        assert_eq!(s.bytes(), b"a b c d e");
        for (squeezed, original) in [(0, 0), (2, 4), (4, 7), (6, 9), (8, 12), (9, 13)] {
            assert_eq!(s.original(squeezed), original, "{squeezed}");
        }
        assert_eq!(squeeze_words("  x \n y  ".into()), "x y");
        for (s, borrowed) in [("x y", true), ("", true), ("x  y", false), (" x", false)] {
            let squeezed = squeeze_words(s.into());
            assert_eq!(matches!(squeezed, Cow::Borrowed(_)), borrowed, "{s:?}");
            assert_eq!(squeezed, s.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        assert!(!is_squeezed("x\u{a0}y") && !is_squeezed("x "));
    }

    /// The squeeze as first written, by characters: the byte loop must agree with it.
    fn by_chars(text: &str) -> (Vec<u8>, Vec<Shift>) {
        let mut bytes = Vec::new();
        let mut shifts = Vec::new();
        let mut run_start = None;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                if run_start.is_none() {
                    bytes.push(b' ');
                    run_start = Some(i);
                }
                continue;
            }
            end_run(&mut run_start, i, &mut shifts, bytes.len());
            bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        }
        (bytes, shifts)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// Long texts, where whole blocks are passed over.
        #[test]
        fn long_texts_squeeze_as_the_character_rule_does(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Thủ tướng Phạm Minh Chính nói về tăng trưởng kinh tế năm nay ",
                "Perdana Menteri Vietnam menyampaikan pertumbuhan ekonomi ",
                " ", "  ", "\n", "\n\n", "\t", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}",
                "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}", "“", "”", "—", "…", "ạ", "x",
                "\u{2e80}", "\u{1e9e}", "、",
            ]), 0..40)
        ) {
            let text = parts.concat();
            let s = Squeezed::new(&text);
            proptest::prop_assert_eq!((s.bytes.clone(), s.shifts.clone()), by_chars(&text));
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
        /// Squeezed piece by piece, of any sizes: the same bytes and shifts as whole.
        #[test]
        fn pieces_squeeze_as_the_whole_does(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Phạm Minh Chính ", "kinh tế", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u{a0}",
                "\u{2009}", "\u{3000}", "ạ", "x", "“",
            ]), 0..60),
            rooms in proptest::collection::vec(1..9usize, 1..20),
        ) {
            let text = parts.concat();
            let (mut bytes, mut shifts) = (Vec::new(), Vec::new());
            let mut stream = Stream::new(&text);
            for room in rooms.iter().cycle() {
                if stream.done() {
                    break;
                }
                stream.fill(&mut bytes, &mut shifts, *room);
            }
            let whole = Squeezed::new(&text);
            proptest::prop_assert_eq!((bytes, shifts), (whole.bytes, whole.shifts));
        }
    }

    #[test]
    fn the_byte_rule_for_white_space_is_the_character_rule() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let mut bytes = [0x80; 4];
            c.encode_utf8(&mut bytes);
            let found = space(bytes[0], bytes[1], bytes[2]) == 0xFF;
            assert_eq!(found, c.is_whitespace(), "{c:?}");
        }
    }

    #[test]
    fn the_byte_loop_agrees_with_the_character_rule() {
        let pieces = [
            "a", "Phạm", " ", "  ", "\n", "\t", "\r\n", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}",
            "\u{2009}", "\u{200b}", "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}", "ạ", "ễ", "“",
            "\u{200a}", "\u{2029}", "\u{2060}", "\u{1681}", "ấ", "\u{3001}", "—", "\u{1e9e}", "字",
            "🇻🇳", "x", "©", "\u{2e80}", "、",
        ];
        // Every string of up to four pieces.
        let mut texts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(longer);
            texts.dedup();
        }
        for text in &texts {
            let s = Squeezed::new(text);
            assert_eq!(
                (s.bytes.clone(), s.shifts.clone()),
                by_chars(text),
                "{text:?}"
            );
        }
    }
}
