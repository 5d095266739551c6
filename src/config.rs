//! `config.toml`: where the content and the index are, the languages, the search and Discord
//! settings, and which page section answers which command.
//!
//! Invariants: a loaded [`Config`] has absolute-or-cwd-relative paths resolved against the
//! config file's folder, at least one language, a default language among them, and every
//! command name valid for Discord (`[a-z0-9_-]{1,32}`). Unknown keys are errors naming the key.
//! Secrets never live here: the Discord token comes from the environment only.

use anyhow::{bail, Context};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The built-in command names; each has a default in [`Config::default`] that the file may
/// override field by field.
pub const BUILTIN: [&str; 5] = ["about", "goals", "join", "links", "partners"];

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Folder with the markdown pages, searched recursively.
    #[serde(default = "defaults::content")]
    pub content: PathBuf,
    /// Folder the Tantivy index is built in.
    #[serde(default = "defaults::index")]
    pub index: PathBuf,
    /// Language for pages that name none, and for answers when a requested language is missing.
    #[serde(default = "defaults::default_language")]
    pub default_language: String,
    /// Languages answered in; also recognised as a path segment (`de/pages/x.md`).
    #[serde(default = "defaults::languages")]
    pub languages: Vec<String>,
    /// Public URL of a page; `{lang}` and `{slug}` are replaced.
    #[serde(default = "defaults::page_url")]
    pub page_url: String,
    /// Folder names whose files are parts of pages, not pages (`components`).
    #[serde(default = "defaults::skip_dirs")]
    pub skip_dirs: Vec<String>,
    /// Larger content files are reported and skipped without being read.
    #[serde(default = "defaults::max_page_bytes")]
    pub max_page_bytes: u64,
    /// The address to point people at when nothing is found.
    #[serde(default = "defaults::contact")]
    pub contact: String,
    #[serde(default)]
    pub search: SearchConfig,
    #[serde(default)]
    pub discord: DiscordConfig,
    #[serde(default)]
    pub limits: LimitsConfig,
    #[serde(default)]
    pub feedback: FeedbackConfig,
    #[serde(default)]
    pub http: HttpConfig,
    /// `[git]`: follow a git repository; the content folder is then the checkout's `path`.
    #[serde(default)]
    pub git: Option<GitConfig>,
    /// Commands answered from a page section, by name: the built-ins merged with the file's.
    #[serde(skip)]
    pub commands: BTreeMap<String, CommandConfig>,
    /// `[commands.NAME]` tables as written, merged into `commands` by [`Config::parse`].
    #[serde(default, rename = "commands")]
    command_patches: BTreeMap<String, CommandPatch>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SearchConfig {
    /// Sections shown for a free question.
    pub max_hits: usize,
    /// Longer questions are refused politely.
    pub max_question_chars: usize,
    /// Answers to free questions with a lower confidence (0–1) say "not found" instead.
    pub min_confidence: f32,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DiscordConfig {
    /// Guild (server) ids to register the commands in; empty: register globally.
    pub guilds: Vec<u64>,
    /// Base URL of a Discord REST proxy (or a fake); `DISCORD_API_BASE` overrides it.
    pub api_base: Option<String>,
    /// Replaced by `[limits]`; kept only to say so when a config still sets it.
    pub(crate) cooldown_seconds: Option<u64>,
    /// Watch the content folder and reload on change.
    pub watch_content: bool,
    /// Seconds any call to Discord's REST API (or a webhook) may take before it is an error.
    pub request_timeout_seconds: u64,
}

/// The HTTP side: the interactions endpoint of `scs-bot serve`, and `/healthz` and `/metrics`
/// (served by `serve`, and by the gateway bot when `listen` is set).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HttpConfig {
    /// Address to listen on (`127.0.0.1:8080`); `serve` uses [`DEFAULT_LISTEN`] without it,
    /// the gateway bot serves no HTTP without it.
    pub listen: Option<String>,
    /// How far (seconds) a request's `X-Signature-Timestamp` may be from the clock.
    pub timestamp_tolerance_seconds: u64,
    /// Larger request bodies are refused (413).
    pub max_body_bytes: usize,
}

/// Where `scs-bot serve` listens when neither `--listen` nor `[http] listen` says.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            listen: None,
            timestamp_tolerance_seconds: 300,
            max_body_bytes: 64 * 1024,
        }
    }
}

