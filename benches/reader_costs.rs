//! Criterion benches of the reader's cost cases (docs/robustness.md, "Costs"), each on a
//! hostile document made here: a keystroke of search on a 2 MB single-line document, a
//! 20,000-character paste into the prompt, the problems list at the end of 100,000
//! findings, and resizes and `/a` on a large document (BRIEFING_BENCH_BIG_MB, 20 MB by
//! default; the table's figure is for 200): each new width laid out lazily against laid
//! out whole, and the first keys of a search in slices against whole at once; `n` among
//! 100,000 annotations of one document (annotations.rs).

use std::fmt::Write as _;
use std::hint::black_box;

use briefing::engine::{Corpus, CorpusParts, CorpusSource, Finding, load};
use briefing::reader::Msg;
use briefing::reader::{Action, App, render};
use std::time::Duration;

use briefing::reader::state::SLICE;

#[path = "reader_costs/annotations.rs"]
mod annotations;
#[path = "reader_costs/reload.rs"]
mod reload;
use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A corpus of one document, `text`, declared by one brief.
fn corpus_of(text: &str) -> Corpus {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("seeds")).expect("mkdir");
    std::fs::create_dir_all(dir.path().join("briefs")).expect("mkdir");
    std::fs::write(dir.path().join("seeds/big.txt"), text).expect("write");
    std::fs::write(
        dir.path().join("briefs/b.yaml"),
        "title: B\ndocuments:\n  - id: big\n    file: big.txt\n    lang: vi\n",
    )
    .expect("write");
    load(&CorpusSource::Dir(dir.path().to_path_buf())).expect("corpus")
}

/// Vietnamese sentences, `bytes` of them, with a line break every `every` sentences.
fn prose(bytes: usize, every: usize) -> String {
    let sentences = [
        "Thủ tướng Phạm Minh Chính chủ trì hội nghị về ngoại giao kinh tế.",
        "Tăng trưởng kinh tế từ 8,3-8,5% trong năm 2025 là mục tiêu đề ra.",
        "Khai thác hiệu quả 17 hiệp định thương mại tự do (FTA) đã ký kết.",
        "Kim ngạch xuất khẩu đạt kỷ lục, thu hút đầu tư nước ngoài tăng mạnh.",
    ];
    let mut text = String::with_capacity(bytes + 100);
    let mut n = 0;
    while text.len() < bytes {
        let _ = write!(text, "{} ", sentences[n % sentences.len()]);
        n += 1;
        if n % every == 0 {
            text.push_str("\n\n");
        }
    }
    text.push('\n');
    text
}

fn app_on(corpus: Corpus, width: u16, height: u16) -> (App, Terminal<TestBackend>) {
    let mut app = App::new(corpus);
    app.update(Msg::Size { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|f| render(&app, f)).expect("draw");
    (app, terminal)
}

fn search_keystroke(c: &mut Criterion) {
    let (mut app, mut terminal) = app_on(corpus_of(&prose(2_000_000, usize::MAX)), 200, 60);
    let mut group = c.benchmark_group("reader costs");
    group.sample_size(10);
    group.bench_function("2 MB single line: `/` then one key, drawn", |b| {
        b.iter(|| {
            app.update(Action::SearchStart);
            app.update(Action::Input('k'));
            terminal.draw(|f| render(&app, f)).expect("draw");
            app.update(Action::Cancel);
        })
    });
    group.finish();
}

fn problems(c: &mut Criterion) {
    let findings = (1..=100_000)
        .map(|i| Finding::error("briefs/b.yaml", format!("finding {i}")).at(Some((i, 1))))
        .collect();
    let (mut app, mut terminal) = app_on(
        Corpus::new(CorpusParts {
            findings,
            ..CorpusParts::default()
        }),
        200,
        60,
    );
    app.update(Action::Problems);
    app.update(Action::Bottom);
    c.bench_function(
        "reader costs/problems: a key and a frame at 100,000 findings",
        |b| {
            b.iter(|| {
                app.update(black_box(Action::Up));
                app.update(black_box(Action::Down));
                terminal.draw(|f| render(&app, f)).expect("draw");
            })
        },
    );
}

fn paste(c: &mut Criterion) {
    let corpus = load(&CorpusSource::BuiltIn).expect("built-in corpus");
    let text: String = corpus
        .documents()
        .iter()
        .map(|d| d.read_text().expect("a text").as_str().to_string())
        .collect::<String>()
        .chars()
        .take(20_000)
        .collect();
    let (mut app, mut terminal) = app_on(corpus, 200, 60);
    let mut group = c.benchmark_group("reader costs");
    group.sample_size(10);
    group.bench_function(
        "20,000 characters pasted into the prompt (bracketed)",
        |b| {
            b.iter(|| {
                app.update(Action::SearchStart);
                app.update(Msg::Paste(black_box(&text).to_string()));
                terminal.draw(|f| render(&app, f)).expect("draw");
                app.update(Action::Cancel);
            })
        },
    );
    group.bench_function(
        "20,000 characters typed in one burst (no bracketed paste)",
        |b| {
            b.iter(|| {
                app.update(Msg::BurstStart);
                app.update(Action::SearchStart);
                for ch in text.chars() {
                    app.update(Action::Input(black_box(ch)));
                }
                app.update(Msg::BurstEnd);
                terminal.draw(|f| render(&app, f)).expect("draw");
                app.update(Action::Cancel);
            })
        },
    );
    group.finish();
}

/// Peak resident memory of this process so far, in MB (Linux; 0 elsewhere).
fn peak_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb / 1024)
}

