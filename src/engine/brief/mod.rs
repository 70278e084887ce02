//! The brief as written in YAML: serde types that reject unknown keys (here), one file
//! parsed into them or into a finding in the brief's words (`parse.rs`), the place of each
//! node for messages (`positions.rs`). Resolution into the corpus model (ids, anchors)
//! happens in `resolve`.

pub mod compact;
mod declared;
pub mod doc_ids;
pub(crate) mod parse;
pub(crate) mod positions;
pub(crate) mod stream;
pub(crate) mod yaml;

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;

use serde::de::{self, Deserializer, SeqAccess, Visitor};

use compact::{Few, Name, Str};
pub(crate) use declared::Declared;

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
    #[serde(default)]
    pub pins: Vec<PinDecl>,
}

impl BriefFile {
    /// A brief read from its YAML text, as a load reads each (serde_yaml's error where it
    /// does not parse).
    pub fn from_yaml(source: &str) -> Result<BriefFile, serde_yaml::Error> {
        stream::from_str(source)
    }
}

impl BriefFile {
    /// Gives back the room its lists grew into while parsed: a corpus's briefs are all
    /// held at once before they are resolved.
    pub(crate) fn fit(&mut self) {
        self.documents.shrink_to_fit();
        self.topics.shrink_to_fit();
        self.figures.shrink_to_fit();
        self.themes.shrink_to_fit();
        self.pins.shrink_to_fit();
    }
}

/// Two passages the aligner must pair (one quote in each of two documents), or one it
/// must leave without counterpart (one quote and `counterpart: none`, in the quote's
/// partner or in the document `in:` names).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct PinDecl {
    #[serde(default, deserialize_with = "opt_scalar")]
    pub note: Option<String>,
    pub quotes: Vec<QuoteDecl>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub counterpart: Option<String>,
    #[serde(default, rename = "in", deserialize_with = "opt_scalar")]
    pub within: Option<String>,
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
    pub topics: Few<Name>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub note: Option<String>,
    /// The id (a slug) of what the figure measures, shared by figures that measure the
    /// same thing: the 2025 growth target and the first-half result are one measure.
    #[serde(default, deserialize_with = "opt_scalar")]
    pub measure: Option<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub kind: Option<String>,
    #[serde(default)]
    pub amount: Option<AmountDecl>,
    #[serde(default)]
    pub amount_max: Option<AmountDecl>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub unit: Option<String>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub period: Option<String>,
    pub quotes: Few<QuoteDecl>,
}

/// A theme: a passage that carries a topic. Its texts are the model's own, moved there
/// when the brief resolves.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ThemeDecl {
    #[serde(deserialize_with = "one_or_many")]
    pub topics: Few<Name>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub note: Option<Str>,
    pub quotes: Few<QuoteDecl>,
}

/// One anchor: a quote in a document.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct QuoteDecl {
    pub doc: Name,
    #[serde(deserialize_with = "scalar")]
    pub text: Str,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub prefix: Option<Str>,
    #[serde(default, deserialize_with = "opt_scalar")]
    pub suffix: Option<Str>,
}

/// An amount as written. Anything that is not a number still loads, so that `check` can
/// report it at its place and the figure still lists, its amount blank.
#[derive(Debug, Clone, PartialEq)]
pub enum AmountDecl {
    /// A YAML number (possibly `.nan` or `.inf`, which check refuses).
    Number(f64),
    /// A string: a number in quotes, or text such as `8,3` or `1e400`.
    Text(String),
    /// Something that is no scalar number at all: `a list`, `a mapping`, `true`.
    Other(&'static str),
}

/// The kinds a figure's `kind:` may take.
pub const FIGURE_KINDS: &[&str] = &["target", "result", "forecast", "count", "reference"];

const SCALAR: &str = "text (a string, number or date), not a list or a mapping";

/// Reads any YAML scalar as the text the curator wrote (`value: 17` is "17"), made into
/// a value by the function it holds, from the text borrowed where the brief holds it as it
/// is; a list or a mapping is an error at that node.
pub(crate) struct ScalarVisitor<T>(pub(crate) fn(Cow<'_, str>) -> T);

impl<'de, T> Visitor<'de> for ScalarVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(SCALAR)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        Ok(self.0(Cow::Borrowed(v)))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<T, E> {
        Ok(self.0(Cow::Owned(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        Ok(self.0(Cow::Owned(v.to_string())))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        Ok(self.0(Cow::Owned(v.to_string())))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        Ok(self.0(Cow::Owned(v.to_string())))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<T, E> {
        Ok(self.0(Cow::Owned(v.to_string())))
    }
}

/// Any scalar as text: a `String`, or a [`Str`] for what briefs hold by the million.
fn scalar<'de, D: Deserializer<'de>, T: From<String>>(d: D) -> Result<T, D::Error> {
    d.deserialize_any(ScalarVisitor(|text| text.into_owned()))
        .map(T::from)
}

fn opt_scalar<'de, D: Deserializer<'de>, T: From<String>>(d: D) -> Result<Option<T>, D::Error> {
    struct OptVisitor<T>(std::marker::PhantomData<T>);
    impl<'de, T: From<String>> Visitor<'de> for OptVisitor<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(SCALAR)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            scalar(d).map(Some)
        }
    }
    d.deserialize_option(OptVisitor(std::marker::PhantomData))
}

/// `topics: fta` and `topics: [fta, growth]` both read as a list.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Few<Name>, D::Error> {
    struct ListVisitor;
    impl<'de> Visitor<'de> for ListVisitor {
        type Value = Few<Name>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a topic id or a list of topic ids, e.g. [growth, fta]")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Few::one(Name::read(v)))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(item) = seq.next_element::<Name>()? {
                out.push(item);
            }
            Ok(Few::from(out))
        }
    }
    d.deserialize_any(ListVisitor)
}

impl<'de> Deserialize<'de> for AmountDecl {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<AmountDecl, D::Error> {
        struct AmountVisitor;
        impl<'de> Visitor<'de> for AmountVisitor {
            type Value = AmountDecl;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number, e.g. 8.3")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<AmountDecl, E> {
                Ok(AmountDecl::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<AmountDecl, E> {
                Ok(AmountDecl::Number(v as f64))
            }
            // serde_yaml hands an integer beyond u64 to the 128-bit visitors.
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<AmountDecl, E> {
                Ok(AmountDecl::Number(v as f64))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<AmountDecl, E> {
                Ok(AmountDecl::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<AmountDecl, E> {
                Ok(AmountDecl::Number(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AmountDecl, E> {
                Ok(AmountDecl::Text(v.to_owned()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<AmountDecl, E> {
                Ok(AmountDecl::Other(if v { "true" } else { "false" }))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AmountDecl, A::Error> {
                while seq.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(AmountDecl::Other("a list"))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<AmountDecl, A::Error> {
                while map
                    .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
                    .is_some()
                {}
                Ok(AmountDecl::Other("a mapping"))
            }
        }
        d.deserialize_any(AmountVisitor)
    }
}
