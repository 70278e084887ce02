//! Criterion benches of the engine's hot paths. The large-corpus cases run when
//! BRIEFING_BENCH_CORPUS names a corpus (benches/compare.sh makes one); otherwise they use
//! the built-in corpus. CI runs these once each (`cargo bench -- --test`), untimed.

use std::collections::HashMap;
use std::hint::black_box;
use std::path::PathBuf;

use briefing::engine::anchor::{Anchorer, Many, Placement, place};
use briefing::engine::brief::BriefFile;
use briefing::engine::search::print::{Colour, Layout, SearchPrinter};
use briefing::engine::search::{Searcher, search_documents, search_files};
use briefing::engine::source::{self, Parts};
use briefing::engine::text::fold::{Folded, spelt_in_ascii};
use briefing::engine::text::{Text, decode_bytes};
use briefing::engine::{CorpusSource, load};
use criterion::{Criterion, criterion_group, criterion_main};

fn large_source() -> CorpusSource {
    std::env::var_os("BRIEFING_BENCH_CORPUS").map_or(CorpusSource::BuiltIn, |p| {
        CorpusSource::Dir(PathBuf::from(p))
    })
}

fn built_in_text() -> String {
    let corpus = load(&CorpusSource::BuiltIn).expect("built-in corpus");
    corpus
        .documents()
        .iter()
        .map(|d| d.read_text().expect("a text").as_str().to_string())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn anchoring(c: &mut Criterion) {
    let text = built_in_text();
    c.bench_function("anchor/unique quote in the built-in text", |b| {
        b.iter(|| {
            place(
                black_box(&text),
                "khai thác hiệu quả 17 hiệp định thương mại tự do",
                None,
                None,
            )
        })
    });
    c.bench_function("anchor/quote with prefix", |b| {
        b.iter(|| {
            place(
                black_box(&text),
                "Thủ tướng",
                Some("Phát biểu kết luận hội nghị,"),
                None,
            )
        })
    });
}

/// One document of 100,000 distinct lines and one quote for each (the shape of
/// `gen_hostile many-quotes`, a tenth of its scale), placed together as `check` places
/// them; the reference, in the same run, is one quote placed by a scan, which squeezes the
/// text whole first. Then quotes whose spaces meet long runs of white space, which a
/// check must pay as many bytes as the quote has, not as the runs have.
fn many_quotes(c: &mut Criterion) {
    let text = built_in_text();
    let words: Vec<&str> = text.split_whitespace().collect();
    let quotes: Vec<String> = (0..100_000)
        .map(|i| {
            let at = (4 * i) % (words.len() - 4);
            format!(
                "{} số {i}.",
                words.get(at..at + 4).unwrap_or_default().join(" ")
            )
        })
        .collect();
    let document = quotes.join("\n");
    let mut group = c.benchmark_group("anchor");
    group.sample_size(10);
    group.bench_function("100,000 quotes into one 100,000-line document", |b| {
        b.iter(|| {
            let anchorer = Anchorer::new(black_box(&document));
            let many = Many::new(&anchorer, quotes.len(), |k| {
                (quotes[k].as_str(), None, None)
            });
            (0..quotes.len())
                .filter(|&k| matches!(many.placement(k), Placement::Unique(_)))
                .count()
        })
    });
    group.bench_function("the same document, one quote not in it (reference)", |b| {
        b.iter(|| place(black_box(&document), "\u{7f}", None, None))
    });
    let runs = format!("a{}\n", " ".repeat(20_000)).repeat(1000);
    let words = |n: usize| vec!["a"; n].join(" ");
    let across: Vec<(String, String)> = (0..2000)
        .map(|k| (words(1 + k % 40), words(1 + k / 40)))
        .collect();
    group.bench_function("2,000 quotes across 1,000 runs of 20,000 spaces", |b| {
        b.iter(|| {
            let anchorer = Anchorer::new(black_box(&runs));
            let many = Many::new(&anchorer, across.len(), |k| {
                (across[k].0.as_str(), Some(across[k].1.as_str()), None)
            });
            (0..across.len())
                .filter(|&k| matches!(many.placement(k), Placement::Ambiguous(..)))
                .count()
        })
    });
    group.finish();
}

fn folding(c: &mut Criterion) {
    let text = built_in_text().repeat(100);
    let mut folded = Folded::default();
    c.bench_function("fold/2.4 MB of Vietnamese and Indonesian", |b| {
        b.iter(|| folded.fold(black_box(&text)))
    });
    // What every document costs at the door: UTF-8 checked, NFC checked, copied out.
    c.bench_function("decode/2.4 MB of Vietnamese and Indonesian", |b| {
        b.iter(|| decode_bytes("bench.txt", black_box(text.as_bytes())))
    });
    // What `briefing search` does instead of folding most texts (with a lower-cased copy
    // and a memmem for the query's run).
    c.bench_function("fold/2.4 MB checked as spelt in ASCII, instead", |b| {
        b.iter(|| spelt_in_ascii(black_box(&text)))
    });
}

fn searching(c: &mut Criterion) {
    let text = built_in_text().repeat(100);
    let searcher = Searcher::new("pham minh chinh").expect("query");
    c.bench_function("search/2.4 MB, unmarked query", |b| {
        b.iter(|| searcher.find_in(black_box(&text)))
    });
    let marked = Searcher::new("Phạm Minh Chính").expect("query");
    c.bench_function("search/2.4 MB, marked query", |b| {
        b.iter(|| marked.find_in(black_box(&text)))
    });
    let corpus = load(&large_source()).expect("bench corpus");
    let held: Vec<_> = corpus
        .documents()
        .iter()
        .map(|d| d.read_text().expect("a text"))
        .collect();
    let texts: Vec<&Text> = held.iter().map(|t| &**t).collect();
    c.bench_function("search/every document of the bench corpus", |b| {
        b.iter(|| search_documents(black_box(&texts), &searcher))
    });
    // `briefing search`: every file read, decoded and searched (most by their anchor).
    let seeds = source::list(&large_source(), Parts::Seeds)
        .expect("bench corpus")
        .seeds;
    c.bench_function(
        "search/every file of the bench corpus, as briefing search",
        |b| {
            let printer = SearchPrinter::new(Layout::Vimgrep, Colour::Off);
            b.iter(|| {
                search_files(
                    black_box(seeds.clone()),
                    &searcher,
                    &printer,
                    HashMap::new(),
                )
                .count()
            })
        },
    );
}

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("built-in corpus, anchored and checked", |b| {
        b.iter(|| load(black_box(&CorpusSource::BuiltIn)))
    });
    let source = large_source();
    group.bench_function("bench corpus, anchored and checked", |b| {
        b.iter(|| load(black_box(&source)))
    });
    group.finish();
}

