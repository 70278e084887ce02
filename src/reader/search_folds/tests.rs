//! The sliced search against one search of each whole document.

use proptest::prelude::*;

use super::*;
use crate::engine::Document;
use crate::engine::corpus::CorpusParts;

fn doc(text: &str) -> Document {
    Document {
        file: "d.txt".into(),
        text: Text::new(text).into(),
        meta: None,
    }
}

/// A corpus of `docs` alone.
fn corpus_of(docs: &[Document]) -> Corpus {
    Corpus::new(CorpusParts {
        documents: docs.to_vec().into(),
        ..Default::default()
    })
}

/// What one search of each whole document finds (the reference), capped as a scan is.
fn whole(docs: &[Document], searcher: &Searcher) -> (Vec<(DocId, Range<usize>)>, bool) {
    let mut plain = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        let all = searcher.find_in(d.read_text().expect("held").as_str());
        plain.extend(all.into_iter().map(|r| (DocId::new(i), r)));
    }
    let more = plain.len() > MAX_MATCHES;
    plain.truncate(MAX_MATCHES);
    (plain, more)
}

#[test]
fn a_scan_in_steps_finds_what_one_search_finds_across_pieces() {
    let line = "Thủ tướng Phạm Minh Chính chủ trì hội nghị 8,3% về ngoại giao.\n";
    let long = line.repeat(PIECE_BYTES / line.len() * 3);
    let one_line = long.replace('\n', " ");
    let docs = vec![doc(&long), doc("pham\nminh"), doc(""), doc(&long)];
    // On one line of 3 MB, the pieces are cut inside it: a piece a step still.
    let docs_on_one_line = vec![doc(&one_line), doc("x")];
    for query in ["pham minh", "ngoại giao.", "8.3"] {
        let searcher = Searcher::new(query).unwrap();
        let mut folds = SearchFolds::default();
        let mut scan = Scan::new(query).unwrap();
        let mut steps = 0;
        while !folds.scan(&corpus_of(&docs_on_one_line), &mut scan, || false) {
            steps += 1;
        }
        assert!(steps >= 2, "{query}: {steps} steps");
        assert_eq!(scan.into_found(), whole(&docs_on_one_line, &searcher));
    }
    // No ASCII at all, or every ASCII character of the line in the query: cut still.
    let ascii: String = {
        let mut seen: Vec<char> = one_line.chars().filter(char::is_ascii).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.into_iter().collect()
    };
    let no_ascii = "越南人民ồạ".repeat(PIECE_BYTES / 6);
    for (text, query) in [
        (&no_ascii, "南人"),
        (&no_ascii, "ồ"),
        (&one_line, ascii.as_str()),
        (&one_line, "phạm minh chính"),
    ] {
        let docs = vec![doc(text)];
        let mut folds = SearchFolds::default();
        let mut scan = Scan::new(query).unwrap();
        let mut steps = 0;
        while !folds.scan(&corpus_of(&docs), &mut scan, || false) {
            steps += 1;
        }
        assert!(steps >= 1, "{query}: cut inside the line");
        let searcher = Searcher::new(query).unwrap();
        assert_eq!(scan.into_found(), whole(&docs, &searcher), "{query}");
    }
    for query in ["pham minh", "8.3", "p", "giao.\nthu", "ngoại giao"] {
        let Some(searcher) = Searcher::new(query) else {
            continue;
        };
        let plain = whole(&docs, &searcher);
        let mut folds = SearchFolds::default();
        let mut scan = Scan::new(query).unwrap();
        let mut steps = 0;
        while !folds.scan(&corpus_of(&docs), &mut scan, || false) {
            steps += 1;
        }
        assert!(steps >= 3, "{query}: one piece a step");
        assert_eq!(scan.clone().into_found(), plain, "{query}");
        assert_eq!(folds.search(&corpus_of(&docs), query), plain);
        assert!(folds.kept_bytes() <= KEPT_BYTES, "{query}");
    }
}

#[test]
fn pieces_grow_smaller_where_matches_are_dense() {
    let docs = vec![doc(&"ế a ".repeat(200_000)), doc(&"ế\n".repeat(100))];
    for query in ["ế", "a"] {
        let mut folds = SearchFolds::default();
        let mut scan = Scan::new(query).unwrap();
        let mut seen = Vec::new();
        while !folds.scan(&corpus_of(&docs), &mut scan, || false) {
            seen.push(scan.matches().len());
        }
        let steps: Vec<usize> = seen.windows(2).map(|w| w[1] - w[0]).collect();
        assert!(steps.len() > 10, "{query}: {steps:?}");
        assert!(steps.iter().all(|&n| n <= 2 * PIECE_MATCHES), "{steps:?}");
        assert_eq!(
            scan.into_found(),
            whole(&docs, &Searcher::new(query).unwrap())
        );
    }
}

