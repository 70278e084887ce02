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

/// The rows of the only pane once the screen has changed from `before` (the screen's
/// text is cheap to poll; the pane's rows need the corpus laid out).
fn rows_after(s: &mut Session, corpus: &briefing::engine::Corpus, before: &str) -> Vec<String> {
    let before = before.to_string();
    s.wait_for("the screen to change", |s| s.text() != before);
    // The whole frame: until nothing more comes for a while.
    loop {
        let seen = s.text();
        s.pump(std::time::Duration::from_millis(300));
        if s.text() == seen {
            break;
        }
    }
    s.pane_rows(corpus, briefing::reader::state::Pane::Left)
}

/// `G` on one line of `line`, then `k`: the end at the bottom, then every row one lower
/// and the row above the old top at the top. The rows seen, after `G` and after `k`.
fn end_then_one_up(line: &str) -> (Vec<String>, Vec<String>) {
    let dir = TempCorpus::new()
        .with("seeds/a.txt", format!("{line}\n"))
        .with("briefs/b.yaml", brief_of("B", &[("a.txt", "a", "vi")], ""));
    let corpus = dir.load();
    let mut s = Session::start_on(Some(dir.root().to_path_buf()), 100, 30);
    s.wait_for_text("a · vi · a.txt");
    let before = s.text();
    s.send("G");
    s.wait_for("the end", |s| s.text().contains("100%"));
    let end = rows_after(&mut s, &corpus, &before);
    let before = s.text();
    s.send("k");
    let up = rows_after(&mut s, &corpus, &before);
    s.quit();
    assert_eq!(up[1..], end[..end.len() - 1], "one row lower");
    assert!(
        !up[0].is_empty() && up[0] != end[0],
        "the row above: {up:?}"
    );
    (end, up)
}

#[test]
fn g_then_k_on_a_line_of_8_mb_shows_its_end_and_the_row_above_it() {
    // Numbered words at the end, so that a row says where in the line it is.
    let tail: Vec<String> = (0..3000).map(|n| format!("w{n}")).collect();
    let line = format!(
        "{} {}",
        crate::reader_costs::prose(8 << 20).replace('\n', " "),
        tail.join(" ")
    );
    let (end, up) = end_then_one_up(&line);
    let last = end.iter().rev().find(|r| !r.is_empty()).expect("a row");
    assert!(last.ends_with("w2999"), "{end:?}");
    let number = |word: Option<&str>| {
        word.and_then(|w| w.strip_prefix('w'))
            .and_then(|n| n.parse::<usize>().ok())
    };
    let first_of_old_top = number(end[0].split_whitespace().next());
    let last_of_new_top = number(up[0].split_whitespace().last());
    assert_eq!(
        last_of_new_top.map(|n| n + 1),
        first_of_old_top,
        "{:?} above {:?}",
        up[0],
        end[0]
    );
}

#[test]
fn g_then_k_on_a_line_of_letters_with_no_ascii_and_no_space() {
    // Eleven letters, wide and narrow, so that rows of any width start at other letters.
    let letters = "越南ạồ人民ếữ共和國";
    let line = format!("{}終點", letters.repeat((8 << 20) / letters.len()));
    let (end, _) = end_then_one_up(&line);
    let last = end.iter().rev().find(|r| !r.is_empty()).expect("a row");
    assert!(last.ends_with("終點"), "{end:?}");
}

#[test]
fn a_search_on_a_line_of_letters_with_no_ascii_finds_a_word_near_its_end() {
    let letters = "ạồếữđươăαжщ";
    let line = format!(
        "{}ΑΓΟΡΆ{}",
        letters.repeat((8 << 20) / letters.len()),
        letters.repeat(100)
    );
    let dir = TempCorpus::new()
        .with("seeds/a.txt", format!("{line}\n"))
        .with("briefs/b.yaml", brief_of("B", &[("a.txt", "a", "vi")], ""));
    let mut s = Session::start_on(Some(dir.root().to_path_buf()), 100, 30);
    s.wait_for_text("a · vi · a.txt");
    s.send("/αγορα");
    s.wait_for_text("/αγορα▏");
    s.send("\r");
    s.wait_for("the match near the end", |s| {
        let text = s.text();
        text.contains("/αγορα  1/1 in a 1:") && text.contains("ΑΓΟΡΆ")
    });
    s.quit();
}
