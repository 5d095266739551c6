//! A small bilingual glossary of the words people use when asking about a cloud project's
//! network, community and documentation, grouped by concept.
//!
//! It is consulted only for a question word the index does not contain at all: a German word
//! asked against English pages ("mitmachen"), an English word against German pages, or a
//! paraphrase ("repo", "objective"). Each other word of its group that the index does contain
//! then stands in for it, damped (see `search::SYNONYM`). Words are matched by their unstemmed
//! form and by their English and German stems, so inflections are covered.
//!
//! Invariant: groups hold words of one meaning only, in general vocabulary — never names from
//! the content, never words chosen to steer a particular question.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::analyzer::Analyzers;

const GROUPS: &[&[&str]] = &[
    // taking part
    &[
        "join",
        "participate",
        "involved",
        "engage",
        "mitmachen",
        "beitreten",
        "teilnehmen",
        "mitwirken",
        "beteiligen",
    ],
    &["member", "membership", "mitglied", "mitgliedschaft"],
    &["partner", "partnership", "partnerschaft"],
    &[
        "company",
        "organization",
        "organisation",
        "firm",
        "enterprise",
        "unternehmen",
        "firma",
    ],
    &[
        "founder",
        "founding",
        "gründer",
        "gründung",
        "gründungsmitglied",
    ],
    // reaching someone
    &[
        "contact",
        "reach",
        "kontakt",
        "kontaktieren",
        "ansprechpartner",
    ],
    &["email", "mail", "address", "adresse"],
    // purpose
    &[
        "goal",
        "aim",
        "objective",
        "purpose",
        "mission",
        "ziel",
        "zweck",
    ],
    // further reading
    &["link", "links", "resource", "resources", "weiterführend"],
    &[
        "documentation",
        "docs",
        "doc",
        "manual",
        "dokumentation",
        "doku",
        "handbuch",
    ],
    &[
        "repository",
        "repositories",
        "repo",
        "code",
        "github",
        "quellcode",
    ],
    // topics
    &["network", "netzwerk"],
    &[
        "funding",
        "funded",
        "fund",
        "förderung",
        "gefördert",
        "fördern",
        "finanzierung",
    ],
    &["sovereignty", "sovereign", "souveränität", "souverän"],
    &[
        "certification",
        "certificate",
        "certified",
        "zertifizierung",
        "zertifikat",
        "zertifiziert",
    ],
    &["federation", "federated", "föderation", "föderiert"],
    &["infrastructure", "infrastruktur"],
    &[
        "collaboration",
        "cooperation",
        "zusammenarbeit",
        "kooperation",
    ],
    &["contribution", "contribute", "beitrag", "beitragen"],
    &["standard", "standards", "norm"],
    &["development", "develop", "entwicklung", "entwickeln"],
    &["europe", "european", "europa", "europäisch"],
    &["germany", "german", "deutschland", "deutsch"],
    &["ministry", "ministerium", "bundesministerium"],
    &["news", "announcement", "neuigkeiten", "ankündigung"],
];

/// Key → indexes into [`GROUPS`].
fn index() -> &'static HashMap<String, Vec<usize>> {
    static INDEX: OnceLock<HashMap<String, Vec<usize>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        // Own analyzers: this may run inside `with_analyzers`.
        let mut a = Analyzers::new();
        let mut map: HashMap<String, Vec<usize>> = HashMap::new();
        for (group, words) in GROUPS.iter().enumerate() {
            for word in *words {
                for key in keys(&mut a, word) {
                    let groups = map.entry(key).or_default();
                    if !groups.contains(&group) {
                        groups.push(group);
                    }
                }
            }
        }
        map
    })
}

/// The forms a word is looked up by: folded, and its English and German stems.
fn keys(a: &mut Analyzers, word: &str) -> Vec<String> {
    let mut keys = Vec::with_capacity(3);
    for key in [
        Analyzers::term_of(&mut a.raw, word),
        Analyzers::term_of(&mut a.en, word),
        Analyzers::term_of(&mut a.de, word),
    ]
    .into_iter()
    .flatten()
    {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

/// The other words of every group `word` (lower-case) belongs to.
pub fn alternatives(a: &mut Analyzers, word: &str) -> Vec<&'static str> {
    let index = index();
    let keys = keys(a, word);
    let mut groups: Vec<usize> = Vec::new();
    for key in &keys {
        for g in index.get(key).into_iter().flatten() {
            if !groups.contains(g) {
                groups.push(*g);
            }
        }
    }
    let mut out: Vec<&'static str> = Vec::new();
    for g in groups {
        for candidate in GROUPS[g] {
            let same =
                Analyzers::term_of(&mut a.raw, candidate).is_some_and(|raw| keys.contains(&raw));
            if !same && !out.contains(candidate) {
                out.push(candidate);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::analyzer::with_analyzers;

    fn alternatives_of(word: &str) -> Vec<&'static str> {
        with_analyzers(|a| alternatives(a, word))
    }

    #[test]
    fn a_german_word_has_its_english_counterparts() {
        assert!(alternatives_of("mitmachen").contains(&"join"));
        assert!(alternatives_of("ziele").contains(&"goal"));
        assert!(alternatives_of("kontakt").contains(&"contact"));
    }

    #[test]
    fn inflected_forms_are_found_by_their_stem() {
        assert!(alternatives_of("objectives").contains(&"goal"));
        assert!(alternatives_of("mitglieder").contains(&"member"));
    }

    #[test]
    fn unknown_words_have_no_alternatives() {
        assert!(alternatives_of("wavecon").is_empty());
        assert!(!alternatives_of("join").contains(&"join"));
    }
}
