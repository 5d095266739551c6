//! Partners: the list items of a partner section, and finding one by a name typed loosely.
//!
//! A typed word matches a word of a partner's name exactly, as its start (for completion), or
//! with a typo (one edit for words of 5+ letters, two for 8+; [`strsim`]'s optimal string
//! alignment, which counts a swap of two letters as one edit and, capped at two, equals
//! Damerau-Levenshtein without its per-call table: the one typo metric of the crate). Legal forms and filler words ([`NAME_FILLER`]) never tell
//! partners apart.

use super::catalog::PartnerWords;
use super::model::Partner;
use super::question::{normalize, Question};
use crate::content::Section;

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

/// The words of a name that can tell it apart: normalized, 3+ letters, no legal forms.
pub fn name_words(name: &str) -> Vec<String> {
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
    let compact_wanted = wanted.replace(' ', "");
    let mut scored: Vec<(u32, usize, &Partner)> = partners
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let full = normalize(&p.name);
            let compact_full = full.replace(' ', "");
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
    // A common word is what it says, not a typo of a name ("netzwerk" is not "network").
    // Cheapest test first (this runs for every partner word and question word): words whose
    // lengths differ by more than `allowed` are more edits apart; the word lists are looked up
    // before the edits are counted.
    (allowed > 0
        && name_word.chars().count().abs_diff(n) <= allowed
        && !crate::index::is_common_word(typed)
        && strsim::osa_distance(name_word, typed) <= allowed)
        .then_some(40)
}

/// The partners a question names by a distinctive word (typos allowed) or by the first word
/// of their name as written (see `PartnerWords::lead`), in list order.
pub fn mentioned<'c>(partners: &'c [PartnerWords], question: &Question) -> Vec<&'c Partner> {
    partners
        .iter()
        .filter(|p| {
            p.words.iter().any(|w| {
                question
                    .words()
                    .any(|t| word_match(w, t).is_some_and(|m| m != PREFIX))
            }) || p
                .lead
                .as_deref()
                .is_some_and(|lead| question.has_phrase(lead))
        })
        .map(|p| &p.partner)
        .collect()
}

/// The partner a question names by a distinctive word, if it names exactly one.
pub fn mentioned_one(partners: &[PartnerWords], question: &Question) -> Option<String> {
    match mentioned(partners, question).as_slice() {
        [one] => Some(one.name.clone()),
        _ => None,
    }
}

/// Partner names for autocomplete: prefix matches first, then names containing the text, then
/// names with a word close to it; at most 25.
pub fn complete(partners: &[PartnerWords], typed: &str) -> Vec<String> {
    let typed = normalize(typed);
    let mut ranked: Vec<(u32, usize, &Partner)> = partners
        .iter()
        .map(|p| &p.partner)
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
                    let n = t.chars().count();
                    // The start of the name's word, one letter longer than what was typed (cut
                    // at a character, never inside one: names have umlauts).
                    let start: String = w.chars().take(n + 1).collect();
                    n >= 3 && strsim::osa_distance(&start, t) <= 1
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
