//! The HTTP transport: Discord's interactions endpoint (`POST /interactions`) for
//! `scs-bot serve`, and `GET /healthz` and `GET /metrics` (served by `serve`, and by the gateway
//! bot when `[http] listen` is set).
//!
//! Each interaction is verified, converted into the dispatcher's plain [`Request`] / [`Press`],
//! answered by the same [`Dispatcher`] as the gateway bot, and rendered by the same builders
//! (`bot.rs`: the JSON is what the gateway bot sends to the callback URL). Over HTTP that
//! response is the HTTP reply itself, due within Discord's 3 seconds, so a question (its
//! search is the slow part) and `/reload` are deferred (type 5) and completed with
//! `PATCH {api}/webhooks/{application}/{token}/messages/@original`, which needs no bot token.
//!
//! Invariants:
//! - Every request to `/interactions` is verified before anything else is read from it:
//!   Ed25519 over `X-Signature-Timestamp ‖ body` with the application's public key, and the
//!   timestamp within `[http] timestamp_tolerance_seconds` of the clock (passed in by the
//!   handler, read once per request at the edge). Any failure is 401 (Discord sends bad
//!   signatures on purpose and removes an endpoint that accepts one).
//! - A verified body that isn't an interaction is 400; a body above `[http] max_body_bytes` is
//!   413; nothing a request carries can panic the server or take it down.
//! - Every call to Discord (the follow-up) is bounded by `[discord] request_timeout_seconds`
//!   and a failure is logged with its cause, never with the interaction token (reqwest's errors
//!   name the URL, which holds it, so they are described from their causes instead).
//! - The payload is read with serde structs of our own holding only the fields used, rather
//!   than serenity's `Interaction`: serenity insists on fields Discord adds over time
//!   (`entitlements`, `attachment_size_limit`), and a payload missing one would be lost.

use super::bot::{autocomplete, defer, edit_json, response, update, PONG};
use super::dispatch::{Dispatcher, OptionValue, Plan, Press, Pressed, Request};
use super::render;
use super::reply::Reply;
use crate::core::{watch, Core};
use anyhow::{anyhow, bail, Context};
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use ed25519_dalek::{Signature, VerifyingKey};
use serde::Deserialize;
use serde_json::Value;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::net::TcpListener;

/// Where the webhook API lives when `DISCORD_API_BASE` and `[discord] api_base` don't say.
const DISCORD_API: &str = "https://discord.com";

/// What `scs-bot serve` needs beyond the core.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The application's public key, hex (the portal's "Public Key"; `DISCORD_PUBLIC_KEY`).
    pub public_key: String,
    /// Base URL of Discord's API for follow-ups (`DISCORD_API_BASE`; a fake in tests).
    pub api_base: Option<String>,
}

/// The endpoint's shared state.
struct Endpoint {
    dispatcher: Arc<Dispatcher>,
    key: VerifyingKey,
    tolerance: Duration,
    webhooks: Webhooks,
}

/// Follow-ups through the webhook API.
#[derive(Clone)]
struct Webhooks {
    client: reqwest::Client,
    api_base: String,
}

/// Serves the interactions endpoint (with `/healthz` and `/metrics`) on `listener` until
/// SIGTERM or Ctrl-C.
pub async fn serve(
    core: Arc<Core>,
    options: ServeOptions,
    listener: TcpListener,
) -> anyhow::Result<()> {
    serve_until(core, options, listener, super::bot::shutdown_signal()).await
}

