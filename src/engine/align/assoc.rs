//! A bilingual word association table learnt from the two documents themselves, in the
//! manner of hunalign's first pass: words (Vietnamese syllables) that keep standing
//! together in the sentence pairs of a first alignment, more often than chance allows,
//! are taken for each other's translation and become shared tokens for a second pass.

use std::collections::HashMap;
use std::ops::Range;

use super::cognates::Bags;
use super::words::Words;

/// Co-occurrences a word pair needs before it is learnt: a pair seen once is chance.
const MIN_COUNT: u32 = 2;
/// Dice coefficient a learnt pair needs (2 c(x,y) / (c(x) + c(y))).
const MIN_DICE: f32 = 0.5;
/// Log-likelihood ratio (G squared, Dunning) a pair needs: 10.83 is chance at p = 0.001,
/// so that a few pairs never teach what their number cannot show.
const MIN_G2: f64 = 10.83;
/// Word pairs counted at most (links read evenly spread), so that learning stays cheap
/// on long texts.
const PAIR_BUDGET: usize = 400_000;

/// One learnt association: word `x` of A renders word `y` of B, with its Dice score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Association {
    pub x: u32,
    pub y: u32,
    pub dice: f32,
}

/// The associations that sentence pairs `links` teach: pairs seen together at least
/// `MIN_COUNT` times, with a Dice score of at least `MIN_DICE`, each word's best partner
/// and its partner's best in turn. In a stable order (by `x`).
pub(super) fn learn(
    links: &[(Range<usize>, Range<usize>)],
    a: &Words,
    b: &Words,
) -> Vec<Association> {
    let size = |w: &Words, r: &Range<usize>| -> usize {
        r.clone().filter_map(|k| w.bags.get(k)).map(Vec::len).sum()
    };
    let pairs: usize = links.iter().map(|(x, y)| size(a, x) * size(b, y)).sum();
    let step = pairs.div_ceil(PAIR_BUDGET).max(1);
    let linked: Vec<(Vec<u32>, Vec<u32>)> = links
        .iter()
        .step_by(step)
        .map(|(x, y)| (a.union(x), b.union(y)))
        .filter(|(x, y)| !x.is_empty() && !y.is_empty())
        .collect();
    // How many linked pairs hold each word; a word seen once can teach nothing, and one
    // in most pairs (a function word) teaches nothing either.
    let most = (linked.len() as u32 / 2).max(MIN_COUNT);
    let count = |vocab: usize, side: &mut dyn Iterator<Item = &Vec<u32>>| -> Vec<u32> {
        let mut c = vec![0u32; vocab];
        side.flatten().for_each(|&w| c[w as usize] += 1);
        c
    };
    let cx = count(a.vocab, &mut linked.iter().map(|(x, _)| x));
    let cy = count(b.vocab, &mut linked.iter().map(|(_, y)| y));
    let kept = |n: u32| n >= MIN_COUNT && (n <= most || linked.len() < 4);
    let mut both: Vec<u64> = Vec::new();
    for (xs, ys) in &linked {
        for &x in xs.iter().filter(|&&x| kept(cx[x as usize])) {
            for &y in ys.iter().filter(|&&y| kept(cy[y as usize])) {
                both.push(u64::from(x) << 32 | u64::from(y));
            }
        }
    }
    both.sort_unstable();
    let mut scored: Vec<Association> = Vec::new();
    for run in both.chunk_by(|p, q| p == q) {
        let n = run.len() as u32;
        let (x, y) = ((run[0] >> 32) as u32, run[0] as u32);
        let (nx, ny) = (cx[x as usize], cy[y as usize]);
        let dice = 2.0 * n as f32 / (nx + ny) as f32;
        let g2 = g_squared(n, nx, ny, linked.len() as u32);
        if n >= MIN_COUNT && dice >= MIN_DICE && g2 >= MIN_G2 {
            scored.push(Association { x, y, dice });
        }
    }
    // Mutual best: ties go to the smaller id, whatever the order of the hash maps.
    let better = |p: &Association, q: &Association| {
        p.dice > q.dice || (p.dice == q.dice && (p.x, p.y) < (q.x, q.y))
    };
    let mut best_x: HashMap<u32, Association> = HashMap::new();
    let mut best_y: HashMap<u32, Association> = HashMap::new();
    for s in &scored {
        if best_x.get(&s.x).is_none_or(|b| better(s, b)) {
            best_x.insert(s.x, *s);
        }
        if best_y.get(&s.y).is_none_or(|b| better(s, b)) {
            best_y.insert(s.y, *s);
        }
    }
    scored.retain(|s| best_x.get(&s.x) == Some(s) && best_y.get(&s.y) == Some(s));
    scored
}

