//! Feedback and the fair rate limit, through the dispatcher (the transport-free half of the
//! Discord bot): answers carry "Helpful" / "Not what I asked", a press is recorded in a real
//! SQLite file in a temp folder and shows in `scs-bot report` (the real binary), a second press
//! changes the vote, a broken database never stops answers, and questions from one user are
//! let through in a burst and then limited (mentions: told once, then quiet).

use scs_bot::config::Config;
use scs_bot::core::feedback::Store;
use scs_bot::core::Core;
use scs_bot::discord::render;
use scs_bot::discord::{Dispatcher, Mention, OptionValue, Plan, Press, Pressed, Reply, Request};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

mod common;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/discord");
const USER: u64 = 4_100;
const BOT: u64 = 900_002;

/// A temp folder with the fixture's content, `config.toml` (database `feedback.sqlite` next to
/// it unless `database` says otherwise) and the config as loaded from that file.
fn setup(database: Option<&str>) -> (tempfile::TempDir, PathBuf, Config) {
    let dir = tempfile::tempdir().unwrap();
    common::copy_dir(
        &Path::new(FIXTURES).join("content"),
        &dir.path().join("content"),
    );
    let mut text = std::fs::read_to_string(Path::new(FIXTURES).join("config.toml")).unwrap();
    let database = database.unwrap_or("feedback.sqlite");
    text.push_str(&format!(
        "\n[feedback]\ndatabase = {database:?}\n\n[limits]\nburst = 3\nevery_seconds = 600\n"
    ));
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap();
    let config = Config::load(&path).unwrap();
    (dir, path, config)
}

fn dispatcher(config: Config) -> Dispatcher {
    Dispatcher::new(Arc::new(Core::open(config).unwrap()))
}

fn ask(question: &str, user: u64) -> Request {
    Request {
        command: "ask".into(),
        options: vec![("question".into(), OptionValue::String(question.into()))],
        locale: "en-US".into(),
        user_id: user,
        guild_id: Some(4242),
        ..Request::default()
    }
}

fn command(name: &str, user: u64) -> Request {
    Request {
        command: name.into(),
        locale: "en-US".into(),
        user_id: user,
        guild_id: Some(4242),
        ..Request::default()
    }
}

fn reply(plan: Plan) -> Reply {
    match plan {
        Plan::Reply(reply) => reply,
        Plan::Defer { .. } => panic!("not deferred"),
    }
}

/// The custom id of the button whose id starts with `prefix`.
fn button(reply: &Reply, prefix: &str) -> String {
    reply
        .buttons
        .iter()
        .map(|b| b.custom_id.clone())
        .find(|id| id.starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix} button in {:?}", reply.buttons))
}

fn press(custom_id: &str, user: u64) -> Press {
    Press {
        custom_id: custom_id.into(),
        user_id: user,
        locale: "en-US".into(),
    }
}

