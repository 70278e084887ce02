//! Hostile corpora for the cost benchmarks (docs/robustness.md, "Costs"): each one makes a
//! path of `briefing` as expensive as a corpus author can. benches/costs.sh drives it.
//!
//!     cargo run --release --example gen_hostile -- many-quotes --lines 1000000 --out DIR
//!
//! Cases: `many-quotes` (one document of N distinct lines, one quote per line),
//! `repetitive` (a long quote on a document that repeats one sentence), `single-line` (one
//! document on one line), `not-found` (documents of real sentences, every quote with a
//! typo), `problems` (N empty quotes: N findings), `big` (one document of N bytes).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use briefing::engine::source::BUILT_IN;
use clap::{Parser, Subcommand};

#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    case: Case,
    /// Output directory (its seeds/ and briefs/ are replaced).
    #[arg(long, global = true, default_value = "target/hostile")]
    out: PathBuf,
}

#[derive(Subcommand)]
enum Case {
    /// One document of N distinct lines and a brief with one theme quoting each line.
    ManyQuotes {
        #[arg(long, default_value_t = 1_000_000)]
        lines: usize,
    },
    /// A document that repeats UNIT, and quotes of Q bytes of the same text: one that
    /// stands at many (overlapping) places, one with a prefix that never matches, and one
    /// that is not found.
    Repetitive {
        #[arg(long, default_value_t = 1_600_000)]
        doc_bytes: usize,
        #[arg(long, default_value_t = 16_000)]
        quote_bytes: usize,
        #[arg(long, default_value = "a ")]
        unit: String,
    },
    /// One document of N bytes of real sentences on a single line.
    SingleLine {
        #[arg(long, default_value_t = 2_000_000)]
        bytes: usize,
    },
    /// D documents of real sentences, and Q quotes spread over them, each with one letter
    /// changed so that it is not found and its nearest text is searched.
    NotFound {
        #[arg(long, default_value_t = 400)]
        docs: usize,
        #[arg(long, default_value_t = 4_000)]
        quotes: usize,
    },
    /// N empty quotes into one small document: N findings for the problems list.
    Problems {
        #[arg(long, default_value_t = 100_000)]
        count: usize,
    },
    /// One document of N bytes of real sentences in paragraphs.
    Big {
        #[arg(long, default_value_t = 200_000_000)]
        bytes: usize,
    },
}

/// Every sentence of the built-in seeds, white space folded.
fn sentences() -> Vec<String> {
    let mut out = Vec::new();
    for (_, bytes) in BUILT_IN.iter().filter(|(p, _)| p.starts_with("seeds/")) {
        let text = String::from_utf8_lossy(bytes);
        for sentence in text.split_inclusive(". ") {
            let words: Vec<&str> = sentence.split_whitespace().collect();
            if words.len() >= 6 {
                out.push(words.join(" "));
            }
        }
    }
    out
}

/// At least `bytes` of sentences; every `every`-th separator is `sep`, the rest a space.
/// Each pass over the pool is numbered, so that sentences stay distinct.
fn prose(pool: &[String], bytes: usize, every: usize, sep: &str) -> String {
    let mut text = String::with_capacity(bytes + 1024);
    let mut n = 0usize;
    while text.len() < bytes {
        let s = &pool[n % pool.len()];
        if n % pool.len() == 0 && n > 0 {
            let _ = write!(text, "({}) ", n / pool.len());
        }
        text.push_str(s);
        n += 1;
        text.push_str(if n % every == 0 { sep } else { " " });
    }
    text.push('\n');
    text
}

fn yaml_quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A brief over `docs` (ids d0, d1, …) whose themes are the given (doc, text, prefix).
fn brief(docs: &[String], quotes: &[(usize, String, Option<String>)]) -> String {
    let mut yaml = String::from("title: Hostile\ndocuments:\n");
    for (i, file) in docs.iter().enumerate() {
        let _ = writeln!(yaml, "  - id: d{i}\n    file: {file}\n    lang: vi");
    }
    yaml.push_str("topics:\n  - id: t\n    title: T\nthemes:\n");
    for (doc, text, prefix) in quotes {
        let _ = writeln!(
            yaml,
            "  - topics: [t]\n    quotes:\n      - doc: d{doc}\n        text: {}",
            yaml_quote(text)
        );
        if let Some(p) = prefix {
            let _ = writeln!(yaml, "        prefix: {}", yaml_quote(p));
        }
    }
    yaml
}

