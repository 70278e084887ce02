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
    if g == "\t" {
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
        assert_eq!(
            crate::engine::text::wrap::wrap_str("ab\u{ad}cd efgh", 5),
            ["ab\u{ad}cd", "efgh"]
        );
    }
}
