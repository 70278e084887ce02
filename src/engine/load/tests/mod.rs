//! Loading and live reload: last good versions, reuse of what did not change.

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
        let (corpus, stats) = self.reload_counting(kept);
        (corpus, stats.briefs)
    }

    fn reload_counting(&self, kept: &mut LastGood) -> (Corpus, Stats) {
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
fn the_last_good_versions_findings_go_without_a_place_once_its_file_holds_another_text() {
    let (disk, mut kept) = (OnDisk::new(), LastGood::default());
    let c = disk.0.path().join("briefs/c.yaml").display().to_string();
    let unplaced = brief("c", "C").replace("text: Việt Nam", "text: Việt Nan");
    disk.write("briefs/c.yaml", &unplaced);
    let quote_finding = |corpus: &Corpus| {
        let found = corpus
            .findings()
            .iter()
            .find(|f| f.message.contains("Việt Nan"));
        found.expect("the quote's finding").to_string()
    };
    let (first, _) = disk.reload(&mut kept);
    assert!(quote_finding(&first).starts_with(&format!("{c}:12:15: error")));
    // Broken: the last good version stands in, its places no longer in the file.
    disk.write("briefs/c.yaml", "title: C\ndocuments: [\n");
    let (second, _) = disk.reload(&mut kept);
    assert!(
        quote_finding(&second).starts_with(&format!("{c}: error")),
        "{}",
        quote_finding(&second)
    );
    let broken = second
        .findings()
        .iter()
        .find(|f| f.message.contains("showing") || f.notes.iter().any(|n| n.contains("showing")));
    assert!(broken.expect("the brief's own finding").position.is_some());
    // Its text again: reused, and placed again.
    disk.write("briefs/c.yaml", &unplaced);
    let (third, _) = disk.reload(&mut kept);
    assert!(quote_finding(&third).starts_with(&format!("{c}:12:15: error")));
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
        finding
            .starts_with("briefs/b.yaml:12:15: error: quote not found in a (a.txt): \"Việt Nan\""),
        "{finding}"
    );
}

/// After every edit, a reload shows exactly what a fresh load shows (while a brief is
/// broken, a fresh load has no last good version of it: then only the other briefs are
/// compared): nothing kept is served stale, whatever changed.
#[test]
fn every_reload_equals_a_fresh_load() {
    let (disk, mut kept) = (OnDisk::new(), LastGood::default());
    let prefixed =
        brief("c", "C").replace("text: Việt Nam", "text: Việt Nam\n        prefix: chào");
    let edits: [(&str, &str); 9] = [
        ("seeds/a.txt", "Việt Nam.\nXin chào Việt Nam."),
        ("briefs/c.yaml", &prefixed),
        ("seeds/a.txt", "Xin chào\nViệt Nam, Việt Nam."),
        ("seeds/a.txt", "Xin chào Việt Nam."),
        ("briefs/b.yaml", "title: B\ndocuments: [\n"),
        ("seeds/a.txt", "Xin chao\u{300} Viê\u{323}t Nam.\r\n"),
        ("briefs/b.yaml", GOOD),
        ("seeds/a.txt", "Không có gì."),
        ("seeds/a.txt", "Xin chào Việt Nam."),
    ];
    disk.reload(&mut kept);
    let c_only = |corpus: &Corpus| {
        let c = corpus.brief_by_id("c").expect("c loads");
        let quotes: Vec<_> = corpus.briefs()[c]
            .annotations
            .iter()
            .map(|&a| &corpus.annotations()[a].quotes)
            .collect();
        format!("{quotes:?}")
    };
    for (i, (file, text)) in edits.iter().enumerate() {
        disk.write(file, text);
        let (reloaded, counted) = disk.reload(&mut kept);
        let fresh = load_listing(listing_of(&disk), None);
        if counted.failed == 0 {
            assert_eq!(seen(&reloaded), seen(&fresh), "after edit {i} of {file}");
        } else {
            assert_eq!(
                c_only(&reloaded),
                c_only(&fresh),
                "after edit {i} of {file}"
            );
        }
    }
}

mod texts;
