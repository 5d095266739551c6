//! The dispatcher: a [`Request`] (a slash command, an autocomplete, a button, a mention) in,
//! a [`Reply`] out, with no Discord in between.
//!
//! Each command is a short function: read its options, call the [`Core`], render. The serenity
//! layer (`bot.rs`) only converts interactions to requests and replies to builders, so the
//! same functions can serve an HTTP interactions endpoint and are tested without Discord.
//!
//! Invariants: the dispatcher never reads the clock (the caller passes `now`); `/reload` is
//! checked against the member's permissions here, whatever Discord's default permissions say;
//! a question over `search.max_question_chars` or within the cooldown is refused politely and
//! does not start a new cooldown.

use super::commands::{self, CommandSpec, ADMINISTRATOR, MANAGE_GUILD};
use super::cooldown::{Admit, Cooldown};
use super::render::{self, Paging};
use super::reply::{self, limits, Reply};
use crate::core::Core;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A slash command (or an autocomplete) as plain data.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Request {
    /// The command's registered (English) name.
    pub command: String,
    pub options: Vec<(String, OptionValue)>,
    /// The user's Discord locale (`de`, `en-US`).
    pub locale: String,
    /// The invoking member's permission bits; `None` outside a server.
    pub permissions: Option<u64>,
    pub user_id: u64,
    pub guild_id: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionValue {
    String(String),
    Bool(bool),
    Int(i64),
    Other,
}

/// A press on a paging button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Press {
    pub custom_id: String,
    pub user_id: u64,
    pub locale: String,
}

/// A message in a channel the bot can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub content: String,
    pub user_id: u64,
    pub guild_id: Option<u64>,
    /// The bot's own user id.
    pub bot_id: u64,
}

/// What to do with a request right away.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    Reply(Reply),
    /// Acknowledge now (Discord's 3 seconds), then send [`Dispatcher::deferred`]'s reply.
    Defer {
        ephemeral: bool,
    },
}

/// The answer to a button press.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pressed {
    /// Replace the message with this page.
    Update(Reply),
    /// Tell the presser (only them) why not.
    Refuse(Reply),
}

impl Request {
    pub fn string(&self, name: &str) -> Option<&str> {
        self.options.iter().find_map(|(n, v)| match v {
            OptionValue::String(s) if n == name => Some(s.as_str()),
            _ => None,
        })
    }

    pub fn flag(&self, name: &str) -> Option<bool> {
        self.options.iter().find_map(|(n, v)| match v {
            OptionValue::Bool(b) if n == name => Some(*b),
            _ => None,
        })
    }

    /// Manage Server (or Administrator), in a server.
    pub fn may_manage_guild(&self) -> bool {
        self.guild_id.is_some()
            && self
                .permissions
                .is_some_and(|p| p & (MANAGE_GUILD | ADMINISTRATOR) != 0)
    }
}

/// What happens before a question reaches the core.
enum Gate {
    Open,
    Refuse(Reply),
    /// Refused again within the same cooldown: say nothing (mentions only).
    Quiet,
}

pub struct Dispatcher {
    core: Arc<Core>,
    specs: Vec<CommandSpec>,
    cooldown: Mutex<Cooldown>,
}

impl Dispatcher {
    pub fn new(core: Arc<Core>) -> Dispatcher {
        let config = core.config();
        let specs = commands::specs(
            &core.commands(),
            &config.default_language,
            config.search.max_question_chars,
        );
        let cooldown = Cooldown::new(Duration::from_secs(config.discord.cooldown_seconds));
        Dispatcher {
            core,
            specs,
            cooldown: Mutex::new(cooldown),
        }
    }

    pub fn core(&self) -> &Arc<Core> {
        &self.core
    }

    /// The commands to register.
    pub fn specs(&self) -> &[CommandSpec] {
        &self.specs
    }

    /// Answers a slash command, or says to defer it (`/reload`).
    pub fn plan(&self, request: &Request, now: Instant) -> Plan {
        match request.command.as_str() {
            "reload" if !request.may_manage_guild() => {
                Plan::Reply(render::not_allowed(self.language(&request.locale)))
            }
            "reload" => Plan::Defer { ephemeral: true },
            "ask" => Plan::Reply(self.ask(request, now)),
            "help" => Plan::Reply(self.help(&request.locale)),
            name if self.core.config().commands.contains_key(name) => {
                Plan::Reply(self.configured(request))
            }
            name => Plan::Reply(render::unknown(name, self.language(&request.locale))),
        }
    }

