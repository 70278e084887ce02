//! Parallel reading in the reader: the partner pane follows the alignment and marks the
//! counterpart of the passage at the top of the focused pane; in a real terminal on the
//! default pair, and in TestBackend for the mark's style.

use crate::common::pty_session::Session;
use crate::common::screen::{app_with, buffer, built_in};
use crate::common::{assert_contains, assert_starts};
use briefing::engine::align::align_documents;
use briefing::engine::{Corpus, DocId};
use briefing::reader::palette::Palette;
use briefing::reader::state::{ByPane, Pane};
use briefing::reader::view::{areas, inner};
use briefing::reader::{Action, App};
use ratatui::style::{Color, Modifier};
use unicode_normalization::UnicodeNormalization;

/// The text of the counterpart, in document `to`, of the passage of `from` at `offset`.
fn counterpart(corpus: &Corpus, from: DocId, offset: usize, to: DocId) -> Option<String> {
    let (a, b) = (from.min(to), from.max(to));
    let al = align_documents(corpus, a, b);
    let from_b = from == b;
    let pair = al.pair_at(offset, from_b)?;
    let range = if from_b { &pair.a } else { &pair.b };
    let span = al.span(range, !from_b)?;
    corpus
        .text(to)
        .expect("a text")
        .as_str()
        .get(span)
        .map(str::to_string)
}

/// Whether four consecutive words of `passage` stand in `shown` (or all of it, if shorter).
fn shows_part_of(shown: &str, passage: &str) -> bool {
    let words: Vec<&str> = passage.split_whitespace().collect();
    if words.len() <= 4 {
        return shown.contains(&words.join(" "));
    }
    words.windows(4).any(|w| shown.contains(&w.join(" ")))
}

/// Reads output until the reader has drawn everything it had to draw (no new bytes
/// within one poll), so that a frame is never read half drawn.
fn settle(s: &mut Session) {
    loop {
        let seen = s.raw.len();
        s.pump(std::time::Duration::from_millis(50));
        if s.raw.len() == seen {
            return;
        }
    }
}

/// Moves through document pane `from` with `keys` until its end; after each move, the
/// counterpart of its top passage must be on screen in the other pane.
fn walk(s: &mut Session, corpus: &Corpus, from: Pane, keys: &str) -> usize {
    let docs = ByPane::new(
        corpus.document_by_id("vi-gov").expect("vi-gov"),
        corpus.document_by_id("id-vna").expect("id-vna"),
    );
    let (doc, other) = (docs[from], docs[from.other()]);
    let held = corpus.text(doc).expect("a text");
    let text = held.as_str();
    let mut checked = 0;
    settle(s);
    let mut last_top = s
        .pane_rows(corpus, from)
        .first()
        .cloned()
        .unwrap_or_default();
    let mut at = 0;
    let at_end = |s: &Session| {
        let rows = s.pane_rows(corpus, from);
        rows.iter()
            .rev()
            .find(|r| !r.is_empty())
            .is_some_and(|last| text.trim_end().ends_with(last.as_str()))
    };
    for _ in 0..200 {
        if at_end(s) {
            break;
        }
        s.send(keys);
        let before = last_top.clone();
        s.wait_for("the focused pane to move, or to stand at its end", |s| {
            let top = s
                .pane_rows(corpus, from)
                .first()
                .cloned()
                .unwrap_or_default();
            top != before || at_end(s)
        });
        settle(s);
        // A whole frame: its first row with text stands in the document (a blank row
        // between paragraphs reads as the start of the next passage).
        let first_found = |s: &Session| -> Option<(String, usize)> {
            let rows = s.pane_rows(corpus, from);
            let first = rows.into_iter().find(|r| !r.is_empty())?;
            let k = text.get(at..)?.find(first.as_str())?;
            Some((first, at + k))
        };
        s.wait_for("a whole frame in the focused pane", |s| {
            first_found(s).is_some()
        });
        let top = s
            .pane_rows(corpus, from)
            .first()
            .cloned()
            .unwrap_or_default();
        if top == last_top {
            continue;
        }
        last_top = top;
        let Some((first, offset)) = first_found(s) else {
            continue;
        };
        at = offset;
        if let Some(expected) = counterpart(corpus, doc, offset, other) {
            let corpus2 = corpus.clone();
            let what = format!("the counterpart of {first:?} in the other pane: {expected:?}");
            s.wait_for(&what, |s| {
                shows_part_of(&s.pane_text(&corpus2, from.other()), &expected)
            });
            checked += 1;
        }
    }
    checked
}

#[test]
fn moving_through_either_document_keeps_the_counterpart_on_screen() {
    let corpus = built_in();
    let mut s = Session::start(160, 16, true);
    s.wait_for_text("vi-gov · vi");
    let down_vi = walk(&mut s, &corpus, Pane::Left, "j");
    assert!(
        down_vi >= 10,
        "only {down_vi} passages with counterparts checked"
    );
    // The other way round: focus id-vna, back to its top, and through it line by line.
    s.send("\tg");
    s.wait_for("id-vna back at its top", |s| {
        s.pane_rows(&corpus, Pane::Right)
            .first()
            .is_some_and(|r| r.starts_with("Para pemimpin"))
    });
    let down_id = walk(&mut s, &corpus, Pane::Right, "j");
    eprintln!("counterparts checked: {down_vi} moving through vi-gov, {down_id} through id-vna");
    assert!(
        down_id >= 10,
        "only {down_id} passages with counterparts checked"
    );
    s.quit();
}

