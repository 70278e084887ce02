//! Key figures across briefs, documents and years: one row per figure, filtered and
//! sorted here; laid out as a text table, CSV, JSON or Markdown by the files beside this
//! one, and grouped by measure for comparison in `compare`.

pub mod compare;
pub mod csv;
pub mod json;
pub mod markdown;
pub mod output;
pub mod period;
mod sort;
pub mod table;
pub mod text;

use crate::engine::brief::FIGURE_KINDS;
use crate::engine::clean::clean_line;
use crate::engine::corpus::{
    Anchor, AnchorFailure, Annotation, AnnotationId, AnnotationKind, Brief, Corpus, Document,
    Measure, Topic,
};
use period::PeriodKey;
use sort::kind_rank;
pub use sort::{Column, KIND_ORDER, order, sort};

/// One figure with what its row shows.
#[derive(Debug, Clone)]
pub struct FigureRow<'a> {
    /// The figure's annotation id.
    pub index: AnnotationId,
    pub annotation: &'a Annotation,
    pub brief: &'a Brief,
    /// The structured value (all blank when the figure has none).
    pub measure: &'a Measure,
    pub topics: Vec<&'a Topic>,
    pub quotes: Vec<QuotePlace<'a>>,
    /// The period's place in time, for sorting and comparing.
    pub period_key: PeriodKey,
}

/// Where one quote of a figure stands.
#[derive(Debug, Clone, Copy)]
pub struct QuotePlace<'a> {
    /// The document id as the quote names it.
    pub doc_id: &'a str,
    /// The document, when the id is known.
    pub doc: Option<&'a Document>,
    pub anchor: Result<&'a Anchor, &'a AnchorFailure>,
}

impl QuotePlace<'_> {
    /// The document's language tag, `?` when unknown.
    pub fn lang(&self) -> &str {
        self.doc.map_or("?", Document::lang)
    }

    /// `FILE:LINE:COLUMN`, or the file and why the quote has no place.
    pub fn place(&self) -> String {
        match (self.doc, self.anchor) {
            (Some(doc), Ok(a)) => format!("{}:{}:{}", doc.file, a.line(), a.column()),
            (Some(doc), Err(f)) => format!("{} ({f})", doc.file),
            (None, _) => format!("{} (unknown document)", self.doc_id),
        }
    }
}

static BLANK: Measure = Measure {
    id: None,
    kind: None,
    amount: None,
    amount_max: None,
    unit: None,
    period: None,
};

impl<'a> FigureRow<'a> {
    pub fn label(&self) -> &'a str {
        self.annotation.label().unwrap_or("")
    }

    pub fn value(&self) -> &'a str {
        self.annotation.value().unwrap_or("")
    }

    pub fn kind(&self) -> Option<&'a str> {
        self.measure.kind.as_deref()
    }

    pub fn unit(&self) -> Option<&'a str> {
        self.measure.unit.as_deref()
    }

    pub fn period(&self) -> Option<&'a str> {
        self.measure.period.as_deref()
    }

    pub fn measure_id(&self) -> Option<&'a str> {
        self.measure.id.as_deref()
    }

    /// `8.3`, `8.3–8.5`, `up to 8.5`, or nothing.
    pub fn amount_text(&self) -> String {
        amount_text(self.measure.amount, self.measure.amount_max)
    }

    /// The documents it is quoted in, each once, in order of its quotes.
    pub fn documents(&self) -> Vec<(&'a str, &'a str)> {
        let mut out: Vec<(&str, &str)> = Vec::new();
        for q in &self.quotes {
            let lang = q.doc.map_or("?", Document::lang);
            if !out.iter().any(|(id, _)| *id == q.doc_id) {
                out.push((q.doc_id, lang));
            }
        }
        out
    }
}

/// An amount as a table shows it.
pub fn amount_text(amount: Option<f64>, max: Option<f64>) -> String {
    match (amount, max) {
        (Some(a), Some(b)) => format!("{a}–{b}"),
        (Some(a), None) => a.to_string(),
        (None, Some(b)) => format!("up to {b}"),
        (None, None) => String::new(),
    }
}

/// Every figure of the corpus, brief by brief, in the order the briefs give them.
pub fn rows(corpus: &Corpus) -> Vec<FigureRow<'_>> {
    corpus
        .annotations()
        .enumerated()
        .filter(|(_, a)| a.kind() == AnnotationKind::Figure)
        .filter_map(|(index, a)| row(corpus, index, a))
        .collect()
}

/// The row of figure `index` (into `Corpus::annotations`), if it is a figure.
pub fn row_at(corpus: &Corpus, index: AnnotationId) -> Option<FigureRow<'_>> {
    let a = corpus.annotations().get(index)?;
    (a.kind() == AnnotationKind::Figure)
        .then(|| row(corpus, index, a))
        .flatten()
}

