//! Answers as plain data: what every front end (Discord, terminal, JSON, tests) renders.
//!
//! [`answer`] is the one entry point: it takes the user's input (a command like `/partners
//! syseleven` or a free question), the loaded [`State`] and the [`Config`], and returns an
//! [`Answer`]. It never fails: missing content, a bad command or a question with nothing found
//! all become answers that say what to do. Its JSON form (`ask --json`) is part of the interface.

use crate::config::{CommandConfig, CommandKind, Config};
use crate::content::{Page, Section};
use crate::core::State;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// One answer. Serialises to the `ask --json` object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    /// The input as given.
    pub query: String,
    /// The language the answer is in.
    pub language: String,
    /// What answered: `partners`, `join`, `links`, `about`, `goals`, `search`, `help`, a
    /// configured command's name, or `error`.
    pub command: String,
    /// The sections the answer is drawn from, best first.
    pub hits: Vec<Hit>,
    pub partners: Vec<Partner>,
    /// E-mail addresses to contact.
    pub contacts: Vec<String>,
    pub links: Vec<AnswerLink>,
    /// The answer as plain text (no markdown), for terminals and as the embed body.
    pub text: String,
    /// A title for the reply ("Our Partners in the Network").
    #[serde(skip)]
    pub title: String,
    #[serde(skip)]
    pub outcome: Outcome,
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

/// Answers `input`: a slash command (`/partners syseleven`) or a free question.
pub fn answer(state: &State, config: &Config, input: &str, locale: &str) -> Answer {
    let language = config.language_for(locale).to_string();
    // The length bound applies to the input as sent; invisible padding counts.
    if let Some(refusal) = refuse(config, input.trim(), &language) {
        return refusal;
    }
    let visible: String = input.chars().filter(|c| !is_invisible(*c)).collect();
    let query = visible.trim();
    if let Some(refusal) = refuse(config, query, &language) {
        return refusal;
    }
    match query.strip_prefix('/') {
        Some(command_line) => {
            let (name, arg) = match command_line.split_once(char::is_whitespace) {
                Some((name, arg)) => (name, Some(arg.trim()).filter(|a| !a.is_empty())),
                None => (command_line, None),
            };
            run_command(
                state,
                config,
                &name.to_ascii_lowercase(),
                arg,
                &language,
                query,
            )
        }
        None => ask(state, config, query, &language),
    }
}

/// Runs a slash command with its optional argument. `language` must be one of the config's.
pub fn run_command(
    state: &State,
    config: &Config,
    name: &str,
    arg: Option<&str>,
    language: &str,
    query: &str,
) -> Answer {
    match (name, config.commands.get(name)) {
        ("help", _) => help(config, language, query),
        ("ask", _) => match arg {
            Some(question) => ask(state, config, question, language),
            None => refused(
                query,
                language,
                "ask",
                t(
                    language,
                    "Ask me something, e.g. `/ask how do I join?`",
                    "Frag mich etwas, z. B. `/ask wie kann ich mitmachen?`",
                ),
            ),
        },
        (_, Some(command)) => from_section(state, config, name, command, arg, language, query),
        (_, None) => refused(
            query,
            language,
            "error",
            &format!(
                "{} `/{name}`. {}",
                t(language, "There is no command", "Es gibt keinen Befehl"),
                t(
                    language,
                    "See `/help` for the commands.",
                    "`/help` zeigt die Befehle."
                )
            ),
        ),
    }
}

/// A free question: routed to a command when it asks for one, else searched.
pub fn ask(state: &State, config: &Config, question: &str, language: &str) -> Answer {
    let hits = search(
        state,
        config,
        question,
        language,
        config.search.max_hits.max(5),
    );
    if let Some(routed) = route(state, config, question, language, &hits) {
        let arg = routed.arg.or_else(|| {
            (routed.command.kind == CommandKind::Partners)
                .then(|| mentioned_partner(state, config, question, language))
                .flatten()
        });
        let mut answer = from_section(
            state,
            config,
            routed.name,
            routed.command,
            arg.as_deref(),
            language,
            question,
        );
        answer.query = question.to_string();
        return answer;
    }
    let Some(top) = hits.first() else {
        return not_found(config, question, language);
    };
    let mut answer = Answer {
        query: question.to_string(),
        language: language.to_string(),
        command: "search".into(),
        title: short_title(&top.section),
        text: String::new(),
        hits: Vec::new(),
        partners: Vec::new(),
        contacts: Vec::new(),
        links: Vec::new(),
        outcome: Outcome::Answered,
    };
    if let Some((page, section)) = state.section(&top.language, &top.page, &top.anchor) {
        answer.contacts = section.emails.clone();
        answer.links = section_links(section);
        answer.text = text_without_listed_links(section, &answer.links);
        if is_partner_section(state, config, page, section) {
            let partners = partners_of(section);
            let named = partners_named(&partners, question);
            answer.partners = if named.is_empty() { partners } else { named };
        }
    }
    answer.hits = hits.into_iter().take(config.search.max_hits).collect();
    answer
}

