//! The serenity transport: start-up checks, command registration, the gateway event handler,
//! and the conversion of [`Reply`]s into serenity builders.
//!
//! Start-up order: the token is checked with `GET /oauth2/applications/@me` (a 401 is a clear
//! one-line error, never a panic or a hang) and the bot's user id read from `GET /users/@me`,
//! then — when a REST base is configured —
//! `GET /gateway` must answer (serenity would otherwise silently fall back to the real Discord
//! gateway), then the commands are registered with one bulk overwrite (the configured guilds,
//! or globally when none are listed; never both), then the gateway connects with the intents
//! GUILDS and GUILD_MESSAGES only.
//!
//! Every message is sent with empty allowed mentions. Every interaction goes through one path
//! that logs one line (command, guild, user id, latency, outcome) and, on failure, tells the
//! user ephemerally. The token is never logged.

use super::commands::{CommandSpec, OptionKind};
use super::dispatch::{Dispatcher, Mention, OptionValue, Plan, Press, Pressed, Request};
use super::render;
use super::reply::{Button, Embed, Reply};
use crate::core::watch;
use crate::core::Core;
use anyhow::{anyhow, bail};
use serenity::all::{
    ButtonStyle, ClientBuilder, Command, CommandDataOptionValue, CommandInteraction,
    CommandOptionType, ComponentInteraction, Context, CreateActionRow, CreateAllowedMentions,
    CreateAutocompleteResponse, CreateButton, CreateCommand, CreateCommandOption, CreateEmbed,
    CreateEmbedFooter, CreateInteractionResponse, CreateInteractionResponseMessage, CreateMessage,
    CurrentApplicationInfo, EditInteractionResponse, EventHandler, GatewayIntents, GuildId, Http,
    HttpBuilder, HttpError, Interaction, InteractionContext, Message, Permissions, Ready,
    ResumedEvent, UserId,
};
use serenity::async_trait;
use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The gateway serenity falls back to when `GET /gateway` fails.
const DISCORD_GATEWAY: &str = "wss://gateway.discord.gg";

/// Runs the bot until SIGTERM or Ctrl-C. `api_base` (from `DISCORD_API_BASE`) points REST at
/// a Discord REST proxy or a fake and wins over `[discord] api_base` in the config.
pub async fn run(core: Arc<Core>, token: String, api_base: Option<String>) -> anyhow::Result<()> {
    run_until(core, token, api_base, shutdown_signal()).await
}

/// [`run`], stopping cleanly when `shutdown` completes instead of on a signal.
pub async fn run_until(
    core: Arc<Core>,
    token: String,
    api_base: Option<String>,
    shutdown: impl Future<Output = ()> + Send,
) -> anyhow::Result<()> {
    let (http, app, api_base) = application(&core, &token, api_base).await?;
    let me = http
        .get_current_user()
        .await
        .map_err(|e| startup_error(&e, "GET /users/@me", api_base.as_deref()))?;
    if let Some(base) = &api_base {
        let gateway = http.get_gateway().await.map_err(|e| {
            anyhow!(
                "{}; not falling back to the real Discord gateway",
                startup_error(&e, "GET /gateway", Some(base))
            )
        })?;
        tracing::info!(rest = %base, gateway = %gateway.url, "using a Discord REST proxy");
    }
    let dispatcher = Arc::new(Dispatcher::new(Arc::clone(&core)));
    register(&http, dispatcher.specs(), &core.config().discord.guilds).await?;
    let handler = Handler {
        dispatcher,
        bot: me.id,
    };
    let intents = GatewayIntents::GUILDS | GatewayIntents::GUILD_MESSAGES;
    let mut client = ClientBuilder::new_with_http(http, intents)
        .event_handler(handler)
        .await
        .map_err(|e| anyhow!("can't set up the Discord client: {e}"))?;
    if api_base.is_some() && client.ws_url.lock().await.starts_with(DISCORD_GATEWAY) {
        bail!("GET /gateway failed at the configured REST base; not connecting to the real Discord gateway");
    }
    let ops = match &core.config().http.listen {
        Some(listen) => {
            let listener = super::http::bind(listen).await?;
            tracing::info!(listen = %listen, "serving /healthz and /metrics");
            Some(tokio::spawn(super::http::serve_ops(
                Arc::clone(&core),
                listener,
            )))
        }
        None => None,
    };
    // With `[git]` the content changes only when the bot pulls (and reloads); without it,
    // the content folder is watched.
    let watcher = match core.config().git() {
        Some(git) => (git.pull_minutes > 0).then(|| {
            let every = Duration::from_secs(git.pull_minutes.saturating_mul(60));
            tokio::spawn(crate::core::git::pull_every(Arc::clone(&core), every))
        }),
        None => core
            .config()
            .discord
            .watch_content
            .then(|| tokio::spawn(watch::watch(Arc::clone(&core), watch::EVERY))),
    };
    tracing::info!(application = %app.id, name = %app.name, "connecting to the Discord gateway (autosharded)");
    let manager = Arc::clone(&client.shard_manager);
    let result = {
        // Autosharded: `GET /gateway/bot` says how many shards Discord wants (one below
        // 2,500 guilds; Discord refuses a single shard past that).
        let start = client.start_autosharded();
        tokio::pin!(start);
        tokio::select! {
            result = &mut start => result.map_err(|e| anyhow!("the Discord gateway connection failed: {e}")),
            () = shutdown => {
                tracing::info!("shutting down");
                manager.shutdown_all().await;
                let _ = tokio::time::timeout(Duration::from_secs(5), start).await;
                Ok(())
            }
        }
    };
    if let Some(watcher) = watcher {
        watcher.abort();
    }
    if let Some(ops) = ops {
        ops.abort();
    }
    result
}