/// [`serve`], stopping when `shutdown` completes.
pub async fn serve_until(
    core: Arc<Core>,
    options: ServeOptions,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let config = core.config();
    let key = public_key(&options.public_key)?;
    let timeout = Duration::from_secs(config.discord.request_timeout_seconds);
    let api_base = options
        .api_base
        .or_else(|| config.discord.api_base.clone())
        .map(|b| b.trim().trim_end_matches('/').to_string())
        .filter(|b| !b.is_empty())
        .unwrap_or_else(|| DISCORD_API.to_string());
    let endpoint = Arc::new(Endpoint {
        dispatcher: Arc::new(Dispatcher::new(Arc::clone(&core))),
        key,
        tolerance: Duration::from_secs(config.http.timestamp_tolerance_seconds),
        webhooks: Webhooks {
            client: rest_client(timeout)?,
            api_base,
        },
    });
    let app = Router::new()
        .route("/interactions", post(interactions))
        .with_state(endpoint)
        .layer(DefaultBodyLimit::max(config.http.max_body_bytes))
        .merge(ops_router(Arc::clone(&core)));
    let watcher = config
        .discord
        .watch_content
        .then(|| tokio::spawn(watch::watch(Arc::clone(&core), watch::EVERY)));
    let address = listener
        .local_addr()
        .map_or_else(|_| "?".to_string(), |a| a.to_string());
    tracing::info!(listen = %address, "serving Discord interactions at POST /interactions");
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
        .context("the HTTP server failed");
    if let Some(watcher) = watcher {
        watcher.abort();
    }
    tracing::info!("stopped serving");
    served
}

/// Serves `/healthz` and `/metrics` only (the gateway bot's side server). Runs until dropped.
pub async fn serve_ops(core: Arc<Core>, listener: TcpListener) {
    if let Err(err) = axum::serve(listener, ops_router(core)).await {
        tracing::error!(error = %err, "the /healthz and /metrics server failed");
    }
}

/// Binds `listen` (`127.0.0.1:8080`) with a clear error.
pub async fn bind(listen: &str) -> anyhow::Result<TcpListener> {
    TcpListener::bind(listen).await.with_context(|| {
        format!("can't listen on {listen}: is another process using it? (`--listen` or `[http] listen`)")
    })
}

/// The application's public key from its hex form, with an error saying where to find it.
pub fn public_key(hex: &str) -> anyhow::Result<VerifyingKey> {
    let bytes: [u8; 32] = decode_hex(hex.trim())
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| {
            anyhow!("DISCORD_PUBLIC_KEY must be 64 hex digits: the \"Public Key\" on the Developer Portal (Applications → your app → General Information)")
        })?;
    VerifyingKey::from_bytes(&bytes)
        .map_err(|_| anyhow!("DISCORD_PUBLIC_KEY is not a valid Ed25519 public key: copy the \"Public Key\" from the Developer Portal again"))
}

/// The HTTP client for every call to Discord: each request bounded by `timeout`.
pub fn rest_client(timeout: Duration) -> anyhow::Result<reqwest::Client> {
    reqwest::Client::builder()
        .use_rustls_tls()
        .timeout(timeout)
        .connect_timeout(timeout)
        .build()
        .context("can't set up the HTTP client for Discord")
}

/// What went wrong with a request to Discord, from its causes: never its URL (a webhook's URL
/// holds the interaction token).
pub fn describe(err: &reqwest::Error) -> String {
    let mut text = if err.is_timeout() {
        "no answer in time".to_string()
    } else if err.is_connect() {
        "can't connect".to_string()
    } else if let Some(status) = err.status() {
        format!("HTTP {status}")
    } else {
        "the request failed".to_string()
    };
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn ops_router(core: Arc<Core>) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .with_state(core)
}

async fn healthz(State(core): State<Arc<Core>>) -> Response {
    let health = core.health(SystemTime::now());
    let mut body = serde_json::to_value(&health).unwrap_or_default();
    body["status"] = "ok".into();
    Json(body).into_response()
}

async fn metrics(State(core): State<Arc<Core>>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        core.metrics().render(),
    )
        .into_response()
}

/// Why a request was not verified (each is a 401).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejected {
    MissingHeader,
    BadEncoding,
    BadSignature,
    Stale,
}

