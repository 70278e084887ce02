//! The length-based dynamic programme of Gale and Church between two anchors: beads of
//! 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2 sentences, each costed by how well the lengths agree,
//! what the sentences share, and a prior; a passage left alone costs a constant, so a
//! condensed translation leaves gaps instead of smearing. Banded around the diagonal, so
//! time and memory grow with the length of the documents, not with its square.

use std::ops::Range;

use super::lengths::{Fit, length_cost};

/// One side of the programme: per sentence, its length, token set and total weight, and
/// for each token the sorted sentences that hold it.
pub struct Side<'a> {
    pub len: &'a [f32],
    pub bags: &'a [Vec<u32>],
    pub total: &'a [f32],
    pub postings: &'a [Vec<u32>],
}

/// How beads are costed.
#[derive(Debug, Clone, Copy)]
pub struct Params {
    /// How the lengths of X and Y relate.
    pub fit: Fit,
    /// Cost of leaving one sentence of X, or of Y, without a counterpart.
    pub skip_x: f32,
    pub skip_y: f32,
    /// How much shared tokens lower a bead's cost (times the similarity, 0..1).
    pub bonus: f32,
    /// Extra cost of pairing sentences that both carry tokens but share none.
    pub mismatch: f32,
    /// Extra cost of pairing sentences that share nothing at all (high where much of a
    /// document has no counterpart, so that lengths alone do not decide).
    pub blind: f32,
    /// Below this similarity a pair counts as sharing nothing.
    pub blind_below: f32,
    /// Largest number of cells; the band narrows to stay under it.
    pub max_cells: usize,
}

/// A bead found by the programme: global sentence ranges (either may be empty), its
/// length agreement (0..1) and its similarity (0..1).
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    pub x: Range<usize>,
    pub y: Range<usize>,
    pub length_p: f32,
    pub sim: f32,
}

/// The weight two bags share.
pub fn shared(a: &[u32], b: &[u32], weight: &[f32]) -> f32 {
    let (mut i, mut j, mut s) = (0, 0, 0.0);
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                s += weight.get(x as usize).copied().unwrap_or(0.0);
                i += 1;
                j += 1;
            }
        }
    }
    s
}

/// Similarity from shared weight and both totals: what is shared against half of what is
/// not, damped so that one common token alone never looks certain.
pub fn similarity(shared: f32, wx: f32, wy: f32) -> f32 {
    let unshared = (wx - shared).max(0.0) + (wy - shared).max(0.0);
    (shared / (shared + 0.5 * unshared + 4.0)).clamp(0.0, 1.0)
}

const INF: f32 = f32::INFINITY;

/// Moves into a cell: (rows back, columns back).
const MOVES: [(usize, usize); 6] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2)];
const PRIOR: [f32; 6] = [0.12, 0.0, 0.0, 2.4, 2.4, 4.5];

/// The prior cost of a bead of `nx` and `ny` sentences (both at least 1).
pub fn prior(nx: usize, ny: usize) -> f32 {
    match (nx, ny) {
        (1, 1) => PRIOR[0],
        (2, 1) | (1, 2) => PRIOR[3],
        (2, 2) => PRIOR[5],
        _ => PRIOR[5] + (nx + ny - 4) as f32 * 2.0,
    }
}

