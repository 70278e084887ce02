//! The reader's search through an analyst's day (issue 12) in TestBackend: the results
//! list, what search covers, wrap-around, and the prompt's terminal habits.

use crate::common::assert_contains;
use crate::common::screen::*;
use briefing::reader::Action;
use ratatui::style::Modifier;

#[test]
fn r_lists_every_match_by_document_and_enter_goes_there() {
    let mut app = app_on(built_in(), 160, 50);
    search(&mut app, "fta");
    let n = app.search().matches().len();
    assert!(n > 3, "{n}");
    assert!(
        app.message().is_some_and(|m| m.ends_with("r lists them")),
        "{:?}",
        app.message()
    );
    app.update(Action::Results);
    let shown = screen(&app);
    assert_contains(&shown, &format!("/fta · {n} matches in "));
    // A heading per document with its count, then its lines.
    let (doc, range) = app.search().matches()[0].clone();
    let d = &app.corpus().documents()[doc];
    let in_doc = app
        .search()
        .matches()
        .iter()
        .filter(|(x, _)| *x == doc)
        .count();
    let heading = format!("{} · {} · ", d.id(), d.lang());
    let row = shown
        .lines()
        .position(|l| l.contains(&heading))
        .expect("heading");
    assert!(
        shown
            .lines()
            .nth(row)
            .is_some_and(|l| l.contains(&format!("({in_doc} matches)")))
    );
    let (line, column) = d.read_text().expect("a text").line_col(range.start);
    assert!(
        shown
            .lines()
            .nth(row + 1)
            .is_some_and(|l| l.contains(&format!("{line}:{column}"))),
        "{shown}"
    );
    // The match is marked, the cursor row reversed.
    let buf = buffer(&app);
    let y = u16::try_from(row + 1).expect("row");
    let marked = (0..buf.area.width)
        .filter(|&x| buf[(x, y)].modifier.contains(Modifier::ITALIC))
        .count();
    assert_eq!(marked, 3, "the match's cells are marked");
    let row = marked_cells(&buf, y, 0..buf.area.width, |c| {
        c.modifier.contains(Modifier::ITALIC)
    });
    let (plain, runs) = crate::common::marked::marked(&row);
    assert_eq!(runs.len(), 1, "{row}");
    assert_eq!(
        plain.get(runs[0].clone()).map(str::to_lowercase).as_deref(),
        Some("fta"),
        "{row}"
    );
    // The cursor opens on the current match; two down, Enter: that one is current.
    let from = app.search().current().expect("current");
    apply(
        &mut app,
        &[Action::Top, Action::Down, Action::Down, Action::Open],
    );
    assert_eq!(app.overlay(), briefing::reader::state::Overlay::None);
    assert_eq!(app.search().current(), Some(2), "from {from}");
    let (doc, _) = app.search().matches()[2].clone();
    assert!(app.panes().iter().any(|p| p.doc == Some(doc)));
}

#[test]
fn search_covers_the_curators_labels_notes_and_topic_titles() {
    let mut app = app_on(built_in(), 160, 50);
    search(&mut app, "growth");
    app.update(Action::Results);
    let shown = screen(&app);
    assert_contains(
        &shown,
        "Annotations: the curators' labels, values and notes",
    );
    assert_contains(&shown, "Topics");
    let hits = app.hits();
    let topic = hits
        .iter()
        .position(|h| matches!(h, briefing::reader::results::Hit::Topic(_)))
        .expect("a topic matches");
    let growth = app.corpus().topic_by_id("growth").expect("growth");
    for _ in 0..topic {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    assert_eq!(app.topic(), Some(growth));
}

#[test]
fn n_says_when_the_search_wraps() {
    let mut app = app_on(built_in(), 160, 50);
    search(&mut app, "fta");
    // The matches in the documents, then the labels and notes that match, then round.
    let n = app.search().matches().len() + app.search().notes().len();
    let current = app.search().current().expect("current");
    for _ in current + 1..n {
        app.update(Action::Next);
        assert!(
            !app.message()
                .map(str::to_string)
                .unwrap_or_default()
                .contains("wrapped")
        );
    }
    app.update(Action::Next);
    assert_eq!(app.search().current(), Some(0));
    assert!(
        app.message()
            .map(str::to_string)
            .unwrap_or_default()
            .ends_with("search wrapped to the top")
    );
    app.update(Action::Prev);
    assert!(
        app.message()
            .map(str::to_string)
            .unwrap_or_default()
            .ends_with("search wrapped to the bottom")
    );
}

#[test]
fn the_prompt_keeps_terminal_habits() {
    use briefing::reader::action::Edit;
    use briefing::reader::keymap::{Mode, action_for};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |code, mods| action_for(Mode::Prompt, KeyEvent::new(code, mods)).expect("bound");
    let ctrl = |c| key(KeyCode::Char(c), KeyModifiers::CONTROL);
    let mut app = app_on(built_in(), 160, 40);
    app.update(Action::SearchStart);
    for c in "pham minh chinh".chars() {
        app.update(Action::Input(c));
    }
    app.update(ctrl('w'));
    assert_eq!(app.search().typing(), Some("pham minh "));
    app.update(ctrl('w'));
    assert_eq!(app.search().typing(), Some("pham "));
    // Into the middle: Ctrl-A, →, type, and the status line shows the cursor there.
    apply(
        &mut app,
        &[
            ctrl('a'),
            key(KeyCode::Right, KeyModifiers::NONE),
            Action::Input('X'),
        ],
    );
    assert_eq!(app.search().typing(), Some("pXham "));
    assert!(screen(&app).contains("/pX▏ham"), "{}", screen(&app));
    apply(&mut app, &[ctrl('e'), Action::Input('y')]);
    assert_eq!(app.search().typing(), Some("pXham y"));
    apply(
        &mut app,
        &[key(KeyCode::Left, KeyModifiers::NONE), ctrl('u')],
    );
    assert_eq!(app.search().typing(), Some("y"));
    assert_eq!(app.search().cursor(), 0);
    apply(&mut app, &[Action::Prompt(Edit::End), Action::Backspace]);
    for c in "fta".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    // History: ↑ recalls, ↓ goes back to what was being typed.
    app.update(Action::SearchStart);
    app.update(Action::Input('z'));
    app.update(key(KeyCode::Up, KeyModifiers::NONE));
    assert_eq!(app.search().typing(), Some("fta"));
    assert!(
        !app.search().matches().is_empty(),
        "the recalled query is searched"
    );
    app.update(key(KeyCode::Down, KeyModifiers::NONE));
    assert_eq!(app.search().typing(), Some("z"));
    app.update(Action::Cancel);
    search(&mut app, "growth");
    app.update(Action::SearchStart);
    apply(
        &mut app,
        &[Action::Prompt(Edit::Older), Action::Prompt(Edit::Older)],
    );
    assert_eq!(app.search().typing(), Some("fta"));
    app.update(Action::Prompt(Edit::Older));
    assert_eq!(app.search().typing(), Some("fta"), "the oldest stays");
}
