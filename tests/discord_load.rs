//! Load through the fake Discord on loopback (issue 4, point 3): 1,000 slash commands from 50
//! simulated users, mixed commands in English and German, with a `/reload` after a content
//! change in the middle. Every interaction must get exactly one valid callback, and answers
//! sent after the reload report must show the new content. Latency is printed, never asserted
//! (`cargo test --test discord_load -- --nocapture`); `cargo bench --bench discord_burst`
//! measures it in a release build.

mod support;

use std::collections::BTreeSet;
use support::burst::{self, Bot, Burst, Command, Pace, Plan};

async fn check(plan: Plan) -> Burst {
    let bot = Bot::start().await;
    let burst = burst::run(&bot.fake, &bot.content, &plan).await;
    println!("{:?}: {}", plan.pace, burst.summary());
    println!(
        "/reload went out as interaction {:?} of {}, took {:?}; /partners around it: {:?}",
        burst.reload.map(|r| r + 1),
        burst.sent.len(),
        burst.reload_took(),
        burst.phases()
    );
    bot.stop().await;
    burst.assert_whole();
    burst
}

/// `paced`: users wait for each answer, so some `/partners` are surely answered before the
/// `/reload` goes out (in a flood, all 1,000 may be in flight before any answer).
fn assert_the_mix_is_whole(burst: &Burst, paced: bool) {
    assert_eq!(burst.sent.len(), 1_000);
    let users: BTreeSet<u64> = burst.sent.iter().map(|s| s.user).collect();
    assert_eq!(users.len(), 50, "50 distinct users");
    let ids: BTreeSet<u64> = burst.sent.iter().map(|s| s.id).collect();
    assert_eq!(ids.len(), 1_000, "distinct interaction ids");
    let names: BTreeSet<&str> = burst.sent.iter().map(|s| s.command.name()).collect();
    assert_eq!(
        names.into_iter().collect::<Vec<_>>(),
        ["about", "ask", "gaiax", "goals", "help", "join", "links", "partners", "reload"]
    );
    assert!(burst
        .sent
        .iter()
        .any(|s| matches!(s.command, Command::PartnerNamed(..))));
    let locales: BTreeSet<&str> = burst.sent.iter().map(|s| s.locale).collect();
    assert!(
        locales.contains("de") && locales.contains("en-US"),
        "{locales:?}"
    );
    let reload = burst.reload.expect("a /reload went out");
    // Where it falls depends on how fast the other users' answers come back (paced: each user
    // waits for its answer), which a loaded machine changes: it was seen at 771. What matters
    // is that many commands go out on each side of it.
    assert!(
        (100..=900).contains(&reload),
        "the /reload is in the middle of the burst, not at {reload}"
    );
    let phases = burst.phases();
    assert!(
        !paced || phases.before > 0,
        "/partners answered before the reload: {phases:?}"
    );
    assert!(
        phases.after > 0,
        "/partners sent after the reload: {phases:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_commands_from_fifty_users_are_each_answered_exactly_once_across_a_reload() {
    let burst = check(Plan::default()).await;
    assert_the_mix_is_whole(&burst, true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flood_of_a_thousand_commands_at_once_loses_none_and_answers_none_twice() {
    let burst = check(Plan {
        pace: Pace::Flood,
        ..Plan::default()
    })
    .await;
    assert_the_mix_is_whole(&burst, false);
}
