//! Live reload and the documents' texts: an unchanged document is not decoded again, a
//! stored text is served only while its file holds the bytes it was loaded from, and
//! quotes in unchanged texts are not placed again.

use std::sync::Arc;

use super::*;
use crate::engine::corpus::{DocId, DocText, TextError};
use crate::engine::text::Text;

/// The text of a corpus's one document, read again from its file.
fn only_text(corpus: &Corpus) -> Arc<Text> {
    corpus.text(DocId::new(0)).expect("the text, read again")
}

/// Whether the one document of `a` and of `b` is the very same text.
fn same_text(a: &Corpus, b: &Corpus) -> bool {
    a.documents()[DocId::new(0)]
        .text
        .same(&b.documents()[DocId::new(0)].text)
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
        first.documents()[DocId::new(0)].text,
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
            corpus.documents()[DocId::new(0)].text.len(),
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
    let why = fresh.text(DocId::new(0)).expect_err("changed");
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
    assert_eq!(fresh.scan_text(DocId::new(0)), Err(why));
    assert_eq!(
        only_text(&Corpus::new(corpus.parts().clone())).as_str(),
        text.as_str()
    );
    // The same length, other bytes: changed too.
    disk.write("seeds/a.txt", "Xin chào Việt Nap.");
    let same_length = Corpus::new(corpus.parts().clone());
    assert!(matches!(
        same_length.text(DocId::new(0)),
        Err(TextError::Changed { .. })
    ));
    // Gone: said so, with the file.
    std::fs::remove_file(disk.0.path().join("seeds/a.txt")).expect("rm");
    let gone = Corpus::new(corpus.parts().clone());
    let why = gone.text(DocId::new(0)).expect_err("gone").to_string();
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
