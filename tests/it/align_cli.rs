//! `briefing align` end to end, and `pins:` in a brief as `check` sees it.

use crate::align_pins::check_lines;
use crate::common::Corpus;
use crate::common::{assert_contains, assert_starts};

#[test]
fn align_prints_the_json_contract() {
    let corpus = Corpus::good();
    let out = corpus.run("align", &["vi-gov", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(
        (v["a"].as_str(), v["b"].as_str()),
        (Some("vi-gov"), Some("id-vna"))
    );
    let pairs = v["pairs"].as_array().expect("pairs");
    // The first sentences: both name the Prime Minister, line 1 of each.
    assert_eq!(
        pairs[0],
        serde_json::json!({
            "a": {"line": 1, "column": 1, "end_line": 1, "end_column": 62,
                  "text": "Thủ tướng Phạm Minh Chính chủ trì hội nghị ngoại giao kinh tế."},
            "b": {"line": 1, "column": 1, "end_line": 1, "end_column": 70,
                  "text": "Perdana Menteri Pham Minh Chinh memimpin konferensi diplomasi ekonomi."},
            "score": pairs[0]["score"],
            "by": "anchor"
        })
    );
    // The annotated sentence spans a line break; its end is inclusive.
    assert_eq!(pairs[1]["by"], "annotation");
    assert_eq!(
        (
            pairs[1]["a"]["line"].as_u64(),
            pairs[1]["a"]["end_line"].as_u64()
        ),
        (Some(3), Some(4))
    );
    assert_eq!(pairs[1]["a"]["end_column"], 65);
    // Vietnamese sentences the Indonesian report leaves out have no counterpart.
    let last = pairs.last().expect("a pair");
    assert_eq!(
        (last["a"]["line"].as_u64(), last["b"].is_null()),
        (Some(6), true)
    );
    for p in pairs {
        let s = p["score"].as_f64().expect("score");
        assert!((0.0..=1.0).contains(&s), "{p}");
    }
}

#[test]
fn align_text_puts_passages_in_two_columns() {
    let corpus = Corpus::good();
    let out = corpus.run("align", &["id-vna", "vi-gov", "--width", "60"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines[0], format!("{:<28} │ vi-gov (vi)", "id-vna (id)"));
    assert!(
        lines[2].starts_with(&format!(
            "{:<28} │ Thủ tướng Phạm Minh Chính",
            "Perdana Menteri Pham Minh"
        )),
        "{}",
        out.stdout
    );
    // A passage only in vi-gov stands beside a blank.
    assert!(
        out.stdout
            .lines()
            .any(|l| l.starts_with(&format!("{:28} │ Xuất khẩu tăng 10%.", ""))),
        "{}",
        out.stdout
    );
}

#[test]
fn align_markdown_and_html() {
    let corpus = Corpus::good();
    let md = corpus.run("align", &["vi-gov", "--format", "markdown"]);
    assert_eq!(md.code, 0);
    assert_starts(
        &md.stdout,
        "# vi-gov beside id-vna\n\n| vi-gov (vi) Hội nghị ngoại giao kinh tế | id-vna (id) Konferensi diplomasi ekonomi | by | score |\n| --- | --- | --- | ---: |\n",
    );
    let html = corpus.run("align", &["vi-gov", "--format", "html"]);
    assert!(html.stdout.contains("@page { size: A4;"));
    assert!(html.stdout.contains("<td class=\"none\"></td>"));
    assert_contains(&html.stdout, "<td lang=\"vi\">Xuất khẩu tăng 10%.</td>");
}

#[test]
fn align_errors_name_what_to_do() {
    let corpus = Corpus::good();
    let out = corpus.run("align", &["xx"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "briefing: no document `xx`; documents are: id-vna, vi-gov\n"
        )
    );
    let alone = Corpus::good().edit_brief("    parallel: id-vna\n", "");
    let out = alone.run("align", &["id-vna"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "briefing: `id-vna` has no parallel document; name the second one: briefing align id-vna ID\n"
        )
    );
    let out = corpus.run("align", &["vi-gov\u{1b}[2J"]);
    assert_eq!(
        out.stderr,
        "briefing: no document `vi-gov\\u{1b}[2J`; documents are: id-vna, vi-gov\n"
    );
}

const PINS: &str = "pins:
  - note: the lead beside the lead
    quotes:
      - doc: vi-gov
        text: Xuất khẩu tăng 10%.
      - doc: id-vna
        text: Perdana Menteri
";

#[test]
fn a_pin_pairs_its_passages() {
    let corpus = Corpus::good().edit_brief("themes:", &format!("{PINS}themes:"));
    let check = corpus.run("check", &[]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    let out = corpus.run("align", &["vi-gov", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let pin = v["pairs"]
        .as_array()
        .expect("pairs")
        .iter()
        .find(|p| p["by"] == "pin")
        .expect("a pin");
    assert_eq!(
        (
            pin["a"]["line"].as_u64(),
            pin["b"]["line"].as_u64(),
            pin["score"].as_f64()
        ),
        (Some(6), Some(1), Some(1.0))
    );
}

#[test]
fn check_reports_every_broken_pin_at_its_place() {
    let broken = "pins:
  - quotes:
      - doc: vi-gov
        text: Xuất khẩu
  - quotes:
      - doc: vi-gov
        text: Xuất khẩu tăng 10%.
      - doc: vi-gov
        text: Thủ tướng Phạm
  - quotes:
      - doc: nowhere
        text: x
      - doc: id-vna
        text: Perdana Mentri
  - quotes:
      - doc: vi-gov
        text: tăng 10%
      - doc: id-vna
        text: \"\"
    notes: misspelt
";
    let corpus = Corpus::good().edit_brief("themes:", &format!("{broken}themes:"));
    let out = corpus.run("check", &[]);
    assert_eq!(out.code, 1);
    // serde stops at the unknown key first: the brief does not load.
    assert_contains(
        &out.stdout,
        ": error: pins[3]: unknown field `notes`, expected one of `note`, `quotes`, `counterpart`, `in`",
    );

    let corpus = Corpus::good().edit_brief(
        "themes:",
        &format!("{}themes:", broken.replace("    notes: misspelt\n", "")),
    );
    let out = corpus.run("check", &[]);
    assert_eq!(out.code, 1);
    check_lines(
        &corpus,
        &[
            (
                2,
                "7: error: a pin pairs two passages: it needs exactly two quotes, this one has 1",
            ),
            (
                0,
                "    give one `- doc:` / `text:` in each of the two documents, or one quote and `counterpart: none`",
            ),
            (
                7,
                "14: error: both quotes of this pin are in `vi-gov`: a pin pairs passages of two documents",
            ),
            (10, "14: error: unknown document `nowhere`"),
            (
                0,
                "    declare it under documents:, or use one of: id-vna, vi-gov",
            ),
            (
                13,
                "15: error: quote not found in id-vna (id.txt): \"Perdana Mentri\"",
            ),
            (0, "    nearest text: \"Perdana Menteri\" at line 1"),
            (
                16,
                "15: error: quote matches 2 places in vi-gov (vi.txt) (at 6:11, 6:31); add prefix: or suffix:",
            ),
            (
                18,
                "15: error: empty quote: copy the words from the document",
            ),
        ],
    );
}

#[test]
fn align_never_writes_a_control_sequence_from_the_corpus() {
    let payload = "Thủ tướng \u{1b}]0;pwned\u{7} chủ trì \u{9b}2J hội nghị \u{202e}kinh tế.";
    let text =
        std::fs::read_to_string(crate::common::fixture("cli/good/seeds/vi.txt")).expect("seed");
    let corpus = Corpus::good().write_seed(
        "vi.txt",
        text.replacen(
            "Thủ tướng Phạm Minh Chính chủ trì hội nghị ngoại giao kinh tế.",
            payload,
            1,
        )
        .as_bytes(),
    );
    for format in ["text", "markdown", "html", "json"] {
        let out = corpus.run("align", &["vi-gov", "--format", format]);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        for bad in ["\u{1b}", "\u{7}", "\u{9b}", "\u{202e}"] {
            assert!(
                !out.stdout.contains(bad),
                "{format} wrote {bad:?}: {}",
                out.stdout
            );
        }
    }
    // In JSON the text still reads as it is, escaped.
    let json = corpus.run("align", &["vi-gov", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert!(
        v["pairs"][0]["a"]["text"]
            .as_str()
            .is_some_and(|t| t.contains('\u{1b}')),
        "{}",
        json.stdout
    );
}

#[test]
fn two_pins_on_one_sentence_are_a_warning_at_the_second() {
    let pins = "pins:
  - quotes:
      - doc: vi-gov
        text: Xuất khẩu tăng 10%.
      - doc: id-vna
        text: Perdana Menteri
  - quotes:
      - doc: id-vna
        text: pertumbuhan ekonomi
      - doc: vi-gov
        text: Xuất khẩu
";
    let corpus = Corpus::good().edit_brief("themes:", &format!("{pins}themes:"));
    let brief = format!("{}/briefs/conference.yaml", corpus.path());
    let text =
        std::fs::read_to_string(corpus.root().join("briefs/conference.yaml")).expect("brief");
    let line = text.lines().position(|l| l == "pins:").expect("pins") + 7;
    let out = corpus.run("check", &[]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_starts(
        &out.stdout,
        &format!(
            "{brief}:{line}:5: warning: this pin shares a sentence of id-vna or vi-gov with pins[0]; the aligner keeps the earlier pin\n"
        ),
    );
    assert_eq!(corpus.run("check", &["--strict"]).code, 1);
}
