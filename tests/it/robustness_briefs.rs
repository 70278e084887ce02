//! Hostile input, end to end: empty and malformed briefs, duplicate ids, misspelt keys.
//! Every case checks the exact message (file, line and column where there is one) and the
//! exit status, and that nothing panics; corpora are built in temporary directories from
//! tests/fixtures/cli/good (helpers in tests/it/common/hostile.rs). docs/robustness.md lists
//! what these tests found.

use crate::common::Corpus;
use crate::common::hostile::*;
use crate::common::{assert_contains, assert_ends};

// ---------------------------------------------------------------------------------------
// Empty things.

#[test]
fn an_empty_seed_is_an_empty_document_where_quotes_are_not_found() {
    let brief = "title: E\ndocuments:\n  - id: empty\n    file: empty.txt\ntopics:\n  - id: t\n    title: T\nfigures:\n  - label: x\n    value: \"1\"\n    topics: t\n    quotes:\n      - doc: empty\n        text: \"anything\"\n";
    let corpus = Corpus::good()
        .write_seed("empty.txt", b"")
        .write_brief("e.yaml", brief);
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!(
            "{}:14:15: error: quote not found in empty (empty.txt): \"anything\"\n    no similar text in the document: copy the quote from it\n\
             3 documents, 2 briefs, 3 topics, 3 figures, 1 theme: 1 error, 0 warnings\n",
            shown(&corpus, "briefs/e.yaml")
        )
    );
    let out = sane_on(&corpus, "search", &["anything"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (1, "", "")
    );
    // Uncovered, it is one more document with a warning.
    let corpus = Corpus::good().write_seed("empty.txt", b"");
    let out = check(&corpus);
    assert_eq!(
        (out.code, out.stdout),
        (
            0,
            format!(
                "{}: warning: no brief covers this document\n    declare it under documents: in a brief (id, file, lang)\n\
                 3 documents, 1 brief, 2 topics, 2 figures, 1 theme: 0 errors, 1 warning\n",
                shown(&corpus, "seeds/empty.txt")
            )
        )
    );
}

#[test]
fn empty_and_blank_briefs_are_errors_that_say_what_a_brief_needs() {
    assert_two_empty_briefs(("blank.yaml", "\n   \n\t\n"), ("empty.yaml", ""));
}

#[test]
fn a_brief_of_only_comments_is_an_empty_brief() {
    assert_two_empty_briefs(
        ("comments.yaml", "# to do: fill in\n# later\n"),
        ("dashes.yaml", "---\n"),
    );
}

/// Two more briefs, `a` and `b` in the order `check` lists them, each of which holds no
/// brief: an `empty brief` error and its hint for each.
#[track_caller]
fn assert_two_empty_briefs(a: (&str, &str), b: (&str, &str)) {
    let corpus = Corpus::good().write_brief(a.0, a.1).write_brief(b.0, b.1);
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    let hint = "    a brief needs at least `title:` and `documents:` (see the README)";
    assert_eq!(
        out.stdout,
        format!(
            "{}: error: empty brief\n{hint}\n{}: error: empty brief\n{hint}\n\
             2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 2 errors, 0 warnings\n",
            shown(&corpus, &format!("briefs/{}", a.0)),
            shown(&corpus, &format!("briefs/{}", b.0))
        )
    );
}

