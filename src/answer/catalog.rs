//! The catalog: what routing and the commands need, compiled once per load of the content.
//!
//! Built with every [`State`](crate::core::State) and swapped together with it, so nothing a
//! question needs is scanned or normalized per question: each command's section per language
//! (the default-language fallback applied), its normalized trigger phrases, the partner lists
//! and the words that name a partner and nothing else on its page, and a map from a page's
//! identity to its place in the library.
//!
//! Invariant: every [`SectionRef`] points into the [`Library`] the catalog was compiled from;
//! the two are never separated.

use super::model::Partner;
use super::partners::{name_words, partners_of};
use super::question::{normalize, Question};
use crate::config::{CommandConfig, CommandKind, Config};
use crate::content::{Library, Page, Problem, Section};
use crate::index::SearchHit;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

/// A section's place in the library: `library.pages[page].sections[section]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SectionRef {
    pub page: usize,
    pub section: usize,
}

impl SectionRef {
    pub fn get<'l>(&self, library: &'l Library) -> (&'l Page, &'l Section) {
        let page = &library.pages[self.page];
        (page, &page.sections[self.section])
    }

    /// Whether the search hit `hit` is this section.
    pub fn is(&self, library: &Library, hit: &SearchHit) -> bool {
        let (page, section) = self.get(library);
        hit.language == page.language && hit.slug == page.slug && hit.anchor == section.anchor
    }
}

/// A command, compiled.
#[derive(Debug, Clone)]
pub struct Command {
    pub name: String,
    pub kind: CommandKind,
    /// Description per language.
    pub description: BTreeMap<String, String>,
    /// Trigger phrases, normalized, non-empty.
    pub triggers: Vec<String>,
    /// Per answered language: the section it answers from, if the content has it.
    sections: HashMap<String, SectionRef>,
    /// Per answered language: the heading the config asks for (for "the content has no
    /// section …").
    wanted: HashMap<String, String>,
}

impl Command {
    /// The section the command answers from in `language` (else in the default language).
    pub fn section(&self, language: &str) -> Option<SectionRef> {
        self.sections.get(language).copied()
    }

    /// The heading the config names for `language`.
    pub fn wanted(&self, language: &str) -> &str {
        self.wanted.get(language).map_or("", String::as_str)
    }
}

/// A partner and the words of its name that appear nowhere else on its page.
#[derive(Debug, Clone)]
pub struct PartnerWords {
    pub partner: Partner,
    pub words: Vec<String>,
    /// The first word of its name as written, normalized (`cloud heat` of "Cloud&Heat
    /// Technologies GmbH", `s7n` of "S7n Cloud Services GmbH"): it names the partner even when
    /// its parts are common words or short, unless it is one common word ("Open …").
    pub lead: Option<String>,
}

/// Everything per load that answers need besides the library and the index.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    /// In the config's order (by name).
    commands: Vec<Command>,
    /// Per answered language: the partner list and the words that name each partner.
    partners: HashMap<String, Vec<PartnerWords>>,
    /// The sections any partner command answers from.
    partner_sections: HashSet<SectionRef>,
    /// (language, slug) → index of the page in the library.
    pages: HashMap<(String, String), usize>,
    /// The page titles and headings by their search words, compiled from the library at the
    /// first question that needs them: a command needs none, and a cold `scs-bot ask /join`
    /// at 1,000 pages spent a third of its time on them.
    titles: OnceLock<Titles>,
    /// The pages' titles and slugs as a question names them, compiled likewise.
    page_names: OnceLock<super::named_page::PageNames>,
    /// Every word of every command's trigger phrases.
    trigger_words: BTreeSet<String>,
    /// Warnings for the operator: commands whose section the content lacks.
    problems: Vec<Problem>,
}

