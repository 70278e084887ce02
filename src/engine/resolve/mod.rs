//! From raw files to a resolved corpus: parse each brief, bind document ids to files, merge
//! topics, anchor every quote, and report every problem as a finding with its position.

use std::collections::HashMap;

use crate::engine::anchor::{Placement, place};
use crate::engine::brief::{BriefFile, DocDecl, FIGURE_KINDS, QuoteDecl};
use crate::engine::finding::Finding;
use crate::engine::load::{RawCorpus, RawFile, decode_documents};
use crate::engine::model::*;
use crate::engine::nearest::nearest;
use crate::engine::yaml_pos::PositionIndex;

/// One brief's source and findings; positions are looked up only when there is a finding.
struct Report<'a> {
    shown: &'a str,
    source: &'a str,
    index: Option<PositionIndex>,
    findings: &'a mut Vec<Finding>,
}

impl Report<'_> {
    fn error(&mut self, path: &str, message: impl Into<String>) -> &mut Finding {
        let position = self.position(path);
        self.findings
            .push(Finding::error(self.shown, message).at(position));
        self.findings.last_mut().expect("just pushed")
    }

    fn warning(&mut self, path: &str, message: impl Into<String>) -> &mut Finding {
        let position = self.position(path);
        self.findings
            .push(Finding::warning(self.shown, message).at(position));
        self.findings.last_mut().expect("just pushed")
    }

    /// The position of `path`, or of its nearest ancestor that has one.
    fn position(&mut self, path: &str) -> Option<(usize, usize)> {
        let source = self.source;
        let index = self.index.get_or_insert_with(|| PositionIndex::new(source));
        let mut path = path;
        loop {
            if let Some(position) = index.value(path) {
                return Some(position);
            }
            path = path.get(..path.rfind(['.', '['])?)?;
        }
    }
}

fn add_note(finding: &mut Finding, note: impl Into<String>) {
    finding.notes.push(note.into());
}

/// Ids to indexes, so that resolving thousands of quotes stays linear.
struct Ids {
    docs: HashMap<String, usize>,
    topics: HashMap<String, usize>,
}

/// A parsed brief with its source, waiting for resolution.
struct Parsed {
    shown: String,
    id: String,
    source: String,
    brief: BriefFile,
}

/// Builds the corpus: decodes seeds, parses briefs, resolves ids and anchors quotes.
pub fn build(raw: RawCorpus) -> Corpus {
    let mut findings = raw.findings;
    let documents = decode_documents(raw.seeds, &mut findings);
    let mut parsed = Vec::new();
    // Parsed one after another: serde_yaml's event buffers then reuse one arena's memory.
    for result in raw.briefs.into_iter().map(parse) {
        match result {
            Ok(p) => parsed.push(p),
            Err(finding) => findings.push(finding),
        }
    }
    let mut corpus = Corpus {
        root: raw.root,
        documents,
        ..Corpus::default()
    };
    bind_documents(&mut corpus, &parsed, &mut findings);
    let mut ids = Ids {
        docs: corpus
            .documents
            .iter()
            .enumerate()
            .filter_map(|(i, d)| d.meta.as_ref().map(|m| (m.id.clone(), i)))
            .collect(),
        topics: HashMap::new(),
    };
    corpus.annotations.reserve_exact(
        parsed
            .iter()
            .map(|p| p.brief.figures.len() + p.brief.themes.len())
            .sum(),
    );
    for p in parsed {
        resolve_brief(&mut corpus, &mut ids, p, &mut findings);
    }
    uncovered_seeds(&corpus, &mut findings);
    findings.sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
    corpus.findings = findings;
    corpus
}

/// Parses one brief, or reports why it does not load.
fn parse(file: RawFile) -> Result<Parsed, Finding> {
    let bytes = match file.bytes {
        Ok(bytes) => bytes,
        Err(e) => return Err(Finding::error(&file.shown, format!("cannot read: {e}"))),
    };
    let source = crate::engine::load::decode(&file.shown, bytes)?
        .as_str()
        .to_owned();
    let id = file
        .name
        .rsplit('/')
        .next()
        .and_then(|n| n.rsplit_once('.'))
        .map_or(file.name.as_str(), |(stem, _)| stem)
        .to_string();
    if source.trim().is_empty() {
        return Err(Finding::error(&file.shown, "empty brief")
            .note("a brief needs at least `title:` and `documents:` (see the README)"));
    }
    match serde_yaml::from_str::<BriefFile>(&source) {
        Ok(brief) => Ok(Parsed {
            shown: file.shown,
            id,
            source,
            brief,
        }),
        Err(e) => Err(yaml_error(&file.shown, &e)),
    }
}

