//! Answer latency and index costs, on the shipped content and on a generated 1,000-page corpus.
//!
//! `cargo bench` first prints a latency table (median and p99 of single answers, timed one by
//! one: `Core::answer` → terminal render → Discord reply render) for each command and for the
//! mix of questions in `tests/eval/questions.toml`, then runs the criterion benchmarks:
//! `answer/<corpus>/<case>`, `index/*` (build, open, reload) and `load/*`.
//! The table is also written to `target/bench-latency.txt`.
//!
//! `SCS_BENCH_LATENCY=0` skips the table; `SCS_BENCH_PAGES` changes the corpus size (1000).
//! Everything the benches write lives in temporary folders; `content/` and `index/` are only
//! read.

use criterion::{black_box, BatchSize, Criterion};
use scs_bot::config::Config;
use scs_bot::content::{self, Library};
use scs_bot::core::Core;
use scs_bot::index::SearchIndex;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "support/corpus.rs"]
#[allow(dead_code)]
mod corpus;

const COMMANDS: [&str; 7] = [
    "/partners",
    "/partners syseleven",
    "/join",
    "/links",
    "/about",
    "/goals",
    "/help",
];

/// Seed of the generated corpus: the same pages on every run.
const SEED: u64 = 42;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A core over a content folder, with its index in a temporary folder.
struct Fixture {
    name: String,
    dir: tempfile::TempDir,
    config: Config,
    core: Core,
    library: Library,
    bytes: u64,
}

fn config_for(content: &Path, index: &Path) -> Config {
    let mut config = Config::load(&root().join("config.toml")).expect("config.toml loads");
    config.content = content.to_path_buf();
    config.index = index.to_path_buf();
    config
}

fn fixture(name: String, content: PathBuf, dir: tempfile::TempDir, bytes: u64) -> Fixture {
    let config = config_for(&content, &dir.path().join("index"));
    let core = Core::open(config.clone()).expect("the core opens");
    let (library, problems) = content::load_dir(&config.content, &config.load_options());
    assert!(
        problems.iter().all(|p| !p.is_error()),
        "{name}: {problems:?}"
    );
    Fixture {
        name,
        dir,
        config,
        core,
        library,
        bytes,
    }
}

fn shipped() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let content = root().join("content");
    let bytes = walk_bytes(&content);
    fixture("shipped".into(), content, dir, bytes)
}

/// The generated corpus plus the shipped network page (so the commands answer).
fn generated(pages: usize) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    let bytes = corpus::generate(&content, pages, SEED).unwrap();
    std::fs::copy(
        root().join("content/en/network.md"),
        content.join("en/network.md"),
    )
    .unwrap();
    fixture(format!("{pages}-pages"), content, dir, bytes)
}

fn walk_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let meta = e.metadata().unwrap();
            if meta.is_dir() {
                walk_bytes(&e.path())
            } else {
                meta.len()
            }
        })
        .sum()
}

fn questions() -> Vec<(String, String)> {
    scs_bot::eval::load_questions(&root().join("tests/eval/questions.toml"))
        .expect("the question set loads")
        .into_iter()
        .map(|q| (q.text, q.lang.unwrap_or_else(|| "en".into())))
        .collect()
}

