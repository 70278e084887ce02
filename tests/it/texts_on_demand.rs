//! The reader holds no document's text: each is read again from its file when it is
//! shown, and only while the file's bytes are those the corpus was loaded from; a file
//! edited since says so in its pane until live reload brings the new text.

use crate::common::Corpus;
use crate::common::screen::{app_on, screen};
use briefing::engine::{DocText, LastGood, load, load_keeping};
use briefing::reader::App;
use briefing::reader::reload::Reloader;

/// A reader opened as the binary opens it, on `c`, and its reloader.
fn open(c: &Corpus) -> (briefing::engine::Corpus, Reloader) {
    let mut last_good = LastGood::default();
    let corpus = load_keeping(&c.source(), &mut last_good).expect("corpus");
    (corpus, Reloader::with_last_good(c.source(), last_good))
}

fn shows(app: &App, text: &str) -> bool {
    screen(app).contains(text)
}

#[test]
fn a_reader_holds_no_text_and_shows_each_read_again() {
    let c = Corpus::good();
    let (corpus, _) = open(&c);
    assert!(
        corpus
            .documents()
            .iter()
            .all(|d| matches!(d.text, DocText::Stored(_))),
        "every text let go"
    );
    let app = app_on(corpus, 160, 30);
    // What a reader on the texts held shows, the same.
    let held = app_on(load(&c.source()).expect("corpus"), 160, 30);
    assert!(shows(&app, "Thủ tướng Phạm Minh Chính chủ trì"));
    assert!(shows(&app, "Perdana Menteri Pham Minh Chinh"));
    assert_eq!(screen(&app), screen(&held));
}

#[test]
fn a_document_edited_since_the_load_says_so_until_the_reload_shows_it() {
    let c = Corpus::good();
    let (corpus, mut reloader) = open(&c);
    let vi = c.read("seeds/vi.txt");
    c.save("seeds/vi.txt", &format!("Một dòng mới.\n{vi}"));
    let mut app = app_on(corpus, 160, 30);
    // The pane wraps the message: the file's path, then why.
    let said = [
        "vi.txt changed on disk since the corpus",
        "it is read again when the corpus reloads.",
    ];
    assert!(said.iter().all(|s| shows(&app, s)), "{}", screen(&app));
    assert!(shows(&app, "Perdana Menteri"), "the other pane reads on");
    app.update(reloader.reload());
    assert!(shows(&app, "Một dòng mới."), "{}", screen(&app));
    assert!(!shows(&app, "changed on disk"));
}

#[test]
fn a_document_replaced_by_what_is_not_a_file_is_refused_in_its_pane() {
    let c = Corpus::good();
    let (corpus, _) = open(&c);
    std::fs::remove_file(c.file("seeds/vi.txt")).expect("rm");
    std::fs::create_dir(c.file("seeds/vi.txt")).expect("a folder in its place");
    let app = app_on(corpus, 160, 30);
    assert!(shows(&app, "changed on disk"), "{}", screen(&app));
    assert!(shows(&app, "Perdana Menteri"));
}
