//! A document laid out at one width, lazily: its lines cut into blocks of about
//! [`BLOCK_BYTES`], a block wrapped only when one of its rows is asked for (what the screen
//! needs), the others counted by an estimate until [`Layout::wrap_more`] makes them exact
//! in the background. A block is whole lines wrapped by the engine's one wrapper
//! ([`wrap_line`]), so its rows are exactly those the whole text would have; places are
//! rows ([`RowId`]) found from byte offsets, never row numbers kept across changes.

use std::cell::{Cell, RefCell};
use std::ops::Range;

use crate::engine::text::Text;
use crate::engine::text::wrap::wrap_line;

mod laid_out;

pub use laid_out::LaidOut;

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
