//! Live reload through the reader's API, no terminal: a corpus in a temporary folder is
//! edited on disk, reloaded, and the reader keeps its place and the last good briefs.

use crate::common::{assert_contains, assert_starts};
use std::fs;
use std::sync::mpsc::channel;
use std::time::Duration;

use crate::common::Corpus;
use crate::common::screen::{app_on, screen, search};
use briefing::reader::reload::{Reloader, Watch};
use briefing::reader::{Action, App};

/// A seed long enough to scroll: the quotes stand among numbered lines.
fn seed() -> String {
    let line = |n: usize| format!("Dòng số {n}.\n");
    let mut s: String = (1..30).map(line).collect();
    s.push_str("Kinh tế tăng trưởng 8%.\n");
    s.extend((30..60).map(line));
    s.push_str("Hợp tác khu vực được tăng cường.\n");
    s.extend((60..90).map(line));
    s
}
const OTHER: &str = "Baris satu.\nEkonomi tumbuh 8%.\nKerja sama kawasan diperkuat.\n";

/// A brief whose theme note is `note`.
fn brief(note: &str) -> String {
    format!(
        "title: News\ndocuments:\n  - id: vi\n    file: vi.txt\n    lang: vi\n    parallel: id\n\
         \x20 - id: id\n    file: id.txt\n    lang: id\ntopics:\n  - id: growth\n    title: Growth\n\
         \x20 - id: region\n    title: Region\nfigures:\n  - label: Growth rate\n    value: \"8 %\"\n\
         \x20   topics: [growth]\n    quotes:\n      - doc: vi\n        text: \"tăng trưởng 8%\"\n\
         \x20     - doc: id\n        text: \"tumbuh 8%\"\nthemes:\n  - topics: [region]\n\
         \x20   note: {note}\n    quotes:\n      - doc: vi\n        text: \"Hợp tác khu vực\"\n"
    )
}

const BROKEN: &str = "title: News\ndocuments: [\n";

/// The news corpus: a parallel pair in one brief with a figure and a theme.
fn news() -> Corpus {
    Corpus::new()
        .with("seeds/vi.txt", seed())
        .with("seeds/id.txt", OTHER)
        .with("briefs/news.yaml", brief("Regional cooperation"))
}

/// A reader on this corpus and its reloader, 100 x 30.
fn open(c: &Corpus) -> (App, Reloader) {
    let reloader = Reloader::new(c.source());
    (app_on(c.load(), 100, 30), reloader)
}

/// The selected annotation's headline.
fn selected(app: &App) -> Option<String> {
    let a = app.corpus().annotations().get(app.selected()?)?;
    Some(a.headline().to_string())
}

/// Each pane's document id and top line.
fn place(app: &App) -> Vec<(String, usize)> {
    app.panes()
        .iter()
        .filter_map(|p| {
            let d = app.corpus().documents().get(p.doc?)?;
            let text = app.corpus().text(p.doc?).ok()?;
            Some((d.id().to_string(), text.line_index(p.top)))
        })
        .collect()
}

#[test]
fn a_broken_brief_keeps_its_last_version_and_the_reader_keeps_its_place() {
    let c = news();
    let (mut app, mut reloader) = open(&c);
    app.update(Action::NextTopic); // growth, its figure selected
    app.update(Action::NextTopic); // region, its theme selected
    app.update(Action::Down);
    app.update(Action::Down);
    search(&mut app, "dong");
    let before = place(&app);
    assert_eq!(selected(&app).as_deref(), Some("Regional cooperation"));
    assert_eq!(before[0].0, "vi");
    assert!(before[0].1 > 0, "the pane is scrolled: {before:?}");
    assert!(app.search().matches().len() > 5);
    let annotations = app.corpus().annotations().len();

    c.save("briefs/news.yaml", BROKEN);
    app.update(reloader.reload());
    assert_eq!(
        app.corpus().annotations().len(),
        annotations,
        "the last good brief stays"
    );
    assert_eq!(app.corpus().briefs().len(), 1);
    assert_eq!(selected(&app).as_deref(), Some("Regional cooperation"));
    assert_eq!(place(&app), before);
    assert_eq!(
        app.topic().map(|t| app.corpus().topics()[t].id.as_str()),
        Some("region")
    );
    assert_eq!(app.search().query(), "dong");
    assert!(app.search().matches().len() > 5);
    assert_eq!(app.message(), Some("reloaded: 1 problem (e to list)"));
    let finding = app.corpus().findings()[0].to_string();
    assert_contains(&finding, "news.yaml");
    assert_contains(
        &finding,
        "showing the last version of this brief that loaded",
    );
    assert!(screen(&app).contains("reloaded: 1 problem (e to list)"));
    app.update(Action::Problems);
    let problems = screen(&app);
    assert_contains(&problems, "Findings (1)");
    assert_contains(&problems, "news.yaml");
    app.update(Action::Close);

    c.save("briefs/news.yaml", &brief("Closer regional ties"));
    app.update(reloader.reload());
    assert_eq!(app.message(), Some("reloaded"));
    assert!(
        app.corpus().findings().is_empty(),
        "{:?}",
        app.corpus().findings()
    );
    // The theme's note changed: it is still the selected one, at its place in the brief.
    assert_eq!(selected(&app).as_deref(), Some("Closer regional ties"));
    assert_eq!(place(&app), before);
    assert!(screen(&app).contains("Closer regional ties"));
}

