//! Live reload end to end in a real pseudo-terminal: a brief saved in another window
//! shows at once, and a broken one keeps its last version on screen.

use crate::common::Corpus;
use crate::common::pty_session::*;

#[test]
fn a_brief_saved_in_another_window_shows_at_once_and_a_broken_one_keeps_its_last_version() {
    let (corpus, econ) = Corpus::econ();
    let mut s = Session::start_on(Some(corpus.root().to_path_buf()), 120, 30);
    s.wait_for_text("vi-gov · vi");
    // As many `n` as the reader needs to reach the first theme from the reading line.
    let presses = presses_to(
        corpus.load(),
        120,
        30,
        "Renew the traditional growth engines",
    );
    s.send(&presses);
    s.wait_for_text("Renew the traditional growth engines");

    let edited = econ.replace(
        "Renew the traditional growth engines",
        "Revive the old growth engines",
    );
    corpus.save("briefs/econ.yaml", &edited);
    s.wait_for("the edited note and the reload in the status line", |s| {
        let text = s.text();
        text.contains("Revive the old growth engines")
            && text.lines().last().is_some_and(|l| l.contains("reloaded"))
    });
    assert!(!s.text().contains("Renew the traditional"), "{}", s.text());

    corpus.save(
        "briefs/econ.yaml",
        &edited.replacen("quotes:", "qoutes:", 1),
    );
    s.wait_for("the problem in the status line", |s| {
        s.text().contains("reloaded: 1 problem (e to list)")
    });
    assert!(
        s.text().contains("Revive the old growth engines"),
        "the last good version stays:\n{}",
        s.text()
    );
    s.send("e");
    s.wait_for_text("showing the last version of this brief that loaded");
    s.send("\x1b");
    s.wait_for("the problems list to close", |s| {
        !s.text().contains("Findings")
    });
    s.quit();
}
