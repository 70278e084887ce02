//! Parallel reading: every passage of one document beside its counterpart in another,
//! computed from the text alone and refined by what curators wrote. Sentences (segment),
//! tokens that survive translation (cognates), a chain of sure links (chain: pins,
//! annotations, anchors), and between them a length-based programme (dp); then passages
//! left alone next to a pair join it when that fits better (absorb). In two languages a
//! second pass follows, with the word associations the first one taught (assoc).

mod absorb;
mod assoc;
mod chain;
pub mod cognates;
mod costs;
mod curated;
mod documents;
mod dp;
mod lengths;
mod letters;
mod links;
mod pairs;
mod path;
mod reading;
pub mod segment;
mod tokens;
mod words;

use std::ops::Range;

use chain::{Candidate, heaviest_chain};
use cognates::{Bags, Mode, bags};
use curated::curated;
use dp::{Bead, Params, Side, align_gap};
use lengths::{Fit, length_fit};
use links::{anchors, postings, range_sim};
use path::Path;

pub use crate::engine::corpus::{Counterpart, Pin};
pub use documents::{align_documents, curators_links, mode_for};

/// What put a pair together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum By {
    /// A curator's pin (`pins:` in a brief).
    Pin,
    /// An annotation quoted in both documents.
    Annotation,
    /// Numbers, codes, names or words the two passages share.
    Anchor,
    /// Lengths alone, between anchors (or a passage left without counterpart).
    Length,
}

impl By {
    pub fn as_str(self) -> &'static str {
        match self {
            By::Pin => "pin",
            By::Annotation => "annotation",
            By::Anchor => "anchor",
            By::Length => "length",
        }
    }
}

/// One row of an alignment: sentences of A beside sentences of B; either may be empty (a
/// passage without counterpart).
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Indexes into `Alignment::a_sentences`.
    pub a: Range<usize>,
    /// Indexes into `Alignment::b_sentences`.
    pub b: Range<usize>,
    /// Confidence, 0..1.
    pub score: f32,
    pub by: By,
}

/// The alignment of two texts: their sentences (byte ranges) and the pairs, in the order
/// of A (a passage only in B stands where it falls between A's passages).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    pub a_sentences: Vec<Range<usize>>,
    pub b_sentences: Vec<Range<usize>>,
    pub pairs: Vec<Pair>,
}

/// What a curator wrote about two documents, as byte ranges of A and B.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// A pin: these two places render each other, whatever the text suggests.
    Pin { a: Range<usize>, b: Range<usize> },
    /// A pin's `counterpart: none`: nothing in the other document renders this place.
    Alone { side: Which, range: Range<usize> },
    /// One annotation's places in A and in B (a figure or theme both report).
    Annotation {
        a: Vec<Range<usize>>,
        b: Vec<Range<usize>>,
    },
}

/// One of the two documents of an alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    A,
    B,
}

impl Alignment {
    /// The byte range of sentences `r` of A (or B when `side_b`), `None` when empty.
    pub fn span(&self, r: &Range<usize>, side_b: bool) -> Option<Range<usize>> {
        let sentences = if side_b {
            &self.b_sentences
        } else {
            &self.a_sentences
        };
        let first = sentences.get(r.start)?;
        let last = sentences.get(r.end.checked_sub(1)?)?;
        (r.end > r.start).then_some(first.start..last.end)
    }

    /// The pair whose passage in A (or B) holds byte `offset`, or the next one after it.
    pub fn pair_at(&self, offset: usize, side_b: bool) -> Option<&Pair> {
        let sentences = if side_b {
            &self.b_sentences
        } else {
            &self.a_sentences
        };
        let k = sentences.partition_point(|s| s.end <= offset);
        let k = k.min(sentences.len().checked_sub(1)?);
        self.pairs.iter().find(|p| {
            let r = if side_b { &p.b } else { &p.a };
            r.contains(&k)
        })
    }
}

/// Aligns two texts, given links curators made between them.
pub fn align_texts(a: &str, b: &str, links: &[Link], mode: Mode) -> Alignment {
    let sa = segment::sentences(a);
    let sb = segment::sentences(b);
    let mut bags = bags(a, &sa, b, &sb, mode);
    let len = |text: &str, s: &[Range<usize>]| -> Vec<f32> {
        s.iter()
            .map(|r| text.get(r.clone()).map_or(0, |t| t.chars().count()) as f32)
            .collect()
    };
    let (len_a, len_b) = (len(a, &sa), len(b, &sb));
    // In one language every word is shared already: one pass, nothing to learn.
    let lens = (len_a.as_slice(), len_b.as_slice());
    if mode == Mode::Words {
        return align_bags(sa, sb, lens, &bags, links, mode, Pass::Final(None)).0;
    }
    let (first, path) = align_bags(sa, sb, lens, &bags, links, mode, Pass::Learning);
    learn_words(&mut bags, &first);
    let Alignment {
        a_sentences: sa,
        b_sentences: sb,
        ..
    } = first;
    let last = Pass::Final(Some(&path));
    align_bags(sa, sb, lens, &bags, links, mode, last).0
}

