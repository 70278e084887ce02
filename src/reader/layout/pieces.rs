//! A line longer than a block, wrapped a piece at a time. First-fit wrapping starts every
//! row afresh, so the rest of a line wrapped from any row's start has the rows the whole
//! line has from there. A piece cut between two ASCII characters (always a grapheme
//! boundary inside a line) has the whole line's graphemes and words up to its end, but
//! for its last word, which may be cut short and so stands in its last row: every row but
//! the last is the whole line's, and the next piece starts where that last row does.

use std::ops::Range;

use crate::engine::text::wrap::wrap_line;

/// The rows of `line` from byte `from` (where a row starts) on, for about `piece` bytes
/// of it, as byte ranges of `line`; and where the rows not wrapped yet start, `None` when
/// the rows reach the end of the line.
pub(super) fn wrap_piece(
    line: &str,
    from: usize,
    width: usize,
    piece: usize,
) -> (Vec<Range<usize>>, Option<usize>) {
    let mut size = piece.max(1);
    loop {
        let cut = cut_at(line.as_bytes(), from.saturating_add(size));
        let part = line.get(from..cut).unwrap_or("");
        let mut rows: Vec<Range<usize>> = wrap_line(part, width)
            .into_iter()
            .map(|r| r.start + from..r.end + from)
            .collect();
        if cut >= line.len() {
            return (rows, None);
        }
        // One row is no progress: a larger piece (a row may be long, with white space).
        if rows.len() >= 2
            && let Some(last) = rows.pop()
        {
            return (rows, Some(last.start));
        }
        size = size.saturating_mul(2);
    }
}

/// The first place at or after `at` that stands between two ASCII bytes, else the end.
fn cut_at(bytes: &[u8], at: usize) -> usize {
    if at >= bytes.len() {
        return bytes.len();
    }
    (at.max(1)..bytes.len())
        .find(|&i| bytes[i - 1].is_ascii() && bytes[i].is_ascii())
        .unwrap_or(bytes.len())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Every row of `line`, piece by piece.
    fn by_pieces(line: &str, width: usize, piece: usize) -> Vec<Range<usize>> {
        let (mut rows, mut next) = wrap_piece(line, 0, width, piece);
        while let Some(from) = next {
            let (more, after) = wrap_piece(line, from, width, piece);
            assert!(after.is_none_or(|a| a > from), "progress");
            rows.extend(more);
            next = after;
        }
        rows
    }

    #[test]
    fn pieces_give_the_rows_of_the_whole_line() {
        let prose = "Thủ tướng Phạm Minh Chính chủ trì hội nghị về ngoại giao kinh tế. ";
        let long_word = "x".repeat(500);
        for line in [
            prose.repeat(50),
            format!("   {long_word} {}", prose.repeat(3)),
            format!("a{}b", " ".repeat(1000)),
            "越南".repeat(300),
            format!("{}\t{}", "ab ".repeat(100), "越 a".repeat(100)),
        ] {
            for width in [1, 3, 10, 40, 200] {
                for piece in [1, 7, 64, 1000] {
                    assert_eq!(
                        by_pieces(&line, width, piece),
                        wrap_line(&line, width),
                        "width {width}, pieces of {piece}"
                    );
                }
            }
        }
    }

    fn line() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a",
            "b",
            "ab",
            "xyz",
            " ",
            " ",
            "  ",
            "\t",
            "\u{a0}",
            "\u{301}",
            "a\u{301}",
            "ồ",
            "越",
            "南",
            "🇻🇳",
            "🇮",
            "👩\u{200d}💻",
            "\u{200d}",
            "é",
            "8,3",
            "-",
            ".",
            "\u{ad}",
            "\u{2007}",
            "\u{3000}",
        ]);
        prop::collection::vec(pieces, 0..120).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn any_line_in_any_pieces_wraps_as_a_whole(
            line in line(),
            width in 0usize..24,
            piece in 1usize..48,
        ) {
            prop_assert_eq!(by_pieces(&line, width, piece), wrap_line(&line, width));
        }
    }
}