#[test]
fn folding_ahead_fills_the_budget_and_no_more() {
    let text = "Phạm a\n".repeat(1000);
    let docs = vec![doc(&text), doc("b"), doc(""), doc(&text)];
    let mut folds = SearchFolds::with_sizes(100, 3000);
    let mut calls = 0;
    while !folds.fold_more(&corpus_of(&docs), || false) {
        calls += 1;
    }
    assert!(calls >= 3, "a piece a call");
    assert!(folds.kept_bytes() <= 3000 && folds.kept_bytes() > 2000);
    assert!(folds.fold_more(&corpus_of(&docs), || false));
    let searcher = Searcher::new("pham a").unwrap();
    assert_eq!(
        folds.search(&corpus_of(&docs), "pham a"),
        whole(&docs, &searcher)
    );
    // Everything fits: all of it is kept, and a search folds nothing more.
    let mut all = SearchFolds::with_sizes(100, usize::MAX);
    assert!(all.fold_more(&corpus_of(&docs), || true));
    let held = all.kept_bytes();
    assert_eq!(
        all.search(&corpus_of(&docs), "pham a"),
        whole(&docs, &searcher)
    );
    assert_eq!(all.kept_bytes(), held);
}

#[test]
fn a_reload_keeps_the_folds_of_unchanged_texts_only() {
    let (a, b) = (doc("Phạm Minh\nChính"), doc("pham minh"));
    let mut folds = SearchFolds::with_sizes(6, usize::MAX);
    let searcher = Searcher::new("minh").unwrap();
    folds.search(&corpus_of(&[a.clone(), b.clone()]), "minh");
    let both = folds.kept_bytes();
    // `a` kept with its text; `b` changed.
    let new = vec![a.clone(), doc("pham minh!")];
    folds.renew(&corpus_of(&new));
    assert!(folds.kept_bytes() < both && folds.kept_bytes() > 0);
    assert_eq!(
        folds.search(&corpus_of(&new), "minh"),
        whole(&new, &searcher)
    );
    // Moved to another index, it is folded again.
    let moved = vec![doc("x"), a];
    folds.renew(&corpus_of(&moved));
    assert_eq!(folds.kept_bytes(), 0);
    assert_eq!(
        folds.search(&corpus_of(&moved), "minh"),
        whole(&moved, &searcher)
    );
}

fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "pham", "Phạm", "PHAM", "minh", "Minh", "chính", "a", "á", "đồng", "dong", " ", "\u{a0}",
        "\n", "\n\n", "8,3", "8.3", ",", ".", "1", "nhnh", "a\u{301}", "ç", "x", "tk", "Q z",
        "\u{301}", "t\u{301}", "Xy.", "k,", "\t", "越", "南", "ß", "ss", "ồ", "ﬁ",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]
    #[test]
    fn pieces_and_a_bounded_cache_find_what_the_whole_fold_finds(
        texts in prop::collection::vec(text(), 0..5),
        query in prop::sample::select(vec![
            "pham", "phạm minh", "a", "á", "đồng", "dong", "8.3", "1.1", "nhnh", "minh chinh",
            "a a", "x", "t\u{301}", "q z", "xy", "k", "ph\u{1ea1}m", "越南", "ss", "s", "fi",
            "ồ", "a.", "南 ",
        ]),
        piece_bytes in 1usize..40,
        budget in prop::sample::select(vec![0usize, 100, 400, usize::MAX]),
    ) {
        let docs: Vec<Document> = texts.iter().map(|t| doc(t)).collect();
        let searcher = Searcher::new(query).unwrap();
        let mut folds = SearchFolds::with_sizes(piece_bytes, budget);
        let mut scan = Scan::new(query).unwrap();
        while !folds.scan(&corpus_of(&docs), &mut scan, || false) {}
        prop_assert_eq!(scan.into_found(), whole(&docs, &searcher));
        // Again, over what the first search kept.
        prop_assert_eq!(folds.search(&corpus_of(&docs), query), whole(&docs, &searcher));
        prop_assert!(folds.kept_bytes() <= budget);
    }
}
