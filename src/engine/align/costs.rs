//! What the length-based programme's beads cost for one pair of documents: the length
//! of B expected per character of A (learnt from the chain), what leaving a sentence alone
//! costs (low where one document is much shorter than the other would make it), and how
//! sharing tokens, or sharing none, weighs.

use super::Pass;
use super::chain::Candidate;
use super::cognates::Mode;
use super::dp::Params;
use super::lengths::Fit;

/// Cells of one gap's programme at most (about 5 bytes each): a band of 30 sentences
/// either side of the diagonal for a gap of 10,000.
const MAX_CELLS: usize = 600_000;

/// The largest variance learnt: lengths still say something, however freely a report
/// condenses.
const MAX_VARIANCE: f32 = 100.0;

/// The programme's costs for sentences of lengths `len_a` and `len_b`, given the chain.
pub(super) fn params(
    chain: &[Candidate],
    len_a: &[f32],
    len_b: &[f32],
    mode: Mode,
    pass: Pass,
) -> Params {
    let fit = fit(chain, len_a, len_b);
    let ratio = fit.ratio;
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
    let loose = pass != Pass::Learning && fit.variance > 2.0 * Fit::FAITHFUL.variance;
    let (blind, blind_below) = if one_language {
        (blind.max(skip_x + skip_y + bonus * 0.25 + 1.0), 0.25)
    } else if loose {
        (blind.max(skip_x + skip_y + bonus * 0.05 + 1.0), 0.05)
    } else {
        (blind, 0.05)
    };
    Params {
        fit,
        skip_x,
        skip_y,
        bonus,
        mismatch: if mode == Mode::Words { 0.0 } else { 2.0 },
        blind,
        blind_below,
        // The first pass only needs pairs to learn from: a quarter of the band.
        max_cells: if pass == Pass::Learning {
            MAX_CELLS / 4
        } else {
            MAX_CELLS
        },
    }
}

/// The share of its expected length that one side of a gap at least must reach, against
/// the other side, for lengths to pair its sentences (see `in_gap`).
const GAP_COVERAGE: f32 = 0.5;

/// The costs inside one gap between links, whose sentences have lengths summing to `lx`
/// in A and `ly` in B: where the final pass finds one side far shorter than the other
/// lets expect (a condensed stretch, a passage left out or moved), lengths cannot say
/// which sentences render which, and two that share nothing are left alone there.
pub(super) fn in_gap(p: &Params, lx: f32, ly: f32, pass: Pass) -> Params {
    let expected = p.fit.ratio * lx;
    let coverage = expected.min(ly) / expected.max(ly).max(1.0);
    if pass == Pass::Learning || coverage >= GAP_COVERAGE {
        return *p;
    }
    Params {
        blind: p
            .blind
            .max(p.skip_x + p.skip_y + p.bonus * p.blind_below + 1.0),
        ..*p
    }
}

