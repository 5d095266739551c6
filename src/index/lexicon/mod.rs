//! The common words of English and German: what a reader types that is a real word, as
//! opposed to a typo or a name.
//!
//! The search needs to tell the two apart. A question word the content doesn't have is either a
//! typo of a word it has ("kubernetis", "Zertifizirung": correct it) or a real word of a topic
//! the content doesn't cover ("weather", "Wetter", "risotto": never "correct" it into "whether"
//! or "weiter", and take it as a sign the question is out of scope). The German analyzer also
//! splits compounds into the common words they are made of ("Jahresbudget" → "jahr" +
//! "budget", see [`super::analyzer`]).
//!
//! The lists are the most frequent words of each language in `wordfreq` 3.1.1's `large_en` and
//! `large_de` tables (<https://github.com/rspeer/wordfreq>; its data is licensed CC BY-SA 4.0,
//! see `LICENSE.md` in this folder), cut before misspellings become frequent (the first 30,000
//! English and 50,000 German words; "recieve" ranks about 40,000th), letters only, two or more
//! of them, lower case, each with its rank (0 = most frequent), sorted by word for binary
//! search (no table to build when a process starts). No crate ships such lists for both languages
//! without downloading them at build time, which CI can't.
//!
//! Invariant: lookups take lower-case words; a list's lines are split once per process,
//! lazily, when a question first needs it (well under a millisecond).

use std::sync::OnceLock;

const EN: &str = include_str!("en.txt");
const DE: &str = include_str!("de.txt");

/// How common a word is in general language: the most frequent words of a language ("thing",
/// "part", "time", "Sache") say little about what a question is about.
pub const GENERIC_RANK: u32 = 1_000;

/// A list: its words, sorted, and the rank of each.
struct List {
    words: Vec<&'static str>,
    ranks: Vec<u32>,
}

/// A list's lines (`word rank`, sorted by word), split once.
fn list(which: &'static OnceLock<List>, text: &'static str) -> &'static List {
    which.get_or_init(|| {
        let mut list = List {
            words: Vec::with_capacity(60_000),
            ranks: Vec::with_capacity(60_000),
        };
        for line in text.lines() {
            let (word, rank) = line.split_once(' ').unwrap_or((line, "0"));
            list.words.push(word);
            list.ranks.push(rank.parse().unwrap_or(0));
        }
        list
    })
}

fn english() -> &'static List {
    static WORDS: OnceLock<List> = OnceLock::new();
    list(&WORDS, EN)
}

fn german() -> &'static List {
    static WORDS: OnceLock<List> = OnceLock::new();
    list(&WORDS, DE)
}

fn find(list: &List, word: &str) -> Option<u32> {
    let at = list.words.binary_search(&word).ok()?;
    Some(list.ranks[at])
}

/// The frequency rank (0 = most frequent) of `word` (lower case) in `language` (`en`, `de`);
/// `None` when it is not a common word there, or the language has no list.
pub fn rank(language: &str, word: &str) -> Option<u32> {
    match language {
        "en" => find(english(), word),
        "de" => find(german(), word),
        _ => None,
    }
}

/// The words of `language` ranked below `below` (the most frequent ones), in no order.
pub fn most_frequent(language: &str, below: u32) -> Vec<&'static str> {
    let list = match language {
        "en" => english(),
        "de" => german(),
        _ => return Vec::new(),
    };
    list.words
        .iter()
        .zip(&list.ranks)
        .filter(|(_, rank)| **rank < below)
        .map(|(word, _)| *word)
        .collect()
}

/// Whether `word` (lower case) is a common English word.
pub fn is_english(word: &str) -> bool {
    find(english(), word).is_some()
}

/// Whether `word` (lower case) is a common German word.
pub fn is_german(word: &str) -> bool {
    find(german(), word).is_some()
}

/// Whether `word` (lower case) is a common word of English or German.
pub fn is_word(word: &str) -> bool {
    is_english(word) || is_german(word)
}

