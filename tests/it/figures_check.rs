//! `check` on a figure's structured value: the `measure:` key (a slug; one unit per
//! measure across the corpus) and amounts that are not numbers, each with its exact
//! message and position. Corpora are built from tests/fixtures/cli/good.

use crate::common::Corpus;
use crate::common::hostile::*;

/// The good fixture with its growth target tagged `measure: gdp-growth`.
fn measured() -> Corpus {
    Corpus::good().edit_brief(
        "    kind: target\n",
        "    measure: gdp-growth\n    kind: target\n",
    )
}

/// A second brief over the same documents, with one figure of `measure` in `unit`.
fn second_brief(measure: &str, unit: &str) -> String {
    format!(
        "title: First half\ndocuments:\n  - id: vi-gov\ntopics:\n  - id: growth\n    title: Growth\n\
         figures:\n  - label: GDP growth, first half\n    value: \"7.52 %\"\n    topics: growth\n\
         \x20   measure: {measure}\n    kind: result\n    amount: 7.52\n    unit: {unit}\n\
         \x20   quotes:\n      - doc: vi-gov\n        text: \"Xuất khẩu tăng 10%\"\n"
    )
}

/// Replaces the growth target's `amount: 8.3` by `amount: VALUE` and checks.
fn amount(value: &str) -> (i32, String) {
    let corpus = Corpus::good().edit_brief("    amount: 8.3\n", &format!("    amount: {value}\n"));
    let out = check(&corpus);
    let brief = shown(&corpus, "briefs/conference.yaml");
    (out.code, out.stdout.replace(&brief, "B"))
}

const ONE_ERROR: &str = "2 documents, 1 brief, 2 topics, 2 figures, 1 theme: 1 error, 0 warnings\n";

