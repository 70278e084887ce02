//! The binary end to end: exit statuses and the exact messages for good and bad corpora.

use crate::common::{Corpus, run, run_in};
use crate::common::{assert_contains, assert_ends, assert_starts};

#[test]
fn check_on_a_good_corpus_is_clean() {
    let corpus = Corpus::good();
    let out = run(&["check", "--strict", "--corpus", corpus.path()]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        out.stdout,
        "2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 0 errors, 0 warnings\n"
    );
}

#[test]
fn built_in_corpus_checks_strict_clean() {
    let out = run(&["check", "--strict"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
}

#[test]
fn check_works_from_any_directory_and_corpus_flag_goes_anywhere() {
    let corpus = Corpus::good();
    let out = run_in("/", &["--corpus", corpus.path(), "check"]);
    assert_eq!(out.code, 0, "{out:?}");
}

#[test]
fn quote_not_found_shows_the_nearest_text() {
    let corpus = Corpus::good().edit_brief(
        "tăng trưởng kinh tế từ 8,3-8,5% trong năm 2025",
        "tăng trưởng kinh tế từ 8.3-8.5% trong năm 2025",
    );
    let out = corpus.run("check", &[]);
    assert_eq!(out.code, 1);
    let brief = format!("{}/briefs/conference.yaml", corpus.path());
    assert_starts(
        &out.stdout,
        &format!(
            "{brief}:30:15: error: quote not found in vi-gov (vi.txt): \"tăng trưởng kinh tế từ 8.3-8.5% trong năm 2025\"\n    nearest text: \"tăng trưởng kinh tế từ 8,3-8,5% trong năm 2025\" at line 3\n"
        ),
    );
    assert_ends(&out.stdout, "1 error, 0 warnings\n");
}

#[test]
fn ambiguous_quote_lists_every_line() {
    let corpus = Corpus::good().edit_brief("        prefix: \"Nhập khẩu\"\n", "");
    corpus.check_fails_with(":38:15: error: quote matches 2 places in vi-gov (vi.txt) (at 6:11, 6:31); add prefix: or suffix:");
}

#[test]
fn misspelt_key_is_an_error_at_the_key() {
    let corpus = Corpus::good().edit_brief(
        "    quotes:\n      - doc: vi-gov\n        text: \"khai",
        "    qoutes:\n      - doc: vi-gov\n        text: \"khai",
    );
    corpus.check_fails_with("conference.yaml:43:5: error: themes[0]: unknown field `qoutes`, expected one of `topics`, `note`, `quotes`\n    check the spelling");
}

#[test]
fn malformed_yaml_is_located() {
    let corpus = Corpus::good().edit_brief("title: Economic", "title: [Economic");
    let out = corpus.run("check", &[]);
    assert_eq!(out.code, 1);
    let line = out.stdout.lines().next().unwrap_or_default();
    assert_contains(
        line,
        "conference.yaml:1:8: error: title: invalid type: list, expected text",
    );

    let corpus = Corpus::good().edit_brief("summary: Two", "summary: \"Two");
    let out = corpus.run("check", &[]);
    assert_eq!(out.code, 1);
    let line = out.stdout.lines().next().unwrap_or_default();
    // libyaml notices an unclosed quote where the next quote closes it.
    assert_contains(
        line,
        "conference.yaml:21:13: error: did not find expected key",
    );
    assert_contains(&out.stdout, "an unclosed quote or bracket above");
}

#[test]
fn undefined_topic_names_the_known_ones() {
    let corpus = Corpus::good().edit_brief("topics: growth", "topics: grwoth");
    corpus.check_fails_with(":35:13: error: undefined topic `grwoth`\n    define it under topics:, or use one of: fta, growth");
}

#[test]
fn missing_seed_file_is_reported_at_the_file_key() {
    let corpus = Corpus::good().edit_brief("file: id.txt", "file: missing.txt");
    let out = corpus.run("check", &[]);
    assert_eq!(out.code, 1);
    assert_contains(
        &out.stdout,
        ":11:11: error: no document `missing.txt` in seeds/",
    );
    // Its quotes cannot stand anywhere, and the seed is now uncovered.
    assert_contains(&out.stdout, "error: unknown document `id-vna`");
    assert_contains(
        &out.stdout,
        "seeds/id.txt: warning: no brief covers this document",
    );
}

#[test]
fn non_utf8_seed_names_file_line_and_column() {
    let corpus = Corpus::good().write_seed("latin1.txt", b"caf\xe9\n");
    corpus.check_fails_with("seeds/latin1.txt:1:4: error: not UTF-8: byte 0xE9 cannot start a character\n    save the file as UTF-8");
}

#[test]
fn document_bound_to_two_files_and_topic_titles_that_disagree() {
    let other = "title: Other\ndocuments:\n  - id: vi-gov\n    file: id.txt\ntopics:\n  - id: fta\n    title: Trade\n";
    let corpus = Corpus::good().write_brief("other.yaml", other);
    let out = corpus.run("check", &[]);
    assert_eq!(out.code, 1);
    assert_contains(
        &out.stdout,
        "other.yaml:4:11: error: document `vi-gov` is bound to two files: `vi.txt` and `id.txt`",
    );
    assert_contains(
        &out.stdout,
        "other.yaml:7:12: error: topic `fta` has another title elsewhere: \"Free trade agreements\"",
    );
}

#[test]
fn parallel_to_an_unknown_document() {
    let corpus = Corpus::good().edit_brief("parallel: id-vna", "parallel: id-xx");
    let out = corpus.run("check", &[]);
    assert_eq!(out.code, 1);
    assert_contains(
        &out.stdout,
        ":9:15: error: `parallel: id-xx` names an unknown document",
    );
}

#[test]
fn uncovered_seed_is_a_warning_that_fails_only_strict() {
    let corpus = Corpus::good().write_seed("extra.txt", "Một văn bản khác.\n".as_bytes());
    let out = corpus.run("check", &[]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_contains(
        &out.stdout,
        "seeds/extra.txt: warning: no brief covers this document",
    );
    let strict = run(&["check", "--strict", "--corpus", corpus.path()]);
    assert_eq!(strict.code, 1);
}

#[test]
fn unusable_corpora_exit_2_with_one_message() {
    let out = run(&["check", "--corpus", "/no/such/dir"]);
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "briefing: /no/such/dir: no such directory; --corpus takes a directory holding seeds/ and briefs/\n"
    );

    let empty = Corpus::empty();
    let out = empty.run("check", &[]);
    assert_eq!(out.code, 2);
    assert_ends(
        &out.stderr,
        "seeds: no documents; put UTF-8 text files (*.txt) in it\n",
    );

    let file_seeds = Corpus::seeds_is_a_file();
    let out = file_seeds.run("check", &[]);
    assert_eq!(out.code, 2);
    assert_contains(&out.stderr, "seeds/ is not a directory");
}

#[test]
fn search_prints_vimgrep_lines() {
    let corpus = Corpus::good();
    let out = corpus.run("search", &["pham minh chinh"]);
    assert_eq!(out.code, 0, "{out:?}");
    assert_eq!(
        out.stdout,
        "id.txt:1:17: Perdana Menteri Pham Minh Chinh memimpin konferensi diplomasi ekonomi.\n\
         vi.txt:1:11: Thủ tướng Phạm Minh Chính chủ trì hội nghị ngoại giao kinh tế.\n"
    );
    let none = corpus.run("search", &["đồng"]);
    assert_eq!((none.code, none.stdout.as_str()), (1, ""));
    let empty = corpus.run("search", &["  "]);
    assert_eq!(empty.code, 2);
    assert_contains(&empty.stderr, "empty query");
}

#[test]
fn search_on_the_built_in_corpus() {
    let out = run(&["search", "Phạm Minh Chính"]);
    assert_eq!(out.code, 0);
    assert!(
        out.stdout.lines().all(|l| l.split(':').count() >= 4),
        "{}",
        out.stdout
    );
    assert_contains(&out.stdout, "001_9864e2932dc47fb2.txt:");
}

#[test]
fn bad_arguments_exit_2_and_help_exits_0() {
    assert_eq!(run(&["frobnicate"]).code, 2);
    assert_eq!(run(&["print", "--format", "pdf"]).code, 2);
    assert_eq!(run(&["print", "--width", "5"]).code, 2);
    let help = run(&["--help"]);
    assert_eq!(help.code, 0);
    assert_contains(&help.stdout, "Exit status");
    assert!(run(&["--version"]).stdout.starts_with("briefing "));
}

#[test]
fn the_reader_needs_a_terminal() {
    let out = run(&[]);
    assert_eq!(out.code, 2);
    assert_contains(&out.stderr, "the reader needs a terminal");
}

#[test]
fn alias_bomb_and_deep_nesting_are_bounded() {
    let mut bomb = String::from("title: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let p = i - 1;
        bomb.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    bomb.push_str("documents: *a11\n");
    let deep = format!(
        "title: {}{}\ndocuments: []\n",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let corpus = Corpus::good()
        .write_brief("bomb.yaml", &bomb)
        .write_brief("deep.yaml", &deep);
    let out = corpus.run("check", &[]);
    assert_eq!(out.code, 1, "{out:?}");
    assert_contains(&out.stdout, "bomb.yaml");
    assert_contains(&out.stdout, "deep.yaml:1:");
}

#[test]
fn print_writes_every_format() {
    let corpus = Corpus::good();
    for format in ["text", "markdown", "html", "json"] {
        let out = corpus.run("print", &["--format", format]);
        assert_eq!(out.code, 0, "{format}: {out:?}");
        assert!(out.stdout.contains("8,3-8,5%"), "{format}: {}", out.stdout);
    }
}

#[test]
fn print_to_a_file_and_unknown_brief() {
    let corpus = Corpus::good();
    let target = format!("{}/out.txt", corpus.path());
    let out = corpus.run("print", &["-o", &target]);
    assert_eq!(out.code, 0, "{out:?}");
    let written = std::fs::read_to_string(&target).unwrap_or_default();
    assert_contains(&written, "Economic diplomacy conference");
    let out = corpus.run("print", &["--brief", "nope"]);
    assert_eq!(out.code, 2);
    assert_contains(&out.stderr, "nope");
}

/// A second brief that leans on conference.yaml for its documents and topics.
const LEANING: &str = "title: Follow-up\ndocuments:\n  - id: vi-gov\n  - id: id-vna\n    parallel: vi-gov\nthemes:\n  - topics: [growth, fta]\n    quotes:\n      - doc: vi-gov\n        text: \"Việt Nam\"\n      - doc: id-vna\n        text: \"Vietnam\"\n";

#[test]
fn one_misspelt_key_is_one_error_and_what_follows_is_one_note() {
    let corpus = Corpus::good()
        .write_brief("follow-up.yaml", LEANING)
        .edit_brief("    lang: vi\n", "    lnag: vi\n");
    let out = corpus.run("check", &[]);
    assert_eq!(out.code, 1);
    let root = corpus.path();
    assert_eq!(
        out.stdout,
        format!(
            "{root}/briefs/conference.yaml:7:5: error: documents[0]: unknown field `lnag`, expected one of `id`, `file`, `lang`, `title`, `title_en`, `date`, `source`, `parallel`, `event`, `note`\n    \
             check the spelling of the key; the keys allowed here are listed above\n    \
             7 findings in {root}/briefs/follow-up.yaml follow from this one, as this brief declares document `vi-gov`, document `id-vna`, topic `growth`, topic `fta`: fix this brief and run check again\n\
             2 documents, 1 brief, 0 topics, 0 figures, 1 theme: 1 error, 0 warnings\n"
        )
    );
}

#[test]
fn a_brief_that_is_not_yaml_still_takes_what_follows_from_it() {
    let corpus = Corpus::good()
        .write_brief("follow-up.yaml", LEANING)
        .edit_brief("summary: Two", "summary: \"Two");
    let out = corpus.run("check", &[]);
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{}", out.stdout);
    assert!(lines[2].ends_with(
        "follow from this one, as this brief declares document `vi-gov`, document `id-vna`, topic `growth`, topic `fta`: fix this brief and run check again"
    ), "{}", out.stdout);
    assert!(
        lines[3].ends_with(": 1 error, 0 warnings"),
        "{}",
        out.stdout
    );
}
