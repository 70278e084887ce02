//! `counterpart: none` in a brief's `pins:`: a passage a curator marks as without
//! counterpart stays a gap in `briefing align` (json and text), and every wrong use is a
//! finding at its place in `check`.

use crate::common::Corpus;
use crate::common::assert_contains;

/// vi-gov's opening sentence has no counterpart in id-vna (vi-gov's `parallel:`).
pub(crate) const ALONE: &str = "pins:
  - note: nothing in id-vna renders the opening
    quotes:
      - doc: vi-gov
        text: Thủ tướng Phạm Minh Chính chủ trì
    counterpart: none
";

fn with_pins(pins: &str) -> Corpus {
    Corpus::good().edit_brief("themes:", &format!("{pins}themes:"))
}

/// The pairs of `align vi-gov id-vna --format json`.
fn pairs(corpus: &Corpus) -> Vec<serde_json::Value> {
    let out = corpus.run("align", &["vi-gov", "id-vna", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).expect("json");
    v["pairs"].as_array().expect("pairs").clone()
}

/// The pair whose side `side` starts on `line`.
fn on_line<'a>(pairs: &'a [serde_json::Value], side: &str, line: u64) -> &'a serde_json::Value {
    pairs
        .iter()
        .find(|p| p[side]["line"].as_u64() == Some(line))
        .unwrap_or_else(|| panic!("no pair with {side} on line {line}: {pairs:?}"))
}

#[test]
fn a_passage_pinned_without_counterpart_is_a_gap() {
    // Without the pin the two openings pair by the name they share.
    let before = pairs(&Corpus::good());
    assert_eq!(on_line(&before, "a", 1)["b"]["line"].as_u64(), Some(1));

    let corpus = with_pins(ALONE);
    let check = corpus.run("check", &[]);
    assert_eq!(check.code, 0, "{}", check.stdout);
    assert_contains(&check.stdout, "0 errors, 0 warnings");
    let after = pairs(&corpus);
    let pinned = on_line(&after, "a", 1);
    assert_eq!(
        (
            pinned["b"].is_null(),
            pinned["by"].as_str(),
            pinned["score"].as_f64()
        ),
        (true, Some("pin"), Some(1.0))
    );
    // id-vna's opening, left without its partner, stands alone before it.
    let other = on_line(&after, "b", 1);
    assert!(other["a"].is_null(), "{other}");
    // The rest still aligns: the growth sentences by their annotation.
    assert_eq!(on_line(&after, "a", 3)["b"]["line"].as_u64(), Some(3));

    // In text, the opening stands beside a blank.
    let text = corpus.run("align", &["vi-gov", "--width", "100"]);
    let row = text
        .stdout
        .lines()
        .find(|l| l.starts_with("Thủ tướng Phạm Minh Chính"))
        .expect("the opening");
    assert!(row.trim_end().ends_with('│'), "{row:?}");
}

#[test]
fn the_partner_is_found_either_way_round_or_named_with_in() {
    // id-vna names no `parallel:`; vi-gov names it, so vi-gov is its partner.
    let pins = "pins:
  - quotes:
      - doc: id-vna
        text: Perdana Menteri
    counterpart: none
";
    for pins in [pins.to_string(), format!("{pins}    in: vi-gov\n")] {
        let corpus = with_pins(&pins);
        assert_eq!(corpus.run("check", &[]).code, 0);
        let all = pairs(&corpus);
        let pinned = on_line(&all, "b", 1);
        assert_eq!(
            (pinned["a"].is_null(), pinned["by"].as_str()),
            (true, Some("pin"))
        );
    }
    // Without any `parallel:`, `in:` says where the counterpart is missing.
    let bare = Corpus::good().edit_brief("    parallel: id-vna\n", "");
    let corpus = bare.edit_brief("themes:", &format!("{}    in: id-vna\nthemes:", ALONE));
    assert_eq!(corpus.run("check", &[]).code, 0);
    assert!(on_line(&pairs(&corpus), "a", 1)["b"].is_null());
}

/// `check` reports each (lines below `pins:`, `column: message`) at the brief's path and
/// that line; a line that starts with four spaces is a note, as it is.
pub(crate) fn check_lines(corpus: &Corpus, expected: &[(usize, &str)]) {
    let out = corpus.run("check", &[]);
    let brief = format!("{}/briefs/conference.yaml", corpus.path());
    let text = corpus.read("briefs/conference.yaml");
    let base = text.lines().position(|l| l == "pins:").expect("pins") + 1;
    let lines: Vec<&str> = out.stdout.lines().collect();
    for (below, line) in expected {
        let want = if line.starts_with("    ") {
            line.to_string()
        } else {
            format!("{brief}:{}:{line}", base + below)
        };
        assert!(
            lines.contains(&want.as_str()),
            "missing {want:?} in\n{}",
            out.stdout
        );
    }
}

