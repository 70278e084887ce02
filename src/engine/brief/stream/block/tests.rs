//! The block reader against saphyr-parser: wherever it reads a text to its end, it gives
//! saphyr-parser's events, and it reads the briefs curators write.

use proptest::prelude::*;
use saphyr_parser::Parser;

use super::Block;
use crate::engine::brief::stream::tests::{styled, text};

/// The events of `source` by the block reader, to the end, or `None` where it gives up.
fn block_events(source: &str) -> Option<Vec<String>> {
    let mut block = Block::new(source)?;
    let mut events = Vec::new();
    loop {
        let event = block.next_event()?;
        let end = matches!(event, saphyr_parser::Event::StreamEnd);
        events.push(format!("{event:?}"));
        if end {
            return Some(events);
        }
    }
}

/// The events of `source` by saphyr-parser, to the end, or `None` on an error.
fn saphyr_events(source: &str) -> Option<Vec<String>> {
    let mut events = Vec::new();
    for next in Parser::new_from_str(source) {
        events.push(format!("{:?}", next.ok()?.0));
    }
    Some(events)
}

fn agree(source: &str) -> Result<bool, TestCaseError> {
    match block_events(source) {
        Some(block) => {
            prop_assert_eq!(Some(block), saphyr_events(source), "{:?}", source);
            Ok(true)
        }
        None => Ok(false),
    }
}

