//! From raw files to a resolved corpus: parse each brief, bind document ids to files, merge
//! topics, anchor every quote, and report every problem as a finding with its position.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;

use crate::engine::brief::Declared;
use crate::engine::brief::parse::Parsed;
use crate::engine::brief::yaml::Yaml;
use crate::engine::corpus::*;
use crate::engine::finding::Finding;

mod anchoring;
mod annotate;
mod bind;
mod cascade;
mod fetched;
mod measure;
mod pins;
mod placed;
mod placements;

use anchoring::anchor_all;
pub(crate) use anchoring::{Texts, Unread};
use annotate::resolve_brief;
use bind::bind_documents;
pub(crate) use fetched::Fetched;
pub(crate) use placements::Placements;

/// One brief's source and findings. Findings get their positions when the report ends
/// (it is dropped), all in one walk of the brief's YAML, and only when there are some.
struct Report<'a> {
    shown: &'a str,
    source: &'a Yaml,
    findings: &'a mut Vec<Finding>,
    /// This report's findings still without a position: their place in `findings` and
    /// the path of the node they are about.
    placeless: Vec<(usize, String)>,
}

impl<'a> Report<'a> {
    fn new(shown: &'a str, source: &'a Yaml, findings: &'a mut Vec<Finding>) -> Report<'a> {
        Report {
            shown,
            source,
            findings,
            placeless: Vec::new(),
        }
    }

    fn error(&mut self, path: &str, message: impl Into<String>) -> &mut Finding {
        self.add(path, Finding::error(self.shown, message))
    }

    fn warning(&mut self, path: &str, message: impl Into<String>) -> &mut Finding {
        self.add(path, Finding::warning(self.shown, message))
    }

    fn add(&mut self, path: &str, finding: Finding) -> &mut Finding {
        self.placeless.push((self.findings.len(), path.to_owned()));
        self.findings.push(finding);
        self.findings.last_mut().expect("just pushed")
    }
}

/// Each finding at the node of its path, or of its nearest ancestor that has one.
impl Drop for Report<'_> {
    fn drop(&mut self) {
        if self.placeless.is_empty() {
            return;
        }
        let paths: Vec<&str> = self.placeless.iter().map(|(_, p)| p.as_str()).collect();
        let positions = self.source.positions_of(&paths);
        for ((i, _), position) in self.placeless.iter().zip(positions) {
            if let Some(finding) = self.findings.get_mut(*i) {
                finding.position = position;
            }
        }
    }
}

fn add_note(finding: &mut Finding, note: impl Into<String>) {
    finding.notes.push(note.into());
}

/// Ids to indexes, so that resolving thousands of quotes stays linear; and the known ids
/// that findings suggest, listed once (documents) or once per new topic, not per finding.
struct Ids {
    docs: HashMap<String, DocId>,
    topics: HashMap<String, TopicId>,
    known_docs: OnceCell<String>,
    known_topics: RefCell<(usize, String)>,
}

impl Ids {
    /// The declared document ids, as findings list them.
    fn known_docs(&self, corpus: &CorpusParts) -> &str {
        self.known_docs.get_or_init(|| {
            known(
                corpus
                    .documents
                    .iter()
                    .filter_map(|d| d.meta.as_ref().map(|m| &m.id)),
            )
        })
    }

    /// The topic ids defined so far, as findings list them.
    fn known_topics(&self, corpus: &CorpusParts) -> String {
        let mut cached = self.known_topics.borrow_mut();
        if cached.0 != corpus.topics.len() || cached.1.is_empty() {
            *cached = (
                corpus.topics.len(),
                known(corpus.topics.iter().map(|t| &t.id)),
            );
        }
        cached.1.clone()
    }
}

/// Everything read, decoded and parsed, waiting to be resolved into a corpus.
pub(crate) struct Loaded {
    pub root: Option<String>,
    pub documents: Vec<Document>,
    /// The briefs that loaded (or whose last good version stands in).
    pub parsed: Vec<Parsed>,
    /// The briefs that did not load, by the path shown, with what they would have declared.
    pub failed: Vec<(String, Box<Declared>)>,
    /// The problems met so far (listing, decoding, parsing).
    pub findings: Vec<Finding>,
}