/// A serde_yaml error as a finding: its location moved into the position, a hint added.
fn yaml_error(shown: &str, e: &serde_yaml::Error) -> Finding {
    let mut message = e.to_string();
    let position = e.location().map(|l| (l.line(), l.column()));
    if let Some(cut) = message.rfind(" at line ") {
        message.truncate(cut);
    }
    let hint = if message.contains("unknown field") {
        "check the spelling of the key; the keys allowed here are listed above"
    } else if message.contains("missing field") {
        "add the missing key to this mapping"
    } else if message.contains("recursion limit") || message.contains("repetition limit") {
        "the brief nests too deep or expands too many aliases; write it out plainly"
    } else {
        "fix the YAML here, or an unclosed quote or bracket above it; the brief is skipped until it loads"
    };
    Finding::error(shown, message).at(position).note(hint)
}

/// Binds every declared document id to its seed file and merges the metadata.
fn bind_documents(corpus: &mut Corpus, parsed: &[Parsed], findings: &mut Vec<Finding>) {
    let by_file: HashMap<String, usize> = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.file.clone(), i))
        .collect();
    // id -> (document index, where it was bound)
    let mut bound: HashMap<String, (usize, String)> = HashMap::new();
    for p in parsed {
        let mut report = Report {
            shown: &p.shown,
            source: &p.source,
            index: None,
            findings,
        };
        let mut seen_here = HashMap::new();
        for (i, decl) in p.brief.documents.iter().enumerate() {
            let path = format!("documents[{i}]");
            if seen_here.insert(decl.id.clone(), i).is_some() {
                report.error(
                    &format!("{path}.id"),
                    format!("document `{}` declared twice in this brief", decl.id),
                );
                continue;
            }
            let Some(file) = &decl.file else { continue };
            let Some(&doc) = by_file.get(file.as_str()) else {
                let f = report.error(
                    &format!("{path}.file"),
                    format!("no document `{file}` in seeds/"),
                );
                add_note(f, "check the file name; it is relative to seeds/");
                continue;
            };
            if let Some((other, at)) = bound.get(&decl.id) {
                if *other != doc {
                    let f = report.error(
                        &format!("{path}.file"),
                        format!(
                            "document `{}` is bound to two files: `{}` and `{file}`",
                            decl.id, corpus.documents[*other].file
                        ),
                    );
                    add_note(
                        f,
                        format!("the first binding is in {at}; one id names one file"),
                    );
                }
                continue;
            }
            if let Some(meta) = &corpus.documents[doc].meta {
                let f = report.error(
                    &format!("{path}.id"),
                    format!(
                        "`{file}` is declared as both `{}` and `{}`",
                        meta.id, decl.id
                    ),
                );
                add_note(f, "give each document one id and use it everywhere");
                continue;
            }
            bound.insert(decl.id.clone(), (doc, p.shown.clone()));
            corpus.documents[doc].meta = Some(DocMeta {
                id: decl.id.clone(),
                ..DocMeta::default()
            });
        }
    }
    // Merge metadata from every declaration (the first value of each field wins).
    for p in parsed {
        for decl in &p.brief.documents {
            if let Some(&(doc, _)) = bound.get(&decl.id)
                && let Some(meta) = corpus.documents[doc].meta.as_mut()
            {
                merge(meta, decl);
            }
        }
    }
    // Ids with no file anywhere, and `parallel:` naming unknown documents.
    for p in parsed {
        let mut report = Report {
            shown: &p.shown,
            source: &p.source,
            index: None,
            findings,
        };
        for (i, decl) in p.brief.documents.iter().enumerate() {
            if decl.file.is_none() && !bound.contains_key(&decl.id) {
                let f = report.error(
                    &format!("documents[{i}].id"),
                    format!("document `{}` has no file", decl.id),
                );
                add_note(
                    f,
                    "add `file:` (relative to seeds/) here or in another brief that declares it",
                );
            }
            if let Some(parallel) = &decl.parallel
                && !bound.contains_key(parallel)
            {
                let f = report.error(
                    &format!("documents[{i}].parallel"),
                    format!("`parallel: {parallel}` names an unknown document"),
                );
                add_note(f, format!("declared documents: {}", known(bound.keys())));
            }
            if let Some(date) = &decl.date
                && !is_iso_date(date)
            {
                report.error(
                    &format!("documents[{i}].date"),
                    format!("date `{date}` is not ISO 8601; write YYYY-MM-DD"),
                );
            }
        }
    }
}

fn merge(meta: &mut DocMeta, decl: &DocDecl) {
    let fill = |slot: &mut Option<String>, value: &Option<String>| {
        if slot.is_none() {
            slot.clone_from(value);
        }
    };
    fill(&mut meta.lang, &decl.lang);
    fill(&mut meta.title, &decl.title);
    fill(&mut meta.title_en, &decl.title_en);
    fill(&mut meta.date, &decl.date);
    fill(&mut meta.source, &decl.source);
    fill(&mut meta.parallel, &decl.parallel);
    fill(&mut meta.event, &decl.event);
    fill(&mut meta.note, &decl.note);
}

