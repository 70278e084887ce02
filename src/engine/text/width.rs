//! Display width, the same on screen and on paper: a grapheme takes its Unicode display
//! width; a control character, a BiDi control (see [`is_unsafe`]) and a soft hyphen take
//! one column (the one cell the reader draws in their place); a tab is white space drawn
//! to the next stop of [`TAB_STOP`] columns from the row's start ([`cell_width`]), counted
//! at its widest when wrapping (the printers write a tab as a space before wrapping).

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::engine::clean::is_unsafe;

/// Columns between tab stops.
pub const TAB_STOP: usize = 8;

/// Columns one grapheme takes at most (see the rules above).
pub fn grapheme_width(g: &str) -> usize {
    if let [b] = g.as_bytes()
        && (0x20..0x7f).contains(b)
    {
        1
    } else if g == "\t" {
        TAB_STOP
    } else if g == SOFT_HYPHEN_STR || g.chars().any(|c| c.is_control() || is_unsafe(c)) {
        1
    } else {
        g.width()
    }
}

/// Columns grapheme `g` takes when drawn at `column` of a row: a tab reaches the next
/// stop; anything else takes [`grapheme_width`].
pub fn cell_width(g: &str, column: usize) -> usize {
    if g == "\t" {
        TAB_STOP - column % TAB_STOP
    } else {
        grapheme_width(g)
    }
}

/// U+00AD, a hyphenation point that terminals draw as `-`.
pub const SOFT_HYPHEN: char = '\u{ad}';
const SOFT_HYPHEN_STR: &str = "\u{ad}";

/// Columns `s` takes on a terminal: the sum of its graphemes' widths.
pub fn display_width(s: &str) -> usize {
    grapheme_indices(s).map(|(_, g)| grapheme_width(g)).sum()
}

/// The extended graphemes of `s` with their byte offsets, as
/// `UnicodeSegmentation::grapheme_indices(true)` gives them, but a character that is
/// [`alone`] and followed by another (or by the end) is taken as a grapheme of its own
/// without the segmenter's tables: no rule of UAX #29 joins two such characters, so a
/// boundary stands on either side. Most of Vietnamese and Indonesian text (ASCII, Latin-1
/// and the precomposed letters) goes that way; anything else (marks, joiners, emoji,
/// Hangul, flags, CR LF) is left to the segmenter, started at a boundary.
pub fn grapheme_indices(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = s.get(at..).filter(|r| !r.is_empty())?;
        let mut chars = rest.chars();
        let first = chars.next()?;
        let len = if alone(first) && chars.next().is_none_or(alone) {
            first.len_utf8()
        } else {
            rest.graphemes(true).next().map_or(rest.len(), str::len)
        };
        let start = at;
        at += len;
        rest.get(..len).map(|g| (start, g))
    })
}

/// Characters whose grapheme cluster break property is Other and that are no emoji
/// modifier or joiner: printable ASCII, Latin-1 but the soft hyphen (a format character),
/// Latin Extended-A and -B, and Latin Extended Additional (the Vietnamese letters).
fn alone(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{ac}' | '\u{ae}'..='\u{24f}' | '\u{1e00}'..='\u{1eff}')
}

/// `s` in exactly `width` columns: cut at a grapheme with `…` when it is wider, padded
/// with spaces when it is narrower (table cells, the picker's columns).
pub fn fit(s: &str, width: usize) -> String {
    let full = display_width(s);
    if full <= width {
        return format!("{s}{}", " ".repeat(width - full));
    }
    let mut out = String::new();
    let mut used = 0;
    for (_, g) in grapheme_indices(s) {
        let w = grapheme_width(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
        used += 1;
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Characters of every kind the segmenter treats apart, beside the ones taken alone.
    fn mixed() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            "Z",
            " ",
            "~",
            "\t",
            "\r",
            "\n",
            "\r\n",
            "\u{7f}",
            "\u{85}",
            "\u{a0}",
            "\u{ad}",
            "©",
            "®",
            "ạ",
            "Ư",
            "ǿ",
            "ɏ",
            "ɐ",
            "\u{300}",
            "\u{301}",
            "\u{309}",
            "\u{200d}",
            "\u{fe0f}",
            "\u{1f3fb}",
            "👍",
            "🇻",
            "🇳",
            "ᄀ",
            "ᅡ",
            "ᆨ",
            "한",
            "\u{93f}",
            "क",
            "\u{94d}",
            "\u{600}",
            "\u{e33}",
            "\u{1e00}",
            "\u{1eff}",
            "\u{1f00}",
            "\u{202e}",
            "字",
            "e\u{301}",
            "\u{2028}",
        ]);
        prop::collection::vec(pieces, 0..24).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn graphemes_come_as_the_segmenter_gives_them(s in mixed()) {
            let ours: Vec<(usize, &str)> = grapheme_indices(&s).collect();
            let theirs: Vec<(usize, &str)> = s.grapheme_indices(true).collect();
            prop_assert_eq!(ours, theirs, "{:?}", s);
        }
    }

    #[test]
    fn every_character_taken_alone_is_a_grapheme_of_its_own_to_the_segmenter() {
        let all = (0..0x2000).filter_map(char::from_u32).filter(|&c| alone(c));
        let all: Vec<char> = all.collect();
        assert_eq!(all.len(), 95 + 13 + 418 + 256);
        for &c in &all {
            for d in ['a', 'ạ', '\u{a0}', c] {
                let pair = format!("{c}{d}");
                assert_eq!(pair.graphemes(true).count(), 2, "{pair:?}");
            }
        }
    }

    #[test]
    fn graphemes_of_letters_marks_and_emoji() {
        let s = "Phạm e\u{301}👍\u{1f3fb} 🇻🇳🇻 a\r\nb ©\u{fe0f}";
        let ours: Vec<&str> = grapheme_indices(s).map(|(_, g)| g).collect();
        assert_eq!(
            ours,
            [
                "P",
                "h",
                "ạ",
                "m",
                " ",
                "e\u{301}",
                "👍\u{1f3fb}",
                " ",
                "🇻🇳",
                "🇻",
                " ",
                "a",
                "\r\n",
                "b",
                " ",
                "©\u{fe0f}"
            ]
        );
        assert_eq!(grapheme_indices("").count(), 0);
    }

    #[test]
    fn fit_cuts_and_pads_by_display_width() {
        assert_eq!(fit("vi-gov", 8), "vi-gov  ");
        assert_eq!(fit("id-integration", 8), "id-inte…");
        assert_eq!(fit("越南经济外交", 7), "越南经…");
        assert_eq!(display_width(&fit("越南经济外交", 6)), 6);
        assert_eq!(fit("Phạm", 4), "Phạm");
        assert_eq!(fit("abc", 0), "");
    }

    #[test]
    fn a_soft_hyphen_takes_the_column_a_terminal_gives_it() {
        assert_eq!(display_width("a\u{ad}b"), 3);
        assert_eq!(
            crate::engine::text::wrap::wrap_str("ab\u{ad}cd efgh", 5),
            ["ab\u{ad}cd", "efgh"]
        );
    }
}
