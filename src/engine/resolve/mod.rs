//! From raw files to a resolved corpus: parse each brief, bind document ids to files, merge
//! topics, anchor every quote, and report every problem as a finding with its position.

use std::collections::HashMap;

use crate::engine::brief::BriefFile;
use crate::engine::decode::decode_entry;
use crate::engine::finding::Finding;
use crate::engine::load::{Entry, Listing, RawCorpus, RawFile};
use crate::engine::model::*;
use crate::engine::par;
use crate::engine::yaml_pos::PositionIndex;

mod anchoring;
mod annotate;
mod bind;
mod cascade;
mod measure;
mod parse;
mod pins;

use anchoring::anchor_all;
use annotate::resolve_brief;
use bind::bind_documents;
use parse::{Failed, parse};

/// One brief's source and findings; positions are looked up only when there is a finding.
struct Report<'a> {
    shown: &'a str,
    source: &'a str,
    index: Option<PositionIndex>,
    findings: &'a mut Vec<Finding>,
}

impl<'a> Report<'a> {
    fn new(shown: &'a str, source: &'a str, findings: &'a mut Vec<Finding>) -> Report<'a> {
        Report {
            shown,
            source,
            index: None,
            findings,
        }
    }

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
        lookup(
            self.index.get_or_insert_with(|| PositionIndex::new(source)),
            path,
        )
    }
}