impl Catalog {
    /// Compiles the config's commands against `library`.
    pub fn compile(library: &Library, config: &Config) -> Catalog {
        let mut pages = HashMap::new();
        for (i, page) in library.pages.iter().enumerate() {
            pages
                .entry((page.language.clone(), page.slug.clone()))
                .or_insert(i);
        }
        let mut catalog = Catalog {
            pages,
            trigger_words: BTreeSet::new(),
            ..Catalog::default()
        };
        for (name, command) in &config.commands {
            let mut sections = HashMap::new();
            let mut wanted = HashMap::new();
            for language in &config.languages {
                if let Some(found) = catalog.find_section(library, config, command, language) {
                    sections.insert(language.clone(), found);
                }
                let heading = command
                    .section
                    .get(language)
                    .or_else(|| command.section.get(&config.default_language))
                    .cloned()
                    .unwrap_or_default();
                wanted.insert(language.clone(), heading);
            }
            if sections.is_empty() {
                catalog.problems.push(
                    Problem::warning(
                        "config.toml",
                        format!(
                            "the command /{name} has no section: no page has the heading \"{}\"",
                            wanted
                                .get(&config.default_language)
                                .map_or("", String::as_str)
                        ),
                    )
                    .field(format!("commands.{name}.section"))
                    .fix("name a heading (or anchor) the pages have, or remove the command"),
                );
            }
            catalog.commands.push(Command {
                name: name.clone(),
                kind: command.kind,
                description: command.description.clone(),
                triggers: command
                    .triggers
                    .iter()
                    .map(|t| normalize(t))
                    .filter(|t| !t.is_empty())
                    .collect(),
                sections,
                wanted,
            });
        }
        catalog.trigger_words = catalog
            .commands
            .iter()
            .flat_map(|c| c.triggers.iter())
            .flat_map(|t| t.split(' '))
            .map(str::to_string)
            .collect();
        catalog.partner_sections = catalog
            .commands
            .iter()
            .filter(|c| c.kind == CommandKind::Partners)
            .flat_map(|c| c.sections.values().copied())
            .collect();
        for language in &config.languages {
            let Some(found) = catalog
                .commands
                .iter()
                .filter(|c| c.kind == CommandKind::Partners)
                .find_map(|c| c.section(language))
            else {
                continue;
            };
            let (page, section) = found.get(library);
            let words = partner_words(page, section);
            catalog
                .partners
                .entry(page.language.clone())
                .or_insert(words);
        }
        catalog
    }

    /// The commands, in the config's order.
    pub fn commands(&self) -> &[Command] {
        &self.commands
    }

    pub fn command(&self, name: &str) -> Option<&Command> {
        self.commands.iter().find(|c| c.name == name)
    }

    /// The first partner command.
    pub fn partner_command(&self) -> Option<&Command> {
        self.commands
            .iter()
            .find(|c| c.kind == CommandKind::Partners)
    }

    /// `question` with each word that is a typo of a word of a trigger phrase written as that
    /// word ("who are the partenrs" → "who are the partners", "mitmahcen" → "mitmachen"), so
    /// that the phrase matches; `None` when no word was corrected. A typo: one edit (a swap of
    /// two letters counting one) in a word of five or more letters, not a common word.
    pub fn with_trigger_typos_fixed(&self, question: &Question) -> Option<Question> {
        let mut changed = false;
        let words: Vec<&str> = question
            .words()
            .map(|word| {
                let chars = word.chars().count();
                if chars < 5
                    || self.trigger_words.contains(word)
                    || crate::index::is_common_word(word)
                {
                    return word;
                }
                let near = self.trigger_words.iter().find(|t| {
                    let n = t.chars().count();
                    n >= 5 && n.abs_diff(chars) <= 1 && strsim::osa_distance(t, word) == 1
                });
                match near {
                    Some(t) => {
                        changed = true;
                        t.as_str()
                    }
                    _ => word,
                }
            })
            .collect();
        changed.then(|| Question::new(&words.join(" ")))
    }

    /// The partners with their distinctive words, in `language` or else `fallback`.
    pub fn partner_words(&self, language: &str, fallback: &str) -> &[PartnerWords] {
        self.partners
            .get(language)
            .or_else(|| self.partners.get(fallback))
            .map_or(&[], Vec::as_slice)
    }

