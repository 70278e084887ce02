//! What curators wrote, as candidate links between sentences: a pin pairs the sentences
//! its quotes touch (or leaves them without counterpart) and outweighs everything; an
//! annotation quoted in both documents links, one to one, the sentence each quote covers
//! most, weighted by how much of the two sentences its quotes cover.

use std::collections::{HashMap, HashSet};
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
                for (i, j, strength) in one_to_one(a, b, sa, sb) {
                    let (a, b) = (i..i + 1, j..j + 1);
                    let sim = range_sim(&a, &b, bags);
                    add(
                        &mut annotations,
                        a,
                        b,
                        sim,
                        strength * (5.0 + 10.0 * f64::from(sim)),
                    );
                }
            }
        }
    }
    (pins, joined(annotations, bags))
}

/// Annotation links that share a sentence on one side and stand next to each other on the
/// other become one link of up to two sentences a side: curators linked one passage to
/// both sentences its rendering split it into (or merged from).
fn joined(mut links: Vec<Candidate>, bags: &Bags) -> Vec<Candidate> {
    links.sort_by_key(|c| (c.a.start, c.b.start));
    let at: HashMap<(usize, usize), usize> = links
        .iter()
        .enumerate()
        .map(|(k, c)| ((c.a.start, c.b.start), k))
        .collect();
    let mut taken = vec![false; links.len()];
    let mut out = Vec::with_capacity(links.len());
    for k in 0..links.len() {
        if taken[k] {
            continue;
        }
        taken[k] = true;
        let mut c = links[k].clone();
        // Grows while a link next to it shares one of its sentences (at most 16 places).
        while let Some(q) = (c.a.start.saturating_sub(1)..=c.a.end)
            .flat_map(|i| (c.b.start.saturating_sub(1)..=c.b.end).map(move |j| (i, j)))
            .filter_map(|place| at.get(&place).copied())
            .find(|&q| !taken[q] && joins(&c, &links[q]))
        {
            taken[q] = true;
            let y = &links[q];
            c.a = c.a.start.min(y.a.start)..c.a.end.max(y.a.end);
            c.b = c.b.start.min(y.b.start)..c.b.end.max(y.b.end);
            c.weight += y.weight;
        }
        if c.a.len() > 1 || c.b.len() > 1 {
            c.sim = range_sim(&c.a, &c.b, bags);
        }
        out.push(c);
    }
    out
}

/// Whether one-to-one link `y` joins `c`: it shares a sentence of `c` on one side and
/// stands next to `c` on the other, where `c` still has one sentence.
fn joins(c: &Candidate, y: &Candidate) -> bool {
    let next_to = |r: &Range<usize>, k: usize| r.len() == 1 && (k == r.end || k + 1 == r.start);
    (c.a.contains(&y.a.start) && next_to(&c.b, y.b.start))
        || (c.b.contains(&y.b.start) && next_to(&c.a, y.a.start))
}

/// One annotation's links: each quote in A with at most one quote in B and the other way
/// round, the pairs whose quotes cover most of their sentences first; each link between
/// the sentence each quote covers most, with its strength (the geometric mean of the two
/// shares covered, 0..1), so a quote that only grazes a sentence pulls it little.
fn one_to_one(
    qa: &[Range<usize>],
    qb: &[Range<usize>],
    sa: &[Range<usize>],
    sb: &[Range<usize>],
) -> Vec<(usize, usize, f64)> {
    let (ca, cb): (Vec<_>, Vec<_>) = (
        qa.iter().filter_map(|q| most_covered(sa, q)).collect(),
        qb.iter().filter_map(|q| most_covered(sb, q)).collect(),
    );
    let mut options: Vec<(f64, usize, usize)> = Vec::with_capacity(ca.len() * cb.len());
    for (x, &(_, share_a)) in ca.iter().enumerate() {
        for (y, &(_, share_b)) in cb.iter().enumerate() {
            options.push(((share_a * share_b).sqrt(), x, y));
        }
    }
    // Strongest first; ties in the order written.
    options.sort_by(|p, q| q.0.total_cmp(&p.0).then((p.1, p.2).cmp(&(q.1, q.2))));
    // Quotes and sentences used, each at most once.
    let (mut used_a, mut used_b) = (vec![false; ca.len()], vec![false; cb.len()]);
    let (mut in_a, mut in_b) = (HashSet::new(), HashSet::new());
    let mut out: Vec<(usize, usize, f64)> = Vec::new();
    for (strength, x, y) in options {
        let (i, j) = (ca[x].0, cb[y].0);
        if used_a[x] || used_b[y] || in_a.contains(&i) || in_b.contains(&j) {
            continue;
        }
        (used_a[x], used_b[y]) = (true, true);
        in_a.insert(i);
        in_b.insert(j);
        out.push((i, j, strength));
    }
    out
}

