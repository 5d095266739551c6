//! End to end: the real serenity client, run by `scs_bot::discord::run_until`, against a fake
//! Discord on 127.0.0.1 (tests/support). Each test starts its own fake, core (on a temp copy
//! of tests/fixtures/discord) and bot, talks to it over the gateway and REST, and stops it
//! cleanly. No network beyond loopback, no real token, every wait bounded.

mod support;

use scs_bot::config::Config;
use scs_bot::core::Core;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use support::{FakeDiscord, Gateway, APP_ID, BOT_ID, GUILD_ID, TOKEN, WAIT};
use tempfile::TempDir;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const MANAGE_GUILD: u64 = 1 << 5;
const USER: u64 = 5001;
const EPHEMERAL: u64 = 64;

struct Bot {
    fake: FakeDiscord,
    stop: oneshot::Sender<()>,
    task: JoinHandle<anyhow::Result<()>>,
    content: PathBuf,
    _dir: TempDir,
}

/// Starts a fake Discord and the bot on it; returns once the commands are registered and the
/// bot has identified on the fake gateway.
async fn start_with(edit: impl FnOnce(&mut Config), prepare: impl FnOnce(&Path)) -> Bot {
    // `E2E_LOG=scs_bot=info,serenity=debug cargo test --test discord_e2e -- --nocapture`
    // shows the bot's and serenity's logs.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(std::env::var("E2E_LOG").unwrap_or("off".into()))
        .with_test_writer()
        .try_init();
    let (config, dir) = support::fixture_config(edit);
    prepare(&config.content);
    let content = config.content.clone();
    let core = Arc::new(Core::open(config).unwrap());
    let fake = FakeDiscord::start(TOKEN).await;
    let (stop, stopped) = oneshot::channel::<()>();
    let mut task = tokio::spawn(scs_bot::discord::run_until(
        Arc::clone(&core),
        TOKEN.to_string(),
        Some(fake.base()),
        async {
            let _ = stopped.await;
        },
    ));
    tokio::select! {
        _ = fake.wait_gateway(
            "IDENTIFY on the fake gateway (a bot that fell back to the real Discord gateway never sends it here)",
            |g| matches!(g, Gateway::Identify(_)),
        ) => {}
        ended = &mut task => panic!("the bot stopped during start-up: {ended:?}"),
    }
    Bot {
        fake,
        stop,
        task,
        content,
        _dir: dir,
    }
}

async fn start() -> Bot {
    start_with(|_| {}, |_| {}).await
}

impl Bot {
    /// Stops the bot as SIGTERM would, and checks it ends cleanly.
    async fn stop(self) {
        let _ = self.stop.send(());
        let fake = self.fake.clone();
        let nudging = tokio::spawn(async move {
            loop {
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                fake.nudge();
            }
        });
        let ended = tokio::time::timeout(WAIT, self.task).await;
        nudging.abort();
        let ended = ended.expect("the bot stops within the bounded wait");
        ended
            .expect("the bot task did not panic")
            .expect("the bot ends without an error");
    }

    async fn command(&self, name: &str, options: Value, locale: &str) -> Value {
        self.fake.command(name, options, locale, USER, 0).await
    }
}

fn embed(callback: &Value) -> &Value {
    &callback["data"]["embeds"][0]
}

fn flags(callback: &Value) -> u64 {
    callback["data"]["flags"].as_u64().unwrap_or(0)
}

/// Every message the bot sends allows no mentions at all.
fn assert_no_mentions(message: &Value) {
    assert_eq!(
        message["allowed_mentions"],
        json!({"parse": [], "users": [], "roles": [], "replied_user": false}),
        "allowed_mentions of {message:#}"
    );
}