/// `scs-bot register`: checks the token and registers the commands (in the configured guilds,
/// or globally), without connecting to the gateway. For a bot served over HTTP only.
pub async fn register_commands(
    core: Arc<Core>,
    token: String,
    api_base: Option<String>,
) -> anyhow::Result<usize> {
    let (http, _, _) = application(&core, &token, api_base).await?;
    let dispatcher = Dispatcher::new(Arc::clone(&core));
    register(&http, dispatcher.specs(), &core.config().discord.guilds).await?;
    Ok(dispatcher.specs().len())
}

/// Completes on SIGTERM or Ctrl-C.
pub(super) async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(err) => {
                tracing::warn!(error = %err, "can't listen for SIGTERM; stopping on Ctrl-C only");
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// serenity's REST client, every request bounded by `timeout` (serenity's default client has
/// none: a REST endpoint that accepts the connection and never answers would hang the call).
/// The REST client for `token` (which must not be empty) at the API base (the argument, else
/// `[discord] api_base`, else Discord), with the application it belongs to set on it.
async fn application(
    core: &Core,
    token: &str,
    api_base: Option<String>,
) -> anyhow::Result<(Http, CurrentApplicationInfo, Option<String>)> {
    let token = token.trim();
    if token.is_empty() {
        bail!("DISCORD_TOKEN is empty: set it to the bot token from the Discord Developer Portal (Bot → Reset Token)");
    }
    let api_base = api_base
        .or_else(|| core.config().discord.api_base.clone())
        .map(|b| b.trim().trim_end_matches('/').to_string())
        .filter(|b| !b.is_empty());
    let timeout = Duration::from_secs(core.config().discord.request_timeout_seconds);
    let http = http_client(token, api_base.as_deref(), timeout)?;
    let app = http
        .get_current_application_info()
        .await
        .map_err(|e| startup_error(&e, "GET /oauth2/applications/@me", api_base.as_deref()))?;
    http.set_application_id(app.id);
    Ok((http, app, api_base))
}

fn http_client(token: &str, api_base: Option<&str>, timeout: Duration) -> anyhow::Result<Http> {
    let client = super::http::rest_client(timeout)?;
    let builder = HttpBuilder::new(token)
        .client(client)
        .default_allowed_mentions(no_mentions());
    match api_base {
        // serenity ignores the proxy unless its own rate limiter is off; the proxy owns rate
        // limiting then.
        Some(base) => Ok(builder.proxy(base).ratelimiter_disabled(true).build()),
        None => Ok(builder.build()),
    }
}

/// One line saying what failed at start-up and what to do; never the token.
fn startup_error(err: &serenity::Error, call: &str, api_base: Option<&str>) -> anyhow::Error {
    let at = api_base.unwrap_or("https://discord.com");
    match err {
        serenity::Error::Http(HttpError::UnsuccessfulRequest(response))
            if response.status_code.as_u16() == 401 =>
        {
            anyhow!(
                "Discord rejected the token (401 Unauthorized on {call} at {at}): set DISCORD_TOKEN to the bot token from the Discord Developer Portal (Applications → your app → Bot → Reset Token)"
            )
        }
        serenity::Error::Http(HttpError::UnsuccessfulRequest(response)) => anyhow!(
            "Discord answered {} on {call} at {at}: {}",
            response.status_code,
            response.error.message
        ),
        serenity::Error::Http(HttpError::Request(request)) if request.is_timeout() => anyhow!(
            "Discord did not answer {call} at {at} in time (`discord.request_timeout_seconds`): {}",
            super::http::describe(request)
        ),
        serenity::Error::Http(HttpError::Request(request)) => anyhow!(
            "can't reach Discord ({call} at {at}): {}",
            super::http::describe(request)
        ),
        other => anyhow!("can't reach Discord ({call} at {at}): {other}"),
    }
}

/// One bulk overwrite: in each configured guild, or globally when none are configured.
async fn register(http: &Http, specs: &[CommandSpec], guilds: &[u64]) -> anyhow::Result<()> {
    let commands: Vec<CreateCommand> = specs.iter().map(create_command).collect();
    if guilds.is_empty() {
        Command::set_global_commands(http, commands)
            .await
            .map_err(|e| anyhow!("registering the slash commands globally failed: {e}"))?;
        tracing::info!(
            commands = specs.len(),
            "registered the commands globally (Discord may take a while to show them)"
        );
        return Ok(());
    }
    for &guild in guilds {
        let id = (guild != 0)
            .then(|| GuildId::new(guild))
            .ok_or_else(|| anyhow!("`discord.guilds` contains 0: list real server ids"))?;
        id.set_commands(http, commands.clone())
            .await
            .map_err(|e| anyhow!("registering the slash commands in guild {guild} failed: {e}"))?;
    }
    tracing::info!(commands = specs.len(), guilds = ?guilds, "registered the commands in the configured guilds");
    Ok(())
}

/// The serenity builder for a command spec.
pub fn create_command(spec: &CommandSpec) -> CreateCommand {
    let mut command = CreateCommand::new(&spec.name).description(&spec.description);
    for (locale, name) in &spec.name_localizations {
        command = command.name_localized(locale, name);
    }
    for (locale, description) in &spec.description_localizations {
        command = command.description_localized(locale, description);
    }
    for option in &spec.options {
        let kind = match option.kind {
            OptionKind::String => CommandOptionType::String,
            OptionKind::Boolean => CommandOptionType::Boolean,
        };
        let mut built = CreateCommandOption::new(kind, &option.name, &option.description)
            .required(option.required)
            .set_autocomplete(option.autocomplete);
        for (locale, name) in &option.name_localizations {
            built = built.name_localized(locale, name);
        }
        for (locale, description) in &option.description_localizations {
            built = built.description_localized(locale, description);
        }
        if let Some(max) = option.max_length {
            built = built.max_length(max);
        }
        command = command.add_option(built);
    }
    if spec.moderator {
        command = command
            .default_member_permissions(Permissions::MANAGE_GUILD)
            .contexts(vec![InteractionContext::Guild]);
    }
    command
}

/// The registration payload as Discord receives it (for tests and snapshots).
pub fn registration_json(specs: &[CommandSpec]) -> serde_json::Value {
    let commands: Vec<CreateCommand> = specs.iter().map(create_command).collect();
    serde_json::to_value(commands).unwrap_or_default()
}

/// The interaction response for a reply as Discord receives it (for tests and snapshots).
pub fn response_json(reply: &Reply) -> serde_json::Value {
    serde_json::to_value(response(reply)).unwrap_or_default()
}

/// The interaction response for a reply (type 4): serialized straight to the wire by the HTTP
/// endpoint, through [`response_json`] by tests.
pub(super) fn response(reply: &Reply) -> CreateInteractionResponse {
    CreateInteractionResponse::Message(message(reply))
}

/// The response replacing a message with a new page (a button press).
pub(super) fn update(reply: &Reply) -> CreateInteractionResponse {
    CreateInteractionResponse::UpdateMessage(message(reply))
}

/// The deferral of a slow answer (type 5), ephemeral or not.
pub(super) fn defer(ephemeral: bool) -> CreateInteractionResponse {
    CreateInteractionResponse::Defer(CreateInteractionResponseMessage::new().ephemeral(ephemeral))
}

/// PONG (type 1), exactly `{"type":1}` (serenity's builder adds `"data": null`).
pub(super) const PONG: &[u8] = br#"{"type":1}"#;

/// Autocomplete choices (type 8), each name its own value.
pub(super) fn autocomplete(names: &[String]) -> CreateInteractionResponse {
    let mut response = CreateAutocompleteResponse::new();
    for name in names {
        response = response.add_string_choice(name, name);
    }
    CreateInteractionResponse::Autocomplete(response)
}

/// The body of `PATCH /webhooks/{app}/{token}/messages/@original` completing a deferral.
pub(super) fn edit_json(reply: &Reply) -> serde_json::Value {
    serde_json::to_value(edit(reply)).unwrap_or_default()
}

fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new().replied_user(false)
}

