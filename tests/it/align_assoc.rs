//! The association table learnt from a first pass, end to end: two documents that share
//! no name and a number every tenth sentence, where every fourth sentence of A is left
//! out of B, so that lengths alone cannot tell which (0.60 from the first pass alone);
//! the words that keep standing together can.

use std::collections::BTreeSet;

use briefing::engine::align::align_texts;
use briefing::engine::align::cognates::Mode;

use crate::align::{assert_well_formed, links, precision_recall};

/// Words of A's language beside their renderings in B's, one syllable each.
const LEXICON: [(&str, &str); 12] = [
    ("gạo", "beras"),
    ("cá", "ikan"),
    ("muối", "garam"),
    ("thép", "baja"),
    ("dầu", "minyak"),
    ("chè", "teh"),
    ("gỗ", "kayu"),
    ("than", "arang"),
    ("đồng", "tembaga"),
    ("vàng", "emas"),
    ("bạc", "perak"),
    ("điện", "listrik"),
];

/// Sentence `k` of A and of B (two words of the lexicon each, picked by a fixed
/// pseudo-random sequence: a periodic one would make neighbours share words), and
/// whether B keeps it; every tenth carries a number.
fn sentence(k: usize) -> (String, String, bool) {
    let pick = |salt: usize| (k * 2_654_435_761 + salt * 40_503) % 1_000_003 % LEXICON.len();
    let (x1, y1) = LEXICON[pick(1)];
    let (x2, y2) = LEXICON[pick(2)];
    let number = if k % 10 == 0 {
        format!(" {}", 1900 + k)
    } else {
        String::new()
    };
    (
        format!("Giá {x1} và {x2} đều tăng{number}."),
        format!("Harga {y1} dan {y2} naik{number}."),
        k % 4 != 2,
    )
}

#[test]
fn words_seen_together_in_the_first_pass_align_what_lengths_cannot() {
    let (mut a, mut b) = (String::new(), String::new());
    let mut gold = BTreeSet::new();
    let mut kept = 0;
    for k in 0..80 {
        let (x, y, keep) = sentence(k);
        a.push_str(&x);
        a.push(' ');
        if keep {
            b.push_str(&y);
            b.push(' ');
            gold.insert((k, kept));
            kept += 1;
        }
    }
    let al = align_texts(&a, &b, &[], Mode::Cognates);
    assert_well_formed(&al);
    assert_eq!((al.a_sentences.len(), al.b_sentences.len()), (80, kept));
    let (p, r) = precision_recall(&links(&al), &gold);
    eprintln!("lexicon pair: precision {p:.2}, recall {r:.2}");
    assert!(p >= 0.9 && r >= 0.9, "precision {p:.2}, recall {r:.2}");
}
