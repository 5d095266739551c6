//! A fake Discord on 127.0.0.1 for end-to-end tests: the REST routes serenity calls and a
//! gateway websocket, recording everything the bot sends.
//!
//! Every wait is bounded ([`WAIT`]) and panics with what the fake saw, so a test fails loudly
//! instead of hanging; in particular a bot that never connects to this gateway (serenity falls
//! back to the real Discord gateway when `GET /gateway` fails) fails the test. The token is a
//! made-up one; nothing here talks to the network beyond loopback.
//!
//! For load runs ([`burst`]): every REST call carries the instant the fake received it,
//! [`FakeDiscord::tap`] streams the calls as they come (no scanning of the whole log), and
//! [`FakeDiscord::dispatch_timed`] tells the instant the event frame went onto the socket.

#![allow(dead_code)]

pub mod burst;
#[path = "../common/mod.rs"]
pub mod common;

use axum::body::Bytes;
use axum::extract::ws::{Message as Ws, WebSocket, WebSocketUpgrade};
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::serve::ListenerExt;
use axum::{Json, Router};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::{mpsc, oneshot, Notify};

pub const APP_ID: u64 = 900_001;
pub const BOT_ID: u64 = 900_002;
pub const GUILD_ID: u64 = 4242;
pub const CHANNEL_ID: u64 = 777;
/// A made-up token; the fake answers 401 to any other.
pub const TOKEN: &str = "fake-token-not-a-real-one";
/// The longest any wait in a test may take before it fails.
pub const WAIT: Duration = Duration::from_secs(10);

/// One REST request the bot made.
#[derive(Debug, Clone)]
pub struct Call {
    pub method: String,
    /// Without the `/api/v10` prefix: `/applications/900001/commands`.
    pub path: String,
    pub body: Value,
    /// When the fake received it.
    pub at: Instant,
}

/// What the bot sent on the gateway.
#[derive(Debug, Clone)]
pub enum Gateway {
    Identify(Value),
    Resume { session_id: String, seq: u64 },
}

/// A frame for the gateway connection; `sent` learns the instant it goes onto the socket.
struct Outgoing {
    text: String,
    sent: Option<oneshot::Sender<Instant>>,
}

impl Outgoing {
    fn new(frame: Value) -> Outgoing {
        Outgoing {
            text: frame.to_string(),
            sent: None,
        }
    }
}

struct Shared {
    token: String,
    base: String,
    calls: Mutex<Vec<Call>>,
    /// Receivers of every REST call from [`FakeDiscord::tap`] on.
    taps: Mutex<Vec<mpsc::UnboundedSender<Call>>>,
    gateway: Mutex<Vec<Gateway>>,
    changed: Notify,
    /// The identified (or resumed) connection: its generation and its sender.
    conn: Mutex<Option<(u64, mpsc::UnboundedSender<Outgoing>)>>,
    generation: AtomicU64,
    seq: AtomicU64,
    next_id: AtomicU64,
    fail_gateway: AtomicBool,
}

#[derive(Clone)]
pub struct FakeDiscord {
    shared: Arc<Shared>,
}

impl FakeDiscord {
    /// Serves on 127.0.0.1 on a free port, accepting `token` only.
    pub async fn start(token: &str) -> FakeDiscord {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(Shared {
            token: token.to_string(),
            base: format!("http://127.0.0.1:{port}"),
            calls: Mutex::new(Vec::new()),
            taps: Mutex::new(Vec::new()),
            gateway: Mutex::new(Vec::new()),
            changed: Notify::new(),
            conn: Mutex::new(None),
            generation: AtomicU64::new(0),
            seq: AtomicU64::new(0),
            next_id: AtomicU64::new(1_000),
            fail_gateway: AtomicBool::new(false),
        });
        let app = Router::new()
            .route("/gw", get(gateway))
            .fallback(rest)
            .with_state(Arc::clone(&shared));
        // Without TCP_NODELAY, Nagle's algorithm holds back an event frame while the one before
        // waits for its (delayed, up to 40 ms) ACK: a fake's artifact that Discord doesn't have.
        let listener = listener.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeDiscord { shared }
    }