/// One answer end to end, as a front end makes it: answer, then render for the terminal and
/// as a Discord reply.
fn answer_once(core: &Core, input: &str, lang: &str) -> usize {
    let answer = core.answer(input, lang);
    let text = scs_bot::console::render::terminal(&answer, &scs_bot::console::render::Style::PLAIN);
    let reply = scs_bot::discord::render::answer(&answer, 0, None, false);
    black_box(&reply);
    text.len() + reply.embeds.len()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn fmt_us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

/// Times `rounds` passes over `inputs`, one answer at a time; returns the sorted times.
fn sample(core: &Core, inputs: &[(String, String)], rounds: usize) -> Vec<Duration> {
    for (input, lang) in inputs.iter().cycle().take(inputs.len().max(50)) {
        black_box(answer_once(core, input, lang));
    }
    let mut times = Vec::with_capacity(inputs.len() * rounds);
    for _ in 0..rounds {
        for (input, lang) in inputs {
            let started = Instant::now();
            black_box(answer_once(core, input, lang));
            times.push(started.elapsed());
        }
    }
    times.sort();
    times
}

/// The same inputs timed stage by stage: answering, rendering for the terminal, rendering the
/// Discord reply.
fn parts(core: &Core, inputs: &[(String, String)], rounds: usize) -> [Vec<Duration>; 3] {
    let mut times: [Vec<Duration>; 3] = Default::default();
    for round in 0..=rounds {
        for (input, lang) in inputs {
            let t0 = Instant::now();
            let answer = black_box(core.answer(input, lang));
            let t1 = Instant::now();
            black_box(scs_bot::console::render::terminal(
                &answer,
                &scs_bot::console::render::Style::PLAIN,
            ));
            let t2 = Instant::now();
            black_box(scs_bot::discord::render::answer(&answer, 0, None, false));
            let t3 = Instant::now();
            if round > 0 {
                times[0].push(t1 - t0);
                times[1].push(t2 - t1);
                times[2].push(t3 - t2);
            }
        }
    }
    for t in &mut times {
        t.sort();
    }
    times
}

fn latency_table(fixtures: &[&Fixture], questions: &[(String, String)], quick: bool) -> String {
    let (command_rounds, question_rounds) = if quick { (5, 1) } else { (2000, 40) };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "answer latency (Core::answer + terminal render + Discord render), single-threaded, timed one by one"
    );
    for f in fixtures {
        let _ = writeln!(
            out,
            "\n{}: {} pages, {} sections, {:.2} MB of markdown; target median {}",
            f.name,
            f.library.pages.len(),
            f.core.state().index.num_sections(),
            f.bytes as f64 / 1e6,
            if f.name == "shipped" {
                "≤ 30 µs"
            } else {
                "≤ 300 µs"
            }
        );
        let _ = writeln!(
            out,
            "  {:<32} {:>8} {:>12} {:>12} {:>12}",
            "case", "samples", "median", "p99", "max"
        );
        let mut row = |name: &str, times: Vec<Duration>| {
            let _ = writeln!(
                out,
                "  {:<32} {:>8} {:>12} {:>12} {:>12}",
                name,
                times.len(),
                fmt_us(percentile(&times, 0.5)),
                fmt_us(percentile(&times, 0.99)),
                fmt_us(*times.last().unwrap())
            );
        };
        for command in COMMANDS {
            let input = [(command.to_string(), "en".to_string())];
            row(command, sample(&f.core, &input, command_rounds));
        }
        let de = [("/partners".to_string(), "de".to_string())];
        row("/partners (de)", sample(&f.core, &de, command_rounds));
        let all_commands: Vec<_> = COMMANDS
            .iter()
            .map(|c| (c.to_string(), "en".to_string()))
            .collect();
        let mut all = sample(&f.core, &all_commands, command_rounds / 7 + 1);
        row("all commands", all.clone());
        let mix = sample(&f.core, questions, question_rounds);
        row(
            &format!("{} free questions (mix)", questions.len()),
            mix.clone(),
        );
        all.extend(mix);
        all.sort();
        row("commands + questions", all);
        for (label, inputs, rounds) in [
            ("commands", &all_commands[..], command_rounds / 7 + 1),
            ("questions", questions, question_rounds),
        ] {
            let [core, terminal, discord] = parts(&f.core, inputs, rounds);
            row(&format!("{label}: Core::answer alone"), core);
            row(&format!("{label}: terminal render alone"), terminal);
            row(&format!("{label}: Discord render alone"), discord);
        }
        let searched = search_alone(&f.core, questions, question_rounds);
        row("questions: index search alone", searched);
        let _ = writeln!(out, "  slowest questions (median of {question_rounds}):");
        for (q, median) in slowest(&f.core, questions, question_rounds, 5) {
            let _ = writeln!(out, "    {:>10}  {q:?}", fmt_us(median));
        }
    }
    out
}

/// `SearchIndex::search` alone (ranking and snippets, no routing or rendering), as the answer
/// path calls it: top 5 in the question's language.
fn search_alone(core: &Core, questions: &[(String, String)], rounds: usize) -> Vec<Duration> {
    let state = core.state();
    let mut times = Vec::with_capacity(questions.len() * rounds);
    for round in 0..=rounds {
        for (q, lang) in questions {
            let started = Instant::now();
            black_box(state.index.search(q, lang, 5));
            if round > 0 {
                times.push(started.elapsed());
            }
        }
    }
    times.sort();
    times
}