/// The sections matching a question, best first, in `language` or else the default language.
fn search(
    state: &State,
    config: &Config,
    question: &str,
    language: &str,
    limit: usize,
) -> Vec<Hit> {
    let mut found = state.index.search(question, language, limit);
    if found.is_empty() && language != config.default_language {
        found = state
            .index
            .search(question, &config.default_language, limit);
    }
    found
        .into_iter()
        .filter_map(|hit| {
            let (page, section) = state.section(&hit.language, &hit.slug, &hit.anchor)?;
            Some(Hit {
                score: hit.score,
                snippet: hit.snippet,
                ..hit_for(page, section)
            })
        })
        .collect()
}

/// The command a question asks for: a trigger phrase names it, and either the question says
/// nothing beyond its trigger phrases ("how do I join?", "what is the contact e-mail?": every
/// word the search would look for stands in one of them) or the search does not point clearly
/// elsewhere (the command's section, its score boosted, ranks first or is not found); with no
/// trigger phrase, a question naming one partner asks for that partner.
fn route<'c>(
    state: &State,
    config: &'c Config,
    question: &str,
    language: &str,
    hits: &[Hit],
) -> Option<Route<'c>> {
    let words = normalize(question);
    let triggered = config
        .commands
        .iter()
        .filter_map(|(name, command)| {
            let matched: Vec<String> = command
                .triggers
                .iter()
                .map(|t| normalize(t))
                .filter(|t| !t.is_empty() && contains_phrase(&words, t))
                .collect();
            let longest = matched.iter().max_by_key(|t| t.len())?.clone();
            Some((longest, matched, name, command))
        })
        .max_by_key(|(longest, _, _, _)| longest.len())
        .map(|(phrase, matched, name, command)| (phrase, matched, name.as_str(), command));
    let Some((phrase, matched, name, command)) = triggered else {
        // No phrase asks for a command: a question naming a partner asks for that partner.
        return route_to_partner(state, config, question, language);
    };
    let routed = Route {
        name,
        command,
        arg: None,
    };
    if only_trigger_words(question, &matched) {
        return Some(routed);
    }
    let Some(top) = hits.first() else {
        return Some(routed);
    };
    let (page, section) = find_section(state, config, command, language)?;
    let target = hits
        .iter()
        .find(|h| h.language == page.language && h.page == page.slug && h.anchor == section.anchor);
    match target {
        None => Some(routed),
        Some(hit) if hit.score * route_boost(&phrase) >= top.score => Some(routed),
        Some(_) => None,
    }
}

/// Whether every word the search would look for in `question` stands in one of the (normalized)
/// trigger `phrases` it matched: then the question asks for the command and nothing else, however
/// well some other page happens to match its one word ("joining forces" for "how do I join?").
fn only_trigger_words(question: &str, phrases: &[String]) -> bool {
    let covered: HashSet<&str> = phrases.iter().flat_map(|p| p.split(' ')).collect();
    let asked = crate::index::question_words(question);
    !asked.is_empty()
        && asked
            .iter()
            .all(|w| normalize(w).split(' ').all(|part| covered.contains(part)))
}

/// How much a trigger phrase weighs: the command's section wins when its search score times
/// this is at least the best score. A phrase of several words (`which companies`) says more
/// than one word (`partner`, which "a global partner" uses too).
fn route_boost(phrase: &str) -> f32 {
    if phrase.contains(' ') {
        2.5
    } else {
        1.5
    }
}

/// A command a question is sent to, with the argument it implies (`is wavecon a partner?`).
struct Route<'c> {
    name: &'c str,
    command: &'c CommandConfig,
    arg: Option<String>,
}