fn row<'a>(corpus: &'a Corpus, index: AnnotationId, a: &'a Annotation) -> Option<FigureRow<'a>> {
    let measure = a.measure().unwrap_or(&BLANK);
    Some(FigureRow {
        index,
        annotation: a,
        brief: corpus.briefs().get(a.brief)?,
        measure,
        topics: a
            .topics
            .iter()
            .filter_map(|&t| corpus.topics().get(t))
            .collect(),
        quotes: a
            .quotes
            .iter()
            .map(|q| {
                let doc = match &q.anchor {
                    Ok(anchor) => Some(anchor.doc),
                    Err(_) => corpus.document_by_id(&q.doc_id),
                };
                QuotePlace {
                    doc_id: &q.doc_id,
                    doc: doc.and_then(|d| corpus.documents().get(d)),
                    anchor: q.anchor.as_ref(),
                }
            })
            .collect(),
        period_key: PeriodKey::of(measure.period.as_deref()),
    })
}

/// Which figures to show; every field narrows, an empty one does not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Figures carrying any of these topic ids.
    pub topics: Vec<String>,
    pub kind: Option<String>,
    /// Figures quoted in this document (by id).
    pub doc: Option<String>,
    /// Figures quoted in a document of this language.
    pub lang: Option<String>,
}

impl Filter {
    pub fn accepts(&self, row: &FigureRow) -> bool {
        (self.topics.is_empty() || row.topics.iter().any(|t| self.topics.contains(&t.id)))
            && self.kind.as_deref().is_none_or(|k| row.kind() == Some(k))
            && self
                .doc
                .as_deref()
                .is_none_or(|d| row.quotes.iter().any(|q| q.doc_id == d))
            && self
                .lang
                .as_deref()
                .is_none_or(|l| row.quotes.iter().any(|q| q.lang() == l))
    }

    /// The first id it names that the corpus does not know.
    pub fn unknown(&self, corpus: &Corpus) -> Option<FilterError> {
        if let Some(id) = self.topics.iter().find(|t| corpus.topic_by_id(t).is_none()) {
            let known = corpus.topics().iter().map(|t| t.id.clone()).collect();
            return Some(FilterError::UnknownTopic {
                id: id.clone(),
                known,
            });
        }
        if let Some(kind) = self.kind.as_deref()
            && !FIGURE_KINDS.contains(&kind)
        {
            return Some(FilterError::UnknownKind {
                kind: kind.to_string(),
            });
        }
        if let Some(id) = self.doc.as_deref()
            && corpus.document_by_id(id).is_none()
        {
            let mut known: Vec<String> = corpus
                .documents()
                .iter()
                .filter_map(|d| d.meta.as_ref().map(|m| m.id.clone()))
                .collect();
            known.sort_unstable();
            return Some(FilterError::UnknownDocument {
                id: id.to_string(),
                known,
            });
        }
        None
    }
}

/// A filter that names something the corpus does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    #[error("no topic `{id}`; topics are: {}", known.join(", "))]
    UnknownTopic { id: String, known: Vec<String> },
    #[error("no kind `{kind}`; kinds are: {}", FIGURE_KINDS.join(", "))]
    UnknownKind { kind: String },
    #[error("no document `{id}`; documents are: {}", known.join(", "))]
    UnknownDocument { id: String, known: Vec<String> },
}

/// Corpus text made safe for a terminal, on one line: white space runs become one space,
/// what must not reach a terminal is shown escaped (the engine's one cleaner).
pub fn cell(s: &str) -> String {
    // Most cells are printable ASCII on one line already: one copy, nothing to look at.
    let plain = s.bytes().all(|b| (0x20..0x7f).contains(&b));
    if plain && !s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  ") {
        return s.to_string();
    }
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    clean_line(&one_line).into_owned()
}

#[cfg(test)]
pub(crate) mod test_corpus {
    use crate::engine::corpus::Corpus;
    use crate::engine::load::load_listing;
    use crate::engine::source::{Listing, SourceFile};

    /// A corpus of one seed (`a.txt`, id `a`, Vietnamese) and one brief whose figures are
    /// `figures` (YAML list items), over topics `t` and `u`.
    pub fn with_figures(figures: &str) -> Corpus {
        let file = |name: &str, shown: &str, bytes: &str| {
            SourceFile::in_memory(name, shown, bytes.as_bytes().to_vec())
        };
        let brief = format!(
            "title: B\ndocuments:\n  - id: a\n    file: a.txt\n    lang: vi\n\
             topics:\n  - id: t\n    title: T\n  - id: u\n    title: U\nfigures:\n{figures}"
        );
        load_listing(
            Listing {
                root: None,
                seeds: vec![file(
                    "a.txt",
                    "seeds/a.txt",
                    "một hai ba bốn năm sáu bảy tám",
                )],
                briefs: vec![file("b.yaml", "briefs/b.yaml", &brief)],
                findings: Vec::new(),
            },
            None,
        )
    }

    /// A figure item quoting `quote`, with extra keys (`"    amount: 3\n"`).
    pub fn figure(label: &str, quote: &str, keys: &str) -> String {
        format!(
            "  - label: {label}\n    value: v\n    topics: t\n{keys}    quotes:\n      - doc: a\n        text: {quote}\n"
        )
    }
}
