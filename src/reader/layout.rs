//! A document laid out at one width, lazily: its lines cut into blocks of about
//! [`BLOCK_BYTES`], a block wrapped only when one of its rows is asked for (what the screen
//! needs), the others counted by an estimate until [`Layout::wrap_more`] makes them exact
//! in the background. A block is whole lines wrapped by the engine's one wrapper
//! ([`wrap_line`]), so its rows are exactly those the whole text would have; places are
//! rows ([`RowId`]) found from byte offsets, never row numbers kept across changes.

use std::cell::{Cell, RefCell};
use std::ops::Range;
use std::rc::Rc;

use crate::engine::text::Text;
use crate::engine::text::wrap::wrap_line;
use crate::reader::layout_cache::row_of;

/// Bytes of text in a block (whole lines, so a longer line is a block of its own).
pub const BLOCK_BYTES: usize = 64 << 10;

/// A row of a layout: its block and its index there. Rows compare in reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RowId {
    block: usize,
    row: usize,
}

#[derive(Debug)]
struct Block {
    /// The lines (0-based indices) it holds.
    lines: Range<usize>,
    /// Byte where its first line starts.
    start: usize,
    /// Bytes it spans.
    len: usize,
    /// Its rows, as byte ranges of the whole text, once wrapped.
    rows: Option<Box<[Range<usize>]>>,
}

/// One document's rows at one width, wrapped block by block as they are needed.
#[derive(Debug)]
pub struct Layout {
    width: usize,
    blocks: RefCell<Vec<Block>>,
    /// Rows and bytes of text of the blocks wrapped so far (the estimate's ratio).
    wrapped: Cell<(usize, usize)>,
    /// Blocks before this one are all wrapped (where `wrap_more` goes on).
    scan: Cell<usize>,
}

/// A layout with the text it lays out: what the reader asks rows of.
#[derive(Debug, Clone)]
pub struct LaidOut<'a> {
    layout: Rc<Layout>,
    text: &'a Text,
}

impl Layout {
    /// `text`'s lines cut into blocks for `width` columns; nothing wrapped yet.
    pub fn new(text: &Text, width: u16) -> Layout {
        Layout::with_block_bytes(text, width, BLOCK_BYTES)
    }

    /// Like `new` with blocks of about `block_bytes` (small ones for tests).
    pub fn with_block_bytes(text: &Text, width: u16, block_bytes: usize) -> Layout {
        let lines = text.line_count();
        let mut blocks = Vec::new();
        let mut first = 0;
        while first < lines {
            let start = text.line_range(first).start;
            // The line holding the byte a block's length on, and the lines before it.
            let target = start.saturating_add(block_bytes.max(1));
            let next = text.line_index(target).clamp(first + 1, lines);
            let next = if target >= text.len() { lines } else { next };
            let end = if next >= lines {
                text.len()
            } else {
                text.line_range(next).start
            };
            blocks.push(Block {
                lines: first..next,
                start,
                len: end - start,
                rows: None,
            });
            first = next;
        }
        Layout {
            width: usize::from(width).max(1),
            blocks: RefCell::new(blocks),
            wrapped: Cell::new((0, 0)),
            scan: Cell::new(0),
        }
    }

    /// Bytes of memory its rows take.
    pub fn bytes(&self) -> usize {
        let blocks = self.blocks.borrow();
        let rows: usize = blocks
            .iter()
            .filter_map(|b| b.rows.as_ref())
            .map(|r| std::mem::size_of_val::<[Range<usize>]>(r))
            .sum();
        rows + blocks.len() * std::mem::size_of::<Block>()
    }

    /// Whether every block is wrapped (then counts and percents are exact).
    pub fn is_exact(&self) -> bool {
        self.scan.get() >= self.blocks.borrow().len()
    }

    /// Wraps the blocks not yet wrapped, in order, until `more` says stop (asked before
    /// each block but the first); whether every block is now wrapped.
    pub fn wrap_more(&self, text: &Text, mut more: impl FnMut() -> bool) -> bool {
        let mut first = true;
        loop {
            let k = self.scan.get();
            if k >= self.blocks.borrow().len() {
                return true;
            }
            if !std::mem::take(&mut first) && !more() {
                return false;
            }
            self.rows_in(text, k);
            self.scan.set(k + 1);
        }
    }