/// The per-user rate limit of questions (`/ask` and mentions; commands answered from a fixed
/// section are never limited): `burst` in a row, then one more every `every_seconds`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsConfig {
    /// Questions a user may ask in a row (at least 1).
    pub burst: u32,
    /// Seconds until one more question may be asked; 0 turns the limit off.
    pub every_seconds: u64,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        LimitsConfig {
            burst: 3,
            every_seconds: 20,
        }
    }
}

/// Where questions and votes are recorded (see the README's "Feedback").
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FeedbackConfig {
    /// The SQLite database file; relative to the config file's folder. Empty: record nothing.
    pub database: PathBuf,
    /// Questions and votes older than this many days are deleted.
    pub keep_days: u32,
}

impl Default for FeedbackConfig {
    fn default() -> Self {
        FeedbackConfig {
            database: "feedback.sqlite".into(),
            keep_days: 90,
        }
    }
}

/// `[git]`: the repository the pages come from (see `core::git`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GitConfig {
    /// The repository: an `https://` URL, a `file://` URL or a local path.
    pub url: String,
    /// The branch followed.
    #[serde(default = "defaults::git_branch")]
    pub branch: String,
    /// The folder inside the repository that holds the pages; relative, never leaving it.
    #[serde(default)]
    pub path: PathBuf,
    /// Minutes between two pulls of the running bot; 0: only on `scs-bot sync` and `/reload`.
    #[serde(default = "defaults::git_pull_minutes")]
    pub pull_minutes: u64,
    /// Where the clone lives; default: next to the index folder (`<index>-checkout`).
    #[serde(default)]
    pub checkout: Option<PathBuf>,
    /// The git program.
    #[serde(default = "defaults::git_program")]
    pub program: PathBuf,
    /// Seconds one git command may take before it is stopped and the update fails.
    #[serde(default = "defaults::git_timeout_seconds")]
    pub timeout_seconds: u64,
}

impl GitConfig {
    /// The folder of the clone (set by [`Config::parse`]: never `None` in a parsed config).
    pub fn checkout(&self) -> &Path {
        self.checkout.as_deref().unwrap_or(Path::new("checkout"))
    }

    /// The content folder inside the checkout: `<checkout>/current/<path>`, where `current` is
    /// the link to the last good tree.
    pub fn content(&self) -> PathBuf {
        self.checkout().join("current").join(&self.path)
    }
}

/// One command answered from a section of the content.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandConfig {
    /// What is drawn from the section.
    pub kind: CommandKind,
    /// Slug of the page the section is on; `None`: any page of the language.
    #[serde(default)]
    pub page: Option<String>,
    /// Per language: the section's heading text (as shown, case-insensitive) or its anchor.
    #[serde(default)]
    pub section: BTreeMap<String, String>,
    /// Per language: the command's description (Discord shows it; `en` is required).
    #[serde(default)]
    pub description: BTreeMap<String, String>,
    /// Phrases that route a free question to this command ("how do i join").
    #[serde(default)]
    pub triggers: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CommandKind {
    /// The list items of the section as partners (name + link).
    Partners,
    /// The e-mail addresses of the section, with its text.
    Contact,
    /// The links of the section.
    Links,
    /// The section's text (and its list items).
    Section,
}

/// The confidence below which a free question is answered "not found": set on the question
/// sets in tests/eval (see the README's "How sure the bot is").
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.45;

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            max_hits: 3,
            max_question_chars: 300,
            min_confidence: DEFAULT_MIN_CONFIDENCE,
        }
    }
}

impl Default for DiscordConfig {
    fn default() -> Self {
        DiscordConfig {
            guilds: Vec::new(),
            api_base: None,
            cooldown_seconds: None,
            watch_content: true,
            request_timeout_seconds: 10,
        }
    }
}