/// A question that names one partner by a word that names nothing else on its page
/// (`stackxperts`, `syseleven`, not `cloud`) goes to the partner command with that name.
fn route_to_partner<'c>(
    state: &State,
    config: &'c Config,
    question: &str,
    language: &str,
) -> Option<Route<'c>> {
    let (name, command) = config
        .commands
        .iter()
        .find(|(_, c)| c.kind == CommandKind::Partners)?;
    let arg = mentioned_partner(state, config, question, language)?;
    Some(Route {
        name,
        command,
        arg: Some(arg),
    })
}

/// A partner and the words of its name that appear nowhere else on its page.
#[derive(Debug, Clone)]
pub(crate) struct PartnerWords {
    partner: Partner,
    words: Vec<String>,
}

fn partner_words(state: &State, config: &Config) -> HashMap<String, Vec<PartnerWords>> {
    let mut by_language = HashMap::new();
    for lang in &config.languages {
        let Some((page, section)) = config
            .commands
            .values()
            .filter(|c| c.kind == CommandKind::Partners)
            .find_map(|c| find_section(state, config, c, lang))
        else {
            continue;
        };
        let elsewhere: Vec<String> = page
            .sections
            .iter()
            .filter(|s| s.anchor != section.anchor)
            .map(|s| normalize(&format!("{} {}", s.heading, s.text)))
            .collect();
        let elsewhere: HashSet<&str> = elsewhere.iter().flat_map(|t| t.split(' ')).collect();
        let partners = partners_of(section)
            .into_iter()
            .map(|partner| {
                let words = name_words(&partner.name)
                    .into_iter()
                    .filter(|w| w.chars().count() >= 4 && !elsewhere.contains(w.as_str()))
                    .collect();
                PartnerWords { partner, words }
            })
            .collect();
        by_language.insert(page.language.clone(), partners);
    }
    by_language
}

/// The partners a question names by a distinctive word (typos allowed), in list order.
fn partners_mentioned(
    state: &State,
    config: &Config,
    question: &str,
    language: &str,
) -> Vec<Partner> {
    let all = state
        .partner_words
        .get_or_init(|| partner_words(state, config));
    let Some(partners) = all
        .get(language)
        .or_else(|| all.get(&config.default_language))
    else {
        return Vec::new();
    };
    let typed = normalize(question);
    let typed: Vec<&str> = typed.split(' ').collect();
    partners
        .iter()
        .filter(|p| {
            p.words.iter().any(|w| {
                typed
                    .iter()
                    .any(|t| word_match(w, t).is_some_and(|m| m != PREFIX))
            })
        })
        .map(|p| p.partner.clone())
        .collect()
}

/// An answer drawn from the section a command points at.
fn from_section(
    state: &State,
    config: &Config,
    name: &str,
    command: &CommandConfig,
    arg: Option<&str>,
    language: &str,
    query: &str,
) -> Answer {
    let Some((page, section)) = find_section(state, config, command, language) else {
        let wanted = command
            .section
            .get(language)
            .or_else(|| command.section.get(&config.default_language))
            .map(String::as_str)
            .unwrap_or_default();
        let mut answer = not_found(config, query, language);
        answer.command = name.to_string();
        answer.text = format!(
            "{} \"{wanted}\". {}",
            t(
                language,
                "The content has no section",
                "Die Inhalte haben keinen Abschnitt"
            ),
            t(
                language,
                "A moderator can fix `config.toml` or the pages.",
                "Ein Moderator kann `config.toml` oder die Seiten anpassen."
            )
        );
        return answer;
    };
    let mut answer = Answer {
        query: query.to_string(),
        language: page.language.clone(),
        command: name.to_string(),
        hits: vec![hit_for(page, section)],
        partners: Vec::new(),
        contacts: section.emails.clone(),
        links: Vec::new(),
        text: section.text.clone(),
        title: short_title(&section.heading),
        outcome: Outcome::Answered,
    };
    match command.kind {
        CommandKind::Partners => {
            let partners = partners_of(section);
            answer.partners = match arg {
                None => partners,
                Some(name) => {
                    let named = partners_named(&partners, name);
                    if named.is_empty() {
                        answer.outcome = Outcome::NotFound;
                        answer.text = format!(
                            "{} \"{name}\". {}",
                            t(language, "No partner matches", "Kein Partner passt zu"),
                            t(
                                language,
                                "These are all the partners:",
                                "Das sind alle Partner:"
                            )
                        );
                        partners
                    } else {
                        named
                    }
                }
            };
        }
        CommandKind::Contact => {
            if answer.contacts.is_empty() {
                answer.contacts.push(config.contact.clone());
            }
            answer.links = section_links(section);
        }
        CommandKind::Links | CommandKind::Section => answer.links = section_links(section),
    }
    if command.kind != CommandKind::Partners {
        answer.text = text_without_listed_links(section, &answer.links);
    }
    answer
}

