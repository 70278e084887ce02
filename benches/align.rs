//! The aligner on two documents of 10,000 sentences each (target: ≤ 200 ms), built from
//! the seeds' own sentences: B renders A with every tenth sentence dropped and every
//! seventh carrying a number both share (anchors between stretches of lengths alone);
//! and the same without any shared number, where the banded programme does all the work.
//! CI runs it once (`cargo bench --bench align -- --test`), untimed. The `cpu` group
//! times the same two alignments by the CPU time of the process's threads (Linux's
//! schedstat; wall time elsewhere), steadier than wall time on a shared machine.

use std::hint::black_box;
use std::time::{Duration, Instant};

use briefing::engine::align::cognates::Mode;
use briefing::engine::align::{align_texts, segment};
use briefing::engine::{CorpusSource, load};
use criterion::{Criterion, criterion_group, criterion_main};

/// The sentences of the built-in documents in language `lang`.
fn sentences(lang: &str) -> Vec<String> {
    let corpus = load(&CorpusSource::BuiltIn).expect("built-in corpus");
    corpus
        .documents()
        .iter()
        .filter(|d| d.lang() == lang)
        .flat_map(|d| {
            let held = d.read_text().expect("a text");
            let text = held.as_str();
            segment::sentences(text)
                .into_iter()
                .filter_map(|r| text.get(r).map(|s| s.replace('\n', " ")))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Two documents of `n` sentences: A from Vietnamese sentences, B from Indonesian ones.
fn pair(n: usize, shared_numbers: bool) -> (String, String) {
    let (vi, id) = (sentences("vi"), sentences("id"));
    let (mut a, mut b) = (String::new(), String::new());
    for k in 0..n {
        let tag = if shared_numbers && k % 7 == 0 {
            format!(" Mã {}/{}/QH.", 1000 + k, k % 97)
        } else {
            String::new()
        };
        a.push_str(&vi[(k * 7) % vi.len()]);
        a.push_str(&tag);
        a.push_str(if k % 5 == 4 { "\n\n" } else { " " });
        if k % 10 != 9 {
            b.push_str(&id[(k * 3) % id.len()]);
            b.push_str(&tag);
            b.push_str(if k % 5 == 4 { "\n\n" } else { " " });
        }
    }
    // B carries 10,000 sentences too: what it dropped is made up at its end.
    for k in 0..n / 10 {
        b.push_str(&id[k % id.len()]);
        b.push(' ');
    }
    (a, b)
}

fn align_large(c: &mut Criterion) {
    let (a, b) = pair(10_000, true);
    let mut group = c.benchmark_group("align");
    group.sample_size(10);
    group.bench_function("10,000 x 10,000 sentences, anchors every 7th", |bench| {
        bench.iter(|| align_texts(black_box(&a), black_box(&b), &[], Mode::Cognates))
    });
    let (a, b) = pair(10_000, false);
    group.bench_function("10,000 x 10,000 sentences, lengths alone", |bench| {
        bench.iter(|| align_texts(black_box(&a), black_box(&b), &[], Mode::Cognates))
    });
    group.bench_function("segmentation of 10,000 sentences", |bench| {
        bench.iter(|| segment::sentences(black_box(&a)))
    });
    group.finish();
}

/// Nanoseconds the threads of this process have run on a CPU (rayon's included), if the
/// system says.
fn process_cpu_ns() -> Option<u64> {
    let mut total = 0;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(total)
}

/// The time `iters` runs of `f` take: the process's CPU time where known, else wall time.
fn cpu_time(iters: u64, f: &mut dyn FnMut()) -> Duration {
    let (wall, cpu) = (Instant::now(), process_cpu_ns());
    for _ in 0..iters {
        f();
    }
    match (cpu, process_cpu_ns()) {
        (Some(from), Some(to)) => Duration::from_nanos(to.saturating_sub(from)),
        _ => wall.elapsed(),
    }
}

fn align_cpu(c: &mut Criterion) {
    let mut group = c.benchmark_group("cpu");
    group.sample_size(10);
    for (name, numbers) in [("anchors every 7th", true), ("lengths alone", false)] {
        let (a, b) = pair(10_000, numbers);
        group.bench_function(format!("10,000 x 10,000 sentences, {name}"), |bench| {
            bench.iter_custom(|iters| {
                cpu_time(iters, &mut || {
                    black_box(align_texts(
                        black_box(&a),
                        black_box(&b),
                        &[],
                        Mode::Cognates,
                    ));
                })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, align_large, align_cpu);
criterion_main!(benches);