fn embeds(reply: &Reply) -> Vec<CreateEmbed> {
    reply.embeds.iter().map(embed).collect()
}

fn embed(e: &Embed) -> CreateEmbed {
    let mut embed = CreateEmbed::new().title(&e.title).colour(e.color);
    if !e.description.is_empty() {
        embed = embed.description(&e.description);
    }
    if let Some(url) = &e.url {
        embed = embed.url(url);
    }
    for field in &e.fields {
        embed = embed.field(&field.name, &field.value, field.inline);
    }
    if let Some(footer) = &e.footer {
        embed = embed.footer(CreateEmbedFooter::new(footer));
    }
    embed
}

fn rows(buttons: &[Button]) -> Vec<CreateActionRow> {
    if buttons.is_empty() {
        return Vec::new();
    }
    vec![CreateActionRow::Buttons(
        buttons
            .iter()
            .map(|b| {
                CreateButton::new(&b.custom_id)
                    .label(&b.label)
                    .style(ButtonStyle::Secondary)
                    .disabled(b.disabled)
            })
            .collect(),
    )]
}

/// A new interaction message (or the page replacing one).
fn message(reply: &Reply) -> CreateInteractionResponseMessage {
    let mut message = CreateInteractionResponseMessage::new()
        .embeds(embeds(reply))
        .components(rows(&reply.buttons))
        .allowed_mentions(no_mentions())
        .ephemeral(reply.ephemeral);
    if !reply.content.is_empty() {
        message = message.content(&reply.content);
    }
    message
}