/// Adds one brief's topics and annotations to the corpus, consuming the parsed brief so
/// that its strings move rather than copy (a corpus of thousands of quotes stays small).
fn resolve_brief(corpus: &mut Corpus, ids: &mut Ids, p: Parsed, findings: &mut Vec<Finding>) {
    let Parsed {
        shown,
        id,
        source,
        brief: b,
    } = p;
    let mut report = Report {
        shown: &shown,
        source: &source,
        index: None,
        findings,
    };
    let brief_index = corpus.briefs.len();
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
            measure: (measure != Measure::default()).then_some(measure),
            topics: Vec::new(),
            quotes: Vec::new(),
        };
        add_annotation(
            corpus,
            ids,
            &mut report,
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
            &format!("themes[{i}]"),
            annotation,
            &t.topics,
            t.quotes,
        );
    }
}

/// Resolves an annotation's topics, anchors its quotes and adds it to the corpus.
fn add_annotation(
    corpus: &mut Corpus,
    ids: &Ids,
    report: &mut Report,
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
    annotation.quotes = quotes
        .into_iter()
        .enumerate()
        .map(|(q, decl)| anchor_quote(corpus, ids, report, &format!("{path}.quotes[{q}]"), decl))
        .collect();
    let brief = annotation.brief;
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

fn anchor_quote(
    corpus: &Corpus,
    ids: &Ids,
    report: &mut Report,
    path: &str,
    decl: QuoteDecl,
) -> Quote {
    let QuoteDecl {
        doc: doc_id,
        text,
        prefix,
        suffix,
    } = decl;
    let mut quote = Quote {
        doc_id,
        text,
        prefix,
        suffix,
        anchor: Err(AnchorFailure::UnknownDocument),
    };
    let Some(&doc) = ids.docs.get(&quote.doc_id) else {
        let f = report.error(
            &format!("{path}.doc"),
            format!("unknown document `{}`", quote.doc_id),
        );
        let ids = corpus
            .documents
            .iter()
            .filter_map(|d| d.meta.as_ref().map(|m| &m.id));
        add_note(
            f,
            format!("declare it under documents:, or use one of: {}", known(ids)),
        );
        return quote;
    };
    let document = &corpus.documents[doc];
    let text = document.text.as_str();
    let at = format!("{} ({})", quote.doc_id, document.file);
    let text_path = format!("{path}.text");
    quote.anchor = match place(
        text,
        &quote.text,
        quote.prefix.as_deref(),
        quote.suffix.as_deref(),
    ) {
        Placement::Unique(range) => {
            let (line, column) = document.text.line_col(range.start);
            Ok(Anchor {
                doc,
                range,
                line,
                column,
            })
        }
        Placement::Empty => {
            report.error(&text_path, "empty quote: copy the words from the document");
            Err(AnchorFailure::Empty)
        }
        Placement::NotFound => {
            let f = report.error(
                &text_path,
                format!("quote not found in {at}: \"{}\"", shorten(&quote.text)),
            );
            let hint = match nearest(text, &quote.text) {
                Some((range, _)) => format!(
                    "nearest text: \"{}\" at line {}",
                    shorten(text.get(range.clone()).unwrap_or("")),
                    document.text.line_col(range.start).0
                ),
                None => "no similar text in the document: copy the quote from it".to_string(),
            };
            add_note(f, hint);
            Err(AnchorFailure::NotFound)
        }
        Placement::Ambiguous(ranges, total) => {
            let lines: Vec<usize> = ranges
                .iter()
                .map(|r| document.text.line_col(r.start).0)
                .collect();
            let mut listed = lines
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            if total > lines.len() {
                listed.push_str(", …");
            }
            report.error(
                &text_path,
                format!(
                    "quote matches {total} places in {at} (lines {listed}); add prefix: or suffix:"
                ),
            );
            Err(AnchorFailure::Ambiguous(lines))
        }
    };
    quote
}

/// Warns about seeds that no brief declares.
fn uncovered_seeds(corpus: &Corpus, findings: &mut Vec<Finding>) {
    let root = corpus
        .root
        .as_deref()
        .map_or(String::new(), |r| format!("{}/", r.trim_end_matches('/')));
    for doc in corpus.documents.iter().filter(|d| d.meta.is_none()) {
        findings.push(
            Finding::warning(
                format!("{root}seeds/{}", doc.file),
                "no brief covers this document",
            )
            .note("declare it under documents: in a brief (id, file, lang)"),
        );
    }
}

/// A quote cut to a readable length for a message, white space folded.
fn shorten(s: &str) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= 80 {
        return folded;
    }
    let head: String = folded.chars().take(77).collect();
    format!("{head}…")
}

fn known<'a>(ids: impl Iterator<Item = &'a String>) -> String {
    let mut ids: Vec<&str> = ids.map(String::as_str).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return "(none yet)".to_string();
    }
    ids.join(", ")
}

/// YYYY, YYYY-MM or YYYY-MM-DD.
fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let in_range = |p: &str, hi: u32| p.parse::<u32>().is_ok_and(|v| (1..=hi).contains(&v));
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 12),
        [y, m, d] => {
            digits(y, 4) && digits(m, 2) && digits(d, 2) && in_range(m, 12) && in_range(d, 31)
        }
        _ => false,
    }
}
