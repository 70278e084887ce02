//! A layout with its text: the rows the reader asks for (by byte offset, by steps from a
//! row, the rows of a screen), each block wrapped as it is reached.

use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use crate::engine::text::Text;
use crate::reader::layout::{Layout, RowId};
use crate::reader::layout_cache::row_of;

/// A layout with the text it lays out: what the reader asks rows of.
#[derive(Debug, Clone)]
pub struct LaidOut<'a> {
    layout: Rc<Layout>,
    text: Held<'a>,
}

/// The text of a layout: borrowed, or shared (a text read again from its file).
#[derive(Debug, Clone)]
enum Held<'a> {
    Borrowed(&'a Text),
    Shared(Arc<Text>),
}

impl<'a> LaidOut<'a> {
    pub fn new(layout: Rc<Layout>, text: &'a Text) -> LaidOut<'a> {
        LaidOut {
            layout,
            text: Held::Borrowed(text),
        }
    }

    /// A layout of a text it holds a share of.
    pub fn sharing(layout: Rc<Layout>, text: Arc<Text>) -> LaidOut<'static> {
        LaidOut {
            layout,
            text: Held::Shared(text),
        }
    }

    /// The text laid out.
    pub fn text(&self) -> &Text {
        match &self.text {
            Held::Borrowed(text) => text,
            Held::Shared(text) => text,
        }
    }

    fn rows_in(&self, block: usize) -> usize {
        self.layout.rows_in(self.text(), block)
    }

    fn blocks(&self) -> usize {
        self.layout.blocks.borrow().len()
    }

    /// The first row.
    pub fn first(&self) -> RowId {
        RowId { block: 0, row: 0 }
    }

    /// The last row.
    pub fn last(&self) -> RowId {
        let block = self.blocks().saturating_sub(1);
        RowId {
            block,
            row: self.rows_in(block).saturating_sub(1),
        }
    }

    /// The row holding byte `offset` (a byte between rows belongs to the row before).
    pub fn at(&self, offset: usize) -> RowId {
        let block = self
            .layout
            .blocks
            .borrow()
            .partition_point(|b| b.start <= offset)
            .saturating_sub(1);
        self.rows_in(block);
        let blocks = self.layout.blocks.borrow();
        let row = blocks.get(block).map_or(0, |b| row_of(&b.rows, offset));
        RowId { block, row }
    }

    /// The bytes of row `id`.
    pub fn row(&self, id: RowId) -> Range<usize> {
        self.rows_in(id.block);
        let blocks = self.layout.blocks.borrow();
        blocks
            .get(id.block)
            .and_then(|b| b.rows.get(id.row))
            .cloned()
            .unwrap_or(0..0)
    }

    /// The row `n` rows after `id`, or the last row when there are fewer; and how many
    /// rows after `id` it is. Only the blocks up to it are wrapped.
    fn forward(&self, id: RowId, n: usize) -> (RowId, usize) {
        let (mut id, mut left, mut moved) = (id, n, 0usize);
        loop {
            let want = id.row.saturating_add(left);
            let have = self.rows_in(id.block);
            if have > want {
                id.row = want;
                return (id, moved + left);
            }
            // The block is all wrapped and ends before: on into the next one.
            let room = have.saturating_sub(1).saturating_sub(id.row);
            if id.block + 1 >= self.blocks() {
                id.row = have.saturating_sub(1);
                return (id, moved + room);
            }
            left -= room + 1;
            moved += room + 1;
            id = RowId {
                block: id.block + 1,
                row: 0,
            };
        }
    }

    /// Whether there are `n` rows after `id` (wrapping no further than that).
    pub fn reaches(&self, id: RowId, n: usize) -> bool {
        self.forward(id, n).1 == n
    }

    /// The row `delta` rows from `id`, stopping at the first and the last.
    pub fn step(&self, id: RowId, delta: isize) -> RowId {
        if delta >= 0 {
            return self.forward(id, delta.unsigned_abs()).0;
        }
        let mut id = id;
        let mut left = delta.unsigned_abs();
        loop {
            if left <= id.row {
                id.row -= left;
                return id;
            }
            if id.block == 0 {
                id.row = 0;
                return id;
            }
            left -= id.row + 1;
            id.block -= 1;
            id.row = self.rows_in(id.block).saturating_sub(1);
        }
    }

