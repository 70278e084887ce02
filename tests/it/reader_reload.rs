//! A live reload redoes only what changed on screen: the alignment of the pair shown is
//! kept while its texts, languages and the curators' links between them are the same
//! (and drawn as a fresh reader draws it otherwise); the figures are listed again when
//! their view opens, the cursor on the same figure.

use crate::common::Corpus;
use std::ops::Range;

use crate::common::screen::{app_on, screen};
use briefing::engine::{LastGood, load_keeping};
use briefing::reader::action::FigureKey;
use briefing::reader::reload::Reloader;
use briefing::reader::state::Pane;
use briefing::reader::{Action, App};

/// The good corpus and a second brief on a document of its own.
fn two_briefs() -> Corpus {
    Corpus::good()
        .write_seed("other.txt", "Một báo cáo khác.\n".as_bytes())
        .write_brief(
            "other.yaml",
            "title: Other\ndocuments:\n  - id: other\n    file: other.txt\n    lang: vi\n",
        )
}

/// A reader opened as the binary opens it (the load keeps what a reload reuses).
fn open(c: &Corpus) -> (App, Reloader) {
    let mut last_good = LastGood::default();
    let corpus = load_keeping(&c.source(), &mut last_good).expect("corpus");
    let app = app_on(corpus, 120, 30);
    (app, Reloader::with_last_good(c.source(), last_good))
}

/// What the reader shows but its status line, and the counterpart it marks (which
/// the alignment decides).
fn shown(app: &App) -> (String, Option<Range<usize>>) {
    let screen = screen(app);
    let body = screen.lines().collect::<Vec<_>>();
    let body = body[..body.len().saturating_sub(1)].join("\n");
    (body, app.marked_counterpart(Pane::Right))
}

/// What a reader opened afresh on the corpus as it now is shows.
fn fresh(c: &Corpus) -> (String, Option<Range<usize>>) {
    shown(&open(c).0)
}

#[test]
fn the_pairs_alignment_is_kept_until_its_texts_or_links_change() {
    let c = two_briefs();
    let (mut app, mut reloader) = open(&c);
    let first = shown(&app);
    assert!(first.1.is_some(), "a counterpart is marked");
    assert_eq!(app.cached_alignments(), 1, "the pair on screen is aligned");

    // Another brief edited: nothing the pair is aligned from changed.
    c.save(
        "briefs/other.yaml",
        &c.read("briefs/other.yaml")
            .replace("Other", "Other, edited"),
    );
    app.update(reloader.reload());
    assert_eq!(app.message(), Some("reloaded"));
    assert_eq!(app.cached_alignments(), 1, "kept");
    assert_eq!(shown(&app), first);

    // A figure quoted in both documents: a new link between them, so aligned again.
    let brief = c.read("briefs/conference.yaml");
    let linked = brief.replace(
        "themes:",
        "  - label: Exports\n    value: \"17\"\n    topics: [fta]\n    quotes:\n      - doc: vi-gov\n        text: \"17 hiệp định\"\n      - doc: id-vna\n        text: \"17 perjanjian\"\nthemes:",
    );
    c.save("briefs/conference.yaml", &linked);
    app.update(reloader.reload());
    assert_eq!(app.message(), Some("reloaded"));
    assert_eq!(app.cached_alignments(), 0, "its links changed");
    assert_eq!(shown(&app), fresh(&c));
    assert_eq!(app.cached_alignments(), 1);

    // A language changed: aligned again.
    c.save(
        "briefs/conference.yaml",
        &linked.replacen("lang: id\n", "lang: ms\n", 1),
    );
    app.update(reloader.reload());
    assert_eq!(app.cached_alignments(), 0, "its languages changed");
    assert_eq!(shown(&app), fresh(&c));

    // A text of the pair edited: aligned again.
    let vi = c.read("seeds/vi.txt");
    c.save("seeds/vi.txt", &format!("{vi}Thêm một câu.\n"));
    app.update(reloader.reload());
    assert_eq!(app.cached_alignments(), 0, "a text changed");
    assert_eq!(shown(&app), fresh(&c));
    assert_eq!(app.cached_alignments(), 1);
}

#[test]
fn figures_listed_again_when_their_view_opens_keep_the_cursor_on_its_figure() {
    let c = two_briefs();
    let (mut app, mut reloader) = open(&c);
    app.update(Action::Figures(FigureKey::Open));
    app.update(Action::Down);
    let on = |app: &App| {
        let a = app.figures().current().expect("a figure under the cursor");
        app.corpus().annotations()[a].headline().to_string()
    };
    let before = on(&app);
    app.update(Action::Close);
    // A figure added before it: its index changes.
    let brief = c.read("briefs/conference.yaml");
    c.save(
        "briefs/conference.yaml",
        &brief.replacen(
            "figures:\n",
            "figures:\n  - label: First now\n    value: \"1\"\n    topics: [growth]\n    quotes:\n      - doc: vi-gov\n        text: \"Nhập khẩu\"\n",
            1,
        ),
    );
    app.update(reloader.reload());
    app.update(Action::Figures(FigureKey::Open));
    assert_eq!(on(&app), before);
    assert!(screen(&app).contains("First now"));
}
