//! The Discord transport: the only module that knows serenity (and only `bot.rs` imports it).
//!
//! Layers, from the outside in:
//! - `bot` — serenity: start-up checks, registration, the gateway event handler, builders;
//! - [`dispatch`] — requests (a command, an autocomplete, a button, a mention) → replies,
//!   calling the [`Core`](crate::core::Core); no Discord types, tested without Discord;
//! - [`render`] and [`reply`] — answers → plain-data replies within Discord's limits;
//! - [`commands`] — the registered commands with their German localizations;
//! - [`http`] — the HTTP interactions endpoint (`scs-bot serve`), `/healthz` and `/metrics`.
//!
//! What to answer is decided by the core's front door ([`crate::core::door`]), never here.
//!
//! `run` (the gateway bot), `serve` (HTTP interactions) and `register_commands` are the entry
//! points for `main.rs`.

mod bot;
pub mod commands;
pub mod dispatch;
pub mod http;
pub mod redact;
pub mod render;
pub mod reply;

pub use bot::{
    create_command, register_commands, registration_json, response_json, run, run_until,
};
pub use commands::{CommandSpec, OptionSpec};
pub use dispatch::{Dispatcher, Mention, OptionValue, Plan, Press, Pressed, Request};
pub use http::{serve, serve_until, ServeOptions};
pub use reply::{Button, Embed, Field, Reply};
