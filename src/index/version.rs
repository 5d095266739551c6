//! Which version of something: "which harbor version does the registry in R8 run?", "Welche
//! Kubernetes-Version unterstützt R9?", "what version of the cluster-api provider is in R7?".
//!
//! Like a measure ([`super::measure`]), a version is a fact about the thing the question
//! names: only a section that puts a version beside it ("Kubernetes 1.33", "OpenStack (2024.1
//! Caracal)", "OSISM-9.x", "Cluster-API-Provider for OpenStack (v0.10)", a table row "| Ceph |
//! 18.2 |") can answer it. The release notes that name Harbor without its version say
//! nothing of which Harbor version runs; the training page that names Kubernetes gives none
//! of its versions. Asked of them, the bot holds back (`compose`, as for a measure no section
//! states).
//!
//! Asked only as "which/what/welche (exact, current …) *thing* version" or "which/what/welche
//! version of/von *thing*"; the thing is the word before "version" (German compounds are
//! split by the normaliser: "Kubernetes-Version"), or the first word after "of" and its
//! articles. A version is a number with a dot ("1.33", "2024.1", "22.04", "9.x"), a "v" and
//! a number ("v0.10", "v4"), a number after the word ("version 4") or a name before it ("the
//! Reef release", "die Reef Version"), in the sentence that names the thing (or the table
//! row); or the version's name right after the thing ("ceph Quincy", "Ceph (Reef)"); or
//! its versions, in those words ("a choice between Kubernetes versions").
//!
//! Hand-written: a version is found, never compared; a semver crate parses only the strict
//! form, and "2024.1", "9.x" or "v4" are not.

/// Words for a version, as normalised (a typo of one too: "verion").
const VERSION_WORDS: &[&str] = &["version", "versions", "versionen", "verion", "versio"];

/// Words that ask which one.
const WHICH: &[&str] = &[
    "which", "what", "whats", "welche", "welcher", "welches", "welchen",
];

/// Words between the question word and the thing that say which version, not of what.
const QUALIFIERS: &[&str] = &[
    "exact",
    "current",
    "latest",
    "new",
    "newest",
    "minimum",
    "default",
    "genaue",
    "genau",
    "aktuelle",
    "aktuellste",
    "neueste",
    "neue",
    "exakte",
];

/// Words after "version" that name whose it is: "version *of* …", "Version *vom* …".
const OF: &[&str] = &["of", "von", "vom", "der", "des"];

/// Articles the thing may follow.
const ARTICLES: &[&str] = &["the", "a", "der", "die", "das", "dem", "den"];

/// The thing a question asks the version of (normalised: lower case, words split at marks),
/// if it asks for one: "kubernetes" of "Welche Kubernetes-Version unterstützt R9?", "harbor"
/// of "which harbor version does the registry in r8 run?", "cluster" of "what version of the
/// cluster-api provider is in R7?".
pub fn asks_version(normalized: &str) -> Option<String> {
    asked_thing(normalized).map(|thing| match thing.as_str() {
        // The short name the pages don't use.
        "k8s" => "kubernetes".to_string(),
        _ => thing,
    })
}

/// [`asks_version`], the thing as the question names it.
fn asked_thing(normalized: &str) -> Option<String> {
    let words: Vec<&str> = normalized.split(' ').collect();
    let at = words.iter().position(|w| VERSION_WORDS.contains(w))?;
    // The last words before end in a question word, and qualifiers after it.
    let asked_by = |before: &[&str]| {
        before
            .iter()
            .rev()
            .find(|w| !QUALIFIERS.contains(w))
            .is_some_and(|w| WHICH.contains(w))
    };
    // "which kubernetes version": the question word, a qualifier or two, the thing.
    if at >= 2 && asked_by(&words[..at - 1]) && is_thing(words[at - 1]) {
        return Some(words[at - 1].to_string());
    }
    // "which version of the cluster-api provider".
    if asked_by(&words[..at]) && words.get(at + 1).is_some_and(|w| OF.contains(w)) {
        return words[at + 2..]
            .iter()
            .find(|w| !ARTICLES.contains(w))
            .filter(|w| is_thing(w))
            .map(|w| w.to_string());
    }
    None
}