/// The section's text without the lines that are list items linking somewhere the answer lists
/// among its links anyway (`- [SCS Repositories](https://…)`): every renderer shows the links
/// as a list of their own, so these lines would stand there twice.
fn text_without_listed_links(section: &Section, links: &[AnswerLink]) -> String {
    let listed: HashSet<&str> = section
        .items
        .iter()
        .filter(|i| {
            i.url
                .as_deref()
                .is_some_and(|url| links.iter().any(|l| l.url == url))
                && links.iter().any(|l| l.title.trim() == i.text.trim())
        })
        .map(|i| i.text.trim())
        .collect();
    if listed.is_empty() {
        return section.text.clone();
    }
    section
        .text
        .lines()
        .filter(|line| !listed.contains(line.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Longest reply title, in characters, before it is cut at a word.
const MAX_TITLE_CHARS: usize = 60;

/// A heading as a reply title: whole when short, else cut at the last word that fits and ended
/// with ` …` ("8. Technology innovation is iterative and needs …"). Headings that are whole
/// sentences otherwise fill a chat window's width several times.
fn short_title(heading: &str) -> String {
    let heading = heading.trim();
    if heading.chars().count() <= MAX_TITLE_CHARS {
        return heading.to_string();
    }
    let cut: String = heading.chars().take(MAX_TITLE_CHARS).collect();
    let cut = match cut.rsplit_once(char::is_whitespace) {
        Some((head, _)) if !head.trim().is_empty() => head,
        _ => &cut,
    };
    let cut = cut.trim_end_matches(|c: char| c.is_whitespace() || ",;:–-".contains(c));
    format!("{cut} …")
}

/// The section a command answers from: in `language`, else in the default language.
pub fn find_section<'s>(
    state: &'s State,
    config: &Config,
    command: &CommandConfig,
    language: &str,
) -> Option<(&'s Page, &'s Section)> {
    let mut languages = vec![language];
    if language != config.default_language {
        languages.push(&config.default_language);
    }
    languages.into_iter().find_map(|lang| {
        let wanted = command
            .section
            .get(lang)
            .or_else(|| command.section.get(&config.default_language))?;
        let wanted_norm = normalize(wanted);
        let matches = |s: &Section| s.anchor == *wanted || normalize(&s.heading) == wanted_norm;
        let pages: Vec<&Page> = match &command.page {
            Some(slug) => state.library.page(lang, slug).into_iter().collect(),
            None => state
                .library
                .pages
                .iter()
                .filter(|p| p.language == lang)
                .collect(),
        };
        pages
            .into_iter()
            .find_map(|p| p.sections.iter().find(|s| matches(s)).map(|s| (p, s)))
    })
}

fn is_partner_section(state: &State, config: &Config, page: &Page, section: &Section) -> bool {
    config
        .commands
        .values()
        .filter(|c| c.kind == CommandKind::Partners)
        .filter_map(|c| find_section(state, config, c, &page.language))
        .any(|(p, s)| p.slug == page.slug && s.anchor == section.anchor)
}

/// The partner a question names by a distinctive word, if it names exactly one.
fn mentioned_partner(
    state: &State,
    config: &Config,
    question: &str,
    language: &str,
) -> Option<String> {
    match partners_mentioned(state, config, question, language).as_slice() {
        [one] => Some(one.name.clone()),
        _ => None,
    }
}

/// A partner list section's items as partners.
pub fn partners_of(section: &Section) -> Vec<Partner> {
    section
        .items
        .iter()
        .filter(|i| !i.text.trim().is_empty())
        .map(|i| Partner {
            name: i.text.trim().to_string(),
            url: i.url.clone(),
        })
        .collect()
}

/// Legal forms and filler words that don't tell partners apart.
const NAME_FILLER: &[&str] = &[
    "gmbh",
    "ag",
    "aor",
    "aör",
    "kg",
    "co",
    "s",
    "r",
    "o",
    "sro",
    "se",
    "ug",
    "ev",
    "e",
    "v",
    "inc",
    "ltd",
    "the",
    "and",
    "und",
    "technologies",
    "security",
    "networks",
    "systems",
];

fn name_words(name: &str) -> Vec<String> {
    normalize(name)
        .split(' ')
        .filter(|w| w.chars().count() >= 3 && !NAME_FILLER.contains(w))
        .map(str::to_string)
        .collect()
}

/// Partners named in `text`, best match first: the whole name, a word of it, or a word with a
/// typo (one edit for words of 5+ letters, two for 8+).
pub fn partners_named(partners: &[Partner], text: &str) -> Vec<Partner> {
    let wanted = normalize(text);
    if wanted.is_empty() {
        return Vec::new();
    }
    let typed: Vec<&str> = wanted.split(' ').collect();
    let mut scored: Vec<(u32, usize, &Partner)> = partners
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let full = normalize(&p.name);
            let compact_full = full.replace(' ', "");
            let compact_wanted = wanted.replace(' ', "");
            let score = if full == wanted || compact_full == compact_wanted {
                100
            } else if compact_full.starts_with(&compact_wanted) && compact_wanted.len() >= 3 {
                80
            } else {
                name_words(&p.name)
                    .iter()
                    .filter_map(|w| typed.iter().filter_map(|t| word_match(w, t)).max())
                    .max()?
            };
            Some((score, i, p))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let best = scored.first().map(|s| s.0).unwrap_or(0);
    scored
        .into_iter()
        .filter(|s| s.0 == best)
        .map(|s| s.2.clone())
        .collect()
}

/// The score of a typed word that starts a word of a name (`syse` for `syseleven`): good for
/// completing a name, too loose to find a name in a question (`stack` in `stackxperts`).
const PREFIX: u32 = 50;

/// How well a typed word matches a word of a name.
fn word_match(name_word: &str, typed: &str) -> Option<u32> {
    if name_word == typed {
        return Some(60);
    }
    let n = typed.chars().count();
    if n >= 4 && name_word.starts_with(typed) {
        return Some(PREFIX);
    }
    let allowed = match n {
        0..=4 => 0,
        5..=7 => 1,
        _ => 2,
    };
    (allowed > 0 && strsim::damerau_levenshtein(name_word, typed) <= allowed).then_some(40)
}

/// Partner names for autocomplete: prefix matches first, then names containing the text, then
/// names with a word close to it; at most 25.
pub fn complete_partner(partners: &[Partner], typed: &str) -> Vec<String> {
    let typed = normalize(typed);
    let mut ranked: Vec<(u32, usize, &Partner)> = partners
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let name = normalize(&p.name);
            let rank = if typed.is_empty() || name.starts_with(&typed) {
                0
            } else if name.split(' ').any(|w| w.starts_with(&typed)) {
                1
            } else if name.contains(&typed) {
                2
            } else if name_words(&p.name).iter().any(|w| {
                typed.split(' ').any(|t| {
                    t.len() >= 3
                        && strsim::damerau_levenshtein(&w[..w.len().min(t.len() + 1)], t) <= 1
                })
            }) {
                3
            } else {
                return None;
            };
            Some((rank, i, p))
        })
        .collect();
    ranked.sort_by_key(|r| (r.0, r.1));
    ranked
        .into_iter()
        .take(25)
        .map(|r| r.2.name.clone())
        .collect()
}

