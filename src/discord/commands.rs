//! The slash commands the bot registers, as plain data: names, descriptions, options, and
//! their German (or other) localizations.
//!
//! Invariants: every name is a valid Discord command or option name (lowercase, 1–32), every
//! description is 1–100 characters, localizations are keyed by Discord locale (`de`), and only
//! `/reload` is a moderator command (default member permission Manage Guild).

use crate::config::CommandKind;
use crate::core::CommandInfo;
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

/// (language, command) → (localized name, description) for the commands that are not
/// configured in `config.toml`, and localized names for the built-in configured ones.
const NAMES_DE: &[(&str, &str)] = &[
    ("partners", "partner"),
    ("join", "mitmachen"),
    ("links", "links"),
    ("about", "über"),
    ("goals", "ziele"),
    ("ask", "frage"),
    ("help", "hilfe"),
    ("reload", "neu-laden"),
];

/// The commands to register: every configured command (built-ins included), then `/ask`,
/// `/help` and `/reload`. `max_question_chars` bounds the `/ask` question.
pub fn specs(
    commands: &[CommandInfo],
    default_language: &str,
    max_question_chars: usize,
) -> Vec<CommandSpec> {
    let mut specs: Vec<CommandSpec> = commands
        .iter()
        .map(|c| {
            let mut spec = spec(
                &c.name,
                c.description
                    .get(default_language)
                    .map_or(c.name.as_str(), String::as_str),
                &[],
            );
            for (lang, description) in &c.description {
                if let Some(locale) = locale_for(lang).filter(|_| lang != default_language) {
                    spec.description_localizations
                        .insert(locale.into(), clip(description, 100));
                }
            }
            if c.kind == CommandKind::Partners {
                spec.options.push(option(
                    "name",
                    OptionKind::String,
                    false,
                    [
                        ("name", "The partner (type to search)"),
                        ("name", "Der Partner (tippen zum Suchen)"),
                    ],
                ));
                spec.options[0].autocomplete = true;
                spec.options[0].max_length = Some(100);
            }
            spec
        })
        .collect();
    let mut ask = spec(
        "ask",
        "Ask a question about the SCS network",
        &[("de", "Stell eine Frage zum SCS-Netzwerk")],
    );
    ask.options.push(option(
        "question",
        OptionKind::String,
        true,
        [
            ("question", "Your question, e.g. how do I join?"),
            ("frage", "Deine Frage, z. B. wie kann ich mitmachen?"),
        ],
    ));
    ask.options[0].max_length = Some(max_question_chars.clamp(1, 6000) as u16);
    ask.options.push(option(
        "private",
        OptionKind::Boolean,
        false,
        [
            ("private", "Show the answer only to you"),
            ("privat", "Die Antwort nur dir zeigen"),
        ],
    ));
    specs.push(ask);
    specs.push(spec(
        "help",
        "What scs-bot can answer, and how to ask",
        &[("de", "Was scs-bot beantwortet, und wie man fragt")],
    ));
    let mut reload = spec(
        "reload",
        "Moderators: re-read the content and rebuild the index",
        &[(
            "de",
            "Moderation: Inhalte neu lesen und den Index neu bauen",
        )],
    );
    reload.moderator = true;
    specs.push(reload);
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

fn spec(name: &str, description: &str, localized: &[(&str, &str)]) -> CommandSpec {
    let mut spec = CommandSpec {
        name: name.to_string(),
        description: clip(description, 100),
        name_localizations: BTreeMap::new(),
        description_localizations: localized
            .iter()
            .map(|(l, d)| (l.to_string(), clip(d, 100)))
            .collect(),
        options: Vec::new(),
        moderator: false,
    };
    if let Some((_, de)) = NAMES_DE.iter().find(|(en, _)| *en == name) {
        spec.name_localizations.insert("de".into(), de.to_string());
    }
    spec
}

/// An option with its English and German name and description.
fn option(name: &str, kind: OptionKind, required: bool, [en, de]: [(&str, &str); 2]) -> OptionSpec {
    OptionSpec {
        name: name.to_string(),
        description: clip(en.1, 100),
        name_localizations: [("de".to_string(), de.0.to_string())].into(),
        description_localizations: [("de".to_string(), clip(de.1, 100))].into(),
        kind,
        required,
        autocomplete: false,
        max_length: None,
    }
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