/// Whether `word` may name a thing with versions: letters, no question or common small word.
fn is_thing(word: &str) -> bool {
    word.chars().count() >= 2
        && word.chars().any(char::is_alphabetic)
        && !WHICH.contains(&word)
        && !QUALIFIERS.contains(&word)
        && !ARTICLES.contains(&word)
        && !matches!(
            word,
            "this" | "that" | "its" | "their" | "diese" | "dieser" | "ihre"
        )
}

/// Whether `text` states a version of `thing` (a normalised word): the thing, as a word or as
/// the start of one ("Kubernetes-1.33", "OSISM-9.x"), in a sentence (or a line: a table's
/// row) with a version.
pub fn states_version(text: &str, thing: &str) -> bool {
    // A paragraph's lines are wrapped anywhere; a table's rows and a list's items are one
    // each.
    let mut prose = String::new();
    for line in text.lines() {
        let item = line.trim_start().starts_with(['-', '*', '+', '•']);
        if line.contains('|') || item {
            if sentence_states_version(line, thing) {
                return true;
            }
        } else {
            prose.push_str(line);
            prose.push(' ');
        }
    }
    prose
        .split([';', '\n'])
        .flat_map(|part| part.split(". "))
        .any(|sentence| sentence_states_version(sentence, thing))
}

/// [`states_version`] of one sentence.
fn sentence_states_version(sentence: &str, thing: &str) -> bool {
    let typed: Vec<&str> = sentence
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .collect();
    let words: Vec<String> = typed.iter().map(|w| w.to_lowercase()).collect();
    let named = words
        .iter()
        .any(|w| w == thing || (w.starts_with(thing) && thing.len() >= 4));
    // A version's name right after the thing: "ceph Quincy" (a word of no language), "Ceph
    // (Reef statt …)"; not "Kubernetes Cluster API".
    let codename = (0..words.len().saturating_sub(1)).any(|i| {
        let next = typed[i + 1];
        (words[i] == thing)
            && next.starts_with(char::is_uppercase)
            && (!super::lexicon::is_word(&words[i + 1]) || sentence.contains(&format!("({next}")))
    });
    // Or what it says of the thing's versions, named by that word: "users have a choice
    // between Kubernetes versions".
    let of_versions = (0..words.len().saturating_sub(1))
        .any(|i| words[i] == thing && VERSION_WORDS.contains(&words[i + 1].as_str()));
    // A version: a number of one ("1.33", "v0.10"), a number after the word ("version 4"), or
    // a name typed as one before it ("the Reef release", "auf die Reef Version").
    named
        && (codename
            || of_versions
            || (0..words.len()).any(|i| {
                is_version(&words[i])
                    || VERSION_WORDS.contains(&words[i].as_str())
                        && words
                            .get(i + 1)
                            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
                    || matches!(words[i].as_str(), "version" | "release")
                        && i > 0
                        && typed[i - 1].starts_with(char::is_uppercase)
                        && words[i - 1] != thing
                        && !ARTICLES.contains(&words[i - 1].as_str())
                        && !DETERMINERS.contains(&words[i - 1].as_str())
            }))
}

/// Words a sentence may start with before "version" or "release" that name none ("*Die*
/// Version", "*This* release"; not "the *Reef* release").
const DETERMINERS: &[&str] = &[
    "this", "that", "these", "each", "every", "next", "new", "diese", "dieses", "dieser", "jede",
    "jedes", "neue", "nächste", "eine", "ein",
];