/// Which pass of the aligner: the first one, across two languages, pairs passages to learn
/// words from (a pair made by lengths alone may still teach); the final one is what the
/// reader sees (see `costs`), and follows the first one's path where a gap is too large
/// for the whole grid.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Pass<'a> {
    Learning,
    Final(Option<&'a Path>),
}

/// One pass of the aligner over token sets already made; the alignment and its path.
fn align_bags(
    sa: Vec<Range<usize>>,
    sb: Vec<Range<usize>>,
    (len_a, len_b): (&[f32], &[f32]),
    bags: &Bags,
    links: &[Link],
    mode: Mode,
    pass: Pass,
) -> (Alignment, Path) {
    let vocab = bags.weight.len();
    let (post_a, post_b) = (postings(&bags.a, vocab), postings(&bags.b, vocab));
    let (pins, mut candidates) = curated(links, &sa, &sb, bags);
    candidates.extend(anchors(bags, &post_b));
    let (mut chain, off) = heaviest_chain(candidates, sb.len());
    let (mut used_a, mut used_b) = (vec![false; sa.len()], vec![false; sb.len()]);
    let mark = |c: &Candidate, ua: &mut [bool], ub: &mut [bool]| {
        c.a.clone().for_each(|i| ua[i] = true);
        c.b.clone().for_each(|j| ub[j] = true);
    };
    // Pins always hold (the first of two that overlap); chain links they overlap give
    // way. A pin in order with the chain joins it, one across it moved; a passage pinned
    // without counterpart stands alone where it falls.
    let mut moved: Vec<Candidate> = Vec::new();
    let mut held: Vec<Candidate> = Vec::new();
    for pin in pins {
        if !held.iter().any(|h| overlaps(h, &pin)) {
            chain.retain(|c| !overlaps(c, &pin));
            held.push(pin);
        }
    }
    let (alone, held): (Vec<Candidate>, Vec<Candidate>) = held
        .into_iter()
        .partition(|p| p.a.is_empty() || p.b.is_empty());
    for pin in held {
        let k = chain.partition_point(|c| c.a.start < pin.a.start);
        let after_prev = k == 0 || chain[k - 1].b.end <= pin.b.start;
        let before_next = chain.get(k).is_none_or(|c| pin.b.end <= c.b.start);
        if after_prev && before_next {
            chain.insert(k, pin);
        } else {
            moved.push(pin);
        }
    }
    chain
        .iter()
        .chain(&moved)
        .chain(&alone)
        .for_each(|c| mark(c, &mut used_a, &mut used_b));
    // Sure links that moved, heaviest first, where their sentences are free. In one
    // language an annotation's two places must also share words: a brief may link two
    // passages to compare them, not because one renders the other.
    let annotation_floor = if mode == Mode::Words { 0.15 } else { 0.0 };
    let mut rest: Vec<&Candidate> = off
        .iter()
        .filter(|c| {
            (c.by == By::Annotation && c.sim >= annotation_floor)
                || (c.by == By::Anchor && c.sim >= 0.5)
        })
        .collect();
    rest.sort_by(|x, y| y.weight.total_cmp(&x.weight));
    for c in rest {
        if c.a.clone().all(|i| !used_a[i]) && c.b.clone().all(|j| !used_b[j]) {
            mark(c, &mut used_a, &mut used_b);
            moved.push(c.clone());
        }
    }
    let params = costs::params(&chain, len_a, len_b, mode, pass);
    let side_a = Side {
        len: len_a,
        bags: &bags.a,
        total: &bags.total_a,
        postings: &post_a,
    };
    let side_b = Side {
        len: len_b,
        bags: &bags.b,
        total: &bags.total_b,
        postings: &post_b,
    };
    let mut beads: Vec<(Bead, Option<By>)> = Vec::new();
    let mut from = (0, 0);
    let ends = Candidate {
        a: sa.len()..sa.len(),
        b: sb.len()..sb.len(),
        by: By::Length,
        sim: 0.0,
        weight: 0.0,
    };
    for c in chain.iter().chain(std::iter::once(&ends)) {
        let xs: Vec<usize> = (from.0..c.a.start).filter(|&i| !used_a[i]).collect();
        let ys: Vec<usize> = (from.1..c.b.start).filter(|&j| !used_b[j]).collect();
        let sum = |list: &[usize], len: &[f32]| -> f32 { list.iter().map(|&k| len[k]).sum() };
        let params = costs::in_gap(&params, sum(&xs, len_a), sum(&ys, len_b), pass);
        let guide = |rows: &[usize], cols: &[usize], side_b: bool| match pass {
            Pass::Final(Some(path)) => Some(path.columns(rows, cols, side_b)),
            _ => None,
        };
        let gap = if xs.len() >= ys.len() {
            let guide = guide(&xs, &ys, false);
            let sides = (&side_a, &side_b);
            align_gap(&xs, &ys, sides, &bags.weight, &params, guide.as_deref())
        } else {
            let flipped = Params {
                fit: params.fit.flipped(),
                skip_x: params.skip_y,
                skip_y: params.skip_x,
                ..params
            };
            let guide = guide(&ys, &xs, true);
            let sides = (&side_b, &side_a);
            let mut beads = align_gap(&ys, &xs, sides, &bags.weight, &flipped, guide.as_deref());
            beads
                .iter_mut()
                .for_each(|b| std::mem::swap(&mut b.x, &mut b.y));
            beads
        };
        beads.extend(with_alone(gap, &alone, from, c));
        if c.a.end > c.a.start || c.b.end > c.b.start {
            beads.push((fixed(c, &side_a, &side_b, bags, params.fit), Some(c.by)));
        }
        from = (c.a.end.max(from.0), c.b.end.max(from.1));
    }
    let in_sequence = beads.len();
    let path = Path::of(beads.iter().map(|(b, _)| b), sa.len(), sb.len());
    for c in &moved {
        beads.push((fixed(c, &side_a, &side_b, bags, params.fit), Some(c.by)));
    }
    absorb::absorb(&mut beads, &side_a, &side_b, &bags.weight, &params);
    let alignment = Alignment {
        pairs: pairs::order(beads, in_sequence),
        a_sentences: sa,
        b_sentences: sb,
    };
    (alignment, path)
}

