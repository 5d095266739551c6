//! scs-bot: answers questions about the Sovereign Cloud Stack network from the SCS website's
//! markdown pages.
//!
//! The layers, each using only those before it (a test holds this; see
//! `docs/ARCHITECTURE.md`): [`config`] and [`messages`] (every sentence the bot says);
//! [`content`] loads `content/**/*.md` into a [`content::Library`]; [`index`] builds a Tantivy
//! index from it; [`answer`] turns a command or an analysed question into a plain
//! [`answer::Answer`]; [`core`] holds the config and the current state and is the one front
//! door of every transport; the transports are [`console`] (and `scs-bot ask`) and `discord`
//! (the only module that knows serenity); [`eval`] measures answers against question sets.

/// mimalloc instead of the system's malloc, for every binary that links the crate (the bot,
/// its tests and benchmarks): answering, Discord's JSON and the HTTP server allocate many small,
/// short-lived objects from several threads, which glibc's malloc serves with more work per
/// call (it took about a sixth of the gateway burst's samples). The figures are in
/// BENCHMARKS.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod config;
pub mod messages;

pub mod content;

pub mod index;

pub mod answer;

pub mod core;

pub mod console;
pub mod discord;
pub mod eval;
