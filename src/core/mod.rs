//! The running core: the config, and the loaded content with its index and catalog, swappable
//! at run time; and the one front door every transport answers through ([`door`]).
//!
//! Invariants: [`Core::state`] always returns a complete, consistent [`State`] (a library, the
//! index built from exactly that library, and the catalog compiled from both); [`Core::reload`]
//! builds the new state aside and swaps it in only when it is whole, so answers keep flowing
//! during a reload and a failed reload leaves the last good state serving. The clock is read
//! at two edges only: when a load's walk begins ([`State::load`]), and for the present year
//! answers are given in ([`Core::now`], unless [`Core::at_time`] fixed it); everything below
//! takes the time as a parameter. The watcher ([`watch`]) and the periodic pull
//! ([`git::pull_every`]) are the only timed parts, and they only call `reload`. With `[git]` set, a reload first pulls the branch
//! ([`git`]); a failed pull fails the reload with [`git::PullFailed`] and changes nothing.

pub mod door;
pub mod feedback;
pub mod git;
pub mod limit;
pub mod metrics;
pub mod watch;

pub use door::{Admitted, Asked, Gate, Input};
pub use metrics::{Direction, Metrics, Reloaded};

use crate::answer::{self, Answer, Catalog, Sources, Surface};
use crate::config::{CommandKind, Config};
use crate::content::{self, Library, LoadedFrom, Page, Problem};
use crate::index::{snapshot, IndexStatus, SearchIndex};
use anyhow::{bail, Context};
use std::collections::BTreeMap;
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

/// Loaded content: the pages, the index built from them, the catalog compiled from them, and
/// what was wrong with them.
pub struct State {
    config: Arc<Config>,
    pub library: Library,
    pub index: SearchIndex,
    pub catalog: Catalog,
    /// Content problems, then the catalog's (commands whose section is missing).
    pub problems: Vec<Problem>,
    pub status: IndexStatus,
    /// The content's fingerprint (the index's), which names this revision of the content.
    pub revision: String,
    /// Where the pages came from: the snapshot in the index folder, the files, or both.
    pub loaded_from: LoadedFrom,
}

impl State {
    /// Loads the content folder and opens (or builds) the index for it, reusing the snapshot in
    /// the index folder for the files that have not changed (see [`State::load_at`]).
    pub fn load(config: Arc<Config>) -> anyhow::Result<State> {
        // The one reading of the clock: when the walk begins, which decides which files are too
        // fresh to be trusted by their stat at the next load.
        State::load_at(config, SystemTime::now())
    }

    /// [`State::load`], the walk of the content folder beginning at `now`.
    ///
    /// A cold start with unchanged content reads no page and hashes nothing: the walk (with
    /// its confinement and skip rules, and its problems, always fresh) stats every file, the
    /// pages' snapshot ([`crate::index::snapshot`]) gives what each trusted file made (see
    /// `content::cache` for when a file is trusted) and the fingerprint of the whole, and the
    /// index opens with its layout snapshot. A file that is new, changed or too fresh to trust
    /// is read and parsed; when the library is then not exactly the snapshot's, its fingerprint
    /// is computed, and it decides whether the index is reused, as it always did. A missing,
    /// damaged or stale snapshot means every file is read. The snapshot is written again
    /// whenever it would tell the next start something new.
    pub fn load_at(config: Arc<Config>, now: SystemTime) -> anyhow::Result<State> {
        if let Some(git) = config.git() {
            if git::serving(git).is_none() {
                bail!(
                    "there is no checkout of {} (`git.url`) in {} yet: run `scs-bot sync`",
                    git.url,
                    git.checkout().display()
                );
            }
        }
        if !config.content.is_dir() {
            bail!(
                "the content folder {} does not exist: create it, or point `content` in the config (or --content) at the folder with the markdown pages",
                config.content.display()
            );
        }
        crate::index::check_apart(&config.index, &config.content)?;
        let options = config.load_options();
        // The walk is system calls, reading the snapshot is computing: side by side.
        let (survey, previous) = std::thread::scope(|scope| {
            let walking = scope.spawn(|| content::survey(&config.content, &options, now));
            let previous = snapshot::read_pages(&config.index);
            let survey = walking
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (survey, previous)
        });
        let loaded = content::load_surveyed(survey, &options, previous);
        tracing::debug!("content of {}: {}", config.content.display(), loaded.from);
        let revision = match &loaded.unchanged {
            Some(revision) => revision.clone(),
            None => crate::index::fingerprint(&loaded.library),
        };
        let (index, status) =
            SearchIndex::open_or_build_with(&config.index, &loaded.library, &revision)
                .with_context(|| format!("can't build the index in {}", config.index.display()))?;
        let kept = loaded.is_worth_caching() || status != IndexStatus::Reused;
        if kept && index.location().is_some() {
            if let Some(cache) = loaded.cache(&options, &revision) {
                snapshot::write_pages(&config.index, &cache);
            }
        }
        let content::Loaded {
            library,
            problems,
            from,
            ..
        } = loaded;
        Ok(State::assemble(
            config, library, index, problems, status, revision, from,
        ))
    }

