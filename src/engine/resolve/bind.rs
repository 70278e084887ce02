//! Binding document ids to seed files, once every brief is parsed: one id names one file,
//! one file has one id, and the metadata of every declaration is merged.

use std::collections::HashMap;

use super::{Parsed, Report, add_note, is_iso_date, known};
use crate::engine::brief::DocDecl;
use crate::engine::corpus::{CorpusParts, DocId, DocMeta};
use crate::engine::finding::{Finding, Wanted};

/// Binds every declared document id to its seed file and merges the metadata.
pub(super) fn bind_documents(
    corpus: &mut CorpusParts,
    parsed: &[Parsed],
    findings: &mut Vec<Finding>,
) {
    let by_file: HashMap<String, DocId> = corpus
        .documents
        .enumerated()
        .map(|(i, d)| (d.file.clone(), i))
        .collect();
    // id -> (document index, where it was bound)
    let mut bound: HashMap<String, (DocId, String)> = HashMap::new();
    for p in parsed {
        let mut report = Report::new(&p.shown, &p.source, findings);
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
        let mut report = Report::new(&p.shown, &p.source, findings);
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
                f.wants = Some(Box::new(Wanted::Document(decl.id.clone())));
            }
            if let Some(parallel) = &decl.parallel
                && !bound.contains_key(parallel)
            {
                let f = report.error(
                    &format!("documents[{i}].parallel"),
                    format!("`parallel: {parallel}` names an unknown document"),
                );
                add_note(f, format!("declared documents: {}", known(bound.keys())));
                f.wants = Some(Box::new(Wanted::Document(parallel.clone())));
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