/// The position of `path` in `index`, or of its nearest ancestor that has one.
fn lookup(index: &PositionIndex, mut path: &str) -> Option<(usize, usize)> {
    loop {
        if let Some(position) = index.value(path) {
            return Some(position);
        }
        path = path.get(..path.rfind(['.', '['])?)?;
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
    name: String,
    shown: String,
    id: String,
    source: String,
    brief: BriefFile,
}

/// Builds the corpus: decodes seeds, parses briefs, resolves ids and anchors quotes.
pub fn build(raw: RawCorpus) -> Corpus {
    build_keeping(raw, None)
}

/// The last version of each brief that loaded, by the path shown for it: what live reload
/// keeps on screen while the brief on disk is broken.
#[derive(Debug, Clone, Default)]
pub struct LastGood(HashMap<String, RawFile>);

/// Like `build`; a brief that does not load is replaced by its last good version from
/// `last_good` (its problem still reported), and every brief that loads is remembered there.
pub fn build_keeping(raw: RawCorpus, last_good: Option<&mut LastGood>) -> Corpus {
    build_listing(Listing::from(raw), last_good)
}

/// Builds the corpus from listed files: every file is read and decoded (documents) or
/// parsed (briefs) on every core, briefs first since they take longest; then ids are
/// bound and quotes anchored.
pub fn build_listing(listing: Listing, mut last_good: Option<&mut LastGood>) -> Corpus {
    enum Task {
        Seed(Entry),
        Brief(Entry),
    }
    // Transient, one per file: the size of its variants does not matter.
    #[allow(clippy::large_enum_variant)]
    enum Done {
        Seed(Result<Document, Finding>),
        Brief(Result<Parsed, Failed>),
    }
    let Listing {
        root,
        seeds,
        briefs,
        findings: mut listed,
    } = listing;
    let brief_count = briefs.len();
    let tasks = briefs
        .into_iter()
        .map(Task::Brief)
        .chain(seeds.into_iter().map(Task::Seed))
        .collect();
    let done = par::map(tasks, |task| match task {
        Task::Brief(entry) => Done::Brief(parse(entry.into_raw())),
        Task::Seed(entry) => Done::Seed(decode_entry(entry)),
    });
    let mut documents = Vec::new();
    let mut results = Vec::new();
    for item in done {
        match item {
            Done::Seed(Ok(doc)) => documents.push(doc),
            Done::Seed(Err(finding)) => listed.push(finding),
            Done::Brief(result) => results.push(result),
        }
    }
    let mut findings = listed;
    let mut parsed = Vec::new();
    let mut failed = Vec::new();
    for result in results {
        match result {
            Ok(p) => {
                if let Some(kept) = last_good.as_deref_mut() {
                    let file = RawFile {
                        name: p.name.clone(),
                        shown: p.shown.clone(),
                        bytes: Ok(p.source.clone().into_bytes()),
                    };
                    kept.0.insert(p.shown.clone(), file);
                }
                parsed.push(p);
            }
            Err(Failed { finding, declared }) => {
                let fallback = last_good
                    .as_deref()
                    .and_then(|k| k.0.get(&finding.file))
                    .cloned();
                match fallback.map(parse) {
                    Some(Ok(p)) => {
                        parsed.push(p);
                        findings.push(
                            finding.note("showing the last version of this brief that loaded"),
                        );
                    }
                    _ => {
                        failed.push((finding.file.clone(), declared));
                        findings.push(finding);
                    }
                }
            }
        }
    }
    let mut corpus = Corpus {
        root,
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
    let mut jobs = Vec::new();
    let sources: Vec<_> = parsed
        .into_iter()
        .map(|p| resolve_brief(&mut corpus, &mut ids, p, &mut jobs, &mut findings))
        .collect();
    anchor_all(&mut corpus, jobs, &sources, &mut findings);
    measure::check_units(&corpus, &sources, &mut findings);
    corpus.reindex();
    // A brief that did not load may be the one that covers a seed: its error says enough.
    if corpus.briefs.len() == brief_count {
        uncovered_seeds(&corpus, &mut findings);
    }
    cascade::fold_cascades(&mut findings, &failed);
    findings.sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
    corpus.findings = findings;
    corpus
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

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(brief: &str) -> RawCorpus {
        let file = |name: &str, shown: &str, bytes: &[u8]| RawFile {
            name: name.into(),
            shown: shown.into(),
            bytes: Ok(bytes.to_vec()),
        };
        RawCorpus {
            root: None,
            seeds: vec![file(
                "a.txt",
                "seeds/a.txt",
                "Xin chào Việt Nam.".as_bytes(),
            )],
            briefs: vec![file("b.yaml", "briefs/b.yaml", brief.as_bytes())],
            findings: Vec::new(),
        }
    }

    const GOOD: &str = "title: B\ndocuments:\n  - id: a\n    file: a.txt\ntopics:\n  - id: t\n    title: T\nthemes:\n  - topics: t\n    quotes:\n      - doc: a\n        text: Việt Nam\n";

    #[test]
    fn a_broken_brief_keeps_its_last_good_version() {
        let mut kept = LastGood::default();
        let first = build_keeping(raw(GOOD), Some(&mut kept));
        assert_eq!((first.briefs.len(), first.findings.len()), (1, 0));

        let broken = GOOD.replace("quotes:", "qoutes:");
        let second = build_keeping(raw(&broken), Some(&mut kept));
        assert_eq!(second.briefs.len(), 1, "the last good version stays");
        assert_eq!(second.annotations.len(), 1);
        let finding = second.findings[0].to_string();
        assert!(finding.contains("unknown field `qoutes`"), "{finding}");
        assert!(
            finding.contains("showing the last version of this brief that loaded"),
            "{finding}"
        );

        // Without a remembered version, the broken brief is simply reported.
        let alone = build(raw(&broken));
        assert_eq!((alone.briefs.len(), alone.error_count()), (0, 1));
    }

    #[test]
    fn a_theme_quote_that_fails_is_reported_at_its_text() {
        let corpus = build(raw(&GOOD.replace("text: Việt Nam", "text: Việt Nan")));
        let finding = corpus.findings[0].to_string();
        assert!(
            finding.starts_with(
                "briefs/b.yaml:12:15: error: quote not found in a (a.txt): \"Việt Nan\""
            ),
            "{finding}"
        );
    }
}
