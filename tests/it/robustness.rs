//! Hostile input, end to end: queries, every command on every hostile corpus, random input.
//! Every case checks the exact message (file, line and column where there is one) and the
//! exit status, and that nothing panics; corpora are built in temporary directories from
//! tests/fixtures/cli/good (helpers in tests/it/common/hostile.rs). docs/robustness.md lists
//! what these tests found.

use std::fs;
use std::os::unix::fs::symlink;
use std::process::Command;

use crate::common::hostile::*;
use crate::common::marked::marked;
use crate::common::{Corpus, run};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

// ---------------------------------------------------------------------------------------
// Hostile queries.

#[test]
fn hostile_search_queries() {
    let corpus = Corpus::good();
    let search = |q: &str| sane_on(&corpus, "search", &[q]);
    // Only combining marks: nothing to search for.
    let out = search("\u{301}\u{323}\u{309}");
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (
            2,
            "",
            "briefing: empty query: give the words to find, e.g. briefing search 'pham minh chinh'\n"
        )
    );
    // 10,000 characters: no match, no trouble.
    let out = search(&"a".repeat(10_000));
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (1, "", "")
    );
    // ...and found where it stands.
    let long = "Phạm ".repeat(2_000);
    let corpus2 = Corpus::good().write_seed("long.txt", format!("x {long}\n").as_bytes());
    let out = sane_on(&corpus2, "search", &[long.trim()]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.starts_with("long.txt:1:3: x Phạm Phạm"),
        "{}",
        head(&out.stdout)
    );
    // Regular-expression characters are literal.
    let out = search("(FTA)");
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "id.txt:4:57: dan pemanfaatan efektif 17 perjanjian perdagangan bebas (FTA).\n\
             vi.txt:4:50: khai thác hiệu quả 17 hiệp định thương mại tự do (FTA) đã ký kết.\n"
        )
    );
    let out = search("FTA).");
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "id.txt:4:58: dan pemanfaatan efektif 17 perjanjian perdagangan bebas (FTA).\n"
        )
    );
    let out = search("8,3-8,5%");
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.stdout);
    for pattern in [
        ".*", "[a-z]+", "\\d", "^Thủ", "kết.$", "a|b", "(?i)pham", "\\", "*", "$",
    ] {
        let out = search(pattern);
        assert_eq!((out.code, out.stdout.as_str()), (1, ""), "{pattern:?}");
    }
    // A control character is a character like any other.
    let out = search("\u{1}");
    assert_eq!((out.code, out.stdout.as_str()), (1, ""));
}

#[test]
fn a_query_with_nul_cannot_reach_the_binary_and_the_engine_takes_it() {
    // The operating system refuses NUL in an argument, before briefing runs.
    let spawned = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .args(["search", "a\0b"])
        .output();
    assert!(spawned.is_err(), "{spawned:?}");
    // The engine, given one anyway (the reader's search box), neither panics nor fails.
    let searcher = briefing::engine::search::Searcher::new("a\0b").expect("a query");
    let (text, hits) = marked("x[a\0b] a b");
    assert_eq!(searcher.find_in(&text), hits);
    assert_eq!(searcher.find_in("xa\0b a b"), vec![1..4]);
    assert!(briefing::engine::search::Searcher::new("\0").is_some());
}

// ---------------------------------------------------------------------------------------
// Every command on every hostile corpus.

/// The good corpus with its brief replaced by raw bytes.
fn brief_bytes(bytes: &[u8]) -> Corpus {
    let corpus = Corpus::good();
    fs::write(corpus.root().join("briefs/conference.yaml"), bytes).expect("write");
    corpus
}