/// Aligns the sentences `xs` (global indexes into `x`) with `ys`; returns the beads in order.
/// A gap too large for the whole grid is banded around `guide` where given (for each row
/// and one past the last, the column an earlier pass's path reached there), in a quarter
/// of the cells, else around the diagonal.
pub fn align_gap(
    xs: &[usize],
    ys: &[usize],
    (x, y): (&Side, &Side),
    weight: &[f32],
    p: &Params,
    guide: Option<&[usize]>,
) -> Vec<Bead> {
    let (n, m) = (xs.len(), ys.len());
    if n == 0 || m == 0 {
        return xs
            .iter()
            .map(|&i| lone(i..i + 1, 0..0))
            .chain(ys.iter().map(|&j| lone(0..0, j..j + 1)))
            .collect();
    }
    // A band of columns around the diagonal for each row, wide enough to cross it.
    let slope = m as f64 / n as f64;
    let full = (n + 1) * (m + 1) <= p.max_cells;
    let half = if full {
        m + 1
    } else {
        (p.max_cells / (n + 1) / 2).max(slope.ceil() as usize + 3)
    };
    let band = |r: usize| -> (usize, usize) {
        let centre = (r as f64 * slope).round() as usize;
        (centre.saturating_sub(half), (centre + half).min(m))
    };
    let rows: Vec<(usize, usize)> = match guide.filter(|g| !full && g.len() == n + 1) {
        // Row r holds the path from where it enters the row to where it leaves it, and
        // `half` either side: consecutive rows overlap, so the corner is always reached.
        Some(g) => {
            let half = ((p.max_cells / 4).saturating_sub(m) / (n + 1) / 2).max(3);
            // A path never goes back: nor does its guide (whatever it was given).
            let mut top = 0;
            let g: Vec<usize> = g
                .iter()
                .map(|&c| {
                    top = top.max(c.min(m));
                    top
                })
                .collect();
            (0..=n)
                .map(|r| {
                    let here = g[r];
                    let next = g.get(r + 1).copied().unwrap_or(m).max(here);
                    let lo = if r == 0 { 0 } else { here.saturating_sub(half) };
                    let hi = if r == n { m } else { (next + half).min(m) };
                    (lo, hi)
                })
                .collect()
        }
        None => (0..=n).map(band).collect(),
    };
    let (sx, sy) = (Sums::new(xs, x), Sums::new(ys, y));
    let mut offsets = Vec::with_capacity(n + 2);
    let mut total = 0;
    for &(lo, hi) in &rows {
        offsets.push(total);
        total += hi - lo + 1;
    }
    let mut cost = vec![INF; total];
    let mut back = vec![u8::MAX; total];
    let at = |r: usize, j: usize| -> Option<usize> {
        let (lo, hi) = rows[r];
        (lo..=hi).contains(&j).then(|| offsets[r] + j - lo)
    };
    // Where each global y sentence stands in `ys`, for reading postings.
    let y_first = ys[0];
    let y_last = ys[m - 1];
    let mut local = vec![u32::MAX; y_last - y_first + 1];
    for (k, &g) in ys.iter().enumerate() {
        local[g - y_first] = k as u32;
    }
    // Shared weight of x sentence `xs[r]` with each column's y sentence, two rows kept.
    let mut shared_rows: [(usize, Vec<f32>); 2] = [(0, Vec::new()), (0, Vec::new())];
    let fill = |r: usize, out: &mut (usize, Vec<f32>)| {
        let (lo, hi) = (rows[r + 1].0.saturating_sub(2), rows[r + 1].1.min(m));
        out.0 = lo;
        out.1.clear();
        out.1.resize(hi - lo + 1, 0.0);
        if hi == lo {
            return;
        }
        let (g_lo, g_hi) = (ys[lo], ys[hi - 1]);
        for &t in &x.bags[xs[r]] {
            let w = weight.get(t as usize).copied().unwrap_or(0.0);
            if w == 0.0 {
                continue;
            }
            let list = &y.postings[t as usize];
            let start = list.partition_point(|&g| (g as usize) < g_lo);
            for &g in list.get(start..).unwrap_or(&[]) {
                let g = g as usize;
                if g > g_hi {
                    break;
                }
                let k = local[g - y_first];
                if k != u32::MAX
                    && let Some(slot) = out.1.get_mut((k as usize).wrapping_sub(lo))
                {
                    *slot += w;
                }
            }
        }
    };
    let get_shared = |rows: &[(usize, Vec<f32>); 2], which: usize, k: usize| -> f32 {
        let (lo, v) = &rows[which];
        k.checked_sub(*lo)
            .and_then(|i| v.get(i))
            .copied()
            .unwrap_or(0.0)
    };
    cost[0] = 0.0;
    for (r, &(lo, hi)) in rows.iter().enumerate() {
        if r >= 1 {
            shared_rows.swap(0, 1);
            fill(r - 1, &mut shared_rows[1]);
        }
        for j in lo..=hi {
            let Some(here) = at(r, j) else { continue };
            if r == 0 && j == 0 {
                continue;
            }
            let mut best = (INF, u8::MAX);
            // A gap too large for the whole grid goes without 2-2 beads (the rarest, a
            // sixth of the work): the band keeps its time linear, this keeps it low.
            let moves = if full { &MOVES[..] } else { &MOVES[..5] };
            for (k, &(dr, dc)) in moves.iter().enumerate() {
                if dr > r || dc > j {
                    continue;
                }
                let Some(from) = at(r - dr, j - dc) else {
                    continue;
                };
                let base = cost[from];
                if base == INF {
                    continue;
                }
                let xr = r - dr..r;
                let yr = j - dc..j;
                let bead = if dc == 0 {
                    p.skip_x
                } else if dr == 0 {
                    p.skip_y
                } else if !adjacent(xs, &xr) || !adjacent(ys, &yr) {
                    INF
                } else {
                    let mut s = 0.0;
                    for rr in xr.clone() {
                        let which = if rr + 1 == r { 1 } else { 0 };
                        for c in yr.clone() {
                            s += get_shared(&shared_rows, which, c);
                        }
                    }
                    bead_cost(&sx, &xr, &sy, &yr, s, p).0 + PRIOR[k]
                };
                if base + bead < best.0 {
                    best = (base + bead, k as u8);
                }
            }
            cost[here] = best.0;
            back[here] = best.1;
        }
    }
    // Trace back from the corner.
    let mut beads = Vec::new();
    let (mut r, mut j) = (n, m);
    while r > 0 || j > 0 {
        let Some(k) = at(r, j)
            .map(|i| back[i] as usize)
            .filter(|&k| k < MOVES.len())
        else {
            break;
        };
        let (dr, dc) = MOVES[k];
        let xr = r - dr..r;
        let yr = j - dc..j;
        let gx = xs.get(xr.start).map_or(0..0, |&g| g..g + dr);
        let gy = ys.get(yr.start).map_or(0..0, |&g| g..g + dc);
        let (gx, gy) = (
            if dr == 0 { 0..0 } else { gx },
            if dc == 0 { 0..0 } else { gy },
        );
        beads.push(if dr == 0 || dc == 0 {
            lone(gx, gy)
        } else {
            let s: f32 = gx
                .clone()
                .flat_map(|a| gy.clone().map(move |b| (a, b)))
                .map(|(a, b)| shared(&x.bags[a], &y.bags[b], weight))
                .sum();
            let (_, length_cost, sim) = bead_cost(&sx, &xr, &sy, &yr, s, p);
            let length_p = (-length_cost).exp();
            Bead {
                x: gx,
                y: gy,
                length_p,
                sim,
            }
        });
        r -= dr;
        j -= dc;
    }
    beads.reverse();
    beads
}

