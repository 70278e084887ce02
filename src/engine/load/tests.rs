//! Loading and live reload: last good versions, reuse of what did not change.

use std::sync::Arc;

use super::*;
use crate::engine::corpus::{DocId, DocText, TextError};
use crate::engine::text::Text;

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

/// The text of a corpus's one document, read again from its file.
fn only_text(corpus: &Corpus) -> Arc<Text> {
    corpus.text(DocId(0)).expect("the text, read again")
}

/// Whether the one document of `a` and of `b` is the very same text.
fn same_text(a: &Corpus, b: &Corpus) -> bool {
    a.documents()[DocId(0)]
        .text
        .same(&b.documents()[DocId(0)].text)
}

fn texts(decoded: usize, unchanged: usize) -> TextStats {
    TextStats { decoded, unchanged }
}

#[test]
fn an_unchanged_document_is_not_decoded_again_and_any_change_is_read_again() {
    let (disk, mut kept) = (OnDisk::new(), LastGood::default());
    let (first, counted) = disk.reload_counting(&mut kept);
    assert_eq!(counted.texts, texts(1, 0));
    assert!(matches!(
        first.documents()[DocId(0)].text,
        DocText::Stored(_)
    ));

    let (second, counted) = disk.reload_counting(&mut kept);
    assert_eq!(counted.texts, texts(0, 1));
    assert!(same_text(&first, &second), "the same bytes");
    assert_eq!(seen(&second), seen(&first));

    // The same length, one letter changed: read again, and the quote no longer lands.
    disk.write("seeds/a.txt", "Xin chào Việt Nan.");
    let (third, counted) = disk.reload_counting(&mut kept);
    assert_eq!(counted.texts, texts(1, 0));
    assert_eq!(only_text(&third).as_str(), "Xin chào Việt Nan.");
    assert_eq!(
        third.error_count(),
        2,
        "both briefs' quotes: {:?}",
        third.findings()
    );

    // Touched, same bytes: shared. Replaced by a new file with the same bytes: shared.
    let path = disk.0.path().join("seeds/a.txt");
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    let touched = std::fs::File::options().append(true).open(&path);
    touched.and_then(|f| f.set_modified(later)).expect("touch");
    assert_eq!(disk.reload_counting(&mut kept).1.texts, texts(0, 1));
    let fresh = disk.0.path().join("seeds/a.new");
    std::fs::write(&fresh, "Xin chào Việt Nan.").expect("write");
    std::fs::rename(&fresh, &path).expect("rename");
    let (fourth, counted) = disk.reload_counting(&mut kept);
    assert_eq!(counted.texts, texts(0, 1));
    assert!(same_text(&third, &fourth));
    assert_eq!(only_text(&fourth).as_str(), "Xin chào Việt Nan.");
}

#[test]
fn a_document_that_decoding_changes_is_not_decoded_again_while_its_bytes_stay() {
    let (disk, mut kept) = (OnDisk::new(), LastGood::default());
    // CRLF line ends and a decomposed letter: the text differs from the bytes.
    disk.write("seeds/a.txt", "Xin cha\u{300}o\r\nViệt Nam.");
    for decoded in [1, 0] {
        let (corpus, counted) = disk.reload_counting(&mut kept);
        assert_eq!(counted.texts, texts(decoded, 1 - decoded));
        assert_eq!(only_text(&corpus).as_str(), "Xin chào\nViệt Nam.");
        assert_eq!(
            corpus.documents()[DocId(0)].text.len(),
            "Xin chào\nViệt Nam.".len()
        );
        assert_eq!(corpus.error_count(), 0, "{:?}", corpus.findings());
    }
}

#[test]
fn a_stored_text_is_served_only_while_its_file_has_the_bytes_it_was_loaded_from() {
    let (disk, mut kept) = (OnDisk::new(), LastGood::default());
    let (corpus, _) = disk.reload_counting(&mut kept);
    let text = only_text(&corpus);
    assert!(Arc::ptr_eq(&text, &only_text(&corpus)), "kept while shown");
    // Edited after the load: a corpus that has not read it yet refuses it.
    disk.write("seeds/a.txt", "Xin chào Việt Nam!");
    let fresh = Corpus::new(corpus.parts().clone());
    let file = disk.0.path().join("seeds/a.txt").display().to_string();
    let why = fresh.text(DocId(0)).expect_err("changed");
    assert_eq!(why, TextError::Changed { file: file.clone() });
    assert_eq!(
        why.to_string(),
        format!(
            "{file} changed on disk since the corpus was loaded: it is read again when the corpus reloads"
        )
    );
    // Not tried again by that corpus, even once the old bytes are back: a reload makes
    // another corpus.
    disk.write("seeds/a.txt", "Xin chào Việt Nam.");
    assert_eq!(fresh.scan_text(DocId(0)), Err(why));
    assert_eq!(
        only_text(&Corpus::new(corpus.parts().clone())).as_str(),
        text.as_str()
    );
    // The same length, other bytes: changed too.
    disk.write("seeds/a.txt", "Xin chào Việt Nap.");
    let same_length = Corpus::new(corpus.parts().clone());
    assert!(matches!(
        same_length.text(DocId(0)),
        Err(TextError::Changed { .. })
    ));
    // Gone: said so, with the file.
    std::fs::remove_file(disk.0.path().join("seeds/a.txt")).expect("rm");
    let gone = Corpus::new(corpus.parts().clone());
    let why = gone.text(DocId(0)).expect_err("gone").to_string();
    assert!(why.starts_with("cannot read: "), "{why}");
    // The corpus that read it keeps serving the text its anchors are in.
    assert_eq!(only_text(&corpus).as_str(), text.as_str());
}

#[test]
fn what_is_deleted_is_forgotten() {
    let (disk, mut kept) = (OnDisk::new(), LastGood::default());
    disk.write("seeds/z.txt", "Another document.");
    disk.reload(&mut kept);
    let c = disk.0.path().join("briefs/c.yaml");
    assert!(kept.brief(&c.display().to_string()).is_some());
    assert!(kept.text("a.txt").is_some());
    std::fs::remove_file(&c).expect("rm");
    std::fs::remove_file(disk.0.path().join("seeds/a.txt")).expect("rm");
    disk.reload(&mut kept);
    assert!(kept.brief(&c.display().to_string()).is_none());
    assert!(kept.text("a.txt").is_none() && kept.text("z.txt").is_some());
}

fn quotes(placed: usize, reused: usize) -> QuoteStats {
    QuoteStats { placed, reused }
}

#[test]
fn quotes_in_unchanged_texts_are_not_placed_again() {
    let (disk, mut kept) = (OnDisk::new(), LastGood::default());
    // b and c quote the same words: one distinct quote.
    assert_eq!(disk.reload_counting(&mut kept).1.quotes, quotes(1, 0));
    assert_eq!(disk.reload_counting(&mut kept).1.quotes, quotes(0, 1));
    // c now quotes other words: only those are placed.
    disk.write(
        "briefs/c.yaml",
        &brief("c", "C").replace("Việt Nam", "Xin chào"),
    );
    assert_eq!(disk.reload_counting(&mut kept).1.quotes, quotes(1, 1));
    // The document changed: every quote in it is placed again.
    disk.write("seeds/a.txt", "Xin chào, xin chào Việt Nam.");
    assert_eq!(disk.reload_counting(&mut kept).1.quotes, quotes(2, 0));
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