/// The sentence of `s` that quote `q` covers the greatest share of, and that share.
fn most_covered(s: &[Range<usize>], q: &Range<usize>) -> Option<(usize, f64)> {
    let touched = sentence_range(s, q)?;
    touched
        .map(|k| {
            let x = &s[k];
            let inside = q.end.min(x.end).saturating_sub(q.start.max(x.start));
            (k, inside as f64 / x.len().max(1) as f64)
        })
        .max_by(|p, q| p.1.total_cmp(&q.1).then(q.0.cmp(&p.0)))
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

    #[test]
    fn annotations_linking_one_sentence_to_two_neighbours_join_into_one_link() {
        let (sa, sb) = (
            (0..12).map(|k| k * 10..k * 10 + 10).collect::<Vec<_>>(),
            (0..10).map(|k| k * 10..k * 10 + 10).collect::<Vec<_>>(),
        );
        let link = |i: usize, j: usize| Link::Annotation {
            a: vec![sa[i].clone()],
            b: vec![sb[j].clone()],
        };
        // 9 with 7 and 8, 10 with 8: one passage of two sentences a side. 4 and 7 with 3:
        // not neighbours. 0-0 then 1-1: a sequence, nothing shared.
        let links = [
            link(9, 7),
            link(10, 8),
            link(4, 3),
            link(9, 8),
            link(7, 3),
            link(0, 0),
            link(1, 1),
        ];
        let (_, annotations) = curated(&links, &sa, &sb, &sides(&sa, &sb));
        let got: Vec<_> = annotations
            .iter()
            .map(|c| (c.a.clone(), c.b.clone()))
            .collect();
        assert_eq!(
            got,
            vec![
                (0..1, 0..1),
                (1..2, 1..2),
                (4..5, 3..4),
                (7..8, 3..4),
                (9..11, 7..9)
            ]
        );
    }

    #[test]
    fn a_quote_links_the_sentence_it_covers_most() {
        // Sentences of 10 bytes; the quote grazes the first and covers the second.
        let s = vec![0..10, 10..20, 20..30];
        assert_eq!(most_covered(&s, &(8..20)), Some((1, 1.0)));
        assert_eq!(most_covered(&s, &(5..15)), Some((0, 0.5)));
        assert_eq!(most_covered(&s, &(40..45)), None);
    }

    #[test]
    fn an_annotation_quoted_several_times_links_one_to_one_the_best_covered_first() {
        let (sa, sb) = (vec![0..10, 10..20, 20..30], vec![0..20, 20..40]);
        // Twice in A (a word of the first sentence, all of the third), once in B.
        let links = one_to_one(&[0..2, 20..30], std::slice::from_ref(&(20..30)), &sa, &sb);
        assert_eq!(links.len(), 1);
        let (i, j, strength) = links[0];
        assert_eq!((i, j), (2, 1));
        assert!((strength - 0.5f64.sqrt()).abs() < 1e-9, "{strength}");
        // Twice on both sides: two links, no sentence twice.
        let links = one_to_one(&[0..10, 20..30], &[0..20, 20..40], &sa, &sb);
        let pairs: Vec<_> = links.iter().map(|&(i, j, _)| (i, j)).collect();
        assert_eq!(pairs, vec![(0, 0), (2, 1)]);
        // Two quotes in one sentence of A, two in B: that sentence links once.
        let links = one_to_one(&[0..4, 5..10], &[0..20, 20..40], &sa, &sb);
        assert_eq!(links.len(), 1);
    }
}
