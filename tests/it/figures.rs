//! `briefing figures` end to end on tests/fixtures/figures (two briefs over a Vietnamese
//! and an Indonesian report; a label in Vietnamese, one with wide characters, a figure
//! without amount or unit; two measures): the table by display width, CSV read back by
//! a CSV parser, JSON and Markdown. Sorting, filters and the comparison by measure are in
//! tests/it/figures_select.rs.

use crate::common::assert_contains;
use crate::common::{Corpus, Output, run};
use unicode_width::UnicodeWidthStr;

const FIXTURE: &str = "tests/fixtures/figures";

pub(crate) fn figures(args: &[&str]) -> Output {
    let mut all = vec!["figures", "--corpus", FIXTURE];
    all.extend_from_slice(args);
    let out = run(&all);
    assert!(!out.stderr.contains("panicked"), "{out:?}");
    out
}

/// The labels in the order a CSV listing gives them.
pub(crate) fn labels(args: &[&str]) -> Vec<String> {
    let mut all = vec!["--format", "csv"];
    all.extend_from_slice(args);
    let out = figures(&all);
    assert_eq!(out.code, 0, "{out:?}");
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    reader
        .records()
        .map(|r| r.expect("a CSV record")[1].to_string())
        .collect()
}

#[test]
fn the_text_table_at_80_columns() {
    let out = figures(&[]);
    assert_eq!((out.code, out.stderr.as_str()), (0, ""));
    insta::assert_snapshot!("figures_text_80", out.stdout);
}

#[test]
fn every_line_fits_the_width_by_display_width() {
    for width in [20, 24, 30, 40, 57, 80, 100, 140] {
        let w = width.to_string();
        for extra in [&[][..], &["--by-measure"][..]] {
            let mut args = vec!["--width", w.as_str()];
            args.extend_from_slice(extra);
            let out = figures(&args);
            assert_eq!(out.code, 0);
            for line in out.stdout.lines() {
                assert!(
                    line.width() <= width,
                    "{width} {extra:?}: {line:?} is {} wide\n{}",
                    line.width(),
                    out.stdout
                );
            }
            // Nothing is lost to the width: short words are never cut.
            for word in ["Tăng", "越南", "GDP", "2023"] {
                if extra.is_empty() {
                    assert!(out.stdout.contains(word), "{width}: {word}\n{}", out.stdout);
                }
            }
        }
    }
}

#[test]
fn wide_and_vietnamese_cells_align_by_display_width() {
    let out = figures(&["--width", "140", "--topic", "growth", "--sort", "period"]);
    let rows: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.contains("gdp-growth"))
        .collect();
    assert_eq!(rows.len(), 4, "{}", out.stdout);
    // The measure column starts at the same display column in every row.
    let column = |line: &str| {
        line.split_once("gdp-growth")
            .map(|(before, _)| before.width())
    };
    let first = column(rows[0]);
    assert!(rows.iter().all(|r| column(r) == first), "{}", out.stdout);
    assert!(
        rows[0].starts_with("越南 GDP growth target, 2023"),
        "{}",
        rows[0]
    );
}

#[test]
fn too_narrow_for_a_table_each_figure_is_a_record() {
    let out = figures(&["--width", "20", "--kind", "result", "--sort", "amount"]);
    assert_eq!(
        out.stdout,
        "label: GDP growth,\n  first half of 2025\nvalue: 7.52 %\nmeasure: gdp-growth\n\
         kind: result\namount: 7.52\nunit: percent\nperiod: H1 2025\ntopics: growth\n\
         quotes: id-vna (id)\n  id.txt:5:32\n\n\
         label: Goods\n  exports,\n  January–July 2025\nvalue: more than 514\n  billion USD\n\
         measure: exports\nkind: result\namount: 514\nunit: USD billion\n\
         period: January–July\n  2025\ntopics: trade,\n  growth\nquotes: vi-gov (vi)\n\
         \x20 vi.txt:8:34\n  id-vna (id)\n  id.txt:7:24\n"
    );
}

