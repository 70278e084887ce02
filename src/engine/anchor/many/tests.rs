//! The pass against the scan: on random and repetitive texts, with NFC and NFD, runs of
//! white space, no-break spaces and combining marks, every quote placed together is placed
//! as a scan of its own places it (and as the suffix array does, where the pass gives up).

use proptest::prelude::*;
use proptest::sample::select;
use unicode_normalization::UnicodeNormalization;

use super::super::suffix::SuffixArray;
use super::*;

/// A quote, its prefix and its suffix.
type Quote = (String, Option<String>, Option<String>);

fn parts(q: &Quote) -> Parts<'_> {
    (q.0.as_str(), q.1.as_deref(), q.2.as_deref())
}

/// Places `quotes` together in `text`, and asserts that each lands as a scan says and as
/// the suffix array says; gives what the pass gave up on.
fn assert_places_like_the_scan(text: &str, quotes: &[Quote]) -> usize {
    let (together, anchorer) = (Anchorer::new(text), Anchorer::new(text));
    let many = Many::new(&together, quotes.len(), |k| parts(&quotes[k]));
    let index = SuffixArray::new(anchorer.squeezed().bytes());
    for (k, q) in quotes.iter().enumerate() {
        let scan = anchorer.place(&q.0, q.1.as_deref(), q.2.as_deref());
        assert_eq!(many.placement(k), scan, "{q:?} in {text:?}");
        let indexed = anchorer.place_wanted(&Wanted::new(parts(q)), index.as_ref());
        assert_eq!(indexed, scan, "{q:?} in {text:?} by the suffix array");
    }
    many.tallies
        .iter()
        .filter(|t| t.tally() == Tally::GivenUp)
        .count()
}

const PIECES: &[&str] = &[
    "a", "b", "ab", "ba", " ", "  ", "\n", "\n\n ", "\t", "\u{a0}", "\u{2009}", "đ", "é",
    "e\u{301}", "\u{301}", "ạ", "Phạm", "Chính", "x y", "“", "字", "\r\n", "\r\n\r\n", " \t ",
    "\u{3000}", "\u{85}", "\u{2028}", "\u{1680}", "\u{200b}",
];

fn texts() -> impl Strategy<Value = String> {
    let pieces = || proptest::collection::vec(select(PIECES), 1..6);
    prop_oneof![
        proptest::collection::vec(select(PIECES), 0..120).prop_map(|p| p.concat()),
        (pieces(), 1..200usize).prop_map(|(unit, n)| unit.concat().repeat(n)),
        (pieces(), 1..100usize, pieces()).prop_map(|(unit, n, tail)| {
            format!(
                "{}{}{}",
                unit.concat().repeat(n),
                tail.concat(),
                unit.concat()
            )
        }),
    ]
    .prop_map(|t| t.nfc().collect())
}

/// Where a quote is taken from in the text (character offsets, wrapped), its length
/// and its context's, and how it is written: bit 1 NFD, bit 2 its spaces as runs, bit 4
/// random pieces instead, bit 8 a prefix, bit 16 a suffix.
type Spec = (usize, usize, usize, u8);

fn quote(text: &str, (at, len, context, how): Spec, random: &str) -> Quote {
    let chars: Vec<char> = text.chars().collect();
    let at = at % (chars.len() + 1);
    let take = |from: usize, to: usize| -> String {
        chars
            .get(from.min(to)..to.min(chars.len()))
            .unwrap_or_default()
            .iter()
            .collect()
    };
    let write = |s: String| -> String {
        let s = if how & 1 != 0 { s.nfd().collect() } else { s };
        if how & 2 != 0 {
            s.replace(' ', " \n\u{a0} ")
        } else {
            s
        }
    };
    let body = if how & 4 != 0 {
        random.to_string()
    } else {
        take(at, at + len)
    };
    let prefix = (how & 8 != 0).then(|| write(take(at.saturating_sub(context), at)));
    let suffix = (how & 16 != 0).then(|| write(take(at + len, at + len + context)));
    (write(body), prefix, suffix)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn the_pass_places_like_the_scan(
        text in texts(),
        specs in proptest::collection::vec(
            (0..400usize, 0..30usize, 0..6usize, any::<u8>(), proptest::collection::vec(select(PIECES), 1..5)),
            1..60,
        ),
    ) {
        let quotes: Vec<Quote> = specs
            .into_iter()
            .map(|(at, len, context, how, random)| quote(&text, (at, len, context, how), &random.concat()))
            .collect();
        assert_places_like_the_scan(&text, &quotes);
    }
}

#[test]
fn long_repetitive_quotes_count_every_place() {
    let text = "a ".repeat(1000);
    let quote = "a ".repeat(300);
    let quotes: Vec<Quote> = vec![
        (quote.clone(), None, None),
        (quote.clone(), Some("b".into()), None),
        (quote.clone(), None, Some("a b".into())),
    ];
    let anchorer = Anchorer::new(&text);
    let many = Many::new(&anchorer, quotes.len(), |k| parts(&quotes[k]));
    let Placement::Ambiguous(first, total) = many.placement(0) else {
        panic!("ambiguous");
    };
    assert_eq!((total, first.len(), first[1].clone()), (701, 50, 2..601));
    assert_eq!(many.placement(1), Placement::NotFound);
    assert_eq!(many.placement(2), Placement::NotFound);
    assert_places_like_the_scan(&text, &quotes);
}

