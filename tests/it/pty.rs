//! The reader end to end in a real pseudo-terminal: portable-pty runs the binary, vt100
//! plays the screen. Every wait polls the screen until a condition holds (10 s at most).

use briefing::engine::AnnotationId;
use briefing::reader::Msg;
use briefing::reader::state::Pane;
use std::time::Duration;

use crate::common::pty_session::*;

#[test]
fn two_panes_side_by_side_then_q_leaves_the_terminal_as_it_was() {
    let mut s = Session::start(120, 30, false);
    let corpus = fixture();
    s.wait_for("both panes side by side with their text", |s| {
        s.text()
            .lines()
            .any(|l| l.contains("vi-gov · vi") && l.contains("id-vna · id"))
            && s.pane_text(&corpus, Pane::Left).starts_with("Tại hội nghị")
            && s.pane_text(&corpus, Pane::Right)
                .starts_with("Para pemimpin")
    });
    assert!(s.parser.screen().alternate_screen());
    s.quit();
    assert!(
        !s.parser.screen().alternate_screen(),
        "alternate screen left"
    );
    assert_eq!(
        s.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
}

#[test]
fn search_ignores_diacritics_and_shows_the_match() {
    let mut s = Session::start(120, 30, false);
    s.wait_for_text("vi-gov · vi");
    // Take the first pane down the page, so the match has to be brought back.
    s.send("GG");
    s.wait_for_text("100%");
    s.send("/pham minh chinh\r");
    let corpus = fixture();
    s.wait_for("the match in a pane", |s| {
        Pane::BOTH
            .into_iter()
            .any(|i| s.pane_text(&corpus, i).contains("Phạm Minh Chính"))
    });
    s.wait_for_text("matches");
    s.quit();
}

#[test]
fn n_goes_to_the_next_annotation_in_every_pane_that_shows_it() {
    let mut s = Session::start(120, 30, false);
    s.wait_for_text("vi-gov · vi");
    let corpus = fixture();
    // The fifth annotation is the first theme, quoted in both documents on screen.
    let theme = &corpus.annotations()[AnnotationId::new(4)];
    assert_eq!(theme.quotes.len(), 2);
    // `n` walks from the reading line: as many as the reader needs to reach it.
    let mut app = briefing::reader::App::new(corpus.clone());
    app.update(Msg::Size {
        width: 120,
        height: 30,
    });
    let mut presses = String::new();
    while app.selected() != Some(AnnotationId::new(4)) && presses.len() < 50 {
        app.update(briefing::reader::Action::Next);
        presses.push('n');
    }
    s.send(&presses);
    s.wait_for_text("Renew the traditional growth engines");
    for (i, q) in Pane::BOTH.into_iter().zip(&theme.quotes) {
        let pane = s.pane_text(&corpus, i);
        assert!(
            pane.contains(&words(&q.text)),
            "pane {i:?} lacks {:?}:\n{}",
            q.text,
            s.text()
        );
    }
    s.send("\x03");
    assert!(s.wait_exit().success());
}

#[test]
fn question_mark_shows_help_from_the_key_table() {
    let mut s = Session::start(100, 50, false);
    s.wait_for_text("vi-gov · vi");
    s.send("?");
    s.wait_for_text("Keys");
    // The help is longer than the screen: j scrolls it a line at a time until every key
    // of the table has been on screen.
    let mut seen = String::new();
    let missing = |seen: &str| {
        briefing::reader::keymap::KEYS
            .iter()
            .filter(|b| !seen.contains(b.help()))
            .count()
    };
    while missing(&seen) > 0 {
        let before = s.text();
        seen.push_str(&before);
        if missing(&seen) == 0 {
            break;
        }
        s.send("j");
        s.wait_for("the help to scroll to more keys", |s| s.text() != before);
    }
    s.send("?q");
    assert!(s.wait_exit().success());
}

#[test]
fn the_mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut s = Session::start(120, 30, false);
    s.wait_for_text("1/43");
    s.send("s"); // sync off, so only the pane under the pointer moves
    // SGR mouse report: wheel down at column 50, row 10 (1-based), over the first pane.
    s.send("\x1b[<65;50;10M\x1b[<65;50;10M\x1b[<65;50;10M");
    s.wait_for("the first pane to scroll", |s| !s.text().contains(" 1/43 "));
    assert!(
        s.text().contains(" 1/10 "),
        "the other pane stays:\n{}",
        s.text()
    );
    s.quit();
}

#[test]
fn tiny_and_resized_terminals_do_not_crash() {
    let mut s = Session::start(20, 5, false);
    s.wait_for_text("vi-gov");
    s.send("jG?");
    s.wait_for_text("Keys");
    // Each step waits for its effect before the next, so keys never race a resize.
    s.send("q]n/dong\r");
    s.wait_for_text("/dong");
    s.resize(1, 1);
    s.wait_for("a 1x1 frame", |s| s.text().trim().chars().count() <= 1);
    s.resize(60, 20);
    s.wait_for_text("Topics");
    s.resize(120, 30);
    s.wait_for("both panes after growing", |s| {
        s.text()
            .lines()
            .any(|l| l.contains("vi-gov · vi") && l.contains("id-vna · id"))
    });
    s.send("?");
    s.wait_for_text("Keys");
    s.send("qq");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
}

#[test]
fn the_built_in_corpus_opens() {
    let mut s = Session::start(120, 30, true);
    s.wait_for_text("Topics");
    s.send("]nn?");
    s.wait_for_text("Keys");
    s.send("\x03");
    assert!(s.wait_exit().success());
}

/// crossterm's default event source (mio: edge-triggered epoll) forgets that keys are
/// waiting when they arrive in the same wake-up as a SIGWINCH and the resize is handled
/// first: the reader then sleeps with the keys unread until the next one comes (about one
/// run in eight hung here). Cargo.toml turns on crossterm's `use-dev-tty` source
/// (level-triggered poll), which does not.
#[test]
fn keys_and_resizes_in_quick_succession_leave_the_reader_answering() {
    let mut s = Session::start(120, 30, false);
    s.wait_for_text("vi-gov · vi");
    // No waiting between a key and a resize: the reader must take them in any order.
    for round in 0..20u16 {
        s.send("j");
        s.resize(80 + round * 2, 24 + round % 7);
        s.send("k");
    }
    s.resize(120, 30);
    s.pump(Duration::from_millis(10));
    s.send("?");
    s.wait_for_text("Keys");
    s.send("?q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
}
