//! Writes a synthetic corpus of many key figures, for `benches/figures.sh`:
//!
//!     cargo run --release --example gen_figures -- --figures 100000 --out /tmp/figs
//!
//! DIR/seeds/d*.txt and DIR/briefs/b*.yaml (see benches/common/figures_corpus.rs).

use std::fs;
use std::path::PathBuf;

use clap::Parser;

#[path = "../benches/common/figures_corpus.rs"]
mod figures_corpus;

#[derive(Parser)]
struct Args {
    /// Number of figures.
    #[arg(long, default_value_t = 100_000)]
    figures: usize,
    /// Number of documents they are quoted in.
    #[arg(long, default_value_t = 100)]
    docs: usize,
    /// Number of briefs.
    #[arg(long, default_value_t = 10)]
    briefs: usize,
    /// Output directory (its seeds/ and briefs/ are replaced).
    #[arg(long)]
    out: PathBuf,
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let corpus = figures_corpus::generate(args.figures, args.docs, args.briefs);
    for (folder, files) in [("seeds", &corpus.seeds), ("briefs", &corpus.briefs)] {
        let dir = args.out.join(folder);
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir)?;
        for (name, text) in files {
            fs::write(dir.join(name), text)?;
        }
    }
    println!(
        "{}: {} figures in {} documents and {} briefs",
        args.out.display(),
        args.figures,
        corpus.seeds.len(),
        corpus.briefs.len()
    );
    Ok(())
}