    /// Builds a state from a library already in memory, with an index in RAM (for tests and
    /// benchmarks).
    pub fn in_memory(library: Library, config: Config) -> anyhow::Result<State> {
        let index = SearchIndex::build_in_ram(&library)?;
        let status = IndexStatus::InMemory {
            reason: "built in memory".into(),
        };
        let revision = crate::index::fingerprint(&library);
        let from = LoadedFrom::Files {
            reason: "a library in memory".into(),
        };
        Ok(State::assemble(
            Arc::new(config),
            library,
            index,
            Vec::new(),
            status,
            revision,
            from,
        ))
    }

    fn assemble(
        config: Arc<Config>,
        library: Library,
        index: SearchIndex,
        mut problems: Vec<Problem>,
        status: IndexStatus,
        revision: String,
        loaded_from: LoadedFrom,
    ) -> State {
        let catalog = Catalog::compile(&library, &config);
        problems.extend(catalog.problems().iter().cloned());
        State {
            revision,
            loaded_from,
            config,
            library,
            index,
            catalog,
            problems,
            status,
        }
    }

    /// The config this state was loaded with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// What the answer layer draws from, at `now`.
    pub fn sources(&self, now: SystemTime) -> Sources<'_> {
        Sources {
            config: &self.config,
            library: &self.library,
            index: &self.index,
            catalog: &self.catalog,
            year: year_of(now),
        }
    }

    /// Answers a line (`/partners syseleven`, or a free question) through the front door, from
    /// this state (a front end holding a state across a reload answers from it), at `now`.
    pub fn answer(&self, now: SystemTime, input: &str, locale: &str) -> Answer {
        door::answer(
            &self.sources(now),
            Surface::Console,
            Input::Line(input),
            Some(locale),
        )
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
    /// With `[git]`: the commit pulled, and the one served before.
    pub pulled: Option<git::Pulled>,
}

impl ReloadReport {
    pub fn is_unchanged(&self) -> bool {
        self.pages_added.is_empty()
            && self.pages_removed.is_empty()
            && self.pages_changed.is_empty()
            && self.partners_added.is_empty()
            && self.partners_removed.is_empty()
    }

    /// The commit a reload pulled, in one sentence; `None` without `[git]`.
    pub fn pulled_line(&self, language: &str) -> Option<String> {
        let words = crate::messages::of(language);
        let pulled = self.pulled.as_ref()?;
        let commit = git::short(Some(&pulled.commit));
        Some(match &pulled.previous {
            None => crate::messages::fill(words.pulled_first, &[("commit", &commit)]),
            Some(_) if pulled.is_unchanged() => {
                crate::messages::fill(words.pulled_same, &[("commit", &commit)])
            }
            Some(previous) => crate::messages::fill(
                words.pulled,
                &[
                    ("commit", &commit),
                    ("previous", &git::short(Some(previous))),
                ],
            ),
        })
    }
}

