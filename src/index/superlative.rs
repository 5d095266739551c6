//! Which one was the first, the last, the best: "which of the founding members was the very
//! first to sign up?", "welche Firma ist zuletzt beigetreten?", "which of the founders runs the
//! most clouds?", "welcher Vortrag war der beste?".
//!
//! Like a count ([`super::count`]), a superlative is a fact about the things the question names,
//! and only a section that states one can answer it: the partner list names every founding
//! member and says nothing of who signed up first, the summit's agenda names every talk and
//! says nothing of which was best. Asked of it, the bot holds back (`compose`, as for a count no
//! section states) rather than show a section that only names the candidates.
//!
//! Two kinds, told apart by what states them: an order in time ("first", "zuletzt", "the
//! longest") is stated by a superlative of time or by the dates that order the things (two
//! years or more); a degree ("most", "best", "die meisten") only by a superlative of degree.
//!
//! Asked only with a question word that picks one ("which", "who", "welche", "wer"), by a
//! superlative that says something of it: "the *first* hackathon", "das erste Ziel" name a
//! thing by its place in a row, which any section on it answers; so do "for the first time",
//! "most of", "am besten" ("an wen wende ich mich am besten?" asks whom to write to). A
//! question about the text itself ("which section has the most links?", "who is listed
//! last?") asks what the pages show (`lexicon::is_reading_word`), which any section can.
//!
//! Hand-written: a few dozen words in two languages; a part-of-speech tagger would tell
//! attributive from predicative uses more surely, but no crate for English and German is
//! small enough to be worth it for this.

use super::lexicon;

/// What kind of superlative a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Superlative {
    /// None.
    #[default]
    No,
    /// An order in time: the first, the last, the longest.
    Time,
    /// A degree: the most, the best, the biggest.
    Degree,
}

/// Question words that pick one of many ("*which* of the founders …", "*wer* war …").
const PICKS_ONE: &[&str] = &[
    "which", "who", "whose", "welche", "welcher", "welches", "welchen", "welchem", "wer", "wen",
    "wem",
];

/// Superlatives of time, English and German, as normalised.
const OF_TIME: &[&str] = &[
    "first",
    "last",
    "earliest",
    "latest",
    "oldest",
    "newest",
    "longest",
    "erste",
    "ersten",
    "erster",
    "erstes",
    "letzte",
    "letzten",
    "letzter",
    "letztes",
    "zuletzt",
    "zuerst",
    "älteste",
    "ältesten",
    "neueste",
    "neuesten",
    "früheste",
    "frühesten",
    "jüngste",
    "jüngsten",
    "längste",
    "längsten",
];

/// Superlatives of time that are adverbs, never before a noun ("welche Firma ist *zuletzt*
/// beigetreten?").
const ADVERBS_OF_TIME: &[&str] = &["zuletzt", "zuerst"];

/// Words after a superlative of time that make it say something of the one asked about, not
/// name a thing by its place in a row: "the first *to* sign up", "als erste *nach* den
/// Gründern", "the first *one* to …", "zuerst *im* Forum"; or nothing at all ("… the
/// longest?").
const AFTER_TIME: &[&str] = &["to", "one", "nach", "ins", "im", "in", "beim", "zum"];

/// Words after "first" or "erste" that make a time of it ("for the first *time*", "zum
/// ersten *Mal*").
const TIMES: &[&str] = &["time", "times", "mal"];

/// Superlatives of degree, English and German, as normalised.
const OF_DEGREE: &[&str] = &[
    "most",
    "best",
    "biggest",
    "largest",
    "highest",
    "lowest",
    "fewest",
    "meisten",
    "beste",
    "besten",
    "bester",
    "bestes",
    "größte",
    "größten",
    "höchste",
    "höchsten",
    "wenigsten",
];

/// Years from which on a number is read as a year, for dates that order things in time.
const YEARS: std::ops::RangeInclusive<u32> = 1900..=2099;

/// How many years a section must name to order things in time.
const DATES_TO_ORDER: usize = 2;

