//! The reader on corpora that make it work hard (docs/robustness.md, "Costs"): what is on
//! screen stays right at any length. Timings are benches/costs.sh's, never asserted here.

use crate::common::screen::{buffer, find};
use crate::common::{Corpus as TempCorpus, brief_of};
use briefing::engine::DocId;
use briefing::engine::{Corpus, CorpusParts, Finding};
use briefing::reader::Msg;
use briefing::reader::action::Edit;
use briefing::reader::{Action, App};

#[test]
fn the_problems_list_scrolls_to_the_last_of_100_000_findings() {
    let findings: Vec<Finding> = (1..=100_000)
        .map(|i| {
            let f = Finding::error("briefs/b.yaml", format!("finding number {i}")).at(Some((i, 1)));
            if i % 2 == 0 {
                f.note(format!("note of {i}"))
            } else {
                f
            }
        })
        .collect();
    let mut app = App::new(Corpus::new(CorpusParts {
        findings,
        ..CorpusParts::default()
    }));
    app.update(Msg::Size {
        width: 100,
        height: 30,
    });
    app.update(Action::Problems);
    app.update(Action::Bottom);
    // The last line is the orphans' "none": four lines up, the last finding opens the list.
    for _ in 0..4 {
        app.update(Action::Up);
    }
    let screen = buffer(&app);
    let (x, y) = find(
        &screen,
        "briefs/b.yaml:100000:1: error: finding number 100000",
    )
    .expect("the last finding is on screen");
    assert!(find(&screen, "note of 100000").is_some_and(|(_, ny)| ny == y + 1));
    assert_eq!(
        screen[(x, y)].style().fg,
        Some(app.palette().error.fg.expect("error colour"))
    );
    // Line 150,000 of the list, far past 65,535: one line up shows the finding before.
    app.update(Action::Up);
    let screen = buffer(&app);
    let above = find(&screen, "finding number 99999").expect("the finding before");
    assert_eq!(above.1, y, "{above:?}");
}

fn built_in_app() -> App {
    let corpus =
        briefing::engine::load(&briefing::engine::CorpusSource::BuiltIn).expect("built-in corpus");
    let mut app = App::new(corpus);
    app.update(Msg::Size {
        width: 120,
        height: 40,
    });
    app
}

#[test]
fn keys_that_come_together_are_searched_once_for_the_last_query() {
    let mut typed_alone = built_in_app();
    typed_alone.update(Action::SearchStart);
    for c in "pham minh".chars() {
        typed_alone.update(Action::Input(c));
    }
    assert!(!typed_alone.search().matches().is_empty());

    let mut app = built_in_app();
    app.update(Msg::BurstStart);
    app.update(Action::SearchStart);
    for c in "pham minhx".chars() {
        app.update(Action::Input(c));
        // Inside a burst nothing is searched: a key never waits for the search of the last.
        assert!(app.search().matches().is_empty());
    }
    app.update(Action::Backspace);
    app.update(Msg::BurstEnd);
    assert_eq!(app.search().typing(), Some("pham minh"));
    assert_eq!(app.search().matches(), typed_alone.search().matches());
    assert_eq!(app.panes(), typed_alone.panes());
}

#[test]
fn a_paste_is_one_line_of_the_query_and_outside_the_prompt_says_where_it_goes() {
    let mut app = built_in_app();
    app.update(Msg::Paste("Phạm Minh Chính".into()));
    assert_eq!(
        app.message(),
        Some("To search for pasted text, press / first.")
    );
    assert_eq!(app.search().typing(), None);
    app.update(Action::SearchStart);
    app.update(Msg::Paste("Phạm Minh\r\nChính\t".into()));
    assert_eq!(app.search().typing(), Some("Phạm Minh  Chính "));
    let mut typed = built_in_app();
    typed.update(Action::SearchStart);
    for c in "Phạm Minh Chính".chars() {
        typed.update(Action::Input(c));
    }
    assert!(!app.search().matches().is_empty());
    assert_eq!(app.search().matches(), typed.search().matches());
    // At the cursor, which ends after the pasted text.
    app.update(Action::Prompt(Edit::Home));
    app.update(Msg::Paste("“".into()));
    app.update(Msg::Paste("x".into()));
    assert_eq!(app.search().typing(), Some("“xPhạm Minh  Chính "));
}

#[test]
fn a_query_with_more_than_100_000_matches_keeps_the_first_and_says_there_are_more() {
    let corpus = TempCorpus::new()
        .with("seeds/a.txt", "a ".repeat(120_000))
        .with("briefs/b.yaml", brief_of("B", &[("a.txt", "a", "vi")], ""))
        .load();
    let mut app = App::new(corpus);
    app.update(Msg::Size {
        width: 100,
        height: 30,
    });
    app.update(Action::SearchStart);
    app.update(Action::Input('a'));
    app.update(Action::Submit);
    let max = briefing::reader::search_folds::MAX_MATCHES;
    assert_eq!(
        (app.search().matches().len(), app.search().more()),
        (max, true)
    );
    assert_eq!(
        app.search().matches().last(),
        Some(&(DocId(0), 2 * (max - 1)..2 * max - 1))
    );
    assert_eq!(app.message(), Some("/a  1/100000+ in a 1:1 · r lists them"));
    // A query with fewer matches counts them all.
    app.update(Action::SearchStart);
    app.update(Action::Input('b'));
    app.update(Action::Submit);
    assert_eq!(
        (app.search().matches().len(), app.search().more()),
        (0, false)
    );
}
