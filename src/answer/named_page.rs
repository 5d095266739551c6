//! A page the question names: "according to the standards page …", "laut Startseite …",
//! "the govstack announcement says …", "die Souveränitätsseite …", "the page about digital
//! sovereignty". Such a question is answered from that page first (see
//! `compose::question`): its words are often spread over several pages, and the page it
//! names is the one its asker read.
//!
//! A page is named by a noun for a page ("page", "post", "article", "Seite", "Beitrag", …)
//! with the words of its title or slug before it (or after "about"/"über"), or by a word for
//! the home page ("homepage", "front page", "Startseite"). The words must all stand in one
//! page's title or slug, and that page must be named more fully by them than any other (a
//! larger share of its title's or slug's words): "the standards page" is the page titled "SCS
//! Standards", not "Collaboration on Cloud Standards". Words of every page ("scs", "cloud",
//! …) name none. Hand-written: no crate matches a phrase against titles this way, and the
//! rule is a few dozen lines.

use super::question::normalize;
use crate::content::Library;

/// Nouns that stand for a page of the site, after the words naming it.
const PAGE_NOUNS: &[&str] = &[
    "page",
    "pg",
    "post",
    "blogpost",
    "article",
    "announcement",
    "writeup",
    "seite",
    "artikel",
    "beitrag",
    "blogbeitrag",
    "meldung",
    "ankündigung",
    "pressemitteilung",
];

/// Nouns of a page that end a German compound naming it ("Souveränitätsseite").
const COMPOUND_NOUNS: &[&str] = &["seite", "artikel", "beitrag", "meldung"];

/// Words for the home page, alone or before "page".
const HOME: &[&str] = &[
    "homepage",
    "frontpage",
    "landingpage",
    "startseite",
    "hauptseite",
];
const HOME_BEFORE_PAGE: &[&str] = &["home", "front", "landing", "main", "start"];

/// Words that end the words naming a page, reading back from its noun ("according to *the*
/// standards page"), or that lead to them after it ("the page *about* …").
const BOUNDARY: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "your",
    "our",
    "its",
    "their",
    "on",
    "in",
    "to",
    "per",
    "from",
    "of",
    "by",
    "at",
    "according",
    "says",
    "said",
    "der",
    "die",
    "das",
    "dem",
    "den",
    "des",
    "eine",
    "einer",
    "laut",
    "auf",
    "im",
    "zur",
    "zum",
    "zu",
    "von",
    "vom",
    "nach",
    "what",
    "which",
    "welche",
    "welcher",
    "was",
    "is",
    "ist",
    "and",
    "und",
    "or",
    "oder",
];
const ABOUT: &[&str] = &["about", "on", "über", "ueber", "zur", "zum", "zu"];

/// Words that most pages' titles or slugs have: they name no page.
const GENERIC: &[&str] = &[
    "scs",
    "sovereign",
    "cloud",
    "stack",
    "the",
    "of",
    "and",
    "for",
    "und",
    "der",
    "die",
    "das",
    "des",
    "für",
    "a",
    "an",
    "in",
    "on",
    "s",
];

/// How many words before a page noun may name the page.
const MAX_NAME_WORDS: usize = 4;

/// Words after a word for a home page that make it someone else's: "the homepage *of* …".
const OF: &[&str] = &["of", "for", "von", "für", "der", "des"];

/// Words before "post" that make it a verb.
const VERB_BEFORE: &[&str] = &[
    "i", "we", "you", "to", "should", "can", "could", "would", "will", "may", "might", "pls",
    "please", "and", "or",
];

/// Words that deny a page holds something: "not on the network page".
const NOT: &[&str] = &[
    "not", "isn", "nicht", "kein", "keine", "nowhere", "nirgends",
];

/// A page a question names.
#[derive(Debug, PartialEq, Eq)]
pub struct NamedPage<'a> {
    pub slug: &'a str,
    /// The question's words that stand for a page and are no words of it: the noun ("page",
    /// "Beitrag") or the home page's word ("homepage", "front page"), normalized. The search
    /// leaves them out; the words naming the page are its title's and stay.
    pub words: Vec<String>,
    /// The question's words that name the page ("contact" of "the contact page", "event" of
    /// "Eventseite"), normalized: a question of nothing else asks for the page itself.
    pub name: Vec<String>,
}

