//! The HTML printer: one self-contained page (inline CSS, no external assets) laid out for
//! A4 paper; quotes in two languages stand side by side in a CSS grid. Every text is
//! escaped.

use std::io::{self, Write};

use super::{
    BriefView, HEADING, QuoteView, Section, Selection, heading, key_figures, kind_name,
    measure_text, one_line, paragraphs_of, quote_groups, see_also, source_fields, topic_ids,
};
use crate::engine::corpus::{Annotation, AnnotationKind, Corpus};

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Noto Serif", Georgia, serif; line-height: 1.45; color: #111;
  max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #999; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin: 0 0 .3rem; }
.date { color: #444; margin-top: 0; }
.annotation { border-left: 4px solid #888; padding: .1rem 0 .1rem .8rem; margin: 1rem 0;
  break-inside: avoid; page-break-inside: avoid; }
.annotation.figure { border-color: #b5651d; }
.annotation.theme { border-color: #2f6f9f; }
.value { font-weight: bold; }
.details { color: #444; font-size: .92em; margin: .2rem 0; }
.quotes { margin: .5rem 0; }
.quotes.side-by-side { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
figure.quote { margin: 0 0 .6rem; }
blockquote { margin: 0; padding-left: .6rem; border-left: 2px solid #ccc; }
figcaption { font-size: .85em; color: #555; margin-top: .2rem; }
.failed figcaption { color: #a00; font-weight: bold; }
.key-figures table { border-collapse: collapse; width: 100%; font-size: .92em; }
.key-figures th, .key-figures td { text-align: left; vertical-align: top;
  border-bottom: 1px solid #ccc; padding: .2rem .4rem; }
.key-figures tr { break-inside: avoid; page-break-inside: avoid; }
.see-also { font-size: .92em; color: #444; }
dl.source { margin: .3rem 0 1rem; }
dl.source dt { font-weight: bold; margin-top: .6rem; }
dl.source dd { margin-left: 1.2rem; }
.brief + .brief { margin-top: 4rem; }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  .brief + .brief { break-before: page; page-break-before: always; margin-top: 0; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
"#;

/// Escapes text for HTML content and attribute values.
pub(super) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// [`esc`] on one line.
fn text(s: &str) -> String {
    esc(&one_line(s))
}

/// A `lang` attribute, or nothing when the language is unknown.
fn lang_attr(lang: &str) -> String {
    if lang == "?" {
        String::new()
    } else {
        format!(" lang=\"{}\"", text(lang))
    }
}

pub(super) fn write(selection: &Selection, out: &mut dyn Write) -> io::Result<()> {
    let title = match selection.briefs.as_slice() {
        [one] => text(&one.brief.title),
        _ => "Briefs".to_string(),
    };
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    )?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(
        out,
        "<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>"
    )?;
    for view in &selection.briefs {
        brief(out, selection.corpus, view)?;
    }
    if selection.briefs.is_empty() {
        writeln!(out, "<p>No briefs to print.</p>")?;
    }
    writeln!(out, "</body>\n</html>")
}

fn brief(out: &mut dyn Write, corpus: &Corpus, view: &BriefView) -> io::Result<()> {
    writeln!(
        out,
        "<article class=\"brief\" id=\"brief-{}\">\n<header>",
        text(&view.brief.id)
    )?;
    writeln!(out, "<h1>{}</h1>", text(&view.brief.title))?;
    if let Some(date) = &view.brief.date {
        writeln!(
            out,
            "<p class=\"date\"><time datetime=\"{0}\">{0}</time></p>",
            text(date)
        )?;
    }
    for p in paragraphs_of(view.brief.summary.as_deref()) {
        writeln!(out, "<p class=\"summary\">{}</p>", esc(&p))?;
    }
    writeln!(out, "</header>")?;
    let figures = key_figures(corpus, view);
    if !figures.rows.is_empty() {
        writeln!(
            out,
            "<section class=\"key-figures\">\n<h2>{HEADING}</h2>\n<table>\n<thead><tr>"
        )?;
        for h in &figures.headers {
            write!(out, "<th scope=\"col\">{h}</th>")?;
        }
        writeln!(out, "</tr></thead>\n<tbody>")?;
        for row in &figures.rows {
            write!(out, "<tr>")?;
            for cell in row {
                write!(out, "<td>{}</td>", esc(cell))?;
            }
            writeln!(out, "</tr>")?;
        }
        writeln!(out, "</tbody>\n</table>\n</section>")?;
    }
    for section in &view.sections {
        topic(out, corpus, &view.brief.id, section)?;
    }
    writeln!(
        out,
        "<section class=\"sources\">\n<h2>Sources</h2>\n<dl class=\"source\">"
    )?;
    for doc in &view.documents {
        writeln!(out, "<dt>{} ({})</dt>", text(doc.id()), text(doc.lang()))?;
        for (label, value) in source_fields(doc) {
            let attr = if label == "Title" {
                lang_attr(doc.lang())
            } else {
                String::new()
            };
            writeln!(out, "<dd>{label}: <span{attr}>{}</span></dd>", esc(&value))?;
        }
    }
    writeln!(out, "</dl>\n</section>\n</article>")
}

fn topic(out: &mut dyn Write, corpus: &Corpus, brief: &str, section: &Section) -> io::Result<()> {
    match section.topic {
        Some(t) => {
            writeln!(
                out,
                "<section class=\"topic\" id=\"{}-{}\">",
                text(brief),
                text(&t.id)
            )?;
            writeln!(
                out,
                "<h2>{} <small>({})</small></h2>",
                text(&t.title),
                text(&t.id)
            )?;
        }
        None => writeln!(out, "<section class=\"topic\">\n<h2>Without a topic</h2>")?,
    }
    for p in paragraphs_of(section.topic.and_then(|t| t.summary.as_deref())) {
        writeln!(out, "<p>{}</p>", esc(&p))?;
    }
    for a in &section.annotations {
        annotation(out, corpus, a)?;
    }
    for (a, home) in &section.see_also {
        writeln!(
            out,
            "<p class=\"see-also\">See also: {}</p>",
            text(&see_also(a, *home))
        )?;
    }
    if section.annotations.is_empty() && section.see_also.is_empty() {
        writeln!(out, "<p>No figures or themes.</p>")?;
    }
    writeln!(out, "</section>")
}

fn annotation(out: &mut dyn Write, corpus: &Corpus, a: &Annotation) -> io::Result<()> {
    let class = match a.kind() {
        AnnotationKind::Figure => "figure",
        AnnotationKind::Theme => "theme",
    };
    writeln!(out, "<div class=\"annotation {class}\">")?;
    match (a.kind(), &a.label(), &a.value()) {
        (AnnotationKind::Figure, Some(label), Some(value)) => writeln!(
            out,
            "<h3>Figure: {} — <span class=\"value\">{}</span></h3>",
            text(label),
            text(value)
        )?,
        _ => writeln!(out, "<h3>{}: {}</h3>", kind_name(a), text(&heading(a)))?,
    }
    if let Some(m) = a.measure().and_then(measure_text) {
        writeln!(out, "<p class=\"details measure\">{}</p>", esc(&m))?;
    }
    if a.topics.len() > 1 {
        writeln!(
            out,
            "<p class=\"details\">Topics: {}</p>",
            text(&topic_ids(corpus, a).join(", "))
        )?;
    }
    if a.kind() == AnnotationKind::Figure {
        for p in paragraphs_of(a.note()) {
            writeln!(out, "<p class=\"note\">{}</p>", esc(&p))?;
        }
    }
    match quote_groups(corpus, a).as_slice() {
        [left, right] => {
            writeln!(out, "<div class=\"quotes side-by-side\">")?;
            for group in [left, right] {
                writeln!(
                    out,
                    "<div class=\"column\"{}>",
                    lang_attr(group.first().map_or("?", |q| q.lang()))
                )?;
                for q in group {
                    quote(out, q)?;
                }
                writeln!(out, "</div>")?;
            }
            writeln!(out, "</div>")?;
        }
        groups => {
            writeln!(out, "<div class=\"quotes\">")?;
            for q in groups.iter().flatten() {
                quote(out, q)?;
            }
            writeln!(out, "</div>")?;
        }
    }
    writeln!(out, "</div>")
}

fn quote(out: &mut dyn Write, q: &QuoteView) -> io::Result<()> {
    let class = if q.quote.anchor.is_ok() {
        "quote"
    } else {
        "quote failed"
    };
    writeln!(out, "<figure class=\"{class}\">")?;
    writeln!(
        out,
        "<blockquote{}>{}</blockquote>",
        lang_attr(q.lang()),
        text(&q.quote.text)
    )?;
    writeln!(
        out,
        "<figcaption>{}</figcaption>\n</figure>",
        text(&q.citation())
    )
}
