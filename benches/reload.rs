//! Live reload against a first load: `load_keeping` on a corpus whose briefs and
//! documents are all kept (nothing changed: nothing parsed, decoded or placed again, the
//! files still read and compared), and with one brief edited (that brief parsed again, only
//! its new quotes placed). The corpus is BRIEFING_BENCH_CORPUS, copied into a temporary
//! folder so that the edit never touches it, or the built-in one (then without the edit).
//! `BRIEFING_BENCH_CORPUS=DIR cargo bench --bench reload`

use std::hint::black_box;
use std::path::Path;

use briefing::engine::{CorpusSource, LastGood, load, load_keeping};
use criterion::{Criterion, criterion_group, criterion_main};

/// Copies the corpus folder `from` (seeds/ and briefs/, one level of sub-folders) to `to`.
fn copy_corpus(from: &Path, to: &Path) -> std::io::Result<()> {
    for folder in ["seeds", "briefs"] {
        std::fs::create_dir_all(to.join(folder))?;
        for entry in std::fs::read_dir(from.join(folder))? {
            let entry = entry?;
            if entry.file_type()?.is_file() {
                std::fs::copy(entry.path(), to.join(folder).join(entry.file_name()))?;
            }
        }
    }
    Ok(())
}

fn reloading(c: &mut Criterion) {
    let copy = tempfile::tempdir().expect("a temporary folder");
    let source = match std::env::var_os("BRIEFING_BENCH_CORPUS") {
        Some(dir) => {
            copy_corpus(Path::new(&dir), copy.path()).expect("a copy of the bench corpus");
            CorpusSource::Dir(copy.path().to_path_buf())
        }
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
    if let CorpusSource::Dir(dir) = &source {
        let brief = std::fs::read_dir(dir.join("briefs"))
            .expect("briefs/")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .min()
            .expect("a brief");
        let text = std::fs::read_to_string(&brief).expect("a brief");
        let mut edit = 0;
        group.bench_function("load_keeping, one brief edited", |b| {
            b.iter(|| {
                edit += 1;
                std::fs::write(&brief, format!("{text}# edit {edit}\n")).expect("edit");
                load_keeping(black_box(&source), &mut kept)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, reloading);
criterion_main!(benches);
