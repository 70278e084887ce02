//! Criterion benches of the reader: the first frame (load, anchor, lay out, draw) and a
//! redraw after a key, at 200x60, on the bench corpus (BRIEFING_BENCH_CORPUS, made by
//! benches/compare.sh; the built-in corpus otherwise). Also wrapping a whole document.

use std::hint::black_box;
use std::path::PathBuf;

use briefing::engine::text::wrap::wrap_line;
use briefing::engine::{CorpusSource, load};
use briefing::reader::Msg;
use briefing::reader::{Action, App, render};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn source() -> CorpusSource {
    std::env::var_os("BRIEFING_BENCH_CORPUS").map_or(CorpusSource::BuiltIn, |p| {
        CorpusSource::Dir(PathBuf::from(p))
    })
}

fn frames(c: &mut Criterion) {
    let source = source();
    let mut group = c.benchmark_group("reader");
    group.sample_size(10);
    group.bench_function("first frame at 200x60 (load, anchor, draw)", |b| {
        b.iter(|| {
            let (_, terminal) = first_frame(&source);
            black_box(terminal.backend().buffer().area.width)
        })
    });
    group.finish();

    let (mut app, mut terminal) = first_frame(&source);
    let mut down = true;
    c.bench_function("reader/redraw after a key at 200x60", |b| {
        b.iter(|| {
            // Alternate so that the position stays inside the document.
            app.update(if down {
                Action::PageDown
            } else {
                Action::PageUp
            });
            down = !down;
            terminal.draw(|f| render(&app, f)).expect("draw");
        })
    });
    c.bench_function("reader/next annotation and redraw at 200x60", |b| {
        b.iter(|| {
            app.update(Action::Next);
            terminal.draw(|f| render(&app, f)).expect("draw");
        })
    });
}

/// The corpus loaded and its first frame drawn at 200x60.
fn first_frame(source: &CorpusSource) -> (App, Terminal<TestBackend>) {
    let mut app = App::new(load(source).expect("bench corpus"));
    app.update(Msg::Size {
        width: 200,
        height: 60,
    });
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    terminal.draw(|f| render(&app, f)).expect("draw");
    (app, terminal)
}

fn wrapping(c: &mut Criterion) {
    let corpus = load(&CorpusSource::BuiltIn).expect("built-in corpus");
    let text = corpus
        .documents()
        .iter()
        .map(|d| d.read_text().expect("a text").as_str().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    c.bench_function(
        "wrap/every line of the built-in corpus at 80 columns",
        |b| {
            b.iter(|| {
                text.lines()
                    .map(|l| wrap_line(black_box(l), 80).len())
                    .sum::<usize>()
            })
        },
    );
}

criterion_group!(benches, frames, wrapping);
criterion_main!(benches);
