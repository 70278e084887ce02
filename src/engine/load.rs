//! The one way in: a corpus listed (source), every file read and decoded or parsed on
//! every core (text, brief), then ids bound and quotes anchored (resolve), giving the
//! [`Corpus`]. [`load_keeping`] is the same for live reload, where a brief whose text is
//! unchanged is not parsed again and a brief that no longer loads keeps its last good
//! version.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::engine::brief::parse::{Failed, Parsed, parse, parse_decoded, read};
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

/// Loads a corpus again for live reload: a brief whose decoded text is exactly the one
/// kept in `last_good` reuses its kept parsed form, a brief that no longer loads keeps
/// its last good version (see [`LastGood`]), with its problem among the findings.
/// Documents are read and every quote anchored again, as by [`load`].
pub fn load_keeping(
    source: &CorpusSource,
    last_good: &mut LastGood,
) -> Result<Corpus, CorpusError> {
    Ok(load_listing(list(source, Parts::All)?, Some(last_good)))
}

/// The last version of each brief that loaded, parsed, with its decoded source, by the
/// path shown for it: what live reload keeps on screen while the brief on disk is broken,
/// and reuses while the brief's text is unchanged. Reuse compares the whole decoded text,
/// not modification times, so a kept version is never served stale: a touched file with
/// the same text is the same brief, any edit is parsed again.
#[derive(Debug, Clone, Default)]
pub struct LastGood(HashMap<String, Parsed>);

impl LastGood {
    /// Remembers every brief of `briefs` that loads (nothing is resolved).
    pub fn of_briefs(briefs: Vec<SourceFile>) -> LastGood {
        let parsed: Vec<_> = briefs.into_par_iter().map(parse).collect();
        LastGood(
            parsed
                .into_iter()
                .flatten()
                .map(|p| (p.shown.clone(), p))
                .collect(),
        )
    }

    /// Reads `file` and parses it, unless its decoded text is exactly the source of the
    /// version kept for it: then that version is cloned.
    fn parse(&self, file: SourceFile) -> Done {
        let decoded = match read(file) {
            Ok(decoded) => decoded,
            Err(failed) => return Done::Failed(failed),
        };
        match self.0.get(&decoded.shown) {
            Some(kept) if kept.name == decoded.name && kept.source == decoded.source => {
                Done::Reused(kept.clone())
            }
            _ => parse_decoded(decoded).map_or_else(Done::Failed, Done::Parsed),
        }
    }
}

/// What loading did with the briefs: how many were parsed, reused from [`LastGood`]
/// unparsed, or did not load.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct BriefStats {
    pub parsed: usize,
    pub reused: usize,
    pub failed: usize,
}

/// One file read: a seed decoded, or a brief parsed, reused or failed.
// Transient, one per file: the size of its variants does not matter.
#[allow(clippy::large_enum_variant)]
enum Done {
    Seed(Result<Document, Finding>),
    Parsed(Parsed),
    Reused(Parsed),
    Failed(Failed),
}

/// Loads the files of `listing` (a whole corpus, or the part a first screen needs): every
/// file is read and decoded (documents) or parsed (briefs) on every core, briefs first
/// since they take longest; then ids are bound and quotes anchored. With `last_good`, a
/// brief whose text is unchanged reuses its kept parsed form, a brief that does not load
/// is replaced by its last good version (its problem still reported), and every brief
/// that loads is remembered there.
pub fn load_listing(listing: Listing, last_good: Option<&mut LastGood>) -> Corpus {
    load_counting(listing, last_good).0
}

