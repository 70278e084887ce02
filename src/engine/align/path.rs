//! Where one pass's path went, for the next pass to follow: for each sentence of A, the
//! position in B at which the path reached it, and the same for B; and from those, the
//! columns of a gap's rows (see `dp::align_gap`).

use super::dp::Bead;

/// For each sentence of A the position in B the path had reached there, and for each of
/// B the position in A; both never decrease.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Path {
    pub a: Vec<usize>,
    pub b: Vec<usize>,
}

impl Path {
    /// The path of `beads`, in path order (moved links left out), over `na` and `nb`
    /// sentences.
    pub(super) fn of<'a>(beads: impl Iterator<Item = &'a Bead>, na: usize, nb: usize) -> Path {
        let (mut a, mut b) = (vec![0; na], vec![0; nb]);
        let (mut in_a, mut in_b) = (0, 0);
        for bead in beads {
            let (at_a, at_b) = (
                if bead.x.is_empty() {
                    in_a
                } else {
                    bead.x.start
                },
                if bead.y.is_empty() {
                    in_b
                } else {
                    bead.y.start
                },
            );
            bead.x.clone().for_each(|i| a[i] = at_b);
            bead.y.clone().for_each(|j| b[j] = at_a);
            in_a = in_a.max(bead.x.end);
            in_b = in_b.max(bead.y.end);
        }
        let rising = |v: &mut Vec<usize>| {
            let mut top = 0;
            v.iter_mut().for_each(|x| {
                top = top.max(*x);
                *x = top;
            });
        };
        rising(&mut a);
        rising(&mut b);
        Path { a, b }
    }

    /// For a gap's rows `rows` (sentences of A, or of B when `side_b`) against its columns
    /// `cols`, the column the path reached at each row, then the last column.
    pub(super) fn columns(&self, rows: &[usize], cols: &[usize], side_b: bool) -> Vec<usize> {
        let at = if side_b { &self.b } else { &self.a };
        rows.iter()
            .map(|&r| {
                let reached = at.get(r).copied().unwrap_or(0);
                cols.partition_point(|&c| c < reached)
            })
            .chain(std::iter::once(cols.len()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(x: std::ops::Range<usize>, y: std::ops::Range<usize>) -> Bead {
        Bead {
            x,
            y,
            length_p: 0.0,
            sim: 0.0,
        }
    }

    #[test]
    fn a_path_and_a_gap_s_columns() {
        // A0-B0, A1 alone, B1 alone, A2-B2..4.
        let beads = [
            bead(0..1, 0..1),
            bead(1..2, 0..0),
            bead(0..0, 1..2),
            bead(2..3, 2..4),
        ];
        let path = Path::of(beads.iter(), 3, 4);
        assert_eq!(path.a, vec![0, 1, 2]);
        assert_eq!(path.b, vec![0, 2, 2, 2]);
        // The gap of A1..3 beside B1..4: A1 reached B1 (column 0), A2 reached B2.
        assert_eq!(path.columns(&[1, 2], &[1, 2, 3], false), vec![0, 1, 3]);
        assert_eq!(path.columns(&[1, 2, 3], &[1, 2], true), vec![1, 1, 1, 2]);
    }

    /// Whatever the guide (off the diagonal, backwards, beyond the gap), a gap too large
    /// for the whole grid is banded around it and every sentence lands in one bead.
    #[test]
    fn a_banded_gap_follows_any_guide_to_its_corner() {
        use crate::engine::align::dp::{Params, Side, align_gap};
        use crate::engine::align::lengths::Fit;
        let (n, m) = (300, 200);
        let len_x: Vec<f32> = (0..n).map(|k| 40.0 + (k * 37 % 50) as f32).collect();
        let len_y: Vec<f32> = (0..m).map(|k| 40.0 + (k * 53 % 50) as f32).collect();
        let (bags_x, bags_y) = (vec![Vec::new(); n], vec![Vec::new(); m]);
        let (total_x, total_y) = (vec![0.0; n], vec![0.0; m]);
        let x = Side {
            len: &len_x,
            bags: &bags_x,
            total: &total_x,
            postings: &[],
        };
        let y = Side {
            len: &len_y,
            bags: &bags_y,
            total: &total_y,
            postings: &[],
        };
        let p = Params {
            fit: Fit::FAITHFUL,
            skip_x: 2.0,
            skip_y: 2.0,
            bonus: 6.0,
            mismatch: 2.0,
            blind: 0.0,
            blind_below: 0.05,
            max_cells: 4_000,
        };
        let (xs, ys): (Vec<usize>, Vec<usize>) = ((0..n).collect(), (0..m).collect());
        let guides: [Vec<usize>; 4] = [
            (0..=n).map(|r| r * m / n).collect(),
            (0..=n).map(|r| if r < n / 2 { 0 } else { m }).collect(),
            (0..=n).map(|r| m - r * m / n).collect(),
            (0..=n).map(|r| r * 7).collect(),
        ];
        for guide in &guides {
            let beads = align_gap(&xs, &ys, (&x, &y), &[], &p, Some(guide));
            let (mut seen_x, mut seen_y) = (vec![0; n], vec![0; m]);
            for b in &beads {
                b.x.clone().for_each(|i| seen_x[i] += 1);
                b.y.clone().for_each(|j| seen_y[j] += 1);
            }
            assert!(seen_x.iter().chain(&seen_y).all(|&k| k == 1), "{guide:?}");
        }
    }
}