/// Verifies a request: the signature over `timestamp ‖ body`, and the timestamp (Unix
/// seconds) within `tolerance` of `now`.
///
/// The ordinary Ed25519 check (RFC 8032, non-canonical R refused) rather than
/// `verify_strict`: the strict form adds defences against weak public keys and against
/// telling apart two valid signatures of one message, neither of which applies here — the
/// key is Discord's, fixed by the operator, and a signature is never used as an identity.
/// Nobody can forge a request either way; the strict form only costs a point decompression
/// per request (about a tenth of the endpoint's time under load).
pub fn verify(
    key: &VerifyingKey,
    signature: Option<&str>,
    timestamp: Option<&str>,
    body: &[u8],
    now: SystemTime,
    tolerance: Duration,
) -> Result<(), Rejected> {
    let (Some(signature), Some(timestamp)) = (signature, timestamp) else {
        return Err(Rejected::MissingHeader);
    };
    let bytes: [u8; 64] = decode_hex(signature)
        .and_then(|b| b.try_into().ok())
        .ok_or(Rejected::BadEncoding)?;
    let signed: u64 = timestamp.parse().map_err(|_| Rejected::BadEncoding)?;
    let signature = Signature::from_bytes(&bytes);
    let mut message = Vec::with_capacity(timestamp.len() + body.len());
    message.extend_from_slice(timestamp.as_bytes());
    message.extend_from_slice(body);
    use ed25519_dalek::Verifier;
    key.verify(&message, &signature)
        .map_err(|_| Rejected::BadSignature)?;
    let now = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    if now.abs_diff(signed) > tolerance.as_secs() {
        return Err(Rejected::Stale);
    }
    Ok(())
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    text.as_bytes()
        .chunks(2)
        .map(|pair| Some((digit(pair[0])? << 4) | digit(pair[1])?))
        .collect()
}

/// The fields of an interaction the bot reads (snowflakes are strings on the wire).
#[derive(Debug, Deserialize)]
struct Payload {
    #[serde(rename = "type")]
    kind: u8,
    #[serde(default)]
    application_id: String,
    #[serde(default)]
    token: String,
    #[serde(default)]
    locale: Option<String>,
    #[serde(default)]
    guild_id: Option<String>,
    #[serde(default)]
    member: Option<Member>,
    #[serde(default)]
    user: Option<User>,
    #[serde(default)]
    data: Option<Data>,
}

#[derive(Debug, Deserialize)]
struct Member {
    user: User,
    #[serde(default)]
    permissions: Option<String>,
}

#[derive(Debug, Deserialize)]
struct User {
    id: String,
}

#[derive(Debug, Default, Deserialize)]
struct Data {
    #[serde(default)]
    name: String,
    #[serde(default)]
    options: Vec<CommandOption>,
    #[serde(default)]
    custom_id: String,
}

#[derive(Debug, Deserialize)]
struct CommandOption {
    name: String,
    #[serde(default)]
    value: Value,
}

impl Payload {
    fn user_id(&self) -> u64 {
        self.member
            .as_ref()
            .map(|m| &m.user)
            .or(self.user.as_ref())
            .and_then(|u| u.id.parse().ok())
            .unwrap_or(0)
    }

    fn locale(&self) -> String {
        self.locale.clone().unwrap_or_default()
    }

    fn request(&self) -> Request {
        let data = self.data.as_ref();
        Request {
            command: data.map(|d| d.name.clone()).unwrap_or_default(),
            options: data
                .map(|d| {
                    d.options
                        .iter()
                        .map(|o| {
                            let value = match &o.value {
                                Value::String(s) => OptionValue::String(s.clone()),
                                Value::Bool(b) => OptionValue::Bool(*b),
                                Value::Number(n) => {
                                    n.as_i64().map_or(OptionValue::Other, OptionValue::Int)
                                }
                                _ => OptionValue::Other,
                            };
                            (o.name.clone(), value)
                        })
                        .collect()
                })
                .unwrap_or_default(),
            locale: self.locale(),
            permissions: self
                .member
                .as_ref()
                .and_then(|m| m.permissions.as_deref())
                .and_then(|p| p.parse().ok()),
            user_id: self.user_id(),
            guild_id: self.guild_id.as_deref().and_then(|g| g.parse().ok()),
        }
    }
}

const PING: u8 = 1;
const COMMAND: u8 = 2;
const COMPONENT: u8 = 3;
const AUTOCOMPLETE: u8 = 4;