fn big_document(c: &mut Criterion) {
    let mb: usize = std::env::var("BRIEFING_BENCH_BIG_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let corpus = corpus_of(&prose(mb << 20, 5));
    first_keys(c, mb, &corpus);
    let (mut app, mut terminal) = app_on(corpus, 200, 60);
    eprintln!(
        "{mb} MB document loaded and drawn: peak RSS {} MB",
        peak_mb()
    );
    let mut group = c.benchmark_group("reader costs");
    group.sample_size(10);
    let mut width = 120u16;
    group.bench_function(
        format!("{mb} MB document: resize to a new width, drawn"),
        |b| {
            b.iter(|| {
                width = if width >= 199 { 120 } else { width + 1 };
                app.update(Msg::Size { width, height: 60 });
                let mut terminal = Terminal::new(TestBackend::new(width, 60)).expect("terminal");
                terminal.draw(|f| render(&app, f)).expect("draw");
            })
        },
    );
    eprintln!("after resizes: peak RSS {} MB", peak_mb());
    // The reference: each new width laid out whole at once (as every resize did before
    // layouts were lazy): one unsliced slice of work after the resize.
    group.bench_function(
        format!("{mb} MB document: resize to a new width, laid out whole (reference)"),
        |b| {
            b.iter(|| {
                width = if width >= 199 { 120 } else { width + 1 };
                app.update(Msg::Size { width, height: 60 });
                app.update(Msg::Work);
                let mut terminal = Terminal::new(TestBackend::new(width, 60)).expect("terminal");
                terminal.draw(|f| render(&app, f)).expect("draw");
            })
        },
    );
    app.update(Msg::Size {
        width: 200,
        height: 60,
    });
    group.bench_function(format!("{mb} MB document: `/` then `a`, drawn"), |b| {
        b.iter(|| {
            app.update(Action::SearchStart);
            app.update(Action::Input('a'));
            terminal.draw(|f| render(&app, f)).expect("draw");
            app.update(Action::Cancel);
        })
    });
    app.update(Action::SearchStart);
    app.update(Action::Input('a'));
    eprintln!(
        "after /a: {} matches kept (more: {}), peak RSS {} MB",
        app.search().matches().len(),
        app.search().more(),
        peak_mb()
    );
    group.finish();
}

/// The first keys of a search on a reader that has folded nothing yet, for a letter the
/// document lacks (so every piece is folded and searched): whole at once (the
/// reference: what every first search did before searches went on in slices), and as
/// under the event loop, where the key's frame comes after one slice; and a key typed
/// while the search of the one before is still under way.
fn first_keys(c: &mut Criterion, mb: usize, corpus: &Corpus) {
    let mut group = c.benchmark_group("reader costs");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.warm_up_time(Duration::from_secs(1));
    let fresh = |sliced: bool| {
        let (mut app, terminal) = app_on(corpus.clone(), 200, 60);
        if sliced {
            app.update(Msg::Sliced { slice: SLICE });
        }
        app.update(Action::SearchStart);
        (app, terminal)
    };
    for (sliced, name) in [(false, "whole at once (reference)"), (true, "sliced")] {
        group.bench_function(
            format!("{mb} MB document, nothing folded: `/` then `z` (no match), {name}, drawn"),
            |b| {
                b.iter_batched(
                    || fresh(sliced),
                    |(mut app, mut terminal)| {
                        app.update(Action::Input('z'));
                        terminal.draw(|f| render(&app, f)).expect("draw");
                        (app, terminal)
                    },
                    BatchSize::PerIteration,
                )
            },
        );
    }
    group.bench_function(
        format!("{mb} MB document, nothing folded: `w` while `/z` is under way, sliced, drawn"),
        |b| {
            b.iter_batched(
                || {
                    let (mut app, terminal) = fresh(true);
                    // One piece of `z` searched (a zero slice), the rest under way.
                    app.update(Msg::Sliced {
                        slice: Duration::ZERO,
                    });
                    app.update(Action::Input('z'));
                    app.update(Msg::Sliced { slice: SLICE });
                    assert!(app.searching().is_some(), "the search of `z` is under way");
                    (app, terminal)
                },
                |(mut app, mut terminal)| {
                    app.update(Action::Input('w'));
                    terminal.draw(|f| render(&app, f)).expect("draw");
                    (app, terminal)
                },
                BatchSize::PerIteration,
            )
        },
    );
    group.finish();
}

/// On a corpus folder (BRIEFING_BENCH_CORPUS, e.g. /work/bench/c20000; skipped without
/// it): the frame after a key of a query typed in the prompt, all documents folded, whole
/// at once (the reference: a search per key before slices) and sliced as under the event
/// loop, the search of the key before still under way.
fn corpus_keys(c: &mut Criterion) {
    let Some(dir) = std::env::var_os("BRIEFING_BENCH_CORPUS") else {
        return;
    };
    let corpus = load(&CorpusSource::Dir(dir.into())).expect("corpus");
    let docs = corpus.documents().len();
    let mut group = c.benchmark_group("reader costs");
    group.sample_size(10);
    {
        let (mut app, mut terminal) = app_on(corpus.clone(), 200, 60);
        group.bench_function(format!("{docs} documents: a key and a frame"), |b| {
            b.iter(|| {
                app.update(black_box(Action::Down));
                terminal.draw(|f| render(&app, f)).expect("draw");
            })
        });
        group.sampling_mode(SamplingMode::Flat);
        group.bench_function(
            format!("{docs} documents: the whole corpus arriving untouched, drawn"),
            |b| {
                b.iter_batched(
                    || corpus.clone(),
                    |fresh| {
                        app.update(Msg::Whole {
                            result: Ok(fresh),
                            took: Duration::ZERO,
                            touched: false,
                        });
                        terminal.draw(|f| render(&app, f)).expect("draw");
                    },
                    BatchSize::PerIteration,
                )
            },
        );
        group.bench_function(
            format!("{docs} documents: the corpus reloaded, a search active, drawn"),
            |b| {
                app.update(Action::SearchStart);
                app.update(Action::Input('x'));
                app.update(Action::Submit);
                app.update(Msg::Sliced { slice: SLICE });
                b.iter_batched(
                    || corpus.clone(),
                    |fresh| {
                        app.update(Msg::Reloaded(Ok(fresh)));
                        terminal.draw(|f| render(&app, f)).expect("draw");
                    },
                    BatchSize::PerIteration,
                )
            },
        );
        group.sampling_mode(SamplingMode::Auto);
    }
    for sliced in [false, true] {
        let (mut app, mut terminal) = app_on(corpus.clone(), 200, 60);
        if sliced {
            app.update(Msg::Sliced { slice: SLICE });
        }
        app.update(Action::SearchStart);
        // Everything folded first: the keys below cost their search alone.
        app.update(Action::Input('x'));
        while app.working() {
            app.update(Msg::Work);
        }
        let name = if sliced {
            "sliced, the last key's search under way"
        } else {
            "whole at once (reference)"
        };
        let mut n = 0usize;
        group.bench_function(
            format!("{docs} documents: a key of `pham minh chinh`, {name}, drawn"),
            |b| {
                b.iter(|| {
                    // The query grows a letter at a time and starts over.
                    let query: Vec<char> = "pham minh chinh".chars().collect();
                    let k = n % query.len();
                    if k == 0 {
                        app.update(Action::Cancel);
                        app.update(Action::SearchStart);
                    }
                    app.update(Action::Input(query[k]));
                    terminal.draw(|f| render(&app, f)).expect("draw");
                    n += 1;
                })
            },
        );
    }
    group.finish();
}

criterion_group!(
    benches,
    search_keystroke,
    problems,
    paste,
    big_document,
    corpus_keys,
    annotations::next_annotation,
    reload::one_brief_edited
);
criterion_main!(benches);
