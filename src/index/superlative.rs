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

use super::count::Listing;
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

/// "Best" in a recommendation of whom or how to ask ("who is the *best contact* for …", "wer
/// ist der *beste Ansprechpartner*", "the *best person to write* to"): no degree of anything.
const BEST: &[&str] = &["best", "beste", "besten", "bester"];
/// What "best" recommends in such a question.
const RECOMMENDED: &[&str] = &[
    "contact",
    "contacts",
    "way",
    "place",
    "channel",
    "address",
    "ansprechpartner",
    "ansprechpartnerin",
    "ansprechperson",
    "kontakt",
    "weg",
    "adresse",
];
/// Verbs of asking someone, after "the best (person) to".
const CONTACTING: &[&str] = &[
    "contact", "ask", "write", "reach", "email", "mail", "talk", "call",
];
/// Words of an order of the text itself ("which founder comes first *alphabetically*?"):
/// the list shows it.
const ALPHABETICAL: &[&str] = &[
    "alphabetical",
    "alphabetically",
    "alphabetic",
    "alphabetisch",
    "alphabetischer",
    "alphabetischen",
];
/// Words of a degree said loosely, which state it as well ("*mostly* under the Apache 2.0
/// licence").
const OF_DEGREE_LOOSELY: &[&str] = &[
    "mostly",
    "mainly",
    "predominantly",
    "meist",
    "meistens",
    "überwiegend",
    "hauptsächlich",
];

/// Years from which on a number is read as a year, for dates that order things in time.
const YEARS: std::ops::RangeInclusive<u32> = 1900..=2099;