async fn interactions(
    State(endpoint): State<Arc<Endpoint>>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let started = Instant::now();
    let value = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let verified = verify(
        &endpoint.key,
        value("x-signature-ed25519"),
        value("x-signature-timestamp"),
        &body,
        SystemTime::now(),
        endpoint.tolerance,
    );
    let metrics = endpoint.dispatcher.core().metrics();
    if let Err(why) = verified {
        tracing::debug!(?why, "an interaction failed verification: 401");
        metrics.record_interaction("unverified", "rejected", started.elapsed());
        return (StatusCode::UNAUTHORIZED, "invalid request signature").into_response();
    }
    let payload: Payload = match serde_json::from_slice(&body) {
        Ok(payload) => payload,
        Err(err) => {
            tracing::warn!(error = %err, "a signed interaction is not valid JSON: 400");
            metrics.record_interaction("invalid", "rejected", started.elapsed());
            return (StatusCode::BAD_REQUEST, "not an interaction").into_response();
        }
    };
    let (command, outcome, response) = match payload.kind {
        PING => ("ping".to_string(), "answered", PONG.to_vec()),
        COMMAND => command(&endpoint, &payload, started),
        AUTOCOMPLETE => {
            let request = payload.request();
            let names = endpoint.dispatcher.autocomplete(&request);
            (
                "autocomplete".to_string(),
                "answered",
                wire(&autocomplete(&names)),
            )
        }
        COMPONENT => {
            let press = Press {
                custom_id: payload
                    .data
                    .as_ref()
                    .map(|d| d.custom_id.clone())
                    .unwrap_or_default(),
                user_id: payload.user_id(),
                locale: payload.locale(),
            };
            match endpoint.dispatcher.press(&press) {
                Pressed::Update(reply) => ("button".to_string(), "answered", wire(&update(&reply))),
                Pressed::Refuse(reply) => {
                    ("button".to_string(), "refused", wire(&response(&reply)))
                }
                Pressed::Acknowledge(reply) => {
                    ("vote".to_string(), "answered", wire(&response(&reply)))
                }
            }
        }
        other => {
            tracing::warn!(
                kind = other,
                "an interaction of a type the bot doesn't handle: 400"
            );
            metrics.record_interaction("invalid", "rejected", started.elapsed());
            return (StatusCode::BAD_REQUEST, "unsupported interaction type").into_response();
        }
    };
    if outcome != "deferred" {
        metrics.record_interaction(&command, outcome, started.elapsed());
        tracing::info!(command = %command, latency_us = started.elapsed().as_micros() as u64, outcome, "handled");
    }
    ([(header::CONTENT_TYPE, "application/json")], response).into_response()
}

/// A response as the bytes Discord receives: serialized once, straight from the builder.
fn wire(response: &impl serde::Serialize) -> Vec<u8> {
    serde_json::to_vec(response).unwrap_or_default()
}

/// A slash command: answered now, or deferred and completed by a follow-up task.
fn command(
    endpoint: &Arc<Endpoint>,
    payload: &Payload,
    started: Instant,
) -> (String, &'static str, Vec<u8>) {
    let request = payload.request();
    let name = request.command.clone();
    match endpoint
        .dispatcher
        .plan_deferring_questions(&request, started)
    {
        Plan::Reply(reply) => (name, reply.outcome.as_str(), wire(&response(&reply))),
        Plan::Defer { ephemeral } => {
            let endpoint = Arc::clone(endpoint);
            let (application, token) = (payload.application_id.clone(), payload.token.clone());
            tokio::spawn(async move {
                follow_up(endpoint, request, application, token, started).await;
            });
            (name, "deferred", wire(&defer(ephemeral)))
        }
    }
}

/// The slow part of a deferred command, sent as the edit of the deferred response.
async fn follow_up(
    endpoint: Arc<Endpoint>,
    request: Request,
    application: String,
    token: String,
    started: Instant,
) {
    let dispatcher = Arc::clone(&endpoint.dispatcher);
    let asked = request.clone();
    let reply = match tokio::task::spawn_blocking(move || dispatcher.deferred(&asked)).await {
        Ok(reply) => reply,
        Err(err) => {
            tracing::error!(error = %err, command = %request.command, "answering a deferred command failed");
            let language = endpoint
                .dispatcher
                .core()
                .config()
                .language_for(&request.locale);
            render::failure(language)
        }
    };
    let outcome = match endpoint
        .webhooks
        .edit_original(&application, &token, &reply)
        .await
    {
        Ok(()) => reply.outcome.as_str(),
        Err(err) => {
            tracing::error!(error = %format!("{err:#}"), command = %request.command, "the follow-up of a deferred answer failed");
            "error"
        }
    };
    let latency = started.elapsed();
    endpoint
        .dispatcher
        .core()
        .metrics()
        .record_interaction(&request.command, outcome, latency);
    tracing::info!(command = %request.command, latency_ms = latency.as_millis() as u64, outcome, "handled");
}