#[test]
fn a_measure_id_is_clean_and_carried_into_json() {
    let corpus = measured();
    assert_eq!(check(&corpus).stdout, CLEAN);
    let out = sane_on(&corpus, "print", &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let figures = &json["briefs"][0]["figures"];
    assert_eq!(figures[0]["measure"], "gdp-growth");
    assert_eq!(figures[1]["measure"], serde_json::Value::Null);
}

#[test]
fn a_measure_that_is_not_a_slug_is_an_error_with_a_suggestion() {
    let corpus = Corpus::good().edit_brief(
        "    kind: target\n",
        "    measure: Tăng trưởng GDP\n    kind: target\n",
    );
    let out = check(&corpus);
    assert_eq!(out.code, 1);
    assert_eq!(
        out.stdout,
        format!(
            "{}:23:14: error: measure `Tăng trưởng GDP` is not an id\n    \
             write lower-case letters, digits and hyphens, e.g. `tang-truong-gdp`\n{ONE_ERROR}",
            shown(&corpus, "briefs/conference.yaml")
        )
    );
}

#[test]
fn units_that_disagree_within_a_measure_warn_naming_both_places() {
    let corpus = measured().write_brief("half.yaml", &second_brief("gdp-growth", "\"%\""));
    let out = check(&corpus);
    assert_eq!(out.code, 0, "a warning alone passes without --strict");
    assert_eq!(
        out.stdout,
        format!(
            "{}:14:11: warning: measure `gdp-growth` is in `%` here but in `percent` at {}:27:11\n    \
             one measure has one unit: write the same unit, or give this figure a measure of its own\n\
             2 documents, 2 briefs, 2 topics, 3 figures, 1 theme: 0 errors, 1 warning\n",
            shown(&corpus, "briefs/half.yaml"),
            shown(&corpus, "briefs/conference.yaml"),
        )
    );
    assert_eq!(sane_on(&corpus, "check", &["--strict"]).code, 1);
}

#[test]
fn units_that_agree_or_measures_that_differ_are_clean() {
    for brief in [
        second_brief("gdp-growth", "percent"),
        second_brief("gdp-growth-h1", "\"%\""),
    ] {
        let corpus = measured().write_brief("half.yaml", &brief);
        let out = check(&corpus);
        assert_eq!(
            out.stdout,
            "2 documents, 2 briefs, 2 topics, 3 figures, 1 theme: 0 errors, 0 warnings\n"
        );
    }
}

#[test]
fn an_amount_beyond_u64_is_a_number() {
    for big in [
        "18446744073709551616",
        "-18446744073709551616",
        "340282366920938463463374607431768211456",
        "1e300",
    ] {
        let corpus = Corpus::good()
            .edit_brief("    amount: 8.3\n", &format!("    amount: {big}\n"))
            .edit_brief("    amount_max: 8.5\n", "");
        assert_eq!(check(&corpus).stdout, CLEAN, "{big}");
        let out = sane_on(&corpus, "print", &["--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
        let want: f64 = big.parse().expect("a number");
        assert_eq!(json["briefs"][0]["figures"][0]["amount"], want, "{big}");
    }
}

#[test]
fn an_amount_in_quotes_is_read_as_the_number() {
    assert_eq!(amount("\"8.3\""), (0, CLEAN.to_string()));
}

#[test]
fn an_amount_beyond_f64_is_refused_at_its_place() {
    for (value, shown) in [("1e400", "1e400"), ("-1e400", "-1e400")] {
        assert_eq!(
            amount(value),
            (
                1,
                format!(
                    "B:24:13: error: amount `{shown}` is beyond the range of numbers (about ±1.8e308)\n    \
                     write the amount in a larger unit (billion, trillion) and say so under unit:\n{ONE_ERROR}"
                )
            )
        );
    }
}

#[test]
fn nan_and_infinity_are_refused_at_their_place() {
    let nan = "B:24:13: error: amount is .nan, which is not a number\n    \
               write a number such as 8.3, or leave the key out\n";
    let inf = "B:24:13: error: amount is infinite\n    \
               write a finite number, or leave the key out\n";
    for (value, want) in [(".nan", nan), (".NaN", nan), (".inf", inf), ("-.Inf", inf)] {
        assert_eq!(amount(value), (1, format!("{want}{ONE_ERROR}")), "{value}");
    }
    // Words Rust would read as numbers are text to a brief.
    for word in ["inf", "\"NaN\"", "infinity"] {
        let (code, out) = amount(word);
        assert_eq!(code, 1);
        assert!(
            out.starts_with("B:24:13: error: amount `") && out.contains("` is not a number\n"),
            "{out}"
        );
    }
}

#[test]
fn an_amount_that_is_not_a_number_is_an_error_and_the_figure_still_loads() {
    let text = "\n    write digits with a decimal point, no comma and no unit, e.g. 8.3 (the unit goes under unit:)\n";
    let other = "\n    write one number, e.g. 8.3; a range is amount: and amount_max:\n";
    for (value, message, note) in [
        ("8,3", "amount `8,3` is not a number", text),
        ("8.3 %", "amount `8.3 %` is not a number", text),
        ("[8.3, 8.5]", "amount is a list, not a number", other),
        ("{lo: 8.3}", "amount is a mapping, not a number", other),
        ("true", "amount is true, not a number", other),
    ] {
        assert_eq!(
            amount(value),
            (1, format!("B:24:13: error: {message}{note}{ONE_ERROR}")),
            "{value}"
        );
    }
    // The figure is still there, its amount blank.
    let corpus = Corpus::good().edit_brief("    amount: 8.3\n", "    amount: 8,3\n");
    let out = sane_on(&corpus, "print", &["--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    let figure = &json["briefs"][0]["figures"][0];
    assert_eq!(figure["amount"], serde_json::Value::Null);
    assert_eq!(figure["amount_max"], 8.5);
}

#[test]
fn a_bad_amount_max_is_reported_at_its_own_key() {
    let corpus = Corpus::good().edit_brief("    amount_max: 8.5\n", "    amount_max: .nan\n");
    let out = check(&corpus);
    assert_eq!(
        out.stdout,
        format!(
            "{}:25:17: error: amount_max is .nan, which is not a number\n    \
             write a number such as 8.3, or leave the key out\n{ONE_ERROR}",
            shown(&corpus, "briefs/conference.yaml")
        )
    );
}