/// What `GET /healthz` reports.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Health {
    pub pages: usize,
    pub sections: u64,
    /// Seconds since the index on disk was built; `None` for an index in memory.
    pub index_age_seconds: Option<u64>,
    /// The content's fingerprint, shortened: it changes whenever the served content does.
    pub revision: String,
    /// Content problems (errors and warnings) of the served state.
    pub problems: usize,
}

/// The config and the current state; share it as `Arc<Core>`.
pub struct Core {
    config: Arc<Config>,
    state: RwLock<Arc<State>>,
    /// One pull at a time (the periodic pull and `/reload` share the checkout).
    pulling: std::sync::Mutex<()>,
    metrics: Metrics,
    /// The time it answers at when fixed (tests, evals of a given day); else the system's.
    fixed_time: Option<SystemTime>,
}

impl Core {
    /// Loads the content; with `[git]` and no checkout yet, clones first.
    pub fn open(config: Config) -> anyhow::Result<Core> {
        if let Some(git) = config.git() {
            if git::serving(git).is_none() {
                git::pull(git)?;
            }
        }
        let config = Arc::new(config);
        let state = State::load(Arc::clone(&config))?;
        Ok(Core::from_parts(config, state))
    }

    /// `scs-bot sync`: pulls the `[git]` branch and loads it, with what changed since the
    /// checkout served before (everything, on the first clone). A failed pull is an error
    /// and leaves the last good checkout in place.
    pub fn sync(config: Config) -> anyhow::Result<ReloadReport> {
        let Some(git) = config.git() else {
            bail!("`sync` follows the `[git]` section of the config, and there is none (or --content points elsewhere): add `[git]` (see the README's \"Follow the website\")");
        };
        let before = match git::serving(git) {
            Some(_) if config.content.is_dir() => State::load(Arc::new(config.clone()))?,
            // Nothing was served: the report lists every page as added.
            _ => State::in_memory(Library::default(), config.clone())?,
        };
        let config = Arc::new(config);
        Core::from_parts(config, before).reload()
    }

    /// A core over a library already in memory, with an index in RAM.
    pub fn in_memory(config: Config, library: Library) -> anyhow::Result<Core> {
        let state = State::in_memory(library, config)?;
        Ok(Core::from_parts(Arc::clone(&state.config), state))
    }

    fn from_parts(config: Arc<Config>, state: State) -> Core {
        Core {
            config,
            state: RwLock::new(Arc::new(state)),
            pulling: std::sync::Mutex::new(()),
            metrics: Metrics::new(),
            fixed_time: None,
        }
    }

    /// This core answering as if it were always `time` (tests, evals of a given day).
    pub fn at_time(mut self, time: SystemTime) -> Core {
        self.fixed_time = Some(time);
        self
    }

    /// What time it is for this core: the fixed time, else the system's.
    pub fn now(&self) -> SystemTime {
        self.fixed_time.unwrap_or_else(SystemTime::now)
    }