/// A brief in block style with values of every kind on their line, in one of the three
/// one-line styles or a block scalar (which the block reader leaves to saphyr-parser).
fn block_brief() -> impl Strategy<Value = String> {
    let quote = (text(), text(), any::<u8>(), any::<bool>());
    let figure = (
        text(),
        text(),
        prop::collection::vec("[a-z][a-z0-9_]{0,6}", 0..3),
        any::<u8>(),
        prop::collection::vec(quote, 0..3),
        0..3usize,
    );
    (
        text(),
        any::<u8>(),
        prop::collection::vec(figure, 0..4),
        any::<bool>(),
    )
        .prop_map(|(title, style, figures, at_key_indent)| {
            let mut y = format!("# a brief\ntitle: {}\n", styled(&title, style % 3, 0));
            let (dash, under) = if at_key_indent {
                ("- ", "  ")
            } else {
                ("  - ", "    ")
            };
            y += &format!("documents:\n{dash}id: a\n{under}file: a.txt\n\n{dash}id: b\n");
            y += "figures:\n";
            for (label, value, topics, style, quotes, shape) in figures {
                y += &format!("{dash}label: {}\n", styled(&label, style, 4));
                y += &format!("{under}value: {}   \n", styled(&value, style / 5, 4));
                match shape {
                    0 => y += &format!("{under}topics: [{}]\n", topics.join(", ")),
                    1 => {
                        y += &format!("{under}topics:\n");
                        for t in &topics {
                            y += &format!("{under}  - {t}\n");
                        }
                    }
                    _ => y += &format!("{under}topics:\n{under}# none\n"),
                }
                y += &format!("{under}quotes:\n");
                for (doc, text, s, prefix) in quotes {
                    y += &format!("{under}  -   doc: {}\n", styled(&doc, s % 3, 8));
                    y += &format!("{under}      text: {}\n", styled(&text, s / 3, 8));
                    if prefix {
                        y += &format!("{under}      prefix:\n");
                    }
                }
            }
            y
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn generated_block_briefs_give_saphyrs_events(source in block_brief()) {
        agree(&source)?;
    }

    /// Text made of YAML's structural characters, at random: whatever the block reader
    /// reads to its end, saphyr-parser reads into the same events.
    #[test]
    fn random_text_gives_saphyrs_events_or_none(
        source in "(  |- |-|: |:|#| #|\n|a|b1|\"|'|\\[|\\]|, |~|\\\\|é|\u{85}|\u{a0}|\t|\r)*"
    ) {
        agree(&source)?;
    }

    #[test]
    fn random_lines_of_keys_and_items_give_saphyrs_events_or_none(
        lines in prop::collection::vec(
            ("[ ]{0,6}", prop::sample::select(vec!["- ", "", "-  "]), "[a-c]{0,2}", prop::sample::select(vec![": ", ":", ": x", ": [a, b]", ": 'q'", ": \"q\"", "", ": -1", ": - x"])),
            0..12,
        )
    ) {
        let source: String = lines
            .iter()
            .map(|(indent, dash, key, value)| format!("{indent}{dash}{key}{value}\n"))
            .collect();
        agree(&source)?;
    }
}

/// It is the path taken on the briefs written by hand here and on generated corpora.
#[test]
fn it_reads_the_built_in_briefs_and_generated_ones() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    let mut taken = Vec::new();
    let mut briefs = 0;
    for entry in std::fs::read_dir(dir).expect("briefs/") {
        briefs += 1;
        let path = entry.expect("an entry").path();
        let source = std::fs::read_to_string(&path).expect("a brief");
        if let Some(events) = block_events(&source) {
            assert_eq!(Some(events), saphyr_events(&source), "{}", path.display());
            taken.push(path);
        }
    }
    assert_eq!(taken.len(), briefs, "{taken:?}");
    let generated = "title: Synthetic brief 0\ndate: 2025-07-22\ndocuments:\n  - id: d0\n    file: doc_00000.txt\n    lang: id\ntopics:\n  - id: t0\n    title: Topic 0\nfigures:\n  - label: Figure 0.0\n    value: \"0\"\n    topics: [t0]\n    quotes:\n      - doc: d0\n        text: \"Komite Pengarah mengedepankan semangat\"\nthemes:\n  - topics: [t0]\n    note: x\n    quotes:\n      - doc: d0\n        text: \"càng đồng bộ, toàn diện; nội dung\"\n";
    assert!(agree(generated).expect("agrees"), "a generated brief");
    let escaped = "title: \"the \\\"four pillars\\\" \\\\ x\"\nsummary: 'the text''s wording'\n";
    assert!(agree(escaped).expect("agrees"), "{escaped}");
}

#[test]
fn what_it_leaves_to_saphyr() {
    for (what, source) in [
        ("a tab", "title: a\tb\n"),
        ("a carriage return", "title: T\r\n"),
        ("an escape", "title: \"a\\nb\"\n"),
        ("a quote inside", "title: 'it's'\n"),
        ("a value on two lines", "title: a\n  b\n"),
        ("a blank line in a folded scalar", "title: >\n  a\n\n  b\n"),
        ("a more indented line", "title: |\n  a\n    b\n"),
        ("kept line breaks", "title: >+\n  a\n"),
        ("an indentation indicator", "title: >2\n  a\n"),
        ("a scalar at the end without a line break", "title: >\n  a"),
        ("a flow mapping", "documents:\n  - {id: a}\n"),
        ("an anchor", "title: &t T\n"),
        ("a comment after a value", "title: T # c\n"),
        ("a document marker", "---\ntitle: T\n"),
        ("a C1 control", "title: a\u{85}b\n"),
        ("a byte order mark", "\u{feff}title: T\n"),
        ("nothing", "# only a comment\n"),
        ("a list at the top", "- a\n"),
        ("a key that is not a word", "tít: T\n"),
    ] {
        assert_eq!(block_events(source), None, "{what}");
    }
}

/// Of generated block briefs (values in all five styles, some with what it leaves), it
/// reads most: the comparison with saphyr-parser above is not vacuous.
#[test]
fn it_reads_most_generated_block_briefs() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRng, TestRunner};
    let rng = TestRng::deterministic_rng(Config::default().rng_algorithm);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let mut taken = 0;
    for _ in 0..500 {
        let source = block_brief()
            .new_tree(&mut runner)
            .expect("a brief")
            .current();
        taken += usize::from(agree(&source).expect("agrees"));
    }
    eprintln!("{taken} of 500 read by the block reader");
    assert!(taken >= 150, "{taken} of 500");
}

/// The characters it leaves are found wherever they stand, the others taken.
#[test]
fn every_character_it_leaves_is_found() {
    use super::plain_characters;
    for c in (0..0x3_0000u32).filter_map(char::from_u32) {
        let left = (c < ' ' && c != '\n')
            || ('\u{7F}'..='\u{9F}').contains(&c)
            || matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
            );
        for source in [format!("{c}"), format!("title: a{c}b\n"), format!("ạ{c}")] {
            assert_eq!(
                plain_characters(&source),
                !left,
                "U+{:04X} in {source:?}",
                c as u32
            );
        }
    }
}
