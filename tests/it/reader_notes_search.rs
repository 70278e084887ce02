//! A search also finds the curators' labels and notes: `n`/`N` walk those annotations
//! after the matches in the documents (then round again), the status line saying "label/note
//! match k/N", and the words found are marked in the detail line and the card (`i`). On
//! tests/fixtures/reader/basic: "fta" is in the Indonesian report and in two annotations
//! ("Signed FTAs", "New FTAs with potential markets"); "growth" in no document, in four.

use briefing::reader::palette::Palette;
use briefing::reader::results::Hit;
use briefing::reader::state::{Overlay, Stop};
use briefing::reader::{Action, App};

use crate::common::assert_ends;
use crate::common::screen::{app_with, apply, buffer, detail_rows, reader_fixture, screen, search};
use crate::common::styled::styled;

fn searched(query: &str) -> App {
    let mut app = app_with(reader_fixture("basic"), Palette::color(), 100, 24);
    search(&mut app, query);
    app
}

fn headline(app: &App) -> &str {
    let a = app.selected().expect("an annotation selected");
    app.corpus().annotations()[a].headline()
}

/// Presses `n` (or `N`) until the search stands on `stop`, at most `limit` times.
fn step_to(app: &mut App, stop: Stop, limit: usize) {
    for _ in 0..limit {
        if app.search().stop() == Some(stop) {
            return;
        }
        app.update(Action::Next);
    }
    assert_eq!(app.search().stop(), Some(stop));
}

/// Presses `key`; the search then stands on `stop` and the status line ends with `says`.
#[track_caller]
fn press(app: &mut App, key: Action, stop: Stop, says: &str) {
    app.update(key);
    assert_eq!(app.search().stop(), Some(stop));
    assert_ends(app.message().unwrap_or_default(), says);
}

#[test]
fn n_walks_the_labels_and_notes_after_the_document_matches_then_wraps() {
    let mut app = searched("fta");
    let matches = app.search().matches().len();
    assert!(matches > 0);
    assert_eq!(app.search().notes().len(), 2);
    step_to(&mut app, Stop::Match(matches - 1), matches);
    app.update(Action::Next);
    assert_eq!(app.search().stop(), Some(Stop::Note(0)));
    assert_eq!(headline(&app), "Signed FTAs");
    assert_eq!(
        app.message(),
        Some("/fta  label/note match 1/2: Signed FTAs · r lists them")
    );
    app.update(Action::Next);
    assert_eq!(headline(&app), "New FTAs with potential markets");
    assert_eq!(app.search().current_note(), app.selected());
    let top = "search wrapped to the top";
    press(&mut app, Action::Next, Stop::Match(0), top);
    let bottom = "label/note match 2/2: New FTAs with potential markets · r lists them · search wrapped to the bottom";
    press(&mut app, Action::Prev, Stop::Note(1), bottom);
}

#[test]
fn the_words_found_are_marked_in_the_detail_line_as_the_current_match() {
    let mut app = searched("fta");
    let matches = app.search().matches().len();
    step_to(&mut app, Stop::Note(0), matches + 1);
    let (rows, _, _) = detail_rows(&app);
    assert_eq!(rows[0].get(..18), Some("Figure Signed FTAs"));
    insta::assert_snapshot!("note_current", styled(&buffer(&app), app.palette()));
    // The theme next, then round to the first match in a document: the theme stays
    // selected, its words marked as a match, no longer as the current one.
    apply(&mut app, &[Action::Next, Action::Next]);
    assert_eq!(app.search().stop(), Some(Stop::Match(0)));
    assert_eq!(headline(&app), "New FTAs with potential markets");
    insta::assert_snapshot!("theme_matched", styled(&buffer(&app), app.palette()));
}

#[test]
fn a_query_found_only_in_labels_goes_to_the_first_and_counts_them() {
    let mut app = searched("growth");
    assert!(app.search().matches().is_empty());
    assert_eq!(app.search().stop(), Some(Stop::Note(0)));
    assert_eq!(headline(&app), "GDP growth target for 2025");
    assert!(
        screen(&app).contains("/growth label/note 1/4"),
        "{}",
        screen(&app)
    );
    let bottom = "search wrapped to the bottom";
    press(&mut app, Action::Prev, Stop::Note(3), bottom);
    // `r` opens the list on that annotation; Enter goes back to it.
    app.update(Action::Results);
    let Overlay::Results { cursor } = app.overlay() else {
        panic!("the results list is not open");
    };
    let a = app.search().notes()[3];
    assert_eq!(app.hits()[cursor], Hit::Annotation(a));
    app.update(Action::Open);
    assert_eq!(app.selected(), Some(a));
}

#[test]
fn while_typing_the_prompt_counts_the_labels_and_notes_too() {
    let mut app = app_with(reader_fixture("basic"), Palette::color(), 100, 24);
    app.update(Action::SearchStart);
    for c in "growth".chars() {
        app.update(Action::Input(c));
    }
    assert_eq!(app.selected(), None, "typing moves nothing");
    assert!(
        screen(&app).contains("no match · 4 in labels/notes"),
        "{}",
        screen(&app)
    );
}

#[test]
fn the_card_marks_the_words_found_in_label_and_note() {
    let mut app = searched("growth");
    app.update(Action::ShowAnnotation);
    insta::assert_snapshot!("card_marks", styled(&buffer(&app), app.palette()));
}

#[test]
fn a_query_found_nowhere_says_so_and_n_repeats_it() {
    let mut app = searched("zzqx");
    assert_eq!(app.message(), Some("Pattern not found: zzqx"));
    assert!(screen(&app).contains("/zzqx no match"), "{}", screen(&app));
    app.update(Action::Next);
    assert_eq!(app.message(), Some("Pattern not found: zzqx"));
    assert_eq!(app.search().stop(), None);
    assert_eq!(app.selected(), None);
}

#[cfg(unix)]
#[test]
fn real_keys_a_search_in_the_labels_walks_them() {
    use crate::common::pty_session::Session;
    let mut s = Session::start(120, 30, false);
    s.wait_for_text("vi-gov · vi");
    s.send("/growth\r");
    s.wait_for_text("label/note match 1/4: GDP growth target for 2025");
    s.send("n");
    s.wait_for_text("label/note match 2/4");
    s.send("\x1b");
    s.wait_for("the search cleared", |s| !s.text().contains("label/note"));
    s.quit();
}
