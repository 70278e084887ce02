//! `briefing print` through the library: every format on a small fixture corpus
//! (snapshots), narrowing by brief and topic, the errors, and the promises each format
//! makes (text never wider than --width, HTML escaped, JSON that parses back).

use crate::common::assert_contains;
use std::path::Path;

use briefing::engine::print::{Format, PrintError, PrintOptions, print};
use briefing::engine::text::width::display_width;
use briefing::engine::{Corpus, CorpusParts, CorpusSource, load};
use proptest::prelude::*;

/// A corpus under tests/fixtures/print/.
fn fixture(name: &str) -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/print")
        .join(name);
    load(&CorpusSource::Dir(dir)).expect("fixture corpus loads")
}

fn options(brief: Option<&str>, topics: &[&str], width: usize) -> PrintOptions {
    PrintOptions {
        brief: brief.map(str::to_string),
        topics: topics.iter().map(|t| t.to_string()).collect(),
        width,
    }
}

fn render(corpus: &Corpus, format: Format, options: &PrintOptions) -> String {
    let mut out = Vec::new();
    print(corpus, format, options, &mut out).expect("prints");
    String::from_utf8(out).expect("UTF-8 output")
}

fn render_err(corpus: &Corpus, options: &PrintOptions) -> PrintError {
    let mut out = Vec::new();
    print(corpus, Format::Text, options, &mut out).expect_err("refused")
}

fn widest(text: &str) -> usize {
    text.lines().map(display_width).max().unwrap_or(0)
}

#[test]
fn fixture_loads_with_one_ambiguous_quote() {
    let corpus = fixture("conference");
    let orphans: Vec<_> = corpus.orphans().map(|(_, q)| q.text.as_str()).collect();
    assert_eq!(orphans, ["Hội nghị kết thúc"]);
}

#[test]
fn text_snapshot() {
    let out = render(
        &fixture("conference"),
        Format::Text,
        &PrintOptions::default(),
    );
    assert!(widest(&out) <= 80);
    insta::assert_snapshot!("text_80", out);
}

#[test]
fn narrow_text_puts_quotes_one_after_another() {
    let out = render(
        &fixture("conference"),
        Format::Text,
        &options(Some("conference"), &[], 40),
    );
    assert!(widest(&out) <= 40);
    assert!(!out.contains(" | "), "no columns below 60");
    insta::assert_snapshot!("text_40", out);
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(
        "markdown",
        render(
            &fixture("conference"),
            Format::Markdown,
            &PrintOptions::default()
        )
    );
}

#[test]
fn html_snapshot() {
    insta::assert_snapshot!(
        "html",
        render(
            &fixture("conference"),
            Format::Html,
            &PrintOptions::default()
        )
    );
}

#[test]
fn json_snapshot() {
    insta::assert_snapshot!(
        "json",
        render(
            &fixture("conference"),
            Format::Json,
            &PrintOptions::default()
        )
    );
}

#[test]
fn every_format_marks_the_quote_that_failed() {
    let corpus = fixture("conference");
    for format in [Format::Text, Format::Markdown, Format::Html] {
        let out = render(&corpus, format, &PrintOptions::default());
        assert!(
            out.contains("ambiguous: 2 places, line 7"),
            "{format}: {out}"
        );
        assert!(out.contains("Hội nghị kết thúc"), "{format}");
    }
}

#[test]
fn brief_by_id_or_path() {
    let corpus = fixture("conference");
    for id in ["people", "briefs/people.yaml"] {
        let out = render(&corpus, Format::Text, &options(Some(id), &[], 80));
        assert!(out.starts_with("Who chaired\n"), "{id}: {out}");
        assert!(!out.contains("GDP growth"), "{id}");
    }
}