fn section_links(section: &Section) -> Vec<AnswerLink> {
    section
        .links
        .iter()
        .filter(|l| !l.url.starts_with("mailto:"))
        .map(|l| AnswerLink {
            title: l.text.clone(),
            url: l.url.clone(),
        })
        .collect()
}

fn hit_for(page: &Page, section: &Section) -> Hit {
    Hit {
        page: page.slug.clone(),
        title: page.title.clone(),
        language: page.language.clone(),
        section: section.heading.clone(),
        path: section.path.clone(),
        anchor: section.anchor.clone(),
        url: page.section_url(section),
        score: 1.0,
        snippet: snippet_of(&section.text),
    }
}

/// The start of a text, cut at a word boundary near 200 characters.
fn snippet_of(text: &str) -> String {
    const MAX: usize = 200;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= MAX {
        return flat;
    }
    let cut: String = flat.chars().take(MAX).collect();
    let cut = cut.rsplit_once(' ').map(|(head, _)| head).unwrap_or(&cut);
    format!("{cut} …")
}

fn help(config: &Config, language: &str, query: &str) -> Answer {
    let mut lines = vec![t(
        language,
        "Ask me about the Sovereign Cloud Stack network: mention me with a question, use `/ask`, or one of these commands:",
        "Frag mich zum Netzwerk des Sovereign Cloud Stack: erwähne mich mit einer Frage, nutze `/ask` oder einen dieser Befehle:",
    )
    .to_string()];
    for (name, command) in &config.commands {
        let description = command
            .description
            .get(language)
            .or_else(|| command.description.get(&config.default_language))
            .cloned()
            .unwrap_or_default();
        lines.push(format!("/{name} — {description}"));
    }
    lines.push(format!(
        "/ask — {}",
        t(language, "a free question", "eine freie Frage")
    ));
    lines.push(format!(
        "/help — {}",
        t(language, "this list", "diese Liste")
    ));
    Answer {
        query: query.to_string(),
        language: language.to_string(),
        command: "help".into(),
        hits: Vec::new(),
        partners: Vec::new(),
        contacts: vec![config.contact.clone()],
        links: Vec::new(),
        text: lines.join("\n"),
        title: t(language, "How to ask scs-bot", "So fragst du scs-bot").into(),
        outcome: Outcome::Answered,
    }
}

