//! Where a line longer than a block is cut into segments, each wrapped on its own: near
//! every block's length of it, at the first word's start (a grapheme after white space a
//! row may break at) within a short window, else at the first grapheme boundary there,
//! else at the first character boundary. A cut depends only on the bytes around it, so the
//! segments, and so every row, are the same whichever part of the line is laid out first,
//! and reaching any place costs one segment. The price: once a segment, a row ends where
//! the whole line's wrapping could have gone on (printing wraps the whole line).

use unicode_segmentation::UnicodeSegmentation;

use crate::engine::text::wrap::is_break_space;

/// Bytes after a cut's target looked through for a word's start.
const WINDOW: usize = 256;
/// Bytes before a cut's target from which graphemes are told apart.
const BEFORE: usize = 64;

/// Where the segments of `line` after its first start, about every `every` bytes (in
/// order, none at 0 or at the end).
pub(super) fn cuts(line: &str, every: usize) -> Vec<usize> {
    let every = every.max(1);
    let mut out: Vec<usize> = Vec::new();
    let mut target = every;
    while target < line.len() {
        let cut = cut_near(line, target);
        if cut >= line.len() {
            break;
        }
        if out.last().is_none_or(|&last| cut > last) {
            out.push(cut);
        }
        target = cut.max(target).saturating_add(every);
    }
    out
}

/// The place at or after `at` where a segment starts (see the module).
fn cut_near(line: &str, at: usize) -> usize {
    let from = floor_boundary(line, at.saturating_sub(BEFORE));
    let to = ceil_boundary(line, at.saturating_add(WINDOW));
    let window = line.get(from..to).unwrap_or("");
    let mut after_space = false;
    let mut boundary = None;
    for (i, g) in window.grapheme_indices(true) {
        let p = from + i;
        let space = is_break_space(g);
        if p >= at && p > from {
            if after_space && !space {
                return p;
            }
            boundary.get_or_insert(p);
        }
        after_space = space;
    }
    boundary.unwrap_or_else(|| ceil_boundary(line, at))
}

/// The character boundary at or before `i`.
fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The character boundary at or after `i` (the end past it).
fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}
