//! Topics, figures and themes of one brief, and the anchoring of every quote: anchors are
//! placed on every core once all briefs are resolved, then turned into findings in order.

use std::collections::HashMap;

use super::{Ids, Parsed, Report, add_note, is_iso_date, known, shorten};
use crate::engine::anchor::{Placement, place};
use crate::engine::brief::{FIGURE_KINDS, QuoteDecl};
use crate::engine::finding::Finding;
use crate::engine::model::*;
use crate::engine::nearest::{PATTERN_LIMIT, nearest};
use crate::engine::par;

/// Adds one brief's topics and annotations to the corpus, consuming the parsed brief so
/// that its strings move rather than copy (a corpus of thousands of quotes stays small).
pub(super) fn resolve_brief(
    corpus: &mut Corpus,
    ids: &mut Ids,
    p: Parsed,
    jobs: &mut Vec<Job>,
    findings: &mut Vec<Finding>,
) -> Source {
    let Parsed {
        name: _,
        shown,
        id,
        source,
        brief: b,
    } = p;
    let mut report = Report::new(&shown, &source, findings);
    let brief_index = corpus.briefs.len();
    if b.documents.is_empty() {
        let f = report.error("documents", "no documents: a brief declares one or more");
        add_note(
            f,
            "add `- id: ID` with `file:` (relative to seeds/) and `lang:`",
        );
    }
    if let Some(date) = &b.date
        && !is_iso_date(date)
    {
        report.error(
            "date",
            format!("date `{date}` is not ISO 8601; write YYYY-MM-DD"),
        );
    }
    let mut brief = Brief {
        path: shown.clone(),
        id,
        title: b.title,
        date: b.date,
        summary: b.summary,
        documents: b
            .documents
            .iter()
            .filter_map(|d| ids.docs.get(&d.id).copied())
            .collect(),
        topics: Vec::new(),
        annotations: Vec::with_capacity(b.figures.len() + b.themes.len()),
    };
    let mut defined_here = HashMap::new();
    for (i, t) in b.topics.into_iter().enumerate() {
        let path = format!("topics[{i}].id");
        if defined_here.insert(t.id.clone(), i).is_some() {
            report.error(
                &path,
                format!("topic `{}` defined twice in this brief", t.id),
            );
            continue;
        }
        match ids.topics.get(&t.id).copied() {
            Some(existing) if corpus.topics[existing].title != t.title => {
                let f = report.error(
                    &format!("topics[{i}].title"),
                    format!(
                        "topic `{}` has another title elsewhere: \"{}\"",
                        t.id, corpus.topics[existing].title
                    ),
                );
                add_note(f, "one id is one topic: make the titles agree");
            }
            Some(existing) => brief.topics.push(existing),
            None => {
                ids.topics.insert(t.id.clone(), corpus.topics.len());
                brief.topics.push(corpus.topics.len());
                corpus.topics.push(Topic {
                    id: t.id,
                    title: t.title,
                    summary: t.summary,
                });
            }
        }
    }
    corpus.briefs.push(brief);
    for (i, f) in b.figures.into_iter().enumerate() {
        let path = format!("figures[{i}]");
        if let Some(kind) = &f.kind
            && !FIGURE_KINDS.contains(&kind.as_str())
        {
            let e = report.error(&format!("{path}.kind"), format!("unknown kind `{kind}`"));
            add_note(e, format!("use one of: {}", FIGURE_KINDS.join(", ")));
        }
        if let (Some(lo), Some(hi)) = (f.amount, f.amount_max)
            && hi < lo
        {
            report.warning(
                &format!("{path}.amount_max"),
                format!("amount_max {hi} is below amount {lo}"),
            );
        }
        let measure = Measure {
            kind: f.kind,
            amount: f.amount,
            amount_max: f.amount_max,
            unit: f.unit,
            period: f.period,
        };
        let annotation = Annotation {
            kind: AnnotationKind::Figure,
            brief: brief_index,
            label: Some(f.label),
            value: Some(f.value),
            note: f.note,
            measure: (measure != Measure::default()).then(|| Box::new(measure)),
            topics: Vec::new(),
            quotes: Vec::new(),
        };
        add_annotation(
            corpus,
            ids,
            &mut report,
            jobs,
            &path,
            annotation,
            &f.topics,
            f.quotes,
        );
    }
    for (i, t) in b.themes.into_iter().enumerate() {
        let annotation = Annotation {
            kind: AnnotationKind::Theme,
            brief: brief_index,
            label: None,
            value: None,
            note: t.note,
            measure: None,
            topics: Vec::new(),
            quotes: Vec::new(),
        };
        add_annotation(
            corpus,
            ids,
            &mut report,
            jobs,
            &format!("themes[{i}]"),
            annotation,
            &t.topics,
            t.quotes,
        );
    }
    Source { shown, source }
}

