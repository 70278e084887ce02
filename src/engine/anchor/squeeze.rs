//! Text with every run of white space squeezed to one space, and the way back to the
//! original offsets. Quotes are matched in this form (design section 3: any run of white
//! space in a quote matches any run in the text), so matching is plain substring search.

use std::borrow::Cow;

use super::plain::{ascii_space, plain_end};

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
    use super::super::plain::space;
    use super::*;

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
