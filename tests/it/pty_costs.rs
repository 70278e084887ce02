//! The reader in a pseudo-terminal on input that arrives faster than it is searched:
//! bracketed paste; and keys answered while a large document is laid out and searched
//! (docs/robustness.md, "Costs").

use crate::common::pty_session::*;
use crate::common::{Corpus as TempCorpus, brief_of};

#[test]
fn a_bracketed_paste_into_the_prompt_is_one_query_on_one_line() {
    let mut s = Session::start(120, 30, false);
    s.wait_for_text("vi-gov · vi");
    // The reader asks the terminal for bracketed paste (and gives it back on the way out).
    s.send("/");
    // A paste with a line break, as from a document: one query, the break a space.
    s.send("\x1b[200~hiệp định\nthương mại\x1b[201~");
    s.wait_for_text("/hiệp định thương mại");
    s.send("\r");
    s.wait_for("the first match of the pasted query", |s| {
        s.text().contains("/hiệp định thương mại  1/")
    });
    s.quit();
}

#[test]
fn keys_are_answered_while_a_large_document_is_laid_out_and_searched() {
    // 8 MB: this debug build lays it out and folds it between keys, a slice at a time.
    let corpus = TempCorpus::new()
        .with("seeds/a.txt", crate::reader_costs::prose(8 << 20))
        .with("briefs/b.yaml", brief_of("B", &[("a.txt", "a", "vi")], ""));
    let mut s = Session::start_on(Some(corpus.root().to_path_buf()), 100, 30);
    s.wait_for_text("a · vi · a.txt");
    // The end, exactly: the last row at the bottom.
    s.send("G");
    s.wait_for("the end", |s| s.text().contains("100%"));
    assert!(s.text().contains("Khai thác hiệu quả 17 hiệp định"));
    s.send("g/kinh");
    s.wait_for_text("/kinh▏");
    s.send("\r");
    s.wait_for("the first match", |s| {
        let text = s.text();
        text.contains("/kinh  1/") && text.contains(" in a 1:58 · r lists them")
    });
    s.quit();
}

#[test]
fn keys_are_answered_on_a_document_of_one_long_line() {
    // 8 MB on one line: laid out and searched a piece at a time, never the whole line for
    // the first screen or a key.
    let line = crate::reader_costs::prose(8 << 20).replace('\n', " ");
    let corpus = TempCorpus::new()
        .with("seeds/a.txt", format!("{line}\n"))
        .with("briefs/b.yaml", brief_of("B", &[("a.txt", "a", "vi")], ""));
    let mut s = Session::start_on(Some(corpus.root().to_path_buf()), 100, 30);
    s.wait_for_text("a · vi · a.txt");
    s.wait_for_text("Thủ tướng Phạm Minh Chính chủ trì");
    let first_row = |s: &Session| s.text().lines().nth(1).unwrap_or("").to_string();
    let top = first_row(&s);
    s.send("jjj");
    s.wait_for("three rows down", |s| first_row(s) != top);
    s.send("/kinh");
    s.wait_for_text("/kinh▏");
    s.send("\r");
    // The first match after the top of the pane, three rows down.
    s.wait_for("the first match from there", |s| {
        let text = s.text();
        text.contains("/kinh  3/") && text.contains(" in a 1:256 · r lists them")
    });
    // The end of the line, exactly: the last row at the bottom.
    s.send("G");
    s.wait_for("the end", |s| s.text().contains("100%"));
    s.quit();
}
