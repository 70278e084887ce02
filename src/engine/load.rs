//! The one way in: a corpus listed (source), every file read and decoded or parsed on
//! every core (text, brief), then ids bound and quotes anchored (resolve), giving the
//! [`Corpus`]. [`load_keeping`] is the same for live reload, where a brief that no longer
//! loads keeps its last good version.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::engine::brief::parse::{Failed, Parsed, parse};
use crate::engine::corpus::{Corpus, Document};
use crate::engine::error::CorpusError;
use crate::engine::finding::Finding;
use crate::engine::resolve::{Loaded, resolve};
use crate::engine::source::{CorpusSource, Listing, Parts, SourceFile, list};
use crate::engine::text::decode;

/// Loads, anchors and checks a whole corpus.
pub fn load(source: &CorpusSource) -> Result<Corpus, CorpusError> {
    Ok(load_listing(list(source, Parts::All)?, None))
}

/// Loads a corpus again for live reload: a brief that no longer loads keeps its last good
/// version (see [`LastGood`]), with its problem among the findings.
pub fn load_keeping(
    source: &CorpusSource,
    last_good: &mut LastGood,
) -> Result<Corpus, CorpusError> {
    Ok(load_listing(list(source, Parts::All)?, Some(last_good)))
}

/// The last version of each brief that loaded, by the path shown for it: what live reload
/// keeps on screen while the brief on disk is broken.
#[derive(Debug, Clone, Default)]
pub struct LastGood(HashMap<String, SourceFile>);

impl LastGood {
    /// Remembers every brief of `briefs` that loads (nothing is resolved).
    pub fn of_briefs(briefs: Vec<SourceFile>) -> LastGood {
        let mut last_good = LastGood::default();
        let parsed: Vec<_> = briefs.into_par_iter().map(parse).collect();
        for p in parsed.iter().flatten() {
            last_good.remember(p);
        }
        last_good
    }

    fn remember(&mut self, p: &Parsed) {
        let file = SourceFile::in_memory(&p.name, &p.shown, p.source.clone().into_bytes());
        self.0.insert(p.shown.clone(), file);
    }
}

/// Loads the files of `listing` (a whole corpus, or the part a first screen needs): every
/// file is read and decoded (documents) or parsed (briefs) on every core, briefs first
/// since they take longest; then ids are bound and quotes anchored. With `last_good`, a
/// brief that does not load is replaced by its last good version (its problem still
/// reported), and every brief that loads is remembered there.
pub fn load_listing(listing: Listing, mut last_good: Option<&mut LastGood>) -> Corpus {
    enum Task {
        Seed(SourceFile),
        Brief(SourceFile),
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
    let tasks: Vec<Task> = briefs
        .into_iter()
        .map(Task::Brief)
        .chain(seeds.into_iter().map(Task::Seed))
        .collect();
    let done: Vec<Done> = tasks
        .into_par_iter()
        .map(|task| match task {
            Task::Brief(file) => Done::Brief(parse(file)),
            Task::Seed(file) => Done::Seed(decode_seed(file)),
        })
        .collect();
    let mut documents = Vec::new();
    let mut parsed = Vec::new();
    let mut failed = Vec::new();
    for item in done {
        match item {
            Done::Seed(Ok(doc)) => documents.push(doc),
            Done::Seed(Err(finding)) => listed.push(finding),
            Done::Brief(Ok(p)) => {
                if let Some(kept) = last_good.as_deref_mut() {
                    kept.remember(&p);
                }
                parsed.push(p);
            }
            Done::Brief(Err(Failed { finding, declared })) => {
                let fallback = last_good
                    .as_deref()
                    .and_then(|k| k.0.get(&finding.file))
                    .cloned();
                match fallback.map(parse) {
                    Some(Ok(p)) => {
                        parsed.push(p);
                        listed.push(
                            finding.note("showing the last version of this brief that loaded"),
                        );
                    }
                    _ => {
                        failed.push((finding.file.clone(), declared));
                        listed.push(finding);
                    }
                }
            }
        }
    }
    resolve(Loaded {
        root,
        documents,
        parsed,
        failed,
        findings: listed,
    })
}

/// Reads and decodes one listed seed.
fn decode_seed(file: SourceFile) -> Result<Document, Finding> {
    let name = file.name.clone();
    let shown = file.shown.clone();
    let bytes = file.into_bytes().map_err(|e| e.finding(&shown))?;
    Ok(Document {
        text: decode(&shown, bytes)?,
        file: name,
        meta: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(brief: &str) -> Listing {
        Listing {
            root: None,
            seeds: vec![SourceFile::in_memory(
                "a.txt",
                "seeds/a.txt",
                "Xin chào Việt Nam.".as_bytes().to_vec(),
            )],
            briefs: vec![SourceFile::in_memory(
                "b.yaml",
                "briefs/b.yaml",
                brief.as_bytes().to_vec(),
            )],
            findings: Vec::new(),
        }
    }

    const GOOD: &str = "title: B\ndocuments:\n  - id: a\n    file: a.txt\ntopics:\n  - id: t\n    title: T\nthemes:\n  - topics: t\n    quotes:\n      - doc: a\n        text: Việt Nam\n";

    #[test]
    fn a_broken_brief_keeps_its_last_good_version() {
        let mut kept = LastGood::default();
        let first = load_listing(listing(GOOD), Some(&mut kept));
        assert_eq!((first.briefs().len(), first.findings().len()), (1, 0));

        let broken = GOOD.replace("quotes:", "qoutes:");
        let second = load_listing(listing(&broken), Some(&mut kept));
        assert_eq!(second.briefs().len(), 1, "the last good version stays");
        assert_eq!(second.annotations().len(), 1);
        let finding = second.findings()[0].to_string();
        assert!(finding.contains("unknown field `qoutes`"), "{finding}");
        assert!(
            finding.contains("showing the last version of this brief that loaded"),
            "{finding}"
        );

        // Without a remembered version, the broken brief is simply reported.
        let alone = load_listing(listing(&broken), None);
        assert_eq!((alone.briefs().len(), alone.error_count()), (0, 1));

        // Remembering briefs alone gives the same last good version.
        let mut of_briefs = LastGood::of_briefs(listing(GOOD).briefs);
        let third = load_listing(listing(&broken), Some(&mut of_briefs));
        assert_eq!(third.annotations().len(), 1);
    }

    #[test]
    fn a_theme_quote_that_fails_is_reported_at_its_text() {
        let corpus = load_listing(
            listing(&GOOD.replace("text: Việt Nam", "text: Việt Nan")),
            None,
        );
        let finding = corpus.findings()[0].to_string();
        assert!(
            finding.starts_with(
                "briefs/b.yaml:12:15: error: quote not found in a (a.txt): \"Việt Nan\""
            ),
            "{finding}"
        );
    }
}