/// Adds one token per association to the bags (in A's sentences holding `x`, B's holding
/// `y`), weighed by its rarity times its Dice score, and updates the totals.
pub(super) fn extend(bags: &mut Bags, table: &[Association], a: &Words, b: &Words) {
    if table.is_empty() {
        return;
    }
    let first = bags.weight.len() as u32;
    // For each word of a side, the token of its association (`u32::MAX`: none).
    let tokens = |vocab: usize, word: fn(&Association) -> u32| -> Vec<u32> {
        let mut by = vec![u32::MAX; vocab];
        for (s, k) in table.iter().zip(first..) {
            by[word(s) as usize] = k;
        }
        by
    };
    let (by_x, by_y) = (tokens(a.vocab, |s| s.x), tokens(b.vocab, |s| s.y));
    let add = |bags: &mut [Vec<u32>], words: &Words, by: &[u32]| -> Vec<u32> {
        let mut df = vec![0u32; table.len()];
        for (bag, ws) in bags.iter_mut().zip(&words.bags) {
            let before = bag.len();
            bag.extend(
                ws.iter()
                    .map(|&w| by[w as usize])
                    .filter(|&k| k != u32::MAX),
            );
            bag[before..].sort_unstable();
            bag[before..]
                .iter()
                .for_each(|&k| df[(k - first) as usize] += 1);
        }
        df
    };
    let df_a = add(&mut bags.a, a, &by_x);
    let df_b = add(&mut bags.b, b, &by_y);
    let n = (bags.a.len() + bags.b.len()).max(1) as f32;
    for ((s, da), db) in table.iter().zip(df_a).zip(df_b) {
        bags.weight
            .push((1.0 + n / (da + db).max(1) as f32).ln() * s.dice);
    }
    // The totals gain the weight of the tokens just added (those past `first`).
    let add_totals = |bags: &[Vec<u32>], totals: &mut [f32], weight: &[f32]| {
        for (bag, total) in bags.iter().zip(totals) {
            let from = bag.partition_point(|&id| id < first);
            *total += bag[from..]
                .iter()
                .map(|&id| weight[id as usize])
                .sum::<f32>();
        }
    };
    add_totals(&bags.a, &mut bags.total_a, &bags.weight);
    add_totals(&bags.b, &mut bags.total_b, &bags.weight);
}

/// Dunning's log-likelihood ratio of a 2x2 table: `both` pairs hold x and y, `x` hold x,
/// `y` hold y, of `n`.
fn g_squared(both: u32, x: u32, y: u32, n: u32) -> f64 {
    let (k11, x, y, n) = (f64::from(both), f64::from(x), f64::from(y), f64::from(n));
    let cells = [
        (k11, x * y),
        (x - k11, x * (n - y)),
        (y - k11, (n - x) * y),
        (n - x - y + k11, (n - x) * (n - y)),
    ];
    2.0 * cells
        .iter()
        .filter(|(o, _)| *o > 0.0)
        .map(|&(o, e)| o * (o * n / e).ln())
        .sum::<f64>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::align::cognates::{Mode, bags};
    use crate::engine::align::dp::shared;
    use crate::engine::align::segment;

    /// Ten sentence pairs, each with words of its own; `gạo` and `beras` stand together
    /// in four of them, `lúa` and `padi` in one.
    const A: &str = "Gạo một. Lúa hai. Ba. Gạo bốn. Năm. Sáu. Gạo bảy. Tám. Chín. Gạo mười.";
    const B: &str = "Beras satu. Padi dua. Tiga. Beras empat. Lima. Enam. Beras tujuh. Delapan. \
                     Sembilan. Beras sepuluh.";

    fn learnt() -> (Bags, Vec<Association>) {
        let (sa, sb) = (segment::sentences(A), segment::sentences(B));
        assert_eq!((sa.len(), sb.len()), (10, 10));
        let mut bags = bags(A, &sa, B, &sb, Mode::Cognates);
        let (wa, wb) = (
            std::mem::take(&mut bags.words_a),
            std::mem::take(&mut bags.words_b),
        );
        let links: Vec<_> = (0..10).map(|i| (i..i + 1, i..i + 1)).collect();
        let table = learn(&links, &wa, &wb);
        extend(&mut bags, &table, &wa, &wb);
        (bags, table)
    }

    #[test]
    fn a_word_pair_seen_together_again_and_again_is_learnt() {
        let (bags, table) = learnt();
        assert_eq!(table.len(), 1, "{table:?}");
        assert_eq!(table[0].dice, 1.0);
        for i in [0, 3, 6, 9] {
            assert!(shared(&bags.a[i], &bags.b[i], &bags.weight) > 0.0, "{i}");
            assert!(bags.total_a[i] > 0.0 && bags.total_b[i] > 0.0);
        }
        assert_eq!(shared(&bags.a[0], &bags.b[2], &bags.weight), 0.0);
    }

    #[test]
    fn a_word_pair_seen_once_is_not() {
        let (learnt, _) = learnt();
        assert_eq!(shared(&learnt.a[1], &learnt.b[1], &learnt.weight), 0.0);
        // Too few pairs to show anything: nothing is learnt.
        let (sa, sb) = (segment::sentences(A), segment::sentences(B));
        let fresh = bags(A, &sa, B, &sb, Mode::Cognates);
        let (wa, wb) = (&fresh.words_a, &fresh.words_b);
        let few: Vec<_> = (0..4).map(|i| (i..i + 1, i..i + 1)).collect();
        assert!(learn(&few, wa, wb).is_empty());
    }

    #[test]
    fn learning_is_deterministic() {
        let (first, table) = learnt();
        let (again, table_again) = learnt();
        assert_eq!(table, table_again);
        assert_eq!((first.a, first.b), (again.a, again.b));
        assert_eq!(first.weight, again.weight);
    }

    #[test]
    fn the_log_likelihood_ratio_grows_with_evidence() {
        assert!(g_squared(4, 4, 4, 10) > 10.83);
        assert!(g_squared(2, 2, 2, 4) < 10.83);
        assert!(g_squared(1, 1, 1, 10) < 10.83);
        assert!(g_squared(4, 4, 4, 10) > g_squared(3, 4, 4, 10));
    }
}