/// Resolves what was loaded: binds document ids to files, merges topics, resolves every
/// figure and theme, anchors every quote on every core and folds one cause's findings
/// into one.
pub(crate) fn resolve_held(loaded: Loaded, placements: Option<&mut Placements>) -> CorpusParts {
    match resolve_parts(loaded, placements, Texts::Held) {
        Ok(parts) => parts,
        Err(Unread) => unreachable!("texts held in memory are never read from their files"),
    }
}

/// [`resolve`], the texts found where `texts` says, giving the parts of the corpus; with
/// streamed texts, the documents carry none.
pub(crate) fn resolve_parts(
    loaded: Loaded,
    placements: Option<&mut Placements>,
    texts: Texts,
) -> Result<CorpusParts, Unread> {
    let Loaded {
        root,
        documents,
        parsed,
        failed,
        mut findings,
    } = loaded;
    let mut corpus = CorpusParts {
        root,
        documents: IdVec::from(documents),
        ..CorpusParts::default()
    };
    bind_documents(&mut corpus, &parsed, &mut findings);
    let mut ids = Ids {
        docs: corpus
            .documents
            .enumerated()
            .filter_map(|(i, d)| d.meta.as_ref().map(|m| (m.id.clone(), i)))
            .collect(),
        topics: HashMap::new(),
        known_docs: OnceCell::new(),
        known_topics: RefCell::default(),
    };
    // The annotations grow brief by brief as each parsed brief is let go (room for all of
    // them at once would stand beside every parsed brief, the peak of a load), then are
    // fitted.
    let mut jobs = Vec::new();
    let sources: IdVec<BriefId, _> = parsed
        .into_iter()
        .map(|p| resolve_brief(&mut corpus, &mut ids, p, &mut jobs, &mut findings))
        .collect();
    corpus.annotations.shrink_to_fit();
    anchor_all(
        &mut corpus,
        jobs,
        &sources,
        &mut findings,
        placements,
        texts,
    )?;
    measure::check_units(&corpus, &sources, &mut findings);
    // A brief that did not load may be the one that covers a seed: its error says enough.
    if failed.is_empty() {
        uncovered_seeds(&corpus, &mut findings);
    }
    cascade::fold_cascades(&mut findings, &failed);
    findings.sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
    corpus.findings = findings;
    Ok(corpus)
}

/// Warns about seeds that no brief declares.
fn uncovered_seeds(corpus: &CorpusParts, findings: &mut Vec<Finding>) {
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

/// How many known ids a finding names before it says how many more there are.
const KNOWN_SHOWN: usize = 20;

/// The ids a finding suggests, sorted: the first [`KNOWN_SHOWN`], then how many more, so
/// that a corpus of thousands of ids does not write them all into every finding.
fn known<'a>(ids: impl Iterator<Item = &'a String>) -> String {
    let mut ids: Vec<&str> = ids.map(String::as_str).collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return "(none yet)".to_string();
    }
    let shown = ids[..ids.len().min(KNOWN_SHOWN)].join(", ");
    match ids.len().checked_sub(KNOWN_SHOWN) {
        Some(more) if more > 0 => format!("{shown}, … and {more} more"),
        _ => shown,
    }
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
    use super::known;

    #[test]
    fn known_ids_are_sorted_and_capped() {
        let few: Vec<String> = ["growth", "fta", "growth"].map(String::from).to_vec();
        assert_eq!(known(few.iter()), "fta, growth");
        assert_eq!(known([].iter()), "(none yet)");
        let many: Vec<String> = (0..250).rev().map(|i| format!("t{i:03}")).collect();
        let listed = known(many.iter());
        assert!(listed.starts_with("t000, t001, t002,"), "{listed}");
        assert!(listed.ends_with("t018, t019, … and 230 more"), "{listed}");
        let exactly: Vec<String> = (0..20).map(|i| format!("t{i:02}")).collect();
        assert!(known(exactly.iter()).ends_with("t18, t19"));
    }
}