fn lone(x: Range<usize>, y: Range<usize>) -> Bead {
    Bead {
        x,
        y,
        length_p: 0.0,
        sim: 0.0,
    }
}

/// Whether the local range maps to consecutive global sentences.
fn adjacent(list: &[usize], r: &Range<usize>) -> bool {
    r.len() < 2 || list[r.end - 1] == list[r.start] + r.len() - 1
}

/// Running sums of lengths and token weights over a gap's sentences, so that a bead's
/// sums cost two subtractions.
struct Sums {
    len: Vec<f32>,
    total: Vec<f32>,
}

impl Sums {
    fn new(list: &[usize], side: &Side) -> Sums {
        let mut sums = Sums {
            len: Vec::with_capacity(list.len() + 1),
            total: Vec::with_capacity(list.len() + 1),
        };
        let (mut l, mut t) = (0.0, 0.0);
        sums.len.push(0.0);
        sums.total.push(0.0);
        for &g in list {
            l += side.len[g];
            t += side.total[g];
            sums.len.push(l);
            sums.total.push(t);
        }
        sums
    }

    fn of(&self, r: &Range<usize>) -> (f32, f32) {
        (
            self.len[r.end] - self.len[r.start],
            self.total[r.end] - self.total[r.start],
        )
    }
}

/// A bead's cost without its prior, the cost of its lengths, and its similarity.
fn bead_cost(
    sx: &Sums,
    xr: &Range<usize>,
    sy: &Sums,
    yr: &Range<usize>,
    shared: f32,
    p: &Params,
) -> (f32, f32, f32) {
    let (lx, wx) = sx.of(xr);
    let (ly, wy) = sy.of(yr);
    let length_cost = length_cost(lx, ly, p.fit);
    // Shares are summed pair by pair: a token in every sentence of a 2-2 bead would count
    // four times against totals that count it twice.
    let shared = shared.min(wx.min(wy));
    let sim = similarity(shared, wx, wy);
    let against = if shared == 0.0 && wx > 0.0 && wy > 0.0 {
        p.mismatch * (wx.min(wy) / 4.0).min(1.0)
    } else {
        0.0
    };
    let blind = if sim < p.blind_below { p.blind } else { 0.0 };
    (
        length_cost - p.bonus * sim + against + blind,
        length_cost,
        sim,
    )
}