    /// How many rows block `k` has, wrapping it if it is not yet.
    fn rows_in(&self, text: &Text, k: usize) -> usize {
        if let Some(rows) = self.blocks.borrow().get(k).and_then(|b| b.rows.as_ref()) {
            return rows.len();
        }
        let Some((lines, len)) = self
            .blocks
            .borrow()
            .get(k)
            .map(|b| (b.lines.clone(), b.len))
        else {
            return 0;
        };
        let mut rows = Vec::new();
        for line in lines {
            let r = text.line_range(line);
            let s = text.as_str().get(r.clone()).unwrap_or("");
            rows.extend(
                wrap_line(s, self.width)
                    .into_iter()
                    .map(|x| x.start + r.start..x.end + r.start),
            );
        }
        let n = rows.len();
        let (seen_rows, seen_bytes) = self.wrapped.get();
        self.wrapped.set((seen_rows + n, seen_bytes + len));
        if let Some(b) = self.blocks.borrow_mut().get_mut(k) {
            b.rows = Some(rows.into_boxed_slice());
        }
        while self
            .blocks
            .borrow()
            .get(self.scan.get())
            .is_some_and(|b| b.rows.is_some())
        {
            self.scan.set(self.scan.get() + 1);
        }
        n
    }

    /// Rows of block `k`, counted if wrapped, else estimated from the blocks wrapped so
    /// far (at least one a line).
    fn count_of(&self, b: &Block) -> usize {
        if let Some(rows) = &b.rows {
            return rows.len();
        }
        let lines = b.lines.len();
        let estimate = match self.wrapped.get() {
            (rows, bytes) if bytes > 0 => b.len.saturating_mul(rows) / bytes,
            _ => b.len / self.width + lines,
        };
        estimate.max(lines)
    }
}

impl<'a> LaidOut<'a> {
    pub fn new(layout: Rc<Layout>, text: &'a Text) -> LaidOut<'a> {
        LaidOut { layout, text }
    }

    fn rows_in(&self, block: usize) -> usize {
        self.layout.rows_in(self.text, block)
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
        let row = blocks
            .get(block)
            .and_then(|b| b.rows.as_deref())
            .map_or(0, |rows| row_of(rows, offset));
        RowId { block, row }
    }

    /// The bytes of row `id`.
    pub fn row(&self, id: RowId) -> Range<usize> {
        self.rows_in(id.block);
        let blocks = self.layout.blocks.borrow();
        blocks
            .get(id.block)
            .and_then(|b| b.rows.as_deref())
            .and_then(|rows| rows.get(id.row))
            .cloned()
            .unwrap_or(0..0)
    }

    /// The row `delta` rows from `id`, stopping at the first and the last.
    pub fn step(&self, id: RowId, delta: isize) -> RowId {
        let mut id = id;
        let mut left = delta.unsigned_abs();
        if delta >= 0 {
            loop {
                let n = self.rows_in(id.block);
                let room = n.saturating_sub(1).saturating_sub(id.row);
                if left <= room {
                    id.row += left;
                    return id;
                }
                if id.block + 1 >= self.blocks() {
                    id.row = n.saturating_sub(1);
                    return id;
                }
                left -= room + 1;
                id = RowId {
                    block: id.block + 1,
                    row: 0,
                };
            }
        }
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
            self.rows_in(id.block);
            let blocks = self.layout.blocks.borrow();
            let rows = blocks
                .get(id.block)
                .and_then(|b| b.rows.as_deref())
                .unwrap_or(&[]);
            let end = rows.len().min(id.row + (n - out.len()));
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
        self.layout.wrap_more(self.text, go_on)
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
                let whole = wrap_text(&text, usize::from(width));
                for block in [1, 50, 300, BLOCK_BYTES] {
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
            let whole = wrap_text(&text, 40);
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
}