/// The edit that replaces a deferred response.
fn edit(reply: &Reply) -> EditInteractionResponse {
    let mut edit = EditInteractionResponse::new()
        .embeds(embeds(reply))
        .components(rows(&reply.buttons))
        .allowed_mentions(no_mentions());
    if !reply.content.is_empty() {
        edit = edit.content(&reply.content);
    }
    edit
}

/// A channel message answering `to` as a reply.
fn channel_message(reply: &Reply, to: &Message) -> CreateMessage {
    let mut message = CreateMessage::new()
        .embeds(embeds(reply))
        .components(rows(&reply.buttons))
        .reference_message(to)
        .allowed_mentions(no_mentions());
    if !reply.content.is_empty() {
        message = message.content(&reply.content);
    }
    message
}

fn request(command: &CommandInteraction) -> Request {
    Request {
        command: command.data.name.clone(),
        options: command
            .data
            .options
            .iter()
            .map(|o| {
                let value = match &o.value {
                    CommandDataOptionValue::String(s) => OptionValue::String(s.clone()),
                    CommandDataOptionValue::Autocomplete { value, .. } => {
                        OptionValue::String(value.clone())
                    }
                    CommandDataOptionValue::Boolean(b) => OptionValue::Bool(*b),
                    CommandDataOptionValue::Integer(i) => OptionValue::Int(*i),
                    _ => OptionValue::Other,
                };
                (o.name.clone(), value)
            })
            .collect(),
        locale: command.locale.clone(),
        permissions: command
            .member
            .as_ref()
            .and_then(|m| m.permissions)
            .map(|p| p.bits()),
        user_id: command.user.id.get(),
        guild_id: command.guild_id.map(|g| g.get()),
    }
}

