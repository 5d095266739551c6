//! Acronyms the content defines, so that a question's acronym finds a section that spells the
//! name out: "OSBA" asked, "Open Source Business Alliance" on the imprint page.
//!
//! Pages define an acronym once, in parentheses after the name ("Open Source Business Alliance
//! (OSBA)", "Bundesministerium für Wirtschaft und Klimaschutz (BMWK)") and then use either. At
//! build time [`Acronyms::of`] collects every such definition of the library; each section that
//! has the name (in its text, heading or context) gets the acronym as an extra word of the same
//! place (see `build::section_document`).
//!
//! A definition counts when the acronym is 2–6 capital letters and the shortest run of the
//! (at most [`MAX_NAME_WORDS`]) words before it that starts with the acronym's first letter
//! holds its letters in order ("Bundes**m**inisterium für **W**irtschaft und **K**limaschutz").
//! Hand-written: the rule is a few lines, and acronym crates expand a fixed list instead of
//! learning the content's own.
//!
//! Invariant: a pure function of the library; a change to the rule needs a bump of
//! [`super::SCHEMA_VERSION`].

use std::collections::BTreeSet;

use crate::content::Library;

/// Most words a spelled-out name has.
const MAX_NAME_WORDS: usize = 8;
/// Most bytes before an acronym read for its name (eight long words).
const MAX_NAME_BYTES: usize = 200;
/// Shortest and longest acronym, in letters.
const ACRONYM_LETTERS: std::ops::RangeInclusive<usize> = 2..=6;

/// The acronyms a library defines, each with its name in lower case, words single-spaced.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Acronyms(Vec<(String, String)>);

impl Acronyms {
    /// Every acronym defined in a section's heading or text, each with each name once.
    pub fn of(library: &Library) -> Acronyms {
        let mut found: BTreeSet<(String, String)> = BTreeSet::new();
        for (_, section) in library.sections() {
            for text in [&section.heading, &section.text] {
                found.extend(definitions(text));
            }
        }
        Acronyms(found.into_iter().collect())
    }

    /// The acronyms whose name `text` holds (as whole words, any case) and that it doesn't use
    /// itself, space-separated; empty when none.
    pub fn in_text(&self, text: &str) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let words = normalized(text);
        let mut out: Vec<&str> = Vec::new();
        for (acronym, name) in &self.0 {
            if !out.contains(&acronym.as_str())
                && holds_phrase(&words, name)
                && !holds_phrase(&words, acronym)
            {
                out.push(acronym);
            }
        }
        out.join(" ")
    }
}

/// `text` in lower case with single spaces and a space at each end, for whole-word search.
fn normalized(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for word in text.split_whitespace() {
        let word = word_of(word);
        if !word.is_empty() {
            out.push_str(&word.to_lowercase());
            out.push(' ');
        }
    }
    out
}

fn holds_phrase(normalized: &str, name: &str) -> bool {
    let mut needle = String::with_capacity(name.len() + 2);
    needle.push(' ');
    needle.push_str(name);
    needle.push(' ');
    normalized.contains(&needle)
}

/// The `(acronym, name)` pairs defined in `text`.
fn definitions(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (at, _) in text.match_indices('(') {
        let after = &text.as_bytes()[at + 1..];
        // An acronym is a few ASCII letters: look no further for its `)` (a page of
        // parentheses is searched in linear time).
        let window = &after[..after.len().min(ACRONYM_LETTERS.end() + 1)];
        let Some(close) = window.iter().position(|&b| b == b')') else {
            continue;
        };
        // `(` and `)` are ASCII: both ends are character boundaries.
        let acronym = &text[at + 1..at + 1 + close];
        let letters = acronym.chars().count();
        if !ACRONYM_LETTERS.contains(&letters) || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        if let Some(name) = name_before(&text[..at], acronym) {
            out.push((acronym.to_lowercase(), name));
        }
    }
    out
}