    /// `http://127.0.0.1:PORT`, for `DISCORD_API_BASE`.
    pub fn base(&self) -> String {
        self.shared.base.clone()
    }

    /// Makes `GET /gateway` fail with a 500.
    pub fn fail_gateway_lookup(&self) {
        self.shared.fail_gateway.store(true, Ordering::SeqCst);
    }

    pub fn calls(&self) -> Vec<Call> {
        self.shared.calls.lock().unwrap().clone()
    }

    /// Every REST call from now on, as it arrives.
    pub fn tap(&self) -> mpsc::UnboundedReceiver<Call> {
        let (tx, rx) = mpsc::unbounded_channel();
        self.shared.taps.lock().unwrap().push(tx);
        rx
    }

    pub fn gateway_log(&self) -> Vec<Gateway> {
        self.shared.gateway.lock().unwrap().clone()
    }

    /// Waits (bounded) until a REST call matches.
    pub async fn wait_call(&self, what: &str, matches: impl Fn(&Call) -> bool) -> Call {
        self.wait(what, || self.calls().into_iter().find(|c| matches(c)))
            .await
    }

    /// Waits (bounded) until the bot has sent something matching on the gateway.
    pub async fn wait_gateway(&self, what: &str, matches: impl Fn(&Gateway) -> bool) -> Gateway {
        self.wait(what, || self.gateway_log().into_iter().find(|g| matches(g)))
            .await
    }