/// How the lengths relate, learnt from the pair: over the chain's one-to-one links (found
/// by what they share, not by their lengths), the median length of B per character of A,
/// and the median squared difference per character from what that ratio expects (never
/// below a faithful translation's); Gale and Church's figures with fewer than 3 links.
fn fit(chain: &[Candidate], len_a: &[f32], len_b: &[f32]) -> Fit {
    let pairs: Vec<(f32, f32)> = chain
        .iter()
        .filter(|c| c.a.len() == 1 && c.b.len() == 1)
        .map(|c| (len_a[c.a.start], len_b[c.b.start]))
        .filter(|&(la, lb)| la > 0.0 && lb > 0.0)
        .collect();
    if pairs.len() < 3 {
        return Fit::FAITHFUL;
    }
    let median = |mut v: Vec<f32>| -> f32 {
        v.sort_by(f32::total_cmp);
        v[v.len() / 2]
    };
    // The link with the median ratio fits it exactly: the middle of the others.
    let upper_median = |mut v: Vec<f32>| -> f32 {
        v.sort_by(f32::total_cmp);
        v[v.len().div_ceil(2).min(v.len() - 1)]
    };
    let ratio = median(pairs.iter().map(|&(la, lb)| lb / la).collect()).clamp(0.25, 4.0);
    let spread = pairs
        .iter()
        .map(|&(la, lb)| {
            let expected = ratio * la;
            (lb - expected).powi(2) / ((expected + lb) / 2.0)
        })
        .collect();
    Fit {
        ratio,
        variance: upper_median(spread).clamp(Fit::FAITHFUL.variance, MAX_VARIANCE),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::align::By;

    fn chain(n: usize) -> Vec<Candidate> {
        (0..n)
            .map(|k| Candidate {
                a: k..k + 1,
                b: k..k + 1,
                by: By::Anchor,
                sim: 1.0,
                weight: 1.0,
            })
            .collect()
    }

    #[test]
    fn the_fit_is_learnt_from_the_chain() {
        // A faithful translation a fifth longer: its ratio, a faithful variance.
        let a = [100.0, 200.0, 150.0, 80.0];
        let b = [121.0, 238.0, 180.0, 97.0];
        let fit = fit(&chain(4), &a, &b);
        assert!((fit.ratio - 1.2).abs() < 0.02, "{fit:?}");
        assert_eq!(fit.variance, Fit::FAITHFUL.variance);
        // A report that condenses freely: lengths say less.
        let b = [40.0, 190.0, 60.0, 75.0];
        let fit = super::fit(&chain(4), &a, &b);
        assert!(
            fit.ratio < 1.0 && fit.variance > 2.0 * Fit::FAITHFUL.variance,
            "{fit:?}"
        );
        // Too few links to learn from.
        assert_eq!(super::fit(&chain(2), &a, &b), Fit::FAITHFUL);
    }

    #[test]
    fn a_pair_sharing_nothing_is_left_alone_only_where_lengths_say_little_or_words_are_shared() {
        let a = [100.0, 200.0, 150.0, 80.0];
        let (faithful, condensed) = ([121.0, 238.0, 180.0, 97.0], [40.0, 190.0, 60.0, 75.0]);
        let sure = |p: &Params| p.blind > p.skip_x + p.skip_y + p.bonus * p.blind_below;
        let cognates = |b: &[f32], pass| params(&chain(4), &a, b, Mode::Cognates, pass);
        assert!(!sure(&cognates(&faithful, Pass::Final(None))));
        assert!(sure(&cognates(&condensed, Pass::Final(None))));
        // The first pass still pairs them, to learn words from.
        assert!(!sure(&cognates(&condensed, Pass::Learning)));
        assert!(cognates(&condensed, Pass::Learning).max_cells < MAX_CELLS);
        // One language: once a quarter of the sentences are linked.
        assert!(sure(&params(
            &chain(4),
            &a,
            &faithful,
            Mode::Words,
            Pass::Final(None)
        )));
        assert!(!sure(&params(
            &chain(0),
            &a,
            &faithful,
            Mode::Words,
            Pass::Final(None)
        )));
    }

    #[test]
    fn a_gap_far_shorter_on_one_side_than_the_ratio_expects_pairs_nothing_by_lengths() {
        let a = [100.0, 200.0, 150.0, 80.0];
        let faithful = [121.0, 238.0, 180.0, 97.0];
        let p = params(&chain(4), &a, &faithful, Mode::Cognates, Pass::Final(None));
        let sure = |p: &Params| p.blind > p.skip_x + p.skip_y + p.bonus * p.blind_below;
        assert!(!sure(&p));
        // A gap of 400 characters in A beside 470 in B fits the ratio: lengths decide.
        assert!(!sure(&in_gap(&p, 400.0, 470.0, Pass::Final(None))));
        // Beside 150 (or A far shorter, either way): it is condensed.
        assert!(sure(&in_gap(&p, 400.0, 150.0, Pass::Final(None))));
        assert!(sure(&in_gap(&p, 100.0, 470.0, Pass::Final(None))));
        // The first pass still pairs, to learn from.
        assert!(!sure(&in_gap(&p, 400.0, 150.0, Pass::Learning)));
        // Nothing on one side: nothing to pair anyway.
        assert!(sure(&in_gap(&p, 0.0, 150.0, Pass::Final(None))));
    }
}