/// Words of a question asking what a page holds, no topic of it: "*what's on the* events
/// page?", "*what does the* standards page *say*?", "*was steht auf der* Startseite?", "*tl;dr*".
/// Not question words that ask for a fact ("when", "who", "how many": the search answers),
/// nor negations ("geht die Startseite nicht?").
const FILLER: &[&str] = &[
    "what",
    "whats",
    "s",
    "is",
    "are",
    "on",
    "in",
    "the",
    "this",
    "that",
    "does",
    "do",
    "say",
    "says",
    "said",
    "contain",
    "contains",
    "mention",
    "mentions",
    "about",
    "tl",
    "dr",
    "tldr",
    "please",
    "pls",
    "plz",
    "show",
    "me",
    "give",
    "a",
    "an",
    "summary",
    "overview",
    "quick",
    "was",
    "steht",
    "stehen",
    "auf",
    "der",
    "die",
    "das",
    "dem",
    "den",
    "im",
    "drin",
    "drauf",
    "sagt",
    "enthält",
    "gibt",
    "es",
    "bitte",
    "zeig",
    "zeige",
    "mir",
    "kurz",
    "überblick",
    "zusammenfassung",
    "eigentlich",
    "so",
    "alles",
    "all",
    "everything",
];

/// Whether a question is nothing but a page's name, its noun and [`FILLER`] ("what's on the
/// events page?", "what does the standards page say?", "Eventseite?"): it asks for the page
/// itself. `hints`: what the question asks for ("when", "how much": then a section does).
pub fn asks_page_itself(normalized: &str, hints: &[String], named: &NamedPage) -> bool {
    hints.is_empty()
        && normalized.split(' ').filter(|w| !w.is_empty()).all(|w| {
            named.words.iter().any(|n| n == w)
                || named.name.iter().any(|n| n == w)
                || FILLER.contains(&w)
        })
}

/// The pages' names, compiled once per load.
#[derive(Debug, Clone, Default)]
pub struct PageNames {
    pages: Vec<Named>,
    /// The slug of the home page ("index"), when the content has one.
    home: Option<String>,
}

#[derive(Debug, Clone)]
struct Named {
    slug: String,
    /// The whole title, normalized.
    full_title: String,
    /// The title's words and the slug's, each without [`GENERIC`] words.
    title: Vec<String>,
    slug_words: Vec<String>,
}

impl PageNames {
    pub fn compile(library: &Library) -> PageNames {
        let mut names = PageNames::default();
        for page in &library.pages {
            let home = matches!(page.slug.as_str(), "index" | "_index" | "home")
                || page
                    .template
                    .as_deref()
                    .is_some_and(|t| t.eq_ignore_ascii_case("indexpage"));
            if home && names.home.is_none() {
                names.home = Some(page.slug.clone());
            }
            let slug = page.slug.replace(['-', '_'], " ");
            names.pages.push(Named {
                slug: page.slug.clone(),
                full_title: normalize(&page.title),
                title: name_words(&page.title),
                slug_words: name_words(&split_digits(&slug)),
            });
        }
        names
    }

