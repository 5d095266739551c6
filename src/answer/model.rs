//! The answer as plain data: what every front end (Discord, terminal, JSON, tests) renders.
//!
//! Its JSON form is `ask --json`'s interface: the keys and the strings `command` takes are
//! documented in the README and must not change.

use serde::{Serialize, Serializer};
use std::fmt;

/// One answer. Serialises to the `ask --json` object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// The input as given.
    pub query: String,
    /// The language the answer is in.
    pub language: String,
    /// What answered.
    pub command: AnsweredBy,
    /// The sections the answer is drawn from, best first.
    pub hits: Vec<Hit>,
    pub partners: Vec<Partner>,
    /// E-mail addresses to contact.
    pub contacts: Vec<String>,
    pub links: Vec<AnswerLink>,
    /// The answer as plain text (no markdown but `code spans`), for terminals and as the
    /// embed body.
    pub text: String,
    /// How sure the bot is that this answers the question, 0–1: 1 for a command asked for,
    /// 0 when nothing was found; a free question below `search.min_confidence` is "not found".
    pub confidence: f32,
    /// A title for the reply ("Our Partners in the Network").
    #[serde(skip)]
    pub title: String,
    #[serde(skip)]
    pub outcome: Outcome,
}

/// What answered: a command drawn from a section, the search, `/help`, or a refusal.
/// Serialised as the strings `ask --json` always had: the command's name, `search`, `help`,
/// `smalltalk` or `error`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AnsweredBy {
    /// A command answered from its section (`partners`, `join`, a configured one).
    Command(String),
    /// A free question answered (or not found) by the search.
    Search,
    Help,
    /// A greeting or a thank-you, answered with a pointer to `/help`.
    Smalltalk,
    /// The input was refused (too long, unknown command, empty).
    Error,
}

impl AnsweredBy {
    pub fn as_str(&self) -> &str {
        match self {
            AnsweredBy::Command(name) => name,
            AnsweredBy::Search => "search",
            AnsweredBy::Help => "help",
            AnsweredBy::Smalltalk => "smalltalk",
            AnsweredBy::Error => "error",
        }
    }
}

impl From<&str> for AnsweredBy {
    fn from(name: &str) -> AnsweredBy {
        match name {
            "search" => AnsweredBy::Search,
            "help" => AnsweredBy::Help,
            "smalltalk" => AnsweredBy::Smalltalk,
            "error" => AnsweredBy::Error,
            name => AnsweredBy::Command(name.to_string()),
        }
    }
}

impl fmt::Display for AnsweredBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for AnsweredBy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl PartialEq<str> for AnsweredBy {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for AnsweredBy {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Whether the answer found what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Outcome {
    /// Drawn from the content.
    #[default]
    Answered,
    /// Nothing matched: the text points to `/help` and the contact.
    NotFound,
    /// The input was refused (too long, unknown command, empty): the text says why.
    Refused,
}

impl Outcome {
    /// The outcome as logs and metrics name it.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Answered => "answered",
            Outcome::NotFound => "not_found",
            Outcome::Refused => "refused",
        }
    }
}

/// A section an answer is drawn from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The page's slug.
    pub page: String,
    /// The page's title.
    pub title: String,
    pub language: String,
    /// The heading as a reader sees it.
    pub section: String,
    /// The headings from the outermost down to this section.
    pub path: Vec<String>,
    pub anchor: String,
    /// Deep link to the section.
    pub url: String,
    pub score: f32,
    /// A short extract with the matched words in `**bold**`.
    pub snippet: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Partner {
    pub name: String,
    /// `None` for a partner listed without a link.
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnswerLink {
    pub title: String,
    pub url: String,
}

impl Answer {
    /// An answer with nothing in it yet but its query, language and source.
    pub fn new(query: &str, language: &str, command: AnsweredBy) -> Answer {
        Answer {
            query: query.to_string(),
            language: language.to_string(),
            command,
            hits: Vec::new(),
            partners: Vec::new(),
            contacts: Vec::new(),
            links: Vec::new(),
            text: String::new(),
            confidence: 1.0,
            title: String::new(),
            outcome: Outcome::Answered,
        }
    }

    /// True for an answer the search gave (not a command's fixed section).
    pub fn is_search(&self) -> bool {
        self.command == AnsweredBy::Search && self.outcome == Outcome::Answered
    }
}
