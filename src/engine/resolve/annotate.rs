//! Topics, figures and themes of one brief, resolved into the corpus; its quotes become
//! anchoring jobs (see `anchoring`).

use std::collections::HashMap;
use std::fmt;

use super::anchoring::{Job, Source};
use super::measure::measure_of;
use super::{Ids, Parsed, Report, add_note, is_iso_date};
use crate::engine::brief::QuoteDecl;
use crate::engine::corpus::*;
use crate::engine::finding::{Finding, Wanted};

/// Adds one brief's topics and annotations to the corpus, consuming the parsed brief so
/// that its strings move rather than copy (a corpus of thousands of quotes stays small).
pub(super) fn resolve_brief(
    corpus: &mut CorpusParts,
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
    let brief_index = corpus.briefs.next_id();
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
                ids.topics.insert(t.id.clone(), corpus.topics.next_id());
                brief.topics.push(corpus.topics.next_id());
                corpus.topics.push(Topic {
                    id: t.id,
                    title: t.title,
                    summary: t.summary,
                });
            }
        }
    }
    corpus.briefs.push(brief);
    corpus.annotations.reserve(b.figures.len() + b.themes.len());
    let quotes = b.figures.iter().map(|f| f.quotes.len());
    jobs.reserve(quotes.chain(b.themes.iter().map(|t| t.quotes.len())).sum());
    for (i, mut f) in taking(b.figures).enumerate() {
        let path = Item("figures", i);
        let measure = measure_of(&mut f, &path, &mut report);
        let annotation = Annotation {
            brief: brief_index,
            topics: Few::default(),
            quotes: Few::default(),
            says: Says::Figure(Box::new(Figure {
                label: f.label,
                value: f.value,
                note: f.note,
                measure: (measure != Measure::default()).then(|| Box::new(measure)),
            })),
        };
        let mut resolving = Resolving {
            corpus,
            ids,
            report: &mut report,
            jobs,
        };
        resolving.add_annotation(&path, annotation, &f.topics, f.quotes);
    }
    for (i, t) in taking(b.themes).enumerate() {
        let annotation = Annotation {
            brief: brief_index,
            topics: Few::default(),
            quotes: Few::default(),
            says: Says::Theme(Theme {
                note: t.note.into(),
            }),
        };
        let mut resolving = Resolving {
            corpus,
            ids,
            report: &mut report,
            jobs,
        };
        resolving.add_annotation(&Item("themes", i), annotation, &t.topics, t.quotes);
    }
    super::pins::resolve_pins(corpus, ids, &mut report, brief_index, b.pins);
    // Its findings are given their places here, from the source kept for those to come.
    drop(report);
    Source { shown, source }
}

/// Where an annotation stands in its brief (`figures[3]`), written out only for a finding.
#[derive(Debug, Clone, Copy)]
pub(super) struct Item(pub &'static str, pub usize);

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}[{}]", self.0, self.1)
    }
}

/// What resolving one annotation of a brief reads and adds to.
struct Resolving<'r, 'a> {
    corpus: &'r mut CorpusParts,
    ids: &'r Ids,
    report: &'r mut Report<'a>,
    jobs: &'r mut Vec<Job>,
}

impl Resolving<'_, '_> {
    /// Resolves an annotation's topics, anchors its quotes and adds it to the corpus.
    fn add_annotation(
        &mut self,
        path: &Item,
        mut annotation: Annotation,
        topics: &[Name],
        quotes: Few<QuoteDecl>,
    ) {
        let (corpus, ids) = (&mut *self.corpus, self.ids);
        annotation.topics = resolve_topics(corpus, ids, self.report, path, topics);
        if quotes.is_empty() {
            let f = self.report.error(
                &format!("{path}.quotes"),
                "no quotes: an annotation must stand somewhere",
            );
            add_note(
                f,
                "add at least one `- doc: ID` / `text: \"...\"` under quotes:",
            );
        }
        let index = corpus.annotations.next_id();
        let brief = annotation.brief;
        annotation.quotes = quotes
            .into_iter()
            .enumerate()
            .map(|(q, decl)| {
                let QuoteDecl {
                    doc,
                    text,
                    prefix,
                    suffix,
                } = decl;
                match ids.docs.get(doc.as_str()) {
                    Some(&doc) => self.jobs.push(Job {
                        brief,
                        annotation: index,
                        // An annotation's quotes are held in memory: fewer than that.
                        quote: u32::try_from(q).unwrap_or(u32::MAX),
                        doc,
                    }),
                    None => {
                        let f = self.report.error(
                            &format!("{path}.quotes[{q}].doc"),
                            format!("unknown document `{doc}`"),
                        );
                        let known = ids.known_docs(corpus);
                        add_note(
                            f,
                            format!("declare it under documents:, or use one of: {known}"),
                        );
                        f.wants = Some(Box::new(Wanted::Document(doc.to_string())));
                    }
                }
                Quote {
                    doc_id: doc,
                    text,
                    context: Context::new(prefix, suffix),
                    anchor: Err(AnchorFailure::UnknownDocument),
                }
            })
            .collect();
        corpus.annotations.push(annotation);
        corpus.briefs[brief].annotations.push(index);
    }
}

fn resolve_topics(
    corpus: &CorpusParts,
    ids: &Ids,
    report: &mut Report,
    path: &Item,
    wanted: &[Name],
) -> Few<TopicId> {
    if wanted.is_empty() {
        report.error(
            &format!("{path}.topics"),
            "no topics: name one or more topic ids",
        );
    }
    let mut out = Vec::new();
    for (i, id) in wanted.iter().enumerate() {
        match ids.topics.get(id.as_str()).copied() {
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
                        ids.known_topics(corpus)
                    ),
                );
                f.wants = Some(Box::new(Wanted::Topic(id.to_string())));
            }
        }
    }
    Few::from(out)
}

/// Items taken between two givings back of a list's room in [`taking`].
const GIVE_BACK: usize = 4096;

/// The items of `list`, in order, its room given back as they are taken: a brief's
/// million themes then stand beside the annotations made of them only in part, not
/// whole until the last is taken.
fn taking<T>(mut list: Vec<T>) -> Taking<T> {
    list.reverse();
    Taking(list)
}

/// The items not yet taken, last first.
struct Taking<T>(Vec<T>);

impl<T> Iterator for Taking<T> {
    type Item = T;
    fn next(&mut self) -> Option<T> {
        let item = self.0.pop()?;
        if self.0.capacity() - self.0.len() >= GIVE_BACK {
            self.0.shrink_to_fit();
        }
        Some(item)
    }
}

#[cfg(test)]
mod tests;
