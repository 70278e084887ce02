//! Documents laid out at a width ([`Layout`]: blocks of lines wrapped as they are needed
//! by the engine's one wrapper), kept per (document, width), so a frame never re-wraps a
//! document and a new width wraps only what the screen shows. A tab shows as spaces to
//! the next stop, a control character as one replacement cell (see the wrapper's rules).

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use crate::engine::clean::is_unsafe;
use crate::engine::corpus::DocId;
use crate::engine::text::Text;
use crate::engine::text::width::{SOFT_HYPHEN, cell_width};
use crate::reader::layout::Layout;

/// Drawn in place of a control character (ratatui would drop it and shift the row).
pub const CONTROL_SUBSTITUTE: &str = "\u{fffd}";

/// Wrapped rows of one document.
pub type Rows = Rc<[Range<usize>]>;

/// Bytes of rows kept at most, beyond the two layouts in use (one per pane): resizing a
/// large document through many widths keeps memory bounded, not a layout per width.
pub const BUDGET_BYTES: usize = 4 << 20;

/// The cache: layouts per (document index, width), the least recently used dropped first
/// once they hold more than `BUDGET_BYTES` (a layout grows as its blocks are wrapped).
#[derive(Debug)]
pub struct LayoutCache {
    entries: HashMap<(DocId, u16), Entry>,
    budget: usize,
    clock: u64,
}

impl Default for LayoutCache {
    fn default() -> LayoutCache {
        LayoutCache::with_budget(BUDGET_BYTES)
    }
}

#[derive(Debug)]
struct Entry {
    layout: Rc<Layout>,
    used: u64,
}

impl LayoutCache {
    /// A cache that keeps about `budget` bytes of layouts (and always the two newest).
    pub fn with_budget(budget: usize) -> LayoutCache {
        LayoutCache {
            entries: HashMap::new(),
            budget,
            clock: 0,
        }
    }

    /// The layout of document `doc` (whose text is `text`) at `width` columns.
    pub fn layout(&mut self, doc: DocId, width: u16, text: &Text) -> Rc<Layout> {
        self.clock += 1;
        if let Some(entry) = self.entries.get_mut(&(doc, width)) {
            entry.used = self.clock;
            return Rc::clone(&entry.layout);
        }
        let layout = Rc::new(Layout::new(text, width));
        self.entries.insert(
            (doc, width),
            Entry {
                layout: Rc::clone(&layout),
                used: self.clock,
            },
        );
        self.evict();
        layout
    }

    /// Drops the least recently used layouts while over budget, keeping the two newest.
    pub fn evict(&mut self) {
        let mut bytes = self.bytes();
        while bytes > self.budget && self.entries.len() > 2 {
            let Some(oldest) = self
                .entries
                .iter()
                .min_by_key(|(_, e)| e.used)
                .map(|(k, _)| *k)
            else {
                return;
            };
            if let Some(entry) = self.entries.remove(&oldest) {
                bytes -= size_of_layout(&entry.layout);
            }
        }
    }

    /// Forgets everything (after the corpus is replaced).
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// How many layouts are held (for tests of the cache itself).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Bytes of layouts held.
    pub fn bytes(&self) -> usize {
        self.entries
            .values()
            .map(|e| size_of_layout(&e.layout))
            .sum()
    }
}

/// What a layout costs: its rows, and the entry holding it.
fn size_of_layout(layout: &Layout) -> usize {
    layout.bytes() + std::mem::size_of::<Entry>() + 32
}

/// Index of the row holding byte `offset`.
pub fn row_of(rows: &[Range<usize>], offset: usize) -> usize {
    rows.partition_point(|r| r.start <= offset)
        .saturating_sub(1)
}

/// What to draw for grapheme `g` at `column`: a tab becomes spaces to the next stop, a
/// control a substitute, a soft hyphen the hyphen a terminal would show.
pub fn cell_text(g: &str, column: usize) -> std::borrow::Cow<'_, str> {
    if g == "\t" {
        " ".repeat(cell_width(g, column)).into()
    } else if g.chars().any(|c| c.is_control() || is_unsafe(c)) {
        CONTROL_SUBSTITUTE.into()
    } else if g.starts_with(SOFT_HYPHEN) && g.len() == SOFT_HYPHEN.len_utf8() {
        "-".into()
    } else {
        g.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::engine::text::wrap::wrap_text;
    use crate::reader::layout::LaidOut;

    #[test]
    fn layouts_stay_within_the_budget_and_the_newest_stay() {
        let text = Text::new(&"một hai ba bốn năm sáu bảy tám chín mười ".repeat(500));
        let one = wrap_text(&text, 40).len() * std::mem::size_of::<Range<usize>>();
        let mut cache = LayoutCache::with_budget(3 * one);
        for width in 20..120 {
            let layout = cache.layout(DocId::new(0), width, &text);
            let rows = LaidOut::new(layout, &text).all();
            assert_eq!(rows, wrap_text(&text, usize::from(width)));
            // The pane at the other width is drawn in the same frame.
            let other = cache.layout(DocId::new(1), 60, &text);
            LaidOut::new(other, &text).all();
            cache.evict();
            assert!(
                cache.bytes() <= 3 * one + 2 * (one * 2),
                "{} at {width}",
                cache.bytes()
            );
        }
        assert!(cache.len() >= 2);
        let held = cache.bytes();
        // The two in use are still there: asking again makes nothing new.
        cache.layout(DocId::new(0), 119, &text);
        cache.layout(DocId::new(1), 60, &text);
        assert_eq!(cache.bytes(), held);
    }
}