mod defaults {
    use std::path::PathBuf;
    pub fn content() -> PathBuf {
        "content".into()
    }
    pub fn index() -> PathBuf {
        "index".into()
    }
    pub fn default_language() -> String {
        "en".into()
    }
    pub fn languages() -> Vec<String> {
        vec!["en".into(), "de".into()]
    }
    pub fn page_url() -> String {
        "https://scs.community/{lang}/{slug}".into()
    }
    pub fn skip_dirs() -> Vec<String> {
        vec!["components".into(), "authors".into()]
    }
    pub fn contact() -> String {
        "forum-scs-standards@osb-alliance.com".into()
    }
    pub fn max_page_bytes() -> u64 {
        crate::content::DEFAULT_MAX_PAGE_BYTES
    }
    pub fn git_branch() -> String {
        "main".into()
    }
    pub fn git_pull_minutes() -> u64 {
        15
    }
    pub fn git_program() -> PathBuf {
        "git".into()
    }
    pub fn git_timeout_seconds() -> u64 {
        300
    }
}

fn builtin(name: &str) -> CommandConfig {
    let map = |pairs: &[(&str, &str)]| -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let triggers = |t: &[&str]| t.iter().map(|s| s.to_string()).collect();
    match name {
        "partners" => CommandConfig {
            kind: CommandKind::Partners,
            page: Some("network".into()),
            section: map(&[
                ("en", "Our Partners in the Network"),
                ("de", "Unsere Partner im Netzwerk"),
            ]),
            description: map(&[
                ("en", "The partners of the SCS network, or one of them"),
                ("de", "Die Partner im SCS-Netzwerk, oder einer davon"),
            ]),
            triggers: triggers(&[
                "partners",
                "partner list",
                "list of partners",
                "founding members",
                "members of the forum",
                "who are the members",
                "which companies",
                "partner",
                "member",
                "members",
                "mitglieder",
                "gründungsmitglieder",
                "welche firmen",
                "welche unternehmen",
                "mitglied im forum",
                "part of the forum",
                "part of the network",
                "teil des forums",
                "teil des netzwerks",
                // Who takes part: the list ("who's in the network?", "wer macht mit?"), where
                // "how do I take part" asks to join.
                "who is in the network",
                "who s in the network",
                "who participates",
                "who takes part",
                "who is involved",
                "wer macht mit",
                "wer ist dabei",
                "wer ist beteiligt",
                "wer beteiligt sich",
                // Whether a company is in it ("is ovh in the network too?").
                "in the forum",
                "in the network",
                "im forum",
                "im netzwerk",
                "belong to the forum",
                "belongs to the forum",
                "belong to",
                "belongs to",
                "part of the scs forum",
                "part of scs",
                "gehört zum",
                "gehören zum",
                "in there",
                "on there",
                "in that forum",
                "in this forum",
                "in that network",
                "mit dabei",
                "auch dabei",
                "mit im boot",
                "auch dazu",
                "gehört zum forum",
                // The founding members by other words and forms ("is noris among the
                // founders?", "bei den Gründern aufgezählt?", "Gründungsmitglied laut dieser
                // Seite?"), and the list by its name.
                // Not "founder"/"Gründer" alone: "who is the founder of SCS?" asks who
                // started it; nor "Mitgliedern": "was wird von den Mitgliedern erwartet?".
                "founders",
                "founder list",
                "founders list",
                "list of founders",
                "founding member",
                "gründern",
                "gründungsmitglied",
                "gründungsmitgliedern",
                "forumsmitglied",
                "forumsmitglieder",
                "partnern",
                "partnerliste",
                "gründerliste",
            ]),
        },
        "join" => CommandConfig {
            kind: CommandKind::Contact,
            page: Some("network".into()),
            section: map(&[("en", "Get Involved"), ("de", "Mitmachen")]),
            description: map(&[
                (
                    "en",
                    "How to join the Forum SCS-Standards, and whom to contact",
                ),
                (
                    "de",
                    "Wie man dem Forum SCS-Standards beitritt, und wen man fragt",
                ),
            ]),
            triggers: triggers(&[
                "join",
                "get involved",
                "become a member",
                "become members",
                "become member",
                "become partners",
                "forum for companies",
                "forum only for",
                "forum open to",
                "forum für firmen",
                "forum für unternehmen",
                "forum nur für",
                "membership",
                "contact",
                "e-mail",
                "email",
                "mail address",
                "reach",
                "mitmachen",
                "beitreten",
                "kontakt",
                "mitglied werden",
                "werde ich mitglied",
                "mitgliedschaft",
                "mitzumachen",
                "beizutreten",
                "forumsmitglied werden",
                "werde ich forumsmitglied",
                "forumsmitglied zu werden",
                "wird man forumsmitglied",
                "wird man mitglied",
                "mitglied zu werden",
                "kontaktieren",
                "erreiche ich",
                "euch erreichen",
                "an wen wende ich mich",
                "an wen kann ich mich wenden",
                // The same asked for a company or a team.
                "an wen wenden wir uns",
                "an wen können wir uns wenden",
            ]),
        },
        "links" => CommandConfig {
            kind: CommandKind::Links,
            page: Some("network".into()),
            section: map(&[("en", "Further Links"), ("de", "Weiterführende Links")]),
            description: map(&[
                ("en", "Documentation, repositories and further reading"),
                ("de", "Dokumentation, Repositories und mehr zum Lesen"),
            ]),
            triggers: triggers(&[
                "links",
                "further reading",
                "documentation",
                "weiterführende",
            ]),
        },
        "about" => CommandConfig {
            kind: CommandKind::Section,
            page: Some("network".into()),
            section: map(&[
                ("en", "The Network Behind the Sovereign Cloud Stack (SCS)"),
                ("de", "Das Netzwerk hinter dem Sovereign Cloud Stack (SCS)"),
            ]),
            description: map(&[
                ("en", "What the Sovereign Cloud Stack network is"),
                ("de", "Was das Netzwerk des Sovereign Cloud Stack ist"),
            ]),
            triggers: triggers(&["what is scs", "what is the sovereign cloud stack"]),
        },
        "goals" => CommandConfig {
            kind: CommandKind::Section,
            page: Some("network".into()),
            section: map(&[("en", "Goals of the Forum"), ("de", "Ziele des Forums")]),
            description: map(&[
                ("en", "The goals of the Forum SCS-Standards"),
                ("de", "Die Ziele des Forums SCS-Standards"),
            ]),
            triggers: triggers(&["goals", "ziele", "to achieve"]),
        },
        _ => unreachable!("not a built-in command: {name}"),
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            content: defaults::content(),
            index: defaults::index(),
            default_language: defaults::default_language(),
            languages: defaults::languages(),
            page_url: defaults::page_url(),
            skip_dirs: defaults::skip_dirs(),
            contact: defaults::contact(),
            max_page_bytes: defaults::max_page_bytes(),
            search: SearchConfig::default(),
            discord: DiscordConfig::default(),
            limits: LimitsConfig::default(),
            feedback: FeedbackConfig::default(),
            http: HttpConfig::default(),
            git: None,
            commands: BUILTIN
                .iter()
                .map(|name| (name.to_string(), builtin(name)))
                .collect(),
            command_patches: BTreeMap::new(),
        }
    }
}

