//! End to end over HTTP: `scs_bot::discord::serve_until` on 127.0.0.1, requests signed with a
//! key pair made by the test, follow-ups caught by the fake Discord (tests/support) standing in
//! for the webhook API. The payloads are the gateway tests' own (`support::interaction_json`),
//! and each answer is compared with what the dispatcher renders for the gateway bot. No
//! network beyond loopback, no token, every wait bounded.

mod support;

use ed25519_dalek::{Signer, SigningKey};
use scs_bot::config::Config;
use scs_bot::core::{Core, Direction};
use scs_bot::discord::{response_json, Dispatcher, Plan, Request, ServeOptions};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};
use support::{FakeDiscord, TOKEN, WAIT};
use tempfile::TempDir;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

const USER: u64 = 5001;
const MANAGE_GUILD: u64 = 1 << 5;

struct Server {
    url: String,
    key: SigningKey,
    client: reqwest::Client,
    fake: FakeDiscord,
    core: Arc<Core>,
    stop: oneshot::Sender<()>,
    task: JoinHandle<anyhow::Result<()>>,
    next_id: u64,
    _dir: TempDir,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A fresh key pair: the seed from the clock and the process, so that no two runs share it.
fn key_pair() -> SigningKey {
    use std::hash::{BuildHasher, Hasher};
    let mut seed = [0u8; 32];
    for chunk in seed.chunks_mut(8) {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u128(
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap()
                .as_nanos(),
        );
        chunk.copy_from_slice(&hasher.finish().to_le_bytes());
    }
    SigningKey::from_bytes(&seed)
}

async fn start_with(edit: impl FnOnce(&mut Config)) -> Server {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(std::env::var("E2E_LOG").unwrap_or("off".into()))
        .with_test_writer()
        .try_init();
    let (config, dir) = support::fixture_config(edit);
    let core = Arc::new(Core::open(config).unwrap());
    let fake = FakeDiscord::start(TOKEN).await;
    let key = key_pair();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let options = ServeOptions {
        public_key: hex(&key.verifying_key().to_bytes()),
        api_base: Some(fake.base()),
    };
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(scs_bot::discord::serve_until(
        Arc::clone(&core),
        options,
        listener,
        async move {
            let _ = stopped.await;
        },
    ));
    Server {
        url,
        key,
        client: reqwest::Client::new(),
        fake,
        core,
        stop,
        task,
        next_id: 1,
        _dir: dir,
    }
}

async fn start() -> Server {
    start_with(|_| {}).await
}

struct Answer {
    status: u16,
    text: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }
}

impl Server {
    async fn stop(self) {
        let _ = self.stop.send(());
        let ended = tokio::time::timeout(WAIT, self.task).await;
        ended
            .expect("the server stops within the wait")
            .expect("the server task did not panic")
            .expect("the server ended without an error");
    }

    /// POSTs `body` with these headers (name, value).
    async fn post_raw(&self, body: Vec<u8>, headers: &[(&str, String)]) -> Answer {
        let mut request = self
            .client
            .post(format!("{}/interactions", self.url))
            .header("content-type", "application/json")
            .body(body);
        for (name, value) in headers {
            request = request.header(*name, value);
        }
        let response = tokio::time::timeout(WAIT, request.send())
            .await
            .expect("the server answers within the wait")
            .expect("the server accepts the request");
        let status = response.status().as_u16();
        Answer {
            status,
            text: response.text().await.unwrap(),
        }
    }

    /// POSTs `body` signed now with the server's key.
    async fn post_signed(&self, body: &[u8]) -> Answer {
        let timestamp = now().to_string();
        let signature = self.sign(&timestamp, body);
        self.post_raw(
            body.to_vec(),
            &[
                ("x-signature-ed25519", signature),
                ("x-signature-timestamp", timestamp),
            ],
        )
        .await
    }

    fn sign(&self, timestamp: &str, body: &[u8]) -> String {
        let mut message = timestamp.as_bytes().to_vec();
        message.extend_from_slice(body);
        hex(&self.key.sign(&message).to_bytes())
    }

