//! The text printer: plain text wrapped to a width by display width, for a printer or a
//! pager. No line is ever wider than the width asked for.

use std::io::{self, Write};

use super::{
    BriefView, HEADING, QuoteView, Section, Selection, heading, key_figures, kind_name,
    measure_text, one_line, paragraphs_of, quote_groups, see_also, source_fields, topic_ids,
};
use crate::engine::corpus::{Annotation, AnnotationKind, Corpus};
use crate::engine::figures::table::Table;
use crate::engine::text::width::display_width;
use crate::engine::text::wrap::{wrap_line, wrap_str};

/// Narrower than this, quotes in two languages follow each other instead of standing in
/// two columns.
pub const COLUMNS_MIN_WIDTH: usize = 60;
/// Between the two columns.
const GAP: &str = " | ";
/// Before everything that belongs to an annotation.
const INDENT: &str = "  ";

pub(super) fn write(selection: &Selection, width: usize, out: &mut dyn Write) -> io::Result<()> {
    let mut page = Page {
        out,
        width: width.max(1),
    };
    for (i, view) in selection.briefs.iter().enumerate() {
        if i > 0 {
            page.blank()?;
            page.blank()?;
        }
        brief(&mut page, selection.corpus, view)?;
    }
    Ok(())
}

struct Page<'w> {
    out: &'w mut dyn Write,
    width: usize,
}

impl Page<'_> {
    fn line(&mut self, s: &str) -> io::Result<()> {
        writeln!(self.out, "{}", s.trim_end())
    }

    fn blank(&mut self) -> io::Result<()> {
        writeln!(self.out)
    }

    /// `text` wrapped, its first row behind `first`, the others behind `rest`.
    fn para(&mut self, first: &str, rest: &str, text: &str) -> io::Result<()> {
        for row in fill(text, first, rest, self.width) {
            self.line(&row)?;
        }
        Ok(())
    }

    /// A heading underlined with `rule` as wide as its widest row.
    fn heading(&mut self, text: &str, rule: char) -> io::Result<()> {
        let rows = fill(text, "", "", self.width);
        let wide = rows.iter().map(|r| display_width(r)).max().unwrap_or(0);
        for row in &rows {
            self.line(row)?;
        }
        self.line(&rule.to_string().repeat(wide.clamp(1, self.width)))
    }
}

/// `text` (one line) wrapped to `width` columns, the first row behind `first` and the
/// others behind `rest`. Prefixes are dropped when they would leave too little room.
fn fill(text: &str, first: &str, rest: &str, width: usize) -> Vec<String> {
    let (first, rest) = if display_width(first).max(display_width(rest)) * 2 <= width {
        (first, rest)
    } else {
        ("", "")
    };
    let head = wrap_line(text, width - display_width(first))
        .into_iter()
        .next()
        .unwrap_or(0..0);
    let mut rows = vec![format!("{first}{}", text.get(head.clone()).unwrap_or(""))];
    let tail = text.get(head.end..).unwrap_or("").trim_start();
    if !tail.is_empty() {
        let room = width - display_width(rest);
        rows.extend(
            wrap_str(tail, room)
                .into_iter()
                .map(|row| format!("{rest}{row}")),
        );
    }
    rows
}

fn brief(page: &mut Page, corpus: &Corpus, view: &BriefView) -> io::Result<()> {
    page.heading(&one_line(&view.brief.title), '=')?;
    if let Some(date) = &view.brief.date {
        page.para("", "", &one_line(date))?;
    }
    for p in paragraphs_of(view.brief.summary.as_deref()) {
        page.blank()?;
        page.para("", "", &p)?;
    }
    key_figures_table(page, corpus, view)?;
    for (n, section) in view.sections.iter().enumerate() {
        page.blank()?;
        topic(page, corpus, n + 1, section)?;
    }
    if view.sections.is_empty() {
        page.blank()?;
        page.line("No topics to print.")?;
    }
    page.blank()?;
    page.heading("Sources", '-')?;
    for doc in &view.documents {
        page.blank()?;
        page.para(
            "",
            "  ",
            &one_line(&format!("{} ({})", doc.id(), doc.lang())),
        )?;
        // A label is part of the text, so a narrow page wraps it rather than dropping it.
        for (label, value) in source_fields(doc) {
            page.para(INDENT, "    ", &format!("{label}: {value}"))?;
        }
    }
    Ok(())
}

