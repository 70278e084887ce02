//! The resolved corpus: documents, briefs, topics and annotations with their anchors.
//! Everything the reader and the printers show comes from these types; they hold data only.

use std::ops::Range;

use crate::engine::finding::Finding;
pub mod index;

use crate::engine::text::Text;
use index::CorpusIndex;

/// A whole corpus after loading and anchoring.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// How the corpus was named on the command line (`None` for the built-in corpus).
    pub root: Option<String>,
    /// Every seed file, sorted by file name.
    pub documents: Vec<Document>,
    /// Every brief that loaded, sorted by file name.
    pub briefs: Vec<Brief>,
    /// Topics of the whole corpus, in order of first definition.
    pub topics: Vec<Topic>,
    /// Every figure and theme of every brief, brief by brief, figures before themes.
    pub annotations: Vec<Annotation>,
    /// Errors and warnings found while loading, sorted by file and position.
    pub findings: Vec<Finding>,
    /// Per-document anchors and per-topic annotations (see [`Corpus::reindex`]).
    pub index: CorpusIndex,
    /// Passages curators paired by hand (`pins:`), for the aligner.
    pub pins: Vec<crate::engine::align::Pin>,
}

/// One seed document.
#[derive(Debug, Clone)]
pub struct Document {
    /// File name relative to `seeds/`, with `/` separators.
    pub file: String,
    /// The text, NFC, line breaks as `\n`.
    pub text: Text,
    /// What the briefs say about it; `None` when no brief declares it.
    pub meta: Option<DocMeta>,
}

/// The metadata a brief declares for a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocMeta {
    pub id: String,
    pub lang: Option<String>,
    pub title: Option<String>,
    pub title_en: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
    /// The id of the parallel document (translation or report of the same event).
    pub parallel: Option<String>,
    /// The event the document reports, in English.
    pub event: Option<String>,
    /// A curator's remark on the document itself (e.g. that it is cut off).
    pub note: Option<String>,
}

/// A brief that loaded.
#[derive(Debug, Clone)]
pub struct Brief {
    /// Path as shown to the user, e.g. `briefs/econ-2025.yaml`.
    pub path: String,
    /// The brief's id: its file stem.
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub summary: Option<String>,
    /// Indexes into `Corpus::documents` of the documents it declares.
    pub documents: Vec<usize>,
    /// Indexes into `Corpus::topics` of the topics it defines.
    pub topics: Vec<usize>,
    /// Indexes into `Corpus::annotations`.
    pub annotations: Vec<usize>,
}

/// A topic: the axis the reader navigates by.
#[derive(Debug, Clone)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub summary: Option<String>,
}

/// Whether an annotation is a key figure or a theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnnotationKind {
    Figure,
    Theme,
}

/// A figure or a theme.
#[derive(Debug, Clone)]
pub struct Annotation {
    pub kind: AnnotationKind,
    /// Index into `Corpus::briefs`.
    pub brief: usize,
    /// Figures: the English label. Themes: none.
    pub label: Option<String>,
    /// Figures: the normalised value.
    pub value: Option<String>,
    /// Figures: optional note. Themes: the English gloss.
    pub note: Option<String>,
    /// Optional structured value of a figure.
    /// (Boxed: most annotations have none, and a corpus holds thousands.)
    pub measure: Option<Box<Measure>>,
    /// Indexes into `Corpus::topics` (unknown ids are dropped and reported).
    pub topics: Vec<usize>,
    pub quotes: Vec<Quote>,
}

impl Annotation {
    /// A one-line title: the label of a figure, the note of a theme.
    pub fn headline(&self) -> &str {
        self.label
            .as_deref()
            .or(self.note.as_deref())
            .unwrap_or("(theme)")
    }
}

/// The structured value of a figure, for comparing and sorting.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Measure {
    /// What it measures (`measure:`, a slug): figures with the same id are readings of one
    /// thing, compared side by side across documents and years.
    pub id: Option<String>,
    /// `target`, `result`, `forecast`, `count` or `reference`.
    pub kind: Option<String>,
    pub amount: Option<f64>,
    /// Upper bound when the value is a range.
    pub amount_max: Option<f64>,
    pub unit: Option<String>,
    pub period: Option<String>,
}