/// A brief as the synthetic corpus writes them: 1,000 documents, 10,000 annotations.
fn large_brief() -> String {
    let mut yaml = String::from("title: Synthetic brief\ndate: 2025-07-22\ndocuments:\n");
    for d in 0..1000 {
        yaml += &format!("  - id: d{d}\n    file: doc_{d:05}.txt\n    lang: vi\n");
    }
    yaml += "topics:\n  - id: t0\n    title: Topic zero\n  - id: t1\n    title: Topic one\n";
    yaml += "figures:\n";
    for k in 0..5000 {
        yaml += &format!(
            "  - label: Figure {k}\n    value: \"{k}\"\n    topics: [t0]\n    quotes:\n      - doc: d{}\n        text: \"càng đồng bộ, toàn diện; nội dung hợp tác kinh tế {k}\"\n",
            k % 1000
        );
    }
    yaml += "themes:\n";
    for k in 0..5000 {
        yaml += &format!(
            "  - topics: [t1, t0]\n    note: Theme {k}\n    quotes:\n      - doc: d{}\n        text: \"Komite Pengarah mengedepankan semangat {k}\"\n",
            k % 1000
        );
    }
    yaml
}

fn briefs(c: &mut Criterion) {
    let yaml = large_brief();
    assert!(BriefFile::from_yaml(&yaml).is_ok());
    c.bench_function("brief/parse 1.3 MB, 10,000 annotations", |b| {
        b.iter(|| BriefFile::from_yaml(black_box(&yaml)).map(|b| b.figures.len()))
    });
}

criterion_group!(
    benches,
    anchoring,
    many_quotes,
    folding,
    searching,
    loading,
    briefs
);
criterion_main!(benches);
