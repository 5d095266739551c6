//! scs-bot: answers questions about the Sovereign Cloud Stack network from the SCS website's
//! markdown pages.
//!
//! The pipeline: [`content`] loads `content/**/*.md` into a [`content::Library`]; [`index`]
//! builds a Tantivy index from it; [`answer`] turns a command or a question into a plain
//! [`answer::Answer`]; [`render`] shows it in a terminal and `discord` (the only module that
//! knows serenity) sends it to Discord. [`core::Core`] holds the config and the current state.

pub mod answer;
pub mod bench_corpus;
pub mod config;
pub mod console;
pub mod content;
pub mod core;
pub mod discord;
pub mod eval;
pub mod index;
pub mod render;
