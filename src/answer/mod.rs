//! The answer layer: a command or an analysed question in, an [`Answer`] (plain data) out.
//!
//! - [`model`]: the answer as every front end renders it (`ask --json`'s shape);
//! - [`question`]: a question analysed once (words, search words, numbers, language hint);
//! - [`catalog`]: what commands and routing need, compiled once per load of the content;
//! - [`route`]: which command a free question asks for;
//! - [`partners`]: partner lists and names typed loosely;
//! - [`named_page`]: the page a question names ("according to the standards page …");
//! - [`compose`]: answers from a section, from the search, not found, refused;
//! - [`calibrate`]: how sure a long answer asked of the pages is, fitted on questions with
//!   known answers;
//! - [`help`]: the `/help` answer.
//!
//! Invariants: nothing here fails (missing content, a bad command, a question with nothing
//! found all become answers that say what to do); nothing here reads the clock, the files or
//! the environment; every sentence comes from [`crate::messages`]. The input gate (length,
//! invisible characters, mention tags) and the choice of language are the core's front door
//! ([`crate::core`]); this layer trusts what it is given.

pub mod calibrate;
pub mod catalog;
pub mod compose;
pub mod help;
pub mod model;
pub mod named_page;
pub mod partners;
pub mod question;
pub mod route;

pub use catalog::Catalog;
pub use model::{Answer, AnswerLink, AnsweredBy, Hit, Outcome, Partner};
pub use question::{normalize, Question};

use crate::config::Config;
use crate::content::Library;
use crate::index::SearchIndex;

/// What answers are drawn from: one loaded state, as the answer layer sees it.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub config: &'a Config,
    pub library: &'a Library,
    pub index: &'a SearchIndex,
    pub catalog: &'a Catalog,
    /// The present year, from the front end's clock: a question for the next of something
    /// ("when is the next hackathon?") is held to pages that state a year from it on.
    pub year: i32,
}

/// Where a request comes from, as far as the wording of an answer depends on it (`/help`
/// explains mentions in a chat, `:lang` in the console).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    /// A chat (Discord, over the gateway or HTTP): slash commands and mentions.
    Chat,
    /// The local console (and `scs-bot ask`).
    Console,
}