/// The forms of the light verbs of English and German: verbs that carry a question's grammar,
/// not its topic ("what *happened* on …", "who *took* over …", "worum *geht* es", "wann *kam*
/// Release 6 *raus*", "was *passiert* mit …"), with the particles that complete them. A
/// question asks for its other words; the content rarely has these, so counted as the
/// question's words they would read as a sign it is about something else. Verbs that name
/// what the pages are about ("join", "use", "run", "publish", "fund") are not here.
const LIGHT_VERBS: &[&str] = &[
    // English
    "go",
    "goes",
    "went",
    "gone",
    "going",
    "come",
    "comes",
    "came",
    "coming",
    "take",
    "takes",
    "took",
    "taken",
    "taking",
    "put",
    "puts",
    "make",
    "makes",
    "made",
    "making",
    "become",
    "becomes",
    "became",
    "becoming",
    "wants",
    "wanted",
    "happen",
    "happens",
    "happened",
    "happening",
    "mean",
    "means",
    "meant",
    // "what is the meaning of …" asks what … is.
    "meaning",
    // "release date of …", "Datum des Summits" ask when (a hint, see `question_hints`).
    "date",
    "dates",
    "over",
    "out",
    // German
    "gehen",
    "geht",
    "gehe",
    "ging",
    "gingen",
    "gegangen",
    "kommen",
    "kommt",
    "komme",
    "kam",
    "kamen",
    "gekommen",
    "machen",
    "macht",
    "mache",
    "machte",
    "gemacht",
    "haben",
    "hat",
    "habe",
    "hatte",
    "hatten",
    "gehabt",
    "geworden",
    "datum",
    "passieren",
    "passiert",
    "passierte",
    "bekommen",
    "bekommt",
    "bekam",
    "bekamen",
    "kriegen",
    "kriegt",
    "lassen",
    "lässt",
    "ließ",
    "tun",
    "tut",
    "tat",
    "getan",
    "raus",
    "heraus",
    // Said of events, in every question about one ("wann findet … statt"): joined from its
    // parts when split (see `answer::question`).
    "stattfinden",
    "stattfindet",
    // "was bedeutet …", "was versteht man unter …": as English "what does … mean".
    "bedeutet",
    "bedeuten",
    "versteht",
    "verstehen",
];

/// Whether `word` (lower case) is a form of a light verb (see [`LIGHT_VERBS`]).
pub fn is_light_verb(word: &str) -> bool {
    LIGHT_VERBS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_verbs_are_known_in_both_languages_and_topic_verbs_are_not() {
        for word in [
            "happened", "took", "geht", "passiert", "gehabt", "versteht", "bedeutet", "geworden",
            "date", "datum",
        ] {
            assert!(is_light_verb(word), "{word}");
        }
        for word in ["join", "use", "publish", "mitmachen", "veröffentlicht"] {
            assert!(!is_light_verb(word), "{word}");
        }
    }

    #[test]
    fn the_lists_hold_lower_case_words_with_their_rank_sorted_by_word() {
        for (text, list) in [(EN, english()), (DE, german())] {
            assert!(list.words.len() > 20_000);
            assert!(
                list.words.windows(2).all(|w| w[0] < w[1]),
                "sorted, no word twice"
            );
            assert!(text.lines().all(|line| line
                .split_once(' ')
                .is_some_and(|(_, rank)| rank.parse::<u32>().is_ok())));
            assert!(list
                .words
                .iter()
                .all(|w| w.chars().all(char::is_lowercase) && w.chars().count() >= 2));
        }
        assert!(rank("en", "the") < rank("en", "weather"));
        assert!(rank("de", "die") < rank("de", "wetter"));
        assert_eq!(rank("fr", "le"), None);
    }

    #[test]
    fn real_words_are_known_and_typos_are_not() {
        for word in ["weather", "pizza", "partner", "switch", "easily"] {
            assert!(is_english(word), "{word}");
        }
        for word in ["wetter", "förderung", "gedicht", "mitglieder", "rahmen"] {
            assert!(is_german(word), "{word}");
        }
        for typo in [
            "kubernetis",
            "partnrs",
            "certifcation",
            "zertifizirung",
            "relase",
        ] {
            assert!(!is_word(typo), "{typo}");
        }
    }
}
