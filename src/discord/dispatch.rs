//! The dispatcher: a [`Request`] (a slash command, an autocomplete, a button, a mention) in,
//! a [`Reply`] out, with no Discord in between.
//!
//! Each command is a short function: read its options, put them through the core's front door
//! ([`Core::admit`], [`Core::respond`]), render. Every rule about what to answer (the length
//! bound, invisible characters, mention tags, `/help`, unknown commands, the language) is the
//! core's; the dispatcher adds only what is Discord's: the rate limit of questions
//! (`core::limit`, one per user shared by `/ask` and mentions), paging and feedback buttons,
//! the moderator check of `/reload` and `/report`, and the shape of replies. The serenity layer
//! (`bot.rs`) only converts interactions to requests and replies to builders, so the same
//! functions can serve an HTTP interactions endpoint and are tested without Discord.
//!
//! Answers to questions and commands are recorded ([`Recorder`], off the answering path) and
//! carry the feedback buttons; a feedback press is passed to the recorder and acknowledged
//! ephemerally; `/report` (moderators) shows what people ask and what the content misses.
//!
//! Invariants: the dispatcher never reads the clock (the caller passes `now`); `/reload` is
//! checked against the member's permissions here, whatever Discord's default permissions say;
//! a question the gate refuses, or one over the rate limit, is refused politely (ephemeral;
//! for mentions once per wait) and uses up nothing; commands answered from a fixed section
//! are never rate-limited.

use super::commands::{self, CommandSpec, ADMINISTRATOR, MANAGE_GUILD};
use super::render::{self, Paging};
use super::reply::{self, limits, Reply};
use crate::answer::{Answer, AnsweredBy, Outcome, Surface};
use crate::core::feedback::{Recorder, Store, Via, Vote};
use crate::core::limit::{Admit, Limiter};
use crate::core::{Admitted, Core, Direction, Gate, Input};
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

/// A press on a button (paging or feedback).
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
    /// Tell the presser (only them) that their press was taken (a feedback vote).
    Acknowledge(Reply),
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

pub struct Dispatcher {
    core: Arc<Core>,
    specs: Vec<CommandSpec>,
    limiter: Mutex<Limiter>,
    feedback: Recorder,
}

impl Dispatcher {
    pub fn new(core: Arc<Core>) -> Dispatcher {
        let config = core.config();
        let specs = commands::specs(
            &core.commands(),
            &config.default_language,
            config.search.max_question_chars,
        );
        let limiter = Limiter::new(
            config.limits.burst,
            Duration::from_secs(config.limits.every_seconds),
        );
        let feedback = Recorder::start(&config.feedback);
        Dispatcher {
            core,
            specs,
            limiter: Mutex::new(limiter),
            feedback,
        }
    }

    pub fn core(&self) -> &Arc<Core> {
        &self.core
    }

    /// The commands to register.
    pub fn specs(&self) -> &[CommandSpec] {
        &self.specs
    }

    /// Whether [`plan`](Self::plan) searches the index for `request` (a question): the one
    /// part of planning slow enough that a transport should run it off its event loop. Every
    /// other command is answered from a fixed section, or refused, in microseconds.
    pub fn searches(&self, request: &Request) -> bool {
        request.command == "ask"
    }

    /// Answers a slash command, or says to defer it (`/reload`).
    pub fn plan(&self, request: &Request, now: Instant) -> Plan {
        match request.command.as_str() {
            "reload" if !request.may_manage_guild() => {
                Plan::Reply(render::not_allowed(self.language(&request.locale)))
            }
            "reload" => Plan::Defer { ephemeral: true },
            "report" if !request.may_manage_guild() => Plan::Reply(render::not_allowed_to(
                "report",
                self.language(&request.locale),
            )),
            "report" => Plan::Defer { ephemeral: true },
            "ask" => Plan::Reply(self.ask(request, now)),
            _ => Plan::Reply(self.command(request)),
        }
    }