#[test]
fn check_reports_every_wrong_counterpart_at_its_place() {
    let broken =
        std::fs::read_to_string(crate::common::fixture("align/pins-counterpart-wrong.yaml"))
            .expect("fixture");
    let corpus = with_pins(&broken);
    assert_eq!(corpus.run("check", &[]).code, 1);
    check_lines(
        &corpus,
        &[
            (
                2,
                "7: error: a pin with `counterpart: none` marks one passage that has no counterpart: it needs exactly one quote, this one has 2",
            ),
            (
                0,
                "    keep the quote of that passage, or drop `counterpart: none` to pair two quotes",
            ),
            (
                10,
                "18: error: `counterpart: maybe` is not known: the only value is `none`",
            ),
            (
                0,
                "    write `counterpart: none` for a passage without counterpart, or give the pin two quotes and no `counterpart:`",
            ),
            (
                13,
                "15: error: quote not found in vi-gov (vi.txt): \"Xuất khẩu tăng 11%.\"",
            ),
            (0, "    nearest text: \"Xuất khẩu tăng 10%.\" at line 6"),
            (16, "14: error: unknown document `nowhere`"),
            (
                0,
                "    declare it under documents:, or use one of: id-vna, vi-gov",
            ),
            (23, "9: error: unknown document `nowhere`"),
            (0, "    use one of: id-vna, vi-gov"),
            (
                28,
                "9: error: `in: vi-gov` is the quote's own document: name the document that has no counterpart",
            ),
            (
                34,
                "9: error: `in:` names the document without counterpart and goes with `counterpart: none`; a pin of two quotes names both documents",
            ),
            (
                37,
                "15: error: quote matches 2 places in vi-gov (vi.txt) (at 6:11, 6:31); add prefix: or suffix:",
            ),
            (
                41,
                "15: error: empty quote: copy the words from the document",
            ),
            (
                43,
                "13: error: a pin with `counterpart: none` marks one passage that has no counterpart: it needs exactly one quote, this one has 0",
            ),
        ],
    );
    // Exactly these: one finding per wrong pin.
    let out = corpus.run("check", &[]);
    assert_contains(&out.stdout, ": 10 errors, 0 warnings");
}

#[test]
fn a_document_without_partner_needs_in() {
    let corpus = Corpus::good()
        .edit_brief("    parallel: id-vna\n", "")
        .edit_brief("themes:", &format!("{ALONE}themes:"));
    assert_eq!(corpus.run("check", &[]).code, 1);
    check_lines(
        &corpus,
        &[
            (
                3,
                "14: error: `vi-gov` has no partner (no `parallel:` from or to it): `counterpart: none` does not say in which document",
            ),
            (0, "    name the document without counterpart with `in:`"),
        ],
    );
}

#[test]
fn a_pin_on_a_sentence_pinned_alone_is_a_warning_and_gives_way() {
    let pins = format!(
        "{ALONE}  - quotes:
      - doc: id-vna
        text: Perdana Menteri
      - doc: vi-gov
        text: hội nghị ngoại giao
"
    );
    let corpus = with_pins(&pins);
    assert_eq!(corpus.run("check", &[]).code, 0);
    check_lines(
        &corpus,
        &[(
            6,
            "5: warning: this pin shares a sentence of id-vna or vi-gov with pins[0]; the aligner keeps the earlier pin",
        )],
    );
    // The earlier pin holds: the opening stays alone.
    let all = pairs(&corpus);
    let opening = on_line(&all, "a", 1);
    assert!(opening["b"].is_null(), "{opening}");
}

mod properties {
    use crate::align::assert_well_formed;
    use crate::align::properties::{joined, pool};
    use briefing::engine::align::{By, Link, Which, align_texts, mode_for, segment};
    use proptest::prelude::*;

    /// Up to 20 sentences of the pool for each text.
    fn picks() -> impl Strategy<Value = (Vec<usize>, Vec<usize>)> {
        let one = || prop::collection::vec(0usize..1000, 1..20);
        (one(), one())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        /// Whatever two texts and pins: the first pin holds, a passage pinned alone as a gap
        /// and a pinned pair as that pair, and the alignment stays well formed.
        #[test]
        fn the_first_pin_holds_whatever_the_texts(
            (picks_a, picks_b) in picks(),
            pins in prop::collection::vec((0usize..3, 0usize..40, 0usize..40), 1..4),
        ) {
            let (a, b) = {
                let pool = pool();
                (joined(&pool, &picks_a), joined(&pool, &picks_b))
            };
            let (sa, sb) = (segment::sentences(&a), segment::sentences(&b));
            let links: Vec<Link> = pins
                .iter()
                .map(|&(kind, i, j)| {
                    let (i, j) = (i % sa.len(), j % sb.len());
                    match kind {
                        0 => Link::Alone { side: Which::A, range: sa[i].clone() },
                        1 => Link::Alone { side: Which::B, range: sb[j].clone() },
                        _ => Link::Pin { a: sa[i].clone(), b: sb[j].clone() },
                    }
                })
                .collect();
            let al = align_texts(&a, &b, &links, mode_for("vi", "id"));
            assert_well_formed(&al);
            let (kind, i, j) = pins[0];
            let (i, j) = (i % sa.len(), j % sb.len());
            let holding = |side_b: bool, k: usize| {
                al.pairs
                    .iter()
                    .find(|p| if side_b { p.b.contains(&k) } else { p.a.contains(&k) })
                    .expect("every sentence is in a pair")
            };
            let (pair, alone_ok) = match kind {
                0 => (holding(false, i), holding(false, i).b.is_empty()),
                1 => (holding(true, j), holding(true, j).a.is_empty()),
                _ => (holding(false, i), holding(false, i).b == (j..j + 1)),
            };
            prop_assert!(pair.by == By::Pin && alone_ok, "{:?} for {:?}", pair, pins[0]);
        }
    }
}
