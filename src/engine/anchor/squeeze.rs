//! Text with every run of white space squeezed to one space, and the way back to the
//! original offsets. Quotes are matched in this form (design section 3: any run of white
//! space in a quote matches any run in the text), so matching is plain substring search.

/// A squeezed text: its bytes, and where its offsets stop agreeing with the original's.
#[derive(Debug)]
pub struct Squeezed {
    bytes: Vec<u8>,
    /// (squeezed offset, original offset) after each run that is not one byte long: from
    /// there on, the two advance together until the next entry.
    shifts: Vec<(usize, usize)>,
}

impl Squeezed {
    /// Squeezes `text` by bytes: what cannot start white space (ASCII letters, and the
    /// lead bytes of characters with no white space among them, which is every lead but
    /// C2, E1, E2 and E3) is copied in runs; only the rest is looked at as characters.
    /// Every document passes here once per check, so this is a hot loop.
    pub fn new(text: &str) -> Squeezed {
        let bytes_in = text.as_bytes();
        let mut bytes = Vec::with_capacity(text.len());
        let mut shifts = Vec::new();
        let mut run_start: Option<usize> = None;
        let mut i = 0;
        while i < bytes_in.len() {
            // A run that cannot hold white space, copied whole; a lone space between two
            // words is its own squeezed form, so it stays in the run (most of prose).
            let plain = plain_end(bytes_in, i, run_start.is_none());
            if plain > i {
                end_run(&mut run_start, i, &mut shifts, bytes.len());
                bytes.extend_from_slice(bytes_in.get(i..plain).unwrap_or_default());
                i = plain;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            if c.is_whitespace() {
                if run_start.is_none() {
                    bytes.push(b' ');
                    run_start = Some(i);
                }
            } else {
                end_run(&mut run_start, i, &mut shifts, bytes.len());
                bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
            i += c.len_utf8();
        }
        Squeezed { bytes, shifts }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The original offset of squeezed offset `at`, which must not fall inside a run
    /// (a match starts at a word and ends after one, so it never does).
    pub fn original(&self, at: usize) -> usize {
        match self.shifts.partition_point(|&(s, _)| s <= at) {
            0 => at,
            k => {
                let (s, o) = self.shifts[k - 1];
                o + (at - s)
            }
        }
    }
}

/// Where the bytes from `from` stop being copied as they are: at the first byte that may
/// start white space, unless it is a lone ASCII space after a word (`after_word` says
/// whether the byte before `from` ended one).
fn plain_end(bytes: &[u8], from: usize, after_word: bool) -> usize {
    let mut j = from;
    while let Some(&b) = bytes.get(j) {
        if MAY_START_SPACE[usize::from(b)] {
            let next = bytes.get(j + 1).copied();
            let plain = match b {
                b' ' => (j > from || after_word) && next.is_some_and(|n| !may_be_space(b, n)),
                // A lead byte whose character is no white space: ạ, ễ (E1 BA, E1 BB), most
                // punctuation (E2 80 9C is “, which the character path then decides).
                0xC2 | 0xE1 | 0xE2 | 0xE3 => next.is_some_and(|n| !may_be_space(b, n)),
                _ => false,
            };
            if !plain {
                return j;
            }
        }
        j += 1;
    }
    j
}

/// Whether a character that starts with `lead` then `next` may be white space: a space or
/// control before any byte that may start white space, U+0085 and U+00A0 (C2 85, C2 A0),
/// U+1680 (E1 9A), U+2000..U+205F (E2 80, E2 81), U+3000 (E3 80).
fn may_be_space(lead: u8, next: u8) -> bool {
    match lead {
        0xC2 => matches!(next, 0x85 | 0xA0),
        0xE1 => next == 0x9A,
        0xE2 => matches!(next, 0x80 | 0x81),
        0xE3 => next == 0x80,
        _ => MAY_START_SPACE[usize::from(next)],
    }
}

/// The bytes that may start a white-space character: ASCII tab to carriage return and the
/// space, and the UTF-8 leads of U+0085, U+00A0 (C2), U+1680 (E1), U+2000..U+205F (E2) and
/// U+3000 (E3).
const MAY_START_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0x09;
    while b <= 0x0D {
        table[b] = true;
        b += 1;
    }
    table[0x20] = true;
    table[0xC2] = true;
    table[0xE1] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table
};

/// A run of white space ends at byte `at` of the original, where `out` bytes have been
/// squeezed: a run of other than one byte shifts the offsets after it.
fn end_run(run_start: &mut Option<usize>, at: usize, shifts: &mut Vec<(usize, usize)>, out: usize) {
    if let Some(start) = run_start.take()
        && at - start != 1
    {
        shifts.push((out, at));
    }
}

/// A quote, prefix or suffix in squeezed form: its words joined by single spaces.
pub fn squeeze_words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_become_one_space_and_offsets_map_back() {
        let text = "a\n\n b\u{a0}c\td  e";
        let s = Squeezed::new(text);
        assert_eq!(s.bytes(), b"a b c d e");
        for (squeezed, original) in [(0, 0), (2, 4), (4, 7), (6, 9), (8, 12), (9, 13)] {
            assert_eq!(s.original(squeezed), original, "{squeezed}");
        }
        assert_eq!(squeeze_words("  x \n y  "), "x y");
    }

    /// The squeeze as first written, by characters: the byte loop must agree with it.
    fn by_chars(text: &str) -> (Vec<u8>, Vec<(usize, usize)>) {
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

    #[test]
    fn the_byte_loop_agrees_with_the_character_rule() {
        let pieces = [
            "a", "Phạm", " ", "  ", "\n", "\t", "\r\n", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}",
            "\u{2009}", "\u{200b}", "\u{2028}", "\u{202f}", "\u{205f}", "\u{3000}", "ạ", "ễ", "“",
            "—", "\u{1e9e}", "字", "🇻🇳", "x", "©", "\u{2e80}", "、",
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