/// The `n` questions with the highest median time.
fn slowest(
    core: &Core,
    questions: &[(String, String)],
    rounds: usize,
    n: usize,
) -> Vec<(String, Duration)> {
    let mut medians: Vec<(String, Duration)> = questions
        .iter()
        .map(|q| {
            let times = sample(core, std::slice::from_ref(q), rounds);
            (q.0.clone(), percentile(&times, 0.5))
        })
        .collect();
    medians.sort_by_key(|m| std::cmp::Reverse(m.1));
    medians.truncate(n);
    medians
}

fn bench_answers(c: &mut Criterion, f: &Fixture, questions: &[(String, String)]) {
    let mut group = c.benchmark_group(format!("answer/{}", f.name));
    group
        .sample_size(30)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2));
    for command in COMMANDS {
        group.bench_function(command, |b| {
            b.iter(|| answer_once(&f.core, black_box(command), "en"))
        });
    }
    group.bench_function("questions (mix)", |b| {
        let mut next = questions.iter().cycle();
        b.iter(|| {
            let (q, lang) = next.next().unwrap();
            answer_once(&f.core, black_box(q), lang)
        })
    });
    group.finish();
}

fn bench_index(c: &mut Criterion, f: &Fixture) {
    let mut group = c.benchmark_group(format!("index/{}", f.name));
    let big = f.library.pages.len() > 100;
    if big {
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(12));
    } else {
        group
            .sample_size(20)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(3));
    }
    // Loading the markdown into a library (walk, read, parse, repair).
    group.bench_function("load content", |b| {
        b.iter(|| content::load_dir(&f.config.content, &f.config.load_options()))
    });
    group.bench_function("build in RAM", |b| {
        b.iter(|| SearchIndex::build_in_ram(&f.library).unwrap())
    });
    // A full build on disk: temporary folder, write, fsync, swap in, open.
    let scratch = f.dir.path().join("scratch-index");
    group.bench_function("build on disk", |b| {
        b.iter(|| SearchIndex::rebuild(&scratch, &f.library).unwrap())
    });
    // Opening the existing index: fingerprint of the library, checks, reader, shown fields.
    let existing = f.config.index.clone();
    group.bench_function("open existing", |b| {
        b.iter(|| {
            let (index, status) = SearchIndex::open_or_build(&existing, &f.library).unwrap();
            assert_eq!(status, scs_bot::index::IndexStatus::Reused);
            index
        })
    });
    // A reload with unchanged content: load the folder again, reuse the index, swap the state.
    group.bench_function("reload (unchanged)", |b| {
        b.iter(|| f.core.reload().unwrap())
    });
    group.finish();
}

/// A reload after a page changed: the whole load → rebuild → swap, on a copy of the content.
fn bench_changed_reload(c: &mut Criterion, f: &Fixture) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&f.config.content, &content);
    let core = Core::open(config_for(&content, &dir.path().join("index"))).unwrap();
    let page = content.join("en/network.md");
    let original = std::fs::read_to_string(&page).unwrap();
    let mut group = c.benchmark_group(format!("index/{}", f.name));
    if f.library.pages.len() > 100 {
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(15));
    } else {
        group
            .sample_size(20)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(3));
    }
    let mut n = 0u64;
    group.bench_function("reload (one page changed)", |b| {
        b.iter_batched(
            || {
                n += 1;
                std::fs::write(&page, format!("{original}\nEdit {n}.\n")).unwrap();
            },
            |()| core.reload().unwrap(),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
            // The shipped page is read-only; the copy must be writable.
            let mut perms = std::fs::metadata(&target).unwrap().permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perms.set_readonly(false);
            std::fs::set_permissions(&target, perms).unwrap();
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let quick = args.iter().any(|a| a == "--test" || a == "--list");
    let pages = std::env::var("SCS_BENCH_PAGES")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(1000);
    let questions = questions();
    let started = Instant::now();
    let small = shipped();
    let big = generated(pages);
    eprintln!(
        "fixtures ready in {:.1?} ({} + {} pages)",
        started.elapsed(),
        small.library.pages.len(),
        big.library.pages.len()
    );

    if std::env::var("SCS_BENCH_LATENCY").as_deref() != Ok("0")
        && !args.iter().any(|a| a == "--list")
    {
        let table = latency_table(&[&small, &big], &questions, quick);
        println!("{table}");
        let _ = std::fs::write(root().join("target/bench-latency.txt"), &table);
    }

    let mut c = Criterion::default().configure_from_args();
    for f in [&small, &big] {
        bench_answers(&mut c, f, &questions);
    }
    for f in [&small, &big] {
        bench_index(&mut c, f);
        bench_changed_reload(&mut c, f);
    }
    c.final_summary();
}