    /// The page the question (normalized) names, if it names one.
    pub fn named(&self, normalized: &str) -> Option<NamedPage<'_>> {
        let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
        for (i, word) in words.iter().enumerate() {
            let next = words.get(i + 1).copied();
            let home_page = HOME_BEFORE_PAGE.contains(word) && next == Some("page");
            // Someone else's: "the homepage of Kubernetes", "OpenStack's homepage", "die
            // Startseite von …", "the landing page for the summit".
            if HOME.contains(word) || home_page {
                let after = words.get(i + 1 + usize::from(home_page)).copied();
                if after.is_some_and(|w| OF.contains(&w)) || (i > 0 && words[i - 1] == "s") {
                    continue;
                }
                if let Some(home) = &self.home {
                    let mut words = vec![word.to_string()];
                    if home_page {
                        words.push("page".to_string());
                    }
                    return Some(NamedPage {
                        slug: home,
                        words,
                        name: Vec::new(),
                    });
                }
                continue;
            }
            // Only a noun for a page (or a compound ending in one) may name one.
            let noun = PAGE_NOUNS.contains(word);
            let head = if noun { None } else { compound_head(word) };
            if !noun && head.is_none() {
                continue;
            }
            // Not where it is not: "it's not on the network page".
            if words[..i]
                .iter()
                .rev()
                .take(MAX_NAME_WORDS + 2)
                .any(|w| NOT.contains(w))
            {
                continue;
            }
            // "post" after a pronoun or a modal verb is the verb: "where should I post …".
            if *word == "post" && i > 0 && VERB_BEFORE.contains(&words[i - 1]) {
                continue;
            }
            // "the blog post about …": "blog" is part of the noun.
            let blog = i > 0 && words[i - 1] == "blog";
            let named_to = if blog { i - 1 } else { i };
            let mut candidates: Vec<Vec<&str>> = Vec::new();
            if noun {
                let before: Vec<&str> = words[..named_to]
                    .iter()
                    .rev()
                    .take_while(|w| !BOUNDARY.contains(w))
                    .take(MAX_NAME_WORDS)
                    .copied()
                    .collect();
                // The longest run of words before the noun first.
                for n in (1..=before.len()).rev() {
                    candidates.push(before[..n].iter().rev().copied().collect());
                }
                if next.is_some_and(|n| ABOUT.contains(&n)) {
                    let after: Vec<&str> = words[i + 2..]
                        .iter()
                        .take_while(|w| !BOUNDARY.contains(w) || GENERIC.contains(w))
                        .take(MAX_NAME_WORDS)
                        .copied()
                        .collect();
                    for n in (1..=after.len()).rev() {
                        candidates.push(after[..n].to_vec());
                    }
                }
            } else if let Some(head) = head {
                candidates.push(vec![head]);
            }
            for candidate in candidates {
                if let Some(slug) = self.best(&candidate) {
                    let mut words = vec![word.to_string()];
                    if blog {
                        words.push("blog".to_string());
                    }
                    return Some(NamedPage {
                        slug,
                        words,
                        name: candidate.iter().map(|w| w.to_string()).collect(),
                    });
                }
            }
        }
        None
    }

    /// The page titled `quote` (as written, however its letters are cased or punctuated).
    pub fn titled(&self, quote: &str) -> Option<NamedPage<'_>> {
        let quoted = normalize(quote);
        let page = self
            .pages
            .iter()
            .find(|p| !quoted.is_empty() && p.full_title == quoted)?;
        Some(NamedPage {
            slug: &page.slug,
            words: Vec::new(),
            name: Vec::new(),
        })
    }

    /// The page `words` name more fully than any other, if one.
    fn best(&self, words: &[&str]) -> Option<&str> {
        let words: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !GENERIC.contains(w))
            .collect();
        if words.is_empty() {
            return None;
        }
        let mut best: Option<(f32, &str)> = None;
        let mut tied = false;
        for page in &self.pages {
            let share = [&page.title, &page.slug_words]
                .into_iter()
                .filter(|name| words.iter().all(|w| name.iter().any(|n| same_word(w, n))))
                .map(|name| {
                    let held = name
                        .iter()
                        .filter(|n| words.iter().any(|w| same_word(w, n)))
                        .count();
                    held as f32 / name.len() as f32
                })
                .fold(0.0f32, f32::max);
            if share == 0.0 {
                continue;
            }
            match best {
                Some((s, slug)) if share < s || slug == page.slug => {}
                Some((s, _)) if share == s => tied = true,
                _ => {
                    best = Some((share, &page.slug));
                    tied = false;
                }
            }
        }
        best.filter(|_| !tied).map(|(_, slug)| slug)
    }
}

/// The words of a title or slug that may name it.
fn name_words(text: &str) -> Vec<String> {
    normalize(text)
        .split(' ')
        .filter(|w| !w.is_empty() && !GENERIC.contains(w))
        .map(str::to_string)
        .collect()
}

/// "summit2025" → "summit 2025": a slug's word and its number name the page apart.
fn split_digits(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut last: Option<char> = None;
    for c in text.chars() {
        if let Some(l) = last {
            if l.is_alphabetic() && c.is_ascii_digit() || l.is_ascii_digit() && c.is_alphabetic() {
                out.push(' ');
            }
        }
        out.push(c);
        last = Some(c);
    }
    out
}

