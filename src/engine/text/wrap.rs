//! Word wrapping by display width, for the text printer and the reader. Rows are byte
//! ranges of the source line, so a caller can map highlights onto them; cuts fall only
//! on grapheme boundaries.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns one grapheme takes. A tab or another control character counts as one column,
/// like the space a printer or the reader puts in its place; so does a soft hyphen, which
/// terminals show as a hyphen (wcwidth 1) although Unicode gives it no width.
pub fn grapheme_width(g: &str) -> usize {
    if g.chars()
        .next()
        .is_some_and(|c| c.is_control() || c == SOFT_HYPHEN)
    {
        1
    } else {
        g.width()
    }
}

/// U+00AD, a hyphenation point that terminals draw as `-`.
pub const SOFT_HYPHEN: char = '\u{ad}';

/// Columns `s` takes on a terminal: the sum of its graphemes' widths.
pub fn display_width(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
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
    for g in s.graphemes(true) {
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

/// Whether a row may break at this grapheme (no-break spaces hold words together).
fn is_break_space(g: &str) -> bool {
    g.chars()
        .all(|c| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
}

/// A word to place: its bytes, its width, and the width of the white space before it.
struct Word {
    range: Range<usize>,
    width: usize,
    gap: usize,
}

/// The words of `line`; the line's indentation sticks to its first word, white space at
/// its end is dropped.
fn words(line: &str) -> Vec<Word> {
    let mut words = Vec::new();
    let mut current: Option<Word> = None;
    let mut has_letter = false;
    let mut gap = 0;
    for (at, g) in line.grapheme_indices(true) {
        let w = grapheme_width(g);
        if is_break_space(g) && (has_letter || !words.is_empty()) {
            words.extend(current.take());
            has_letter = false;
            gap += w;
            continue;
        }
        has_letter |= !is_break_space(g);
        match current.as_mut() {
            Some(word) => {
                word.range.end = at + g.len();
                word.width += w;
            }
            None => {
                current = Some(Word {
                    range: at..at + g.len(),
                    width: w,
                    gap,
                });
                gap = 0;
            }
        }
    }
    words.extend(current);
    words
}

/// Splits `line` (no line breaks in it) into rows at most `width` columns wide, as byte
/// ranges of `line`. Rows break at white space, which then belongs to no row. A word
/// longer than a row is cut between graphemes; a single grapheme wider than `width`
/// stands on a row of its own. Width 0 counts as 1. An empty line is one empty row.
pub fn wrap_line(line: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut rows = Vec::new();
    // The row being filled: its bytes and its width.
    let mut row: Option<(Range<usize>, usize)> = None;
    for word in words(line) {
        if let Some((range, used)) = row.take() {
            if used + word.gap + word.width <= width {
                row = Some((range.start..word.range.end, used + word.gap + word.width));
                continue;
            }
            rows.push(range);
        }
        if word.width <= width {
            row = Some((word.range, word.width));
            continue;
        }
        // Longer than a row: cut it, keeping the last piece open for the next word.
        let text = line.get(word.range.clone()).unwrap_or("");
        let mut piece = word.range.start..word.range.start;
        let mut used = 0;
        for (at, g) in text.grapheme_indices(true) {
            let w = grapheme_width(g);
            if used + w > width && piece.end > piece.start {
                rows.push(piece.clone());
                piece.start = piece.end;
                used = 0;
            }
            piece.end = word.range.start + at + g.len();
            used += w;
        }
        row = Some((piece, used));
    }
    rows.push(row.map_or(0..0, |(range, _)| range));
    rows
}

/// The rows of [`wrap_line`] as string slices.
pub fn wrap_str(line: &str, width: usize) -> Vec<&str> {
    wrap_line(line, width)
        .into_iter()
        .filter_map(|r| line.get(r))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(rows("ab\u{ad}cd efgh", 5), ["ab\u{ad}cd", "efgh"]);
    }

    fn rows(line: &str, width: usize) -> Vec<&str> {
        wrap_str(line, width)
    }

    #[test]
    fn breaks_at_spaces_and_drops_them() {
        assert_eq!(rows("aaa bbb ccc", 7), ["aaa bbb", "ccc"]);
        assert_eq!(rows("aaa bbb ccc", 6), ["aaa", "bbb", "ccc"]);
        assert_eq!(rows("aaa   bbb", 5), ["aaa", "bbb"]);
        assert_eq!(rows("aaa bbb", 80), ["aaa bbb"]);
    }

    #[test]
    fn keeps_indentation_and_empty_lines() {
        assert_eq!(rows("", 10), [""]);
        assert_eq!(rows("  ab cd", 5), ["  ab", "cd"]);
        assert_eq!(wrap_line("", 3).first(), Some(&(0..0)));
    }

    #[test]
    fn cuts_long_words_between_graphemes() {
        assert_eq!(rows("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(rows("ab cdefgh", 4), ["ab", "cdef", "gh"]);
    }

    #[test]
    fn vietnamese_nfc_and_nfd_wrap_alike() {
        let nfc = "Thủ tướng Phạm Minh Chính";
        let nfd = "Thu\u{309} tu\u{31b}o\u{31b}\u{301}ng Pha\u{323}m Minh Chi\u{301}nh";
        assert_eq!(display_width(nfc), display_width(nfd));
        assert_eq!(rows(nfc, 10), ["Thủ tướng", "Phạm Minh", "Chính"]);
        let nfd_rows = rows(nfd, 10);
        assert_eq!(nfd_rows.len(), 3);
        assert!(nfd_rows.iter().all(|r| display_width(r) <= 10));
        // Width 1 cuts between letters, never between a letter and its marks.
        assert_eq!(rows("Pha\u{323}m", 1), ["P", "h", "a\u{323}", "m"]);
    }

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(display_width("越南"), 4);
        assert_eq!(rows("越南越南越", 4), ["越南", "越南", "越"]);
        assert_eq!(rows("越南越南越", 5), ["越南", "越南", "越"]);
        // Wider than the row: on a row of its own, never lost, never a loop.
        assert_eq!(rows("a越b", 1), ["a", "越", "b"]);
        // A lone combining mark (width 0) before a wide one: still cut, never a loop.
        assert_eq!(rows("ồ\t\u{301}越", 0), ["ồ", "\u{301}", "越"]);
    }

    #[test]
    fn tiny_widths_terminate() {
        for width in 0..3 {
            let out = rows("a bc  d\tef", width);
            assert!(
                out.iter().all(|r| display_width(r) <= width.max(1)),
                "{out:?}"
            );
            assert_eq!(out.concat().replace([' ', '\t'], ""), "abcdef");
        }
    }

    #[test]
    fn no_break_space_holds_words_together() {
        assert_eq!(rows("8,3\u{a0}% x", 5), ["8,3\u{a0}%", "x"]);
    }

    #[test]
    fn ranges_map_back_to_the_line() {
        let line = "đồng tiền Việt Nam";
        for r in wrap_line(line, 6) {
            assert!(line.is_char_boundary(r.start) && line.is_char_boundary(r.end));
        }
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn rows_fit_and_keep_every_letter(
            line in "[a-zđồ越 \u{a0}\u{301}\t]{0,60}",
            width in 0usize..30,
        ) {
            let rows = wrap_line(&line, width);
            let mut last = 0;
            let mut letters = String::new();
            for r in &rows {
                prop_assert!(r.start >= last && r.start <= r.end);
                last = r.end;
                let row = line.get(r.clone()).expect("char boundaries");
                let w = display_width(row);
                prop_assert!(w <= width.max(1) || row.graphemes(true).count() == 1, "{row:?} {w}");
                letters.push_str(row);
            }
            let strip = |s: &str| s.chars().filter(|c| !matches!(c, ' ' | '\t')).collect::<String>();
            prop_assert_eq!(strip(&letters), strip(&line));
        }
    }
}