impl Webhooks {
    /// `PATCH /webhooks/{application}/{token}/messages/@original`.
    async fn edit_original(
        &self,
        application: &str,
        token: &str,
        reply: &Reply,
    ) -> anyhow::Result<()> {
        if application.is_empty() || !application.bytes().all(|b| b.is_ascii_digit()) {
            bail!("the interaction's application_id is not a snowflake");
        }
        let token_ok = !token.is_empty()
            && token.len() <= 512
            && token
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b));
        if !token_ok {
            bail!("the interaction's token is not one Discord issues");
        }
        let url = format!(
            "{}/api/v10/webhooks/{application}/{token}/messages/@original",
            self.api_base
        );
        let body = serde_json::to_vec(&edit_json(reply))?;
        let response = self
            .client
            .patch(url)
            .header(header::CONTENT_TYPE, "application/json")
            .body(body)
            .send()
            .await
            .map_err(|e| {
                anyhow!(
                    "PATCH webhooks/…/messages/@original at {}: {}",
                    self.api_base,
                    describe(&e)
                )
            })?;
        let status = response.status();
        if !status.is_success() {
            bail!(
                "Discord answered {status} to PATCH webhooks/…/messages/@original at {}",
                self.api_base
            );
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::{Signer, SigningKey};

    fn signed(key: &SigningKey, timestamp: &str, body: &[u8]) -> String {
        let mut message = timestamp.as_bytes().to_vec();
        message.extend_from_slice(body);
        key.sign(&message)
            .to_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    #[test]
    fn a_signature_over_timestamp_and_body_within_the_tolerance_is_accepted_and_anything_else_refused(
    ) {
        let key = SigningKey::from_bytes(&[7; 32]);
        let public = key.verifying_key();
        let now = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        let tolerance = Duration::from_secs(300);
        let body = br#"{"type":1}"#;
        let good = signed(&key, "1800000000", body);
        let check = |sig: Option<&str>, ts: Option<&str>, body: &[u8]| {
            verify(&public, sig, ts, body, now, tolerance)
        };
        assert_eq!(check(Some(&good), Some("1800000000"), body), Ok(()));
        assert_eq!(
            check(None, Some("1800000000"), body),
            Err(Rejected::MissingHeader)
        );
        assert_eq!(check(Some(&good), None, body), Err(Rejected::MissingHeader));
        assert_eq!(
            check(Some("zz"), Some("1800000000"), body),
            Err(Rejected::BadEncoding)
        );
        assert_eq!(
            check(Some(&good), Some("1800000001"), body),
            Err(Rejected::BadSignature)
        );
        assert_eq!(
            check(Some(&good), Some("1800000000"), br#"{"type":2}"#),
            Err(Rejected::BadSignature)
        );
        let old = signed(&key, "1799999000", body);
        assert_eq!(
            check(Some(&old), Some("1799999000"), body),
            Err(Rejected::Stale)
        );
        let other = signed(&SigningKey::from_bytes(&[8; 32]), "1800000000", body);
        assert_eq!(
            check(Some(&other), Some("1800000000"), body),
            Err(Rejected::BadSignature)
        );
    }

    #[test]
    fn a_public_key_must_be_64_hex_digits() {
        let hex: String = SigningKey::from_bytes(&[7; 32])
            .verifying_key()
            .to_bytes()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert!(public_key(&hex).is_ok());
        assert!(public_key(&hex[..62]).is_err());
        assert!(public_key("not hex").is_err());
        assert!(public_key("").is_err());
    }
}
