//! The items of a resolved corpus: briefs, topics, annotations with their quotes and
//! anchors, and the curators' pins (documents are `document.rs`'s). Plain data; the [`Corpus`](super::Corpus)
//! holds them.

use std::fmt;
use std::ops::Range;

pub use crate::engine::brief::compact::{Context, Few, Name, OptStr, Str};
use crate::engine::corpus::ids::{AnnotationId, BriefId, DocId, TopicId};

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
    /// The documents it declares.
    pub documents: Vec<DocId>,
    /// The topics it defines.
    pub topics: Vec<TopicId>,
    /// Its figures and themes.
    pub annotations: Vec<AnnotationId>,
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

/// A figure or a theme, with what both have: a brief, topics and quotes. A brief may hold
/// a million, most with one topic and one quote: both lists hold one item in place.
#[derive(Debug, Clone)]
pub struct Annotation {
    /// The brief it belongs to.
    pub brief: BriefId,
    /// Its topics (unknown ids are dropped and reported).
    pub topics: Few<TopicId>,
    pub quotes: Few<Quote>,
    /// What it says: a figure's label and value, or a theme's gloss.
    pub says: Says,
}

/// What an annotation says. (A figure boxed: its three texts would make every theme as
/// large.)
#[derive(Debug, Clone)]
pub enum Says {
    Figure(Box<Figure>),
    Theme(Theme),
}

/// A key figure: a labelled value.
#[derive(Debug, Clone)]
pub struct Figure {
    /// The English label.
    pub label: String,
    /// The normalised value.
    pub value: String,
    pub note: Option<String>,
    /// Its structured value, when the curator gave one.
    /// (Boxed: most figures have none, and a corpus holds thousands.)
    pub measure: Option<Box<Measure>>,
}

/// A theme: a passage on a topic.
#[derive(Debug, Clone)]
pub struct Theme {
    /// The English gloss.
    pub note: OptStr,
}

impl Annotation {
    /// Figure or theme.
    pub fn kind(&self) -> AnnotationKind {
        match self.says {
            Says::Figure(_) => AnnotationKind::Figure,
            Says::Theme(_) => AnnotationKind::Theme,
        }
    }

    /// The figure, if it is one.
    pub fn figure(&self) -> Option<&Figure> {
        match &self.says {
            Says::Figure(f) => Some(f),
            Says::Theme(_) => None,
        }
    }

    /// A figure's label.
    pub fn label(&self) -> Option<&str> {
        self.figure().map(|f| f.label.as_str())
    }

    /// A figure's value.
    pub fn value(&self) -> Option<&str> {
        self.figure().map(|f| f.value.as_str())
    }

    /// A figure's note, or a theme's gloss.
    pub fn note(&self) -> Option<&str> {
        match &self.says {
            Says::Figure(f) => f.note.as_deref(),
            Says::Theme(t) => t.note.as_deref(),
        }
    }

    /// A figure's structured value.
    pub fn measure(&self) -> Option<&Measure> {
        self.figure().and_then(|f| f.measure.as_deref())
    }

    /// A one-line title: the label of a figure, the note of a theme.
    pub fn headline(&self) -> &str {
        self.label().or(self.note()).unwrap_or("(theme)")
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
    /// The document id as written (one allocation for all the quotes of a brief that
    /// write it).
    pub doc_id: Name,
    pub text: Str,
    /// Its prefix and suffix, if it has them (read through [`Quote::prefix`] and
    /// [`Quote::suffix`]).
    pub context: Context,
    /// Where it landed, or why it did not.
    pub anchor: Result<Anchor, AnchorFailure>,
}

impl Quote {
    /// The words just before it, if the curator gave them.
    pub fn prefix(&self) -> Option<&str> {
        self.context.prefix()
    }

    /// The words just after it, if the curator gave them.
    pub fn suffix(&self) -> Option<&str> {
        self.context.suffix()
    }
}

/// A quote placed in a document. (Twenty bytes: a corpus may hold millions. Offsets fit
/// in `u32`: a file is read up to 1 GiB, and NFC at most triples UTF-8.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    /// The document it stands in.
    pub doc: DocId,
    start: u32,
    end: u32,
    line: u32,
    column: u32,
}

const _: () = assert!(3 * crate::engine::source::MAX_FILE_BYTES <= u32::MAX as u64);

