//! The brief as written in YAML: serde types that reject unknown keys. Resolution into the
//! corpus model (ids, anchors) happens in `resolve`.

use serde::Deserialize;
use serde::de::{self, Deserializer};

/// A whole `briefs/NAME.yaml` file.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BriefFile {
    #[serde(deserialize_with = "scalar")]
    pub title: String,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub date: Option<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub summary: Option<String>,
    pub documents: Vec<DocDecl>,
    #[serde(default)]
    pub topics: Vec<TopicDecl>,
    #[serde(default)]
    pub figures: Vec<FigureDecl>,
    #[serde(default)]
    pub themes: Vec<ThemeDecl>,
}

/// A document as a brief declares it.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DocDecl {
    #[serde(deserialize_with = "scalar")]
    pub id: String,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub file: Option<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub lang: Option<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub title: Option<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub title_en: Option<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub date: Option<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub source: Option<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub parallel: Option<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub event: Option<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub note: Option<String>,
}

/// A topic definition.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TopicDecl {
    #[serde(deserialize_with = "scalar")]
    pub id: String,
    #[serde(deserialize_with = "scalar")]
    pub title: String,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub summary: Option<String>,
}

/// A key figure.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FigureDecl {
    #[serde(deserialize_with = "scalar")]
    pub label: String,
    #[serde(deserialize_with = "scalar")]
    pub value: String,
    #[serde(deserialize_with = "one_or_many")]
    pub topics: Vec<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub note: Option<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub kind: Option<String>,
    #[serde(default)]
    pub amount: Option<f64>,
    #[serde(default)]
    pub amount_max: Option<f64>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub unit: Option<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub period: Option<String>,
    pub quotes: Vec<QuoteDecl>,
}

/// A theme: a passage that carries a topic.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ThemeDecl {
    #[serde(deserialize_with = "one_or_many")]
    pub topics: Vec<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub note: Option<String>,
    pub quotes: Vec<QuoteDecl>,
}

/// One anchor: a quote in a document.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct QuoteDecl {
    #[serde(deserialize_with = "scalar")]
    pub doc: String,
    #[serde(deserialize_with = "scalar")]
    pub text: String,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub prefix: Option<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub suffix: Option<String>,
}

/// The kinds a figure's `kind:` may take.
pub const FIGURE_KINDS: &[&str] = &["target", "result", "forecast", "count", "reference"];

/// A YAML scalar of any type, read as the text the curator wrote (`value: 17` is "17").
#[derive(Deserialize)]
#[serde(untagged)]
enum AnyScalar {
    Text(String),
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl AnyScalar {
    fn into_string(self) -> String {
        match self {
            AnyScalar::Text(s) => s,
            AnyScalar::Int(i) => i.to_string(),
            AnyScalar::Float(f) => f.to_string(),
            AnyScalar::Bool(b) => b.to_string(),
        }
    }
}

fn scalar<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    AnyScalar::deserialize(d)
        .map(AnyScalar::into_string)
        .map_err(|_| de::Error::custom("expected text (a string, number or date), not a list or a mapping"))
}

fn opt_scalar<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<AnyScalar>::deserialize(d)
        .map(|o| o.map(AnyScalar::into_string))
        .map_err(|_| de::Error::custom("expected text (a string, number or date), not a list or a mapping"))
}

/// `topics: fta` and `topics: [fta, growth]` both read as a list.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(AnyScalar),
        Many(Vec<AnyScalar>),
    }
    match OneOrMany::deserialize(d) {
        Ok(OneOrMany::One(s)) => Ok(vec![s.into_string()]),
        Ok(OneOrMany::Many(v)) => Ok(v.into_iter().map(AnyScalar::into_string).collect()),
        Err(_) => Err(de::Error::custom(
            "expected a topic id or a list of topic ids, e.g. [growth, fta]",
        )),
    }
}