fn report_json(config: &Path) -> (std::process::Output, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_scs-bot"))
        .env_remove("DISCORD_TOKEN")
        .arg("--config")
        .arg(config)
        .args(["report", "--json"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    (output, stdout)
}

#[test]
fn answers_to_questions_and_commands_carry_the_two_feedback_buttons() {
    let (_dir, _path, config) = setup(None);
    let bot = dispatcher(config);
    let now = Instant::now();
    let answer = reply(bot.plan(&ask("how do I join?", USER), now));
    let labels: Vec<&str> = answer.buttons.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["Helpful", "Not what I asked"]);
    assert!(button(&answer, "fb:up:").len() <= 100);
    let join = reply(bot.plan(&command("join", USER), now));
    assert_eq!(join.buttons.len(), 2);
    let mut german = command("join", USER);
    german.locale = "de".into();
    let labels: Vec<String> = reply(bot.plan(&german, now))
        .buttons
        .into_iter()
        .map(|b| b.label)
        .collect();
    assert_eq!(labels, ["Hilfreich", "Nicht, was ich gefragt habe"]);
    let help = reply(bot.plan(&command("help", USER), now));
    assert!(help.buttons.is_empty(), "/help is not rated");
}

#[test]
fn a_button_press_is_recorded_and_shown_by_report() {
    let (_dir, path, config) = setup(None);
    let database = config.feedback.database.clone();
    let bot = dispatcher(config);
    let now = Instant::now();
    let answer = reply(bot.plan(&ask("how do I join?", USER), now));
    reply(bot.plan(&ask("How do I JOIN", USER + 1), now));
    reply(bot.plan(&ask("what does the moon cost?", USER + 2), now));
    let pressed = bot.press(&press(&button(&answer, "fb:down:"), USER + 5));
    let Pressed::Acknowledge(thanks) = pressed else {
        panic!("a feedback press is acknowledged: {pressed:?}");
    };
    assert!(thanks.ephemeral);
    assert_eq!(thanks.embeds[0].title, "Thanks for your feedback");
    assert!(thanks.embeds[0].description.contains("Not what I asked"));
    bot.feedback().close();

    let (output, stdout) = report_json(&path);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_str(&stdout).expect("one JSON object");
    let item = |q: &str, n: u64| serde_json::json!({"question": q, "language": "en", "count": n});
    assert_eq!(report["top"][0], item("how do i join", 2));
    assert_eq!(
        report["not_found"],
        serde_json::json!([item("what does the moon cost", 1)])
    );
    assert_eq!(
        report["voted_down"],
        serde_json::json!([item("how do i join", 1)])
    );
    assert!(database.is_file());
}

#[test]
fn the_report_json_is_one_object_of_three_arrays_of_question_language_count() {
    let (_dir, path, config) = setup(None);
    let bot = dispatcher(config);
    let mut german = ask("wie kann ich mitmachen?", USER);
    german.locale = "de".into();
    let answer = reply(bot.plan(&german, Instant::now()));
    bot.press(&press(&button(&answer, "fb:down:"), USER));
    bot.feedback().close();
    let (output, stdout) = report_json(&path);
    assert!(output.status.success());
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let keys: Vec<&str> = report
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys.len(), 3);
    for list in ["top", "not_found", "voted_down"] {
        for item in report[list].as_array().unwrap() {
            let mut keys: Vec<&str> = item
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            keys.sort_unstable();
            assert_eq!(keys, ["count", "language", "question"], "{list}");
            assert!(item["question"].is_string() && item["count"].is_u64());
        }
    }
    assert_eq!(report["top"][0]["language"], "de");
    assert_eq!(
        report["voted_down"][0]["question"],
        "wie kann ich mitmachen"
    );
}

#[test]
fn a_second_press_by_the_same_user_changes_the_vote() {
    let (_dir, _path, config) = setup(None);
    let database = config.feedback.database.clone();
    let bot = dispatcher(config);
    let answer = reply(bot.plan(&ask("how do I join?", USER), Instant::now()));
    let up = button(&answer, "fb:up:");
    let down = button(&answer, "fb:down:");
    bot.press(&press(&up, USER));
    bot.press(&press(&down, USER));
    bot.press(&press(&up, USER + 1));
    bot.feedback().close();
    let (_, id) = render::parse_feedback(&up).unwrap();
    let store = Store::open_read_only(&database).unwrap();
    assert_eq!(
        store.votes(id).unwrap(),
        (1, 1),
        "(helpful, not what I asked)"
    );
}

#[test]
fn a_database_that_is_not_sqlite_does_not_stop_answers() {
    let (dir, path, config) = setup(None);
    std::fs::write(
        dir.path().join("feedback.sqlite"),
        "this is not a database\n".repeat(100),
    )
    .unwrap();
    let bot = dispatcher(config);
    let now = Instant::now();
    let answer = reply(bot.plan(&ask("how do I join?", USER), now));
    assert_eq!(answer.embeds[0].title, "Get Involved");
    let pressed = bot.press(&press(&button(&answer, "fb:up:"), USER));
    assert!(matches!(pressed, Pressed::Acknowledge(_)));
    assert!(!reply(bot.plan(&command("partners", USER), now)).ephemeral);
    bot.feedback().close();
    let untouched = std::fs::read_to_string(dir.path().join("feedback.sqlite")).unwrap();
    assert!(
        untouched.starts_with("this is not a database"),
        "the file is not ours to change"
    );
    let (output, _) = report_json(&path);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("feedback.sqlite"), "{stderr}");
}

