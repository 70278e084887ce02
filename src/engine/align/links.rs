//! Candidate links between sentences of two documents from the text: anchors, sentences
//! that are each other's best match by the tokens they share; and what a range of
//! sentences shares with another.

use std::ops::Range;

use super::By;
use super::chain::Candidate;
use super::cognates::Bags;
use super::dp::{shared, similarity};

/// Postings cap for finding anchors: a token in more sentences than this is too common.
const ANCHOR_POSTINGS: usize = 64;

/// For each token, the sorted sentences that hold it.
pub(super) fn postings(bags: &[Vec<u32>], vocab: usize) -> Vec<Vec<u32>> {
    let mut out = vec![Vec::new(); vocab];
    for (k, bag) in bags.iter().enumerate() {
        for &t in bag {
            out[t as usize].push(k as u32);
        }
    }
    out
}

pub(super) fn range_sim(a: &Range<usize>, b: &Range<usize>, bags: &Bags) -> f32 {
    let mut s = 0.0;
    for i in a.clone() {
        for j in b.clone() {
            s += shared(&bags.a[i], &bags.b[j], &bags.weight);
        }
    }
    let wa: f32 = a.clone().map(|i| bags.total_a[i]).sum();
    let wb: f32 = b.clone().map(|j| bags.total_b[j]).sum();
    similarity(s, wa, wb)
}

/// Sentences that are each other's best match by shared tokens, and clearly so.
pub(super) fn anchors(bags: &Bags, post_b: &[Vec<u32>]) -> Vec<Candidate> {
    let nb = bags.b.len();
    let mut acc = vec![0.0f32; nb];
    let mut touched: Vec<u32> = Vec::new();
    let mut best_a: Vec<(f32, usize)> = vec![(0.0, usize::MAX); bags.a.len()];
    let mut best_b: Vec<(f32, usize)> = vec![(0.0, usize::MAX); nb];
    let cap = ANCHOR_POSTINGS.max(nb / 100);
    for (i, bag) in bags.a.iter().enumerate() {
        for &t in bag {
            let list = &post_b[t as usize];
            let w = bags.weight[t as usize];
            if list.len() > cap || w == 0.0 {
                continue;
            }
            for &j in list {
                if acc[j as usize] == 0.0 {
                    touched.push(j);
                }
                acc[j as usize] += w;
            }
        }
        for j in touched.drain(..) {
            let j = j as usize;
            let s = std::mem::take(&mut acc[j]);
            let sim = similarity(s, bags.total_a[i], bags.total_b[j]);
            if s >= 3.0 && sim > best_a[i].0 {
                best_a[i] = (sim, j);
            }
            if s >= 3.0 && sim > best_b[j].0 {
                best_b[j] = (sim, i);
            }
        }
    }
    let floor = 0.3;
    best_a
        .iter()
        .enumerate()
        .filter(|&(i, &(sim, j))| j != usize::MAX && best_b[j].1 == i && sim >= floor)
        .map(|(i, &(sim, j))| Candidate {
            a: i..i + 1,
            b: j..j + 1,
            by: By::Anchor,
            sim,
            weight: f64::from(sim),
        })
        .collect()
}
