//! Hostile input, end to end: YAML bombs, deep nesting, a 10 MB line, long quotes.
//! Every case checks the exact message (file, line and column where there is one) and the
//! exit status, and that nothing panics; corpora are built in temporary directories from
//! tests/fixtures/cli/good (helpers in tests/it/common/hostile.rs). docs/robustness.md lists
//! what these tests found.

use crate::common::{assert_contains, assert_ends, assert_starts};
use std::time::Duration;

use crate::common::hostile::*;
use crate::common::{Corpus, Output};

// ---------------------------------------------------------------------------------------
// YAML bombs and deep nesting (the test harness would time out if any of these hung).

#[test]
fn alias_bombs_and_deep_nesting_are_reported_by_every_command() {
    let n = 5000;
    let deep_seq = format!("title: {}{}\ndocuments: []\n", "[".repeat(n), "]".repeat(n));
    let deep_map = format!(
        "title: {}x{}\ndocuments: []\n",
        "{a: ".repeat(n),
        "}".repeat(n)
    );
    let deep_topics = format!(
        "title: T\ndocuments:\n  - id: vi-gov\nfigures:\n  - label: l\n    value: v\n    topics: {}{}\n    quotes: []\n",
        "[".repeat(n),
        "]".repeat(n)
    );
    let unclosed = format!("title: {}\ndocuments: []\n", "[".repeat(n));
    let corpus = Corpus::good()
        .write_brief("bomb.yaml", &bomb())
        .write_brief("deep_seq.yaml", &deep_seq)
        .write_brief("deep_map.yaml", &deep_map)
        .write_brief("deep_topics.yaml", &deep_topics)
        .write_brief("unclosed.yaml", &unclosed);
    let out = check(&corpus);
    assert_eq!(out.code, 1, "{out:?}");
    let b = |name: &str| shown(&corpus, &format!("briefs/{name}"));
    let not_text = "expected text (a string, number or date), not a list or a mapping";
    for line in [
        format!(
            "{}:1:8: error: title: invalid type: list, {not_text}",
            b("bomb.yaml")
        ),
        format!(
            "{}:1:8: error: title: invalid type: list, {not_text}",
            b("deep_seq.yaml")
        ),
        format!(
            "{}:1:8: error: title: invalid type: mapping, {not_text}",
            b("deep_map.yaml")
        ),
        format!(
            "{}:7:14: error: figures[0].topics[0]: invalid type: list, {not_text}",
            b("deep_topics.yaml")
        ),
    ] {
        assert!(
            out.stdout.contains(&format!("{line}\n    {HINT}\n")),
            "{line}\n{}",
            out.stdout
        );
    }
    assert_contains(&out.stdout, &format!("{}:", b("unclosed.yaml")));
    assert_ends(
        &out.stdout,
        "2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 5 errors, 0 warnings\n",
    );
    // The other commands load the same briefs and finish too.
    for format in ["text", "markdown", "html", "json"] {
        let out = sane_on(&corpus, "print", &["--format", format]);
        assert_eq!(out.code, 0, "{format}: {out:?}");
        assert_contains(&out.stderr, "the corpus has 5 error(s)");
    }
    search_finds_pham(&corpus);
}

// ---------------------------------------------------------------------------------------
// A 10 MB document on one line.

