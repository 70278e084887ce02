//! The Markdown printer: headings per brief and topic, a list per annotation's details,
//! block quotes, and a two-column table where a figure is quoted in two languages.

use std::io::{self, Write};

use super::{
    BriefView, HEADING, QuoteView, Section, Selection, heading, key_figures, kind_name,
    measure_text, one_line, paragraphs_of, quote_groups, see_also, source_fields, topic_ids,
};
use crate::engine::corpus::{Annotation, AnnotationKind, Corpus};

pub(super) fn write(selection: &Selection, out: &mut dyn Write) -> io::Result<()> {
    for (i, view) in selection.briefs.iter().enumerate() {
        if i > 0 {
            writeln!(out, "\n---\n")?;
        }
        brief(out, selection.corpus, view)?;
    }
    Ok(())
}

/// Escapes what Markdown would read as markup inside a line, `|` (table cells) and `&`
/// (so that `&amp;` in a note is printed as written, not read as an entity).
pub(super) fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// [`inline`], and a paragraph that would start a list does not (`\-`, `1\.`).
fn block(s: &str) -> String {
    let mut text = inline(s);
    if text.starts_with(['-', '+', '=']) {
        text.insert(0, '\\');
    }
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    let rest = text.get(digits..).unwrap_or("");
    if digits > 0
        && (rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")")
    {
        text.insert(digits, '\\');
    }
    text
}

fn brief(out: &mut dyn Write, corpus: &Corpus, view: &BriefView) -> io::Result<()> {
    writeln!(out, "# {}\n", inline(&view.brief.title))?;
    if let Some(date) = &view.brief.date {
        writeln!(out, "*{}*\n", inline(date))?;
    }
    for p in paragraphs_of(view.brief.summary.as_deref()) {
        writeln!(out, "{}\n", block(&p))?;
    }
    let figures = key_figures(corpus, view);
    if !figures.rows.is_empty() {
        writeln!(out, "## {HEADING}\n")?;
        writeln!(out, "| {} |", figures.headers.join(" | "))?;
        writeln!(out, "|{}|", vec!["---"; figures.headers.len()].join("|"))?;
        for row in &figures.rows {
            let cells: Vec<String> = row.iter().map(|c| inline(c)).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
        writeln!(out)?;
    }
    for section in &view.sections {
        topic(out, corpus, section)?;
    }
    writeln!(out, "## Sources\n")?;
    for doc in &view.documents {
        writeln!(out, "### {} ({})\n", inline(doc.id()), inline(doc.lang()))?;
        for (label, value) in source_fields(doc) {
            writeln!(out, "- {label}: {}", inline(&value))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn topic(out: &mut dyn Write, corpus: &Corpus, section: &Section) -> io::Result<()> {
    match section.topic {
        Some(t) => writeln!(out, "## {} ({})\n", inline(&t.title), inline(&t.id))?,
        None => writeln!(out, "## Without a topic\n")?,
    }
    for p in paragraphs_of(section.topic.and_then(|t| t.summary.as_deref())) {
        writeln!(out, "{}\n", block(&p))?;
    }
    for a in &section.annotations {
        annotation(out, corpus, a)?;
    }
    for (a, home) in &section.see_also {
        writeln!(out, "- *See also:* {}", inline(&see_also(a, *home)))?;
    }
    if !section.see_also.is_empty() {
        writeln!(out)?;
    }
    if section.annotations.is_empty() && section.see_also.is_empty() {
        writeln!(out, "No figures or themes.\n")?;
    }
    Ok(())
}

fn annotation(out: &mut dyn Write, corpus: &Corpus, a: &Annotation) -> io::Result<()> {
    writeln!(out, "### {}: {}\n", kind_name(a), inline(&heading(a)))?;
    let mut details = Vec::new();
    if let Some(m) = a.measure().and_then(measure_text) {
        details.push(format!("Measure: {}", inline(&m)));
    }
    if a.topics.len() > 1 {
        details.push(format!(
            "Topics: {}",
            inline(&topic_ids(corpus, a).join(", "))
        ));
    }
    for d in &details {
        writeln!(out, "- {d}")?;
    }
    if !details.is_empty() {
        writeln!(out)?;
    }
    if a.kind() == AnnotationKind::Figure {
        for p in paragraphs_of(a.note()) {
            writeln!(out, "{}\n", block(&p))?;
        }
    }
    match quote_groups(corpus, a).as_slice() {
        [left, right] => table(out, left, right)?,
        groups => {
            for q in groups.iter().flatten() {
                writeln!(
                    out,
                    "> {}\n>\n> — {}\n",
                    inline(&q.text()),
                    inline(&q.citation())
                )?;
            }
        }
    }
    Ok(())
}

/// Quotes in two languages side by side, one language a column.
fn table(out: &mut dyn Write, left: &[QuoteView], right: &[QuoteView]) -> io::Result<()> {
    let lang = |g: &[QuoteView]| g.first().map_or("?", |q| q.lang()).to_string();
    writeln!(
        out,
        "| {} | {} |",
        inline(&lang(left)),
        inline(&lang(right))
    )?;
    writeln!(out, "| --- | --- |")?;
    let cell = |q: Option<&QuoteView>| {
        q.map_or(String::new(), |q| {
            format!("“{}”<br>— {}", inline(&q.text()), inline(&q.citation()))
        })
    };
    for i in 0..left.len().max(right.len()) {
        writeln!(out, "| {} | {} |", cell(left.get(i)), cell(right.get(i)))?;
    }
    writeln!(out)
}
