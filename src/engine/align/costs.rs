//! What the length-based programme's beads cost for one pair of documents: the length
//! of B expected per character of A (learnt from the chain), what leaving a sentence alone
//! costs (low where one document is much shorter than the other would make it), and how
//! sharing tokens, or sharing none, weighs.

use super::chain::Candidate;
use super::cognates::Mode;
use super::dp::Params;

/// Cells of one gap's programme at most (about 5 bytes each): a band of 30 sentences
/// either side of the diagonal for a gap of 10,000.
const MAX_CELLS: usize = 600_000;

/// The programme's costs for sentences of lengths `len_a` and `len_b`, given the chain.
pub(super) fn params(chain: &[Candidate], len_a: &[f32], len_b: &[f32], mode: Mode) -> Params {
    let ratio = ratio(chain, len_a, len_b);
    let (skip_x, skip_y) = (
        skip_cost(len_a, len_b, ratio),
        skip_cost(len_b, len_a, 1.0 / ratio),
    );
    // In one language a passage and its counterpart share words: once the chain shows
    // that the two documents do (a quarter of the shorter one's sentences linked), pairing
    // two sentences that share almost none costs more than leaving both alone. (Two
    // documents whose languages are unknown are read as one language; if they are not,
    // their lengths still pair them.)
    let bonus = if mode == Mode::Words { 10.0 } else { 6.0 };
    let blind = 4.0 * unmatched(len_a, len_b, ratio).max(unmatched(len_b, len_a, 1.0 / ratio));
    let one_language =
        mode == Mode::Words && 4 * chain.len() >= len_a.len().min(len_b.len()).max(4);
    let (blind, blind_below) = if one_language {
        (blind.max(skip_x + skip_y + bonus * 0.25 + 1.0), 0.25)
    } else {
        (blind, 0.05)
    };
    Params {
        ratio,
        skip_x,
        skip_y,
        bonus,
        mismatch: if mode == Mode::Words { 0.0 } else { 2.0 },
        blind,
        blind_below,
        max_cells: MAX_CELLS,
    }
}

/// The expected length of B per character of A: the median over one-to-one chain links,
/// else 1.
fn ratio(chain: &[Candidate], len_a: &[f32], len_b: &[f32]) -> f32 {
    let mut r: Vec<f32> = chain
        .iter()
        .filter(|c| c.a.len() == 1 && c.b.len() == 1 && len_a[c.a.start] > 0.0)
        .map(|c| len_b[c.b.start] / len_a[c.a.start])
        .collect();
    if r.len() < 3 {
        return 1.0;
    }
    r.sort_by(f32::total_cmp);
    r[r.len() / 2].clamp(0.25, 4.0)
}

/// The cost of leaving a sentence of X alone: low where X is much longer than Y would
/// make it (a condensed translation leaves much of X without counterpart), else that of
/// Gale and Church's deletions.
fn skip_cost(len_x: &[f32], len_y: &[f32], ratio: f32) -> f32 {
    (-unmatched(len_x, len_y, ratio).max(0.08).ln()).clamp(0.7, 4.6)
}

/// The share of X's length that Y, shorter, cannot cover.
fn unmatched(len_x: &[f32], len_y: &[f32], ratio: f32) -> f32 {
    let (lx, ly): (f32, f32) = (len_x.iter().sum(), len_y.iter().sum());
    if lx > 0.0 {
        (1.0 - ly / (ratio * lx)).clamp(0.0, 1.0)
    } else {
        0.0
    }
}
