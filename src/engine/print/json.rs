//! The JSON printer: serialize-only types of its own, so the output keeps the YAML's
//! field names whatever the model does; each quote carries its resolved position, or
//! `null` and an `error` when it did not anchor.

use std::io::{self, Write};

use serde::Serialize;

use super::{BriefView, QuoteView, Selection, relative_path, topic_ids};
use crate::engine::corpus::{Annotation, AnnotationKind, Corpus, Document, Topic};
use crate::engine::figures::json::StructuredJson;

#[derive(Serialize)]
struct Output<'a> {
    briefs: Vec<BriefJson<'a>>,
}

#[derive(Serialize)]
struct BriefJson<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    date: Option<&'a str>,
    summary: Option<&'a str>,
    documents: Vec<DocumentJson<'a>>,
    topics: Vec<TopicJson<'a>>,
    figures: Vec<FigureJson<'a>>,
    themes: Vec<ThemeJson<'a>>,
}

#[derive(Serialize)]
struct DocumentJson<'a> {
    id: &'a str,
    file: &'a str,
    lang: Option<&'a str>,
    title: Option<&'a str>,
    title_en: Option<&'a str>,
    date: Option<&'a str>,
    source: Option<&'a str>,
    parallel: Option<&'a str>,
    event: Option<&'a str>,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct TopicJson<'a> {
    id: &'a str,
    title: &'a str,
    summary: Option<&'a str>,
}

#[derive(Serialize)]
struct FigureJson<'a> {
    label: &'a str,
    value: &'a str,
    topics: Vec<String>,
    note: Option<&'a str>,
    #[serde(flatten)]
    structured: StructuredJson<'a>,
    quotes: Vec<QuoteJson<'a>>,
}

#[derive(Serialize)]
struct ThemeJson<'a> {
    topics: Vec<String>,
    note: Option<&'a str>,
    quotes: Vec<QuoteJson<'a>>,
}

#[derive(Serialize)]
struct QuoteJson<'a> {
    doc: &'a str,
    text: &'a str,
    prefix: Option<&'a str>,
    suffix: Option<&'a str>,
    /// The document's language, when the document is known.
    lang: Option<&'a str>,
    file: Option<&'a str>,
    line: Option<usize>,
    column: Option<usize>,
    error: Option<String>,
}

pub(super) fn write(selection: &Selection, out: &mut dyn Write) -> io::Result<()> {
    let output = Output {
        briefs: selection
            .briefs
            .iter()
            .map(|v| brief(selection.corpus, v))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &output)?;
    writeln!(out)
}

fn brief<'a>(corpus: &'a Corpus, view: &BriefView<'a>) -> BriefJson<'a> {
    let b = view.brief;
    let is = |kind| move |a: &&&'a Annotation| a.kind() == kind;
    BriefJson {
        id: &b.id,
        path: relative_path(corpus, &b.path),
        title: &b.title,
        date: b.date.as_deref(),
        summary: b.summary.as_deref(),
        documents: view.documents.iter().map(|d| document(d)).collect(),
        topics: view
            .sections
            .iter()
            .filter_map(|s| s.topic)
            .map(topic)
            .collect(),
        figures: view
            .annotations
            .iter()
            .filter(is(AnnotationKind::Figure))
            .map(|a| figure(corpus, a))
            .collect(),
        themes: view
            .annotations
            .iter()
            .filter(is(AnnotationKind::Theme))
            .map(|a| theme(corpus, a))
            .collect(),
    }
}

fn document(d: &Document) -> DocumentJson<'_> {
    let m = d.meta.as_ref();
    let field =
        |f: fn(&crate::engine::corpus::DocMeta) -> &Option<String>| m.and_then(|m| f(m).as_deref());
    DocumentJson {
        id: d.id(),
        file: &d.file,
        lang: field(|m| &m.lang),
        title: field(|m| &m.title),
        title_en: field(|m| &m.title_en),
        date: field(|m| &m.date),
        source: field(|m| &m.source),
        parallel: field(|m| &m.parallel),
        event: field(|m| &m.event),
        note: field(|m| &m.note),
    }
}

fn topic(t: &Topic) -> TopicJson<'_> {
    TopicJson {
        id: &t.id,
        title: &t.title,
        summary: t.summary.as_deref(),
    }
}

fn figure<'a>(corpus: &'a Corpus, a: &'a Annotation) -> FigureJson<'a> {
    let m = a.measure();
    FigureJson {
        label: a.label().unwrap_or(""),
        value: a.value().unwrap_or(""),
        topics: topic_ids(corpus, a),
        note: a.note(),
        structured: StructuredJson::of(m),
        quotes: quotes(corpus, a),
    }
}

fn theme<'a>(corpus: &'a Corpus, a: &'a Annotation) -> ThemeJson<'a> {
    ThemeJson {
        topics: topic_ids(corpus, a),
        note: a.note(),
        quotes: quotes(corpus, a),
    }
}

fn quotes<'a>(corpus: &'a Corpus, a: &'a Annotation) -> Vec<QuoteJson<'a>> {
    a.quotes
        .iter()
        .map(|q| {
            let view = QuoteView::new(corpus, q);
            let anchor = q.anchor.as_ref().ok();
            QuoteJson {
                doc: &q.doc_id,
                text: &q.text,
                prefix: q.prefix(),
                suffix: q.suffix(),
                lang: view
                    .doc
                    .and_then(|d| d.meta.as_ref())
                    .and_then(|m| m.lang.as_deref()),
                file: view.doc.map(|d| d.file.as_str()),
                line: anchor.map(|a| a.line()),
                column: anchor.map(|a| a.column()),
                error: q.anchor.as_ref().err().map(ToString::to_string),
            }
        })
        .collect()
}