    /// [`plan`](Self::plan) for a transport that must answer every interaction in its HTTP
    /// response within Discord's 3 seconds (the HTTP interactions endpoint): a question that
    /// passes the gate and the cooldown is deferred too, because its search is the slow part;
    /// [`Dispatcher::deferred`] answers it. A refusal (cooldown, length, `/help`) is still
    /// answered at once, ephemerally, exactly as [`plan`](Self::plan) answers it.
    pub fn plan_deferring_questions(&self, request: &Request, now: Instant) -> Plan {
        if !self.searches(request) {
            return self.plan(request, now);
        }
        match self.admit_question(request, now) {
            Ok(_) => Plan::Defer {
                ephemeral: request.flag("private").unwrap_or(false),
            },
            Err(reply) => Plan::Reply(reply),
        }
    }

    /// The slow part of a deferred command (a question deferred by
    /// [`plan_deferring_questions`](Self::plan_deferring_questions) has passed the cooldown
    /// already).
    pub fn deferred(&self, request: &Request) -> Reply {
        match request.command.as_str() {
            "reload" => self.reload(request),
            "report" => self.report(request),
            "ask" => {
                let input = Input::Command {
                    name: "ask",
                    arg: request.string("question"),
                };
                match self.core.admit(input, Some(&request.locale)) {
                    Gate::Admitted(admitted) => self.answer_question(request, &admitted),
                    Gate::Answered(answer) => render::answer(&answer, 0, None, true),
                    Gate::Ignored => render::failure(self.language(&request.locale)),
                }
            }
            _ => self.command(request),
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

    /// A feedback button (a vote, acknowledged to the presser), or a paging button (the page,
    /// for the invoker only).
    pub fn press(&self, press: &Press) -> Pressed {
        let language = self.language(&press.locale);
        if let Some((vote, answer)) = render::parse_feedback(&press.custom_id) {
            self.feedback.vote(answer, press.user_id, vote);
            self.core.metrics().record_vote(match vote {
                Vote::Up => Direction::Up,
                Vote::Down => Direction::Down,
            });
            return Pressed::Acknowledge(render::thanks(vote, language));
        }
        let Some((page, paging)) = Paging::parse(&press.custom_id) else {
            return Pressed::Refuse(render::stale(language));
        };
        if paging.user_id != press.user_id {
            return Pressed::Refuse(render::not_yours(&paging.command, language));
        }
        let answer = self
            .core
            .command(&paging.command, paging.arg.as_deref(), &press.locale);
        let mut reply = render::answer(&answer, page, Some(&paging), false);
        if let Some(id) = paging.answer {
            render::add_feedback(&mut reply, id, &answer.language);
        }
        Pressed::Update(reply)
    }

    /// A message that mentions the bot, answered as a reply; `None` for any other message (and
    /// for repeated questions over the rate limit once the user has been told).
    pub fn mention(&self, mention: &Mention, now: Instant) -> Option<Reply> {
        let input = Input::Mention {
            content: &mention.content,
            bot_id: mention.bot_id,
        };
        let mut reply = match self.core.admit(input, None) {
            Gate::Ignored => return None,
            Gate::Answered(answer) => render::answer(&answer, 0, None, false),
            Gate::Admitted(admitted) => match self.wait(&admitted, mention.user_id, now) {
                // Refused once already within this wait: a channel needn't read it twice.
                Admit::Wait { first: false, .. } => return None,
                Admit::Wait { remaining, .. } => render::cooldown(remaining, &admitted.language),
                Admit::Go => {
                    let answer = self.core.respond(Surface::Chat, &admitted);
                    let paging = Paging::new(mention.user_id, "ask", Some(&admitted.query));
                    self.render(&answer, Via::Mention, paging, false)
                }
            },
        };
        reply.ephemeral = false;
        Some(reply)
    }

    fn ask(&self, request: &Request, now: Instant) -> Reply {
        match self.admit_question(request, now) {
            Ok(admitted) => self.answer_question(request, &admitted),
            Err(reply) => reply,
        }
    }

    /// `/ask` through the gate and the cooldown: admitted (the cooldown started), or the reply
    /// that refuses or answers it at once.
    fn admit_question(&self, request: &Request, now: Instant) -> Result<Admitted, Reply> {
        let input = Input::Command {
            name: "ask",
            arg: request.string("question"),
        };
        match self.core.admit(input, Some(&request.locale)) {
            Gate::Admitted(admitted) => match self.wait(&admitted, request.user_id, now) {
                Admit::Go => Ok(admitted),
                // The refusal is ephemeral: say it every time.
                Admit::Wait { remaining, .. } => {
                    Err(render::cooldown(remaining, &admitted.language))
                }
            },
            Gate::Answered(answer) => Err(render::answer(&answer, 0, None, true)),
            Gate::Ignored => Err(render::failure(self.language(&request.locale))),
        }
    }

    fn answer_question(&self, request: &Request, admitted: &Admitted) -> Reply {
        let private = request.flag("private").unwrap_or(false);
        let answer = self.core.respond(Surface::Chat, admitted);
        let paging = Paging::new(request.user_id, "ask", Some(&admitted.query));
        self.render(&answer, Via::Ask, paging, private)
    }

    /// A configured command, `/help`, or one the core doesn't know.
    fn command(&self, request: &Request) -> Reply {
        let arg = request.string("name");
        let answer = self.core.command(&request.command, arg, &request.locale);
        let arg = arg.map(str::trim).filter(|a| !a.is_empty());
        let paging = Paging::new(request.user_id, &request.command, arg);
        let ephemeral = answer.command == "help";
        self.render(&answer, Via::Command, paging, ephemeral)
    }

    /// The first page of an answer; an answer to a question or a command (not help, small
    /// talk or a refusal) is recorded and gets the feedback buttons.
    fn render(&self, answer: &Answer, via: Via, paging: Paging, ephemeral: bool) -> Reply {
        let rated = answer.outcome != Outcome::Refused
            && matches!(answer.command, AnsweredBy::Command(_) | AnsweredBy::Search);
        if !rated {
            return render::answer(answer, 0, Some(&paging), ephemeral);
        }
        let id = self.feedback.question(answer, via);
        let mut reply = render::answer(answer, 0, Some(&paging.with_answer(id)), ephemeral);
        render::add_feedback(&mut reply, id, &answer.language);
        reply
    }

    /// `/report`: the coverage-gap report from the feedback database, for moderators.
    fn report(&self, request: &Request) -> Reply {
        let language = self.language(&request.locale);
        if !request.may_manage_guild() {
            return render::not_allowed_to("report", language);
        }
        let feedback = &self.core.config().feedback;
        let report = Store::open_read_only(&feedback.database).and_then(|s| s.report(0, 10));
        match report {
            Ok(report) => render::report(&report, feedback.keep_days, language),
            Err(err) => {
                tracing::warn!(error = %format!("{err:#}"), "/report failed");
                render::report_failed(&format!("{err:#}"), language)
            }
        }
    }

    /// The feedback recorder (to flush it before reading the database).
    pub fn feedback(&self) -> &Recorder {
        &self.feedback
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
                match err.downcast_ref::<crate::core::git::PullFailed>() {
                    Some(failed) => {
                        render::pull_failed(&failed.why, failed.serving.as_deref(), language)
                    }
                    None => render::reload_failed(&format!("{err:#}"), language),
                }
            }
        }
    }

    /// The rate limit of questions; commands answered from a fixed section pass freely.
    /// Only an admitted question uses up the user's burst.
    fn wait(&self, admitted: &Admitted, user: u64, now: Instant) -> Admit {
        if !admitted.is_question() {
            return Admit::Go;
        }
        self.limiter
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .admit(user, now)
    }

    fn language(&self, locale: &str) -> &str {
        self.core.config().language_for(locale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