    /// The slow part of a deferred command.
    pub fn deferred(&self, request: &Request) -> Reply {
        match request.command.as_str() {
            "reload" => self.reload(request),
            name => render::unknown(name, self.language(&request.locale)),
        }
    }

    /// Partner names for the option being typed: ranked, at most 25, each at most 100 long.
    pub fn autocomplete(&self, request: &Request) -> Vec<String> {
        let typed = request.string("name").unwrap_or("");
        let mut names = self.core.complete_partner(typed, &request.locale);
        names.truncate(limits::CHOICES);
        names
            .iter()
            .map(|n| reply::plain(n, limits::CHOICE))
            .filter(|n| !n.is_empty())
            .collect()
    }

    /// A paging button: the page, for the invoker only.
    pub fn press(&self, press: &Press) -> Pressed {
        let language = self.language(&press.locale);
        let Some((page, paging)) = Paging::parse(&press.custom_id) else {
            return Pressed::Refuse(render::stale(language));
        };
        if paging.user_id != press.user_id {
            return Pressed::Refuse(render::not_yours(&paging.command, language));
        }
        let answer = self
            .core
            .command(&paging.command, paging.arg.as_deref(), &press.locale);
        Pressed::Update(render::answer(&answer, page, Some(&paging), false))
    }

    /// A message that mentions the bot, answered as a reply; `None` for any other message (and
    /// for repeated questions within the cooldown).
    pub fn mention(&self, mention: &Mention, now: Instant) -> Option<Reply> {
        let question = question_in(&mention.content, mention.bot_id)?;
        let language = guess_language(
            &question,
            &self.core.config().languages,
            &self.core.config().default_language,
        );
        let mut reply = if question.is_empty() {
            self.help(language)
        } else {
            match self.gate(&question, mention.user_id, language, now, true) {
                Gate::Quiet => return None,
                Gate::Refuse(refusal) => refusal,
                Gate::Open => {
                    let answer = self.core.answer(&question, language);
                    render::answer(
                        &answer,
                        0,
                        Some(&Paging::new(mention.user_id, "ask", Some(&question))),
                        false,
                    )
                }
            }
        };
        reply.ephemeral = false;
        Some(reply)
    }

    fn ask(&self, request: &Request, now: Instant) -> Reply {
        let question = request.string("question").unwrap_or("").trim();
        let language = self.language(&request.locale);
        if let Gate::Refuse(refusal) = self.gate(question, request.user_id, language, now, false) {
            return refusal;
        }
        let answer = self.core.command("ask", Some(question), &request.locale);
        let paging = Paging::new(request.user_id, "ask", Some(question));
        render::answer(
            &answer,
            0,
            Some(&paging),
            request.flag("private").unwrap_or(false),
        )
    }

    fn configured(&self, request: &Request) -> Reply {
        let arg = request
            .string("name")
            .map(str::trim)
            .filter(|a| !a.is_empty());
        let answer = self.core.command(&request.command, arg, &request.locale);
        let paging = Paging::new(request.user_id, &request.command, arg);
        render::answer(&answer, 0, Some(&paging), false)
    }

    fn help(&self, locale: &str) -> Reply {
        let config = self.core.config();
        render::help(&self.specs, config.language_for(locale), &config.contact)
    }

    fn reload(&self, request: &Request) -> Reply {
        let language = self.language(&request.locale);
        if !request.may_manage_guild() {
            return render::not_allowed(language);
        }
        match self.core.reload() {
            Ok(report) => {
                tracing::info!(
                    pages_added = report.pages_added.len(),
                    pages_removed = report.pages_removed.len(),
                    pages_changed = report.pages_changed.len(),
                    problems = report.problems.len(),
                    "content reloaded by /reload"
                );
                render::reloaded(&report, language)
            }
            Err(err) => {
                tracing::warn!(error = %format!("{err:#}"), "/reload failed; still serving the last good content");
                render::reload_failed(&format!("{err:#}"), language)
            }
        }
    }