    async fn wait<T>(&self, what: &str, mut found: impl FnMut() -> Option<T>) -> T {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let changed = self.shared.changed.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            if let Some(hit) = found() {
                return hit;
            }
            if tokio::time::timeout_at(deadline, changed).await.is_err() {
                panic!(
                    "the fake Discord waited {WAIT:?} for {what}; REST calls: {:#?}; gateway: {:#?}",
                    self.calls(),
                    self.gateway_log()
                );
            }
        }
    }

    /// Sends a dispatch event on the current gateway connection (waiting for one).
    pub async fn dispatch(&self, event: &str, data: Value) {
        self.dispatch_timed(event, data).await;
    }

    /// [`FakeDiscord::dispatch`], telling the instant the frame goes onto the socket.
    pub async fn dispatch_timed(&self, event: &str, data: Value) -> oneshot::Receiver<Instant> {
        let sender = self
            .wait("an identified gateway connection", || {
                self.shared
                    .conn
                    .lock()
                    .unwrap()
                    .as_ref()
                    .map(|(_, tx)| tx.clone())
            })
            .await;
        let seq = self.shared.seq.fetch_add(1, Ordering::SeqCst) + 1;
        let frame = json!({"op": 0, "s": seq, "t": event, "d": data});
        let (sent, when) = oneshot::channel();
        let frame = Outgoing {
            text: frame.to_string(),
            sent: Some(sent),
        };
        sender.send(frame).expect("gateway connection open");
        when
    }

    /// Sends op 7 (Reconnect) on the current connection; the bot should come back with RESUME.
    pub async fn request_reconnect(&self) {
        let sender = self
            .wait("an identified gateway connection", || {
                self.shared.conn.lock().unwrap().take().map(|(_, tx)| tx)
            })
            .await;
        sender
            .send(Outgoing::new(json!({"op": 7, "d": null})))
            .expect("gateway connection open");
    }

    /// Sends a heartbeat ACK on the current connection, if any. serenity's shard runner reads
    /// its control messages (e.g. shutdown) between gateway frames, or every 500 ms when the
    /// gateway is quiet; a frame wakes it at once.
    pub fn nudge(&self) {
        if let Some((_, sender)) = self.shared.conn.lock().unwrap().as_ref() {
            let _ = sender.send(Outgoing::new(json!({"op": 11})));
        }
    }

    pub fn next_id(&self) -> u64 {
        self.shared.next_id.fetch_add(1, Ordering::SeqCst)
    }

    /// Injects an interaction (`kind` 2 command, 3 component, 4 autocomplete) from `user` in
    /// the guild, with member permissions `permissions`; returns its id and token.
    pub async fn interaction(
        &self,
        kind: u8,
        data: Value,
        locale: &str,
        user: u64,
        permissions: u64,
        message: Option<Value>,
    ) -> (u64, String) {
        let id = self.next_id();
        let token = format!("itoken-{id}");
        let payload = interaction_json(id, &token, kind, data, locale, user, permissions, message);
        self.dispatch("INTERACTION_CREATE", payload).await;
        (id, token)
    }

    /// [`FakeDiscord::interaction`], telling the instant the frame goes onto the socket.
    pub async fn interaction_timed(
        &self,
        kind: u8,
        data: Value,
        locale: &str,
        user: u64,
        permissions: u64,
    ) -> (u64, String, oneshot::Receiver<Instant>) {
        let id = self.next_id();
        let token = format!("itoken-{id}");
        let payload = interaction_json(id, &token, kind, data, locale, user, permissions, None);
        let sent = self.dispatch_timed("INTERACTION_CREATE", payload).await;
        (id, token, sent)
    }

    /// Runs a slash command and returns the body of the bot's interaction callback.
    pub async fn command(
        &self,
        name: &str,
        options: Value,
        locale: &str,
        user: u64,
        permissions: u64,
    ) -> Value {
        let data = json!({"id": "1", "name": name, "type": 1, "options": options});
        let (id, token) = self
            .interaction(2, data, locale, user, permissions, None)
            .await;
        self.callback(id, &token).await
    }

    /// The body of the callback for interaction `id`.
    pub async fn callback(&self, id: u64, token: &str) -> Value {
        let path = format!("/interactions/{id}/{token}/callback");
        self.wait_call(&format!("POST {path}"), |c| {
            c.method == "POST" && c.path == path
        })
        .await
        .body
    }

    /// The body of the edit of interaction `token`'s original response.
    pub async fn edited_original(&self, token: &str) -> Value {
        let path = format!("/webhooks/{APP_ID}/{token}/messages/@original");
        self.wait_call(&format!("PATCH {path}"), |c| {
            c.method == "PATCH" && c.path == path
        })
        .await
        .body
    }

    /// A message as the gateway and REST deliver it.
    pub fn message(&self, id: u64, author: u64, content: &str, mentions: Value) -> Value {
        message_json(id, CHANNEL_ID, author, content, mentions)
    }
}

/// An INTERACTION_CREATE payload from `user` in the guild, as serenity 0.12.5 requires it.
#[allow(clippy::too_many_arguments)]
pub fn interaction_json(
    id: u64,
    token: &str,
    kind: u8,
    data: Value,
    locale: &str,
    user: u64,
    permissions: u64,
    message: Option<Value>,
) -> Value {
    let mut payload = json!({
        "type": kind,
        "id": id.to_string(),
        "application_id": APP_ID.to_string(),
        "token": token,
        "version": 1,
        "guild_id": GUILD_ID.to_string(),
        "channel_id": CHANNEL_ID.to_string(),
        "locale": locale,
        "guild_locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 8_388_608,
        "member": {
            "user": {"id": user.to_string(), "username": format!("user{user}"), "discriminator": "0"},
            "roles": [],
            "deaf": false,
            "mute": false,
            "flags": 0,
            "joined_at": "2024-01-01T00:00:00.000000+00:00",
            "permissions": permissions.to_string(),
        },
        "data": data,
    });
    if let Some(message) = message {
        payload["message"] = message;
    }
    payload
}

