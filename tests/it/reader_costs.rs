//! The reader on corpora that make it work hard (docs/robustness.md, "Costs"): what is on
//! screen stays right at any length. Timings are benches/costs.sh's, never asserted here.

use crate::common::screen::{buffer, find, screen};
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
        Some(&(DocId::new(0), 2 * (max - 1)..2 * max - 1))
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

/// Vietnamese prose of about `bytes`, a paragraph every five sentences.
pub fn prose(bytes: usize) -> String {
    let sentences = [
        "Thủ tướng Phạm Minh Chính chủ trì hội nghị về ngoại giao kinh tế.",
        "Tăng trưởng kinh tế từ 8,3-8,5% trong năm 2025 là mục tiêu đề ra.",
        "Khai thác hiệu quả 17 hiệp định thương mại tự do (FTA) đã ký kết.",
    ];
    let mut text = String::new();
    for n in 0.. {
        if text.len() >= bytes {
            break;
        }
        text.push_str(sentences[n % 3]);
        text.push_str(if n % 5 == 4 { "\n\n" } else { " " });
    }
    text
}

/// A reader on two documents of `mb` MB each, in a 100x30 terminal; `sliced`: as under
/// the event loop, with a zero slice (each `Msg::Work` one step: a piece of a search, a
/// block of a layout).
fn big_app(mb: usize, sliced: bool) -> App {
    app_of(&prose(mb << 20), sliced)
}

/// Like `big_app`, on two documents of `text`.
fn app_of(text: &str, sliced: bool) -> App {
    let corpus = TempCorpus::new()
        .with("seeds/a.txt", text)
        .with("seeds/b.txt", text)
        .with(
            "briefs/b.yaml",
            brief_of("B", &[("a.txt", "a", "vi"), ("b.txt", "b", "vi")], ""),
        )
        .load();
    let mut app = App::new(corpus);
    if sliced {
        app.update(Msg::Sliced {
            slice: std::time::Duration::ZERO,
        });
    }
    app.update(Msg::Size {
        width: 100,
        height: 30,
    });
    app
}

/// Slices of work until none is left (a bounded number).
fn finish_work(app: &mut App) {
    for _ in 0..100_000 {
        if !app.working() {
            return;
        }
        app.update(Msg::Work);
    }
    panic!("work never ends");
}

#[test]
fn a_search_goes_on_between_keys_and_a_newer_query_drops_the_one_under_way() {
    let mut whole = big_app(3, false);
    whole.update(Action::SearchStart);
    for c in "kinh".chars() {
        whole.update(Action::Input(c));
    }
    let mut app = big_app(3, true);
    let origin = app.panes();
    app.update(Action::SearchStart);
    app.update(Action::Input('k'));
    // One piece of the first document searched: the key did not wait for the rest.
    assert_eq!(app.searching(), Some((0, 2)));
    let so_far = app.search().matches().len();
    assert!(so_far > 0 && so_far < 100_000, "{so_far}");
    let screen = screen(&app);
    assert!(
        screen.contains(&format!(
            "{so_far} matches so far · searching 0/2 documents…"
        )),
        "{screen}"
    );
    app.update(Msg::Work);
    // Each key starts the newest query over and drops the one under way.
    for c in "inh".chars() {
        app.update(Action::Input(c));
        assert_eq!(app.searching(), Some((0, 2)));
    }
    finish_work(&mut app);
    assert_eq!(app.searching(), None);
    assert_eq!(app.search().matches(), whole.search().matches());
    assert_eq!(
        app.panes(),
        whole.panes(),
        "at the first match, as typed key by key"
    );
    // Enter on it: the first match, without searching again; Esc while a search runs
    // drops it.
    app.update(Action::Submit);
    whole.update(Action::Submit);
    assert_eq!(app.searching(), None);
    assert_eq!(app.message(), whole.message());
    app.update(Action::SearchStart);
    app.update(Action::Input('x'));
    assert!(app.searching().is_some());
    app.update(Action::Cancel);
    finish_work(&mut app);
    assert_eq!(app.search().matches(), whole.search().matches());
    assert_eq!(
        app.panes(),
        origin,
        "the first match was on the first screen"
    );
}

#[test]
fn a_new_width_wraps_only_what_is_shown_and_the_end_and_percent_stay_exact() {
    lays_out_what_is_shown_as_the_whole_layout_would(&prose(2 << 20));
}

#[test]
fn a_document_on_one_line_is_laid_out_a_piece_at_a_time_as_a_whole() {
    lays_out_what_is_shown_as_the_whole_layout_would(&prose(2 << 20).replace('\n', " "));
}

/// On two documents of `text`: the first screen, `G`, a search, a resize and moves give
/// what a layout made whole gives, while the rest is wrapped later.
fn lays_out_what_is_shown_as_the_whole_layout_would(text: &str) {
    // The reference lays every row out before it moves (one unsliced slice of work).
    let mut whole = app_of(text, false);
    whole.update(Msg::Work);
    assert!(!whole.working());
    let mut app = app_of(text, true);
    let _ = screen(&app);
    assert!(app.working(), "the rest of each layout is left for later");
    app.update(Action::Bottom);
    whole.update(Action::Bottom);
    assert!(screen(&app).contains("100%"), "{}", screen(&app));
    assert_eq!(app.panes(), whole.panes(), "G at the same row");
    // Back to the middle, by a search, and a resize there.
    for a in [&mut app, &mut whole] {
        a.update(Action::Top);
        crate::common::screen::search(a, "2025");
        a.update(Action::Next);
        a.update(Msg::Size {
            width: 90,
            height: 30,
        });
    }
    whole.update(Msg::Work);
    for a in [&mut app, &mut whole] {
        for _ in 0..40 {
            a.update(Action::Down);
        }
        a.update(Action::HalfPageUp);
    }
    assert_eq!(app.panes(), whole.panes());
    // The rows on screen are the same; only the percent may be an estimate yet.
    let rows = |a: &App| {
        let text = screen(a);
        let kept: Vec<String> = text
            .lines()
            .filter(|l| !l.contains('└'))
            .map(str::to_string)
            .collect();
        kept[..kept.len() - 1].join("\n")
    };
    assert_eq!(rows(&app), rows(&whole));
    finish_work(&mut app);
    assert_eq!(
        screen(&app),
        screen(&whole),
        "once laid out whole, the same screen, percent and all"
    );
}

#[test]
fn the_results_list_of_a_line_of_megabytes_gives_each_match_its_column() {
    let mut app = app_of(&prose(2 << 20).replace('\n', " "), false);
    crate::common::screen::search(&mut app, "kinh");
    app.update(Action::Results);
    let (doc, _) = app.search().matches()[0].clone();
    let text = app.corpus().documents()[doc].read_text().expect("a text");
    let places: Vec<String> = app
        .search()
        .matches()
        .iter()
        .filter(|(d, _)| *d == doc)
        .map(|(_, r)| {
            let (line, column) = text.line_col(r.start);
            format!("{line}:{column}")
        })
        .collect();
    assert!(screen(&app).contains(&format!("({} matches)", places.len())));
    for _ in 0..40 {
        app.update(Action::Down);
    }
    // The places on screen, in order: those of consecutive matches, counted exactly.
    let shown: Vec<String> = screen(&app)
        .lines()
        .filter_map(|l| {
            l.trim_start_matches(['│', ' '])
                .split_whitespace()
                .next()
                .filter(|w| w.starts_with("1:"))
                .map(str::to_string)
        })
        .collect();
    assert!(shown.len() > 10, "{shown:?}");
    assert!(places.windows(shown.len()).any(|w| w == shown), "{shown:?}");
}