#[test]
fn a_ten_megabyte_single_line_document_checks_searches_and_anchors() {
    let unit = "Kinh tế tăng trưởng ổn định trong quý. ";
    let half = unit.repeat(130_000);
    let text = format!("{half}Hiệp định CPTPP được ký kết. {half}");
    assert!(text.len() > 10_000_000);
    let brief = "title: Big\ndocuments:\n  - id: big\n    file: big.txt\n    lang: vi\ntopics:\n  - id: cptpp\n    title: CPTPP\nfigures:\n  - label: signed\n    value: \"1\"\n    topics: cptpp\n    quotes:\n      - doc: big\n        text: \"Hiệp định CPTPP được ký kết\"\n";
    let corpus = Corpus::good()
        .write_seed("big.txt", text.as_bytes())
        .write_brief("big.yaml", brief);
    let out = sane_on(&corpus, "check", &["--strict"]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "3 documents, 2 briefs, 3 topics, 3 figures, 1 theme: 0 errors, 0 warnings\n"
        )
    );
    let column = half.chars().count() + 1;
    let json = json(&corpus);
    assert!(
        json.contains(&format!(
            "\"line\": 1,\n              \"column\": {column},"
        )),
        "column {column} not in the JSON"
    );
    let out = sane_on(&corpus, "search", &["cptpp"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // A line longer than 2,000 bytes is shown as the 800 bytes around the match.
    let prefix = format!("big.txt:1:{}: …", column + "Hiệp định ".chars().count());
    assert!(out.stdout.starts_with(&prefix), "{}", head(&out.stdout));
    assert_ends(&out.stdout, "…\n");
    assert_contains(&out.stdout, " Hiệp định CPTPP được ký kết. ");
    assert_eq!(out.stdout.lines().count(), 1);
    assert!(
        out.stdout.len() < prefix.len() + 800 + 2 * "…".len() + 8,
        "{}",
        out.stdout.len()
    );
    // A quote that is not there: the nearest text on the long line.
    let corpus = Corpus::good()
        .write_seed("big.txt", text.as_bytes())
        .write_brief("big.yaml", &brief.replace("CPTPP được", "RCEP được"));
    check_fails_at(
        &corpus,
        "briefs/big.yaml",
        ":15:15: error: quote not found in big (big.txt): \"Hiệp định RCEP được ký kết\"\n    nearest text: \"Hiệp định CPTPP được ký kết\" at line 1\n",
    );
}

#[test]
fn ambiguous_quote_on_one_long_line_names_distinct_places() {
    let text = "Kinh tế tăng trưởng ổn định trong quý. ".repeat(1000);
    let brief = "title: Big\ndocuments:\n  - id: big\n    file: big.txt\ntopics:\n  - id: t\n    title: T\nthemes:\n  - topics: t\n    quotes:\n      - doc: big\n        text: \"Kinh tế\"\n";
    let corpus = Corpus::good()
        .write_seed("big.txt", text.as_bytes())
        .write_brief("big.yaml", brief);
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    let line = out.stdout.lines().next().unwrap_or_default();
    assert_eq!(
        line,
        format!(
            "{}:12:15: error: quote matches 1000 places in big (big.txt) (at 1:1, 1:40, 1:79, 1:118, 1:157, 1:196, 1:235, 1:274, 1:313, 1:352, …); add prefix: or suffix:",
            shown(&corpus, "briefs/big.yaml")
        )
    );
}

#[test]
fn search_output_stays_proportionate_on_a_long_line() {
    // 100 KB on one line with 1,000 matches: 100 MB of output before the fix (the whole
    // line once per match).
    let text = format!("cptpp {}", "x".repeat(94)).repeat(1000);
    let corpus = Corpus::good().write_seed("long.txt", text.as_bytes());
    let out = run_bounded(
        &["search", "--corpus", corpus.path(), "cptpp"],
        Duration::from_secs(60),
    )
    .expect("search finishes");
    assert_eq!(out.code, 0);
    assert_eq!(out.stdout.lines().count(), 1000);
    assert!(
        out.stdout.len() < 2_000_000,
        "{} bytes of output for a 100 KB file; cut long lines around the match",
        out.stdout.len()
    );
}

/// `check`, within a minute, on the good corpus with a long seed (long.txt, one sentence
/// 5,000 times) and `brief` as long.yaml; it must fail (exit 1).
fn check_long_seed_with(brief: &str) -> (Corpus, Output) {
    let text = "Kinh tế tăng trưởng ổn định trong quý. ".repeat(5000);
    let corpus = Corpus::good()
        .write_seed("long.txt", text.as_bytes())
        .write_brief("long.yaml", brief);
    let out =
        run_bounded(&corpus.args("check", &[]), Duration::from_secs(60)).expect("check answers");
    assert_eq!(out.code, 1);
    (corpus, out)
}

#[test]
fn a_long_quote_that_is_not_found_does_not_hang_check() {
    // Before the fix the nearest-text search was quadratic in the quote's length: a
    // 3,900-character quote took 27 s here (debug build), this 19,500-character one ~11 min.
    let quote = "kinh tế tăng trưởng ổn định trong năm. ".repeat(500);
    let brief = format!(
        "title: Long\ndocuments:\n  - id: long\n    file: long.txt\ntopics:\n  - id: t\n    title: T\nthemes:\n  - topics: t\n    quotes:\n      - doc: long\n        text: \"{}\"\n",
        quote.trim()
    );
    let (corpus, out) = check_long_seed_with(&brief);
    assert_starts(
        &out.stdout,
        &format!(
            "{}:12:15: error: quote not found in long (long.txt): \"kinh tế tăng trưởng ổn định trong năm. kinh tế tăng trưởng ổn định trong năm.…\"\n    nearest text to its start: \"Kinh tế tăng trưởng ổn định trong quý. Kinh tế tăng trưởng ổn định trong quý.…\" at line 1\n",
            shown(&corpus, "briefs/long.yaml")
        ),
    );
}

#[test]
fn an_aliased_quote_is_looked_up_once_not_once_per_alias() {
    // A 1.2 KB brief that names one 311-character quote 410 times through YAML aliases:
    // 73 s before the fix (debug build).
    let quote = "kinh tế tăng trưởng ổn định trong năm. ".repeat(8);
    let mut brief = format!(
        "title: Long\ndocuments:\n  - id: long\n    file: long.txt\ntopics:\n  - id: t\n    title: T\nthemes:\n  - topics: t\n    quotes: &q\n      - doc: long\n        text: &l \"{}\"\n",
        quote.trim()
    );
    for _ in 1..10 {
        brief.push_str("      - doc: long\n        text: *l\n");
    }
    for _ in 0..40 {
        brief.push_str("  - topics: t\n    quotes: *q\n");
    }
    let (_corpus, out) = check_long_seed_with(&brief);
    assert_ends(
        &out.stdout,
        "3 documents, 2 briefs, 3 topics, 2 figures, 42 themes: 410 errors, 0 warnings\n",
    );
}
