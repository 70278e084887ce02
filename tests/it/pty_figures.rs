//! The figures view in a real pseudo-terminal: `f` opens it, `s` sorts, Enter jumps to
//! the figure's quote in the panes, on tests/fixtures/figures.

use briefing::reader::state::Pane;
use std::path::PathBuf;

use crate::common::pty_session::*;
use briefing::engine::{CorpusSource, load};

fn figures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/figures")
}

/// The first row of the screen that holds `text`.
fn row_of(s: &Session, text: &str) -> Option<usize> {
    s.text().lines().position(|l| l.contains(text))
}

/// Waits until `above` stands on a row above `below`.
fn wait_for_order(s: &mut Session, what: &str, above: &str, below: &str) {
    s.wait_for(
        what,
        |s| matches!((row_of(s, above), row_of(s, below)), (Some(a), Some(b)) if a < b),
    );
}

#[test]
fn f_opens_the_figures_s_sorts_and_enter_jumps_to_the_quote() {
    let mut s = Session::start_on(Some(figures_dir()), 140, 32);
    s.wait_for_text("vi-gov · vi");
    s.send("f");
    s.wait_for_text("Figures · 6 of 6 · by brief ▲");
    // In the briefs' order the 2025 target leads; the 2023 target is last.
    wait_for_order(
        &mut s,
        "the briefs' order",
        "GDP growth target for 2025",
        "GDP growth target, 2023",
    );
    // s: by label; the wide-character label sorts last, "Double-digit" first.
    s.send("s");
    s.wait_for_text("by label ▲");
    wait_for_order(
        &mut s,
        "sorted by label",
        "Double-digit growth",
        "GDP growth target for 2025",
    );
    // r: descending; the 2023 target (越南) leads and the cursor is on it.
    s.send("r");
    s.wait_for_text("by label ▼");
    s.send("g");
    let corpus = load(&CorpusSource::Dir(figures_dir())).expect("fixture loads");
    s.send("\r");
    s.wait_for("the view closed and the quote in a pane", |s| {
        !s.text().contains("Figures ·")
            && Pane::BOTH.into_iter().any(|i| {
                s.pane_text(&corpus, i)
                    .contains("mục tiêu tăng trưởng là 6,5%")
            })
    });
    // The detail line names the figure.
    s.wait_for_text("GDP growth target, 2023");
    s.quit();
}
