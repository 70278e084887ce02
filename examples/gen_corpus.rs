//! A deterministic synthetic corpus for benchmarks, built from the seeds' own sentences so
//! that the text is real Vietnamese and Indonesian.
//!
//!     cargo run --release --example gen_corpus -- --docs 2000 --quotes 10 --out /tmp/big
//!
//! writes DIR/seeds/*.txt (about 12.5 KB each), DIR/briefs/*.yaml (every quote anchors
//! exactly once) and DIR/quotes.txt (one quote a line, for `rg -F -f`).

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

use briefing::engine::anchor::{Placement, place};
use briefing::engine::source::BUILT_IN;
use clap::Parser;

#[path = "../benches/common/rng.rs"]
mod rng;
use rng::Rng;

#[derive(Parser)]
struct Args {
    /// Number of documents.
    #[arg(long, default_value_t = 2000)]
    docs: usize,
    /// Quotes per document.
    #[arg(long, default_value_t = 10)]
    quotes: usize,
    /// Number of briefs (documents are dealt out among them).
    #[arg(long, default_value_t = 20)]
    briefs: usize,
    /// Number of topics in all.
    #[arg(long, default_value_t = 40)]
    topics: usize,
    /// Bytes of text per document, roughly.
    #[arg(long, default_value_t = 12_500)]
    doc_bytes: usize,
    /// Seed of the pseudo-random choices.
    #[arg(long, default_value_t = 2025)]
    seed: u64,
    /// Output directory (created; existing seeds/ and briefs/ are replaced).
    #[arg(long)]
    out: PathBuf,
}

fn sentences() -> Vec<String> {
    let mut out = Vec::new();
    for (_, bytes) in BUILT_IN.iter().filter(|(p, _)| p.starts_with("seeds/")) {
        let text = String::from_utf8_lossy(bytes);
        for paragraph in text.split('\n') {
            let mut rest = paragraph.trim();
            while !rest.is_empty() {
                let end = rest.find(". ").map_or(rest.len(), |i| i + 1);
                let (sentence, tail) = rest.split_at(end);
                let words: Vec<&str> = sentence.split_whitespace().collect();
                if words.len() >= 6 {
                    out.push(words.join(" "));
                }
                rest = tail.trim_start();
            }
        }
    }
    out
}

fn yaml_quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

fn is_indonesian(sentence: &str) -> bool {
    sentence
        .split_whitespace()
        .any(|w| matches!(w, "dan" | "yang" | "di" | "untuk" | "dengan"))
}

/// One document: sentences drawn without repetition, in paragraphs of a few sentences.
fn document(rng: &mut Rng, pool: &[String], bytes: usize) -> (String, Vec<usize>) {
    let mut order: Vec<usize> = (0..pool.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    let mut text = String::new();
    let mut used = Vec::new();
    for (n, &s) in order.iter().cycle().enumerate() {
        if text.len() >= bytes {
            break;
        }
        if n >= order.len() {
            // Past the pool: number the sentence so that the text stays distinct.
            let _ = write!(text, "({n}) ");
        }
        text.push_str(&pool[s]);
        used.push(s);
        text.push_str(if rng.below(5) == 0 { "\n\n" } else { " " });
    }
    text.push('\n');
    (text, used)
}

/// Up to `count` quotes of 6 to 12 words from the document's sentences, each unique in it.
fn quotes(rng: &mut Rng, text: &str, pool: &[String], used: &[usize], count: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for _ in 0..count * 20 {
        if out.len() == count {
            break;
        }
        let words: Vec<&str> = pool[used[rng.below(used.len())]]
            .split_whitespace()
            .collect();
        let len = 6 + rng.below(7).min(words.len() - 6);
        let start = rng.below(words.len() - len + 1);
        let quote = words[start..start + len].join(" ");
        if !out.contains(&quote) && matches!(place(text, &quote, None, None), Placement::Unique(_))
        {
            out.push(quote);
        }
    }
    out
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let pool = sentences();
    let mut rng = Rng(args.seed.max(1));
    let seeds = args.out.join("seeds");
    let briefs = args.out.join("briefs");
    for dir in [&seeds, &briefs] {
        let _ = fs::remove_dir_all(dir);
        fs::create_dir_all(dir)?;
    }
    let brief_count = args.briefs.clamp(1, args.docs.max(1));
    let per_brief = args.docs.div_ceil(brief_count).max(1);
    let topics_per_brief = args.topics.div_ceil(brief_count).max(1);
    let (mut quotes_txt, mut total_quotes, mut total_bytes, mut topic_count) =
        (String::new(), 0, 0, 0);
    for b in 0..brief_count {
        let docs = (b * per_brief)..((b + 1) * per_brief).min(args.docs);
        if docs.is_empty() {
            break;
        }
        let mut yaml = format!("title: Synthetic brief {b}\ndate: 2025-07-22\ndocuments:\n");
        let (mut figures, mut themes) = (String::from("figures:\n"), String::from("themes:\n"));
        let topics: Vec<String> = (0..topics_per_brief)
            .filter(|k| b * topics_per_brief + k < args.topics.max(1))
            .map(|k| format!("t{}", b * topics_per_brief + k))
            .collect();
        for d in docs {
            let (text, used) = document(&mut rng, &pool, args.doc_bytes);
            total_bytes += text.len();
            let file = format!("doc_{d:05}.txt");
            fs::write(seeds.join(&file), &text)?;
            let lang = if is_indonesian(&pool[used[0]]) {
                "id"
            } else {
                "vi"
            };
            let _ = writeln!(yaml, "  - id: d{d}\n    file: {file}\n    lang: {lang}");
            for (q, quote) in quotes(&mut rng, &text, &pool, &used, args.quotes)
                .into_iter()
                .enumerate()
            {
                let topic = &topics[(d + q) % topics.len()];
                let text = yaml_quote(&quote);
                if q % 2 == 0 {
                    let _ = writeln!(
                        figures,
                        "  - label: Figure {d}.{q}\n    value: \"{q}\"\n    topics: [{topic}]\n    quotes:\n      - doc: d{d}\n        text: {text}"
                    );
                } else {
                    let _ = writeln!(
                        themes,
                        "  - topics: [{topic}]\n    note: Theme {d}.{q}\n    quotes:\n      - doc: d{d}\n        text: {text}"
                    );
                }
                quotes_txt.push_str(&quote);
                quotes_txt.push('\n');
                total_quotes += 1;
            }
        }
        yaml.push_str("topics:\n");
        for t in &topics {
            let _ = writeln!(yaml, "  - id: {t}\n    title: Topic {t}");
        }
        topic_count += topics.len();
        yaml.push_str(&figures);
        yaml.push_str(&themes);
        fs::write(briefs.join(format!("brief_{b:02}.yaml")), yaml)?;
    }
    fs::write(args.out.join("quotes.txt"), quotes_txt)?;
    eprintln!(
        "{} documents ({:.1} MB), {brief_count} briefs, {total_quotes} quotes, {topic_count} topics in {}",
        args.docs,
        total_bytes as f64 / 1e6,
        args.out.display()
    );
    Ok(())
}