/// What kind of superlative a question (normalised) asks for ([`Superlative`]): one said of
/// the one a question word picks ([`PICKS_ONE`]), not a thing's place in a row ("the first
/// hackathon"), not "most of", "am besten", "for the first time", and none of a question
/// about the text itself.
pub fn asks_superlative(normalized: &str) -> Superlative {
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    // Most questions have no superlative: the word lists are looked at only then.
    if !words
        .iter()
        .any(|w| OF_TIME.contains(w) || OF_DEGREE.contains(w))
        || !words.iter().any(|w| PICKS_ONE.contains(w))
        || words
            .iter()
            .any(|w| lexicon::is_reading_word(w) || ALPHABETICAL.contains(w))
    {
        return Superlative::No;
    }
    for (i, word) in words.iter().enumerate() {
        let next = words.get(i + 1).copied();
        let before = i.checked_sub(1).map(|j| words[j]);
        let after_next = words.get(i + 2).copied();
        if *word == "most" && matches!(next, Some("recent" | "recently")) {
            // "which … was the most recent?": an order in time, unless it names a thing ("the
            // most recent release").
            if next == Some("recently") || after_next.is_none_or(|n| AFTER_TIME.contains(&n)) {
                return Superlative::Time;
            }
            continue;
        }
        if OF_DEGREE.contains(word) {
            let recommends = BEST.contains(word)
                && (next.is_some_and(|n| RECOMMENDED.contains(&n))
                    || (next == Some("to") && after_next.is_some_and(|v| CONTACTING.contains(&v)))
                    || (matches!(next, Some("person" | "people"))
                        && after_next == Some("to")
                        && words.get(i + 3).is_some_and(|v| CONTACTING.contains(v))));
            let idiom = (*word == "most" && next == Some("of"))
                || (*word == "besten" && before == Some("am"))
                || recommends;
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

/// Whether a section states a superlative of the `kind` a question (`asked`, normalised)
/// asks for, in `text` (its heading and text): a superlative of degree, said strictly or
/// loosely ("mostly"); for an order in time, a superlative of time said of what the question
/// asks (at a sentence's end, before "to" or "one", before a word of the question: "the
/// *first* to join", "the first *summit*"; not "the first regular election" asked who joined
/// first), or what gives an order: two years or more, an agenda's clock times, versions in a
/// list or table (`listing`). Any section states [`Superlative::No`].
pub fn states_superlative(kind: Superlative, asked: &str, text: &str, listing: Listing) -> bool {
    let words = || {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
    };
    match kind {
        Superlative::No => true,
        Superlative::Degree => words()
            .any(|w| OF_DEGREE.contains(&w.as_str()) || OF_DEGREE_LOOSELY.contains(&w.as_str())),
        Superlative::Time => {
            said_of_what_is_asked(asked, text)
                || distinct(words().filter(|w| is_year(w))) >= ORDERED_BY
                || distinct(clock_times(text)) >= ORDERED_BY
                || (listing == Listing::Items && distinct(versions(text)) >= ORDERED_BY)
        }
    }
}

/// How many things dated, timed or numbered give an order in time.
const ORDERED_BY: usize = 2;

/// How many letters of a word a section's word shares with a question's to stand for it ("the
/// first *summit*" for "which summit …").
const SHARED_START: usize = 5;

/// Whether `text` says a superlative of time of what a question (`asked`, normalised) asks:
/// at a sentence's end, before a word that makes it said of one ([`AFTER_TIME`]), before a
/// word of the question, or as an adverb ("zuletzt").
fn said_of_what_is_asked(asked: &str, text: &str) -> bool {
    let question: Vec<&str> = asked.split(' ').filter(|w| w.chars().count() > 2).collect();
    let of_question = |word: &str| {
        let start: String = word.chars().take(SHARED_START).collect();
        question
            .iter()
            .any(|q| q.starts_with(&start) || word.starts_with(q))
    };
    let clean = |token: &str| {
        token
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let tokens: Vec<&str> = text.split_whitespace().collect();
    tokens.iter().enumerate().any(|(i, token)| {
        let word = clean(token);
        if !OF_TIME.contains(&word.as_str()) {
            return false;
        }
        let sentence_end = token.ends_with(['.', '!', '?', ':', ';']);
        let next = tokens.get(i + 1).map(|n| clean(n));
        ADVERBS_OF_TIME.contains(&word.as_str())
            || sentence_end
            || next
                .as_deref()
                .is_none_or(|n| n.is_empty() || AFTER_TIME.contains(&n) || of_question(n))
    })
}

/// How many different items `items` holds.
fn distinct(items: impl Iterator<Item = String>) -> usize {
    items.collect::<std::collections::HashSet<_>>().len()
}

/// Whether `word` (lower case) is a year.
fn is_year(word: &str) -> bool {
    word.len() == 4 && word.parse::<u32>().is_ok_and(|y| YEARS.contains(&y))
}

/// The clock times in `text` ("09:30", "9:30"): an agenda's, which order its sessions.
fn clock_times(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_ascii_digit() || c == ':'))
        .filter(|w| {
            let mut parts = w.split(':');
            matches!(
                (parts.next(), parts.next(), parts.next()),
                (Some(h), Some(m), None) if (1..=2).contains(&h.len()) && m.len() == 2
            )
        })
        .map(str::to_string)
}

/// The version numbers ("22.04", "1.33") and release tags ("R10") in `text`, which order
/// releases in time; not thousands ("2.400").
fn versions(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| {
            let parts: Vec<&str> = w.split('.').collect();
            let thousands = parts.iter().skip(1).all(|p| p.len() == 3);
            let version = parts.len() >= 2
                && !thousands
                && parts
                    .iter()
                    .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
            let tag = w.len() >= 2
                && w.starts_with(['R', 'r'])
                && w[1..].chars().all(|c| c.is_ascii_digit());
            version || tag
        })
        .map(str::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asks what `asks_superlative` makes of `question`, normalised as the answer layer does
    /// (its words, lower case, apart).
    fn check(question: &str, expect: Superlative) {
        assert_eq!(
            asks_superlative(&super::super::normalized(question)),
            expect,
            "{question}"
        );
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
    fn best_recommending_whom_to_ask_and_an_alphabetical_order_ask_no_superlative() {
        check(
            "who is the best person to contact about certification?",
            Superlative::No,
        );
        check(
            "wer ist der beste Ansprechpartner für den Summit?",
            Superlative::No,
        );
        check("who is the best contact for the summit?", Superlative::No);
        check(
            "which founding member comes first in alphabetical order?",
            Superlative::No,
        );
        check("wer ist die beste Person im Forum?", Superlative::Degree);
        check("which release came out most recently?", Superlative::Time);
        check("which is the most recent release?", Superlative::No);
    }

    /// Whether a section of `text` (a list when `listed`) states the superlative `question`
    /// asks for.
    fn states(question: &str, text: &str, listing: Listing) -> bool {
        let asked = super::super::normalized(question);
        states_superlative(asks_superlative(&asked), &asked, text, listing)
    }

    #[test]
    fn an_order_in_time_is_stated_of_what_is_asked_or_by_dates_times_and_listed_versions() {
        let first = "which of the founding members was the first to join?";
        assert!(states(
            first,
            "Acme was the first to join the forum.",
            Listing::Nothing
        ));
        assert!(!states(
            first,
            "The first regular election of the board is in May.",
            Listing::Nothing
        ));
        assert!(!states(
            first,
            "artcodix, B1 Systems, Cloud&Heat, Dataport",
            Listing::Items
        ));
        assert!(!states(
            first,
            "The forum took over on 1 January 2025.",
            Listing::Nothing
        ));
        let summit = "which summit was the first?";
        assert!(states(
            summit,
            "The first summit took place in Berlin.",
            Listing::Nothing
        ));
        assert!(states(
            summit,
            "Berlin (2024), Stuttgart (2025)",
            Listing::Nothing
        ));
        let opened = "who opened the summit first?";
        assert!(states(
            opened,
            "09:30 Welcome\n09:45 Keynote",
            Listing::Nothing
        ));
        let longest = "which kubernetes version is supported the longest?";
        assert!(states(
            longest,
            "1.33 | default | end of R11\n1.32 | supported | end of R10",
            Listing::Items
        ));
        assert!(!states(
            longest,
            "Kubernetes 1.33 is supported.",
            Listing::Nothing
        ));
    }

    #[test]
    fn a_degree_is_stated_strictly_or_loosely() {
        let best = "welcher Vortrag war der beste?";
        assert!(states(
            best,
            "die meisten Betreiber setzen auf SCS",
            Listing::Nothing
        ));
        assert!(states(
            "which licence is used most for the code?",
            "The code is mostly under Apache 2.0.",
            Listing::Nothing
        ));
        assert!(!states(
            best,
            "The first certificates were handed out.",
            Listing::Nothing
        ));
        assert!(states("what is scs?", "anything", Listing::Nothing));
    }
}