    /// The section whose heading (or whose page's title) says what `words` say, in `language`:
    /// the same search words, or nearly (of two or more, at least [`NEAR_TITLE`] of the
    /// heading's in the question and of the question's in the heading: "why digital
    /// sovereignty is more than legal compliance" for "… More Than Mere Legal Compliance").
    /// A heading with no text of its own is still the one named: [`with_text`] finds the
    /// text to show under it.
    ///
    /// Titles and headings the search reads as the same words ("Sichern Sie sich jetzt Ihr
    /// kostenfreies Ticket!", "Hier sichern Sie sich Ihr kostenfreies Ticket!") are told apart
    /// by the words of `text`, the question as typed: the one that has most of them and fewest
    /// others.
    pub fn titled(
        &self,
        library: &Library,
        language: &str,
        words: &[String],
        text: &str,
    ) -> Option<SectionRef> {
        let titles = self.titles.get_or_init(|| Titles::compile(library));
        let key = if words.is_empty() {
            (
                language.to_string(),
                format!("{ALL_WORDS}{}", normalize(text)),
            )
        } else {
            (language.to_string(), words.join(" "))
        };
        let exact = match titles.exact.get(&key).map(Vec::as_slice) {
            Some([only]) => Some(*only),
            Some(several) => closest_heading(library, several, text),
            None => None,
        };
        exact
            .or_else(|| titles.heads.get(&key).copied())
            .or_else(|| titles.nearly(language, words))
    }

    /// The slug of the page a question (normalized) names: "according to the standards
    /// page …" (see [`super::named_page`]).
    pub fn named_page(
        &self,
        library: &Library,
        normalized: &str,
    ) -> Option<super::named_page::NamedPage<'_>> {
        self.page_names
            .get_or_init(|| super::named_page::PageNames::compile(library))
            .named(normalized)
    }

    /// The page whose title the question quotes ("the article „Warum Digitale
    /// Souveränität?“ …").
    pub fn quoted_page(
        &self,
        library: &Library,
        text: &str,
    ) -> Option<super::named_page::NamedPage<'_>> {
        let names = self
            .page_names
            .get_or_init(|| super::named_page::PageNames::compile(library));
        super::question::quotes(text).find_map(|quote| names.titled(quote))
    }

    /// Whether a partner command answers from this section.
    pub fn is_partner_section(&self, at: SectionRef) -> bool {
        self.partner_sections.contains(&at)
    }

    /// A section by its page's identity and its anchor.
    pub fn locate(
        &self,
        library: &Library,
        language: &str,
        slug: &str,
        anchor: &str,
    ) -> Option<SectionRef> {
        // A borrowed-key lookup would need a custom key type; pages are few per language.
        let page = *self.pages.get(&(language.to_string(), slug.to_string()))?;
        let section = library.pages[page]
            .sections
            .iter()
            .position(|s| s.anchor == anchor)?;
        Some(SectionRef { page, section })
    }

    /// The first section of the page `slug` in `language` (its introduction): what a question
    /// asking for the page itself is answered with ("what's on the events page?").
    /// `None` for a page with no section at all (an empty file).
    pub fn page_start(&self, library: &Library, language: &str, slug: &str) -> Option<SectionRef> {
        let page = *self.pages.get(&(language.to_string(), slug.to_string()))?;
        (!library.pages[page].sections.is_empty()).then_some(SectionRef { page, section: 0 })
    }

    /// Partner names with their language (`"Dataport AöR (de)"`), as reload reports list them.
    pub fn partner_names(&self, library: &Library, languages: &[String]) -> BTreeSet<String> {
        self.commands
            .iter()
            .filter(|c| c.kind == CommandKind::Partners)
            .flat_map(|c| c.sections.values())
            .map(|at| at.get(library))
            .filter(|(page, _)| languages.contains(&page.language))
            .flat_map(|(page, section)| {
                partners_of(section)
                    .into_iter()
                    .map(move |p| format!("{} ({})", p.name, page.language))
            })
            .collect()
    }

    /// What an operator should know: commands whose section the content lacks.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The section `command` answers from: the configured heading (or anchor) in `language`,
    /// on its page or any page of that language; else the same in the default language.
    fn find_section(
        &self,
        library: &Library,
        config: &Config,
        command: &CommandConfig,
        language: &str,
    ) -> Option<SectionRef> {
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
            let candidates: Vec<usize> = match &command.page {
                Some(slug) => self
                    .pages
                    .get(&(lang.to_string(), slug.clone()))
                    .copied()
                    .into_iter()
                    .collect(),
                None => (0..library.pages.len())
                    .filter(|&i| library.pages[i].language == lang)
                    .collect(),
            };
            candidates.into_iter().find_map(|page| {
                library.pages[page]
                    .sections
                    .iter()
                    .position(&matches)
                    .map(|section| SectionRef { page, section })
            })
        })
    }
}

/// The share of a heading's search words a question must hold, and of the question's the
/// heading, for the question to ask for it.
pub const NEAR_TITLE: f32 = 0.8;