impl Anchor {
    /// The quote at byte `range` of `doc`'s text, whose start is at 1-based `line` and
    /// `column` (in characters).
    pub fn new(doc: DocId, range: Range<usize>, line: usize, column: usize) -> Anchor {
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Anchor {
            doc,
            start: small(range.start),
            end: small(range.end),
            line: small(line),
            column: small(column),
        }
    }

    /// Byte range in the document's NFC text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Where it starts, in bytes.
    pub fn start(&self) -> usize {
        self.start as usize
    }

    /// 1-based line of the start.
    pub fn line(&self) -> usize {
        self.line as usize
    }

    /// 1-based column of the start, in characters.
    pub fn column(&self) -> usize {
        self.column as usize
    }
}

/// Why a quote could not be placed; the matching finding carries the full message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnchorFailure {
    /// The quote names a document id no brief declares (or whose file is missing).
    UnknownDocument,
    /// The text is not in the document.
    NotFound,
    /// The text stands in several places.
    Ambiguous(Box<Places>),
    /// The quote is empty.
    Empty,
}

/// Where an ambiguous quote stands. (Boxed in [`AnchorFailure`], so that a quote's
/// `Result<Anchor, AnchorFailure>` is 24 bytes, not 32.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    /// The 1-based line of each place kept.
    pub lines: Vec<usize>,
}

/// The one short text of why a quote was not placed, in orphan lists and printed briefs
/// (the finding says more), and the `error` of a quote in JSON: `not found`,
/// `ambiguous: 2 places, lines 3, 7`.
impl fmt::Display for AnchorFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnchorFailure::UnknownDocument => f.write_str("unknown document"),
            AnchorFailure::NotFound => f.write_str("not found"),
            AnchorFailure::Ambiguous(places) => {
                let lines = &places.lines;
                let mut distinct = lines.clone();
                distinct.dedup();
                let shown: Vec<String> = distinct.iter().map(usize::to_string).collect();
                let word = if distinct.len() == 1 { "line" } else { "lines" };
                write!(
                    f,
                    "ambiguous: {} places, {word} {}",
                    lines.len(),
                    shown.join(", ")
                )
            }
            AnchorFailure::Empty => f.write_str("empty quote"),
        }
    }
}

/// A passage a curator aligns by hand where the aligner goes wrong (`pins:` in a brief,
/// resolved and checked in `resolve`): the sentences its first quote touches, paired with
/// those of the second, or left without counterpart, whatever the text suggests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    /// The brief that pins it.
    pub brief: BriefId,
    /// The curator's reason, if given.
    pub note: Option<String>,
    /// The first quote's place.
    pub a: Anchor,
    /// What renders it in another document.
    pub b: Counterpart,
}

/// The other side of a pin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Counterpart {
    /// The second quote's place (in another document).
    Passage(Anchor),
    /// `counterpart: none`: nothing in document `doc` renders the passage.
    Absent { doc: DocId },
}

impl Counterpart {
    /// The document of the other side.
    pub fn doc(&self) -> DocId {
        match self {
            Counterpart::Passage(anchor) => anchor.doc,
            Counterpart::Absent { doc } => *doc,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A brief may hold a million annotations of one quote each: every byte here is a
    /// megabyte there (issue 10: a million quotes within twice the corpus).
    #[test]
    fn an_annotation_of_one_quote_stays_small() {
        use std::mem::size_of;
        assert_eq!(size_of::<Anchor>(), 20);
        assert_eq!(size_of::<Result<Anchor, AnchorFailure>>(), 24);
        assert_eq!(size_of::<Quote>(), 56);
        assert_eq!(size_of::<Few<Quote>>(), 56);
        assert_eq!(size_of::<Annotation>(), 96);
    }

    #[test]
    fn an_anchor_gives_back_what_it_was_given() {
        let anchor = Anchor::new(DocId::new(3), 10..25, 2, 7);
        assert_eq!(anchor.doc, DocId::new(3));
        assert_eq!((anchor.range(), anchor.start()), (10..25, 10));
        assert_eq!((anchor.line(), anchor.column()), (2, 7));
    }

    #[test]
    fn an_ambiguous_quote_lists_its_distinct_lines() {
        let failure = AnchorFailure::Ambiguous(Box::new(Places {
            lines: vec![3, 3, 7],
        }));
        assert_eq!(failure.to_string(), "ambiguous: 3 places, lines 3, 7");
    }
}