/// Resolves an annotation's topics, anchors its quotes and adds it to the corpus.
#[allow(clippy::too_many_arguments)]
fn add_annotation(
    corpus: &mut Corpus,
    ids: &Ids,
    report: &mut Report,
    jobs: &mut Vec<Job>,
    path: &str,
    mut annotation: Annotation,
    topics: &[String],
    quotes: Vec<QuoteDecl>,
) {
    annotation.topics = resolve_topics(corpus, ids, report, path, topics);
    if quotes.is_empty() {
        let f = report.error(
            &format!("{path}.quotes"),
            "no quotes: an annotation must stand somewhere",
        );
        add_note(
            f,
            "add at least one `- doc: ID` / `text: \"...\"` under quotes:",
        );
    }
    let index = corpus.annotations.len();
    let brief = annotation.brief;
    annotation.quotes = Vec::with_capacity(quotes.len());
    for (q, decl) in quotes.into_iter().enumerate() {
        let QuoteDecl {
            doc: doc_id,
            text,
            prefix,
            suffix,
        } = decl;
        match ids.docs.get(&doc_id) {
            Some(&doc) => jobs.push(Job {
                brief,
                annotation: index,
                quote: q,
                doc,
            }),
            None => {
                let f = report.error(
                    &format!("{path}.quotes[{q}].doc"),
                    format!("unknown document `{doc_id}`"),
                );
                let ids = corpus
                    .documents
                    .iter()
                    .filter_map(|d| d.meta.as_ref().map(|m| &m.id));
                add_note(
                    f,
                    format!("declare it under documents:, or use one of: {}", known(ids)),
                );
            }
        }
        annotation.quotes.push(Quote {
            doc_id,
            text,
            prefix,
            suffix,
            anchor: Err(AnchorFailure::UnknownDocument),
        });
    }
    corpus.annotations.push(annotation);
    corpus.briefs[brief]
        .annotations
        .push(corpus.annotations.len() - 1);
}

fn resolve_topics(
    corpus: &Corpus,
    ids: &Ids,
    report: &mut Report,
    path: &str,
    wanted: &[String],
) -> Vec<usize> {
    if wanted.is_empty() {
        report.error(
            &format!("{path}.topics"),
            "no topics: name one or more topic ids",
        );
    }
    let mut out = Vec::new();
    for (i, id) in wanted.iter().enumerate() {
        match ids.topics.get(id).copied() {
            Some(t) if !out.contains(&t) => out.push(t),
            Some(_) => {}
            None => {
                let f = report.error(
                    &format!("{path}.topics[{i}]"),
                    format!("undefined topic `{id}`"),
                );
                add_note(
                    f,
                    format!(
                        "define it under topics:, or use one of: {}",
                        known(corpus.topics.iter().map(|t| &t.id))
                    ),
                );
            }
        }
    }
    out
}

/// A quote to place: where it is in the corpus and in its brief.
pub(super) struct Job {
    brief: usize,
    annotation: usize,
    quote: usize,
    doc: usize,
}

/// The YAML path of a job's quote (`figures[3].quotes[0]`), made only for a finding.
fn quote_path(corpus: &Corpus, job: &Job) -> String {
    let brief = &corpus.briefs[job.brief];
    let local = brief
        .annotations
        .iter()
        .position(|&a| a == job.annotation)
        .unwrap_or(0);
    let figures = brief
        .annotations
        .iter()
        .filter(|&&a| corpus.annotations[a].kind == AnnotationKind::Figure)
        .count();
    match corpus.annotations[job.annotation].kind {
        AnnotationKind::Figure => format!("figures[{local}].quotes[{}]", job.quote),
        AnnotationKind::Theme => format!(
            "themes[{}].quotes[{}]",
            local - figures.min(local),
            job.quote
        ),
    }
}

/// A brief's path and YAML text, kept for the positions of findings about its quotes.
pub(super) struct Source {
    pub shown: String,
    pub source: String,
}