/// A `[commands.NAME]` table as written: every field optional, so that a built-in can be
/// changed one field at a time.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct CommandPatch {
    kind: Option<CommandKind>,
    page: Option<String>,
    section: Option<BTreeMap<String, String>>,
    description: Option<BTreeMap<String, String>>,
    triggers: Option<Vec<String>>,
}

impl Config {
    /// Parses `config.toml` text; paths stay as written. Errors name the key and the fix.
    pub fn parse(text: &str) -> anyhow::Result<Config> {
        let mut config: Config = toml::from_str(text).map_err(|e| anyhow::anyhow!("{e}"))?;
        config.commands = Config::default().commands;
        for (name, patch) in std::mem::take(&mut config.command_patches) {
            let merged = match config.commands.remove(&name) {
                Some(base) => CommandConfig {
                    kind: patch.kind.unwrap_or(base.kind),
                    page: patch.page.or(base.page),
                    section: patch.section.unwrap_or(base.section),
                    description: patch.description.unwrap_or(base.description),
                    triggers: patch.triggers.unwrap_or(base.triggers),
                },
                None => CommandConfig {
                    kind: patch.kind.unwrap_or(CommandKind::Section),
                    page: patch.page,
                    section: patch.section.with_context(|| {
                        format!("`commands.{name}.section` is missing: name the heading it answers from, e.g. section = {{ en = \"Further Links\" }}")
                    })?,
                    description: patch.description.unwrap_or_default(),
                    triggers: patch.triggers.unwrap_or_default(),
                },
            };
            config.commands.insert(name, merged);
        }
        config.validate()?;
        if let Some(git) = &mut config.git {
            if toml::from_str::<toml::Table>(text).is_ok_and(|t| t.contains_key("content")) {
                bail!("`content` and `[git]` are both set: with `[git]` the pages are the checkout's `git.path`; remove `content` (or the `[git]` table)");
            }
            validate_git(git)?;
            if git.checkout.is_none() {
                // Next to the index folder, never inside it (a rebuild replaces the index folder).
                let name = config
                    .index
                    .file_name()
                    .map_or_else(|| "index".into(), |n| n.to_string_lossy().into_owned());
                git.checkout = Some(config.index.with_file_name(format!("{name}-checkout")));
            }
            config.content = git.content();
        }
        Ok(config)
    }