fn not_found(config: &Config, query: &str, language: &str) -> Answer {
    Answer {
        query: query.to_string(),
        language: language.to_string(),
        command: "search".into(),
        hits: Vec::new(),
        partners: Vec::new(),
        contacts: vec![config.contact.clone()],
        links: Vec::new(),
        text: format!(
            "{} {}",
            t(
                language,
                "I found nothing about that in the SCS pages. Try other words, see `/help` for the commands, or ask the forum at",
                "Dazu habe ich in den SCS-Seiten nichts gefunden. Versuch es mit anderen Worten, schau in `/help`, oder frag das Forum unter"
            ),
            config.contact
        ),
        title: t(language, "Nothing found", "Nichts gefunden").into(),
        outcome: Outcome::NotFound,
    }
}

fn refuse(config: &Config, query: &str, language: &str) -> Option<Answer> {
    if query.is_empty() || query == "/" {
        return Some(refused(
            query,
            language,
            "error",
            t(
                language,
                "Ask a question, or see `/help` for the commands.",
                "Stell eine Frage, oder schau in `/help` nach den Befehlen.",
            ),
        ));
    }
    let max = config.search.max_question_chars;
    let length = query.chars().count();
    (length > max).then(|| {
        refused(
            query,
            language,
            "error",
            &format!(
                "{} ({length} > {max}). {}",
                t(
                    language,
                    "That question is too long",
                    "Die Frage ist zu lang"
                ),
                t(
                    language,
                    "Please ask it in fewer words.",
                    "Bitte frag mit weniger Worten."
                )
            ),
        )
    })
}

fn refused(query: &str, language: &str, command: &str, why: &str) -> Answer {
    Answer {
        query: query.to_string(),
        language: language.to_string(),
        command: command.to_string(),
        hits: Vec::new(),
        partners: Vec::new(),
        contacts: Vec::new(),
        links: Vec::new(),
        text: why.to_string(),
        title: t(
            language,
            "Can't answer that",
            "Das kann ich nicht beantworten",
        )
        .into(),
        outcome: Outcome::Refused,
    }
}

/// Picks the English or German wording.
fn t<'a>(language: &str, en: &'a str, de: &'a str) -> &'a str {
    if language == "de" {
        de
    } else {
        en
    }
}

/// Characters that show nothing but split words for the index: zero-width spaces and joiners,
/// the word joiner, byte-order marks, soft hyphens and bidirectional marks.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Lowercase words of letters and digits, separated by single spaces.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// Whether the normalized `phrase` stands in the normalized `words` as whole words.
fn contains_phrase(words: &str, phrase: &str) -> bool {
    words.match_indices(phrase).any(|(at, _)| {
        let before = at == 0 || words.as_bytes()[at - 1] == b' ';
        let end = at + phrase.len();
        let after = end == words.len() || words.as_bytes()[end] == b' ';
        before && after
    })
}
