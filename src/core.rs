//! The running core: the config, and the loaded content with its index, swappable at run time.
//!
//! Invariants: [`Core::state`] always returns a complete, consistent [`State`] (a library and
//! the index built from exactly that library); [`Core::reload`] builds the new state aside and
//! swaps it in only when it is whole, so answers keep flowing during a reload and a failed
//! reload leaves the last good state serving.

use crate::answer::{self, Answer};
use crate::config::{CommandKind, Config};
use crate::content::{self, Library, Page, Problem, Section};
use crate::index::{IndexStatus, SearchIndex};
use anyhow::{bail, Context};
use std::collections::HashMap;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock, RwLock};

/// Loaded content: the pages, the index built from them, and what was wrong with them.
pub struct State {
    pub library: Library,
    pub index: SearchIndex,
    pub problems: Vec<Problem>,
    pub status: IndexStatus,
    /// Per language, the partners and the words that name them and nothing else on their
    /// page; computed on first use (the config is fixed for a core's life).
    pub(crate) partner_words: OnceLock<HashMap<String, Vec<answer::PartnerWords>>>,
}

impl State {
    /// Loads the content folder and opens (or builds) the index for it.
    pub fn load(config: &Config) -> anyhow::Result<State> {
        if !config.content.is_dir() {
            bail!(
                "the content folder {} does not exist: create it, or point `content` in the config (or --content) at the folder with the markdown pages",
                config.content.display()
            );
        }
        crate::index::check_apart(&config.index, &config.content)?;
        let (library, problems) = content::load_dir(&config.content, &config.load_options());
        let (index, status) = SearchIndex::open_or_build(&config.index, &library)
            .with_context(|| format!("can't build the index in {}", config.index.display()))?;
        Ok(State {
            library,
            index,
            problems,
            status,
            partner_words: OnceLock::new(),
        })
    }

    /// Builds a state from a library already in memory, with an index in RAM (for tests and
    /// benchmarks).
    pub fn in_memory(library: Library) -> anyhow::Result<State> {
        let index = SearchIndex::build_in_ram(&library)?;
        Ok(State {
            library,
            index,
            problems: Vec::new(),
            status: IndexStatus::InMemory {
                reason: "built in memory".into(),
            },
            partner_words: OnceLock::new(),
        })
    }

    /// A section by page identity and anchor.
    pub fn section(&self, language: &str, slug: &str, anchor: &str) -> Option<(&Page, &Section)> {
        let page = self.library.page(language, slug)?;
        Some((page, page.section(anchor)?))
    }

    /// Partner names per language, as the partner commands find them.
    fn partners(&self, config: &Config) -> BTreeSet<String> {
        config
            .commands
            .values()
            .filter(|c| c.kind == CommandKind::Partners)
            .flat_map(|c| {
                config
                    .languages
                    .iter()
                    .filter_map(|lang| answer::find_section(self, config, c, lang))
                    .filter(|(page, _)| config.languages.contains(&page.language))
                    .flat_map(|(page, section)| {
                        answer::partners_of(section)
                            .into_iter()
                            .map(move |p| format!("{} ({})", p.name, page.language))
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }
}

/// A command as front ends list and register it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandInfo {
    pub name: String,
    /// Description per language.
    pub description: BTreeMap<String, String>,
    pub kind: CommandKind,
}

/// What a reload changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReloadReport {
    pub pages_added: Vec<String>,
    pub pages_removed: Vec<String>,
    pub pages_changed: Vec<String>,
    pub partners_added: Vec<String>,
    pub partners_removed: Vec<String>,
    pub problems: Vec<Problem>,
}

impl ReloadReport {
    pub fn is_unchanged(&self) -> bool {
        self.pages_added.is_empty()
            && self.pages_removed.is_empty()
            && self.pages_changed.is_empty()
            && self.partners_added.is_empty()
            && self.partners_removed.is_empty()
    }
}

/// The config and the current state; share it as `Arc<Core>`.
pub struct Core {
    config: Config,
    state: RwLock<Arc<State>>,
}

impl Core {
    pub fn open(config: Config) -> anyhow::Result<Core> {
        let state = State::load(&config)?;
        Ok(Core::with_state(config, state))
    }

    pub fn with_state(config: Config, state: State) -> Core {
        Core {
            config,
            state: RwLock::new(Arc::new(state)),
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The current state; it stays valid for the holder even if a reload swaps it out.
    pub fn state(&self) -> Arc<State> {
        Arc::clone(&self.state.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Answers a command line (`/partners syseleven`) or a free question.
    pub fn answer(&self, input: &str, locale: &str) -> Answer {
        answer::answer(&self.state(), &self.config, input, locale)
    }

    /// Runs a slash command with its optional argument.
    pub fn command(&self, name: &str, arg: Option<&str>, locale: &str) -> Answer {
        let language = self.config.language_for(locale);
        let query = match arg {
            Some(arg) => format!("/{name} {arg}"),
            None => format!("/{name}"),
        };
        if name == "ask" {
            // A question typed into `/ask` gets the same length check as any other input.
            return answer::answer(&self.state(), &self.config, arg.unwrap_or(""), locale);
        }
        answer::run_command(&self.state(), &self.config, name, arg, language, &query)
    }

    /// Partner names for autocomplete, ranked, at most 25.
    pub fn complete_partner(&self, typed: &str, locale: &str) -> Vec<String> {
        let state = self.state();
        let language = self.config.language_for(locale);
        let partners = self
            .config
            .commands
            .values()
            .filter(|c| c.kind == CommandKind::Partners)
            .find_map(|c| answer::find_section(&state, &self.config, c, language))
            .map(|(_, section)| answer::partners_of(section))
            .unwrap_or_default();
        answer::complete_partner(&partners, typed)
    }

    /// Every command: the configured ones (built-ins included), then `ask` and `help`.
    pub fn commands(&self) -> Vec<CommandInfo> {
        self.config
            .commands
            .iter()
            .map(|(name, c)| CommandInfo {
                name: name.clone(),
                description: c.description.clone(),
                kind: c.kind,
            })
            .collect()
    }

    /// Re-reads the content and rebuilds the index; swaps the new state in when it is whole.
    /// On error the last good state keeps serving.
    pub fn reload(&self) -> anyhow::Result<ReloadReport> {
        let old = self.state();
        let new = State::load(&self.config)?;
        let report = diff(&old, &new, &self.config);
        *self.state.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(new);
        Ok(report)
    }
}

fn diff(old: &State, new: &State, config: &Config) -> ReloadReport {
    fn pages(s: &State) -> BTreeMap<String, &Page> {
        s.library
            .pages
            .iter()
            .map(|p| (format!("{}/{}", p.language, p.slug), p))
            .collect()
    }
    let (before, after) = (pages(old), pages(new));
    let (partners_before, partners_after) = (old.partners(config), new.partners(config));
    ReloadReport {
        pages_added: after
            .keys()
            .filter(|k| !before.contains_key(*k))
            .cloned()
            .collect(),
        pages_removed: before
            .keys()
            .filter(|k| !after.contains_key(*k))
            .cloned()
            .collect(),
        pages_changed: after
            .iter()
            .filter(|(k, p)| before.get(*k).is_some_and(|old| old != *p))
            .map(|(k, _)| k.clone())
            .collect(),
        partners_added: partners_after
            .difference(&partners_before)
            .cloned()
            .collect(),
        partners_removed: partners_before
            .difference(&partners_after)
            .cloned()
            .collect(),
        problems: new.problems.clone(),
    }
}