    /// An interaction as Discord sends it (the gateway tests' payload); returns its token and
    /// the HTTP answer.
    async fn interaction(
        &mut self,
        kind: u8,
        data: Value,
        locale: &str,
        user: u64,
        permissions: u64,
    ) -> (String, Answer) {
        self.next_id += 1;
        let token = format!("itoken-{}", self.next_id);
        let payload = support::interaction_json(
            self.next_id,
            &token,
            kind,
            data,
            locale,
            user,
            permissions,
            None,
        );
        let answer = self.post_signed(payload.to_string().as_bytes()).await;
        (token, answer)
    }

    async fn command(&mut self, name: &str, options: Value, locale: &str) -> (String, Answer) {
        let data = json!({"id": "1", "name": name, "type": 1, "options": options});
        self.interaction(2, data, locale, USER, 0).await
    }

    async fn get(&self, path: &str) -> Answer {
        let response =
            tokio::time::timeout(WAIT, self.client.get(format!("{}{path}", self.url)).send())
                .await
                .expect("the server answers within the wait")
                .expect("the server accepts the request");
        Answer {
            status: response.status().as_u16(),
            text: response.text().await.unwrap(),
        }
    }
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn string(name: &str, value: &str) -> Value {
    json!({"name": name, "type": 3, "value": value})
}

/// What the gateway bot sends to the callback URL for this command (the same dispatcher and
/// builders, on the same core).
fn gateway_response(
    core: &Arc<Core>,
    command: &str,
    options: Vec<(String, scs_bot::discord::OptionValue)>,
    locale: &str,
) -> Value {
    let dispatcher = Dispatcher::new(Arc::clone(core));
    let request = Request {
        command: command.to_string(),
        options,
        locale: locale.to_string(),
        permissions: Some(0),
        user_id: USER,
        guild_id: Some(support::GUILD_ID),
    };
    match dispatcher.plan(&request, Instant::now()) {
        Plan::Reply(reply) => response_json(&reply),
        Plan::Defer { .. } => panic!("/{command} is answered at once over the gateway"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_ping_gets_a_pong() {
    let server = start().await;
    let answer = server
        .post_signed(br#"{"type":1,"id":"1","application_id":"900001","token":"t","version":1}"#)
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(answer.json(), json!({"type": 1}));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_bad_and_stale_signatures_get_401() {
    let server = start().await;
    let body = br#"{"type":1}"#.to_vec();
    let timestamp = now().to_string();
    let good = server.sign(&timestamp, &body);

    let missing = server.post_raw(body.clone(), &[]).await;
    assert_eq!(missing.status, 401, "no headers");
    let no_timestamp = server
        .post_raw(body.clone(), &[("x-signature-ed25519", good.clone())])
        .await;
    assert_eq!(no_timestamp.status, 401, "no timestamp");
    let not_hex = server
        .post_raw(
            body.clone(),
            &[
                ("x-signature-ed25519", "zz".repeat(64)),
                ("x-signature-timestamp", timestamp.clone()),
            ],
        )
        .await;
    assert_eq!(not_hex.status, 401, "a signature that isn't hex");
    let other_key = SigningKey::from_bytes(&[9; 32]);
    let mut message = timestamp.as_bytes().to_vec();
    message.extend_from_slice(&body);
    let forged = hex(&other_key.sign(&message).to_bytes());
    let bad = server
        .post_raw(
            body.clone(),
            &[
                ("x-signature-ed25519", forged),
                ("x-signature-timestamp", timestamp.clone()),
            ],
        )
        .await;
    assert_eq!(bad.status, 401, "signed with another key");
    let tampered = server
        .post_raw(
            br#"{"type":2}"#.to_vec(),
            &[
                ("x-signature-ed25519", good.clone()),
                ("x-signature-timestamp", timestamp.clone()),
            ],
        )
        .await;
    assert_eq!(tampered.status, 401, "a body other than the signed one");
    let old = (now() - 600).to_string();
    let stale_signature = server.sign(&old, &body);
    let stale = server
        .post_raw(
            body.clone(),
            &[
                ("x-signature-ed25519", stale_signature),
                ("x-signature-timestamp", old),
            ],
        )
        .await;
    assert_eq!(stale.status, 401, "signed ten minutes ago");
    let fine = server
        .post_raw(
            body,
            &[
                ("x-signature-ed25519", good),
                ("x-signature-timestamp", timestamp),
            ],
        )
        .await;
    assert_eq!(
        fine.status, 200,
        "the same request, signed now: {}",
        fine.text
    );
    let metrics = server.get("/metrics").await.text;
    assert!(
        metrics.contains(
            "scs_bot_interactions_total{command=\"unverified\",outcome=\"rejected\"} 6\n"
        ),
        "{metrics}"
    );
    server.stop().await;
}

/// A response with the recorded answer's id taken out of its button ids (`fb:up:<id>`,
/// `pg:<page>:<user>.<id>:…`): each answer is recorded under an id of its own.
fn without_answer_ids(mut response: Value) -> Value {
    fn walk(value: &mut Value) {
        match value {
            Value::Object(map) => {
                for (key, v) in map.iter_mut() {
                    match v {
                        Value::String(id) if key == "custom_id" => *id = strip_id(id),
                        _ => walk(v),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    fn strip_id(id: &str) -> String {
        if let Some(rest) = id.strip_prefix("fb:") {
            return format!("fb:{}", rest.split(':').next().unwrap_or(""));
        }
        id.split(':')
            .map(|part| part.split('.').next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join(":")
    }
    walk(&mut response);
    response
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_fixed_command_is_answered_at_once_exactly_as_over_the_gateway() {
    let mut server = start().await;
    let names: Vec<String> = Dispatcher::new(Arc::clone(&server.core))
        .specs()
        .iter()
        .map(|s| s.name.clone())
        .filter(|n| n != "ask" && n != "reload")
        .collect();
    assert!(names.len() >= 7, "{names:?}");
    for name in &names {
        for locale in ["en-US", "de"] {
            let (_, answer) = server.command(name, json!([]), locale).await;
            assert_eq!(answer.status, 200, "/{name}: {}", answer.text);
            let got = without_answer_ids(answer.json());
            assert_eq!(got["type"], 4, "/{name} is answered at once");
            let expected =
                without_answer_ids(gateway_response(&server.core, name, Vec::new(), locale));
            assert_eq!(got, expected, "/{name} in {locale} as over the gateway");
        }
    }
    let (_, answer) = server
        .command("partners", json!([string("name", "alpha")]), "en-US")
        .await;
    let expected = without_answer_ids(gateway_response(
        &server.core,
        "partners",
        vec![(
            "name".into(),
            scs_bot::discord::OptionValue::String("alpha".into()),
        )],
        "en-US",
    ));
    assert_eq!(
        without_answer_ids(answer.json()),
        expected,
        "/partners with a name"
    );
    let metrics = server.get("/metrics").await.text;
    assert!(
        metrics.contains("scs_bot_interactions_total{command=\"join\",outcome=\""),
        "{metrics}"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_question_is_deferred_and_its_answer_follows_through_the_webhook() {
    let mut server = start().await;
    let (token, answer) = server
        .command(
            "ask",
            json!([string("question", "how do I join?")]),
            "en-US",
        )
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let deferred = answer.json();
    assert_eq!(deferred["type"], 5, "deferred: {deferred}");
    assert_eq!(
        deferred["data"]["flags"].as_u64().unwrap_or(0) & 64,
        0,
        "a public answer"
    );
    let edit = server.fake.edited_original(&token).await;
    let dispatcher = Dispatcher::new(Arc::clone(&server.core));
    let request = Request {
        command: "ask".into(),
        options: vec![(
            "question".into(),
            scs_bot::discord::OptionValue::String("how do I join?".into()),
        )],
        locale: "en-US".into(),
        permissions: Some(0),
        user_id: USER,
        guild_id: Some(support::GUILD_ID),
    };
    let reply = dispatcher.deferred(&request);
    assert_eq!(
        edit["embeds"][0]["title"],
        reply.embeds[0].title.as_str(),
        "{edit}"
    );
    assert_eq!(
        edit["embeds"][0]["description"],
        reply.embeds[0].description.as_str(),
        "{edit}"
    );
    assert_eq!(
        edit["allowed_mentions"]["parse"],
        json!([]),
        "pings nobody: {edit}"
    );

    let (token, answer) = server
        .command(
            "ask",
            json!([string("question", "what is kata containers?"), {"name": "private", "type": 5, "value": true}]),
            "en-US",
        )
        .await;
    assert_eq!(
        answer.json()["data"]["flags"],
        64,
        "a private question is deferred ephemerally"
    );
    server.fake.edited_original(&token).await;
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refusals_of_questions_are_answered_at_once_and_ephemerally() {
    let mut server = start().await;
    let long = "why ".repeat(100);
    let (_, answer) = server
        .command("ask", json!([string("question", &long)]), "en-US")
        .await;
    let refused = answer.json();
    assert_eq!(refused["type"], 4, "not deferred: {refused}");
    assert_eq!(refused["data"]["flags"], 64, "ephemeral: {refused}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reload_is_deferred_for_moderators_and_refused_to_others() {
    let mut server = start().await;
    let data = json!({"id": "1", "name": "reload", "type": 1});
    let (_, answer) = server.interaction(2, data.clone(), "en-US", USER, 0).await;
    assert_eq!(answer.json()["type"], 4, "refused at once");
    let (token, answer) = server
        .interaction(2, data, "en-US", USER, MANAGE_GUILD)
        .await;
    assert_eq!(answer.json()["type"], 5, "deferred");
    let edit = server.fake.edited_original(&token).await;
    assert!(edit["embeds"][0]["title"].is_string(), "{edit}");
    let metrics = server.get("/metrics").await.text;
    assert!(
        metrics.contains("scs_bot_reloads_total{result=\"ok\"} 1\n"),
        "{metrics}"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn autocomplete_offers_partner_names_as_choices() {
    let mut server = start().await;
    let data = json!({"id": "1", "name": "partners", "type": 1,
        "options": [{"name": "name", "type": 3, "value": "alp", "focused": true}]});
    let (_, answer) = server.interaction(4, data, "en-US", USER, 0).await;
    let choices = answer.json();
    assert_eq!(choices["type"], 8, "{choices}");
    let first = &choices["data"]["choices"][0];
    assert_eq!(first["name"], "Alpha Cloud GmbH", "{choices}");
    assert_eq!(first["value"], "Alpha Cloud GmbH", "{choices}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_button_press_turns_the_page_for_the_invoker_only() {
    let many = |config: &mut Config| {
        let network = config.content.join("en/network.md");
        let text = std::fs::read_to_string(&network).unwrap();
        let list: String = (1..=30)
            .map(|i| format!("- [Partner {i:02} GmbH](https://p{i}.example)\n"))
            .collect();
        let text = text.replace("- [Alpha Cloud GmbH](https://alpha.example)\n", &list);
        std::fs::write(network, text).unwrap();
    };
    let mut server = start_with(many).await;
    let (_, first) = server.command("partners", json!([]), "en-US").await;
    let first = first.json();
    let next = first["data"]["components"][0]["components"][2]["custom_id"]
        .as_str()
        .unwrap_or_else(|| panic!("paging buttons: {first}"))
        .to_string();
    let press = json!({"custom_id": next, "component_type": 2});
    let (_, refused) = server
        .interaction(3, press.clone(), "en-US", USER + 1, 0)
        .await;
    let refused = refused.json();
    assert_eq!(refused["type"], 4, "{refused}");
    assert_eq!(refused["data"]["flags"], 64, "{refused}");
    assert_eq!(refused["data"]["embeds"][0]["title"], "Not your list");
    let (_, page) = server.interaction(3, press, "en-US", USER, 0).await;
    let page = page.json();
    assert_eq!(page["type"], 7, "the message is updated in place: {page}");
    let description = page["data"]["embeds"][0]["description"].as_str().unwrap();
    assert!(
        description.contains("Partner 21 GmbH") && !description.contains("Partner 01 GmbH"),
        "{description}"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_json_and_unknown_types_get_400_and_oversized_bodies_413() {
    let server = start_with(|config| config.http.max_body_bytes = 4096).await;
    for body in [
        &b"{not json"[..],
        b"[]",
        br#"{"type":"one"}"#,
        b"",
        br#"{"type":99}"#,
    ] {
        let answer = server.post_signed(body).await;
        assert_eq!(
            answer.status,
            400,
            "{:?}: {}",
            String::from_utf8_lossy(body),
            answer.text
        );
    }
    let huge = format!(r#"{{"type":1,"pad":"{}"}}"#, "x".repeat(10_000));
    let answer = server.post_signed(huge.as_bytes()).await;
    assert_eq!(answer.status, 413, "{}", answer.text);
    let ping = server.post_signed(br#"{"type":1}"#).await;
    assert_eq!(ping.status, 200, "still serving");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_and_metrics_describe_the_served_content_and_the_interactions() {
    let mut server = start().await;
    let health = server.get("/healthz").await;
    assert_eq!(health.status, 200);
    let health = health.json();
    let state = server.core.state();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["pages"], state.library.pages.len() as u64);
    assert_eq!(health["sections"], state.index.num_sections());
    assert!(health["index_age_seconds"].as_u64().is_some(), "{health}");
    assert_eq!(health["revision"], &state.revision[..16]);

    server.command("join", json!([]), "en-US").await;
    server.core.metrics().record_vote(Direction::Down);
    let metrics = server.get("/metrics").await;
    assert_eq!(metrics.status, 200);
    let text = metrics.text;
    assert!(
        text.contains("# TYPE scs_bot_interactions_total counter"),
        "{text}"
    );
    assert!(
        text.contains("scs_bot_interactions_total{command=\"join\",outcome=\"answered\"} 1\n"),
        "{text}"
    );
    assert!(
        text.contains("# TYPE scs_bot_interaction_seconds histogram"),
        "{text}"
    );
    assert!(
        text.contains("scs_bot_interaction_seconds_count 1\n"),
        "{text}"
    );
    assert!(
        text.contains("scs_bot_reloads_total{result=\"ok\"} 0\n"),
        "{text}"
    );
    assert!(
        text.contains("scs_bot_feedback_votes_total{direction=\"down\"} 1\n"),
        "{text}"
    );
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        assert!(
            line.starts_with("scs_bot_"),
            "every metric is prefixed: {line}"
        );
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_follow_up_to_a_webhook_that_never_answers_is_a_logged_error_not_a_hang() {
    // A "Discord" that accepts connections and never answers.
    let silent = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let silent_base = format!("http://{}", silent.local_addr().unwrap());
    let hold = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = silent.accept().await {
            held.push(socket);
        }
    });
    let (config, dir) = support::fixture_config(|c| c.discord.request_timeout_seconds = 1);
    let core = Arc::new(Core::open(config).unwrap());
    let key = key_pair();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let options = ServeOptions {
        public_key: hex(&key.verifying_key().to_bytes()),
        api_base: Some(silent_base),
    };
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(scs_bot::discord::serve_until(
        Arc::clone(&core),
        options,
        listener,
        async move {
            let _ = stopped.await;
        },
    ));
    let data = json!({"id": "1", "name": "ask", "type": 1, "options": [string("question", "how do I join?")]});
    let payload =
        support::interaction_json(1, "itoken-1", 2, data, "en-US", USER, 0, None).to_string();
    let timestamp = now().to_string();
    let mut message = timestamp.as_bytes().to_vec();
    message.extend_from_slice(payload.as_bytes());
    let response = reqwest::Client::new()
        .post(format!("{url}/interactions"))
        .header("x-signature-ed25519", hex(&key.sign(&message).to_bytes()))
        .header("x-signature-timestamp", timestamp)
        .body(payload)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    // The follow-up gives up after the configured second and counts as an error.
    let counted = async {
        while core.metrics().interactions("ask", "error") == 0 {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    };
    tokio::time::timeout(WAIT, counted)
        .await
        .expect("the follow-up ends in an error within the wait, instead of hanging");
    let _ = stop.send(());
    tokio::time::timeout(WAIT, task)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    hold.abort();
    drop(dir);
}
