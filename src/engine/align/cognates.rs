//! What two sentences share that survives translation: numbers (`8,3` = `8.3`), codes
//! (`15-CT/TW`, `222/2025/QH15`), acronyms (FTA, IoT), names compared folded and fuzzily
//! (Brazil, Brasil; Tô Lâm, To Lam) and long loanwords; or, for two documents in one
//! language, every word. Each sentence becomes a set of token ids with rarity weights.

use std::collections::HashMap;
use std::ops::Range;

use crate::engine::fold::{fold_char_into, fold_str};

/// Which tokens count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Two languages: only what survives translation.
    Cognates,
    /// One language: every word.
    Words,
}

/// How a token was found; codes and acronyms say more than a common number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    SmallNumber,
    Code,
    Acronym,
    Name,
    Word,
}

impl Kind {
    fn boost(self) -> f32 {
        match self {
            Kind::Code => 2.0,
            Kind::Acronym => 1.5,
            Kind::SmallNumber => 0.5,
            Kind::Number | Kind::Name | Kind::Word => 1.0,
        }
    }
    fn fuzzy(self) -> bool {
        matches!(self, Kind::Name | Kind::Word)
    }
}

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
    fn id(&mut self, token: &str, kind: Kind) -> u32 {
        if let Some(&id) = self.ids.get(token) {
            return id;
        }
        let id = self.kinds.len() as u32;
        self.ids.insert(token.to_owned(), id);
        self.kinds.push(kind);
        self.in_a.push(false);
        self.in_b.push(false);
        id
    }
}

/// The token sets of the sentences `sa` of `a` and `sb` of `b`.
pub fn bags(a: &str, sa: &[Range<usize>], b: &str, sb: &[Range<usize>], mode: Mode) -> Bags {
    let mut vocab = Vocab::default();
    let bag_of = |text: &str, range: &Range<usize>, vocab: &mut Vocab, side_a: bool| {
        let mut ids: Vec<u32> = Vec::new();
        tokens(
            text.get(range.clone()).unwrap_or(""),
            mode,
            &mut |token, kind| {
                ids.push(vocab.id(token, kind));
            },
        );
        ids.sort_unstable();
        ids.dedup();
        for &id in &ids {
            let flags = if side_a {
                &mut vocab.in_a
            } else {
                &mut vocab.in_b
            };
            flags[id as usize] = true;
        }
        ids
    };
    let mut bags_a: Vec<Vec<u32>> = sa.iter().map(|r| bag_of(a, r, &mut vocab, true)).collect();
    let mut bags_b: Vec<Vec<u32>> = sb.iter().map(|r| bag_of(b, r, &mut vocab, false)).collect();
    let remap = fuzzy_names(&vocab);
    if remap.iter().enumerate().any(|(i, &to)| i as u32 != to) {
        for bag in bags_b.iter_mut() {
            for id in bag.iter_mut() {
                *id = remap[*id as usize];
            }
            bag.sort_unstable();
            bag.dedup();
        }
    }
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
    // Memory sized exactly: a bench pair holds 20,000 bags.
    bags_a.iter_mut().for_each(|b| b.shrink_to_fit());
    bags_b.iter_mut().for_each(|b| b.shrink_to_fit());
    Bags {
        total_a: total(&bags_a),
        total_b: total(&bags_b),
        a: bags_a,
        b: bags_b,
        weight,
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

/// Emits the tokens of one sentence.
fn tokens(s: &str, mode: Mode, emit: &mut dyn FnMut(&str, Kind)) {
    let mut scratch = Scratch::default();
    let mut first = true;
    for (raw, delimiter) in words(s) {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        // Punctuation (a comma, a bracket) after a word ends a run of names.
        let ends_run = delimiter.is_some_and(|d| !d.is_whitespace());
        if !word.is_empty() {
            word_tokens(word, std::mem::take(&mut first), mode, &mut scratch, emit);
        }
        if ends_run {
            scratch.flush(emit);
        }
    }
    scratch.flush(emit);
}

/// Buffers reused from word to word: the folded word, and the run of capitalised words
/// that may form one name.
#[derive(Default)]
struct Scratch {
    folded: String,
    run: String,
    run_len: usize,
}

impl Scratch {
    /// Two to four consecutive capitalised words also count as one name (`Việt Nam` and
    /// `Vietnam`, `Tô Lâm` and `To Lam`).
    fn flush(&mut self, emit: &mut dyn FnMut(&str, Kind)) {
        if (2..=4).contains(&self.run_len) {
            emit(&self.run, Kind::Name);
        }
        self.run.clear();
        self.run_len = 0;
    }
}

/// The words of a sentence, each with the separator after it: white space and punctuation,
/// except a comma or point between digits (`8,3`, `1.000`).
fn words(s: &str) -> impl Iterator<Item = (&str, Option<char>)> {
    let is_sep = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '(' | ')'
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '"'
                    | '“'
                    | '”'
                    | '‘'
                    | '’'
                    | '«'
                    | '»'
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | ','
                    | '…'
            )
    };
    let mut chars = s.char_indices().peekable();
    let mut start = 0;
    let mut prev: Option<char> = None;
    std::iter::from_fn(move || {
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            let inside_number = c == ','
                && prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            prev = Some(c);
            if is_sep(c) && !inside_number {
                let word = s.get(start..i).unwrap_or("");
                start = i + c.len_utf8();
                return Some((word, Some(c)));
            }
        }
        if start < s.len() {
            let word = s.get(start..).unwrap_or("");
            start = s.len();
            return Some((word, None));
        }
        None
    })
}