#[test]
fn a_database_in_a_folder_that_cant_be_written_does_not_stop_answers() {
    let (dir, _path, mut config) = setup(None);
    // A "folder" that is a file: nothing can be created under it, whoever runs the test.
    std::fs::write(dir.path().join("not-a-folder"), "").unwrap();
    config.feedback.database = dir.path().join("not-a-folder/feedback.sqlite");
    // And a read-only folder (binding when the test does not run as root).
    let read_only = dir.path().join("read-only");
    std::fs::create_dir(&read_only).unwrap();
    set_mode(&read_only, 0o555);
    let mut other = config.clone();
    other.feedback.database = read_only.join("feedback.sqlite");
    for config in [config, other] {
        let bot = dispatcher(config);
        let now = Instant::now();
        for user in [USER, USER + 1] {
            let answer = reply(bot.plan(&ask("how do I join?", user), now));
            assert_eq!(answer.embeds[0].title, "Get Involved");
            bot.press(&press(&button(&answer, "fb:down:"), user));
        }
        bot.feedback().close();
    }
    set_mode(&read_only, 0o755);
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn three_questions_in_a_row_are_answered_and_a_flood_is_limited_but_not_partners() {
    let (_dir, _path, config) = setup(None);
    let bot = dispatcher(config);
    let start = Instant::now();
    for n in 0..3 {
        let answer = reply(bot.plan(&ask("how do I join?", USER), start + Duration::from_secs(n)));
        assert_eq!(answer.embeds[0].title, "Get Involved", "question {n}");
    }
    let refused = reply(bot.plan(&ask("how do I join?", USER), start + Duration::from_secs(3)));
    assert!(refused.ephemeral);
    assert_eq!(refused.embeds[0].title, "One moment, please");
    assert!(
        refused.embeds[0].description.contains("again in 597 s"),
        "{}",
        refused.embeds[0].description
    );
    for _ in 0..10 {
        let partners = reply(bot.plan(&command("partners", USER), start));
        assert!(!partners.ephemeral, "/partners is never limited");
    }
    // One more question once a period has passed.
    let later = start + Duration::from_secs(600);
    assert_eq!(
        reply(bot.plan(&ask("how do I join?", USER), later)).embeds[0].title,
        "Get Involved"
    );
}

#[test]
fn a_mention_over_the_limit_is_told_once_then_the_bot_stays_quiet() {
    let (_dir, _path, config) = setup(None);
    let bot = dispatcher(config);
    let now = Instant::now();
    let mention = |text: &str| Mention {
        content: format!("<@{BOT}> {text}"),
        user_id: USER,
        guild_id: Some(4242),
        bot_id: BOT,
    };
    // `/ask` and mentions share one burst.
    reply(bot.plan(&ask("how do I join?", USER), now));
    for _ in 0..2 {
        let answer = bot.mention(&mention("how do I join?"), now).unwrap();
        assert_eq!(answer.embeds[0].title, "Get Involved");
        assert!(answer
            .buttons
            .iter()
            .any(|b| b.custom_id.starts_with("fb:up:")));
    }
    let told = bot.mention(&mention("and the partners?"), now).unwrap();
    assert_eq!(told.embeds[0].title, "One moment, please");
    assert!(!told.ephemeral, "a channel message can't be ephemeral");
    assert_eq!(bot.mention(&mention("and the goals?"), now), None);
    assert_eq!(bot.mention(&mention("and now?"), now), None);
    let later = now + Duration::from_secs(600);
    assert!(bot.mention(&mention("how do I join?"), later).is_some());
}

#[test]
fn report_is_for_moderators_and_shows_the_lists() {
    let (_dir, _path, config) = setup(None);
    let bot = dispatcher(config);
    let mut request = command("report", USER);
    let refused = reply(bot.plan(&request, Instant::now()));
    assert_eq!(refused.embeds[0].title, "Moderators only");
    assert!(refused.ephemeral);
    request.permissions = Some(1 << 5);
    assert_eq!(
        bot.plan(&request, Instant::now()),
        Plan::Defer { ephemeral: true }
    );
    reply(bot.plan(&ask("what does the moon cost?", USER), Instant::now()));
    bot.feedback().close();
    let report = bot.deferred(&request);
    assert!(report.ephemeral);
    let fields: Vec<(&str, &str)> = report.embeds[0]
        .fields
        .iter()
        .map(|f| (f.name.as_str(), f.value.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("Asked most", "1× what does the moon cost (en)"),
            ("Answered \"not found\"", "1× what does the moon cost (en)")
        ]
    );
}
