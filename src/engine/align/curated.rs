//! What curators wrote, as candidate links between sentences: a pin pairs the sentences
//! its quotes touch (or leaves them without counterpart) and outweighs everything; an
//! annotation quoted in both documents links the sentences its quotes touch.

use std::ops::Range;

use super::chain::Candidate;
use super::cognates::Bags;
use super::links::range_sim;
use super::{By, Link, Which};

/// A pin's weight: more than every other link together.
const PIN: f64 = 1e6;

/// Curators' links as candidates: pins (a passage without counterpart has an empty
/// other side), then annotations.
pub(super) fn curated(
    links: &[Link],
    sa: &[Range<usize>],
    sb: &[Range<usize>],
    bags: &Bags,
) -> (Vec<Candidate>, Vec<Candidate>) {
    let (mut pins, mut annotations): (Vec<Candidate>, Vec<Candidate>) = (Vec::new(), Vec::new());
    let pin = |a: Range<usize>, b: Range<usize>| Candidate {
        sim: range_sim(&a, &b, bags),
        a,
        b,
        by: By::Pin,
        weight: PIN,
    };
    for link in links {
        match link {
            Link::Pin { a, b } => {
                if let (Some(a), Some(b)) = (sentence_range(sa, a), sentence_range(sb, b)) {
                    pins.push(pin(a, b));
                }
            }
            Link::Alone {
                side: Which::A,
                range,
            } => pins.extend(sentence_range(sa, range).map(|a| pin(a, 0..0))),
            Link::Alone {
                side: Which::B,
                range,
            } => pins.extend(sentence_range(sb, range).map(|b| pin(0..0, b))),
            Link::Annotation { a, b } => {
                for qa in a {
                    for qb in b {
                        let (Some(a), Some(b)) = (sentence_range(sa, qa), sentence_range(sb, qb))
                        else {
                            continue;
                        };
                        let sim = range_sim(&a, &b, bags);
                        add(&mut annotations, a, b, sim, 5.0 + 10.0 * f64::from(sim));
                    }
                }
            }
        }
    }
    (pins, annotations)
}

/// Adds a link, or strengthens the same link made by another annotation.
fn add(out: &mut Vec<Candidate>, a: Range<usize>, b: Range<usize>, sim: f32, weight: f64) {
    if let Some(same) = out.iter_mut().find(|c| c.a == a && c.b == b) {
        same.weight = same.weight.max(weight) + 1.0;
        return;
    }
    out.push(Candidate {
        a,
        b,
        by: By::Annotation,
        sim,
        weight,
    });
}

/// The sentences `[first, last]` that a byte range touches.
fn sentence_range(s: &[Range<usize>], r: &Range<usize>) -> Option<Range<usize>> {
    let first = s.partition_point(|x| x.end <= r.start);
    let last = s.partition_point(|x| x.start < r.end.max(r.start + 1));
    (first < last).then_some(first..last)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences of A and B as byte ranges, with empty token sets.
    fn sides(a: &[Range<usize>], b: &[Range<usize>]) -> Bags {
        Bags {
            a: vec![Vec::new(); a.len()],
            b: vec![Vec::new(); b.len()],
            total_a: vec![0.0; a.len()],
            total_b: vec![0.0; b.len()],
            ..Bags::default()
        }
    }

    #[test]
    fn a_passage_alone_is_a_pin_with_an_empty_other_side() {
        let (sa, sb) = (vec![0..10, 10..20, 20..30], vec![0..5, 5..9]);
        let links = [
            Link::Alone {
                side: Which::A,
                range: 12..25,
            },
            Link::Alone {
                side: Which::B,
                range: 6..7,
            },
            // Outside B: no sentence to pin.
            Link::Pin { a: 0..3, b: 40..50 },
        ];
        let (pins, annotations) = curated(&links, &sa, &sb, &sides(&sa, &sb));
        assert!(annotations.is_empty());
        let got: Vec<_> = pins
            .iter()
            .map(|c| (c.a.clone(), c.b.clone(), c.by))
            .collect();
        assert_eq!(got, vec![(1..3, 0..0, By::Pin), (0..0, 1..2, By::Pin)]);
    }
}