fn screen_app(corpus: Corpus) -> App {
    app_with(corpus, Palette::color(), 160, 16)
}

/// The cells of pane `i` whose style carries `modifier`, as text.
fn styled_text(app: &App, i: Pane, modifier: Modifier, fg: Option<Color>) -> String {
    let area = inner(areas(app.size(), app).panes[i].expect("pane"));
    let buffer = buffer(app);
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &buffer[(x, y)];
            if cell.modifier.contains(modifier) && fg.is_none_or(|c| cell.fg == c) {
                out.push_str(cell.symbol());
            } else if !out.ends_with(' ') {
                out.push(' ');
            }
        }
    }
    let nfc: String = out.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_counterpart_is_marked_in_the_partner_pane_and_c_toggles_it() {
    let corpus = built_in();
    let vi = corpus.document_by_id("vi-gov").expect("vi-gov");
    let id = corpus.document_by_id("id-vna").expect("id-vna");
    let held = corpus.text(vi).expect("a text");
    let text = held.as_str();
    // The Resolution 222 paragraph has its counterpart in id-vna's eighth line.
    let offset = text
        .find("Để đẩy nhanh triển khai Nghị quyết 222")
        .expect("in vi-gov");
    let mut app = screen_app(corpus.clone());
    while app.panes()[Pane::Left].top < offset {
        app.update(Action::Down);
    }
    let expected =
        counterpart(&corpus, vi, app.panes()[Pane::Left].top, id).expect("a counterpart");
    assert_starts(&expected, "PM menyerukan implementasi cepat");
    // Italic throughout (an annotation's colour may stand over the blue), blue elsewhere.
    let marked = styled_text(&app, Pane::Right, Modifier::ITALIC, None);
    assert!(
        shows_part_of(&marked, &expected) && expected.contains(&marked),
        "marked {marked:?}"
    );
    assert!(!styled_text(&app, Pane::Right, Modifier::ITALIC, Some(Color::Blue)).is_empty());
    // Nothing else in the partner pane is marked, and nothing in the focused one.
    assert_eq!(styled_text(&app, Pane::Left, Modifier::ITALIC, None), "");

    app.update(Action::ToggleCounterpart);
    assert_eq!(styled_text(&app, Pane::Right, Modifier::ITALIC, None), "");
    assert_eq!(app.message(), Some("Counterpart marking off."));
    app.update(Action::ToggleCounterpart);
    assert!(!styled_text(&app, Pane::Right, Modifier::ITALIC, None).is_empty());
    // Computed once for the pair, whatever the number of keys.
    assert_eq!(app.cached_alignments(), 1);
}

#[test]
fn the_o_picker_pair_is_followed_too() {
    let corpus = built_in();
    let prov = corpus.document_by_id("vi-prov").expect("vi-prov");
    let vi = corpus.document_by_id("vi-gov").expect("vi-gov");
    let mut app = screen_app(corpus.clone());
    // Pane 1 shows vi-prov: pick it with `o`.
    app.update(Action::FocusNext);
    app.update(Action::PickDocument);
    let here = app.panes()[Pane::Right].doc.unwrap_or_default();
    for _ in 0..here.index().abs_diff(prov.index()) {
        app.update(if prov > here {
            Action::Down
        } else {
            Action::Up
        });
    }
    app.update(Action::Open);
    assert_eq!(app.panes()[Pane::Right].doc, Some(prov));
    // Reading vi-prov moves vi-gov to the counterpart of its top passage.
    for _ in 0..12 {
        app.update(Action::Down);
        let Some(expected) = counterpart(&corpus, prov, app.panes()[Pane::Right].top, vi) else {
            continue;
        };
        let marked = styled_text(&app, Pane::Left, Modifier::ITALIC, None);
        assert!(
            shows_part_of(&marked, &expected),
            "{marked:?} is not part of {expected:?}"
        );
    }
    // One alignment for the pair shown, not one per key.
    assert_eq!(app.cached_alignments(), 1);
}

#[test]
fn a_passage_pinned_without_counterpart_marks_nothing_in_the_partner() {
    let plain = crate::common::Corpus::good();
    let app = screen_app(plain.load());
    assert_eq!(app.panes()[Pane::Left].top, 0);
    assert_contains(
        &styled_text(&app, Pane::Right, Modifier::ITALIC, None),
        "Perdana Menteri",
    );
    // vi-gov's opening pinned alone: the partner pane marks nothing beside it.
    let pinned = plain.edit_brief("themes:", &format!("{}themes:", crate::align_pins::ALONE));
    let app = screen_app(pinned.load());
    assert_eq!(app.panes()[Pane::Left].top, 0);
    assert_eq!(styled_text(&app, Pane::Right, Modifier::ITALIC, None), "");
}