#[test]
fn csv_reads_back_with_a_header_and_every_field() {
    let out = figures(&["--format", "csv"]);
    assert!(out.stdout.ends_with("\r\n"), "RFC 4180 lines end in CRLF");
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .expect("header row")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        headers.join(","),
        "brief,label,value,measure,kind,amount,amount_max,unit,period,topics,documents,languages,places"
    );
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    assert_eq!(records.len(), 6);
    let target = &records[0];
    assert_eq!(
        target.iter().collect::<Vec<_>>(),
        [
            "growth-2025",
            "GDP growth target for 2025",
            "8.3–8.5 %",
            "gdp-growth",
            "target",
            "8.3",
            "8.5",
            "percent",
            "2025",
            "growth",
            "vi-gov; id-vna",
            "vi; id",
            "vi.txt:3:28; id.txt:3:1"
        ]
    );
    // A figure without amount or unit still lists, its cells blank.
    let blank = &records[2];
    assert_eq!(&blank[1], "Tăng trưởng xuất khẩu");
    assert_eq!((&blank[3], &blank[5], &blank[7]), ("", "", ""));
    // A field with a comma comes back whole.
    assert_eq!(&records[3][1], "Goods exports, January–July 2025");
}

#[test]
fn csv_quotes_and_control_characters_survive_a_round_trip() {
    let corpus = Corpus::copy_of("figures").edit(
        "briefs/growth-2025.yaml",
        "value: \"strong\"",
        "value: \"say \\\"strong\\\", \\e[31mred\"",
    );
    let out = corpus.run("figures", &["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    // The escape never reaches the terminal; it is shown, escaped.
    assert_eq!(&records[2][2], "say \"strong\", \\u{1b}[31mred");
    assert!(!out.stdout.contains('\u{1b}'));
    let text = corpus.run("figures", &[]);
    assert!(!text.stdout.contains('\u{1b}') && text.stdout.contains("\\u{1b}"));
}

#[test]
fn c1_and_bidi_characters_are_escaped_in_every_format() {
    let corpus = Corpus::copy_of("figures").edit(
        "briefs/growth-2025.yaml",
        "value: \"strong\"",
        "value: \"x\\u009b31m \\u202eevil\"",
    );
    for format in ["text", "csv", "markdown", "json"] {
        let out = corpus.run("figures", &["--format", format]);
        assert_eq!(out.code, 0, "{out:?}");
        assert!(
            !out.stdout.contains(['\u{9b}', '\u{202e}']),
            "{format}: {}",
            out.stdout
        );
    }
    let json = corpus.run("figures", &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(
        json["figures"][2]["value"], "x\u{9b}31m \u{202e}evil",
        "JSON escapes decode to the text itself"
    );
    let text = corpus.run("figures", &["--width", "140"]);
    assert_contains(&text.stdout, "x\\u{9b}31m \\u{202e}evil");
}

#[test]
fn json_is_stable_and_complete() {
    let out = figures(&["--format", "json", "--topic", "trade"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    insta::assert_snapshot!("figures_json_trade", out.stdout);
    let figures = json["figures"].as_array().expect("a list");
    assert_eq!(figures.len(), 2);
    assert_eq!(figures[1]["quotes"][1]["file"], "id.txt");
    assert_eq!(figures[1]["quotes"][1]["line"], 7);
    assert_eq!(figures[0]["amount"], serde_json::Value::Null);
}

#[test]
fn markdown_is_a_table_with_pipes_escaped() {
    let corpus = Corpus::copy_of("figures").edit(
        "briefs/growth-2025.yaml",
        "value: \"strong\"",
        "value: \"a | b\"",
    );
    let out = corpus.run("figures", &["--format", "markdown", "--topic", "trade"]);
    assert_eq!(
        out.stdout,
        "| label | value | measure | kind | amount | unit | period | topics | quotes |\n\
         |---|---|---|---|---:|---|---|---|---|\n\
         | Tăng trưởng xuất khẩu | a \\| b |  |  |  |  |  | trade | vi-gov (vi) vi.txt:8:1 |\n\
         | Goods exports, January–July 2025 | more than 514 billion USD | exports | result | 514 | USD billion | January–July 2025 | trade, growth | vi-gov (vi) vi.txt:8:34<br>id-vna (id) id.txt:7:24 |\n"
    );
}
