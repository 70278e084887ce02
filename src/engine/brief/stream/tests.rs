//! The streaming reader against serde_yaml: where it reads a brief, it reads what
//! serde_yaml reads; where it gives up, `from_str` still gives serde_yaml's answer.

use std::fmt;

use proptest::prelude::*;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use super::{from_str, streaming};
use crate::engine::brief::BriefFile;

/// Which visitor method a reader called for a scalar, and with what.
#[derive(Debug, PartialEq)]
enum Seen {
    Unit,
    Bool(bool),
    U64(u64),
    I64(i64),
    U128(u128),
    I128(i128),
    /// `{:?}` of the float, so that NaN equals NaN.
    F64(String),
    Str(String),
}

impl<'de> Deserialize<'de> for Seen {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Seen, D::Error> {
        struct Probe;
        impl Visitor<'_> for Probe {
            type Value = Seen;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scalar")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Seen, E> {
                Ok(Seen::Unit)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Seen, E> {
                Ok(Seen::Bool(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Seen, E> {
                Ok(Seen::U64(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Seen, E> {
                Ok(Seen::I64(v))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Seen, E> {
                Ok(Seen::U128(v))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Seen, E> {
                Ok(Seen::I128(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Seen, E> {
                Ok(Seen::F64(format!("{v:?}")))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Seen, E> {
                Ok(Seen::Str(v.to_owned()))
            }
        }
        d.deserialize_any(Probe)
    }
}

/// The scalar `v` as both readers resolve it, written as the value of a key.
fn both(v: &str) -> (Option<Seen>, Option<Seen>) {
    #[derive(Deserialize, Debug, PartialEq)]
    struct One {
        v: Seen,
    }
    let source = format!("v: {v}\n");
    let fast = streaming::<One>(&source).map(|o| o.v);
    let slow = serde_yaml::from_str::<One>(&source).ok().map(|o| o.v);
    (fast, slow)
}

#[test]
fn plain_scalars_resolve_as_serde_yaml_resolves_them() {
    // Separated by `|`; the first case is the empty scalar.
    let cases = "|~|null|Null|NULL|nULL|true|True|TRUE|tRue|false|yes|no|on|0|-0|+0|7|+7|-7|007|\
         -007|+007|0x1F|0X1F|+0x1F|-0x1F|0x+1|0x-1|0x|0o17|-0o17|0o8|0b101|-0b101|0b2|\
         18446744073709551615|18446744073709551616|-9223372036854775808|\
         -9223372036854775809|340282366920938463463374607431768211456|1.5|1.50|+1.5|-1.5|\
         ++1.5|+-1.5|1.|.5|1e3|1E3|1e400|-1e400|1_000|8,3|8.3%|.inf|.Inf|.INF|+.inf|-.inf|\
         -.Inf|inf|infinity|.nan|.NaN|.NAN|+.nan|nan|NaN|0.0|00.5|2025-07-22|12:30|1:20|\
         222/2025/QH15|Tăng trưởng 8,3%|a b  c|Infinity|INF|Nan|e5|E5|x1|d0|_1|đ1";
    for case in cases.split('|') {
        let (fast, slow) = both(case);
        assert!(fast.is_some(), "{case:?}: the streaming reader gave up");
        assert_eq!(fast, slow, "{case:?}");
    }
}

/// A text in one of YAML's scalar styles, chosen by `style`.
pub(super) fn styled(text: &str, style: u8, indent: usize) -> String {
    match style % 5 {
        0 => text.to_owned(),
        1 => format!("'{}'", text.replace('\'', "''")),
        2 => format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\"")),
        3 => format!("|\n{}{}", " ".repeat(indent + 2), text),
        _ => format!(">-\n{}{}", " ".repeat(indent + 2), text),
    }
}

pub(super) fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z][a-z0-9 ,.%ăđêôơưạấ-]{0,16}",
        prop::sample::select(vec![
            "8,3",
            "17",
            "1.50",
            "~",
            "null",
            "true",
            "0x10",
            "007",
            "- x",
            "a: b",
            "# c",
            "'q'",
            "\"q\"",
            "x #y",
            ".nan",
            "Tăng trưởng 8,3%",
            "[a]",
            "{b}",
            "a\\b",
            "",
        ])
        .prop_map(str::to_owned),
    ]
}

/// A brief as a curator might write it, in a random mixture of styles, without tags,
/// anchors or aliases.
fn brief() -> impl Strategy<Value = String> {
    let quote = (
        text(),
        text(),
        any::<u8>(),
        any::<u8>(),
        any::<bool>(),
        any::<bool>(),
    );
    let figure = (
        text(),
        text(),
        prop::collection::vec(text(), 0..3),
        any::<u8>(),
        prop::collection::vec(quote, 0..3),
        prop::option::of(text()),
    );
    (
        text(),
        any::<u8>(),
        prop::option::of(text()),
        prop::collection::vec(figure, 0..4),
    )
        .prop_map(|(title, style, date, figures)| {
            let mut y = format!("# a brief\ntitle: {}\n", styled(&title, style, 0));
            if let Some(date) = date {
                y += &format!("date: {}\n", styled(&date, style / 5, 0));
            }
            y += "documents:\n  - id: a\n    file: a.txt\n  - {id: b, lang: id}\n";
            y += "figures:\n";
            for (label, value, topics, style, quotes, amount) in figures {
                y += &format!("  - label: {}\n", styled(&label, style, 4));
                y += &format!("    value: {}\n", styled(&value, style / 5, 4));
                match (topics.len(), style % 2) {
                    (1, _) => y += &format!("    topics: {}\n", styled(&topics[0], style, 4)),
                    (_, 0) => y += &format!("    topics: [{}]\n", topics.join(", ")),
                    _ => {
                        y += "    topics:\n";
                        for t in &topics {
                            y += &format!("      - {}\n", styled(t, style / 3, 6));
                        }
                    }
                }
                if let Some(amount) = amount {
                    y += &format!("    amount: {}\n", styled(&amount, style / 7, 4));
                }
                y += "    quotes:\n";
                for (doc, text, s1, s2, flow, prefix) in quotes {
                    if flow {
                        y += &format!(
                            "      - {{doc: {doc}, text: {}}}\n",
                            styled(&text, s1 % 3, 8)
                        );
                    } else {
                        y += &format!("      - doc: {}\n", styled(&doc, s1, 8));
                        y += &format!("        text: {}\n", styled(&text, s2, 8));
                        if prefix {
                            y += &format!("        prefix: {}\n", styled(&doc, s2 / 5, 8));
                        }
                    }
                }
            }
            y
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_scalars_resolve_alike(v in "[-+0-9a-fA-FxobeEnNiI.~_ ,:]{0,12}") {
        let (fast, slow) = both(&v);
        if fast.is_some() {
            prop_assert_eq!(fast, slow, "{:?}", v);
        }
    }

    /// Where the streaming reader reads a brief, serde_yaml reads the same brief. (Where
    /// it gives up, serde_yaml reads it: saphyr refuses a few plain scalars that libyaml
    /// takes, such as `a -` in a flow mapping.)
    #[test]
    fn generated_briefs_read_alike(source in brief()) {
        if let Some(fast) = streaming::<BriefFile>(&source) {
            let slow = serde_yaml::from_str::<BriefFile>(&source);
            // Compared by their Debug texts, where NaN equals NaN.
            prop_assert_eq!(format!("{:?}", Some(fast)), format!("{:?}", slow.ok()), "{}", source);
        }
    }
}

#[test]
fn the_built_in_briefs_read_alike() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    let mut read = 0;
    for entry in std::fs::read_dir(dir).expect("briefs/") {
        let path = entry.expect("an entry").path();
        let source = std::fs::read_to_string(&path).expect("a brief");
        let fast = streaming::<BriefFile>(&source);
        assert!(
            fast.is_some(),
            "{}: the streaming reader gave up",
            path.display()
        );
        assert_eq!(
            fast,
            serde_yaml::from_str(&source).ok(),
            "{}",
            path.display()
        );
        read += 1;
    }
    assert!(read >= 2, "{read} briefs");
}

#[test]
fn what_it_does_not_take_is_read_by_serde_yaml() {
    let base = "documents:\n  - id: a\n";
    for (what, source) in [
        (
            "an anchor and an alias",
            format!("title: &t T\nsummary: *t\n{base}"),
        ),
        ("a tag", format!("title: !!str 17\n{base}")),
        (
            "a second document",
            format!("title: T\n{base}---\ntitle: U\n"),
        ),
        ("a syntax error", format!("title: \"T\n{base}")),
        ("an unknown key", format!("title: T\n{base}colour: red\n")),
        ("a list for a text", format!("title: [T]\n{base}")),
        ("a duplicate key", format!("title: T\ntitle: U\n{base}")),
    ] {
        assert_eq!(streaming::<BriefFile>(&source), None, "{what}");
        let fast_or_slow = from_str::<BriefFile>(&source).map_err(|e| e.to_string());
        let slow = serde_yaml::from_str::<BriefFile>(&source).map_err(|e| e.to_string());
        assert_eq!(fast_or_slow, slow, "{what}");
    }
    let aliased = from_str::<BriefFile>(&format!("title: &t T\nsummary: *t\n{base}"));
    assert_eq!(aliased.expect("aliases load").summary.as_deref(), Some("T"));
}

/// Keys it does not know are skipped; `y` takes any YAML.
#[derive(Deserialize, Debug, PartialEq)]
struct Loose {
    title: String,
    #[serde(default)]
    y: Option<serde_yaml::Value>,
}

#[test]
fn nesting_past_the_depth_is_left_to_serde_yaml() {
    for key in ["x", "y"] {
        let shallow = format!("title: T\n{key}: {}{}\n", "[".repeat(90), "]".repeat(90));
        assert!(streaming::<Loose>(&shallow).is_some(), "{key}: 90 levels");
        let deep = format!("title: T\n{key}: {}{}\n", "[".repeat(200), "]".repeat(200));
        assert!(streaming::<Loose>(&deep).is_none(), "{key}: 200 levels");
        assert_eq!(
            from_str::<Loose>(&deep).map_err(|e| e.to_string()),
            serde_yaml::from_str::<Loose>(&deep).map_err(|e| e.to_string()),
        );
    }
}

#[test]
fn deep_nesting_gives_up_without_exhausting_the_stack() {
    for key in ["x", "y"] {
        let source = format!("title: T\n{key}: {}\n", "[".repeat(100_000));
        assert!(streaming::<Loose>(&source).is_none(), "{key}: flow");
        let source = format!("title: T\n{key}:\n{}\n", "- ".repeat(100_000));
        assert!(streaming::<Loose>(&source).is_none(), "{key}: block");
    }
}

/// The streaming reader is the path taken: of generated briefs that serde_yaml reads,
/// it reads nearly all.
#[test]
fn the_streaming_reader_reads_nearly_every_generated_brief() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRng, TestRunner};
    let rng = TestRng::deterministic_rng(Config::default().rng_algorithm);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let (mut loads, mut streamed) = (0, 0);
    for _ in 0..1_000 {
        let source = brief().new_tree(&mut runner).expect("a brief").current();
        if serde_yaml::from_str::<BriefFile>(&source).is_ok() {
            loads += 1;
            streamed += usize::from(streaming::<BriefFile>(&source).is_some());
        }
    }
    eprintln!("{streamed} of {loads} streamed");
    assert!(loads >= 100, "{loads} of 1,000 generated briefs load");
    assert!(
        streamed * 100 >= loads * 98,
        "{streamed} of {loads} streamed"
    );
}