    /// Reads and parses the file; relative paths are resolved against the file's folder.
    pub fn load(path: &Path) -> anyhow::Result<Config> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("can't read the config file {}", path.display()))?;
        let mut config =
            Config::parse(&text).with_context(|| format!("{} is not valid", path.display()))?;
        let base = path.parent().unwrap_or(Path::new(""));
        config.content = base.join(&config.content);
        if !config.feedback.database.as_os_str().is_empty() {
            config.feedback.database = base.join(&config.feedback.database);
        }
        config.index = base.join(&config.index);
        if let Some(git) = &mut config.git {
            git.checkout = git.checkout.as_ref().map(|c| base.join(c));
            config.content = git.content();
        }
        if let Some(git) = &config.git {
            if overlap(git.checkout(), &config.index) {
                bail!(
                    "{} is not valid: `git.checkout` ({}) and `index` ({}) overlap: put the checkout next to the index folder, not in it (or the other way round)",
                    path.display(),
                    git.checkout().display(),
                    config.index.display()
                );
            }
        }
        Ok(config)
    }

    fn validate(&self) -> anyhow::Result<()> {
        if self.languages.is_empty() {
            bail!("`languages` can't be empty: list the languages to answer in, e.g. [\"en\", \"de\"]");
        }
        if !self.languages.contains(&self.default_language) {
            bail!(
                "`default_language` is \"{}\" but `languages` is {:?}: add it to `languages` or pick one of them",
                self.default_language,
                self.languages
            );
        }
        if !self.page_url.contains("{slug}") {
            bail!("`page_url` must contain `{{slug}}`, e.g. \"https://scs.community/{{lang}}/{{slug}}\"");
        }
        if let Some(seconds) = self.discord.cooldown_seconds {
            bail!(
                "`discord.cooldown_seconds` ({seconds}) is no longer read: questions are limited by `[limits]` now, with `burst` (questions in a row, default 3) and `every_seconds` (one more question every N seconds, default 20); remove `cooldown_seconds` and set those instead, e.g. [limits] burst = 3, every_seconds = {seconds}"
            );
        }
        if self.limits.burst == 0 {
            bail!("`limits.burst` must be at least 1 (the questions a user may ask in a row); to turn the limit off set `limits.every_seconds = 0`");
        }
        if self.max_page_bytes == 0 {
            bail!(
                "`max_page_bytes` must be at least 1 (the default is {}, 5 MB)",
                defaults::max_page_bytes()
            );
        }
        if self.discord.request_timeout_seconds == 0 {
            bail!("`discord.request_timeout_seconds` must be at least 1");
        }
        if self.http.max_body_bytes < 1024 {
            bail!("`http.max_body_bytes` must be at least 1024 (interactions are a few kilobytes)");
        }
        if let Some(listen) = &self.http.listen {
            if listen.parse::<std::net::SocketAddr>().is_err() {
                bail!("`http.listen` is \"{listen}\": give an address and port, e.g. \"127.0.0.1:8080\" or \"0.0.0.0:8080\"");
            }
        }
        if self.search.max_hits == 0 {
            bail!("`search.max_hits` must be at least 1");
        }
        if self.search.max_question_chars == 0 {
            bail!("`search.max_question_chars` must be at least 1");
        }
        if !(0.0..=1.0).contains(&self.search.min_confidence) {
            bail!("`search.min_confidence` must be between 0 and 1");
        }
        for (name, command) in &self.commands {
            let valid = !name.is_empty()
                && name.len() <= 32
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
            if !valid {
                bail!("`commands.{name}`: a command name must be 1 to 32 characters of a-z, 0-9, `-` and `_`");
            }
            if ["help", "ask", "reload"].contains(&name.as_str()) {
                bail!("`commands.{name}`: `/{name}` is built in and can't be configured; pick another name");
            }
            if command.section.is_empty() {
                bail!("`commands.{name}.section` can't be empty: name the heading per language, e.g. {{ en = \"Further Links\" }}");
            }
            for lang in command.section.keys().chain(command.description.keys()) {
                if !self.languages.contains(lang) {
                    bail!(
                        "`commands.{name}`: language `{lang}` is not in `languages` {:?}",
                        self.languages
                    );
                }
            }
            let en = command.description.get(&self.default_language);
            if en.is_none_or(|d| d.trim().is_empty() || d.chars().count() > 100) {
                bail!("`commands.{name}.description.{}` is required, 1 to 100 characters (Discord shows it)", self.default_language);
            }
        }
        Ok(())
    }

    /// The `[git]` section, unless the content folder was given some other way (`--content`).
    pub fn git(&self) -> Option<&GitConfig> {
        self.git.as_ref().filter(|g| g.content() == self.content)
    }

    /// The page URL for a page identity.
    pub fn page_url(&self, language: &str, slug: &str) -> String {
        self.page_url
            .replace("{lang}", language)
            .replace("{slug}", slug)
    }

    /// What the content loader needs.
    pub fn load_options(&self) -> crate::content::LoadOptions {
        crate::content::LoadOptions {
            default_language: self.default_language.clone(),
            languages: self.languages.clone(),
            page_url: self.page_url.clone(),
            skip_dirs: self.skip_dirs.clone(),
            max_page_bytes: self.max_page_bytes,
        }
    }

    /// `lang` if it is answered in, else the default language. Accepts Discord locales (`de`, `en-US`).
    pub fn language_for(&self, locale: &str) -> &str {
        let lang = locale
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        self.languages
            .iter()
            .find(|l| **l == lang)
            .unwrap_or(&self.default_language)
    }
}