/// How many sections after `at` on its page stand under its heading.
fn under(library: &Library, at: SectionRef) -> usize {
    let page = &library.pages[at.page];
    let level = page.sections[at.section].level;
    page.sections[at.section + 1..]
        .iter()
        .take_while(|s| s.level > level)
        .count()
}

/// `at`, or when its section has no text (a heading with only sub-headings under it), the
/// first section under it that has; failing that, the first after it on its page.
pub fn with_text(library: &Library, at: SectionRef) -> SectionRef {
    let page = &library.pages[at.page];
    let has_text = |i: &usize| !page.sections[*i].text.trim().is_empty();
    if has_text(&at.section) {
        return at;
    }
    let under = under(library, at);
    (at.section..=at.section + under)
        .find(has_text)
        .or_else(|| (at.section..page.sections.len()).find(has_text))
        .map_or(at, |section| SectionRef {
            page: at.page,
            section,
        })
}

/// Of sections whose headings the search reads alike, the one whose heading (or page title,
/// for a page's first section) holds most words of `text` and fewest others; the first of
/// equally close ones.
fn closest_heading(library: &Library, sections: &[SectionRef], text: &str) -> Option<SectionRef> {
    let asked = normalize(text);
    let asked: HashSet<&str> = asked.split(' ').collect();
    let closeness = |heading: &str| -> i64 {
        let heading = normalize(heading);
        let words: HashSet<&str> = heading.split(' ').collect();
        let shared = words.intersection(&asked).count() as i64;
        2 * shared - words.len() as i64
    };
    sections
        .iter()
        .copied()
        .enumerate()
        .max_by_key(|&(i, at)| {
            let (page, section) = at.get(library);
            let best = closeness(&section.heading).max(if at.section == 0 {
                closeness(&page.title)
            } else {
                i64::MIN
            });
            (best, std::cmp::Reverse(i))
        })
        .map(|(_, at)| at)
}

/// The head of a heading (or page title) with a subtitle: "Lernen durch Tun" of "Lernen durch
/// Tun: Cloud-in-a-Box als lokale Trainingsumgebung". `None` for a heading without one.
pub fn head_of(heading: &str) -> Option<&str> {
    heading.split_once(": ").map(|(head, _)| head)
}

/// The start of a key of [`Titles::exact`] made of a heading's words as typed, not as the
/// search reads them: of a heading of small words only.
const ALL_WORDS: &str = "=";

/// The page titles and headings by their search words.
#[derive(Debug, Clone, Default)]
struct Titles {
    /// (language, a page title's or heading's words as the search reads them) → its section:
    /// a question that is a title goes there. A page's title names its first section, a
    /// heading its own; equal ones in order (headings before titles, page by page).
    exact: FxHashMap<(String, String), Vec<SectionRef>>,
    /// The same for the heads of headings and titles with a subtitle ("Lernen durch Tun" of
    /// "Lernen durch Tun: Cloud-in-a-Box …"), asked only when no title or heading is the
    /// question: a page titled "Sichere Clouds" stays the page for "Sichere Clouds" whatever
    /// heading elsewhere starts with "Sichere Clouds: …".
    heads: FxHashMap<(String, String), SectionRef>,
    /// Per language and search word, the titles and headings of two or more words holding it:
    /// indexes into `list`, for near matches.
    by_word: FxHashMap<(String, String), Vec<usize>>,
    /// `(their search words, sorted and once each; the section)`, titles before headings.
    list: Vec<(Vec<String>, SectionRef)>,
}

