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
    pub fn new(text: &str) -> Squeezed {
        let mut bytes = Vec::with_capacity(text.len());
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
            if let Some(start) = run_start.take()
                && i - start != 1
            {
                shifts.push((bytes.len(), i));
            }
            let mut buf = [0; 4];
            bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
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
}