/// `[git]`'s values: errors name the key. The URL and branch are handed to git as arguments
/// after `--` or inside a refspec, so they must not look like options or carry refspec syntax.
fn validate_git(git: &GitConfig) -> anyhow::Result<()> {
    let url = git.url.trim();
    if url.is_empty() || url.starts_with('-') || url.chars().any(char::is_control) {
        bail!("`git.url` must be the repository's address, e.g. \"https://github.com/SovereignCloudStack/sovereigncloudstack.org\"");
    }
    if url.to_ascii_lowercase().starts_with("ext::") {
        bail!("`git.url`: `ext::` addresses run commands and are not allowed; use https://, file:// or a path");
    }
    let branch = &git.branch;
    let bad_branch = branch.is_empty()
        || branch.starts_with(['-', '/', '.'])
        || branch.ends_with(['/', '.'])
        || branch.ends_with(".lock")
        || branch.contains("..")
        || branch.contains("@{")
        || branch.contains("//")
        || branch
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || "~^:?*[\\".contains(c));
    if bad_branch {
        bail!("`git.branch` \"{branch}\" is not a branch name, e.g. \"main\"");
    }
    use std::path::Component;
    if git
        .path
        .components()
        .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir))
    {
        bail!(
            "`git.path` \"{}\" must be a folder inside the repository, relative and without `..`, e.g. \"src/content\"",
            git.path.display()
        );
    }
    if git.program.as_os_str().is_empty() {
        bail!("`git.program` can't be empty: leave it out to use `git` from PATH");
    }
    if git.timeout_seconds == 0 {
        bail!("`git.timeout_seconds` must be at least 1");
    }
    if git
        .checkout
        .as_ref()
        .is_some_and(|c| c.as_os_str().is_empty())
    {
        bail!("`git.checkout` can't be empty: leave it out for a folder next to the index");
    }
    Ok(())
}

/// Whether one path is the other or inside it, compared as written (both resolved against the
/// config file's folder) and, where they exist, resolved.
fn overlap(a: &Path, b: &Path) -> bool {
    let lexical = |a: &Path, b: &Path| a.starts_with(b) || b.starts_with(a);
    let resolved = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    lexical(a, b) || lexical(&resolved(a), &resolved(b))
}