fn write_corpus(out: &Path, docs: &[(String, String)], yaml: &str) -> std::io::Result<()> {
    let (seeds, briefs) = (out.join("seeds"), out.join("briefs"));
    for dir in [&seeds, &briefs] {
        let _ = fs::remove_dir_all(dir);
        fs::create_dir_all(dir)?;
    }
    let mut bytes = 0;
    for (name, text) in docs {
        fs::write(seeds.join(name), text)?;
        bytes += text.len();
    }
    fs::write(briefs.join("hostile.yaml"), yaml)?;
    eprintln!(
        "{} documents ({:.1} MB), brief {:.1} MB in {}",
        docs.len(),
        bytes as f64 / 1e6,
        yaml.len() as f64 / 1e6,
        out.display()
    );
    Ok(())
}

/// `s` cut to at most `n` bytes, at a character boundary.
fn cut(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or(s)
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let pool = sentences();
    let names = |n: usize| -> Vec<String> { (0..n).map(|i| format!("doc_{i:05}.txt")).collect() };
    match args.case {
        Case::ManyQuotes { lines } => {
            let mut text = String::new();
            let mut quotes = Vec::with_capacity(lines);
            for i in 0..lines {
                let words: Vec<&str> = pool[i % pool.len()].split_whitespace().take(4).collect();
                let line = format!("{} số {i}.", words.join(" "));
                text.push_str(&line);
                text.push('\n');
                quotes.push((0, line, None));
            }
            let docs = names(1);
            write_corpus(
                &args.out,
                &[(docs[0].clone(), text)],
                &brief(&docs, &quotes),
            )
        }
        Case::Repetitive {
            doc_bytes,
            quote_bytes,
            unit,
        } => {
            let text = unit.repeat(doc_bytes / unit.len() + 1);
            let long = cut(&text, quote_bytes).trim_end().to_string();
            let quotes = vec![
                (0, long.clone(), None),
                (0, long.clone(), Some("không có ở đâu".to_string())),
                (0, format!("{long} khác"), None),
            ];
            let docs = names(1);
            write_corpus(
                &args.out,
                &[(docs[0].clone(), text)],
                &brief(&docs, &quotes),
            )
        }
        Case::SingleLine { bytes } => {
            let text = prose(&pool, bytes, usize::MAX, " ");
            let docs = names(1);
            let quotes = vec![(0, pool[1].clone(), None)];
            write_corpus(
                &args.out,
                &[(docs[0].clone(), text)],
                &brief(&docs, &quotes),
            )
        }
        Case::NotFound { docs, quotes } => {
            let docs = docs.max(1);
            let files = names(docs);
            let mut seeds = Vec::new();
            for (i, file) in files.iter().enumerate() {
                let rotated: Vec<String> = pool
                    .iter()
                    .cycle()
                    .skip(i * 7 % pool.len())
                    .take(pool.len())
                    .cloned()
                    .collect();
                seeds.push((file.clone(), prose(&rotated, 12_500, 5, "\n\n")));
            }
            let list = (0..quotes)
                .map(|q| {
                    let doc = q % docs;
                    let words: Vec<&str> = pool[q % pool.len()].split_whitespace().collect();
                    // A typo in the middle word: the nearest text is the sentence itself.
                    let mut words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
                    let mid = words.len() / 2;
                    words[mid].push('x');
                    (doc, words.join(" "), None)
                })
                .collect::<Vec<_>>();
            write_corpus(&args.out, &seeds, &brief(&files, &list))
        }
        Case::Problems { count } => {
            let docs = names(1);
            let quotes: Vec<_> = (0..count).map(|_| (0, String::new(), None)).collect();
            let text = prose(&pool, 10_000, 5, "\n\n");
            write_corpus(
                &args.out,
                &[(docs[0].clone(), text)],
                &brief(&docs, &quotes),
            )
        }
        Case::Big { bytes } => {
            let docs = names(1);
            let text = prose(&pool, bytes, 5, "\n\n");
            let quotes = vec![(0, pool[3].clone(), Some(pool[2].clone()))];
            write_corpus(
                &args.out,
                &[(docs[0].clone(), text)],
                &brief(&docs, &quotes),
            )
        }
    }
}