/// Between passes: the pairs of the first alignment (anchored or by lengths; chance
/// pairings teach nothing that passes the likelihood test) teach a word association
/// table, whose pairs join the bags as shared tokens.
fn learn_words(bags: &mut Bags, first: &Alignment) {
    let paired: Vec<(Range<usize>, Range<usize>)> = first
        .pairs
        .iter()
        .filter(|p| !p.a.is_empty() && !p.b.is_empty())
        .map(|p| (p.a.clone(), p.b.clone()))
        .collect();
    let words_a = std::mem::take(&mut bags.words_a);
    let words_b = std::mem::take(&mut bags.words_b);
    let table = assoc::learn(&paired, &words_a, &words_b);
    assoc::extend(bags, &table, &words_a, &words_b);
}

fn overlaps(x: &Candidate, y: &Candidate) -> bool {
    let meet = |p: &Range<usize>, q: &Range<usize>| p.start < q.end && q.start < p.end;
    meet(&x.a, &y.a) || meet(&x.b, &y.b)
}

/// A chain link or moved link as a bead, with its measures.
fn fixed(c: &Candidate, a: &Side, b: &Side, bags: &Bags, fit: Fit) -> Bead {
    let la: f32 = c.a.clone().map(|i| a.len[i]).sum();
    let lb: f32 = c.b.clone().map(|j| b.len[j]).sum();
    Bead {
        x: c.a.clone(),
        y: c.b.clone(),
        length_p: length_fit(la, lb, fit).0,
        sim: range_sim(&c.a, &c.b, bags),
    }
}

/// A gap's beads with the passages pinned without counterpart that fall in it (from
/// `from` up to link `to`), each before the first bead that comes after it.
fn with_alone(
    gap: Vec<Bead>,
    alone: &[Candidate],
    from: (usize, usize),
    to: &Candidate,
) -> Vec<(Bead, Option<By>)> {
    let mut out: Vec<(Bead, Option<By>)> = gap.into_iter().map(|b| (b, None)).collect();
    for pin in alone {
        let (own, lo, hi) = if pin.b.is_empty() {
            (&pin.a, from.0, to.a.start)
        } else {
            (&pin.b, from.1, to.b.start)
        };
        if !(lo..hi).contains(&own.start) {
            continue;
        }
        let side_b = !pin.b.is_empty();
        let at = out
            .iter()
            .position(|(b, _)| {
                let r = if side_b { &b.y } else { &b.x };
                !r.is_empty() && r.start > own.start
            })
            .unwrap_or(out.len());
        let bead = Bead {
            x: pin.a.clone(),
            y: pin.b.clone(),
            length_p: 0.0,
            sim: 0.0,
        };
        out.insert(at, (bead, Some(By::Pin)));
    }
    out
}
