//! A synthetic corpus of many key figures, for `benches/figures.rs` and
//! `examples/gen_figures.rs`: documents of numbered Vietnamese sentences, each quoted
//! exactly once by a figure with a measure, a kind, an amount, a unit and a period.
//! Deterministic: the same counts give the same corpus.

use std::fmt::Write as _;

#[path = "rng.rs"]
mod rng;
use rng::Rng;

/// Files of the corpus: (name under seeds/ or briefs/, contents).
pub struct Generated {
    pub seeds: Vec<(String, String)>,
    pub briefs: Vec<(String, String)>,
}

const KINDS: [&str; 5] = ["target", "result", "forecast", "count", "reference"];
const PERIODS: [&str; 6] = ["", "H1 ", "H2 ", "Q3 ", "January–July ", "as of August "];

/// `figures` figures over `docs` documents in `briefs` briefs, with 50 measures and 20
/// topics. Every quote anchors once; units agree within each measure, so `check` is clean.
pub fn generate(figures: usize, docs: usize, briefs: usize) -> Generated {
    let docs = docs.max(1);
    let briefs = briefs.clamp(1, docs);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut seeds: Vec<String> = vec![String::new(); docs];
    let mut yaml: Vec<String> = (0..briefs)
        .map(|b| {
            let mut y = format!("title: Synthetic brief {b}\ndocuments:\n");
            for d in (0..docs).filter(|d| d % briefs == b) {
                let _ = write!(y, "  - id: d{d}\n    file: d{d}.txt\n    lang: vi\n");
            }
            y.push_str("topics:\n");
            for t in 0..20 {
                let _ = write!(y, "  - id: t{t}\n    title: Topic {t}\n");
            }
            y.push_str("figures:\n");
            y
        })
        .collect();
    for n in 0..figures {
        let d = n % docs;
        let m = (rng.next() % 50) as usize;
        let amount = (rng.next() % 100_000) as f64 / 100.0;
        let year = 2000 + rng.next() % 31;
        let period = PERIODS[(rng.next() % PERIODS.len() as u64) as usize];
        let unit = if m % 2 == 0 { "percent" } else { "USD billion" };
        let _ = writeln!(
            seeds[d],
            "Chỉ tiêu số {n}: tăng trưởng đạt {amount} trong năm {year}."
        );
        let _ = write!(
            yaml[d % briefs],
            "  - label: \"Indicator {n} of measure {m}\"\n    value: \"{amount} {unit}\"\n    topics: [t{}]\n    measure: m{m}\n    kind: {}\n    amount: {amount}\n    unit: {unit}\n    period: \"{period}{year}\"\n    quotes:\n      - doc: d{d}\n        text: \"Chỉ tiêu số {n}:\"\n",
            n % 20,
            KINDS[n % KINDS.len()],
        );
    }
    Generated {
        seeds: seeds
            .into_iter()
            .enumerate()
            .map(|(d, text)| (format!("d{d}.txt"), text))
            .collect(),
        briefs: yaml
            .into_iter()
            .enumerate()
            .map(|(b, y)| (format!("b{b}.yaml"), y))
            .collect(),
    }
}