/// Where to tell a user that something failed.
enum Failed<'a> {
    Command {
        command: &'a CommandInteraction,
        deferred: bool,
    },
    Component(&'a ComponentInteraction),
    Message(&'a Message),
    /// Autocomplete: nobody to tell.
    Nobody,
}

struct Handler {
    dispatcher: Arc<Dispatcher>,
    /// The bot's user id (from `GET /users/@me`, so known before any message arrives).
    bot: UserId,
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, _ctx: Context, ready: Ready) {
        tracing::info!(user = %ready.user.name, id = %ready.user.id, guilds = ready.guilds.len(), "connected to the Discord gateway");
    }

    async fn resume(&self, _ctx: Context, _event: ResumedEvent) {
        tracing::info!("resumed the gateway session");
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        let started = Instant::now();
        match interaction {
            Interaction::Command(command) => self.on_command(&ctx, &command, started).await,
            Interaction::Autocomplete(command) => {
                self.on_autocomplete(&ctx, &command, started).await
            }
            Interaction::Component(component) => self.on_component(&ctx, &component, started).await,
            _ => {}
        }
    }

    async fn message(&self, ctx: Context, message: Message) {
        self.on_message(&ctx, &message).await;
    }
}

impl Handler {
    #[tracing::instrument(name = "interaction", skip_all, fields(command = %command.data.name, guild = ?command.guild_id.map(|g| g.get()), user = command.user.id.get()))]
    async fn on_command(&self, ctx: &Context, command: &CommandInteraction, started: Instant) {
        let mut deferred = false;
        let outcome = match self
            .answer_command(ctx, command, started, &mut deferred)
            .await
        {
            Ok(outcome) => outcome,
            Err(err) => {
                self.fail(
                    ctx,
                    Failed::Command { command, deferred },
                    err,
                    &command.locale,
                )
                .await
            }
        };
        self.handled(&command.data.name, outcome, started);
    }

