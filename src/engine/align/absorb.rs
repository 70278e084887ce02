//! After the programme: a sentence left alone beside a pair joins it when it shares
//! tokens with the pair's other side and the pair then fits better than the two apart (a
//! chain link is one sentence a side; its neighbour may belong with it). Pins and
//! annotations' pairs are never grown (a curator linked those sentences, not their
//! neighbours), nor a passage pinned without counterpart.

use super::By;
use super::dp::{Bead, Params, Side, prior, shared, similarity};
use super::lengths::length_fit;

/// Joins lone sentences to the neighbouring pair where that lowers the cost; an absorbed
/// bead is left empty (both ranges empty) so that indexes hold.
pub fn absorb(beads: &mut [(Bead, Option<By>)], a: &Side, b: &Side, weight: &[f32], p: &Params) {
    let na = a.len.len();
    let nb = b.len.len();
    let mut pair_a = vec![usize::MAX; na];
    let mut pair_b = vec![usize::MAX; nb];
    for (k, (bead, _)) in beads.iter().enumerate() {
        if !bead.x.is_empty() && !bead.y.is_empty() {
            bead.x.clone().for_each(|i| pair_a[i] = k);
            bead.y.clone().for_each(|j| pair_b[j] = k);
        }
    }
    for k in 0..beads.len() {
        let (lone, by) = &beads[k];
        if *by == Some(By::Pin) {
            continue;
        }
        let side_b = match (lone.x.len(), lone.y.len()) {
            (1, 0) => false,
            (0, 1) => true,
            _ => continue,
        };
        let (s, owner) = if side_b {
            (lone.y.start, &pair_b)
        } else {
            (lone.x.start, &pair_a)
        };
        let neighbours = [s.checked_sub(1), Some(s + 1)];
        let mut best: Option<(f32, usize)> = None;
        for n in neighbours.into_iter().flatten() {
            let Some(&q) = owner.get(n) else { continue };
            let Some((pair, by)) = beads.get(q) else {
                continue;
            };
            let own = if side_b { &pair.y } else { &pair.x };
            if matches!(by, Some(By::Pin | By::Annotation)) || own.len() != 1 {
                continue;
            }
            let before = cost(pair, a, b, weight, p);
            let mut joined = pair.clone();
            let grow = if side_b { &mut joined.y } else { &mut joined.x };
            *grow = grow.start.min(s)..grow.end.max(s + 1);
            let after = cost(&joined, a, b, weight, p);
            let skip = if side_b { p.skip_y } else { p.skip_x };
            // It must share something with the other side: lengths alone mislead where a
            // report is condensed.
            let other = if side_b { &pair.x } else { &pair.y };
            let shares = {
                let lone_bead = if side_b {
                    Bead {
                        x: other.clone(),
                        y: s..s + 1,
                        length_p: 0.0,
                        sim: 0.0,
                    }
                } else {
                    Bead {
                        x: s..s + 1,
                        y: other.clone(),
                        length_p: 0.0,
                        sim: 0.0,
                    }
                };
                measure(&lone_bead, a, b, weight, p).1 >= 0.15
            };
            let gain = before + skip - after;
            if shares && gain > 1.0 && best.is_none_or(|(g, _)| gain > g) {
                best = Some((gain, q));
            }
        }
        let Some((_, q)) = best else { continue };
        beads[k].0.x = 0..0;
        beads[k].0.y = 0..0;
        let pair = &mut beads[q].0;
        let grow = if side_b { &mut pair.y } else { &mut pair.x };
        *grow = grow.start.min(s)..grow.end.max(s + 1);
        if side_b {
            pair_b[s] = q;
        } else {
            pair_a[s] = q;
        }
        let (length_p, sim) = measure(pair, a, b, weight, p);
        pair.length_p = length_p;
        pair.sim = sim;
    }
}

fn measure(bead: &Bead, a: &Side, b: &Side, weight: &[f32], p: &Params) -> (f32, f32) {
    let la: f32 = bead.x.clone().map(|i| a.len[i]).sum();
    let lb: f32 = bead.y.clone().map(|j| b.len[j]).sum();
    let wa: f32 = bead.x.clone().map(|i| a.total[i]).sum();
    let wb: f32 = bead.y.clone().map(|j| b.total[j]).sum();
    let mut s = 0.0;
    for i in bead.x.clone() {
        for j in bead.y.clone() {
            s += shared(&a.bags[i], &b.bags[j], weight);
        }
    }
    (length_fit(la, lb, p.fit).0, similarity(s, wa, wb))
}

fn cost(bead: &Bead, a: &Side, b: &Side, weight: &[f32], p: &Params) -> f32 {
    let (length_p, sim) = measure(bead, a, b, weight, p);
    prior(bead.x.len(), bead.y.len()) - length_p.max(1e-12).ln() - p.bonus * sim
}
