//! Writes the benchmark corpus into a folder, for `scripts/measure.sh`:
//! `cargo run --release --example gen_corpus -- DIR [PAGES] [SEED]` (defaults: 1000 pages, seed 42).
//! The shipped `content/en/network.md` is copied in too, so the commands answer as they do on
//! the shipped content.

use std::path::PathBuf;

#[path = "../benches/support/corpus.rs"]
#[allow(dead_code)]
mod corpus;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "target/bench-corpus".into()));
    let pages: usize = args.next().map_or(Ok(1000), |a| a.parse())?;
    let seed: u64 = args.next().map_or(Ok(42), |a| a.parse())?;
    let bytes = corpus::generate(&dir, pages, seed)?;
    let seed_page = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content/en/network.md");
    std::fs::create_dir_all(dir.join("en"))?;
    std::fs::copy(seed_page, dir.join("en/network.md"))?;
    println!(
        "{} pages ({:.1} MB) + en/network.md written to {}",
        pages,
        bytes as f64 / 1e6,
        dir.display()
    );
    Ok(())
}