/// The word a German compound ending in a page noun names ("souveränitäts|seite" →
/// "souveränität"), when it has one of five letters or more.
fn compound_head(word: &str) -> Option<&str> {
    let noun = COMPOUND_NOUNS
        .iter()
        .find(|n| word.len() > n.len() && word.ends_with(*n))?;
    let head = &word[..word.len() - noun.len()];
    let head = head.strip_suffix('-').unwrap_or(head);
    (head.chars().count() >= 5 && !HOME.contains(&word)).then_some(head)
}

/// The same word, but for an ending: "trainings" / "training", "digitalen" / "digitale",
/// "souveränitäts" / "souveränität". Short words must be equal.
fn same_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 5 && long.starts_with(short) && long.len() - short.len() <= 3
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Library, Page};
    use std::path::PathBuf;

    fn library() -> Library {
        let pages = [
            ("en", "index", "Sovereign Cloud Stack"),
            ("en", "standards", "SCS Standards"),
            ("en", "summit2025", "SCS Summit 2025"),
            ("en", "digital-sovereignty", "Why Digital Sovereignty?"),
            ("de", "digital-sovereignty", "Warum Digitale Souveränität?"),
            (
                "en",
                "joint-standardization",
                "Collaboration on Cloud Standards",
            ),
            (
                "en",
                "govstack_cloud_spec",
                "GovStack's New Building Blocks",
            ),
            (
                "en",
                "sovereign-cloud-stack-in-action",
                "Sovereign Cloud Stack in Action",
            ),
            ("en", "release8", "Sovereign Cloud Stack R8 released"),
            ("en", "release9", "Sovereign Cloud Stack R9 released"),
        ];
        let page = |(language, slug, title): (&str, &str, &str)| Page {
            language: language.into(),
            slug: slug.into(),
            title: title.into(),
            path: PathBuf::from(format!("{language}/{slug}.md")),
            url: format!("https://example.org/{language}/{slug}"),
            template: None,
            date: None,
            authors: Vec::new(),
            sections: vec![],
        };
        Library {
            pages: pages.into_iter().map(page).collect(),
        }
    }

    fn check(question: &str, expect: Option<&str>) {
        let names = PageNames::compile(&library());
        let normalized = normalize(question);
        let named = names.named(&normalized);
        assert_eq!(named.map(|n| n.slug), expect, "{question}");
    }

    #[test]
    fn a_page_is_named_by_its_title_or_slug_before_a_page_noun() {
        check(
            "according to the standards page, who certifies?",
            Some("standards"),
        );
        check(
            "Welchen Nutzen haben Standards laut der Standards-Seite?",
            Some("standards"),
        );
        check("the summit page has a logo block", Some("summit2025"));
        check(
            "on the why-sovereignty page, what is it about?",
            Some("digital-sovereignty"),
        );
        check(
            "on the 'scs in action' page, is it aligned?",
            Some("sovereign-cloud-stack-in-action"),
        );
        check(
            "by the govstack article in dec 2024, was it six?",
            Some("govstack_cloud_spec"),
        );
        check(
            "the r8 post says dependencies are tracked",
            Some("release8"),
        );
    }

    #[test]
    fn the_home_page_is_named_by_its_words() {
        check("the homepage says scs is built by many", Some("index"));
        check(
            "Muss man sich laut Startseite zertifizieren lassen?",
            Some("index"),
        );
        check("what does the front page promise?", Some("index"));
        check("what's on the homepage of Kubernetes?", None);
        check("what does OpenStack's homepage say?", None);
        check("die Startseite von der OSBA", None);
    }

    #[test]
    fn a_german_compound_or_a_page_about_something_names_it() {
        check(
            "Bleiben sie laut der Souveränitätsseite abhängig?",
            Some("digital-sovereignty"),
        );
        check(
            "the page about digital sovereignty",
            Some("digital-sovereignty"),
        );
    }

    #[test]
    fn words_of_every_page_or_of_two_pages_alike_name_none() {
        check("what does the scs page say?", None);
        check("which page lists the partners?", None);
        check("the release post", None);
        check("what is on this page?", None);
        check("is kubernetes on the site?", None);
        check("where should I post about the summit?", None);
        check("is wavecon a founder? it's not on the standards page", None);
    }
}
