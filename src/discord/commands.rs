//! The slash commands the bot registers, as plain data: names, descriptions, options, and
//! their German (or other) localizations.
//!
//! Invariants: every name is a valid Discord command or option name (lowercase, 1–32), every
//! description is 1–100 characters, localizations are keyed by Discord locale (`de`), and only
//! `/reload` and `/report` are moderator commands (default member permission Manage Guild).

use crate::config::CommandKind;
use crate::core::CommandInfo;
use crate::messages::{self, Messages};
use serde::Serialize;
use std::collections::BTreeMap;

/// Discord's "Manage Guild" permission bit.
pub const MANAGE_GUILD: u64 = 1 << 5;
/// Discord's "Administrator" permission bit (implies every other).
pub const ADMINISTRATOR: u64 = 1 << 3;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommandSpec {
    pub name: String,
    pub description: String,
    /// Discord locale → name.
    pub name_localizations: BTreeMap<String, String>,
    /// Discord locale → description.
    pub description_localizations: BTreeMap<String, String>,
    pub options: Vec<OptionSpec>,
    /// Registered with default member permission Manage Guild, and checked again on use.
    pub moderator: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionSpec {
    pub name: String,
    pub description: String,
    pub name_localizations: BTreeMap<String, String>,
    pub description_localizations: BTreeMap<String, String>,
    pub kind: OptionKind,
    pub required: bool,
    pub autocomplete: bool,
    /// For strings: the longest value Discord lets a user type.
    pub max_length: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum OptionKind {
    String,
    Boolean,
}

/// The commands to register: every configured command (built-ins included), then `/ask`,
/// `/help`, `/reload` and `/report`. `max_question_chars` bounds the `/ask` question.
pub fn specs(
    commands: &[CommandInfo],
    default_language: &str,
    max_question_chars: usize,
) -> Vec<CommandSpec> {
    let mut specs: Vec<CommandSpec> = commands
        .iter()
        .map(|c| {
            let mut spec = named(&c.name);
            spec.description = clip(
                c.description
                    .get(default_language)
                    .map_or(c.name.as_str(), String::as_str),
                100,
            );
            for (lang, description) in &c.description {
                if let Some(locale) = locale_for(lang).filter(|_| lang != default_language) {
                    spec.description_localizations
                        .insert(locale.into(), clip(description, 100));
                }
            }
            if c.kind == CommandKind::Partners {
                spec.options
                    .push(option("name", OptionKind::String, false, |w| {
                        w.option_partner
                    }));
                spec.options[0].autocomplete = true;
                spec.options[0].max_length = Some(100);
            }
            spec
        })
        .collect();
    let mut ask = spec("ask", |w| w.describe_ask);
    ask.options
        .push(option("question", OptionKind::String, true, |w| {
            w.option_question
        }));
    ask.options[0].max_length = Some(max_question_chars.clamp(1, 6000) as u16);
    ask.options
        .push(option("private", OptionKind::Boolean, false, |w| {
            w.option_private
        }));
    specs.push(ask);
    specs.push(spec("help", |w| w.describe_help));
    let mut reload = spec("reload", |w| w.describe_reload);
    reload.moderator = true;
    specs.push(reload);
    let mut report = spec("report", |w| w.describe_report);
    report.moderator = true;
    specs.push(report);
    specs
}

impl CommandSpec {
    /// The name a user of `language` sees.
    pub fn name_in(&self, language: &str) -> &str {
        locale_for(language)
            .and_then(|l| self.name_localizations.get(l))
            .unwrap_or(&self.name)
    }

    /// The description a user of `language` sees.
    pub fn description_in(&self, language: &str) -> &str {
        locale_for(language)
            .and_then(|l| self.description_localizations.get(l))
            .unwrap_or(&self.description)
    }
}

/// The Discord locale for a content language, if Discord has one (`en` is the default and
/// needs none).
pub fn locale_for(language: &str) -> Option<&'static str> {
    const LOCALES: &[&str] = &[
        "id", "da", "de", "es-ES", "fr", "hr", "it", "lt", "hu", "nl", "no", "pl", "pt-BR", "ro",
        "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk", "hi", "th", "zh-CN", "ja",
        "zh-TW", "ko",
    ];
    LOCALES
        .iter()
        .find(|l| l.split('-').next() == Some(language) || **l == language)
        .copied()
}

/// A command with its localized names and no description yet.
fn named(name: &str) -> CommandSpec {
    CommandSpec {
        name: name.to_string(),
        description: String::new(),
        name_localizations: localized(|w| {
            w.command_names
                .iter()
                .find(|(registered, _)| *registered == name)
                .map(|(_, localized)| localized.to_string())
        }),
        description_localizations: BTreeMap::new(),
        options: Vec::new(),
        moderator: false,
    }
}

/// A command that is not configured: its name, and its description from the message tables.
fn spec(name: &str, describe: impl Fn(&Messages) -> &'static str) -> CommandSpec {
    let mut spec = named(name);
    spec.description = clip(describe(&messages::EN), 100);
    spec.description_localizations = localized(|w| Some(clip(describe(w), 100)));
    spec
}

/// An option with its name and description in every language with a message table.
fn option(
    name: &str,
    kind: OptionKind,
    required: bool,
    describe: impl Fn(&Messages) -> &'static str,
) -> OptionSpec {
    OptionSpec {
        name: name.to_string(),
        description: clip(describe(&messages::EN), 100),
        name_localizations: localized(|w| {
            Some(
                w.option_names
                    .iter()
                    .find(|(registered, _)| *registered == name)
                    .map_or(name, |(_, localized)| localized)
                    .to_string(),
            )
        }),
        description_localizations: localized(|w| Some(clip(describe(w), 100))),
        kind,
        required,
        autocomplete: false,
        max_length: None,
    }
}

/// Per Discord locale of every language but English (the default): what `of` gives for its
/// message table.
fn localized(of: impl Fn(&Messages) -> Option<String>) -> BTreeMap<String, String> {
    messages::TABLES
        .iter()
        .filter(|(code, _)| *code != "en")
        .filter_map(|(code, table)| Some((locale_for(code)?.to_string(), of(table)?)))
        .collect()
}

/// At most `max` characters, for Discord's 100-character descriptions.
fn clip(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}
