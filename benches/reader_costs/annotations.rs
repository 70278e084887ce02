//! Keys on a document that holds many annotations (BRIEFING_BENCH_ANNOTATIONS, 100,000
//! by default): one quote on each of its lines, each quote its own theme. `n` (the next
//! annotation in reading order) against `j` (a line down) in the same run: both should
//! cost a frame, whatever the number of annotations (`n` once took 5 s at 100,000, the
//! reading order deduplicated by a search of the list it built).

use std::fmt::Write as _;

use briefing::engine::{CorpusSource, load};
use briefing::reader::{Action, render};
use criterion::Criterion;

use super::app_on;

pub fn next_annotation(c: &mut Criterion) {
    let count: usize = std::env::var("BRIEFING_BENCH_ANNOTATIONS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("seeds")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("briefs")).expect("mkdir");
    let mut text = String::new();
    let mut brief = String::from(
        "title: B\ndocuments:\n  - id: d\n    file: d.txt\n    lang: vi\ntopics:\n  - id: t\n    title: T\nthemes:\n",
    );
    for i in 0..count {
        let _ = writeln!(text, "Dòng thứ {i} của văn bản.");
        let _ = writeln!(
            brief,
            "  - topics: [t]\n    quotes:\n      - doc: d\n        text: \"Dòng thứ {i} của\""
        );
    }
    std::fs::write(dir.path().join("seeds/d.txt"), text).expect("write");
    std::fs::write(dir.path().join("briefs/b.yaml"), brief).expect("write");
    let corpus = load(&CorpusSource::Dir(dir.path().to_path_buf())).expect("corpus");
    let (mut app, mut terminal) = app_on(corpus, 200, 60);
    let mut group = c.benchmark_group("reader costs");
    group.sample_size(10);
    for (name, there, back) in [
        ("`n`", Action::Next, Action::Prev),
        ("`j`", Action::Down, Action::Up),
    ] {
        group.bench_function(
            format!("{count} annotations in one document: {name} and back, drawn"),
            |b| {
                b.iter(|| {
                    app.update(there);
                    terminal.draw(|f| render(&app, f)).expect("draw");
                    app.update(back);
                    terminal.draw(|f| render(&app, f)).expect("draw");
                })
            },
        );
    }
    group.finish();
}