    async fn answer_command(
        &self,
        ctx: &Context,
        command: &CommandInteraction,
        now: Instant,
        deferred: &mut bool,
    ) -> anyhow::Result<&'static str> {
        let request = request(command);
        // A question searches: on a blocking thread, so that a slow search never holds up the
        // gateway. A fixed section is answered here: handing it to another thread and back
        // would cost more than answering it.
        let plan = if self.dispatcher.searches(&request) {
            let dispatcher = Arc::clone(&self.dispatcher);
            let asked = request.clone();
            tokio::task::spawn_blocking(move || dispatcher.plan(&asked, now)).await?
        } else {
            self.dispatcher.plan(&request, now)
        };
        match plan {
            Plan::Reply(reply) => {
                command
                    .create_response(ctx, CreateInteractionResponse::Message(message(&reply)))
                    .await?;
                Ok(reply.outcome.as_str())
            }
            Plan::Defer { ephemeral } => {
                let defer = CreateInteractionResponseMessage::new().ephemeral(ephemeral);
                command
                    .create_response(ctx, CreateInteractionResponse::Defer(defer))
                    .await?;
                *deferred = true;
                let dispatcher = Arc::clone(&self.dispatcher);
                let reply =
                    tokio::task::spawn_blocking(move || dispatcher.deferred(&request)).await?;
                command.edit_response(ctx, edit(&reply)).await?;
                Ok(reply.outcome.as_str())
            }
        }
    }

    #[tracing::instrument(name = "autocomplete", skip_all, fields(command = %command.data.name, guild = ?command.guild_id.map(|g| g.get()), user = command.user.id.get()))]
    async fn on_autocomplete(&self, ctx: &Context, command: &CommandInteraction, started: Instant) {
        let request = request(command);
        let dispatcher = Arc::clone(&self.dispatcher);
        let result = async {
            let names =
                tokio::task::spawn_blocking(move || dispatcher.autocomplete(&request)).await?;
            let mut response = CreateAutocompleteResponse::new();
            for name in &names {
                response = response.add_string_choice(name, name);
            }
            command
                .create_response(ctx, CreateInteractionResponse::Autocomplete(response))
                .await?;
            anyhow::Ok(names.len())
        }
        .await;
        let outcome = match result {
            Ok(_) => "answered",
            Err(err) => self.fail(ctx, Failed::Nobody, err, &command.locale).await,
        };
        self.handled("autocomplete", outcome, started);
    }

    #[tracing::instrument(name = "button", skip_all, fields(command = %component.data.custom_id, guild = ?component.guild_id.map(|g| g.get()), user = component.user.id.get()))]
    async fn on_component(
        &self,
        ctx: &Context,
        component: &ComponentInteraction,
        started: Instant,
    ) {
        let press = Press {
            custom_id: component.data.custom_id.clone(),
            user_id: component.user.id.get(),
            locale: component.locale.clone(),
        };
        let dispatcher = Arc::clone(&self.dispatcher);
        let result = async {
            let pressed = tokio::task::spawn_blocking(move || dispatcher.press(&press)).await?;
            let (response, outcome) = match pressed {
                Pressed::Update(reply) => (
                    CreateInteractionResponse::UpdateMessage(message(&reply)),
                    "answered",
                ),
                Pressed::Refuse(reply) => (
                    CreateInteractionResponse::Message(message(&reply)),
                    "refused",
                ),
                Pressed::Acknowledge(reply) => (
                    CreateInteractionResponse::Message(message(&reply)),
                    "answered",
                ),
            };
            component.create_response(ctx, response).await?;
            anyhow::Ok(outcome)
        }
        .await;
        let outcome = match result {
            Ok(outcome) => outcome,
            Err(err) => {
                self.fail(ctx, Failed::Component(component), err, &component.locale)
                    .await
            }
        };
        self.handled("button", outcome, started);
    }

    #[tracing::instrument(name = "mention", skip_all, fields(guild = ?message.guild_id.map(|g| g.get()), user = message.author.id.get()))]
    async fn on_message(&self, ctx: &Context, message: &Message) {
        let bot = self.bot;
        let tagged = [format!("<@{bot}>"), format!("<@!{bot}>")];
        if message.author.bot || !tagged.iter().any(|t| message.content.contains(t.as_str())) {
            return;
        }
        let started = Instant::now();
        let mention = Mention {
            content: message.content.clone(),
            user_id: message.author.id.get(),
            guild_id: message.guild_id.map(|g| g.get()),
            bot_id: bot.get(),
        };
        let dispatcher = Arc::clone(&self.dispatcher);
        let result = async {
            let Some(reply) =
                tokio::task::spawn_blocking(move || dispatcher.mention(&mention, started)).await?
            else {
                return anyhow::Ok("quiet");
            };
            message
                .channel_id
                .send_message(ctx, channel_message(&reply, message))
                .await?;
            anyhow::Ok(reply.outcome.as_str())
        }
        .await;
        let language = self.dispatcher.core().config().default_language.clone();
        let outcome = match result {
            Ok(outcome) => outcome,
            Err(err) => {
                self.fail(ctx, Failed::Message(message), err, &language)
                    .await
            }
        };
        self.handled("mention", outcome, started);
    }

    /// The one line logged per interaction, and its count and latency in the metrics.
    fn handled(&self, command: &str, outcome: &str, started: Instant) {
        let latency = started.elapsed();
        tracing::info!(latency_ms = latency.as_millis() as u64, outcome, "handled");
        self.dispatcher
            .core()
            .metrics()
            .record_interaction(command, outcome, latency);
    }

    /// The one error path: log why, and tell the user (ephemerally where Discord allows) that
    /// it failed and what to do.
    async fn fail(
        &self,
        ctx: &Context,
        target: Failed<'_>,
        err: anyhow::Error,
        locale: &str,
    ) -> &'static str {
        tracing::error!(error = %format!("{err:#}"), "failed");
        let reply = render::failure(self.dispatcher.core().config().language_for(locale));
        let told = match target {
            Failed::Command {
                command,
                deferred: true,
            } => command.edit_response(ctx, edit(&reply)).await.map(drop),
            Failed::Command {
                command,
                deferred: false,
            } => {
                command
                    .create_response(ctx, CreateInteractionResponse::Message(message(&reply)))
                    .await
            }
            Failed::Component(component) => {
                component
                    .create_response(ctx, CreateInteractionResponse::Message(message(&reply)))
                    .await
            }
            Failed::Message(to) => {
                let mut reply = reply;
                reply.ephemeral = false;
                to.channel_id
                    .send_message(ctx, channel_message(&reply, to))
                    .await
                    .map(drop)
            }
            Failed::Nobody => Ok(()),
        };
        if let Err(err) = told {
            tracing::warn!(error = %err, "could not tell the user about the failure");
        }
        "error"
    }
}
