//! The Discord reply render alone (`scs_bot::discord::render::answer`), on answers of the
//! shipped content: `cargo bench --bench render`.
//!
//! The answers are made once (`Core::answer` on the shipped `content/`, the index in a
//! temporary folder); only turning them into a `Reply` is timed: escaping, cutting to Discord's
//! limits, paging. `render/discord/all` renders every answer once per iteration.

use criterion::{black_box, Criterion};
use scs_bot::config::Config;
use scs_bot::core::Core;
use std::path::PathBuf;
use std::time::Duration;

/// Commands with long lists (partners, links) and free questions whose hits carry snippets.
const INPUTS: [(&str, &str); 8] = [
    ("/partners", "en"),
    ("/partners", "de"),
    ("/links", "en"),
    ("/join", "en"),
    ("/about", "en"),
    ("/help", "en"),
    ("How do I become a partner?", "en"),
    ("Wer betreibt eine SCS-zertifizierte Cloud?", "de"),
];

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let mut config = Config::load(&root.join("config.toml")).expect("config.toml loads");
    config.content = root.join("content");
    config.index = dir.path().join("index");
    let core = Core::open(config).expect("the core opens");
    let answers: Vec<_> = INPUTS
        .iter()
        .map(|(input, lang)| (format!("{input} ({lang})"), core.answer(input, lang)))
        .collect();

    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("render/discord");
    group
        .sample_size(50)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for (name, answer) in &answers {
        group.bench_function(name.as_str(), |b| {
            b.iter(|| scs_bot::discord::render::answer(black_box(answer), 0, None, false))
        });
    }
    group.bench_function("all", |b| {
        b.iter(|| {
            for (_, answer) in &answers {
                black_box(scs_bot::discord::render::answer(
                    black_box(answer),
                    0,
                    None,
                    false,
                ));
            }
        })
    });
    group.finish();
    c.final_summary();
}
