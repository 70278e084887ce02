//! A layout's rows are those of each line wrapped whole, or of each segment of a longer
//! line (`cuts.rs`) wrapped whole, whichever way they are reached: from the top, from the
//! end upwards, from any byte.

use std::ops::Range;
use std::rc::Rc;

use proptest::prelude::*;

use super::cuts::cuts;
use super::{LaidOut, Layout};
use crate::engine::text::Text;
use crate::engine::text::wrap::wrap_line;
use crate::reader::layout_cache::row_of;

/// Every row of `text` at `width`: each line wrapped whole, or a line longer than
/// `block` bytes in its segments, each wrapped whole.
pub(super) fn reference(text: &Text, width: usize, block: usize) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    for index in 0..text.line_count() {
        let line = text.line_range(index);
        let s = text.as_str().get(line.clone()).unwrap_or("");
        let mut bounds = vec![0];
        if s.len() > block {
            bounds.extend(cuts(s, block));
        }
        bounds.push(s.len());
        for pair in bounds.windows(2) {
            let part = s.get(pair[0]..pair[1]).unwrap_or("");
            let at = line.start + pair[0];
            rows.extend(
                wrap_line(part, width)
                    .into_iter()
                    .map(|r| r.start + at..r.end + at),
            );
        }
    }
    rows
}

fn laid(text: &Text, width: u16, block: usize) -> LaidOut<'_> {
    LaidOut::new(Rc::new(Layout::with_block_bytes(text, width, block)), text)
}

#[test]
fn a_line_of_one_block_wraps_whole_and_a_longer_one_in_segments_at_word_starts() {
    let prose = "Thủ tướng Phạm Minh Chính chủ trì hội nghị về ngoại giao kinh tế. ";
    let text = Text::new(&prose.repeat(3));
    assert_eq!(reference(&text, 30, 1 << 16), wrap_line(text.as_str(), 30));
    let line = prose.repeat(40);
    for cut in cuts(&line, 100) {
        let (before, after) = line.split_at(cut);
        assert!(before.ends_with(' ') && !after.starts_with(' '), "{cut}");
    }
    // Letters with no white space, none of them ASCII: cut between graphemes.
    let line = "越南ồ".repeat(500);
    let at = cuts(&line, 100);
    assert!(at.len() > 10);
    assert!(at.iter().all(|&c| line.is_char_boundary(c)));
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
        "\n",
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
        "\u{ad}",
        "\u{2007}",
        "\u{3000}",
    ]);
    prop::collection::vec(pieces, 0..160).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]
    #[test]
    fn rows_are_the_same_from_the_top_from_the_end_and_from_any_byte(
        s in line(),
        width in 0u16..24,
        block in 1usize..48,
        offset in 0usize..800,
        steps in -30isize..30,
    ) {
        let text = Text::new(&s);
        let whole = reference(&text, usize::from(width), block);
        prop_assert_eq!(laid(&text, width, block).all(), whole.clone());
        // From the end up, row by row, as scrolling up from `G` does.
        let up = laid(&text, width, block);
        let mut id = up.last();
        let mut rows = vec![up.row(id)];
        while id != up.first() {
            id = up.step(id, -1);
            rows.push(up.row(id));
        }
        rows.reverse();
        prop_assert_eq!(&rows, &whole);
        // From a byte anywhere, then some rows either way.
        let there = laid(&text, width, block);
        let offset = offset.min(text.len());
        let k = row_of(&whole, offset);
        let id = there.at(offset);
        prop_assert_eq!(there.row(id), whole[k].clone());
        let to = k.saturating_add_signed(steps).min(whole.len() - 1);
        prop_assert_eq!(there.row(there.step(id, steps)), whole[to].clone());
        prop_assert_eq!(there.take(there.first(), usize::MAX), whole.clone());
        prop_assert_eq!(there.count(), whole.len());
    }
}