/// What kind of superlative a question (normalised) asks for ([`Superlative`]): one said of
/// the one a question word picks ([`PICKS_ONE`]), not a thing's place in a row ("the first
/// hackathon"), not "most of", "am besten", "for the first time", and none of a question
/// about the text itself.
pub fn asks_superlative(normalized: &str) -> Superlative {
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    if !words.iter().any(|w| PICKS_ONE.contains(w))
        || words.iter().any(|w| lexicon::is_reading_word(w))
    {
        return Superlative::No;
    }
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1).copied();
        let before = i.checked_sub(1).map(|j| words[j]);
        if OF_DEGREE.contains(word) {
            let idiom = (*word == "most" && next == Some("of"))
                || (*word == "besten" && before == Some("am"));
            if !idiom {
                return Superlative::Degree;
            }
        } else if OF_TIME.contains(word) {
            if next.is_some_and(|n| TIMES.contains(&n)) {
                continue;
            }
            let said_of_one =
                ADVERBS_OF_TIME.contains(word) || next.is_none_or(|n| AFTER_TIME.contains(&n));
            if said_of_one {
                return Superlative::Time;
            }
        }
    }
    Superlative::No
}

/// Whether `text` (a section's heading and text) states a superlative of the `kind` asked: a
/// superlative of that kind, or for an order in time the dates that give one (two years or
/// more). Any section states [`Superlative::No`].
pub fn states_superlative(text: &str, kind: Superlative) -> bool {
    let words = || {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
    };
    match kind {
        Superlative::No => true,
        Superlative::Degree => words().any(|w| OF_DEGREE.contains(&w.as_str())),
        Superlative::Time => {
            words().any(|w| OF_TIME.contains(&w.as_str()))
                || words()
                    .filter(|w| w.len() == 4 && w.parse::<u32>().is_ok_and(|y| YEARS.contains(&y)))
                    .collect::<std::collections::HashSet<_>>()
                    .len()
                    >= DATES_TO_ORDER
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asks what `asks_superlative` makes of `question`, normalised as the answer layer does
    /// (its words, lower case, apart).
    fn check(question: &str, expect: Superlative) {
        let normalized = question
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(asks_superlative(&normalized), expect, "{question}");
    }

    #[test]
    fn a_superlative_said_of_the_one_picked_is_asked() {
        check(
            "which of the founding members was the very first to sign up for the forum?",
            Superlative::Time,
        );
        check(
            "which of the founding members has been in the osba the longest?",
            Superlative::Time,
        );
        check(
            "Welche Firma ist zuletzt dem Forum beigetreten?",
            Superlative::Time,
        );
        check(
            "Welche Firma ist als erste nach den Gründungsmitgliedern ins Forum dazugekommen?",
            Superlative::Time,
        );
        check(
            "which of the founders runs the most scs clouds in production?",
            Superlative::Degree,
        );
        check(
            "Welcher Vortrag war beim Summit 2025 der beste?",
            Superlative::Degree,
        );
        check(
            "Welcher Summit-Vortrag hat auf YouTube die meisten Aufrufe?",
            Superlative::Degree,
        );
    }

    #[test]
    fn a_place_in_a_row_an_idiom_or_the_text_itself_asks_no_superlative() {
        check("wen and were was the last scs hackathon?", Superlative::No);
        check("was is das erste ziel vom forum", Superlative::No);
        check(
            "who is handing out the first scs certificates?",
            Superlative::No,
        );
        check(
            "who actually does most of the refreshing of that software?",
            Superlative::No,
        );
        check(
            "an wen wende ich mich am besten, wenn wir beitreten wollen?",
            Superlative::No,
        );
        check(
            "In welchem Monat haben SCS und ALASCA zum ersten Mal ihre Zusammenarbeit angekündigt?",
            Superlative::No,
        );
        check(
            "which company is listed last on the founders list?",
            Superlative::No,
        );
        check(
            "which section of the page has the most outbound links?",
            Superlative::No,
        );
        // No question word picks one: asks for reasons, which any section may give.
        check("why is open source the best bet?", Superlative::No);
        check("when was the first hackathon?", Superlative::No);
    }

    #[test]
    fn a_superlative_is_stated_by_its_kind_and_an_order_in_time_by_dates() {
        assert!(states_superlative(
            "The first certificates were handed out.",
            Superlative::Time
        ));
        assert!(states_superlative(
            "Cologne (2022), Nuremberg (2023), Berlin (2024)",
            Superlative::Time
        ));
        assert!(!states_superlative(
            "The forum took over on 1 January 2025.",
            Superlative::Time
        ));
        assert!(!states_superlative(
            "artcodix, B1 Systems, Cloud&Heat, Dataport",
            Superlative::Time
        ));
        assert!(states_superlative(
            "die meisten Betreiber setzen auf SCS",
            Superlative::Degree
        ));
        assert!(!states_superlative(
            "The first certificates were handed out.",
            Superlative::Degree
        ));
        assert!(states_superlative("anything", Superlative::No));
    }
}
