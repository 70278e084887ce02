//! Gale and Church's model of sentence lengths under translation: the length of one side
//! is normal around a ratio times the other's, with a variance growing with the length;
//! a bead's length cost is the tail of that normal beyond the two lengths it holds.

/// How lengths of translations relate in one pair of documents (Gale and Church's c and
/// s squared): the length of Y expected per character of X, and the variance of the
/// difference per character (6.8 for a faithful translation; far more for a report that
/// condenses freely, where lengths then say less).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub ratio: f32,
    pub variance: f32,
}

impl Fit {
    /// Gale and Church's figures for a faithful translation of equal length.
    pub const FAITHFUL: Fit = Fit {
        ratio: 1.0,
        variance: 6.8,
    };

    /// The same fit seen from Y.
    pub fn flipped(self) -> Fit {
        Fit {
            ratio: 1.0 / self.ratio,
            variance: self.variance / self.ratio,
        }
    }
}

/// Probability that two lengths this far apart translate each other (two-sided normal
/// tail of Gale and Church's delta), and its cost.
pub fn length_fit(lx: f32, ly: f32, fit: Fit) -> (f32, f32) {
    let cost = length_cost(lx, ly, fit);
    ((-cost).exp(), cost)
}

/// The cost alone, from a table (the programme asks for it millions of times).
pub(super) fn length_cost(lx: f32, ly: f32, fit: Fit) -> f32 {
    const STEP: f32 = 0.01;
    const LAST: usize = 1_000;
    static TABLE: std::sync::OnceLock<Vec<f32>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..=LAST + 1)
            .map(|k| {
                let x = k as f32 * STEP / std::f32::consts::SQRT_2;
                -erfc(x).max(1e-30).ln()
            })
            .collect()
    });
    let expected = fit.ratio * lx;
    let delta = ((ly - expected) / (fit.variance * (expected + ly) / 2.0 + 1.0).sqrt()).abs();
    let at = delta / STEP;
    let k = at as usize;
    if k >= LAST {
        // The normal tail: -ln erfc(x) ~ x^2 + ln(x sqrt(pi)), x = delta / sqrt(2).
        return delta * delta / 2.0 + (delta * 1.2533).ln();
    }
    let frac = at - k as f32;
    table[k] + (table[k + 1] - table[k]) * frac
}

/// Complementary error function (Abramowitz and Stegun 7.1.26), enough for costs.
fn erfc(x: f32) -> f32 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly = t
        * (0.254_829_6
            + t * (-0.284_496_7 + t * (1.421_413_7 + t * (-1.453_152 + t * 1.061_405_4))));
    poly * (-x * x).exp()
}