/// The key figures table, when the brief prints figures.
fn key_figures_table(page: &mut Page, corpus: &Corpus, view: &BriefView) -> io::Result<()> {
    let figures = key_figures(corpus, view);
    if figures.rows.is_empty() {
        return Ok(());
    }
    page.blank()?;
    page.heading(HEADING, '-')?;
    page.blank()?;
    let mut table = Table::new(&figures.headers);
    for row in figures.rows {
        table.push(row);
    }
    for line in table.render(page.width) {
        page.line(&line)?;
    }
    Ok(())
}

fn topic(page: &mut Page, corpus: &Corpus, n: usize, section: &Section) -> io::Result<()> {
    match section.topic {
        Some(t) => page.heading(&one_line(&format!("{n}. {} ({})", t.title, t.id)), '-')?,
        None => page.heading(&format!("{n}. Without a topic"), '-')?,
    }
    for p in paragraphs_of(section.topic.and_then(|t| t.summary.as_deref())) {
        page.blank()?;
        page.para("", "", &p)?;
    }
    for a in &section.annotations {
        page.blank()?;
        annotation(page, corpus, a)?;
    }
    if !section.see_also.is_empty() {
        page.blank()?;
    }
    for (a, home) in &section.see_also {
        page.para("", "  ", &format!("See also: {}", see_also(a, *home)))?;
    }
    if section.annotations.is_empty() && section.see_also.is_empty() {
        page.blank()?;
        page.line("No figures or themes.")?;
    }
    Ok(())
}

fn annotation(page: &mut Page, corpus: &Corpus, a: &Annotation) -> io::Result<()> {
    page.para("* ", INDENT, &format!("{}: {}", kind_name(a), heading(a)))?;
    if let Some(m) = a.measure().and_then(measure_text) {
        page.para(INDENT, INDENT, &m)?;
    }
    if a.topics.len() > 1 {
        page.para(
            INDENT,
            "    ",
            &format!("Topics: {}", topic_ids(corpus, a).join(", ")),
        )?;
    }
    if a.kind() == AnnotationKind::Figure {
        for p in paragraphs_of(a.note()) {
            page.para(INDENT, INDENT, &p)?;
        }
    }
    let groups = quote_groups(corpus, a);
    match groups.as_slice() {
        [left, right] if page.width >= COLUMNS_MIN_WIDTH => {
            page.blank()?;
            let room = page.width - INDENT.len() - GAP.len();
            let (left, right) = (column(left, room / 2), column(right, room - room / 2));
            for i in 0..left.len().max(right.len()) {
                let l = left.get(i).map_or("", String::as_str);
                let r = right.get(i).map_or("", String::as_str);
                let pad = " ".repeat((room / 2).saturating_sub(display_width(l)));
                page.line(&format!("{INDENT}{l}{pad}{GAP}{r}"))?;
            }
        }
        _ => {
            for q in groups.iter().flatten() {
                page.blank()?;
                for row in quote_rows(q, page.width.saturating_sub(INDENT.len())) {
                    page.line(&format!("{INDENT}{row}"))?;
                }
            }
        }
    }
    Ok(())
}

/// One column of quotes, each row at most `width` wide.
fn column(quotes: &[QuoteView], width: usize) -> Vec<String> {
    let mut rows = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        if i > 0 {
            rows.push(String::new());
        }
        rows.extend(quote_rows(q, width));
    }
    rows
}

/// A quote in quotation marks, then its source.
fn quote_rows(q: &QuoteView, width: usize) -> Vec<String> {
    let mut rows = fill(&format!("\"{}\"", q.text()), "", " ", width);
    rows.extend(fill(&q.citation(), "  — ", "    ", width));
    rows
}
