//! Briefs first against documents first: the same corpus (findings, counts, anchors,
//! texts) on every kind of corpus, with the texts kept or, for `check`, let go.

use super::*;
use crate::engine::check::Summary;
use crate::engine::corpus::Corpus;
use crate::engine::source::SourceFile;

/// The corpus a documents-first load makes of `listing`.
fn load_listing(listing: Listing, last_good: Option<&mut LastGood>) -> Corpus {
    Corpus::new(documents_first(listing, last_good, Keep::Texts).0)
}

/// A corpus of in-memory files: seeds, then briefs, each (name, text).
fn listing(seeds: &[(&str, &[u8])], briefs: &[(&str, &str)]) -> Listing {
    Listing {
        root: None,
        seeds: seeds
            .iter()
            .map(|(name, bytes)| {
                SourceFile::in_memory(*name, format!("seeds/{name}"), bytes.to_vec())
            })
            .collect(),
        briefs: briefs
            .iter()
            .map(|(name, text)| {
                SourceFile::in_memory(*name, format!("briefs/{name}"), text.as_bytes().to_vec())
            })
            .collect(),
        findings: Vec::new(),
    }
}

fn said(findings: &[crate::engine::finding::Finding]) -> Vec<String> {
    findings.iter().map(ToString::to_string).collect()
}

fn anchors(parts: &CorpusParts) -> Vec<String> {
    parts
        .annotations
        .iter()
        .flat_map(|a| a.quotes.iter().map(|q| format!("{:?}", q.anchor)))
        .collect()
}

/// Each document's file and text, read again where it is stored.
fn texts(parts: &CorpusParts) -> Vec<(String, String)> {
    parts
        .documents
        .iter()
        .map(|d| {
            let text = d.read_text().expect("a text held or stored");
            (d.file.clone(), text.as_str().to_string())
        })
        .collect()
}

/// Loads `listing` briefs first, keeping the texts, storing them and letting them go,
/// and asserts the corpus of a documents-first load; says which order the loads took.
fn same_as_whole(listing: Listing) -> Order {
    let whole = load_listing(listing.clone(), None);
    let mut orders = Vec::new();
    for keep in [Keep::Texts, Keep::Stored, Keep::Nothing] {
        let (parts, _, order) = load_ordered(listing.clone(), None, keep);
        assert_eq!(said(&parts.findings), said(whole.findings()));
        assert_eq!(Summary::of_parts(&parts), Summary::of(&whole));
        assert_eq!(anchors(&parts), anchors(whole.parts()));
        let kept = |f: fn(&DocText) -> bool| parts.documents.iter().all(|d| f(&d.text));
        match keep {
            Keep::Texts => {
                assert!(kept(|t| matches!(t, DocText::Held(_))));
                assert_eq!(texts(&parts), texts(whole.parts()));
            }
            Keep::Stored => {
                assert!(kept(|t| matches!(t, DocText::Stored(_))));
                assert_eq!(texts(&parts), texts(whole.parts()));
                let lens: Vec<usize> = parts.documents.iter().map(|d| d.text.len()).collect();
                let held: Vec<usize> = whole.documents().iter().map(|d| d.text.len()).collect();
                assert_eq!(lens, held);
            }
            Keep::Nothing => assert!(kept(|t| matches!(t, DocText::Gone))),
        }
        orders.push(order);
    }
    assert!(orders.iter().all(|o| *o == orders[0]), "{orders:?}");
    orders[0]
}

const SEED_A: &str = "Thủ tướng Phạm Minh Chính chủ trì hội nghị.\nTăng trưởng GDP đạt 8,3%.\nTăng trưởng GDP đạt 8,3%.\nXuất khẩu tăng mạnh trong quý ba.\n";
const SEED_B: &str = "Perdana Menteri Pham Minh Chinh memimpin rapat.\nPertumbuhan PDB 8,3%.\n";

fn brief(quotes: &str) -> String {
    format!(
        "title: B\ndate: 2025-07-01\ndocuments:\n  - id: a\n    file: a.txt\n    lang: vi\n    parallel: b\n  - id: b\n    file: b.txt\n    lang: id\n  - id: gone\n    file: gone.txt\ntopics:\n  - id: t\n    title: T\nthemes:\n  - topics: [t, nope]\n    quotes:\n{quotes}"
    )
}

const EVERY_KIND: &str = "      - doc: a\n        text: Phạm Minh Chính\n      - doc: a\n        text: Tăng trưởng GDP đạt 8,3%\n      - doc: a\n        text: Tăng trưởng GDP đạt 8,3%\n        suffix: \"\\nXuất\"\n      - doc: a\n        text: Xuất khẩu tăng mạnh trong quý bốn\n      - doc: a\n        text: hoàn toàn khác biệt zzz\n      - doc: b\n        text: \"\"\n      - doc: b\n        text: Pham Minh Chinh\n      - doc: c\n        text: anything\n      - doc: gone\n        text: anything\n";

#[test]
fn every_kind_of_finding_is_the_same_with_the_texts_let_go() {
    let corpus = listing(
        &[
            ("a.txt", SEED_A.as_bytes()),
            ("b.txt", SEED_B.as_bytes()),
            ("uncovered.txt", b"Nobody declares this.\n"),
        ],
        &[
            ("b.yaml", &brief(EVERY_KIND)),
            ("broken.yaml", "title: [unclosed\n"),
            ("empty.yaml", "# nothing\n"),
        ],
    );
    let said: Vec<String> = load_listing(corpus.clone(), None)
        .findings()
        .iter()
        .map(ToString::to_string)
        .collect();
    for kind in [
        "quote not found in a (a.txt)",
        "nearest text",
        "quote matches 2 places",
        "empty quote",
        "unknown document `c`",
        "no document `gone.txt`",
        "undefined topic `nope`",
        "empty brief",
    ] {
        assert!(said.iter().any(|f| f.contains(kind)), "{kind}: {said:#?}");
    }
    assert_eq!(same_as_whole(corpus), Order::BriefsFirst);
}