    /// The counters every transport records into, for `GET /metrics`.
    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// The served state in a few numbers, as of `now` (which dates the index).
    pub fn health(&self, now: SystemTime) -> Health {
        let state = self.state();
        let index_age_seconds = state.index.location().and_then(|dir| {
            let built = std::fs::metadata(dir.join(crate::index::FINGERPRINT_FILE))
                .and_then(|m| m.modified())
                .ok()?;
            Some(now.duration_since(built).map_or(0, |d| d.as_secs()))
        });
        Health {
            pages: state.library.pages.len(),
            sections: state.index.num_sections(),
            index_age_seconds,
            revision: state.revision.chars().take(16).collect(),
            problems: state.problems.len(),
        }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The current state; it stays valid for the holder even if a reload swaps it out.
    pub fn state(&self) -> Arc<State> {
        Arc::clone(&self.state.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Puts a request through the gate: refused or answered right away (help), or admitted
    /// for [`Core::respond`]. Transports put their own checks (rate limits) between the two.
    pub fn admit(&self, input: Input<'_>, locale: Option<&str>) -> Gate {
        door::admit(&self.config, input, locale)
    }

    /// Answers an admitted request from the current state.
    pub fn respond(&self, surface: Surface, admitted: &Admitted) -> Answer {
        door::respond(&self.state().sources(self.now()), surface, admitted)
    }

    /// Answers a line typed in a console or given to `scs-bot ask`: a command
    /// (`/partners syseleven`) or a free question.
    pub fn answer(&self, input: &str, locale: &str) -> Answer {
        self.answer_on(Surface::Console, input, locale)
    }

    /// Answers a line as typed on `surface`.
    pub fn answer_on(&self, surface: Surface, input: &str, locale: &str) -> Answer {
        let state = self.state();
        door::answer(
            &state.sources(self.now()),
            surface,
            Input::Line(input),
            Some(locale),
        )
    }

    /// Runs a command by its registered name with its optional argument, as a chat's slash
    /// command does (`ask` takes the question as its argument).
    pub fn command(&self, name: &str, arg: Option<&str>, locale: &str) -> Answer {
        let input = Input::Command { name, arg };
        door::answer(
            &self.state().sources(self.now()),
            Surface::Chat,
            input,
            Some(locale),
        )
    }

    /// Partner names for autocomplete, ranked, at most 25.
    pub fn complete_partner(&self, typed: &str, locale: &str) -> Vec<String> {
        let state = self.state();
        let language = self.config.language_for(locale);
        let partners = state
            .catalog
            .partner_words(language, &self.config.default_language);
        answer::partners::complete(partners, typed)
    }

    /// Every configured command (built-ins included).
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
    /// With `[git]`, pulls the branch first ([`git::pull`]). On error the last good state
    /// keeps serving; a failed pull is a [`git::PullFailed`] (find it with `downcast_ref`).
    pub fn reload(&self) -> anyhow::Result<ReloadReport> {
        let _one_at_a_time = self.pulling.lock().unwrap_or_else(|e| e.into_inner());
        let pulled = match self.config.git() {
            Some(git) => Some(git::pull(git)?),
            None => None,
        };
        self.reload_content(pulled)
    }

    /// Re-reads the content folder as it is (no pull), e.g. after the watcher saw a change.
    pub fn reload_content(&self, pulled: Option<git::Pulled>) -> anyhow::Result<ReloadReport> {
        let old = self.state();
        let new = match State::load(Arc::clone(&self.config)) {
            Ok(new) => new,
            Err(err) => {
                self.metrics.record_reload(Reloaded::Failed);
                return Err(err);
            }
        };
        self.metrics.record_reload(Reloaded::Ok);
        let mut report = diff(&old, &new);
        report.pulled = pulled;
        *self.state.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(new);
        Ok(report)
    }
}

fn diff(old: &State, new: &State) -> ReloadReport {
    fn pages(s: &State) -> BTreeMap<String, &Page> {
        s.library
            .pages
            .iter()
            .map(|p| (format!("{}/{}", p.language, p.slug), p))
            .collect()
    }
    let (before, after) = (pages(old), pages(new));
    let languages = &new.config.languages;
    let partners_before = old.catalog.partner_names(&old.library, languages);
    let partners_after = new.catalog.partner_names(&new.library, languages);
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
        pulled: None,
    }
}

/// The year (proleptic Gregorian, UTC) of `time`; 1970 for a time before it.
pub fn year_of(time: SystemTime) -> i32 {
    let secs = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Howard Hinnant's civil_from_days, for the year alone.
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days / 146_097;
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let year = year_of_era + era * 400 + i64::from(month_index >= 10);
    year as i32
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn the_year_of_a_time_turns_at_midnight_utc_on_new_year() {
        let at = |secs: u64| year_of(SystemTime::UNIX_EPOCH + Duration::from_secs(secs));
        assert_eq!(at(0), 1970);
        assert_eq!(at(946_684_799), 1999);
        assert_eq!(at(951_868_800), 2000);
        assert_eq!(at(1_709_208_000), 2024);
        assert_eq!(at(1_798_761_599), 2026);
        assert_eq!(at(1_798_761_600), 2027);
        assert_eq!(
            year_of(SystemTime::UNIX_EPOCH - Duration::from_secs(5)),
            1970
        );
    }
}
