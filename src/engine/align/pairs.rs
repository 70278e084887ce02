//! The beads of an alignment as its pairs: in the order of A, each with its score and
//! what put it together.

use super::dp::Bead;
use super::{By, Pair};

/// Beads as pairs with scores, in the order of A; a passage only in B stands before the
/// A passage that follows it in its gap. `beads[..in_sequence]` are in path order; the
/// rest moved. A bead emptied by `absorb` is dropped.
pub(super) fn order(beads: Vec<(Bead, Option<By>)>, in_sequence: usize) -> Vec<Pair> {
    let mut next_a = usize::MAX;
    let mut keyed: Vec<((usize, u8, usize), Pair)> = Vec::with_capacity(beads.len());
    for (k, (bead, by)) in beads.into_iter().enumerate().rev() {
        if bead.x.is_empty() && bead.y.is_empty() {
            continue;
        }
        if !bead.x.is_empty() && k < in_sequence {
            next_a = bead.x.start;
        }
        let key = if bead.x.is_empty() {
            (next_a, 0, bead.y.start)
        } else {
            (bead.x.start, 1, bead.y.start)
        };
        keyed.push((key, score(&bead, by)));
    }
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, p)| p).collect()
}

/// A pin is sure (a passage pinned without counterpart too); an annotation nearly so.
fn score(bead: &Bead, by: Option<By>) -> Pair {
    let paired = !bead.x.is_empty() && !bead.y.is_empty();
    let evidence = (bead.sim * 1.6).min(1.0);
    let (score, by) = match by {
        Some(By::Pin) => (1.0, By::Pin),
        Some(By::Annotation) => (0.9 + 0.1 * evidence, By::Annotation),
        _ if !paired => (0.0, By::Length),
        _ if bead.sim >= 0.3 => (0.4 + 0.45 * evidence + 0.15 * bead.length_p, By::Anchor),
        _ => {
            let merged = if bead.x.len() + bead.y.len() > 2 {
                0.8
            } else {
                1.0
            };
            (0.5 * bead.length_p * merged, By::Length)
        }
    };
    Pair {
        a: bead.x.clone(),
        b: bead.y.clone(),
        score: score.clamp(0.0, 1.0),
        by,
    }
}