#[test]
fn quotes_a_text_holds_everywhere_are_given_up_and_placed_like_the_scan() {
    // 300 quotes over a text of `a a a …`: each one checked at every place, too many.
    let text = format!("{}b a\n\nc{}", "a ".repeat(3000), " a".repeat(500));
    let quotes: Vec<Quote> = (0..300)
        .map(|i| {
            let q = "a ".repeat(1 + i % 40);
            let prefix = (i % 3 == 1).then(|| "b".to_string());
            let suffix = (i % 5 == 2).then(|| format!("c{}", " a".repeat(i % 4)));
            (q, prefix, suffix)
        })
        .chain([("a b a c".into(), None, None), ("b a".into(), None, None)])
        .collect();
    let given_up = assert_places_like_the_scan(&text, &quotes);
    assert!(given_up >= INDEX_FROM_QUOTES, "{given_up}");
}

#[test]
fn a_few_quotes_given_up_are_scanned() {
    let text = format!("{}b{}", "ab".repeat(2000), "ab".repeat(10));
    let quotes: Vec<Quote> = vec![
        ("ab".into(), None, None),
        ("abab".into(), Some("b".into()), None),
        ("ababababab".into(), None, Some("b".into())),
        ("bab".into(), Some("ab".into()), Some("ab".into())),
        ("abbab".into(), None, None),
        (" ".into(), None, None),
    ];
    let given_up = assert_places_like_the_scan(&text, &quotes);
    assert!((1..INDEX_FROM_QUOTES).contains(&given_up), "{given_up}");
}

#[test]
fn keys_of_every_length_are_found_at_the_ends_of_the_text() {
    let text = "ab cd\u{a0}é ghijklmnop qrs";
    let quotes: Vec<Quote> = (0..text.len())
        .flat_map(|a| (a + 1..=text.len()).map(move |b| (a, b)))
        .filter_map(|(a, b)| text.get(a..b))
        .map(|q| (q.to_string(), None, None))
        .collect();
    assert_eq!(assert_places_like_the_scan(text, &quotes), 0);
}

fn quote_of(text: &str, prefix: Option<&str>, suffix: Option<&str>) -> Quote {
    (text.into(), prefix.map(Into::into), suffix.map(Into::into))
}

#[test]
fn the_quotes_spaces_meet_runs_of_every_kind_of_white_space() {
    let text = "Thủ tướng\r\n\r\nPhạm  Minh\tChính\u{a0}nói:\n\n  tăng trưởng\u{3000}kinh \
                tế\u{2028}cao, tăng\u{85}trưởng kinh\u{1680}tế thấp \u{a0}\n";
    let quotes = vec![
        quote_of("tướng Phạm Minh Chính nói:", None, None),
        quote_of("Thủ\ttướng Phạm", None, None),
        quote_of("tăng trưởng kinh tế", None, None),
        quote_of("tăng trưởng kinh tế", Some("Chính nói:"), None),
        quote_of("tăng trưởng kinh tế", None, Some("  thấp")),
        quote_of("kinh tế cao", Some("trưởng"), Some(", tăng")),
        quote_of("thấp", None, Some("x")),
        quote_of("Minh Chính", Some("Phạm\n"), Some("nói: tăng trưởng")),
    ];
    let anchorer = Anchorer::new(text);
    let many = Many::new(&anchorer, quotes.len(), |k| parts(&quotes[k]));
    let at = |from: &str, to: &str| {
        let start = text.find(from).unwrap();
        start..text.get(start..).and_then(|t| t.find(to)).unwrap() + start + to.len()
    };
    let second = text.rfind("tăng").unwrap()..text.find(" thấp").unwrap();
    assert_eq!(many.placement(0), Placement::Unique(at("tướng", "nói:")));
    assert_eq!(many.placement(1), Placement::Unique(at("Thủ", "Phạm")));
    let both = vec![at("tăng", "tế"), second.clone()];
    assert_eq!(many.placement(2), Placement::Ambiguous(both, 2));
    assert_eq!(many.placement(3), Placement::Unique(at("tăng", "tế")));
    assert_eq!(many.placement(4), Placement::Unique(second));
    assert_eq!(many.placement(5), Placement::Unique(at("kinh", "cao")));
    assert_eq!(many.placement(6), Placement::NotFound);
    assert_eq!(many.placement(7), Placement::Unique(at("Minh", "Chính")));
    assert_eq!(assert_places_like_the_scan(text, &quotes), 0);
}

#[test]
fn overlapping_places_across_runs_are_each_counted() {
    let text = "na\n\nna\tna  na\u{a0}na";
    let quotes = vec![
        quote_of("na na na", None, None),
        quote_of("na na", Some("na"), Some("na")),
    ];
    let anchorer = Anchorer::new(text);
    let many = Many::new(&anchorer, quotes.len(), |k| parts(&quotes[k]));
    let Placement::Ambiguous(places, 3) = many.placement(0) else {
        panic!("three places");
    };
    let starts: Vec<usize> = places.iter().map(|r| r.start).collect();
    assert_eq!(starts, [0, 4, 7]);
    assert_eq!(
        places[0],
        0..9,
        "the quote's end is the text's, runs and all"
    );
    assert_places_like_the_scan(text, &quotes);
}

#[test]
fn quotes_across_long_runs_are_compared_in_the_window_of_the_squeezed_text() {
    // Each space of a quote meets a run of 3,000 bytes: checked on the squeezed text, as
    // many bytes as the quote has, not the runs'.
    let text = format!("b{}", format!("a{}\n", " ".repeat(3000)).repeat(40));
    let quotes: Vec<Quote> = (0..60)
        .map(|i| {
            let words = |n: usize| vec!["a"; n].join(" ");
            let prefix = (i % 2 == 1).then(|| format!("b {}", words(i % 5)));
            (words(1 + i % 7), prefix, (i % 3 == 0).then(|| words(2)))
        })
        .collect();
    assert_places_like_the_scan(&text, &quotes);
}