/// One place an annotation stands.
#[derive(Debug, Clone)]
pub struct Quote {
    /// The document id as written.
    pub doc_id: String,
    pub text: String,
    pub prefix: Option<String>,
    pub suffix: Option<String>,
    /// Where it landed, or why it did not.
    pub anchor: Result<Anchor, AnchorFailure>,
}

/// A quote placed in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// Index into `Corpus::documents`.
    pub doc: usize,
    /// Byte range in the document's NFC text.
    pub range: Range<usize>,
    /// 1-based line and column (in characters) of the start.
    pub line: usize,
    pub column: usize,
}

/// Why a quote could not be placed; the matching finding carries the full message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnchorFailure {
    /// The quote names a document id no brief declares (or whose file is missing).
    UnknownDocument,
    /// The text is not in the document.
    NotFound,
    /// The text stands in several places (their 1-based lines).
    Ambiguous(Vec<usize>),
    /// The quote is empty.
    Empty,
}

impl AnchorFailure {
    /// A short reason, for lists of orphans.
    pub fn reason(&self) -> String {
        match self {
            AnchorFailure::UnknownDocument => "unknown document".to_string(),
            AnchorFailure::NotFound => "quote not found".to_string(),
            AnchorFailure::Ambiguous(lines) => format!("quote matches {} places", lines.len()),
            AnchorFailure::Empty => "empty quote".to_string(),
        }
    }
}

impl Corpus {
    /// The index of the document with this id.
    pub fn document_by_id(&self, id: &str) -> Option<usize> {
        self.documents
            .iter()
            .position(|d| d.meta.as_ref().is_some_and(|m| m.id == id))
    }

    /// The index of the topic with this id.
    pub fn topic_by_id(&self, id: &str) -> Option<usize> {
        self.topics.iter().position(|t| t.id == id)
    }

    /// The index of the brief with this id (file stem) or path.
    pub fn brief_by_id(&self, id: &str) -> Option<usize> {
        self.briefs.iter().position(|b| b.id == id || b.path == id)
    }

    /// The document's partner: its `parallel` document, or one that names it as parallel.
    pub fn partner(&self, doc: usize) -> Option<usize> {
        let meta = self.documents.get(doc)?.meta.as_ref()?;
        if let Some(p) = meta
            .parallel
            .as_deref()
            .and_then(|p| self.document_by_id(p))
        {
            return Some(p);
        }
        self.documents.iter().position(|d| {
            d.meta
                .as_ref()
                .and_then(|m| m.parallel.as_deref())
                .is_some_and(|p| p == meta.id)
        })
    }

    /// Annotations whose quotes could not be placed, with the failing quote.
    pub fn orphans(&self) -> impl Iterator<Item = (usize, &Quote)> + '_ {
        self.annotations.iter().enumerate().flat_map(|(i, a)| {
            a.quotes
                .iter()
                .filter(|q| q.anchor.is_err())
                .map(move |q| (i, q))
        })
    }

    /// The errors among the findings.
    pub fn error_count(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    /// The warnings among the findings.
    pub fn warning_count(&self) -> usize {
        self.findings.len() - self.error_count()
    }
}

impl Document {
    /// The id briefs use for it, or its file name when none declares it.
    pub fn id(&self) -> &str {
        self.meta.as_ref().map_or(self.file.as_str(), |m| &m.id)
    }

    /// The language tag, or `?`.
    pub fn lang(&self) -> &str {
        self.meta
            .as_ref()
            .and_then(|m| m.lang.as_deref())
            .unwrap_or("?")
    }

    /// The title in its own language, else the English one, else the file name.
    pub fn title(&self) -> &str {
        self.meta
            .as_ref()
            .and_then(|m| m.title.as_deref().or(m.title_en.as_deref()))
            .unwrap_or(self.file.as_str())
    }
}
