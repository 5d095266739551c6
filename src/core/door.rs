//! The front door: every request from every transport (console, `ask`, Discord over the
//! gateway or HTTP) passes here, so every rule about what to answer is written once.
//!
//! [`admit`] is the gate: the language (from the locale, else guessed from the question), the
//! length bound (counted on the input as sent: invisible padding counts), invisible characters
//! removed, mention tags (`<@id>`) stripped, `/help` and the refusals (empty, too long, unknown
//! command, `/ask` without a question) answered right away. What passes is [`Admitted`], which
//! [`respond`] answers from a [`State`]. A transport may put its own checks between the two
//! (a rate limit for questions: [`Admitted::is_question`]), and nothing else.
//!
//! Commands are accepted by their registered name or by a localized one (`/mitmachen`), in
//! any language, so a German user can type in the console what Discord shows them.

use crate::answer::compose::{self, refused};
use crate::answer::help::help;
use crate::answer::question;
use crate::answer::{Answer, Question, Sources, Surface};
use crate::config::Config;
use crate::messages::{self, fill, slash};

/// A request as a transport received it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input<'a> {
    /// A line of text: `/join`, `/partners syseleven`, or a free question.
    Line(&'a str),
    /// A command by its registered name (a slash command), with its argument; `ask` takes the
    /// question as its argument.
    Command { name: &'a str, arg: Option<&'a str> },
    /// A chat message, answered only when it mentions the bot (`<@bot_id>` or `<@!bot_id>`).
    Mention { content: &'a str, bot_id: u64 },
}

/// What a request asks for, once admitted.
#[derive(Debug, Clone, PartialEq)]
pub enum Asked {
    /// Boxed: an analysed question is some 250 bytes, a command's name and argument 48.
    Question(Box<Question>),
    Command {
        name: String,
        arg: Option<String>,
    },
}

/// A request that passed the gate.
#[derive(Debug, Clone, PartialEq)]
pub struct Admitted {
    /// The input as the answer will show it.
    pub query: String,
    pub language: String,
    pub asked: Asked,
}

impl Admitted {
    /// A free question (rate-limited by chats); commands answered from a fixed section are not.
    pub fn is_question(&self) -> bool {
        matches!(self.asked, Asked::Question(_))
    }
}

/// The gate's verdict.
#[derive(Debug, Clone, PartialEq)]
pub enum Gate {
    /// Pass to [`respond`].
    Admitted(Admitted),
    /// Answered already: a refusal, or `/help`.
    Answered(Answer),
    /// Not addressed to the bot (a message that doesn't mention it): say nothing.
    Ignored,
}

/// The gate; reads the config only. `locale` is the user's (`de`, `en-US`); `None` when the
/// transport has none (chat mentions), then the question's words pick the language.
pub fn admit(config: &Config, input: Input<'_>, locale: Option<&str>) -> Gate {
    match input {
        Input::Line(line) => admit_line(config, line, locale),
        Input::Mention { content, bot_id } => match question_in(content, bot_id) {
            None => Gate::Ignored,
            // Only the mention: say what the bot can do.
            Some(text) if text.trim().is_empty() => {
                let language = config.language_for(locale.unwrap_or(""));
                admit_command(config, "help", None, language, "")
            }
            Some(text) => admit_line(config, &text, locale),
        },
        Input::Command { name, arg } => {
            let language = config.language_for(locale.unwrap_or(""));
            let arg = arg.map(str::trim).filter(|a| !a.is_empty());
            if name == "ask" {
                return match arg {
                    Some(question) => admit_question(config, question, language),
                    None => refuse_ask(language),
                };
            }
            let query = match arg {
                Some(arg) => format!("/{name} {arg}"),
                None => format!("/{name}"),
            };
            admit_command(config, name, arg, language, &query)
        }
    }
}

/// Answers an admitted request from `src` (a state's [`Sources`]).
pub fn respond(src: &Sources, surface: Surface, admitted: &Admitted) -> Answer {
    let language = admitted.language.as_str();
    match &admitted.asked {
        Asked::Question(question) => compose::question(src, question, language),
        Asked::Command { name, .. } if name == "help" => {
            help(src, surface, language, &admitted.query)
        }
        Asked::Command { name, arg } => match src.catalog.command(name) {
            Some(command) => {
                compose::command(src, command, arg.as_deref(), language, &admitted.query)
            }
            // Admitted by the config this state was loaded with: can't happen; say so kindly.
            None => unknown(name, language, &admitted.query),
        },
    }
}

/// Gate and answer in one, for transports with nothing to check in between.
pub fn answer(src: &Sources, surface: Surface, input: Input<'_>, locale: Option<&str>) -> Answer {
    match admit(src.config, input, locale) {
        Gate::Admitted(admitted) => respond(src, surface, &admitted),
        Gate::Answered(answer) => answer,
        Gate::Ignored => refuse_empty("", &src.config.default_language),
    }
}

fn admit_line(config: &Config, line: &str, locale: Option<&str>) -> Gate {
    let trimmed = line.trim();
    let visible = question::visible(trimmed);
    let text = visible.trim();
    let language = match locale {
        Some(locale) => config.language_for(locale),
        None => question::language_hint(
            &question::normalize(text),
            &config.languages,
            &config.default_language,
        ),
    };
    // The length bound applies to the input as sent; invisible padding counts.
    if let Some(refusal) = too_long(config, trimmed, language) {
        return Gate::Answered(refusal);
    }
    if text.is_empty() || text == "/" {
        return Gate::Answered(refuse_empty(text, language));
    }
    let Some(command_line) = text.strip_prefix('/') else {
        // Only a free question is analysed (its words split for the search).
        let question = Question::new(text);
        return Gate::Admitted(Admitted {
            query: question.text.clone(),
            language: language.to_string(),
            asked: Asked::Question(Box::new(question)),
        });
    };
    let (name, arg) = match command_line.split_once(char::is_whitespace) {
        Some((name, arg)) => (name, Some(arg.trim()).filter(|a| !a.is_empty())),
        None => (command_line, None),
    };
    let name = name.to_lowercase();
    let name = messages::registered_name(&name);
    if name == "ask" {
        return match arg {
            Some(question) => admit_question(config, question, language),
            None => refuse_ask(language),
        };
    }
    admit_command(config, name, arg, language, text)
}

fn admit_question(config: &Config, text: &str, language: &str) -> Gate {
    if let Some(refusal) = too_long(config, text, language) {
        return Gate::Answered(refusal);
    }
    let question = Question::new(text);
    if question.text.is_empty() {
        return refuse_ask(language);
    }
    Gate::Admitted(Admitted {
        query: question.text.clone(),
        language: language.to_string(),
        asked: Asked::Question(Box::new(question)),
    })
}

fn admit_command(
    config: &Config,
    name: &str,
    arg: Option<&str>,
    language: &str,
    query: &str,
) -> Gate {
    if name != "help" && !config.commands.contains_key(name) {
        return Gate::Answered(unknown(name, language, query));
    }
    Gate::Admitted(Admitted {
        query: query.to_string(),
        language: language.to_string(),
        asked: Asked::Command {
            name: name.to_string(),
            arg: arg.map(str::to_string),
        },
    })
}

fn too_long(config: &Config, text: &str, language: &str) -> Option<Answer> {
    let max = config.search.max_question_chars;
    let chars = text.chars().count();
    (chars > max).then(|| {
        let words = messages::of(language);
        let why = fill(
            words.too_long,
            &[("chars", &chars.to_string()), ("max", &max.to_string())],
        );
        refused(text, language, words.too_long_title, why)
    })
}

fn refuse_empty(query: &str, language: &str) -> Answer {
    let words = messages::of(language);
    let why = fill(words.empty, &[("help", &slash(language, "help"))]);
    refused(query, language, words.refused_title, why)
}

fn refuse_ask(language: &str) -> Gate {
    let words = messages::of(language);
    let why = fill(words.ask_empty, &[("ask", &slash(language, "ask"))]);
    let query = slash(language, "ask");
    Gate::Answered(refused(&query, language, words.refused_title, why))
}

fn unknown(name: &str, language: &str, query: &str) -> Answer {
    let words = messages::of(language);
    // The name is shown in a code span: keep it short and free of backticks.
    let shown: String = name.chars().filter(|c| *c != '`').take(32).collect();
    let why = fill(
        words.unknown,
        &[("command", &shown), ("help", &slash(language, "help"))],
    );
    refused(query, language, words.unknown_title, why)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::AnsweredBy;

    fn config() -> Config {
        Config::parse(include_str!("../../config.toml")).unwrap()
    }

    fn check(input: Input<'_>, locale: Option<&str>, expect: &str) {
        let got = match admit(&config(), input, locale) {
            Gate::Admitted(a) => match a.asked {
                Asked::Question(q) => format!("question {} ({})", q.text, a.language),
                Asked::Command { name, arg } => {
                    format!(
                        "command {name} {} ({})",
                        arg.unwrap_or_default(),
                        a.language
                    )
                }
            },
            Gate::Answered(answer) => format!("answered {} ({})", answer.command, answer.language),
            Gate::Ignored => "ignored".into(),
        };
        assert_eq!(got.trim_end(), expect, "{input:?}");
    }

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
    fn every_input_passes_the_same_gate() {
        check(
            Input::Line("how do I join?"),
            Some("en"),
            "question how do I join? (en)",
        );
        check(Input::Line("/Mitmachen"), Some("de"), "command join  (de)");
        check(Input::Line("/nope"), Some("en"), "answered error (en)");
        check(
            Input::Line("  \u{200b} "),
            Some("en"),
            "answered error (en)",
        );
        check(
            Input::Command {
                name: "ask",
                arg: None,
            },
            Some("de"),
            "answered error (de)",
        );
        check(
            Input::Command {
                name: "partners",
                arg: Some(" sys "),
            },
            Some("en-US"),
            "command partners sys (en)",
        );
        check(
            Input::Mention {
                content: "<@7> wie kann ich mitmachen?",
                bot_id: 7,
            },
            None,
            "question wie kann ich mitmachen? (de)",
        );
        check(
            Input::Mention {
                content: "<@7>",
                bot_id: 7,
            },
            None,
            "command help  (en)",
        );
        check(
            Input::Mention {
                content: "hello all",
                bot_id: 7,
            },
            None,
            "ignored",
        );
    }

    #[test]
    fn the_length_bound_counts_invisible_padding_on_every_input() {
        let padded = format!("join{}", "\u{200b}".repeat(400));
        for input in [
            Input::Line(&padded),
            Input::Command {
                name: "ask",
                arg: Some(&padded),
            },
        ] {
            match admit(&config(), input, Some("en")) {
                Gate::Answered(answer) => {
                    assert_eq!(answer.command, AnsweredBy::Error);
                    assert!(answer.text.contains("too long"), "{}", answer.text);
                }
                other => panic!("{input:?} passed: {other:?}"),
            }
        }
    }

    #[test]
    fn only_questions_are_subject_to_rate_limits() {
        let question = admit(&config(), Input::Line("what is SCS?"), Some("en"));
        let command = admit(&config(), Input::Line("/join"), Some("en"));
        assert!(matches!(question, Gate::Admitted(a) if a.is_question()));
        assert!(matches!(command, Gate::Admitted(a) if !a.is_question()));
    }
}
