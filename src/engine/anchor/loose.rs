//! A squeezed string (words joined by single spaces) compared with the original text
//! itself, where each of its spaces matches a whole run of white space: what comparing it
//! with the squeezed text says, without the squeezed copy. Either end of the string may
//! fall inside a character (a key starts at any byte).

/// Where `pattern`, read forwards from byte `from` of `text`, ends; `None` if it does not
/// stand there.
pub fn forwards(text: &str, from: usize, pattern: &[u8]) -> Option<usize> {
    let mut at = from;
    for (i, word) in pattern.split(|&b| b == b' ').enumerate() {
        if i > 0 {
            at = Some(run_after(text, at)).filter(|&end| end > at)?;
        }
        if !text.as_bytes().get(at..)?.starts_with(word) {
            return None;
        }
        at += word.len();
    }
    Some(at)
}

/// Where `pattern`, read backwards from byte `to` of `text`, starts; `None` if it does
/// not end there.
pub fn backwards(text: &str, to: usize, pattern: &[u8]) -> Option<usize> {
    let mut at = to;
    for (i, word) in pattern.rsplit(|&b| b == b' ').enumerate() {
        if i > 0 {
            at = Some(run_before(text, at)).filter(|&start| start < at)?;
        }
        if !text.as_bytes().get(..at)?.ends_with(word) {
            return None;
        }
        at -= word.len();
    }
    Some(at)
}

/// The end of the run of white space from byte `at` (`at` itself if there is none).
pub fn run_after(text: &str, mut at: usize) -> usize {
    while let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) {
        if !c.is_whitespace() {
            break;
        }
        at += c.len_utf8();
    }
    at
}

/// The start of the run of white space that ends at byte `at` (`at` itself if there is
/// none).
pub fn run_before(text: &str, mut at: usize) -> usize {
    while let Some(c) = text.get(..at).and_then(|head| head.chars().next_back()) {
        if !c.is_whitespace() {
            break;
        }
        at -= c.len_utf8();
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_space_matches_a_whole_run_and_words_match_as_bytes() {
        let text = "xa\n\n \u{a0}b\tc\u{3000}dé";
        assert_eq!(
            forwards(text, 1, b"a b c"),
            Some(text.find('c').unwrap() + 1)
        );
        assert_eq!(
            backwards(text, text.find('c').unwrap() + 1, b"a b c"),
            Some(1)
        );
        assert_eq!(forwards(text, 1, b"a  b"), None, "two spaces: a run is one");
        assert_eq!(forwards(text, 1, b"ab"), None);
        assert_eq!(forwards(text, 1, b"a b d"), None);
        // A space at either end, and an end inside a character.
        let d = text.find('d').unwrap();
        assert_eq!(forwards(text, d - 3, b" d\xc3"), Some(d + 2));
        assert_eq!(backwards(text, d, b"c "), Some(d - 4));
        assert_eq!(backwards(text, text.len() - 1, b"d\xc3"), Some(d));
        assert_eq!((run_after(text, 2), run_before(text, 7)), (7, 2));
        assert_eq!((run_after(text, 0), run_before(text, 0)), (0, 0));
        assert_eq!(
            forwards(text, text.len() - 1, b"x"),
            None,
            "inside a character"
        );
    }
}