#[test]
fn a_brief_that_is_not_a_mapping_says_what_a_brief_is() {
    let corpus = Corpus::good()
        .write_brief("null.yaml", "null\n")
        .write_brief("list.yaml", "- title: x\n")
        .write_brief("text.yaml", "just a sentence\n")
        .write_brief("doc.yaml", "title: t\ndocuments:\n  - - id: x\n");
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    // No Rust type names (`struct BriefFile`, `unit value`) in what a curator reads.
    assert!(!out.stdout.contains("struct"), "{}", out.stdout);
    assert!(!out.stdout.contains("unit value"), "{}", out.stdout);
    let brief = "expected a brief: a mapping with title:, documents: and more";
    for (name, line) in [
        (
            "null.yaml",
            format!("1:1: error: invalid type: nothing (null), {brief}"),
        ),
        (
            "list.yaml",
            format!("1:1: error: invalid type: list, {brief}"),
        ),
        (
            "text.yaml",
            format!("1:1: error: invalid type: string \"just a sentence\", {brief}"),
        ),
        (
            "doc.yaml",
            "3:5: error: documents[0]: invalid type: list, expected ".into(),
        ),
    ] {
        let want = format!("{}:{line}", shown(&corpus, &format!("briefs/{name}")));
        assert!(out.stdout.contains(&want), "{want}\n{}", out.stdout);
    }
    assert_contains(&out.stdout, &format!("\n    {HINT}\n"));
}

#[test]
fn figures_without_quotes_and_a_figure_with_empty_quotes() {
    let corpus = Corpus::good().write_brief(
        "f.yaml",
        "title: F\ndocuments:\n  - id: vi-gov\nfigures: []\n",
    );
    let out = sane_on(&corpus, "check", &["--strict"]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "2 documents, 2 briefs, 2 topics, 2 figures, 1 theme: 0 errors, 0 warnings\n"
        )
    );
    let corpus = Corpus::good().write_brief(
        "q.yaml",
        "title: Q\ndocuments:\n  - id: vi-gov\ntopics:\n  - id: q\n    title: Q\nfigures:\n  - label: x\n    value: \"1\"\n    topics: q\n    quotes: []\n",
    );
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!(
            "{}:11:13: error: no quotes: an annotation must stand somewhere\n    add at least one `- doc: ID` / `text: \"...\"` under quotes:\n\
             2 documents, 2 briefs, 3 topics, 3 figures, 1 theme: 1 error, 0 warnings\n",
            shown(&corpus, "briefs/q.yaml")
        )
    );
}

#[test]
fn a_brief_with_no_documents_is_an_error() {
    let corpus = Corpus::good().write_brief("d.yaml", "title: D\ndocuments: []\n");
    let out = check(&corpus);
    assert_eq!(
        (out.code, out.stdout),
        (
            1,
            format!(
                "{}:2:12: error: no documents: a brief declares one or more\n    add `- id: ID` with `file:` (relative to seeds/) and `lang:`\n\
                 2 documents, 2 briefs, 2 topics, 2 figures, 1 theme: 1 error, 0 warnings\n",
                shown(&corpus, "briefs/d.yaml")
            )
        )
    );
}

// ---------------------------------------------------------------------------------------
// Ids and keys.

