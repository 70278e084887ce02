//! Word wrapping by display width, the one wrapper of the screen and of print. Rows are
//! byte ranges of the source line, so a caller can map highlights onto them; cuts fall
//! only on grapheme boundaries. Lines are cut into words by the project's rules (below),
//! and textwrap's first-fit places the words on rows.
//!
//! The rules, the same on screen and on paper:
//! - graphemes take the widths of `width.rs` (a tab at its widest, so a row never
//!   overflows);
//! - rows break at white space, which then belongs to no row, but never at a no-break
//!   space (U+00A0, U+2007, U+202F): `8,3 %` with a no-break space stays whole;
//! - a line's indentation sticks to its first word; white space at its end is dropped;
//! - a word longer than a row is cut between graphemes; a grapheme wider than the row
//!   stands on a row of its own.

use std::ops::Range;

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;

use crate::engine::text::Text;
use crate::engine::text::width::{grapheme_indices, grapheme_width};

/// Whether a row may break at this grapheme (no-break spaces hold words together).
pub fn is_break_space(g: &str) -> bool {
    g.chars()
        .all(|c| c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}'))
}

/// A piece of a line to place: its bytes, its width, and the width of the white space
/// after it (0 between the pieces of a word too long for a row).
#[derive(Debug)]
struct Word {
    range: Range<usize>,
    width: usize,
    gap: usize,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }

    fn whitespace_width(&self) -> f64 {
        self.gap as f64
    }

    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// The words of `line` into `words`, none wider than `width` unless it is one grapheme:
/// the indentation sticks to the first word, white space at the end is dropped, and a
/// longer word comes in pieces.
fn words(line: &str, width: usize, words: &mut Vec<Word>) {
    words.clear();
    let mut current: Option<Word> = None;
    let mut seen_letter = false;
    for (at, g) in grapheme_indices(line) {
        let w = grapheme_width(g);
        if is_break_space(g) && seen_letter {
            words.extend(current.take());
            if let Some(last) = words.last_mut() {
                last.gap += w;
            }
            continue;
        }
        seen_letter |= !is_break_space(g);
        let piece = at..at + g.len();
        match current.as_mut() {
            Some(word) if word.width + w > width && !word.range.is_empty() => {
                let full = std::mem::replace(
                    word,
                    Word {
                        range: piece,
                        width: w,
                        gap: 0,
                    },
                );
                words.push(full);
            }
            Some(word) => {
                word.range.end = piece.end;
                word.width += w;
            }
            None => {
                current = Some(Word {
                    range: piece,
                    width: w,
                    gap: 0,
                });
            }
        }
    }
    words.extend(current);
    if let Some(last) = words.last_mut() {
        last.gap = 0;
    }
}

/// Splits `line` (no line breaks in it) into rows at most `width` columns wide, as byte
/// ranges of `line`. Width 0 counts as 1. An empty line is one empty row.
pub fn wrap_line(line: &str, width: usize) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    wrap_line_into(line, width, &mut Vec::new(), &mut rows);
    rows
}

/// [`wrap_line`] appending to `rows`, with `scratch` reused from line to line.
fn wrap_line_into(line: &str, width: usize, scratch: &mut Vec<Word>, rows: &mut Vec<Range<usize>>) {
    let width = width.max(1);
    words(line, width, scratch);
    if scratch.is_empty() {
        rows.push(0..0);
        return;
    }
    for row in wrap_first_fit(scratch, &[width as f64]) {
        if let (Some(first), Some(last)) = (row.first(), row.last()) {
            rows.push(first.range.start..last.range.end);
        }
    }
}

/// Every line of `text` wrapped to `width`, as byte ranges of the whole text; an empty
/// line is one empty row.
pub fn wrap_text(text: &Text, width: usize) -> Vec<Range<usize>> {
    let mut rows = Vec::with_capacity(text.len() / width.max(1) + text.line_count());
    let mut scratch = Vec::new();
    let mut line_rows = Vec::new();
    for index in 0..text.line_count() {
        let line = text.line_range(index);
        let start = line.start;
        let s = text.as_str().get(line).unwrap_or("");
        line_rows.clear();
        wrap_line_into(s, width, &mut scratch, &mut line_rows);
        rows.extend(line_rows.iter().map(|r| r.start + start..r.end + start));
    }
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
    use crate::engine::text::width::display_width;

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
mod screen {
    //! What the reader's panes show, wrapped by the same rules.
    use super::*;
    use crate::engine::text::width::{TAB_STOP, cell_width, grapheme_width};
    use unicode_segmentation::UnicodeSegmentation;

    fn wrapped(line: &str, width: usize) -> Vec<&str> {
        wrap_str(line, width)
    }

    #[test]
    fn wraps_at_word_boundaries_by_display_width() {
        assert_eq!(
            wrapped("Phạm Minh Chính nói", 10),
            ["Phạm Minh", "Chính nói"]
        );
        assert_eq!(wrapped("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrapped("", 4), [""]);
    }

    #[test]
    fn wide_characters_never_split_or_overflow() {
        assert_eq!(wrapped("中文全角字", 5), ["中文", "全角", "字"]);
        assert_eq!(wrapped("中", 1), ["中"]);
    }

    #[test]
    fn decomposed_marks_stay_with_their_letter() {
        let nfd = "Pha\u{323}m Pha\u{323}m";
        assert_eq!(wrapped(nfd, 4), ["Pha\u{323}m", "Pha\u{323}m"]);
    }

    #[test]
    fn tabs_reach_the_next_stop_and_wrap_at_their_widest() {
        assert_eq!(cell_width("\t", 3), 5);
        assert_eq!(cell_width("\t", 8), 8);
        assert_eq!(grapheme_width("\t"), TAB_STOP);
        assert_eq!(wrapped("a\tb", 10), ["a\tb"]);
        assert_eq!(wrapped("a\tb", 9), ["a", "b"]);
    }

    #[test]
    fn every_row_fits_unless_one_grapheme_is_wider() {
        let line = "Tại hội nghị,\tcác đại biểu 中文 đã đánh giá kết quả";
        for width in 1..30 {
            for s in wrapped(line, width) {
                let mut drawn = 0;
                for g in s.graphemes(true) {
                    drawn += cell_width(g, drawn);
                }
                assert!(
                    drawn <= width || s.graphemes(true).count() == 1,
                    "{s:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn a_text_wraps_line_by_line_in_offsets_of_the_whole() {
        let text = Text::new("một hai\n\nba bốn năm");
        let rows = wrap_text(&text, 7);
        let shown: Vec<&str> = rows
            .iter()
            .filter_map(|r| text.as_str().get(r.clone()))
            .collect();
        assert_eq!(shown, ["một hai", "", "ba bốn", "năm"]);
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::engine::text::width::display_width;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

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