fn string(name: &str, value: &str) -> Value {
    json!({"name": name, "type": 3, "value": value})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn commands_are_registered_once_per_guild_with_german_localizations() {
    let bot = start().await;
    let put = bot
        .fake
        .wait_call("the command registration", |c| c.method == "PUT")
        .await;
    assert_eq!(
        put.path,
        format!("/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    );
    let commands = put.body.as_array().unwrap();
    let by_name = |name: &str| {
        commands
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("/{name} registered"))
    };
    let mut names: Vec<&str> = commands
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "about", "ask", "gaiax", "goals", "help", "join", "links", "partners", "reload",
            "report"
        ]
    );
    for command in commands {
        let description = command["description"].as_str().unwrap();
        assert!(
            (1..=100).contains(&description.chars().count()),
            "{command}"
        );
        assert!(
            command["description_localizations"]["de"].is_string(),
            "German description of {command}"
        );
    }
    let partners = by_name("partners");
    assert_eq!(partners["name_localizations"]["de"], "partner");
    assert_eq!(partners["options"][0]["name"], "name");
    assert_eq!(partners["options"][0]["autocomplete"], true);
    assert_eq!(by_name("join")["name_localizations"]["de"], "mitmachen");
    assert_eq!(
        by_name("gaiax")["description_localizations"]["de"],
        "Was der Stack zu Gaia-X beiträgt"
    );
    let ask = by_name("ask");
    assert_eq!(ask["options"][0]["name"], "question");
    assert_eq!(ask["options"][0]["required"], true);
    assert_eq!(ask["options"][0]["max_length"], 120);
    assert_eq!(ask["options"][1]["name"], "private");
    assert_eq!(ask["options"][1]["type"], 5);
    for moderated in ["reload", "report"] {
        assert_eq!(
            by_name(moderated)["default_member_permissions"],
            MANAGE_GUILD.to_string()
        );
    }
    assert!(commands
        .iter()
        .filter(|c| c["name"] != "reload" && c["name"] != "report")
        .all(|c| c["default_member_permissions"].is_null()));
    let puts = bot
        .fake
        .calls()
        .into_iter()
        .filter(|c| c.method == "PUT")
        .count();
    assert_eq!(puts, 1, "one bulk overwrite, never global as well");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_guilds_the_commands_are_registered_globally_only() {
    let bot = start_with(|c| c.discord.guilds.clear(), |_| {}).await;
    let puts: Vec<String> = bot
        .fake
        .calls()
        .into_iter()
        .filter(|c| c.method == "PUT")
        .map(|c| c.path)
        .collect();
    assert_eq!(puts, [format!("/applications/{APP_ID}/commands")]);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partners_lists_every_partner_with_links_and_names_as_written() {
    let bot = start().await;
    let reply = bot.command("partners", json!([]), "en-US").await;
    assert_eq!(reply["type"], 4);
    assert_eq!(flags(&reply), 0, "a public answer");
    assert_no_mentions(&reply["data"]);
    let embed = embed(&reply);
    assert_eq!(embed["title"], "Our Partners in the Network");
    assert!(
        embed["url"]
            .as_str()
            .unwrap()
            .starts_with("https://tcs.example/en/network#"),
        "{embed}"
    );
    let description = embed["description"].as_str().unwrap();
    for line in [
        "• [Alpha Cloud GmbH](https://alpha.example)",
        "• [Cloud&Heat Technologies GmbH](https://cloudandheat.example)",
        "• [Dataport AöR](https://dataport.example)",
        "• [\\*Star\\* Systems AG](https://star.example)",
        "• [Under\\_Score KG](https://underscore.example)",
        "• [@\u{200B}everyone Hosting](https://everyone.example)",
        "• Nolink Cooperative eG",
    ] {
        assert!(
            description.lines().any(|l| l == line),
            "{line:?} in {description}"
        );
    }
    assert_eq!(
        embed["footer"]["text"],
        "Source: Network › Our Partners in the Network"
    );
    let ids: Vec<&str> = reply["data"]["components"][0]["components"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["custom_id"].as_str().unwrap())
        .collect();
    assert!(
        ids.len() == 2 && ids[0].starts_with("fb:up:") && ids[1].starts_with("fb:down:"),
        "8 partners fit one page: only the feedback buttons, {ids:?}"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partners_with_a_name_shows_that_partner() {
    let bot = start().await;
    let reply = bot
        .command("partners", json!([string("name", "syseleven")]), "en-US")
        .await;
    let description = embed(&reply)["description"].as_str().unwrap();
    assert!(
        description.contains("[SysEleven GmbH](https://syseleven.example)"),
        "{description}"
    );
    assert!(!description.contains("Alpha"), "{description}");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn join_gives_the_contact_address() {
    let bot = start().await;
    let reply = bot.command("join", json!([]), "en-GB").await;
    let embed = embed(&reply);
    assert_eq!(embed["title"], "Get Involved");
    let contact = embed["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "Contact")
        .expect("a contact field");
    assert_eq!(contact["value"], "forum-tcs@example.org");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ask_answers_a_free_question_with_deep_links() {
    let bot = start().await;
    let reply = bot
        .command(
            "ask",
            json!([string("question", "what is kata containers?")]),
            "en-US",
        )
        .await;
    assert_eq!(flags(&reply), 0);
    let embed = embed(&reply);
    let first = &embed["fields"][0];
    assert!(
        first["name"]
            .as_str()
            .unwrap()
            .contains("Collaboration with the Open Infrastructure Foundation"),
        "{embed}"
    );
    assert!(
        first["value"]
            .as_str()
            .unwrap()
            .contains("](https://tcs.example/en/network#"),
        "{embed}"
    );
    assert!(
        embed["footer"]["text"]
            .as_str()
            .unwrap()
            .contains("Network"),
        "{embed}"
    );

    let private = json!([string("question", "what is kata containers?"), {"name": "private", "type": 5, "value": true}]);
    let reply = bot.command("ask", private, "en-US").await;
    assert_eq!(flags(&reply), EPHEMERAL, "private answers are ephemeral");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn links_and_a_configured_command_answer_from_their_sections() {
    let bot = start().await;
    let links = bot.command("links", json!([]), "en-US").await;
    let description = embed(&links)["description"].as_str().unwrap().to_string();
    assert!(
        description.contains("• [Technical Documentation TCS](https://docs.tcs.example)"),
        "{description}"
    );
    let gaiax = bot.command("gaiax", json!([]), "en-US").await;
    assert_eq!(embed(&gaiax)["title"], "Contributions to Gaia-X and GXFS");
    assert!(embed(&gaiax)["description"]
        .as_str()
        .unwrap()
        .contains("Gaia-X Federation Services"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_offers_ranked_partner_names() {
    let bot = start().await;
    let data = json!({"id": "1", "name": "partners", "type": 1,
        "options": [{"name": "name", "type": 3, "value": "sys", "focused": true}]});
    let (id, token) = bot.fake.interaction(4, data, "en-US", USER, 0, None).await;
    let reply = bot.fake.callback(id, &token).await;
    assert_eq!(reply["type"], 8);
    let names: Vec<&str> = reply["data"]["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names.first(),
        Some(&"SysEleven GmbH"),
        "the prefix match first: {names:?}"
    );
    assert!(
        names.contains(&"*Star* Systems AG"),
        "then a word match: {names:?}"
    );
    assert!(names.len() <= 25);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mention_is_answered_as_a_reply_that_pings_nobody() {
    let bot = start().await;
    let id = bot.fake.next_id();
    let mentions = json!([{"id": BOT_ID.to_string(), "username": "scs-bot", "discriminator": "0", "bot": true}]);
    let message = bot.fake.message(
        id,
        USER,
        &format!("<@{BOT_ID}> how do I join? @everyone"),
        mentions,
    );
    bot.fake.dispatch("MESSAGE_CREATE", message).await;
    let sent = bot
        .fake
        .wait_call("the reply to the mention", |c| {
            c.method == "POST" && c.path.starts_with("/channels/")
        })
        .await;
    assert_eq!(sent.body["message_reference"]["message_id"], id.to_string());
    assert_no_mentions(&sent.body);
    let contact = &sent.body["embeds"][0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "Contact")
        .cloned();
    assert_eq!(
        contact.as_ref().map(|f| f["value"].clone()),
        Some(json!("forum-tcs@example.org"))
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_german_locale_answers_from_german_content() {
    let bot = start().await;
    let partners = bot.command("partners", json!([]), "de").await;
    assert_eq!(embed(&partners)["title"], "Unsere Partner im Netzwerk");
    assert!(embed(&partners)["footer"]["text"]
        .as_str()
        .unwrap()
        .starts_with("Quelle: Netzwerk"));
    let join = bot.command("join", json!([]), "de").await;
    assert_eq!(embed(&join)["title"], "Mitmachen");
    assert!(embed(&join)["fields"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["name"] == "Kontakt"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reload_is_refused_without_manage_guild_and_picks_up_changes_with_it() {
    let bot = start().await;
    let network = bot.content.join("en/network.md");
    let text = std::fs::read_to_string(&network).unwrap();
    let changed = text.replace(
        "- [Alpha Cloud GmbH](https://alpha.example)\n",
        "- [Alpha Cloud GmbH](https://alpha.example)\n- [Newcomer GmbH](https://newcomer.example)\n",
    );
    std::fs::write(&network, changed).unwrap();

    let refused = bot
        .fake
        .command("reload", json!([]), "en-US", USER, 1 << 11)
        .await;
    assert_eq!(refused["type"], 4);
    assert_eq!(flags(&refused), EPHEMERAL);
    assert_eq!(embed(&refused)["title"], "Moderators only");
    let before = bot.command("partners", json!([]), "en-US").await;
    assert!(!embed(&before)["description"]
        .as_str()
        .unwrap()
        .contains("Newcomer"));

    let data = json!({"id": "1", "name": "reload", "type": 1});
    let (id, token) = bot
        .fake
        .interaction(2, data, "en-US", USER, MANAGE_GUILD, None)
        .await;
    let deferred = bot.fake.callback(id, &token).await;
    assert_eq!(deferred["type"], 5, "deferred first");
    assert_eq!(flags(&deferred), EPHEMERAL);
    let report = bot.fake.edited_original(&token).await;
    assert_no_mentions(&report);
    assert_eq!(report["embeds"][0]["title"], "Content reloaded");
    let added = report["embeds"][0]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "Partners added (1)")
        .cloned();
    assert!(
        added.is_some_and(|f| f["value"].as_str().unwrap().contains("Newcomer GmbH")),
        "{report:#}"
    );

    let after = bot.command("partners", json!([]), "en-US").await;
    assert!(embed(&after)["description"]
        .as_str()
        .unwrap()
        .contains("[Newcomer GmbH](https://newcomer.example)"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_reload_keeps_serving_the_last_good_content() {
    let bot = start().await;
    std::fs::rename(&bot.content, bot.content.with_file_name("moved-away")).unwrap();
    let data = json!({"id": "1", "name": "reload", "type": 1});
    let (_, token) = bot
        .fake
        .interaction(2, data, "en-US", USER, MANAGE_GUILD, None)
        .await;
    let report = bot.fake.edited_original(&token).await;
    assert_eq!(report["embeds"][0]["title"], "Reload failed");
    assert!(report["embeds"][0]["description"]
        .as_str()
        .unwrap()
        .contains("previous content"));
    let partners = bot.command("partners", json!([]), "en-US").await;
    assert!(embed(&partners)["description"]
        .as_str()
        .unwrap()
        .contains("Alpha Cloud GmbH"));
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_a_gateway_reconnect_the_session_resumes_and_still_answers() {
    let bot = start().await;
    let first = bot.command("join", json!([]), "en-US").await;
    assert_eq!(embed(&first)["title"], "Get Involved");
    bot.fake.request_reconnect().await;
    let resumed = bot
        .fake
        .wait_gateway("RESUME after op 7", |g| matches!(g, Gateway::Resume { .. }))
        .await;
    let Gateway::Resume { session_id, seq } = resumed else {
        unreachable!()
    };
    assert_eq!(session_id, "session-1");
    assert!(
        seq >= 2,
        "the RESUME carries the last sequence number seen, got {seq}"
    );
    let identifies = bot
        .fake
        .gateway_log()
        .iter()
        .filter(|g| matches!(g, Gateway::Identify(_)))
        .count();
    assert_eq!(identifies, 1, "resumed, not identified again");
    let again = bot.command("join", json!([]), "en-US").await;
    assert_eq!(embed(&again)["title"], "Get Involved");
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_token_ends_start_up_with_a_clear_error() {
    let (config, _dir) = support::fixture_config(|_| {});
    let core = Arc::new(Core::open(config).unwrap());
    let fake = FakeDiscord::start("the-right-token").await;
    let run = scs_bot::discord::run_until(
        core,
        TOKEN.to_string(),
        Some(fake.base()),
        std::future::pending(),
    );
    let err = tokio::time::timeout(WAIT, run)
        .await
        .expect("start-up ends, no hang")
        .unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("401") && message.contains("DISCORD_TOKEN"),
        "{message}"
    );
    assert!(!message.contains('\n'), "one line: {message}");
    assert!(
        !format!("{err:#}").contains(TOKEN),
        "never the token: {err:#}"
    );
    assert!(
        fake.calls().iter().all(|c| c.method != "PUT"),
        "nothing registered"
    );
    assert!(fake.gateway_log().is_empty(), "no gateway connection");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_discord_that_accepts_connections_and_never_answers_is_a_clear_error_in_bounded_time() {
    let silent = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", silent.local_addr().unwrap());
    let hold = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = silent.accept().await {
            held.push(socket);
        }
    });
    let (config, _dir) = support::fixture_config(|c| c.discord.request_timeout_seconds = 1);
    let core = Arc::new(Core::open(config).unwrap());
    let run =
        scs_bot::discord::run_until(core, TOKEN.to_string(), Some(base), std::future::pending());
    let err = tokio::time::timeout(WAIT, run)
        .await
        .expect("start-up gives up after the request timeout instead of hanging")
        .unwrap_err();
    let message = format!("{err:#}");
    assert!(
        message.contains("did not answer") && message.contains("request_timeout_seconds"),
        "{message}"
    );
    assert!(!message.contains(TOKEN), "never the token: {message}");
    hold.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_gateway_lookup_stops_start_up_instead_of_using_the_real_discord() {
    let (config, _dir) = support::fixture_config(|_| {});
    let core = Arc::new(Core::open(config).unwrap());
    let fake = FakeDiscord::start(TOKEN).await;
    fake.fail_gateway_lookup();
    let run = scs_bot::discord::run_until(
        core,
        TOKEN.to_string(),
        Some(fake.base()),
        std::future::pending(),
    );
    let err = tokio::time::timeout(WAIT, run)
        .await
        .expect("start-up ends, no hang")
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("not falling back to the real Discord gateway"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_partner_list_is_paged_with_buttons_only_the_invoker_can_use() {
    let many = |content: &Path| {
        let network = content.join("en/network.md");
        let text = std::fs::read_to_string(&network).unwrap();
        let list: String = (1..=30)
            .map(|i| format!("- [Partner {i:02} GmbH](https://p{i}.example)\n"))
            .collect();
        let text = text.replace("- [Alpha Cloud GmbH](https://alpha.example)\n", &list);
        std::fs::write(network, text).unwrap();
    };
    let bot = start_with(|_| {}, many).await;
    let first = bot.command("partners", json!([]), "en-US").await;
    let description = embed(&first)["description"].as_str().unwrap();
    assert!(
        description.contains("Partner 01 GmbH") && !description.contains("Partner 21 GmbH"),
        "{description}"
    );
    let buttons = first["data"]["components"][0]["components"]
        .as_array()
        .unwrap()
        .clone();
    let ids: Vec<&str> = buttons
        .iter()
        .map(|b| b["custom_id"].as_str().unwrap())
        .collect();
    assert_eq!(buttons[0]["disabled"], true, "no previous page");
    assert_eq!(buttons[1]["label"], "1/2");
    let next = ids[2].to_string();
    assert!(
        next.starts_with("pg:1:") && next.contains(&USER.to_string()),
        "{next}"
    );

    let message = bot.fake.message(bot.fake.next_id(), BOT_ID, "", json!([]));
    let press = json!({"custom_id": next, "component_type": 2});
    let (id, token) = bot
        .fake
        .interaction(
            3,
            press.clone(),
            "en-US",
            USER + 1,
            0,
            Some(message.clone()),
        )
        .await;
    let refused = bot.fake.callback(id, &token).await;
    assert_eq!(refused["type"], 4);
    assert_eq!(flags(&refused), EPHEMERAL);
    assert_eq!(embed(&refused)["title"], "Not your list");

    let (id, token) = bot
        .fake
        .interaction(3, press, "en-US", USER, 0, Some(message))
        .await;
    let page = bot.fake.callback(id, &token).await;
    assert_eq!(page["type"], 7, "the message is updated in place");
    let description = embed(&page)["description"].as_str().unwrap();
    assert!(
        description.contains("Partner 21 GmbH") && !description.contains("Partner 01 GmbH"),
        "{description}"
    );
    assert_eq!(
        page["data"]["components"][0]["components"][1]["label"],
        "2/2"
    );

    let data = json!({"id": "1", "name": "partners", "type": 1,
        "options": [{"name": "name", "type": 3, "value": "", "focused": true}]});
    let (id, token) = bot.fake.interaction(4, data, "en-US", USER, 0, None).await;
    let choices = bot.fake.callback(id, &token).await;
    assert_eq!(
        choices["data"]["choices"].as_array().unwrap().len(),
        25,
        "autocomplete stops at 25"
    );
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_questions_in_a_row_are_answered_a_flood_is_limited_and_overlong_ones_refused() {
    // The default burst (3); a long period so that the test never races a refill.
    let bot = start_with(|c| c.limits.every_seconds = 600, |_| {}).await;
    let ask = |q: &str| json!([string("question", q)]);
    for question in ["how do I join?", "and the partners?", "what are the goals?"] {
        let answered = bot.command("ask", ask(question), "en-US").await;
        assert_eq!(flags(&answered), 0, "{question} is answered");
    }
    let fourth = bot.command("ask", ask("and the links?"), "en-US").await;
    assert_eq!(flags(&fourth), EPHEMERAL);
    assert_eq!(embed(&fourth)["title"], "One moment, please");
    let said = embed(&fourth)["description"].as_str().unwrap().to_string();
    assert!(said.contains("again in 600 s"), "{said}");
    let partners = bot.command("partners", json!([]), "en-US").await;
    assert_eq!(flags(&partners), 0, "/partners is never limited");
    let other = bot
        .fake
        .command("ask", ask("and the partners?"), "en-US", USER + 7, 0)
        .await;
    assert_eq!(flags(&other), 0, "another user is not held up");

    let long = "why ".repeat(40);
    let refused = bot
        .fake
        .command("ask", ask(&long), "en-US", USER + 8, 0)
        .await;
    assert_eq!(flags(&refused), EPHEMERAL);
    assert_eq!(embed(&refused)["title"], "That question is too long");
    let after = bot
        .fake
        .command("ask", ask("how do I join?"), "en-US", USER + 8, 0)
        .await;
    assert_eq!(flags(&after), 0, "a refused question uses up nothing");

    let mentions = json!([{"id": BOT_ID.to_string(), "username": "scs-bot", "discriminator": "0", "bot": true}]);
    // `/ask` and mentions share the burst: one `/ask`, two mentions, then the fourth question
    // (a mention) is refused. (That a fifth then gets no reply is a dispatcher test: a missing
    // reply can't be waited for here.)
    let asked = bot
        .fake
        .command("ask", ask("how do I join?"), "en-US", USER + 9, 0)
        .await;
    assert_eq!(flags(&asked), 0);
    let mut refused = Vec::new();
    for question in [
        "who are the partners?",
        "and how do I join?",
        "and the links?",
    ] {
        let id = bot.fake.next_id();
        let message = bot.fake.message(
            id,
            USER + 9,
            &format!("<@{BOT_ID}> {question}"),
            mentions.clone(),
        );
        bot.fake.dispatch("MESSAGE_CREATE", message).await;
        let id = id.to_string();
        let reply = bot
            .fake
            .wait_call("the reply to a mention", |c| {
                c.path.starts_with("/channels/")
                    && c.body["message_reference"]["message_id"] == id.as_str()
            })
            .await;
        refused.push(reply.body["embeds"][0]["title"] == "One moment, please");
    }
    assert_eq!(refused, [false, false, true]);
    bot.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_content_watcher_reloads_changed_pages() {
    let (config, _dir) = support::fixture_config(|_| {});
    let content = config.content.clone();
    let core = Arc::new(Core::open(config).unwrap());
    let watcher = tokio::spawn(scs_bot::core::watch::watch(
        Arc::clone(&core),
        std::time::Duration::from_millis(20),
    ));
    let network = content.join("en/network.md");
    let text = std::fs::read_to_string(&network).unwrap();
    std::fs::write(
        &network,
        text.replace("Alpha Cloud GmbH", "Omega Cloud Group GmbH"),
    )
    .unwrap();
    let has_omega = || {
        core.command("partners", None, "en")
            .partners
            .iter()
            .any(|p| p.name == "Omega Cloud Group GmbH")
    };
    let waited = tokio::time::timeout(WAIT, async {
        while !has_omega() {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    })
    .await;
    watcher.abort();
    assert!(
        waited.is_ok(),
        "the watcher reloaded the changed page within {WAIT:?}"
    );
}