/// Places every quote (on every core), then records each anchor or finding, in order.
pub(super) fn anchor_all(
    corpus: &mut Corpus,
    jobs: Vec<Job>,
    sources: &[Source],
    findings: &mut Vec<Finding>,
) {
    let shared: &Corpus = corpus;
    let placements = par::map(jobs.iter().collect(), |job: &Job| {
        let quote = &shared.annotations[job.annotation].quotes[job.quote];
        let text = shared.documents[job.doc].text.as_str();
        place(
            text,
            &quote.text,
            quote.prefix.as_deref(),
            quote.suffix.as_deref(),
        )
    });
    let mut report: Option<(usize, Report)> = None;
    let mut nearest_cache = HashMap::new();
    for (job, placement) in jobs.iter().zip(placements) {
        if !matches!(report, Some((b, _)) if b == job.brief) {
            let source = &sources[job.brief];
            report = Some((
                job.brief,
                Report::new(&source.shown, &source.source, &mut *findings),
            ));
        }
        let Some((_, report)) = report.as_mut() else {
            continue;
        };
        let anchor = finish(corpus, job, placement, &mut nearest_cache, report);
        corpus.annotations[job.annotation].quotes[job.quote].anchor = anchor;
    }
}

/// The anchor of a placed quote, or the finding that says why it has none.
fn finish(
    corpus: &Corpus,
    job: &Job,
    placement: Placement,
    nearest_cache: &mut HashMap<(usize, String), Option<std::ops::Range<usize>>>,
    report: &mut Report,
) -> Result<Anchor, AnchorFailure> {
    let quote = &corpus.annotations[job.annotation].quotes[job.quote];
    let document = &corpus.documents[job.doc];
    let text = document.text.as_str();
    let at = format!("{} ({})", quote.doc_id, document.file);
    // Made only for a finding: most quotes land.
    let text_path = || format!("{}.text", quote_path(corpus, job));
    match placement {
        Placement::Unique(range) => {
            let (line, column) = document.text.line_col(range.start);
            Ok(Anchor {
                doc: job.doc,
                range,
                line,
                column,
            })
        }
        Placement::Empty => {
            report.error(
                &text_path(),
                "empty quote: copy the words from the document",
            );
            Err(AnchorFailure::Empty)
        }
        Placement::NotFound => {
            let f = report.error(
                &text_path(),
                format!("quote not found in {at}: \"{}\"", shorten(&quote.text)),
            );
            // The same missing quote (an alias, a copy) is looked for once per document.
            let found = nearest_cache
                .entry((job.doc, quote.text.clone()))
                .or_insert_with(|| nearest(text, &quote.text).map(|(range, _)| range))
                .clone();
            let whose = if quote.text.chars().count() > PATTERN_LIMIT {
                "nearest text to its start"
            } else {
                "nearest text"
            };
            let hint = match found {
                Some(range) => format!(
                    "{whose}: \"{}\" at line {}",
                    shorten(text.get(range.clone()).unwrap_or("")),
                    document.text.line_col(range.start).0
                ),
                None => "no similar text in the document: copy the quote from it".to_string(),
            };
            add_note(f, hint);
            Err(AnchorFailure::NotFound)
        }
        Placement::Ambiguous(ranges, total) => {
            let places: Vec<(usize, usize)> = ranges
                .iter()
                .map(|r| document.text.line_col(r.start))
                .collect();
            let lines: Vec<usize> = places.iter().map(|&(line, _)| line).collect();
            report.error(
                &text_path(),
                format!(
                    "quote matches {total} places in {at} ({}); add prefix: or suffix:",
                    list_places(&places, total)
                ),
            );
            Err(AnchorFailure::Ambiguous(lines))
        }
    }
}

/// Where an ambiguous quote stands: `lines 4, 9, 12` when each place has its own line,
/// else `at 1:1, 1:40, …` (line:column); at most ten, then an ellipsis.
fn list_places(places: &[(usize, usize)], total: usize) -> String {
    const SHOWN: usize = 10;
    let distinct_lines = places.windows(2).all(|w| w[0].0 != w[1].0);
    let shown = places.iter().take(SHOWN);
    let mut listed: Vec<String> = if distinct_lines {
        shown.map(|(line, _)| line.to_string()).collect()
    } else {
        shown
            .map(|(line, column)| format!("{line}:{column}"))
            .collect()
    };
    if total > listed.len() {
        listed.push("…".to_string());
    }
    let head = if distinct_lines { "lines" } else { "at" };
    format!("{head} {}", listed.join(", "))
}

#[cfg(test)]
mod tests {
    use super::list_places;

    #[test]
    fn places_are_lines_when_distinct_else_line_and_column() {
        assert_eq!(list_places(&[(4, 1), (9, 3), (12, 7)], 3), "lines 4, 9, 12");
        assert_eq!(list_places(&[(6, 1), (6, 20)], 2), "at 6:1, 6:20");
        let many: Vec<(usize, usize)> = (0..50).map(|i| (1, 1 + 39 * i)).collect();
        assert_eq!(
            list_places(&many, 1000),
            "at 1:1, 1:40, 1:79, 1:118, 1:157, 1:196, 1:235, 1:274, 1:313, 1:352, …"
        );
    }
}