/// Whether `word` (lower case) is a version: digits with a dot between ("1.33", "2024.1",
/// "9.x", "18.2.7"), or "v" and digits ("v0.10", "v4"); not a German date ("23.10.2024") nor
/// a thousand ("1.000").
fn is_version(word: &str) -> bool {
    if let Some(rest) = word.strip_prefix('v') {
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return true;
        }
    }
    let parts: Vec<&str> = word.split('.').collect();
    let number = |p: &&str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    let date = parts.len() == 3 && parts[2].len() == 4;
    let thousands = parts.len() >= 2 && parts[1..].iter().all(|p| p.len() == 3 && number(p));
    parts.len() >= 2
        && number(&parts[0])
        && parts[1..].iter().all(|p| number(p) || *p == "x")
        && !date
        && !thousands
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(question: &str, expect: Option<&str>) {
        let normalized = super::super::normalized(question);
        assert_eq!(asks_version(&normalized).as_deref(), expect, "{question}");
    }

    #[test]
    fn which_version_of_a_thing_is_asked_by_the_word_before_version_or_after_of() {
        check(
            "Welche Kubernetes-Version unterstützt R9?",
            Some("kubernetes"),
        );
        check(
            "which harbor version does the registry in r8 run?",
            Some("harbor"),
        );
        check("which exact kernel version ships in r9?", Some("kernel"));
        check(
            "what version of the cluster-api provider is in R7?",
            Some("cluster"),
        );
        check(
            "Welche Version vom Cluster-API-Provider ist in R7?",
            Some("cluster"),
        );
        check("welche openstack version hat r7", Some("openstack"));
        check("Welche k8s-Version unterstützt R9?", Some("kubernetes"));
        // No question for a version of a thing.
        check("what's new in this version?", None);
        check("is there a German version of the page?", None);
        check("make a table: component | version", None);
        check("which release is the newest?", None);
    }

    #[test]
    fn a_version_stands_beside_the_thing_it_is_of() {
        assert!(states_version(
            "We ship Kubernetes 1.31 and 1.32.",
            "kubernetes"
        ));
        assert!(states_version(
            "OpenStack (2024.1 Caracal) is the base.",
            "openstack"
        ));
        assert!(states_version("Now on OSISM-9.x with more", "osism"));
        assert!(states_version("| Ceph | 18.2 |", "ceph"));
        assert!(states_version(
            "Ceph (Reef) is a preview, replacing the proven ceph Quincy.",
            "ceph"
        ));
        assert!(!states_version("the Kubernetes Cluster API", "kubernetes"));
        assert!(states_version(
            "Users have a choice between Kubernetes versions.",
            "kubernetes"
        ));
        // A paragraph wrapped inside the sentence.
        assert!(states_version(
            "Eine neue Version von Ceph (Reef\nstatt dem bewährten Quincy) steht bereit.",
            "ceph"
        ));
        assert!(states_version(
            "the Cluster-API-Provider for OpenStack (v0.10)",
            "openstack"
        ));
        // Named without a version, or far from one.
        assert!(!states_version(
            "The registry (built on harbor) and the monitoring from dNation.",
            "harbor"
        ));
        assert!(states_version(
            "The mature ceph storage technology has been upgraded to the Reef release.",
            "ceph"
        ));
        assert!(states_version(
            "New stable version 4 for the SCS-compatible IaaS certification.",
            "certification"
        ));
        assert!(!states_version(
            "Harbor is the registry we run. Kubernetes 1.33 ships too.",
            "harbor"
        ));
        // A date, a thousand or a plain number is no version, nor "the version" unnamed.
        assert!(!states_version(
            "Kubernetes seit dem 23.10.2024",
            "kubernetes"
        ));
        assert!(!states_version(
            "über 1.000 Kubernetes-Cluster",
            "kubernetes"
        ));
        assert!(!states_version(
            "Die Version von Kubernetes ist neu.",
            "kubernetes"
        ));
        // A list's items are one each.
        assert!(!states_version(
            "- Harbor is the registry\n- OSISM 10.0 installs the rest",
            "harbor"
        ));
        assert!(!states_version(
            "Kubernetes since 26 September 2025",
            "kubernetes"
        ));
    }
}