#[test]
fn a_quote_that_moved_in_its_seed_is_found_at_its_new_place() {
    let c = news();
    let (mut app, mut reloader) = open(&c);
    app.update(Action::NextTopic);
    let figure = app.selected().expect("the figure is selected");
    let quote = "tăng trưởng 8%";
    let at = |app: &App| {
        let anchor = app.corpus().annotations()[figure].quotes[0]
            .anchor
            .as_ref()
            .expect("placed");
        let held = app.corpus().text(anchor.doc).expect("a text");
        let text = held.as_str();
        (anchor.start(), text.find(quote).expect("in the seed"))
    };
    let (old, expected) = at(&app);
    assert_eq!(old, expected);

    c.save("seeds/vi.txt", &format!("Một dòng mới ở đầu.\n{}", seed()));
    app.update(reloader.reload());
    let (new, expected) = at(&app);
    assert_eq!(new, expected, "the anchor follows the quote");
    assert!(new > old);
    assert_eq!(selected(&app).as_deref(), Some("Growth rate"));
    assert_eq!(app.message(), Some("reloaded"));
}

#[test]
fn a_corpus_that_no_longer_loads_stays_on_screen_as_it_was() {
    let c = news();
    let (mut app, mut reloader) = open(&c);
    let before = place(&app);
    fs::rename(c.root().join("seeds"), c.root().join("seeds.old")).expect("move seeds/");
    app.update(reloader.reload());
    let message = app.message().map(str::to_string).unwrap_or_default();
    assert_starts(&message, "reload failed");
    assert_eq!(app.corpus().documents().len(), 2);
    assert_eq!(place(&app), before);

    fs::rename(c.root().join("seeds.old"), c.root().join("seeds")).expect("seeds/ back");
    app.update(reloader.reload());
    assert_eq!(app.message(), Some("reloaded"));
}

#[test]
fn a_brief_added_and_a_seed_deleted_are_seen() {
    let c = news();
    let (mut app, mut reloader) = open(&c);
    let other = brief("Another view").replace("title: News", "title: Other");
    c.save("briefs/other.yaml", &other);
    app.update(reloader.reload());
    assert_eq!(app.corpus().briefs().len(), 2);
    fs::remove_file(c.root().join("seeds/id.txt")).expect("remove a seed");
    app.update(reloader.reload());
    assert_eq!(app.corpus().documents().len(), 1);
    assert!(app.problem_count() > 0, "quotes in id.txt are orphans now");
}

#[test]
fn the_watch_sees_writes_saves_by_rename_new_and_deleted_files_and_a_folder_made_anew() {
    let c = news();
    let (tx, rx) = channel();
    let mut watch = Watch::start(c.root(), move || {
        let _ = tx.send(());
    })
    .expect("watch starts");
    let wait = Duration::from_secs(5);
    let drain = || while rx.recv_timeout(Duration::from_millis(100)).is_ok() {};
    let changed = |what: &str| {
        rx.recv_timeout(wait)
            .unwrap_or_else(|_| panic!("no change seen after {what}"));
        drain();
    };

    c.save("briefs/news.yaml", &brief("Saved by rename"));
    changed("a save by rename");
    c.write("briefs/news.yaml", brief("Written in place"));
    changed("a write in place");
    c.save("seeds/new.txt", "Mới.\n");
    changed("a new seed");
    fs::remove_file(c.root().join("seeds/new.txt")).expect("remove a seed");
    changed("a seed deleted");
    fs::create_dir(c.root().join("briefs/sub")).expect("sub/");
    changed("a new folder");
    c.save("briefs/sub/more.yaml", &brief("In a subfolder"));
    changed("a brief in a new subfolder");

    fs::remove_dir_all(c.root().join("briefs")).expect("remove briefs/");
    changed("briefs/ removed");
    fs::create_dir(c.root().join("briefs")).expect("briefs/ again");
    changed("briefs/ made anew");
    watch.refresh();
    c.save("briefs/news.yaml", &brief("In the new folder"));
    changed("a brief in the folder made anew");
}