#[test]
fn duplicate_ids_across_and_within_briefs() {
    // One file under two ids.
    let corpus = Corpus::good().write_brief(
        "other.yaml",
        "title: Other\ndocuments:\n  - id: other\n    file: vi.txt\n",
    );
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!(
            "{}:3:9: error: `vi.txt` is declared as both `vi-gov` and `other`\n    give each document one id and use it everywhere\n\
             2 documents, 2 briefs, 2 topics, 2 figures, 1 theme: 1 error, 0 warnings\n",
            shown(&corpus, "briefs/other.yaml")
        )
    );
    // One id bound to two files, and one topic with two titles.
    let corpus = Corpus::good().write_brief(
        "other.yaml",
        "title: Other\ndocuments:\n  - id: vi-gov\n    file: id.txt\ntopics:\n  - id: fta\n    title: Trade\n",
    );
    let out = check(&corpus);
    let b = shown(&corpus, "briefs/other.yaml");
    assert_eq!(
        out.stdout,
        format!(
            "{b}:4:11: error: document `vi-gov` is bound to two files: `vi.txt` and `id.txt`\n    the first binding is in {}; one id names one file\n\
             {b}:7:12: error: topic `fta` has another title elsewhere: \"Free trade agreements\"\n    one id is one topic: make the titles agree\n\
             2 documents, 2 briefs, 2 topics, 2 figures, 1 theme: 2 errors, 0 warnings\n",
            shown(&corpus, "briefs/conference.yaml")
        )
    );
    // The same topic with the same title, and a document declared by id only: fine.
    let corpus = Corpus::good().write_brief(
        "same.yaml",
        "title: Same\ndocuments:\n  - id: vi-gov\ntopics:\n  - id: fta\n    title: Free trade agreements\nthemes:\n  - topics: fta\n    quotes:\n      - doc: vi-gov\n        text: \"Thủ tướng Phạm Minh Chính\"\n",
    );
    let out = sane_on(&corpus, "check", &["--strict"]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "2 documents, 2 briefs, 2 topics, 2 figures, 2 themes: 0 errors, 0 warnings\n"
        )
    );
    // Twice in one brief.
    let corpus = Corpus::good()
        .edit_brief("  - id: id-vna\n", "  - id: vi-gov\n  - id: id-vna\n")
        .edit_brief(
            "  - id: fta\n",
            "  - id: growth\n    title: Growth\n  - id: fta\n",
        );
    let out = check(&corpus);
    let b = shown(&corpus, "briefs/conference.yaml");
    assert_contains(
        &out.stdout,
        &format!("{b}:10:9: error: document `vi-gov` declared twice in this brief\n"),
    );
    assert_contains(
        &out.stdout,
        &format!("{b}:18:9: error: topic `growth` defined twice in this brief\n"),
    );
}

#[test]
fn a_quote_naming_an_undeclared_document() {
    let corpus = Corpus::good().edit_brief(
        "      - doc: id-vna\n        text: \"pertumbuhan",
        "      - doc: id-xx\n        text: \"pertumbuhan",
    );
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!(
            "{}:31:14: error: unknown document `id-xx`\n    declare it under documents:, or use one of: id-vna, vi-gov\n\
             2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 1 error, 0 warnings\n",
            shown(&corpus, "briefs/conference.yaml")
        )
    );
}

#[test]
fn a_misspelt_key_is_an_error_at_every_depth() {
    let cases = [
        (
            "summary: Two",
            "sumary: Two",
            "3:1: error: unknown field `sumary`, expected one of `title`, `date`, `summary`, `documents`, `topics`, `figures`, `themes`, `pins`",
        ),
        (
            "    lang: id\n",
            "    language: id\n",
            "12:5: error: documents[1]: unknown field `language`, expected one of `id`, `file`, `lang`, `title`, `title_en`, `date`, `source`, `parallel`, `event`, `note`",
        ),
        (
            "    title: Growth",
            "    titel: Growth",
            "16:5: error: topics[0]: unknown field `titel`, expected one of `id`, `title`, `summary`",
        ),
        (
            "    value: \"10 %\"",
            "    vaule: \"10 %\"",
            "34:5: error: figures[1]: unknown field `vaule`, expected one of `label`, `value`, `topics`, `note`, `measure`, `kind`, `amount`, `amount_max`, `unit`, `period`, `quotes`",
        ),
        (
            "        prefix: \"Nhập",
            "        prefx: \"Nhập",
            "39:9: error: figures[1].quotes[0]: unknown field `prefx`, expected one of `doc`, `text`, `prefix`, `suffix`",
        ),
    ];
    for (from, to, want) in cases {
        let corpus = Corpus::good().edit_brief(from, to);
        let out = check(&corpus);
        assert_eq!(out.code, 1, "{to}");
        let want = format!(
            "{}:{want}\n    check the spelling of the key; the keys allowed here are listed above\n",
            shown(&corpus, "briefs/conference.yaml")
        );
        assert!(out.stdout.starts_with(&want), "{want}{}", out.stdout);
        assert_ends(
            &out.stdout,
            "2 documents, 0 briefs, 0 topics, 0 figures, 0 themes: 1 error, 0 warnings\n",
        );
    }
}
