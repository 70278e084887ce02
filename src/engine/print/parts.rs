//! Pieces every format shares: quotes with their sources, measures, sources, and the
//! small text clean-ups that keep control characters out of a printout.

use crate::engine::corpus::{Annotation, AnnotationKind, Corpus, Document, Measure, Quote, Topic};

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
            doc: index.and_then(|i| corpus.documents().get(i)),
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
            Ok(a) => s.push_str(&format!(":{}:{}", a.line(), a.column())),
            Err(f) => s.push_str(&format!(" [{f}]")),
        }
        clean(&s)
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
        .filter_map(|&t| corpus.topics().get(t))
        .map(|t| t.id.clone())
        .collect()
}

/// Text safe to show: a tab becomes a space, anything else that must not reach a terminal
/// is escaped visibly by the one cleaner ([`crate::engine::clean`]).
pub(crate) fn clean(s: &str) -> String {
    crate::engine::clean::clean(&s.replace('\t', " ")).into_owned()
}

/// [`clean`] text on one line, every run of white space one space.
pub(crate) fn one_line(s: &str) -> String {
    clean(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Paragraphs of a curator's text: blank lines separate them, line breaks inside one are
/// spaces (as in Markdown).
/// The paragraphs of an optional text (none when there is no text).
pub(crate) fn paragraphs_of(s: Option<&str>) -> Vec<String> {
    s.map(paragraphs).unwrap_or_default()
}

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
        Some(t) => format!("{} ({kind}, under {})", heading(a), one_line(&t.title)),
        None => format!("{} ({kind})", heading(a)),
    }
}

/// "Figure" or "Theme".
pub(crate) fn kind_name(a: &Annotation) -> &'static str {
    match a.kind() {
        AnnotationKind::Figure => "Figure",
        AnnotationKind::Theme => "Theme",
    }
}

/// The heading of an annotation: `label — value` for a figure, the gloss for a theme.
pub(crate) fn heading(a: &Annotation) -> String {
    match (a.kind(), &a.label(), &a.value()) {
        (AnnotationKind::Figure, Some(label), Some(value)) => {
            format!("{} — {}", one_line(label), one_line(value))
        }
        _ => one_line(a.headline()),
    }
}