fn hostile_corpora() -> Vec<(&'static str, Corpus)> {
    let mut all = vec![
        ("png", Corpus::good().write_seed("x.txt", PNG)),
        ("nul", Corpus::good().write_seed("x.txt", b"a\0b")),
        (
            "latin1",
            Corpus::good().write_seed("x.txt", b"H\xe0 N\xf4i"),
        ),
        (
            "utf16le",
            Corpus::good().write_seed("vi.txt", &utf16(VI, false)),
        ),
        (
            "utf16be",
            Corpus::good().write_seed("vi.txt", &utf16(VI, true)),
        ),
        ("bom", Corpus::good().write_seed("vi.txt", &with_bom(VI))),
        (
            "crlf",
            Corpus::good().write_seed("vi.txt", VI.replace('\n', "\r\n").as_bytes()),
        ),
        (
            "cr",
            Corpus::good().write_seed("vi.txt", VI.replace('\n', "\r").as_bytes()),
        ),
        (
            "nfd",
            Corpus::good().write_seed("vi.txt", VI.nfd().collect::<String>().as_bytes()),
        ),
        ("empty seed", Corpus::good().write_seed("vi.txt", b"")),
        ("bomb", Corpus::good().write_brief("bomb.yaml", &bomb())),
        (
            "empty brief",
            Corpus::good().write_brief("conference.yaml", ""),
        ),
        (
            "comments",
            Corpus::good().write_brief("conference.yaml", "# nothing\n"),
        ),
        (
            "null brief",
            Corpus::good().write_brief("conference.yaml", "~\n"),
        ),
        (
            "no documents",
            Corpus::good().write_brief("x.yaml", "title: x\ndocuments: []\n"),
        ),
        (
            "brief bom",
            Corpus::good().write_brief(
                "conference.yaml",
                &String::from_utf8(with_bom(BRIEF)).unwrap_or_default(),
            ),
        ),
        ("brief binary", brief_bytes(PNG)),
        (
            "brief latin1",
            brief_bytes(
                &[
                    &b"title: Econ\xe9mic\n"[..],
                    BRIEF
                        .split_once('\n')
                        .map_or("", |(_, rest)| rest)
                        .as_bytes(),
                ]
                .concat(),
            ),
        ),
        ("misspelt", Corpus::good().edit_brief("quotes:", "qoutes:")),
        (
            "undeclared doc",
            Corpus::good().edit_brief("doc: id-vna", "doc: nope"),
        ),
    ];
    let c = Corpus::good();
    symlink("..", c.root().join("seeds/loop")).expect("symlink");
    symlink("/nonexistent", c.root().join("seeds/x.txt")).expect("symlink");
    fs::create_dir(c.root().join("briefs/x.yaml")).expect("mkdir");
    all.push(("links", c));
    let c = Corpus::good();
    fs::remove_dir_all(c.root().join("briefs")).expect("rm");
    fs::write(c.root().join("briefs"), "file").expect("write");
    all.push(("briefs is a file", c));
    let c = Corpus::good();
    fs::remove_dir_all(c.root().join("briefs")).expect("rm");
    all.push(("no briefs", c));
    all.push(("seeds is a file", Corpus::seeds_is_a_file()));
    all.push(("empty seeds", Corpus::empty()));
    all
}

#[test]
fn every_command_on_every_hostile_corpus_never_panics() {
    for (name, corpus) in hostile_corpora() {
        let out_file = shown(&corpus, "out.html");
        let p = corpus.path();
        let commands: Vec<Vec<&str>> = vec![
            vec!["check"],
            vec!["check", "--strict"],
            vec!["print"],
            vec!["print", "--format", "markdown", "--width", "20"],
            vec!["print", "--format", "html", "-o", &out_file],
            vec!["print", "--format", "json", "--brief", "conference"],
            vec!["print", "--topic", "fta"],
            vec!["search", "pham minh chinh"],
            vec!["search", "đồng"],
            vec![], // the reader: refuses without a terminal
        ];
        for command in commands {
            let mut args = command.clone();
            args.extend(["--corpus", p]);
            let out = run(&args);
            assert_sane(&out, &format!("{name}: {args:?}"));
            if command.is_empty() {
                assert_eq!(out.code, 2, "{name}: the reader needs a terminal");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Random input through the binary.

/// Seed bytes: raw noise, or the good seed cut, spliced and salted with awkward bytes.
fn seed_bytes() -> impl Strategy<Value = Vec<u8>> {
    let awkward = prop::sample::select(vec![
        &b"\0"[..],
        b"\r",
        b"\r\n",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xE9",
        b"\xC3",
        b"\xCC\x81",
        b"\xE2\x80\x8B",
        b"\n\n",
        b"\t",
        "ạ".as_bytes(),
        "Đ".as_bytes(),
    ]);
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..2000),
        (
            0..VI.len(),
            0..VI.len(),
            prop::collection::vec((0..VI.len(), awkward), 0..8)
        )
            .prop_map(|(a, b, salt)| {
                let mut bytes = VI.as_bytes()[a.min(b)..a.max(b)].to_vec();
                for (at, s) in salt {
                    let at = at.min(bytes.len());
                    bytes.splice(at..at, s.iter().copied());
                }
                bytes
            }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn check_and_search_survive_random_seeds(vi in seed_bytes(), extra in seed_bytes(), query in "\\PC{0,12}") {
        let corpus = Corpus::good().write_seed("vi.txt", &vi).write_seed("extra.txt", &extra);
        for args in [
            vec!["check", "--corpus", corpus.path()],
            vec!["search", "--corpus", corpus.path(), "tăng"],
            vec!["search", "--corpus", corpus.path(), &query],
        ] {
            let out = run(&args);
            prop_assert!((0..=2).contains(&out.code), "{args:?}: {out:?}");
            prop_assert!(!out.stderr.contains("panicked") && !out.stderr.contains("RUST_BACKTRACE"), "{out:?}");
        }
    }

    #[test]
    fn check_survives_random_briefs(cut in 0..BRIEF.len(), len in 0usize..40, noise in prop::collection::vec(any::<u8>(), 0..40)) {
        let bytes = BRIEF.as_bytes();
        let cut = cut.min(bytes.len());
        let end = (cut + len).min(bytes.len());
        let mutated = [&bytes[..cut], &noise[..], &bytes[end..]].concat();
        let corpus = Corpus::good();
        fs::write(corpus.root().join("briefs/conference.yaml"), &mutated).expect("write");
        let out = corpus.run("check", &[]);
        prop_assert!((0..=2).contains(&out.code), "{out:?}");
        prop_assert!(!out.stderr.contains("panicked") && !out.stdout.contains("panicked"), "{out:?}");
    }
}