fn message_json(id: u64, channel: u64, author: u64, content: &str, mentions: Value) -> Value {
    json!({
        "id": id.to_string(),
        "channel_id": channel.to_string(),
        "guild_id": GUILD_ID.to_string(),
        "type": 0,
        "content": content,
        "author": {"id": author.to_string(), "username": format!("user{author}"), "discriminator": "0", "bot": author == BOT_ID},
        "timestamp": "2025-01-01T00:00:00.000000+00:00",
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": mentions,
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": false,
    })
}

fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(json!({"message": message, "code": 0}))).into_response()
}

async fn rest(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let at = Instant::now();
    let path = uri
        .path()
        .strip_prefix("/api/v10")
        .unwrap_or(uri.path())
        .to_string();
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let authorized = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v == format!("Bot {}", shared.token));
    let call = Call {
        method: method.to_string(),
        path: path.clone(),
        body: body.clone(),
        at,
    };
    shared
        .taps
        .lock()
        .unwrap()
        .retain(|tap| tap.send(call.clone()).is_ok());
    shared.calls.lock().unwrap().push(call);
    shared.changed.notify_waiters();
    let by_token = matches!(segments.first(), Some(&"interactions") | Some(&"webhooks"));
    if !authorized && !by_token {
        return error(StatusCode::UNAUTHORIZED, "401: Unauthorized");
    }
    let id = shared.next_id.fetch_add(1, Ordering::SeqCst);
    match (method.as_str(), segments.as_slice()) {
        ("GET", ["gateway"]) if shared.fail_gateway.load(Ordering::SeqCst) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the fake is told to fail GET /gateway",
        ),
        ("GET", ["gateway"]) => {
            Json(json!({"url": format!("{}/gw", shared.base.replace("http://", "ws://"))}))
                .into_response()
        }
        // The autosharded start asks how many shards Discord wants: one, here.
        ("GET", ["gateway", "bot"]) => Json(json!({
            "url": format!("{}/gw", shared.base.replace("http://", "ws://")),
            "shards": 1,
            "session_start_limit": {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1},
        }))
        .into_response(),
        ("GET", ["oauth2", "applications", "@me"]) => Json(json!({
            "id": APP_ID.to_string(),
            "name": "scs-bot",
            "icon": null,
            "description": "",
            "bot_public": true,
            "bot_require_code_grant": false,
            "verify_key": "00",
            "owner": {"id": "1", "username": "owner", "discriminator": "0"},
            "flags": 0,
        }))
        .into_response(),
        ("GET", ["users", "@me"]) => Json(json!({
            "id": BOT_ID.to_string(),
            "username": "scs-bot",
            "discriminator": "0",
            "bot": true,
        }))
        .into_response(),
        ("PUT", ["applications", _, "commands"])
        | ("PUT", ["applications", _, "guilds", _, "commands"]) => Json(json!([])).into_response(),
        ("POST", ["interactions", _, _, "callback"]) => StatusCode::NO_CONTENT.into_response(),
        ("PATCH", ["webhooks", _, _, "messages", _]) | ("POST", ["webhooks", _, _]) => {
            Json(message_json(
                id,
                CHANNEL_ID,
                BOT_ID,
                body["content"].as_str().unwrap_or(""),
                json!([]),
            ))
            .into_response()
        }
        ("POST", ["channels", channel, "messages"]) => {
            let channel = channel.parse().unwrap_or(CHANNEL_ID);
            Json(message_json(
                id,
                channel,
                BOT_ID,
                body["content"].as_str().unwrap_or(""),
                json!([]),
            ))
            .into_response()
        }
        _ => error(StatusCode::NOT_FOUND, "no such route in the fake Discord"),
    }
}

async fn gateway(ws: WebSocketUpgrade, State(shared): State<Arc<Shared>>) -> Response {
    ws.on_upgrade(move |socket| session(shared, socket))
}

async fn send(socket: &mut WebSocket, frame: Value) -> bool {
    socket
        .send(Ws::Text(frame.to_string().into()))
        .await
        .is_ok()
}