/// The shortest run of words at the end of `before` (within its sentence) that spells
/// `acronym`: it starts with the acronym's first letter and holds its letters in order.
fn name_before(before: &str, acronym: &str) -> Option<String> {
    let mut from = before.len().saturating_sub(MAX_NAME_BYTES);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let before = &before[from..];
    let sentence = before
        .rsplit(['.', ';', ':', '(', ')', '\n'])
        .next()
        .unwrap_or(before);
    let words: Vec<String> = sentence
        .split_whitespace()
        .map(|w| word_of(w).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    let wanted: Vec<char> = acronym.chars().map(|c| c.to_ascii_lowercase()).collect();
    let last_initial = words.last()?.chars().next()?;
    if !wanted.contains(&last_initial) {
        // "same license (SA)": the letters are there, but the name ends in a word the
        // acronym doesn't stand for.
        return None;
    }
    for start in (words.len().saturating_sub(MAX_NAME_WORDS)..words.len()).rev() {
        let name = words[start..].join(" ");
        if !name.starts_with(wanted[0]) {
            continue;
        }
        // One word and two letters is a language or country code ("Deutschland (DE)").
        let too_short = start + 1 == words.len() && wanted.len() < 3;
        if !too_short && spells(&name, &wanted) && name.replace(' ', "") != acronym.to_lowercase() {
            return Some(name);
        }
    }
    None
}

/// A word without the punctuation around it and without soft hyphens (a hint where to break a
/// long word, invisible to a reader: "Zugriffs\u{ad}management").
fn word_of(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .filter(|&c| c != '\u{ad}')
        .collect()
}

/// Whether `name`'s letters hold `letters` in order, the first at its start.
fn spells(name: &str, letters: &[char]) -> bool {
    let mut wanted = letters.iter().peekable();
    for c in name.chars() {
        if wanted.peek() == Some(&&c) {
            wanted.next();
        }
    }
    wanted.peek().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[(&str, &str)]) {
        let got = definitions(text);
        let want: Vec<(String, String)> = expect
            .iter()
            .map(|(a, n)| (a.to_string(), n.to_string()))
            .collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn an_acronym_in_parentheses_after_its_name_is_defined() {
        check(
            "It is run by the Open Source Business Alliance (OSBA) in Berlin.",
            &[("osba", "open source business alliance")],
        );
        check(
            "gefördert vom Bundesministerium für Wirtschaft und Klimaschutz (BMWK).",
            &[("bmwk", "bundesministerium für wirtschaft und klimaschutz")],
        );
        check(
            "The Sovereign Cloud Stack (SCS) and Identity and Access Management (IAM)",
            &[
                ("scs", "sovereign cloud stack"),
                ("iam", "identity and access management"),
            ],
        );
    }

    #[test]
    fn parentheses_that_are_no_acronym_of_the_words_before_define_nothing() {
        check("Ceph (Reef) and OpenStack (2024.1)", &[]);
        check("Federal Ministry for Economic Affairs (BMWK)", &[]);
        check("see the list (PDF)", &[]);
        check("a name (X) and (TOOLONGNAME)", &[]);
        check("under the same license (SA)", &[]);
        check("in Deutschland (DE) und English (EN)", &[]);
    }

    #[test]
    fn soft_hyphens_are_no_part_of_a_name() {
        check(
            "Identity and Access Manage\u{ad}ment (IAM)",
            &[("iam", "identity and access management")],
        );
        let acronyms = Acronyms(vec![(
            "iam".into(),
            "identity and access management".into(),
        )]);
        assert_eq!(acronyms.in_text("Identity and Access Management"), "iam");
    }

    #[test]
    fn a_page_of_parentheses_is_read_in_linear_time() {
        // Each `(` used to search the rest of the text for its `)`.
        let text = "(AB ".repeat(300_000) + "Open Source Business Alliance (OSBA)";
        assert_eq!(
            definitions(&text),
            vec![(
                "osba".to_string(),
                "open source business alliance".to_string()
            )]
        );
    }

    #[test]
    fn a_section_that_spells_the_name_out_gets_the_acronym() {
        let acronyms = Acronyms(vec![(
            "osba".into(),
            "open source business alliance".into(),
        )]);
        assert_eq!(
            acronyms.in_text("Open Source Business\nAlliance, Pariser Platz 6a"),
            "osba"
        );
        assert_eq!(acronyms.in_text("Open Source Business"), "");
        assert_eq!(
            acronyms.in_text("The Open Source Business Alliance (OSBA) says"),
            ""
        );
        assert_eq!(acronyms.in_text("the open source business alliances"), "");
    }
}
