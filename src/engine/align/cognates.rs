//! What two sentences share: each becomes a set of token ids (see `tokens`) over one
//! vocabulary, names matched fuzzily across the documents (Brazil, Brasil), each token
//! weighed by its rarity; a token that only one document has weighs nothing.

use std::collections::HashMap;
use std::ops::Range;

use super::reading::read;
use super::tokens::Kind;
use super::words::Words;

pub use super::tokens::Mode;

/// Token sets of the sentences of both documents, over one vocabulary.
#[derive(Debug, Default)]
pub struct Bags {
    /// Sorted, distinct token ids of each sentence of A, then of B.
    pub a: Vec<Vec<u32>>,
    pub b: Vec<Vec<u32>>,
    /// Weight of each token id: rarity (inverse sentence frequency) times its kind's boost.
    pub weight: Vec<f32>,
    /// Total weight of each sentence's tokens.
    pub total_a: Vec<f32>,
    pub total_b: Vec<f32>,
    /// In two languages, every word of each sentence (for a learnt association table).
    pub(super) words_a: Words,
    pub(super) words_b: Words,
}

/// Comparisons allowed when matching names fuzzily; past it, names match exactly only.
const FUZZY_BUDGET: usize = 2_000_000;

#[derive(Default)]
struct Vocab {
    ids: HashMap<String, u32>,
    kinds: Vec<Kind>,
    in_a: Vec<bool>,
    in_b: Vec<bool>,
}

impl Vocab {
    fn id(&mut self, token: String, kind: Kind) -> u32 {
        if let Some(&id) = self.ids.get(&token) {
            return id;
        }
        let id = self.kinds.len() as u32;
        self.ids.insert(token, id);
        self.kinds.push(kind);
        self.in_a.push(false);
        self.in_b.push(false);
        id
    }
}

/// The token sets of the sentences `sa` of `a` and `sb` of `b`.
pub fn bags(a: &str, sa: &[Range<usize>], b: &str, sb: &[Range<usize>], mode: Mode) -> Bags {
    let (read_a, read_b) = rayon::join(|| read(a, sa, mode), || read(b, sb, mode));
    // A's ids stand; B's tokens take A's ids where A has them, the others come after.
    let mut vocab = Vocab::default();
    for (token, kind) in read_a.tokens {
        let id = vocab.id(token, kind);
        vocab.in_a[id as usize] = true;
    }
    let to_global: Vec<u32> = read_b
        .tokens
        .into_iter()
        .map(|(token, kind)| {
            let id = vocab.id(token, kind);
            vocab.in_b[id as usize] = true;
            id
        })
        .collect();
    let bags_a = read_a.bags;
    let mut bags_b = read_b.bags;
    let remap = fuzzy_names(&vocab);
    for bag in bags_b.iter_mut() {
        for id in bag.iter_mut() {
            *id = remap[to_global[*id as usize] as usize];
        }
        bag.sort_unstable();
        bag.dedup();
    }
    let (words_a, words_b) = (read_a.words, read_b.words);
    // Sentences holding each token, in A and in B.
    let mut df = vec![(0u32, 0u32); vocab.kinds.len()];
    for bag in &bags_a {
        bag.iter().for_each(|&id| df[id as usize].0 += 1);
    }
    for bag in &bags_b {
        bag.iter().for_each(|&id| df[id as usize].1 += 1);
    }
    let n = (bags_a.len() + bags_b.len()).max(1) as f32;
    // A token in one document only can never be shared: it weighs nothing.
    let weight: Vec<f32> = df
        .iter()
        .zip(&vocab.kinds)
        .map(|(&(da, db), kind)| match (da, db) {
            (0, _) | (_, 0) => 0.0,
            _ => (1.0 + n / (da + db) as f32).ln() * kind.boost(),
        })
        .collect();
    let total = |bags: &[Vec<u32>]| -> Vec<f32> {
        bags.iter()
            .map(|bag| bag.iter().map(|&id| weight[id as usize]).sum())
            .collect()
    };
    Bags {
        total_a: total(&bags_a),
        total_b: total(&bags_b),
        a: bags_a,
        b: bags_b,
        weight,
        words_a,
        words_b,
    }
}

/// For each token id, the id it stands for: a name only in B that is close to a name only
/// in A (same first letter, edits at most a quarter of its length) becomes that name.
fn fuzzy_names(vocab: &Vocab) -> Vec<u32> {
    let mut remap: Vec<u32> = (0..vocab.kinds.len() as u32).collect();
    let mut by_first: HashMap<char, Vec<(u32, Vec<char>)>> = HashMap::new();
    let mut only_b = Vec::new();
    for (token, &id) in &vocab.ids {
        let i = id as usize;
        if !vocab.kinds[i].fuzzy() || token.chars().count() < 5 || vocab.in_a[i] == vocab.in_b[i] {
            continue;
        }
        let chars: Vec<char> = token.chars().collect();
        if vocab.in_a[i] {
            by_first.entry(chars[0]).or_default().push((id, chars));
        } else {
            only_b.push((id, chars));
        }
    }
    // Deterministic whatever the hash order.
    only_b.sort_unstable();
    by_first.values_mut().for_each(|v| v.sort_unstable());
    let mut budget = FUZZY_BUDGET;
    for (id, chars) in only_b {
        let Some(candidates) = by_first.get(&chars[0]) else {
            continue;
        };
        let limit = chars.len() / 4;
        let mut best: Option<(usize, u32)> = None;
        for (cand, cchars) in candidates {
            if budget == 0 {
                return remap;
            }
            budget -= 1;
            if cchars.len().abs_diff(chars.len()) > limit {
                continue;
            }
            let d = edit_distance(&chars, cchars, limit);
            if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, *cand));
            }
        }
        if let Some((_, to)) = best {
            remap[id as usize] = to;
        }
    }
    remap
}

/// Levenshtein distance, or `limit + 1` once it must exceed `limit`.
fn edit_distance(a: &[char], b: &[char], limit: usize) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        let mut row_min = cur[0];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
            row_min = row_min.min(cur[j + 1]);
        }
        if row_min > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::align::segment;

    #[test]
    fn fuzzy_names_meet_across_documents() {
        let a = "Thúc đẩy với Brazil và Kazakhstan.";
        let b = "Dengan Brasil dan Kazakhstan.";
        let sa = segment::sentences(a);
        let sb = segment::sentences(b);
        let bags = bags(a, &sa, b, &sb, Mode::Cognates);
        let weighed = |bag: &[u32]| -> Vec<u32> {
            bag.iter()
                .copied()
                .filter(|&t| bags.weight[t as usize] > 0.0)
                .collect()
        };
        assert_eq!(weighed(&bags.a[0]), weighed(&bags.b[0]), "{bags:?}");
        assert_eq!(weighed(&bags.a[0]).len(), 2, "{bags:?}");
        assert!(bags.total_a[0] > 0.0);
    }

    #[test]
    fn edit_distance_stops_early() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&c("brazil"), &c("brasil"), 1), 1);
        assert_eq!(edit_distance(&c("singapore"), &c("singapura"), 2), 2);
        assert_eq!(edit_distance(&c("abcdef"), &c("uvwxyz"), 1), 2);
    }
}
