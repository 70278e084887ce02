#![allow(clippy::string_slice)] // slices below are cut at char boundaries by floor()
//! Property tests that throw arbitrary input at the engine: the brief loader, anchoring,
//! folding, search and nearest-text never panic, and what they return is well formed.
//! Inputs are drawn from the repository's own files and mutated, plus raw noise.
//! PROPTEST_CASES raises the count for a longer run (docs/robustness.md).

use briefing::engine::anchor::nearest::nearest;
use briefing::engine::anchor::{Placement, place};
use briefing::engine::load::load_listing;
use briefing::engine::search::Searcher;
use briefing::engine::source::{Listing, SourceFile};
use briefing::engine::text::fold::{Folded, fold_str};
use proptest::prelude::*;

const VI: &str = include_str!("../../seeds/001_9864e2932dc47fb2.txt");
const ID: &str = include_str!("../../seeds/000_5adf34fcd21d787a.txt");
const BRIEF: &str = include_str!("../fixtures/cli/good/briefs/conference.yaml");

/// Text that looks like the corpus: slices of the seeds, Vietnamese in NFD, odd white space.
fn corpus_text() -> impl Strategy<Value = String> {
    let alphabet = prop::sample::select(vec![
        "a",
        "ạ",
        "a\u{323}",
        "đ",
        "Đ",
        "ồ",
        "o\u{302}\u{300}",
        " ",
        "\n",
        "\t",
        "\u{a0}",
        "\u{ad}",
        "\u{200b}",
        "\r\n",
        "\u{301}",
        "é",
        "İ",
        "ß",
        "字",
        "🇻🇳",
        "\"",
        ":",
        "-",
        "8,3",
        "%",
    ]);
    prop_oneof![
        (0..VI.len(), 0usize..400).prop_map(|(s, n)| slice(VI, s, n)),
        (0..ID.len(), 0usize..400).prop_map(|(s, n)| slice(ID, s, n)),
        prop::collection::vec(alphabet, 0..60).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

fn slice(text: &str, start: usize, len: usize) -> String {
    text.chars()
        .skip(text[..floor(text, start)].chars().count())
        .take(len)
        .collect()
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

proptest! {
    #[test]
    fn anchoring_never_panics_and_lands_on_the_quote(text in corpus_text(), quote in corpus_text(), pre in corpus_text()) {
        let text = briefing::engine::text::Text::new(&text);
        let text = text.as_str();
        match place(text, &quote, Some(&pre), None) {
            Placement::Unique(range) => {
                let found = text.get(range).expect("a match lies on character boundaries");
                let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
                let want: String = unicode_normalization::UnicodeNormalization::nfc(quote.as_str()).collect();
                prop_assert_eq!(squash(found), squash(&want));
            }
            Placement::Ambiguous(ranges, total) => {
                prop_assert!(total >= 2 && ranges.len() <= total);
                prop_assert!(ranges.iter().all(|r| text.get(r.clone()).is_some()));
            }
            Placement::NotFound | Placement::Empty => {}
        }
    }

    #[test]
    fn the_quick_nfc_check_agrees_with_unicode(text in corpus_text()) {
        let nfc: String = unicode_normalization::UnicodeNormalization::nfc(text.as_str()).collect();
        prop_assert_eq!(briefing::engine::text::is_nfc(&text), nfc == text);
    }

    #[test]
    fn a_quote_cut_from_the_text_is_found(start in 0..VI.len(), len in 1usize..120) {
        let text = briefing::engine::text::Text::new(VI);
        let quote = slice(text.as_str(), start, len);
        prop_assume!(!quote.trim().is_empty());
        prop_assert_ne!(place(text.as_str(), &quote, None, None), Placement::NotFound);
    }

    #[test]
    fn folding_maps_back_to_character_boundaries(text in corpus_text()) {
        let mut folded = Folded::default();
        folded.fold(&text);
        for i in 0..folded.as_bytes().len() {
            prop_assert!(text.is_char_boundary(folded.origin(&text, i)));
        }
        prop_assert_eq!(folded.to_text(), fold_str(&text));
    }

    #[test]
    fn search_matches_fold_like_the_query(text in corpus_text(), query in corpus_text()) {
        let text = briefing::engine::text::Text::new(&text);
        if let Some(searcher) = Searcher::new(&query) {
            for range in searcher.find_in(text.as_str()) {
                let found = text.as_str().get(range.clone()).expect("match on boundaries");
                let squash = |s: &str| fold_str(s).split_whitespace().collect::<Vec<_>>().join(" ");
                prop_assert_eq!(squash(found), squash(&query));
            }
        }
    }

    #[test]
    fn nearest_text_is_bounded_and_well_formed(text in corpus_text(), quote in corpus_text()) {
        if let Some((range, cost)) = nearest(&text, &quote) {
            prop_assert!(text.get(range).is_some());
            prop_assert!(cost <= quote.chars().count());
        }
    }

    #[test]
    fn the_brief_loader_never_panics(cut in 0..BRIEF.len(), insert in corpus_text(), noise in any::<Vec<u8>>()) {
        let at = floor(BRIEF, cut);
        let mutated = format!("{}{}{}", &BRIEF[..at], insert, &BRIEF[at..]);
        for bytes in [mutated.into_bytes(), noise] {
            let listing = Listing {
                root: None,
                seeds: vec![
                    SourceFile::in_memory("vi.txt", "seeds/vi.txt", VI.as_bytes().to_vec()),
                    SourceFile::in_memory("id.txt", "seeds/id.txt", ID.as_bytes().to_vec()),
                ],
                briefs: vec![SourceFile::in_memory("b.yaml", "briefs/b.yaml", bytes)],
                findings: Vec::new(),
            };
            let corpus = load_listing(listing, None);
            for finding in corpus.findings() {
                prop_assert!(!finding.to_string().is_empty());
            }
        }
    }
}
