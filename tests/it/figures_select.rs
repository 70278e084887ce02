//! `briefing figures` choosing and arranging figures, on tests/fixtures/figures: sorting by
//! each column, filters and their refusals, and the comparison by measure in time.

use crate::common::Corpus;
use crate::figures::{figures, labels};

#[test]
fn sorting_by_each_column() {
    let by = |column: &str| labels(&["--sort", column]);
    assert_eq!(
        by("amount"),
        [
            "越南 GDP growth target, 2023",
            "GDP growth, first half of 2025",
            "GDP growth target for 2025",
            "Double-digit growth in the next period",
            "Goods exports, January–July 2025",
            "Tăng trưởng xuất khẩu",
        ],
        "ascending, blank last"
    );
    assert_eq!(
        labels(&["--sort", "amount", "--reverse"]),
        [
            "Goods exports, January–July 2025",
            "Double-digit growth in the next period",
            "GDP growth target for 2025",
            "GDP growth, first half of 2025",
            "越南 GDP growth target, 2023",
            "Tăng trưởng xuất khẩu",
        ],
        "descending, blank still last"
    );
    assert_eq!(
        by("period"),
        [
            "越南 GDP growth target, 2023",
            "GDP growth target for 2025",
            "Goods exports, January–July 2025",
            "GDP growth, first half of 2025",
            "Double-digit growth in the next period",
            "Tăng trưởng xuất khẩu",
        ]
    );
    // Text sorts folded: "Tăng" between "Goods" and "越南"; ties keep the briefs' order.
    assert_eq!(
        by("label"),
        [
            "Double-digit growth in the next period",
            "GDP growth target for 2025",
            "GDP growth, first half of 2025",
            "Goods exports, January–July 2025",
            "Tăng trưởng xuất khẩu",
            "越南 GDP growth target, 2023",
        ]
    );
    assert_eq!(
        by("kind"),
        [
            "GDP growth target for 2025",
            "Double-digit growth in the next period",
            "越南 GDP growth target, 2023",
            "Goods exports, January–July 2025",
            "GDP growth, first half of 2025",
            "Tăng trưởng xuất khẩu",
        ]
    );
    assert_eq!(by("brief"), labels(&[]));
    // id-vna before vi-gov: the one figure quoted first in id-vna leads.
    assert_eq!(
        by("document").first().map(String::as_str),
        Some("GDP growth, first half of 2025")
    );
}

#[test]
fn filters_narrow_and_combine() {
    assert_eq!(
        labels(&["--topic", "trade"]),
        ["Tăng trưởng xuất khẩu", "Goods exports, January–July 2025"]
    );
    assert_eq!(labels(&["--topic", "trade", "--topic", "growth"]).len(), 6);
    assert_eq!(
        labels(&["--kind", "target", "--doc", "vi-gov"]),
        [
            "GDP growth target for 2025",
            "Double-digit growth in the next period",
            "越南 GDP growth target, 2023",
        ]
    );
    assert_eq!(
        labels(&["--lang", "id"]),
        [
            "GDP growth target for 2025",
            "Goods exports, January–July 2025",
            "GDP growth, first half of 2025",
        ]
    );
    assert_eq!(labels(&["--lang", "fr"]), Vec::<String>::new());
    assert_eq!(figures(&["--lang", "fr"]).stdout, "No figures.\n");
}

#[test]
fn a_filter_naming_nothing_known_is_refused_with_what_is_known() {
    let out = figures(&["--topic", "nope"]);
    assert_eq!(
        (out.code, out.stdout.as_str(), out.stderr.as_str()),
        (
            2,
            "",
            "briefing: no topic `nope`; topics are: growth, trade\n"
        )
    );
    let out = figures(&["--doc", "vi"]);
    assert_eq!(
        (out.code, out.stderr.as_str()),
        (
            2,
            "briefing: no document `vi`; documents are: id-vna, vi-gov\n"
        )
    );
    let out = figures(&["--kind", "goal"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("invalid value 'goal' for '--kind <K>'")
            && out
                .stderr
                .contains("[possible values: target, result, forecast, count, reference]"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_comparison_sets_each_measure_side_by_side_in_time() {
    let out = figures(&["--by-measure", "--width", "110"]);
    assert_eq!(out.code, 0);
    let want = [
        "exports · USD billion · 1 figure",
        "period             result  label                             documents",
        "-------------------------------------------------------------------------------------",
        "January–July 2025     514  Goods exports, January–July 2025  vi-gov (vi), id-vna (id)",
        "",
        "gdp-growth · percent · 4 figures",
        "period                  target  result  label                                   documents",
        "--------------------------------------------------------------------------------------------------------",
        "2023                       6.5          越南 GDP growth target, 2023            vi-gov (vi)",
        "2025                   8.3–8.5          GDP growth target for 2025              vi-gov (vi), id-vna (id)",
        "H1 2025                           7.52  GDP growth, first half of 2025          id-vna (id)",
        "the period after 2025       10          Double-digit growth in the next period  vi-gov (vi)",
        "",
        "1 figure without a measure not compared.",
    ];
    assert_eq!(out.stdout.lines().collect::<Vec<_>>(), want);
}

#[test]
fn the_comparison_follows_the_filters_and_shows_units_that_differ() {
    let corpus = Corpus::copy_of("figures").edit(
        "briefs/half-2025.yaml",
        "    amount: 7.52\n    unit: percent",
        "    amount: 7.52\n    unit: \"%\"",
    );
    let out = corpus.run("figures", &["--by-measure", "--lang", "id"]);
    let want = [
        "exports · USD billion · 1 figure",
        "period             result  label                          documents",
        "--------------------------------------------------------------------------------",
        "January–July 2025     514  Goods exports, January–July    vi-gov (vi), id-vna",
        "                           2025                           (id)",
        "",
        "gdp-growth · units differ: percent, % · 2 figures",
        "period           target  result  label                      documents",
        "--------------------------------------------------------------------------------",
        "2025            8.3–8.5          GDP growth target for      vi-gov (vi), id-vna",
        "                percent          2025                       (id)",
        "",
        "H1 2025                  7.52 %  GDP growth, first half of  id-vna (id)",
        "                                 2025",
    ];
    assert_eq!(out.stdout.lines().collect::<Vec<_>>(), want);
    let json = corpus.run("figures", &["--by-measure", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let growth = &json["measures"][1];
    assert_eq!(growth["id"], "gdp-growth");
    assert_eq!(growth["units"], serde_json::json!(["percent", "%"]));
    let periods: Vec<&str> = growth["figures"]
        .as_array()
        .expect("figures")
        .iter()
        .map(|f| f["period"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(
        periods,
        ["2023", "2025", "H1 2025", "the period after 2025"]
    );
}

#[test]
fn the_comparison_in_csv_groups_by_measure() {
    let out = figures(&["--by-measure", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let rows: Vec<(String, String)> = reader
        .records()
        .map(|r| r.expect("record"))
        .map(|r| (r[3].to_string(), r[8].to_string()))
        .collect();
    let pairs: Vec<(&str, &str)> = rows.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(
        pairs,
        [
            ("exports", "January–July 2025"),
            ("gdp-growth", "2023"),
            ("gdp-growth", "2025"),
            ("gdp-growth", "H1 2025"),
            ("gdp-growth", "the period after 2025"),
        ]
    );
}

#[test]
fn a_corpus_without_measures_says_how_to_compare() {
    let corpus = Corpus::good();
    let out = corpus.run("figures", &["--by-measure"]);
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (
            0,
            "No figures with a measure: give figures a `measure:` id to compare them.\n\n\
             2 figures without a measure not compared.\n"
        )
    );
}