#[test]
fn topic_narrows_to_its_annotations() {
    let corpus = fixture("conference");
    let out = render(&corpus, Format::Markdown, &options(None, &["fta"], 80));
    insta::assert_snapshot!("markdown_topic_fta", out);
    assert!(
        !out.contains("Who chaired"),
        "a brief without the topic is left out"
    );
    assert!(!out.contains("GDP growth"));
    assert!(out.contains("Signed free trade agreements"));

    let json = render(&corpus, Format::Json, &options(None, &["people"], 80));
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(v["briefs"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["briefs"][0]["title"], "Who chaired");
}

#[test]
fn annotation_with_two_topics_is_printed_once() {
    let out = render(
        &fixture("conference"),
        Format::Text,
        &options(Some("conference"), &[], 100),
    );
    assert_eq!(
        out.matches("* Figure: Signed free trade agreements — 17")
            .count(),
        1
    );
    assert!(out.contains(
        "See also: Signed free trade agreements — 17 (figure, under Free trade agreements)"
    ));
}

#[test]
fn unknown_brief_names_the_known_ones() {
    let err = render_err(&fixture("conference"), &options(Some("nope"), &[], 80));
    assert_eq!(
        err.to_string(),
        "no brief `nope`; briefs are: conference, people"
    );
}

#[test]
fn unknown_topic_names_the_known_ones() {
    let corpus = fixture("conference");
    let err = render_err(&corpus, &options(None, &["nope"], 80));
    assert_eq!(
        err.to_string(),
        "no topic `nope`; topics are: growth, fta, people"
    );
    let err = render_err(&corpus, &options(Some("people"), &["growth"], 80));
    assert_eq!(err.to_string(), "no topic `growth`; topics are: people");
}

#[test]
fn html_escapes_everything() {
    let out = render(&fixture("hostile"), Format::Html, &PrintOptions::default());
    assert!(!out.contains("<script>"), "{out}");
    assert!(!out.contains("<b>") && !out.contains("<i>") && !out.contains("<rise>"));
    assert!(out.contains("&lt;script&gt;alert(2)&lt;/script&gt;"));
    assert!(
        out.contains("Markup &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; | pipes")
    );
    assert!(out.contains("<meta charset=\"utf-8\">"));
    assert!(out.contains("@media print") && out.contains("@page { size: A4"));
    assert!(out.contains("<blockquote lang=\"vi\">"));
    assert!(
        !out.contains("src=") && !out.contains("href="),
        "self-contained"
    );
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn markdown_escapes_markup_and_pipes() {
    let out = render(
        &fixture("hostile"),
        Format::Markdown,
        &PrintOptions::default(),
    );
    insta::assert_snapshot!("markdown_hostile", out);
    // Every row of a table has as many cells as its header: no pipe escaped the cells.
    let pipes = |line: &str| line.replace("\\|", "").matches('|').count();
    let mut header = None;
    for line in out.lines() {
        match (line.starts_with('|'), header) {
            (true, None) => header = Some(pipes(line)),
            (true, Some(n)) => assert_eq!(pipes(line), n, "{line}"),
            (false, _) => header = None,
        }
    }
    assert_contains(&out, "| Figure | Value | Quoted in |");
}

#[test]
fn text_carries_no_control_characters() {
    let out = render(&fixture("hostile"), Format::Text, &PrintOptions::default());
    assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
    assert!(out.contains("[unknown document]"));
}

#[test]
fn json_parses_back_with_positions_and_errors() {
    let out = render(
        &fixture("conference"),
        Format::Json,
        &PrintOptions::default(),
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let brief = &v["briefs"][0];
    assert_eq!(brief["date"], "2025-07-22");
    assert_eq!(brief["documents"][0]["id"], "vi-gov");
    assert_eq!(brief["documents"][0]["parallel"], "id-vna");
    assert_eq!(brief["topics"][1]["id"], "fta");
    let figure = &brief["figures"][0];
    assert_eq!(figure["value"], "8.3–8.5 %");
    assert_eq!(figure["amount"], 8.3);
    assert_eq!(figure["kind"], "target");
    let quote = &figure["quotes"][0];
    assert_eq!(
        (quote["line"].as_u64(), quote["column"].as_u64()),
        (Some(3), Some(41))
    );
    assert_eq!(quote["file"], "vi.txt");
    assert!(quote["error"].is_null());
    let failed = &brief["themes"][1]["quotes"][0];
    assert!(failed["line"].is_null() && failed["column"].is_null());
    assert_eq!(failed["error"], "ambiguous: 2 places, line 7");

    let hostile = render(&fixture("hostile"), Format::Json, &PrintOptions::default());
    let v: serde_json::Value = serde_json::from_str(&hostile).expect("valid JSON");
    assert_eq!(
        v["briefs"][0]["figures"][0]["quotes"][1]["error"],
        "unknown document"
    );
}

#[test]
fn built_in_corpus_prints_in_every_format() {
    let corpus = load(&CorpusSource::BuiltIn).expect("built-in corpus loads");
    let n = corpus.briefs().len();
    let all = PrintOptions::default();
    let html = render(&corpus, Format::Html, &all);
    assert_eq!(html.matches("<article class=\"brief\"").count(), n);
    let markdown = render(&corpus, Format::Markdown, &all);
    assert_eq!(markdown.lines().filter(|l| l.starts_with("# ")).count(), n);
    let text = render(&corpus, Format::Text, &all);
    assert_eq!(text.lines().filter(|l| *l == "Sources").count(), n);
    let json = render(&corpus, Format::Json, &all);
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(v["briefs"].as_array().map(Vec::len), Some(n));
}

#[test]
fn sources_keep_their_labels_at_every_width() {
    let corpus = load(&CorpusSource::BuiltIn).expect("built-in corpus loads");
    let wide = render(&corpus, Format::Text, &options(None, &[], 200));
    let labels = |text: &str| {
        let sources = text
            .split("\nSources\n")
            .nth(1)
            .unwrap_or_default()
            .to_owned();
        ["English title:", "Date:", "Event:", "Note:", "File:"]
            .map(|label| sources.matches(label).count())
    };
    let expected = labels(&wide);
    assert!(expected.iter().all(|&n| n > 0), "{expected:?}");
    for width in 20..=40 {
        let out = render(&corpus, Format::Text, &options(None, &[], width));
        assert_eq!(labels(&out), expected, "width {width}");
    }
}

#[test]
fn format_names_round_trip() {
    for format in Format::ALL {
        assert_eq!(format.to_string().parse::<Format>().ok(), Some(format));
    }
    let err = "pdf".parse::<Format>().expect_err("unknown");
    assert_eq!(
        err.to_string(),
        "unknown format `pdf`; formats are: text, markdown, html, json"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn text_is_never_wider_than_width(width in 20usize..200) {
        for corpus in [fixture("conference"), fixture("hostile")] {
            let out = render(&corpus, Format::Text, &options(None, &[], width));
            prop_assert!(widest(&out) <= width, "width {}:\n{}", width, out);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn built_in_briefs_are_never_wider_than_width(width in 20usize..200) {
        let corpus = load(&CorpusSource::BuiltIn).expect("built-in corpus loads");
        let out = render(&corpus, Format::Text, &options(None, &[], width));
        prop_assert!(widest(&out) <= width, "width {}", width);
    }
}

#[test]
fn a_brief_opens_with_its_key_figures_before_the_topics() {
    let corpus = fixture("conference");
    let all = PrintOptions::default();
    for (format, table, topic) in [
        (
            Format::Text,
            "Key figures\n-----------\n\nFigure ",
            "1. Growth targets",
        ),
        (
            Format::Markdown,
            "## Key figures\n\n| Figure |",
            "## Growth targets",
        ),
        (
            Format::Html,
            "<h2>Key figures</h2>\n<table>",
            "<h2>Growth targets",
        ),
    ] {
        let out = render(&corpus, format, &all);
        let (Some(at), Some(first_topic)) = (out.find(table), out.find(topic)) else {
            panic!("{format}: no table or no topic:\n{out}");
        };
        assert!(at < first_topic, "{format}: the table comes first:\n{out}");
        assert_eq!(out.matches(table).count(), 1, "{format}");
    }
    // Narrowed to a topic, the table holds that topic's figures only.
    let fta = render(&corpus, Format::Text, &options(None, &["fta"], 80));
    assert_contains(&fta, "Signed free trade agreements  17");
    assert!(!fta.contains("GDP growth target for 2025    8.3"), "{fta}");
    // A brief without figures has no table.
    let corpus = Corpus::new(CorpusParts {
        annotations: Default::default(),
        ..fixture("conference").into_parts()
    });
    let none = render(&corpus, Format::Text, &all);
    assert!(!none.contains("Key figures"), "{none}");
}