/// The tokens of one word.
fn word_tokens(
    word: &str,
    at_start: bool,
    mode: Mode,
    scratch: &mut Scratch,
    emit: &mut dyn FnMut(&str, Kind),
) {
    if word.bytes().any(|b| b.is_ascii_digit()) {
        scratch.flush(emit);
        number_or_code(word, emit);
        return;
    }
    let starts_upper = word.chars().next().is_some_and(char::is_uppercase);
    // Most words of a translation pair are neither names nor long: nothing to fold.
    if mode == Mode::Cognates && !starts_upper && word.len() < 7 {
        scratch.flush(emit);
        return;
    }
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    scratch.folded.clear();
    word.chars()
        .for_each(|c| fold_char_into(c, &mut scratch.folded));
    if capitals >= 2 && !word.contains('-') && word.chars().count() <= 8 {
        scratch.flush(emit);
        emit(&scratch.folded, Kind::Acronym);
        return;
    }
    for part in scratch
        .folded
        .split(['-', '/', '.', '\''])
        .filter(|p| !p.is_empty())
    {
        let chars = part.chars().count();
        match mode {
            Mode::Words => emit(part, Kind::Word),
            Mode::Cognates if starts_upper && !at_start && chars >= 3 => emit(part, Kind::Name),
            Mode::Cognates if chars >= 7 => emit(part, Kind::Word),
            Mode::Cognates => {}
        }
    }
    if starts_upper {
        let Scratch { folded, run, .. } = scratch;
        run.extend(folded.chars().filter(|&c| c != '-' && c != '\''));
        scratch.run_len += 1;
    } else {
        scratch.flush(emit);
    }
}

/// `8,3-8,5%` gives the numbers 8.3 and 8.5; `222/2025/QH15` and `15-CT/TW` are codes.
fn number_or_code(word: &str, emit: &mut dyn FnMut(&str, Kind)) {
    let letters = word.chars().any(char::is_alphabetic);
    if letters || word.contains('/') {
        emit(&fold_str(word).replace(',', "."), Kind::Code);
        return;
    }
    for part in word.split(['-', '–']) {
        let n = part.trim_matches(|c: char| !c.is_ascii_digit());
        if n.is_empty() {
            continue;
        }
        let kind = if n.len() == 1 {
            Kind::SmallNumber
        } else {
            Kind::Number
        };
        emit(&n.replace(',', "."), kind);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::align::segment;

    fn toks(s: &str, mode: Mode) -> Vec<String> {
        let mut out = Vec::new();
        tokens(s, mode, &mut |t, _| out.push(t.to_string()));
        out
    }

    #[test]
    fn numbers_codes_acronyms_and_names() {
        assert_eq!(
            toks(
                "Thúc đẩy tăng trưởng từ 8,3-8,5% năm 2025 theo Nghị quyết 222/2025/QH15 và FTA với Brazil",
                Mode::Cognates
            ),
            [
                "8.3",
                "8.5",
                "2025",
                "nghi",
                "222/2025/qh15",
                "fta",
                "brazil"
            ]
        );
        assert_eq!(
            toks(
                "Chỉ thị 15-CT/TW; Internet of Things (IoT).",
                Mode::Cognates
            ),
            ["15-ct/tw", "internet", "things", "iot"]
        );
        assert_eq!(
            toks(
                "theo chỉ đạo của Tổng Bí thư Tô Lâm, tăng tốc",
                Mode::Cognates
            ),
            ["tong", "tongbi", "lam", "tolam"]
        );
    }

    #[test]
    fn words_mode_keeps_every_word() {
        assert_eq!(
            toks("Đà Nẵng và TPHCM", Mode::Words),
            ["da", "nang", "va", "danang", "tphcm"]
        );
    }

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
