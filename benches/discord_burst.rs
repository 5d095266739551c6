//! Latency through the fake Discord on loopback (issue 4, point 3), in a release build:
//! `cargo bench --bench discord_burst`.
//!
//! Each run starts the real serenity client (`scs_bot::discord::run_until`) on a fresh fake
//! Discord and a fresh copy of tests/fixtures/discord, then sends the burst of
//! tests/support/burst.rs: 1,000 slash commands from 50 simulated users (mixed commands, en +
//! de) with a `/reload` after a content change in the middle. Latency runs from the instant the
//! fake puts an event frame onto the gateway socket to the instant it receives the
//! interaction callback. Every run is also checked: a lost, doubled or wrong answer stops the
//! benchmark.
//!
//! Scenarios: 50 users each waiting for its answer before sending its next command (up to 50
//! in flight: the burst), the same with 10 users and with 1 (no queue at all: the
//! latency of one interaction), a flood (all 1,000 frames at once, so latency includes the
//! queue behind them), and the first again with the bot's logging on as in production
//! (`scs_bot=info,serenity=warn`, one line per interaction, written to a file) to show what
//! tracing costs. Each run also reports how long the `/reload` took and the p99 of the answers
//! that did not overlap it.
//! `DISCORD_BURST_RUNS` sets the measured runs per scenario (default 5, after one warm-up);
//! `DISCORD_BURST_ONLY=<text>` runs only the scenarios whose name contains it (for profiling).
//! The runtime has as many workers as cores, like `main.rs`; the fake shares it.

#[path = "../tests/support/mod.rs"]
mod support;

use std::io::{BufRead, BufReader};
use std::sync::Mutex;
use std::time::Duration;
use support::burst::{self, percentile, Bot, Burst, Pace, Plan};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{reload, EnvFilter};

struct Scenario {
    name: &'static str,
    users: usize,
    pace: Pace,
    log: bool,
}

const SCENARIOS: [Scenario; 5] = [
    Scenario {
        name: "50 users, each waiting for its answer (≤ 50 in flight): the issue's burst",
        users: 50,
        pace: Pace::EachUserWaits,
        log: false,
    },
    Scenario {
        name: "10 users, each waiting for its answer (≤ 10 in flight)",
        users: 10,
        pace: Pace::EachUserWaits,
        log: false,
    },
    Scenario {
        name: "1 user (one in flight: the latency without any queue)",
        users: 1,
        pace: Pace::EachUserWaits,
        log: false,
    },
    Scenario {
        name: "50 users, flood: all 1,000 frames at once",
        users: 50,
        pace: Pace::Flood,
        log: false,
    },
    Scenario {
        name: "50 users, each waiting, logging on (scs_bot=info, to a file)",
        users: 50,
        pace: Pace::EachUserWaits,
        log: true,
    },
];

const PRODUCTION_LOG: &str = "scs_bot=info,serenity=warn";

fn main() {
    let runs: usize = std::env::var("DISCORD_BURST_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5)
        .max(1);
    let log = tempfile::NamedTempFile::new().expect("a temp file for the log");
    let writer = Mutex::new(log.reopen().expect("the log file"));
    let (filter, switch) = reload::Layer::new(EnvFilter::new("off"));
    tracing_subscriber::registry()
        .with(filter)
        .with(
            tracing_subscriber::fmt::layer()
                .with_ansi(false)
                .with_writer(writer),
        )
        .init();
    let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "discord_burst: {runs} runs per scenario after one warm-up; {cores} cores; 1,000 commands with a /reload midway; load average {}",
        load_average()
    );
    let only = std::env::var("DISCORD_BURST_ONLY").unwrap_or_default();
    for scenario in SCENARIOS.iter().filter(|s| s.name.contains(only.as_str())) {
        let filter = if scenario.log { PRODUCTION_LOG } else { "off" };
        switch
            .modify(|f| *f = EnvFilter::new(filter))
            .expect("switch the log filter");
        let per_user = 1_000 / scenario.users;
        let plan = Plan {
            users: scenario.users,
            per_user,
            pace: scenario.pace,
            reload_at: Some(per_user / 2),
        };
        let lines_before = count_lines(log.path());
        println!("\n{}", scenario.name);
        let _warm_up = runtime.block_on(one_run(plan));
        let mut all = Vec::new();
        let mut clear = Vec::new();
        let mut p99s = Vec::new();
        let mut totals = Vec::new();
        for run in 1..=runs {
            let burst = runtime.block_on(one_run(plan));
            let summary = burst.summary();
            let clear_of_reload = burst.latencies_clear_of_reload();
            println!("  run {run}: {summary}");
            println!(
                "         /reload took {}; the {} answers clear of it: p99 {}",
                ms(burst.reload_took().unwrap_or_default()),
                clear_of_reload.len(),
                ms(percentile(&clear_of_reload, 99.0)),
            );
            p99s.push(summary.p99);
            totals.push(summary.total);
            all.extend(burst.latencies());
            clear.extend(clear_of_reload);
        }
        all.sort_unstable();
        clear.sort_unstable();
        p99s.sort_unstable();
        totals.sort_unstable();
        println!(
            "  all {} answers: p50 {}, p90 {}, p99 {}, max {}; median run: p99 {}, total {}",
            all.len(),
            ms(percentile(&all, 50.0)),
            ms(percentile(&all, 90.0)),
            ms(percentile(&all, 99.0)),
            ms(*all.last().unwrap_or(&Duration::ZERO)),
            ms(p99s[p99s.len() / 2]),
            ms(totals[totals.len() / 2]),
        );
        println!(
            "  the {} answers clear of the reload: p50 {}, p90 {}, p99 {}, max {}",
            clear.len(),
            ms(percentile(&clear, 50.0)),
            ms(percentile(&clear, 90.0)),
            ms(percentile(&clear, 99.0)),
            ms(*clear.last().unwrap_or(&Duration::ZERO)),
        );
        println!("  load average now {}", load_average());
        if scenario.log {
            let lines = count_lines(log.path()) - lines_before;
            println!(
                "  log: {lines} lines for {} bursts ({:.2} per interaction, start-up lines included)",
                runs + 1,
                lines as f64 / ((runs + 1) * 1_000) as f64
            );
        }
    }
}

/// One bot, one burst, checked; panics with the problems if any.
async fn one_run(plan: Plan) -> Burst {
    let bot = Bot::start().await;
    let burst = burst::run(&bot.fake, &bot.content, &plan).await;
    bot.stop().await;
    burst.assert_whole();
    burst
}

/// The machine's load average (other processes compete for the same cores), if known.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}

fn count_lines(path: &std::path::Path) -> usize {
    std::fs::File::open(path).map_or(0, |f| BufReader::new(f).lines().count())
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}
