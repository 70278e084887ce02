//! The reader's main screen with its styles, as styled snapshots (common/styled.rs: each
//! row, then a letter per cell for its style, then the legend): the focused pane, figure
//! and theme highlights, the selected annotation, the `h` cycle (all, figures only, the
//! selected one, none), a search's matches and NO_COLOR; on tests/fixtures/reader/basic.

use briefing::reader::palette::Palette;
use briefing::reader::{Action, App};

use crate::common::screen::{app_with, apply, buffer, reader_fixture, search};
use crate::common::styled::styled;

/// The reader on the basic fixture, 100 x 24, in colour, after `actions`.
fn reader(actions: &[Action]) -> App {
    let mut app = app_with(reader_fixture("basic"), Palette::color(), 100, 24);
    apply(&mut app, actions);
    app
}

fn shot(app: &App) -> String {
    styled(&buffer(app), app.palette())
}

/// Growth opened: its first figure is selected and on screen, with a theme below it.
const SELECTED_FIGURE: &[Action] = &[Action::NextTopic];
/// Growth's second figure selected (its quote is not placed): the first figure and the
/// theme are on screen, neither selected.
const FIGURE_AND_THEME: &[Action] = &[Action::NextTopic, Action::Next];

/// vi-gov's opening has no counterpart in id-vna (the condensed report leaves it out), so
/// the first screen marks the focused pane alone.
#[test]
fn the_first_screen_marks_the_focused_pane() {
    insta::assert_snapshot!("first_screen", shot(&reader(&[])));
}

/// Ten lines down, the reading line is in a passage id-vna renders: its counterpart is
/// marked in the partner pane.
#[test]
fn a_passage_with_a_counterpart_marks_it_in_the_partner_pane() {
    let screen = shot(&reader(&[Action::Down; 10]));
    assert!(screen.contains("= counterpart"), "{screen}");
    insta::assert_snapshot!("counterpart_marked", screen);
}

#[test]
fn tab_moves_the_focus_to_the_other_pane_and_the_counterpart_with_it() {
    insta::assert_snapshot!("focus_right", shot(&reader(&[Action::FocusNext])));
}

#[test]
fn figures_and_themes_are_highlighted_in_their_styles() {
    let app = reader(FIGURE_AND_THEME);
    assert_eq!(app.highlights(), briefing::reader::state::Highlights::All);
    insta::assert_snapshot!("figure_and_theme", shot(&app));
}

#[test]
fn the_selected_figure_stands_out() {
    insta::assert_snapshot!("selected_figure", shot(&reader(SELECTED_FIGURE)));
}

#[test]
fn h_shows_figures_only() {
    let mut app = reader(FIGURE_AND_THEME);
    app.update(Action::CycleHighlights);
    assert_eq!(app.message(), Some("Highlighting figures only."));
    insta::assert_snapshot!("highlights_figures", shot(&app));
}

#[test]
fn h_twice_shows_the_selected_annotation_only() {
    let mut app = reader(SELECTED_FIGURE);
    apply(
        &mut app,
        &[Action::CycleHighlights, Action::CycleHighlights],
    );
    assert_eq!(
        app.message(),
        Some("Highlighting the selected annotation only.")
    );
    insta::assert_snapshot!("highlights_selected", shot(&app));
}

#[test]
fn h_three_times_shows_no_highlight() {
    let mut app = reader(SELECTED_FIGURE);
    apply(&mut app, &[Action::CycleHighlights; 3]);
    assert_eq!(
        app.message(),
        Some("No highlights (search matches still show).")
    );
    insta::assert_snapshot!("highlights_none", shot(&app));
}

#[test]
fn a_search_marks_its_matches_and_the_current_one() {
    let mut app = reader(&[]);
    search(&mut app, "kinh tế");
    insta::assert_snapshot!("search", shot(&app));
}

#[test]
fn no_color_keeps_the_highlights_as_bold_underline_and_reverse() {
    let mut app = app_with(reader_fixture("basic"), Palette::mono(), 100, 24);
    apply(&mut app, SELECTED_FIGURE);
    insta::assert_snapshot!("no_color", shot(&app));
}