impl Titles {
    fn compile(library: &Library) -> Titles {
        let mut titles = Titles::default();
        for (page_index, page) in library.pages.iter().enumerate() {
            if page.sections.is_empty() {
                continue;
            }
            let at = |section: usize| SectionRef {
                page: page_index,
                section,
            };
            // Each text's words once: a page's title is often its first heading too.
            let headings: Vec<Option<Vec<String>>> = page
                .sections
                .iter()
                .map(|s| (!s.heading.is_empty()).then(|| crate::index::question_words(&s.heading)))
                .collect();
            let title = page
                .sections
                .iter()
                .zip(&headings)
                .find_map(|(s, words)| words.as_ref().filter(|_| s.heading == page.title))
                .cloned()
                .unwrap_or_else(|| crate::index::question_words(&page.title));
            let named = headings
                .iter()
                .enumerate()
                .filter_map(|(i, words)| Some((words.as_ref()?, i)));
            for (words, section) in named.clone().chain([(&title, 0)]) {
                // A heading of nothing but small words ("Warum sollten Sie dabei sein?") is
                // named by all of them, as typed.
                let key = match words.join(" ") {
                    key if !key.is_empty() => key,
                    _ if section > 0 => {
                        format!("{ALL_WORDS}{}", normalize(&page.sections[section].heading))
                    }
                    _ => String::new(),
                };
                if !key.is_empty() && key != ALL_WORDS {
                    let same = titles
                        .exact
                        .entry((page.language.clone(), key))
                        .or_default();
                    if !same.contains(&at(section)) {
                        same.push(at(section));
                    }
                }
            }
            // A heading with a subtitle is named by its head too: "Lernen durch Tun" is
            // "Lernen durch Tun: Cloud-in-a-Box als lokale Trainingsumgebung". A head of two
            // words at least ("SCS: …" names no one section); one search word of it only when
            // it is a common word, which `compose::titled` takes for a title only as typed
            // ("About SCS: …" must not take every question that is "SCS").
            let heads = page
                .sections
                .iter()
                .enumerate()
                .map(|(i, s)| (s.heading.as_str(), i))
                .chain([(page.title.as_str(), 0)]);
            for (heading, section) in heads {
                let Some(head) = head_of(heading) else {
                    continue;
                };
                let words = crate::index::question_words(head);
                let named = match words.as_slice() {
                    [] => false,
                    [word] => crate::index::is_frequent_word(word),
                    _ => true,
                };
                if named && head.split_whitespace().count() >= 2 {
                    titles
                        .heads
                        .entry((page.language.clone(), words.join(" ")))
                        .or_insert(at(section));
                }
            }
            for (words, section) in [(&title, 0)].into_iter().chain(named) {
                let mut words = words.clone();
                words.sort();
                words.dedup();
                if words.len() < 2 {
                    continue;
                }
                for word in &words {
                    titles
                        .by_word
                        .entry((page.language.clone(), word.clone()))
                        .or_default()
                        .push(titles.list.len());
                }
                titles.list.push((words, at(section)));
            }
        }
        titles
    }

    fn nearly(&self, language: &str, words: &[String]) -> Option<SectionRef> {
        let mut words: Vec<&String> = words
            .iter()
            .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
            .collect();
        words.sort();
        words.dedup();
        if words.len() < 2 {
            return None;
        }
        let mut shared: FxHashMap<usize, usize> = FxHashMap::default();
        for word in &words {
            let key = (language.to_string(), (*word).clone());
            for &title in self.by_word.get(&key).into_iter().flatten() {
                *shared.entry(title).or_default() += 1;
            }
        }
        shared
            .into_iter()
            .filter(|&(title, n)| {
                let heading = self.list[title].0.len();
                n as f32 >= NEAR_TITLE * heading as f32
                    && n as f32 >= NEAR_TITLE * words.len() as f32
            })
            .max_by_key(|&(title, n)| (n, std::cmp::Reverse(title)))
            .map(|(title, _)| self.list[title].1)
    }
}

/// The partners of a partner section, each with the words of its name that name nothing else
/// on its page (`stackxperts`, `syseleven`, not `cloud`) and are no common word of English or
/// German (not the city of "ITDZ Berlin", not the `heat` of "Cloud&Heat"): "the weather in
/// Berlin" names no partner.
fn partner_words(page: &Page, section: &Section) -> Vec<PartnerWords> {
    let elsewhere: Vec<String> = page
        .sections
        .iter()
        .filter(|s| s.anchor != section.anchor)
        .map(|s| normalize(&format!("{} {}", s.heading, s.text)))
        .collect();
    let elsewhere: HashSet<&str> = elsewhere.iter().flat_map(|t| t.split(' ')).collect();
    partners_of(section)
        .into_iter()
        .map(|partner| {
            let words = name_words(&partner.name)
                .into_iter()
                .filter(|w| {
                    w.chars().count() >= 4
                        && !elsewhere.contains(w.as_str())
                        && !crate::index::is_common_word(w)
                })
                .collect();
            let lead = partner
                .name
                .split_whitespace()
                .next()
                .map(normalize)
                .filter(|lead| {
                    !lead.is_empty() && (lead.contains(' ') || !crate::index::is_common_word(lead))
                });
            PartnerWords {
                partner,
                words,
                lead,
            }
        })
        .collect()
}