#[test]
fn decomposed_and_crlf_texts_are_placed_as_a_whole_load_places_them() {
    let nfd = "Vie\u{0323}\u{0302}t Nam tăng trưởng\r\nxuất khẩu\r\n";
    let quotes =
        "      - doc: a\n        text: Việt Nam\n      - doc: a\n        text: xuất khẩu\n";
    let corpus = listing(
        &[("a.txt", nfd.as_bytes()), ("b.txt", SEED_B.as_bytes())],
        &[("b.yaml", &brief(quotes))],
    );
    assert_eq!(same_as_whole(corpus), Order::BriefsFirst);
}

#[test]
fn a_document_with_many_quotes_is_indexed_and_placed_the_same() {
    let text: String = (0..600)
        .map(|i| format!("Câu số {i} nói về kinh tế.\n"))
        .collect();
    let quotes: String = (0..600)
        .map(|i| format!("      - doc: a\n        text: \"Câu số {i} nói\"\n"))
        .chain(["      - doc: a\n        text: nói về kinh tế\n".to_string()])
        .collect();
    let corpus = listing(
        &[("a.txt", text.as_bytes()), ("b.txt", SEED_B.as_bytes())],
        &[("b.yaml", &brief(&quotes))],
    );
    assert_eq!(same_as_whole(corpus), Order::BriefsFirst);
}

#[test]
fn an_undecodable_document_loads_the_corpus_whole() {
    let quotes =
        "      - doc: a\n        text: Phạm Minh Chính\n      - doc: b\n        text: Pham\n";
    for bad in [
        &b"bad \xff byte\n"[..],
        b"\xff\xfeU\x00T\x00F\x00",
        b"nul \x00 byte\n",
    ] {
        let corpus = listing(
            &[("a.txt", SEED_A.as_bytes()), ("b.txt", bad)],
            &[("b.yaml", &brief(quotes))],
        );
        assert_eq!(same_as_whole(corpus), Order::DocumentsFirstAgain);
    }
}

#[test]
fn pins_hold_the_texts() {
    let pins = format!(
        "{}pins:\n  - quotes:\n      - doc: a\n        text: Thủ tướng Phạm\n      - doc: b\n        text: Perdana Menteri\n  - quotes:\n      - doc: a\n        text: not there at all\n      - doc: b\n        text: Pertumbuhan\n",
        brief("      - doc: a\n        text: Phạm Minh Chính\n")
    );
    let corpus = listing(
        &[("a.txt", SEED_A.as_bytes()), ("b.txt", SEED_B.as_bytes())],
        &[("b.yaml", &pins)],
    );
    assert_eq!(same_as_whole(corpus), Order::DocumentsFirstForPins);
}

#[test]
fn a_corpus_without_briefs_or_seeds_is_the_same() {
    assert_eq!(same_as_whole(listing(&[], &[])), Order::BriefsFirst);
    let seeds_only = listing(&[("a.txt", SEED_A.as_bytes())], &[]);
    let whole = load_listing(seeds_only.clone(), None);
    assert!(whole.findings()[0].to_string().contains("no brief covers"));
    assert_eq!(same_as_whole(seeds_only), Order::BriefsFirst);
    let briefs_only = listing(&[], &[("b.yaml", &brief(EVERY_KIND))]);
    assert_eq!(same_as_whole(briefs_only), Order::BriefsFirst);
}

#[test]
fn a_reload_in_either_order_gives_the_corpus_of_a_fresh_load() {
    let quotes = "      - doc: a\n        text: Phạm Minh Chính\n      - doc: b\n        text: Pham Minh Chinh\n";
    let pins = format!(
        "{}pins:\n  - quotes:\n      - doc: a\n        text: Thủ tướng Phạm\n      - doc: b\n        text: Perdana Menteri\n",
        brief(quotes)
    );
    let good = brief(quotes);
    let steps: [(&[u8], &str, Order); 5] = [
        (SEED_B.as_bytes(), &good, Order::BriefsFirst),
        (b"bad \xff byte\n", &good, Order::DocumentsFirstAgain),
        (SEED_B.as_bytes(), &pins, Order::DocumentsFirstForPins),
        (
            b"Perdana Menteri Pham Minh Chinh.\n",
            &good,
            Order::BriefsFirst,
        ),
        (SEED_B.as_bytes(), &good, Order::BriefsFirst),
    ];
    let mut kept = LastGood::default();
    for (b, brief, expected) in steps {
        let corpus = || {
            listing(
                &[("a.txt", SEED_A.as_bytes()), ("b.txt", b)],
                &[("b.yaml", brief)],
            )
        };
        let (parts, _, order) = load_ordered(corpus(), Some(&mut kept), Keep::Stored);
        assert_eq!(order, expected);
        let fresh = load_listing(corpus(), None);
        assert_eq!(said(&parts.findings), said(fresh.findings()));
        assert_eq!(texts(&parts), texts(fresh.parts()));
        assert_eq!(anchors(&parts), anchors(fresh.parts()));
    }
}
