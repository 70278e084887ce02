//! The model of a brief's annotations as it is held (one topic and one quote in place, a
//! document id shared by its quotes): whatever the shape, it reads as the brief wrote it.

use briefing::engine::corpus::{Annotation, Quote};
use proptest::prelude::*;

use crate::common::{Corpus, brief_of};

/// One quote as written: document id, text, prefix, suffix.
type Written = (&'static str, String, Option<String>, Option<String>);

fn written() -> impl Strategy<Value = Written> {
    (
        prop::sample::select(vec!["a", "b", "nope"]),
        "[a-z]{0,3}( [a-z]{1,3}){0,2}",
        prop::option::of("[a-z]{1,3}"),
        prop::option::of("[a-z]{1,3}"),
    )
}

/// A theme: its topic ids and its quotes.
fn theme() -> impl Strategy<Value = (Vec<&'static str>, Vec<Written>)> {
    (
        prop::collection::vec(prop::sample::select(vec!["t", "u", "gone"]), 0..4),
        prop::collection::vec(written(), 0..4),
    )
}

fn yaml(themes: &[(Vec<&str>, Vec<Written>)]) -> String {
    let mut rest =
        String::from("topics:\n  - id: t\n    title: T\n  - id: u\n    title: U\nthemes:\n");
    for (topics, quotes) in themes {
        rest.push_str(&format!(
            "  - topics: [{}]\n    quotes:\n",
            topics.join(", ")
        ));
        if quotes.is_empty() {
            rest.push_str("      []\n");
        }
        for (doc, text, prefix, suffix) in quotes {
            rest.push_str(&format!("      - doc: {doc}\n        text: \"{text}\"\n"));
            for (key, value) in [("prefix", prefix), ("suffix", suffix)] {
                if let Some(value) = value {
                    rest.push_str(&format!("        {key}: \"{value}\"\n"));
                }
            }
        }
    }
    brief_of("B", &[("a.txt", "a", "vi"), ("b.txt", "b", "id")], &rest)
}

fn reads_as_written(quote: &Quote, (doc, text, prefix, suffix): &Written) -> bool {
    quote.doc_id == *doc
        && quote.text == *text
        && quote.prefix() == prefix.as_deref()
        && quote.suffix() == suffix.as_deref()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn every_annotation_reads_as_its_brief_wrote_it(
        themes in prop::collection::vec(theme(), 1..6),
    ) {
        let corpus = Corpus::new()
            .with("seeds/a.txt", "mot hai ba bon nam sau bay tam chin muoi")
            .with("seeds/b.txt", "satu dua tiga empat lima enam tujuh")
            .with("briefs/b.yaml", yaml(&themes));
        let corpus = corpus.load();
        let annotations: Vec<&Annotation> = corpus.annotations().iter().collect();
        prop_assert_eq!(annotations.len(), themes.len());
        for (a, (topics, quotes)) in annotations.iter().zip(&themes) {
            let mut known: Vec<&str> = Vec::new();
            for t in topics.iter().filter(|t| **t != "gone") {
                if !known.contains(t) {
                    known.push(t);
                }
            }
            let ids: Vec<&str> = a
                .topics
                .iter()
                .map(|&t| corpus.topics()[t].id.as_str())
                .collect();
            prop_assert_eq!(ids, known);
            prop_assert_eq!(a.quotes.len(), quotes.len());
            for (q, w) in a.quotes.iter().zip(quotes) {
                prop_assert!(reads_as_written(q, w), "{q:?} against {w:?}");
            }
        }
    }
}

#[test]
fn one_quote_with_one_topic_costs_no_allocation_beyond_its_texts() {
    use std::mem::size_of;
    // Its topic and its quote in place, a prefix, suffix or note left out in 8 bytes:
    // 136 bytes, where the lists and strings of before took 144 plus 160 and 32 of
    // their own, and 24 for each text.
    assert!(
        size_of::<Annotation>() <= 160,
        "{}",
        size_of::<Annotation>()
    );
    assert!(size_of::<Quote>() <= 96, "{}", size_of::<Quote>());
}
