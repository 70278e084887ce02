//! Choosing the skeleton of an alignment: of all candidate links (pins, annotations,
//! anchors), the heaviest chain that increases in both documents; a link off the chain is
//! a passage that moved, kept only when it is sure and its sentences are free.

use std::ops::Range;

use super::By;

/// A candidate pairing of sentence ranges.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub a: Range<usize>,
    pub b: Range<usize>,
    pub by: By,
    pub sim: f32,
    pub weight: f64,
}

/// The candidates on the heaviest increasing chain (in order), and those off it.
pub fn heaviest_chain(mut links: Vec<Candidate>, nb: usize) -> (Vec<Candidate>, Vec<Candidate>) {
    if links.is_empty() {
        return (Vec::new(), Vec::new());
    }
    links.sort_by(|x, y| {
        (x.a.start, x.b.start, x.a.end, x.b.end).cmp(&(y.a.start, y.b.start, y.a.end, y.b.end))
    });
    let n = links.len();
    // Fenwick tree over B positions (the end of a link's B range) holding (best, index).
    let mut tree: Vec<(f64, usize)> = vec![(0.0, usize::MAX); nb + 2];
    let update = |tree: &mut Vec<(f64, usize)>, pos: usize, value: (f64, usize)| {
        let mut i = pos + 1;
        while i < tree.len() {
            if value.0 > tree[i].0 {
                tree[i] = value;
            }
            i += i & i.wrapping_neg();
        }
    };
    let query = |tree: &Vec<(f64, usize)>, pos: usize| -> (f64, usize) {
        let mut i = (pos + 1).min(tree.len() - 1);
        let mut best = (0.0, usize::MAX);
        while i > 0 {
            if tree[i].0 > best.0 {
                best = tree[i];
            }
            i -= i & i.wrapping_neg();
        }
        best
    };
    let mut by_end: Vec<usize> = (0..n).collect();
    by_end.sort_by_key(|&k| (links[k].a.end, k));
    let mut best = vec![0.0f64; n];
    let mut prev = vec![usize::MAX; n];
    let mut inserted = 0;
    for k in 0..n {
        while let Some(&l) = by_end.get(inserted)
            && links[l].a.end <= links[k].a.start
        {
            update(&mut tree, links[l].b.end, (best[l], l));
            inserted += 1;
        }
        let (before, from) = query(&tree, links[k].b.start);
        best[k] = before + links[k].weight;
        prev[k] = from;
    }
    let mut end = 0;
    for k in 1..n {
        if best[k] > best[end] {
            end = k;
        }
    }
    let mut on = vec![false; n];
    let mut k = end;
    while k != usize::MAX {
        on[k] = true;
        k = prev[k];
    }
    let (mut chain, mut off) = (Vec::new(), Vec::new());
    for (link, on) in links.into_iter().zip(on) {
        if on {
            chain.push(link);
        } else {
            off.push(link);
        }
    }
    (chain, off)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(a: usize, b: usize, weight: f64) -> Candidate {
        Candidate {
            a: a..a + 1,
            b: b..b + 1,
            by: By::Anchor,
            sim: 1.0,
            weight,
        }
    }

    #[test]
    fn the_heaviest_increasing_chain_wins() {
        let (chain, off) = heaviest_chain(
            vec![c(0, 0, 1.0), c(1, 5, 1.0), c(2, 1, 1.0), c(3, 2, 1.0)],
            6,
        );
        assert_eq!(chain, vec![c(0, 0, 1.0), c(2, 1, 1.0), c(3, 2, 1.0)]);
        assert_eq!(off, vec![c(1, 5, 1.0)]);
        let (chain, _) = heaviest_chain(vec![c(0, 0, 1.0), c(1, 5, 10.0), c(2, 1, 1.0)], 6);
        assert_eq!(chain, vec![c(0, 0, 1.0), c(1, 5, 10.0)]);
    }

    #[test]
    fn ranges_must_not_overlap_on_the_chain() {
        let wide = Candidate {
            a: 0..2,
            ..c(0, 0, 1.0)
        };
        let (chain, off) = heaviest_chain(vec![wide.clone(), c(1, 1, 0.5)], 3);
        assert_eq!((chain, off), (vec![wide], vec![c(1, 1, 0.5)]));
    }
}