    /// Length bound, then cooldown. Only an admitted question starts a new cooldown.
    fn gate(
        &self,
        question: &str,
        user: u64,
        language: &str,
        now: Instant,
        quiet_repeats: bool,
    ) -> Gate {
        let max = self.core.config().search.max_question_chars;
        let chars = question.chars().count();
        if chars > max {
            return Gate::Refuse(render::too_long(chars, max, language));
        }
        let admit = self
            .cooldown
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .admit(user, now);
        match admit {
            Admit::Go => Gate::Open,
            Admit::Wait { first: false, .. } if quiet_repeats => Gate::Quiet,
            Admit::Wait { remaining, .. } => Gate::Refuse(render::cooldown(remaining, language)),
        }
    }

    fn language(&self, locale: &str) -> &str {
        self.core.config().language_for(locale)
    }
}

/// The question in a message that mentions the bot (`<@id>` or `<@!id>`), without the mention
/// and leading punctuation; `None` when the bot is not mentioned.
pub fn question_in(content: &str, bot_id: u64) -> Option<String> {
    let tags = [format!("<@{bot_id}>"), format!("<@!{bot_id}>")];
    if !tags.iter().any(|t| content.contains(t.as_str())) {
        return None;
    }
    let mut question = content.to_string();
    for tag in &tags {
        question = question.replace(tag.as_str(), " ");
    }
    let question = question.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(
        question
            .trim_start_matches(|c: char| c == ',' || c == ':' || c.is_whitespace())
            .to_string(),
    )
}

/// A mention carries no locale: German when the question has more German than English
/// function words (and German is answered in), else the default language.
pub fn guess_language<'a>(question: &str, languages: &'a [String], default: &'a str) -> &'a str {
    const DE: &[&str] = &[
        "wie",
        "was",
        "wer",
        "wo",
        "welche",
        "welcher",
        "ich",
        "kann",
        "können",
        "man",
        "der",
        "die",
        "das",
        "und",
        "ist",
        "sind",
        "ein",
        "eine",
        "gibt",
        "es",
        "mit",
        "für",
        "mitmachen",
        "beitreten",
        "nicht",
    ];
    const EN: &[&str] = &[
        "how", "what", "who", "where", "which", "i", "can", "the", "and", "is", "are", "a", "an",
        "there", "do", "does", "with", "for", "join", "not", "of",
    ];
    let words: Vec<String> = question
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let count = |list: &[&str]| words.iter().filter(|w| list.contains(&w.as_str())).count();
    match languages.iter().find(|l| *l == "de") {
        Some(de) if count(DE) > count(EN) => de,
        _ => default,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_yields_the_question_without_the_tag() {
        assert_eq!(
            question_in("<@42> how do I join?", 42).as_deref(),
            Some("how do I join?")
        );
        assert_eq!(
            question_in("hey <@!42>, partners?", 42).as_deref(),
            Some("hey , partners?")
        );
        assert_eq!(question_in("<@42>", 42).as_deref(), Some(""));
        assert_eq!(question_in("<@43> hi", 42), None);
    }

    #[test]
    fn german_questions_are_answered_in_german() {
        let languages = vec!["en".to_string(), "de".to_string()];
        assert_eq!(
            guess_language("Wie kann ich mitmachen?", &languages, "en"),
            "de"
        );
        assert_eq!(guess_language("How do I join?", &languages, "en"), "en");
        assert_eq!(guess_language("Partner", &languages, "en"), "en");
        assert_eq!(
            guess_language("Wie kann ich mitmachen?", &["en".to_string()], "en"),
            "en"
        );
    }

    #[test]
    fn reload_needs_manage_guild_in_a_server() {
        let request = |permissions, guild_id| Request {
            command: "reload".into(),
            permissions,
            guild_id,
            ..Request::default()
        };
        assert!(request(Some(MANAGE_GUILD), Some(1)).may_manage_guild());
        assert!(request(Some(ADMINISTRATOR), Some(1)).may_manage_guild());
        assert!(!request(Some(1 << 11), Some(1)).may_manage_guild());
        assert!(!request(Some(MANAGE_GUILD), None).may_manage_guild());
        assert!(!request(None, Some(1)).may_manage_guild());
    }
}
