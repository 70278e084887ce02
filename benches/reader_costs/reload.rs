//! A live reload of one edited brief on a corpus folder (BRIEFING_BENCH_CORPUS, e.g.
//! /work/bench/c20000; skipped without it), copied to a temporary folder (its seeds
//! hard-linked, never written; its briefs copied, one edited before each reload): the
//! frame after the reload, with a search active. The corpus is loaded as live reload
//! loads it (`load_keeping`: unchanged texts shared with the corpus on screen), and for
//! the reference by a fresh `load`, which shares no text, so everything on screen is made
//! anew as every reload did before unchanged pairs kept their alignment.

use std::path::Path;
use std::time::{Duration, Instant};

use briefing::engine::{Corpus, CorpusSource, LastGood, load, load_keeping};
use briefing::reader::state::SLICE;
use briefing::reader::{Action, Msg, render};
use criterion::{Criterion, SamplingMode};

use super::app_on;

/// `from`'s files hard-linked under `to`.
fn link_files(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir").flatten() {
        std::fs::hard_link(entry.path(), to.join(entry.file_name())).expect("link");
    }
}

pub fn one_brief_edited(c: &mut Criterion) {
    let Some(dir) = std::env::var_os("BRIEFING_BENCH_CORPUS") else {
        return;
    };
    let dir = Path::new(&dir);
    let copy = tempfile::tempdir().expect("tempdir");
    link_files(&dir.join("seeds"), &copy.path().join("seeds"));
    let briefs = copy.path().join("briefs");
    std::fs::create_dir_all(&briefs).expect("mkdir");
    let mut names: Vec<_> = std::fs::read_dir(dir.join("briefs"))
        .expect("read_dir")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    names.sort();
    for name in &names {
        std::fs::copy(dir.join("briefs").join(name), briefs.join(name)).expect("copy");
    }
    let edited = briefs.join(names.last().expect("a brief"));
    let original = std::fs::read_to_string(&edited).expect("read");
    let mut edits = 0usize;
    let mut edit = move || {
        edits += 1;
        let text = original.replacen("title: ", &format!("title: edited {edits} "), 1);
        std::fs::write(&edited, text).expect("write");
    };
    let source = CorpusSource::Dir(copy.path().to_path_buf());
    let mut last_good = LastGood::default();
    let corpus = load_keeping(&source, &mut last_good).expect("corpus");
    let docs = corpus.documents().len();
    let (mut app, mut terminal) = app_on(corpus, 200, 60);
    app.update(Action::SearchStart);
    app.update(Action::Input('x'));
    app.update(Action::Submit);
    app.update(Msg::Sliced { slice: SLICE });
    let mut group = c.benchmark_group("reader costs");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(1));
    for fresh in [false, true] {
        let name = if fresh {
            "loaded anew, no text shared (reference)"
        } else {
            "reloaded as live reload does"
        };
        group.bench_function(
            format!("{docs} documents: one brief edited, {name}, a search active, drawn"),
            |b| {
                b.iter_custom(|iters| {
                    let mut took = Duration::ZERO;
                    for _ in 0..iters {
                        edit();
                        let corpus: Corpus = if fresh {
                            load(&source)
                        } else {
                            load_keeping(&source, &mut last_good)
                        }
                        .expect("corpus");
                        let start = Instant::now();
                        app.update(Msg::Reloaded(Ok(corpus)));
                        terminal.draw(|f| render(&app, f)).expect("draw");
                        took += start.elapsed();
                    }
                    took
                })
            },
        );
    }
    group.finish();
}