    /// Rows from `a` to `b` (0 when `b` is not after `a`).
    pub fn between(&self, a: RowId, b: RowId) -> usize {
        if b <= a {
            return 0;
        }
        if a.block == b.block {
            return b.row - a.row;
        }
        let middle: usize = (a.block + 1..b.block).map(|k| self.rows_in(k)).sum();
        self.rows_in(a.block).saturating_sub(a.row) + middle + b.row
    }

    /// Up to `n` rows from `id` on.
    pub fn take(&self, id: RowId, n: usize) -> Vec<Range<usize>> {
        let mut out = Vec::with_capacity(n.min(1 << 12));
        let mut id = id;
        while out.len() < n && id.block < self.blocks() {
            let want = id.row.saturating_add(n - out.len());
            self.rows_in(id.block);
            let blocks = self.layout.blocks.borrow();
            let rows = blocks.get(id.block).map_or(&[][..], |b| b.rows.as_slice());
            let end = rows.len().min(want);
            out.extend(rows.get(id.row..end).unwrap_or(&[]).iter().cloned());
            id = RowId {
                block: id.block + 1,
                row: 0,
            };
        }
        out
    }

    /// The top row that shows the last row at the bottom of `height` rows.
    pub fn last_top(&self, height: usize) -> RowId {
        let back = isize::try_from(height.saturating_sub(1)).unwrap_or(isize::MAX);
        self.step(self.last(), -back)
    }

    /// The rows before `id` (estimated where blocks are not wrapped yet).
    pub fn index(&self, id: RowId) -> usize {
        let blocks = self.layout.blocks.borrow();
        let before: usize = blocks
            .iter()
            .take(id.block)
            .map(|b| self.layout.count_of(b))
            .sum();
        before + id.row
    }

    /// Rows in all (estimated where blocks are not wrapped yet).
    pub fn count(&self) -> usize {
        let blocks = self.layout.blocks.borrow();
        blocks.iter().map(|b| self.layout.count_of(b)).sum()
    }

    /// Whether every block is wrapped (then counts and percents are exact).
    pub fn is_exact(&self) -> bool {
        self.layout.is_exact()
    }

    /// Wraps more blocks while `go_on` says so; whether every block is wrapped.
    pub fn wrap_more(&self, go_on: impl FnMut() -> bool) -> bool {
        self.layout.wrap_more(self.text(), go_on)
    }

