//! Criterion benches of the key figures on 100,000 of them (benches/common/figures_corpus.rs,
//! built in memory, outside the timings): listing and sorting by a number, a text and a
//! period column, the comparison by measure, CSV and the text table, and the reader's
//! figures view re-sorting and drawing a frame. The target: list and sort in ≤ 1 s.

use std::hint::black_box;
use std::io;

use briefing::engine::Corpus;
use briefing::engine::figures::output::{self, Format, Options};
use briefing::engine::figures::{Column, compare, rows, sort};
use briefing::engine::load::load_listing;
use briefing::engine::source::{Listing, SourceFile};
use briefing::reader::Msg;
use criterion::{Criterion, criterion_group, criterion_main};

#[path = "common/figures_corpus.rs"]
mod figures_corpus;

const FIGURES: usize = 100_000;

fn corpus() -> Corpus {
    let generated = figures_corpus::generate(FIGURES, 100, 10);
    let files = |folder: &str, files: Vec<(String, String)>| {
        files
            .into_iter()
            .map(|(name, text)| {
                let shown = format!("{folder}/{name}");
                SourceFile::in_memory(name, shown, text.into_bytes())
            })
            .collect()
    };
    let listing = Listing {
        root: None,
        seeds: files("seeds", generated.seeds),
        briefs: files("briefs", generated.briefs),
        findings: Vec::new(),
    };
    let corpus = load_listing(listing, None);
    assert_eq!(corpus.error_count(), 0, "{:?}", corpus.findings().first());
    corpus
}

fn engine(c: &mut Criterion) {
    let corpus = corpus();
    let mut group = c.benchmark_group("figures 100k");
    group.sample_size(10);
    for column in [Column::Amount, Column::Label, Column::Period, Column::Kind] {
        group.bench_function(format!("list and sort by {}", column.name()), |b| {
            b.iter(|| {
                let mut listed = rows(black_box(&corpus));
                sort(&mut listed, column, false);
                listed.len()
            })
        });
    }
    group.bench_function("compare by measure", |b| {
        b.iter(|| {
            let listed = rows(black_box(&corpus));
            compare::by_measure(&listed).len()
        })
    });
    for (name, format) in [("csv", Format::Csv), ("text table at 120", Format::Text)] {
        let options = Options {
            sort: Column::Amount,
            format,
            width: 120,
            ..Options::default()
        };
        group.bench_function(format!("write {name}, sorted by amount"), |b| {
            b.iter(|| output::write(black_box(&corpus), &options, &mut io::sink()))
        });
    }
    group.finish();
}

#[cfg(feature = "reader")]
fn reader(c: &mut Criterion) {
    use briefing::reader::action::FigureKey;
    use briefing::reader::{Action, App, render};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    let mut app = App::new(corpus());
    app.update(Msg::Size {
        width: 200,
        height: 60,
    });
    app.update(Action::Figures(FigureKey::Open));
    let mut group = c.benchmark_group("figures 100k, reader");
    group.sample_size(10);
    group.bench_function("s: sort by the next column", |b| {
        b.iter(|| app.update(Action::Figures(FigureKey::Sort)))
    });
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("test terminal");
    group.bench_function("draw the view at 200x60", |b| {
        b.iter(|| terminal.draw(|f| render(&app, f)).map(|_| ()))
    });
    group.finish();
}

#[cfg(not(feature = "reader"))]
fn reader(_: &mut Criterion) {}

criterion_group!(benches, engine, reader);
criterion_main!(benches);
