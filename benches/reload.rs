//! Live reload with nothing changed against a first load: `load_keeping` on a corpus whose
//! briefs are all kept reuses every parsed brief and redoes the rest (documents read and
//! decoded, quotes anchored). The corpus is BRIEFING_BENCH_CORPUS, or the built-in one.
//! `BRIEFING_BENCH_CORPUS=DIR cargo bench --bench reload`

use std::hint::black_box;

use briefing::engine::{CorpusSource, LastGood, load, load_keeping};
use criterion::{Criterion, criterion_group, criterion_main};

fn reloading(c: &mut Criterion) {
    let source = match std::env::var_os("BRIEFING_BENCH_CORPUS") {
        Some(dir) => CorpusSource::Dir(dir.into()),
        None => CorpusSource::BuiltIn,
    };
    let mut kept = LastGood::default();
    load_keeping(&source, &mut kept).expect("bench corpus");
    let mut group = c.benchmark_group("reload");
    group.sample_size(10);
    group.bench_function("load, every brief parsed", |b| {
        b.iter(|| load(black_box(&source)))
    });
    // Every run after the first above is a reload with nothing changed.
    group.bench_function("load_keeping again, nothing changed", |b| {
        b.iter(|| load_keeping(black_box(&source), &mut kept))
    });
    group.finish();
}

criterion_group!(benches, reloading);
criterion_main!(benches);
