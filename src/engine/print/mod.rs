//! `briefing print`: a brief for paper, a pager or a script. This module chooses what is
//! printed (briefs, topics, which annotation stands under which topic) once for every
//! format; `text`, `markdown`, `html` and `json` only lay it out.
//!
//! An annotation with several topics is printed in full under the first of them that is
//! printed, and named in a "see also" line under the others, so a printout never repeats
//! a figure yet every topic lists what carries it.

mod html;
mod json;
mod markdown;
mod text;

use std::fmt;
use std::io::Write;
use std::str::FromStr;

use crate::engine::model::{
    AnchorFailure, Annotation, AnnotationKind, Brief, Corpus, Document, Measure, Quote, Topic,
};

/// The output formats of `briefing print`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text wrapped to a width, for a printer or a pager.
    Text,
    /// Markdown: headings, lists, block quotes, tables.
    Markdown,
    /// One self-contained HTML page with print CSS.
    Html,
    /// Every brief with resolved quote positions, for scripts.
    Json,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 4] = [Format::Text, Format::Markdown, Format::Html, Format::Json];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A format name that is not one of [`Format::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown format `{0}`; formats are: text, markdown, html, json")]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Format, UnknownFormat> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s) || (s == "md" && *f == Format::Markdown))
            .ok_or_else(|| UnknownFormat(s.to_string()))
    }
}

/// What to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintOptions {
    /// One brief, by id (file stem) or path; `None` prints every brief.
    pub brief: Option<String>,
    /// Only these topics (and the annotations carrying them); empty means all.
    pub topics: Vec<String>,
    /// Line width of the text format, in terminal columns.
    pub width: usize,
}

impl Default for PrintOptions {
    fn default() -> PrintOptions {
        PrintOptions {
            brief: None,
            topics: Vec::new(),
            width: 80,
        }
    }
}

/// Why nothing could be printed.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("no brief `{id}`; {}", known_list("briefs", known))]
    UnknownBrief { id: String, known: Vec<String> },
    #[error("no topic `{id}`; {}", known_list("topics", known))]
    UnknownTopic { id: String, known: Vec<String> },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

fn known_list(what: &str, known: &[String]) -> String {
    if known.is_empty() {
        format!("there are no {what}; add one under briefs/ (see `briefing check`)")
    } else {
        format!("{what} are: {}", known.join(", "))
    }
}

/// Prints the briefs `options` select in `format`.
pub fn print(
    corpus: &Corpus,
    format: Format,
    options: &PrintOptions,
    out: &mut dyn Write,
) -> Result<(), PrintError> {
    let selection = select(corpus, options)?;
    match format {
        Format::Text => text::write(&selection, options.width, out)?,
        Format::Markdown => markdown::write(&selection, out)?,
        Format::Html => html::write(&selection, out)?,
        Format::Json => json::write(&selection, out)?,
    }
    Ok(())
}

/// What is printed, in order.
pub(crate) struct Selection<'a> {
    pub corpus: &'a Corpus,
    pub briefs: Vec<BriefView<'a>>,
}

/// One brief as printed.
pub(crate) struct BriefView<'a> {
    pub brief: &'a Brief,
    /// The documents the brief declares.
    pub documents: Vec<&'a Document>,
    /// Topic by topic; a last section without a topic holds annotations with none.
    pub sections: Vec<Section<'a>>,
    /// Every printed annotation, in the brief's order (figures, then themes).
    pub annotations: Vec<&'a Annotation>,
}

/// A topic and what stands under it.
pub(crate) struct Section<'a> {
    pub topic: Option<&'a Topic>,
    /// Printed here in full: figures first, then themes.
    pub annotations: Vec<&'a Annotation>,
    /// Carrying this topic but printed in full under an earlier one (that topic given).
    pub see_also: Vec<(&'a Annotation, Option<&'a Topic>)>,
}

fn select<'a>(corpus: &'a Corpus, options: &PrintOptions) -> Result<Selection<'a>, PrintError> {
    let chosen: Vec<usize> = match &options.brief {
        Some(id) => vec![
            find_brief(corpus, id).ok_or_else(|| PrintError::UnknownBrief {
                id: id.clone(),
                known: corpus.briefs.iter().map(|b| b.id.clone()).collect(),
            })?,
        ],
        None => (0..corpus.briefs.len()).collect(),
    };
    // Requested topics must exist: in the chosen brief, or anywhere when all are printed.
    let mut wanted = Vec::new();
    for id in &options.topics {
        let known: Vec<usize> = match chosen.as_slice() {
            [one] if options.brief.is_some() => brief_topics(corpus, *one),
            _ => (0..corpus.topics.len()).collect(),
        };
        match known
            .iter()
            .find(|&&t| corpus.topics.get(t).is_some_and(|t| &t.id == id))
        {
            Some(&t) => wanted.push(t),
            None => {
                return Err(PrintError::UnknownTopic {
                    id: id.clone(),
                    known: known
                        .iter()
                        .filter_map(|&t| corpus.topics.get(t))
                        .map(|t| t.id.clone())
                        .collect(),
                });
            }
        }
    }
    let briefs = chosen
        .into_iter()
        .filter_map(|b| view(corpus, b, &wanted))
        .filter(|v| options.brief.is_some() || wanted.is_empty() || !v.sections.is_empty())
        .collect();
    Ok(Selection { corpus, briefs })
}

/// A brief by id or path: as shown, or relative to the corpus (`briefs/x.yaml`).
fn find_brief(corpus: &Corpus, id: &str) -> Option<usize> {
    corpus.brief_by_id(id).or_else(|| {
        let wanted = id.trim_start_matches("./").replace('\\', "/");
        corpus
            .briefs
            .iter()
            .position(|b| relative_path(corpus, &b.path).replace('\\', "/") == wanted)
    })
}

/// A path inside the corpus relative to it (`briefs/x.yaml`), the same on every machine.
pub(crate) fn relative_path<'a>(corpus: &Corpus, path: &'a str) -> &'a str {
    corpus
        .root
        .as_deref()
        .and_then(|root| path.strip_prefix(root))
        .map_or(path, |p| p.trim_start_matches(['/', '\\']))
}

/// The topics of a brief: those it defines, then any others its annotations carry.
fn brief_topics(corpus: &Corpus, brief: usize) -> Vec<usize> {
    let Some(b) = corpus.briefs.get(brief) else {
        return Vec::new();
    };
    let mut topics = b.topics.clone();
    for a in b
        .annotations
        .iter()
        .filter_map(|&a| corpus.annotations.get(a))
    {
        for &t in &a.topics {
            if !topics.contains(&t) {
                topics.push(t);
            }
        }
    }
    topics
}

fn view<'a>(corpus: &'a Corpus, index: usize, wanted: &[usize]) -> Option<BriefView<'a>> {
    let brief = corpus.briefs.get(index)?;
    let topics: Vec<usize> = brief_topics(corpus, index)
        .into_iter()
        .filter(|t| wanted.is_empty() || wanted.contains(t))
        .collect();
    let annotations: Vec<&Annotation> = brief
        .annotations
        .iter()
        .filter_map(|&a| corpus.annotations.get(a))
        .filter(|a| {
            if wanted.is_empty() {
                true
            } else {
                a.topics.iter().any(|t| wanted.contains(t))
            }
        })
        .collect();
    let home = |a: &Annotation| a.topics.iter().copied().find(|t| topics.contains(t));
    let mut sections: Vec<Section> = topics
        .iter()
        .map(|&t| {
            let mut full = Vec::new();
            let mut see_also = Vec::new();
            for &a in &annotations {
                if !a.topics.contains(&t) {
                    continue;
                }
                match home(a) {
                    Some(h) if h == t => full.push(a),
                    h => see_also.push((a, h.and_then(|h| corpus.topics.get(h)))),
                }
            }
            full.sort_by_key(|a| a.kind != AnnotationKind::Figure);
            Section {
                topic: corpus.topics.get(t),
                annotations: full,
                see_also,
            }
        })
        .collect();
    let homeless: Vec<&Annotation> = annotations
        .iter()
        .copied()
        .filter(|a| home(a).is_none())
        .collect();
    if !homeless.is_empty() {
        sections.push(Section {
            topic: None,
            annotations: homeless,
            see_also: Vec::new(),
        });
    }
    let documents = brief
        .documents
        .iter()
        .filter_map(|&d| corpus.documents.get(d))
        .collect();
    Some(BriefView {
        brief,
        documents,
        sections,
        annotations,
    })
}

/// A quote with the document it names, when that document is known.
#[derive(Clone, Copy)]
pub(crate) struct QuoteView<'a> {
    pub quote: &'a Quote,
    pub doc: Option<&'a Document>,
}

impl<'a> QuoteView<'a> {
    pub fn new(corpus: &'a Corpus, quote: &'a Quote) -> QuoteView<'a> {
        let index = match &quote.anchor {
            Ok(anchor) => Some(anchor.doc),
            Err(_) => corpus.document_by_id(&quote.doc_id),
        };
        QuoteView {
            quote,
            doc: index.and_then(|i| corpus.documents.get(i)),
        }
    }

    /// The document's language tag, `?` when unknown.
    pub fn lang(&self) -> &'a str {
        self.doc.map_or("?", Document::lang)
    }

    /// The quote's text on one line, white space collapsed.
    pub fn text(&self) -> String {
        one_line(&self.quote.text)
    }

    /// `vi-gov, vi, 001_x.txt:12:34`, or with `[not found]` and the like in place of a
    /// position when the quote did not anchor.
    pub fn citation(&self) -> String {
        let mut s = format!("{}, {}", self.quote.doc_id, self.lang());
        if let Some(doc) = self.doc {
            s.push_str(", ");
            s.push_str(&doc.file);
        }
        match &self.quote.anchor {
            Ok(a) => s.push_str(&format!(":{}:{}", a.line, a.column)),
            Err(f) => s.push_str(&format!(" [{}]", failure(f))),
        }
        clean(&s)
    }
}

/// A short, printable reason a quote did not anchor.
pub(crate) fn failure(f: &AnchorFailure) -> String {
    match f {
        AnchorFailure::UnknownDocument => "unknown document".to_string(),
        AnchorFailure::NotFound => "not found".to_string(),
        AnchorFailure::Ambiguous(lines) => {
            let mut distinct = lines.clone();
            distinct.dedup();
            let shown: Vec<String> = distinct.iter().map(usize::to_string).collect();
            let word = if distinct.len() == 1 { "line" } else { "lines" };
            format!(
                "ambiguous: {} places, {word} {}",
                lines.len(),
                shown.join(", ")
            )
        }
        AnchorFailure::Empty => "empty quote".to_string(),
    }
}

/// An annotation's quotes, grouped for layout: two groups (one per language, in order of
/// first appearance) when it is quoted in exactly two languages, else one group.
pub(crate) fn quote_groups<'a>(corpus: &'a Corpus, a: &'a Annotation) -> Vec<Vec<QuoteView<'a>>> {
    let quotes: Vec<QuoteView> = a.quotes.iter().map(|q| QuoteView::new(corpus, q)).collect();
    let mut langs: Vec<&str> = Vec::new();
    for q in &quotes {
        if !langs.contains(&q.lang()) {
            langs.push(q.lang());
        }
    }
    match langs.as_slice() {
        [first, second] => vec![
            quotes
                .iter()
                .copied()
                .filter(|q| q.lang() == *first)
                .collect(),
            quotes
                .iter()
                .copied()
                .filter(|q| q.lang() == *second)
                .collect(),
        ],
        _ => vec![quotes],
    }
}

/// A figure's structured value in one line: `target · 8.3–8.5 % · 2025`.
pub(crate) fn measure_text(m: &Measure) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    parts.extend(m.kind.clone());
    let amount = match (m.amount, m.amount_max) {
        (Some(a), Some(b)) => Some(format!("{a}–{b}")),
        (Some(a), None) => Some(a.to_string()),
        (None, Some(b)) => Some(format!("up to {b}")),
        (None, None) => None,
    };
    match (amount, &m.unit) {
        (Some(a), Some(u)) => parts.push(format!("{a} {u}")),
        (Some(a), None) => parts.push(a),
        (None, Some(u)) => parts.push(u.clone()),
        (None, None) => {}
    }
    parts.extend(m.period.clone());
    (!parts.is_empty()).then(|| clean(&parts.join(" · ")))
}

/// The fields the sources list shows for a document, labelled, empty ones left out.
pub(crate) fn source_fields(doc: &Document) -> Vec<(&'static str, String)> {
    let mut fields = Vec::new();
    if let Some(m) = &doc.meta {
        let optional = [
            ("Title", &m.title),
            ("English title", &m.title_en),
            ("Date", &m.date),
            ("Source", &m.source),
            ("Event", &m.event),
            ("Parallel to", &m.parallel),
            ("Note", &m.note),
        ];
        for (label, value) in optional {
            if let Some(v) = value {
                fields.push((label, one_line(v)));
            }
        }
    }
    fields.push(("File", clean(&doc.file)));
    fields
}

/// The topic ids of an annotation.
pub(crate) fn topic_ids(corpus: &Corpus, a: &Annotation) -> Vec<String> {
    a.topics
        .iter()
        .filter_map(|&t| corpus.topics.get(t))
        .map(|t| t.id.clone())
        .collect()
}

/// Text safe to show: a tab becomes a space, other control characters (an escape
/// sequence in a curator's note must not reach a terminal) become U+FFFD.
pub(crate) fn clean(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\t' => ' ',
            '\n' => '\n',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// [`clean`] text on one line, every run of white space one space.
pub(crate) fn one_line(s: &str) -> String {
    clean(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Paragraphs of a curator's text: blank lines separate them, line breaks inside one are
/// spaces (as in Markdown).
pub(crate) fn paragraphs(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    for line in clean(s).lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(&one_line(line));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The line under a topic that names an annotation printed under another:
/// `GDP growth — 8 % (figure, under Growth targets)`.
pub(crate) fn see_also(a: &Annotation, home: Option<&Topic>) -> String {
    let kind = kind_name(a).to_lowercase();
    match home {
        Some(t) => format!("{} ({kind}, under {})", headline(a), one_line(&t.title)),
        None => format!("{} ({kind})", headline(a)),
    }
}

/// "Figure" or "Theme".
pub(crate) fn kind_name(a: &Annotation) -> &'static str {
    match a.kind {
        AnnotationKind::Figure => "Figure",
        AnnotationKind::Theme => "Theme",
    }
}

/// The heading of an annotation: `label — value` for a figure, the gloss for a theme.
pub(crate) fn headline(a: &Annotation) -> String {
    match (a.kind, &a.label, &a.value) {
        (AnnotationKind::Figure, Some(label), Some(value)) => {
            format!("{} — {}", one_line(label), one_line(value))
        }
        _ => one_line(a.headline()),
    }
}