/// One gateway connection: HELLO, then IDENTIFY → READY or RESUME → RESUMED, heartbeats
/// acknowledged, and events from [`FakeDiscord::dispatch`] passed on.
async fn session(shared: Arc<Shared>, mut socket: WebSocket) {
    let generation = shared.generation.fetch_add(1, Ordering::SeqCst) + 1;
    let (tx, mut rx) = mpsc::unbounded_channel::<Outgoing>();
    if !send(
        &mut socket,
        json!({"op": 10, "d": {"heartbeat_interval": 41_250}}),
    )
    .await
    {
        return;
    }
    loop {
        tokio::select! {
            incoming = socket.recv() => {
                let text = match incoming {
                    Some(Ok(Ws::Text(text))) => text.to_string(),
                    Some(Ok(Ws::Close(_))) => {
                        // Reading once more flushes the close reply the client waits for.
                        let _ = socket.recv().await;
                        break;
                    }
                    Some(Ok(_)) => continue,
                    _ => break,
                };
                let frame: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
                match frame["op"].as_u64() {
                    Some(2) => {
                        shared.seq.store(1, Ordering::SeqCst);
                        let ready = json!({"op": 0, "s": 1, "t": "READY", "d": {
                            "v": 10,
                            "user": {"id": BOT_ID.to_string(), "username": "scs-bot", "discriminator": "0", "bot": true},
                            "guilds": [],
                            "session_id": format!("session-{generation}"),
                            "resume_gateway_url": format!("{}/gw", shared.base.replace("http://", "ws://")),
                            "application": {"id": APP_ID.to_string(), "flags": 0},
                        }});
                        if !send(&mut socket, ready).await {
                            break;
                        }
                        shared.gateway.lock().unwrap().push(Gateway::Identify(frame["d"].clone()));
                        *shared.conn.lock().unwrap() = Some((generation, tx.clone()));
                        shared.changed.notify_waiters();
                    }
                    Some(6) => {
                        let seq = shared.seq.fetch_add(1, Ordering::SeqCst) + 1;
                        if !send(&mut socket, json!({"op": 0, "s": seq, "t": "RESUMED", "d": {}})).await {
                            break;
                        }
                        shared.gateway.lock().unwrap().push(Gateway::Resume {
                            session_id: frame["d"]["session_id"].as_str().unwrap_or("").to_string(),
                            seq: frame["d"]["seq"].as_u64().unwrap_or(0),
                        });
                        *shared.conn.lock().unwrap() = Some((generation, tx.clone()));
                        shared.changed.notify_waiters();
                    }
                    Some(1) if !send(&mut socket, json!({"op": 11})).await => break,
                    _ => {}
                }
            }
            Some(out) = rx.recv() => {
                if let Some(sent) = out.sent {
                    let _ = sent.send(Instant::now());
                }
                if socket.send(Ws::Text(out.text.into())).await.is_err() {
                    break;
                }
            }
        }
    }
    let mut conn = shared.conn.lock().unwrap();
    if conn.as_ref().is_some_and(|(g, _)| *g == generation) {
        *conn = None;
    }
}

/// The Discord fixtures: content (en + de) and a config with a configured command.
pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/discord");

/// The fixture config on a temp copy of the fixture content, changed by `edit`.
pub fn fixture_config(
    edit: impl FnOnce(&mut scs_bot::config::Config),
) -> (scs_bot::config::Config, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = std::path::Path::new(FIXTURES);
    common::copy_dir(&fixtures.join("content"), &dir.path().join("content"));
    let text = std::fs::read_to_string(fixtures.join("config.toml")).unwrap();
    let mut config = scs_bot::config::Config::parse(&text).unwrap();
    config.content = dir.path().join("content");
    config.index = dir.path().join("index");
    config.feedback.database = dir.path().join("feedback.sqlite");
    edit(&mut config);
    (config, dir)
}