    /// Every row, every block wrapped (for tests, and small documents).
    pub fn all(&self) -> Vec<Range<usize>> {
        self.take(self.first(), usize::MAX)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::wrap::wrap_text;
    use crate::reader::layout::BLOCK_BYTES;
    use crate::reader::layout::tests::reference;

    fn texts() -> Vec<Text> {
        let prose = "Thủ tướng Phạm Minh Chính chủ trì hội nghị về ngoại giao kinh tế. ";
        vec![
            Text::new(""),
            Text::new("\n"),
            Text::new("a\n\n\nb"),
            Text::new(&prose.repeat(40)),
            Text::new(&format!("{}\n\n", prose.repeat(3)).repeat(30)),
            Text::new(&"x\n".repeat(200)),
            Text::new(&format!("   {}\n\t{}\n", "y".repeat(300), prose).repeat(10)),
        ]
    }

    #[test]
    fn blocks_wrapped_in_any_order_give_the_rows_of_the_whole_text() {
        for text in texts() {
            for width in [1u16, 7, 40, 120] {
                for block in [1, 50, 300, BLOCK_BYTES] {
                    let whole = reference(&text, usize::from(width), block);
                    let layout = Rc::new(Layout::with_block_bytes(&text, width, block));
                    let laid = LaidOut::new(Rc::clone(&layout), &text);
                    // From the end first, as `G` does, then the rest.
                    assert_eq!(laid.row(laid.last()), whole[whole.len() - 1]);
                    assert_eq!(laid.all(), whole, "width {width}, blocks of {block}");
                    assert_eq!(laid.count(), whole.len());
                    assert!(layout.is_exact() || layout.wrap_more(&text, || true));
                }
            }
        }
    }

    #[test]
    fn rows_from_offsets_steps_and_counts_agree_with_the_whole_layout() {
        for text in texts() {
            let whole = reference(&text, 40, 100);
            let layout = Rc::new(Layout::with_block_bytes(&text, 40, 100));
            let laid = LaidOut::new(Rc::clone(&layout), &text);
            for offset in (0..=text.len() + 2).step_by(7) {
                let id = laid.at(offset);
                let k = row_of(&whole, offset);
                assert_eq!(laid.row(id), whole[k], "offset {offset}");
                for delta in [-50isize, -3, -1, 0, 1, 2, 9, 60] {
                    let to = k.saturating_add_signed(delta).min(whole.len() - 1);
                    let there = laid.step(id, delta);
                    assert_eq!(laid.row(there), whole[to]);
                    assert_eq!(laid.between(id, there), to.saturating_sub(k));
                }
                assert_eq!(laid.take(id, 5), whole[k..(k + 5).min(whole.len())]);
            }
            let top = laid.last_top(10);
            assert_eq!(laid.row(top), whole[whole.len().saturating_sub(10)]);
            assert!(layout.wrap_more(&text, || true));
            assert_eq!(laid.count(), whole.len());
            assert_eq!(laid.index(laid.last()), whole.len() - 1);
        }
    }

    #[test]
    fn only_the_blocks_asked_for_are_wrapped_until_the_rest_is_done_in_steps() {
        let text = Text::new(&"một hai ba bốn năm sáu bảy tám chín mười\n".repeat(20_000));
        let layout = Rc::new(Layout::new(&text, 30));
        let laid = LaidOut::new(Rc::clone(&layout), &text);
        let end = laid.last_top(40);
        assert!(laid.index(end) > 0);
        assert!(!layout.is_exact());
        let wrapped_one = layout.bytes();
        assert!(!layout.is_exact());
        let mut calls = 0;
        while !layout.wrap_more(&text, || false) {
            calls += 1;
        }
        assert!(calls > 5, "a block a call");
        assert!(layout.is_exact());
        assert!(
            layout.bytes() > 5 * wrapped_one,
            "one block of many at first"
        );
        assert_eq!(laid.count(), wrap_text(&text, 30).len());
    }

    #[test]
    fn a_line_of_megabytes_is_wrapped_only_where_it_is_shown() {
        let text = Text::new(&"một hai ba bốn năm sáu bảy tám chín mười ".repeat(50_000));
        let layout = Rc::new(Layout::new(&text, 30));
        let laid = LaidOut::new(Rc::clone(&layout), &text);
        let whole = reference(&text, 30, BLOCK_BYTES);
        let segment = whole.len() * 16 * BLOCK_BYTES / text.len();
        assert_eq!(laid.take(laid.first(), 40), whole[..40]);
        assert!(laid.reaches(laid.first(), 39));
        assert!(layout.bytes() < 2 * segment, "one segment wrapped");
        // A place far on, and the end, as `G` and scrolling up from it ask: a segment each.
        let far = text.len() / 2;
        let id = laid.at(far);
        assert_eq!(laid.row(id), whole[row_of(&whole, far)]);
        assert_eq!(laid.row(laid.step(id, -3)), whole[row_of(&whole, far) - 3]);
        let top = laid.last_top(40);
        assert_eq!(laid.take(top, 40), whole[whole.len() - 40..]);
        let up = laid.step(laid.last(), -5000);
        assert_eq!(laid.row(up), whole[whole.len() - 5001]);
        assert!(!layout.is_exact() && layout.bytes() < 7 * segment);
        let mut calls = 0;
        while !layout.wrap_more(&text, || false) {
            calls += 1;
        }
        assert!(calls > 10, "a segment a call");
        assert_eq!(laid.all(), whole);
        assert_eq!(laid.count(), whole.len());
    }
}
