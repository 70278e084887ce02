//! What the topic navigator lists (`t`: all, figures only, themes only): the counts and
//! the title follow it, and `]`/`[`, `n`/`N` walk what is listed; on
//! tests/fixtures/reader/basic (Growth has three figures and a theme, Free trade two
//! figures and a theme, Foreign policy two themes). The last test drives it by real keys in a pseudo-terminal.

use briefing::engine::AnnotationId;
use briefing::engine::AnnotationKind;
use briefing::reader::palette::Palette;
use briefing::reader::state::{Focus, Listing, NavItem};
use briefing::reader::{Action, App};

use crate::common::assert_contains;
use crate::common::screen::{app_with, apply, buffer, detail_rows, reader_fixture, screen};
use crate::common::styled::styled;

fn reader(actions: &[Action]) -> App {
    let mut app = app_with(reader_fixture("basic"), Palette::color(), 100, 24);
    apply(&mut app, actions);
    app
}

/// The kinds of the annotations `n` selects, `times` presses from here.
fn walked(app: &mut App, times: usize) -> Vec<(AnnotationId, AnnotationKind)> {
    (0..times)
        .map(|_| {
            app.update(Action::Next);
            let a = app.selected().expect("an annotation selected");
            (a, app.corpus().annotations()[a].kind())
        })
        .collect()
}

/// Each `t` from Growth open: what is listed, the status line's words, parts of the
/// screen, and the styled snapshot taken there.
const STEPS: [(Listing, &str, [&str; 3], Option<&str>); 3] = [
    (
        Listing::Figures,
        "The navigator lists figures only (t: themes).",
        ["Topics · figures", "Growth (3)", "Foreign policy (0)"],
        Some("listing_figures"),
    ),
    (
        Listing::Themes,
        "The navigator lists themes only (t: all).",
        ["Topics · themes", "Growth (1)", "Foreign policy (2)"],
        Some("listing_themes"),
    ),
    (
        Listing::All,
        "The navigator lists figures and themes.",
        ["┌ Topics ─", "Growth (4)", "Foreign policy (2)"],
        None,
    ),
];

#[test]
fn t_lists_figures_then_themes_then_all_the_counts_and_title_following() {
    let mut app = reader(&[Action::NextTopic]);
    for (listing, message, parts, shot) in STEPS {
        app.update(Action::CycleListing);
        assert_eq!(app.listing(), listing);
        assert_eq!(app.message(), Some(message));
        let s = screen(&app);
        for part in parts {
            assert_contains(&s, part);
        }
        if let Some(name) = shot {
            insta::assert_snapshot!(name, styled(&buffer(&app), app.palette()));
        }
    }
}

#[test]
fn n_and_n_back_walk_only_the_figures_of_the_topic() {
    let mut app = reader(&[Action::CycleListing, Action::NextTopic]);
    let growth = app.topic().expect("a topic");
    let figures: Vec<AnnotationId> = app
        .corpus()
        .annotations_for_topic(growth)
        .filter(|&a| app.corpus().annotations()[a].kind() == AnnotationKind::Figure)
        .collect();
    assert_eq!(
        app.selected(),
        figures.first().copied(),
        "] selects a figure"
    );
    assert_eq!(app.cycle(), figures);
    assert_eq!(figures.len(), 3);
    let walk = walked(&mut app, 4);
    assert!(
        walk.iter().all(|(_, k)| *k == AnnotationKind::Figure),
        "{walk:?}"
    );
    assert_eq!(walk[0].0, figures[1]);
    assert_eq!(walk[2].0, figures[0], "wrapping round within the figures");
    app.update(Action::Prev);
    assert_eq!(
        app.selected(),
        Some(walk[2].0),
        "N walks back the same list"
    );
    let (rows, _, _) = detail_rows(&app);
    assert_contains(&rows.join(" "), "1/3 in Growth");
}

#[test]
fn without_a_topic_n_walks_every_theme_and_no_figure() {
    let mut app = reader(&[Action::CycleListing, Action::CycleListing]);
    let themes = app
        .corpus()
        .annotations()
        .iter()
        .filter(|a| a.kind() == AnnotationKind::Theme)
        .count();
    assert_eq!(app.cycle().len(), themes);
    let walk = walked(&mut app, themes + 1);
    assert!(
        walk.iter().all(|(_, k)| *k == AnnotationKind::Theme),
        "{walk:?}"
    );
    assert_eq!(
        walk[themes].0, walk[0].0,
        "round again after the last theme"
    );
}

#[test]
fn a_topic_with_nothing_listed_selects_nothing_and_n_says_why() {
    // Figures only; `[` from no topic chooses the last one, Foreign policy (two themes).
    let mut app = reader(&[Action::CycleListing, Action::PrevTopic]);
    let policy = app.topic().expect("a topic");
    assert_eq!(app.corpus().topics()[policy].title, "Foreign policy");
    assert_eq!(app.selected(), None);
    let (rows, _, _) = detail_rows(&app);
    assert_contains(
        &rows.join(" "),
        "Foreign policy · 0 figures · n/N walk them",
    );
    app.update(Action::Next);
    assert_eq!(app.selected(), None);
    assert_eq!(app.message(), Some("No figures here (t lists the others)."));
    // `]` goes on to the first topic, and its first figure.
    app.update(Action::NextTopic);
    let a = app.selected().expect("a figure");
    assert_eq!(app.corpus().annotations()[a].kind(), AnnotationKind::Figure);
}

#[test]
fn the_cursor_on_an_annotation_no_longer_listed_goes_to_its_topic() {
    let mut app = reader(&[Action::NextTopic, Action::FocusPrev]);
    assert_eq!(app.focus(), Focus::Topics);
    let growth = app.topic().expect("a topic");
    let theme = app
        .nav_items()
        .iter()
        .position(|item| match item {
            NavItem::Annotation { annotation, .. } => {
                app.corpus().annotations()[*annotation].kind() == AnnotationKind::Theme
            }
            NavItem::Topic(_) => false,
        })
        .expect("a theme listed");
    while app.nav_cursor() < theme {
        app.update(Action::Down);
    }
    app.update(Action::CycleListing);
    assert_eq!(app.nav_items()[app.nav_cursor()], NavItem::Topic(growth));
    // A figure stays under the cursor when themes go and come back.
    apply(&mut app, &[Action::Down, Action::CycleListing]);
    let figure = app.nav_items()[app.nav_cursor()];
    apply(&mut app, &[Action::CycleListing, Action::CycleListing]);
    assert_eq!(app.listing(), Listing::Figures);
    assert_eq!(app.nav_items()[app.nav_cursor()], figure);
}

#[cfg(unix)]
#[test]
fn real_keys_t_then_bracket_and_n_walk_the_figures() {
    use crate::common::pty_session::Session;
    let mut s = Session::start(120, 30, false);
    s.wait_for_text("vi-gov · vi");
    s.send("t");
    s.wait_for_text("Topics · figures");
    s.wait_for_text("The navigator lists figures only");
    s.send("]");
    s.wait_for_text("Growth (3)");
    s.wait_for_text("Figure GDP growth target for 2025");
    for next in ["Figure Export growth", "Figure Double-digit growth"] {
        s.send("n");
        s.wait_for_text(next);
    }
    s.send("n");
    s.wait_for_text("Figure GDP growth target for 2025");
    s.send("tt");
    s.wait_for("the plain title again", |s| s.text().contains("┌ Topics ─"));
    s.wait_for_text("Growth (4)");
    s.quit();
}