/// [`load_listing`], saying what it did with the briefs.
pub(crate) fn load_counting(
    listing: Listing,
    mut last_good: Option<&mut LastGood>,
) -> (Corpus, BriefStats) {
    enum Task {
        Seed(SourceFile),
        Brief(SourceFile),
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
    let kept = last_good.as_deref();
    let done: Vec<Done> = tasks
        .into_par_iter()
        .map(|task| match (task, kept) {
            (Task::Brief(file), Some(kept)) => kept.parse(file),
            (Task::Brief(file), None) => parse(file).map_or_else(Done::Failed, Done::Parsed),
            (Task::Seed(file), _) => Done::Seed(decode_seed(file)),
        })
        .collect();
    let mut stats = BriefStats::default();
    let mut documents = Vec::new();
    let mut parsed = Vec::new();
    let mut failed = Vec::new();
    for item in done {
        match item {
            Done::Seed(Ok(doc)) => documents.push(doc),
            Done::Seed(Err(finding)) => listed.push(finding),
            Done::Parsed(p) => {
                stats.parsed += 1;
                if let Some(kept) = last_good.as_deref_mut() {
                    kept.0.insert(p.shown.clone(), p.clone());
                }
                parsed.push(p);
            }
            Done::Reused(p) => {
                stats.reused += 1;
                parsed.push(p);
            }
            Done::Failed(Failed { finding, declared }) => {
                stats.failed += 1;
                match last_good.as_deref().and_then(|k| k.0.get(&finding.file)) {
                    Some(p) => {
                        parsed.push(p.clone());
                        listed.push(
                            finding.note("showing the last version of this brief that loaded"),
                        );
                    }
                    None => {
                        failed.push((finding.file.clone(), declared));
                        listed.push(finding);
                    }
                }
            }
        }
    }
    let corpus = resolve(Loaded {
        root,
        documents,
        parsed,
        failed,
        findings: listed,
    });
    (corpus, stats)
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

    /// GOOD with its topic `topic`, titled `title`.
    fn brief(topic: &str, title: &str) -> String {
        GOOD.replace(
            "id: t\n    title: T",
            &format!("id: {topic}\n    title: {title}"),
        )
        .replace("topics: t", &format!("topics: {topic}"))
    }

    /// A corpus on disk with one seed and the briefs `b` and `c`, loaded by `reload`.
    struct OnDisk(tempfile::TempDir);

    impl OnDisk {
        fn new() -> OnDisk {
            let disk = OnDisk(tempfile::tempdir().expect("tempdir"));
            for folder in ["seeds", "briefs"] {
                std::fs::create_dir(disk.0.path().join(folder)).expect("mkdir");
            }
            disk.write("seeds/a.txt", "Xin chào Việt Nam.");
            disk.write("briefs/b.yaml", GOOD);
            disk.write("briefs/c.yaml", &brief("c", "C"));
            disk
        }

        fn write(&self, rel: &str, text: &str) {
            std::fs::write(self.0.path().join(rel), text).expect("write");
        }

        fn reload(&self, kept: &mut LastGood) -> (Corpus, BriefStats) {
            let source = CorpusSource::Dir(self.0.path().to_path_buf());
            load_counting(list(&source, Parts::All).expect("listed"), Some(kept))
        }
    }

    /// What a reader sees of a corpus: findings said, annotations, topics and briefs.
    fn seen(corpus: &Corpus) -> String {
        let findings: Vec<String> = corpus.findings().iter().map(|f| f.to_string()).collect();
        let (annotations, topics) = (corpus.annotations(), corpus.topics());
        format!(
            "{findings:?}\n{annotations:?}\n{topics:?}\n{:?}",
            corpus.briefs()
        )
    }

    fn stats(parsed: usize, reused: usize, failed: usize) -> BriefStats {
        BriefStats {
            parsed,
            reused,
            failed,
        }
    }

    #[test]
    fn an_unchanged_reload_reuses_every_brief_and_gives_the_same_corpus() {
        let (disk, mut kept) = (OnDisk::new(), LastGood::default());
        let (first, counted) = disk.reload(&mut kept);
        assert_eq!(counted, stats(2, 0, 0));
        let (second, counted) = disk.reload(&mut kept);
        assert_eq!(counted, stats(0, 2, 0));
        assert_eq!(seen(&second), seen(&first));
        assert_eq!(seen(&first), seen(&load_listing(listing_of(&disk), None)));
    }

    fn listing_of(disk: &OnDisk) -> Listing {
        list(&CorpusSource::Dir(disk.0.path().to_path_buf()), Parts::All).expect("listed")
    }

    #[test]
    fn a_changed_brief_is_parsed_again_and_a_touched_one_is_not() {
        let (disk, mut kept) = (OnDisk::new(), LastGood::default());
        disk.reload(&mut kept);
        disk.write("briefs/c.yaml", &brief("c", "Changed"));
        let path = disk.0.path().join("briefs/b.yaml");
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
        let touched = std::fs::File::options().append(true).open(&path);
        touched.and_then(|f| f.set_modified(later)).expect("touch");
        let (corpus, counted) = disk.reload(&mut kept);
        assert_eq!(counted, stats(1, 1, 0), "c parsed, b reused");
        let titles: Vec<&str> = corpus.topics().iter().map(|t| t.title.as_str()).collect();
        assert!(
            titles.contains(&"Changed") && !titles.contains(&"C"),
            "{titles:?}"
        );
        assert_eq!(
            disk.reload(&mut kept).1,
            stats(0, 2, 0),
            "the change is kept"
        );
    }

    #[test]
    fn a_broken_replacement_keeps_the_last_good_version_without_parsing_it() {
        let (disk, mut kept) = (OnDisk::new(), LastGood::default());
        let (first, _) = disk.reload(&mut kept);
        disk.write("briefs/c.yaml", "title: C\ndocuments: [\n");
        let (second, counted) = disk.reload(&mut kept);
        assert_eq!(counted, stats(0, 1, 1));
        assert_eq!(second.annotations().len(), first.annotations().len());
        let finding = second.findings()[0].to_string();
        assert!(
            finding.starts_with(&format!(
                "{}",
                disk.0.path().join("briefs/c.yaml").display()
            )),
            "{finding}"
        );
        assert!(finding.contains("showing the last version"), "{finding}");
        // Fixed again with its old text: the kept version is reused.
        disk.write("briefs/c.yaml", &brief("c", "C"));
        let (third, counted) = disk.reload(&mut kept);
        assert_eq!(counted, stats(0, 2, 0));
        assert_eq!(seen(&third), seen(&first));
    }

    #[test]
    fn a_deleted_brief_disappears_and_a_new_one_appears() {
        let (disk, mut kept) = (OnDisk::new(), LastGood::default());
        disk.reload(&mut kept);
        std::fs::remove_file(disk.0.path().join("briefs/c.yaml")).expect("rm");
        let (corpus, counted) = disk.reload(&mut kept);
        assert_eq!(counted, stats(0, 1, 0));
        assert_eq!(corpus.briefs().len(), 1);
        assert!(corpus.brief_by_id("c").is_none() && corpus.brief_by_id("b").is_some());
        disk.write("briefs/d.yaml", &brief("d", "D"));
        let (corpus, counted) = disk.reload(&mut kept);
        assert_eq!(counted, stats(1, 1, 0));
        assert!(corpus.brief_by_id("d").is_some() && corpus.brief_by_id("c").is_none());
        assert!(corpus.topics().iter().any(|t| t.title == "D"));
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
