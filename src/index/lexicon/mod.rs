//! The common words of English and German: what a reader types that is a real word, as
//! opposed to a typo or a name.
//!
//! The search needs to tell the two apart. A question word the content doesn't have is either a
//! typo of a word it has ("kubernetis", "Zertifizirung": correct it) or a real word of a topic
//! the content doesn't cover ("weather", "Wetter", "risotto": never "correct" it into "whether"
//! or "weiter", and take it as a sign the question is out of scope). A word neither the content
//! nor the lists have may be a typo of a common word ("membrship"): [`correction`] finds the
//! word meant, and a rare listed word may be a frequent misspelling ("thier"). The German analyzer also
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

/// Words about the text itself, in English and German: its parts ("section", "heading",
/// "Absatz"), its links, and what it does with a thing ("mentions", "lists", "erwähnt",
/// "aufgeführt"). A question using them reads the pages ("which sections mention 'federated'
/// something?", "wie viele Links stehen unter Further Links?"); pages rarely say them of
/// themselves, and counted as words no page has they would read as a sign the question is
/// about something else. Where pages do have them, they are searched as any word. Not words
/// as often about someone else: "say" ("what did the chancellor say about …"), "named"
/// (appointed), "text" (to text someone), "steht" ("was steht im Koalitionsvertrag?"),
/// "Listen" (English "listen").
const READING_WORDS: &[&str] = &[
    "page",
    "pages",
    "webpage",
    "site",
    "website",
    "section",
    "sections",
    "paragraph",
    "paragraphs",
    "heading",
    "headings",
    "headline",
    "headlines",
    "bullet",
    "bullets",
    "list",
    "lists",
    "listed",
    "listing",
    "mention",
    "mentions",
    "mentioned",
    "mentioning",
    "link",
    "links",
    "linked",
    "url",
    "urls",
    "domain",
    "domains",
    "wording",
    "sentence",
    "sentences",
    "spelled",
    "spelt",
    "stated",
    "seite",
    "seiten",
    "webseite",
    "abschnitt",
    "abschnitte",
    "abschnitten",
    "absatz",
    "absätze",
    "überschrift",
    "überschriften",
    "liste",
    "aufgeführt",
    "aufgelistet",
    "gelistet",
    "erwähnt",
    "erwähnen",
    "erwähnung",
    "genannt",
    "nennt",
    "nennen",
    "verlinkt",
    "satz",
    "sätze",
    "quote",
    "quotes",
    "quoted",
    "intro",
    "introduction",
    "title",
    "titles",
    "spelling",
    "abbreviation",
    "zitat",
    "zitiert",
    "einleitung",
    "titel",
    "schreibweise",
    "abkürzung",
    "appear",
    "appears",
    "appearing",
    "taucht",
    "auftauchen",
    "auftaucht",
    "vorkommt",
    "vorkommen",
];

/// Whether `word` (lower case) is a word about the text itself (see [`READING_WORDS`]).
pub fn is_reading_word(word: &str) -> bool {
    READING_WORDS.contains(&word)
}

/// Words for the form an answer is asked in ("as a markdown table", "als Tabelle", "in
/// Stichpunkten", "as json"; not "column", as often a spreadsheet's): what the asker wants
/// made of a section, not what
/// it is about. A page that has one (a course on Markdown) is no more the answer for it.
const FORM_WORDS: &[&str] = &[
    "markdown",
    "table",
    "tables",
    "csv",
    "json",
    "yaml",
    "bullet",
    "bullets",
    "numbered",
    "tabelle",
    "tabellen",
    "stichpunkt",
    "stichpunkte",
    "stichpunkten",
    "nummerierte",
    "nummerierten",
];

/// Whether `word` (lower case) asks for the form of an answer ([`FORM_WORDS`]).
pub fn is_form_word(word: &str) -> bool {
    FORM_WORDS.contains(&word)
}

/// Kinds of text a task asks to make of a part ("write a *haiku* about the forum", "Mach aus
/// den Zielen einen *Slogan*", "a *tweet*", "ein *Elfchen*"), folded as the search reads them
/// (no umlauts): what the asker wants made, not what it is about. Weightless only where no
/// page has the word ([`is_task_word`]).
const TEXT_KINDS: &[&str] = &[
    // English
    "poem",
    "poems",
    "haiku",
    "haikus",
    "limerick",
    "sonnet",
    "verse",
    "verses",
    "rap",
    "song",
    "lyrics",
    "rhyme",
    "rhymes",
    "couplet",
    "ode",
    "tweet",
    "tweets",
    "toot",
    "thread",
    "caption",
    "slogan",
    "slogans",
    "tagline",
    "banner",
    "flyer",
    "poster",
    "slide",
    "slides",
    "pitch",
    "blurb",
    "teaser",
    "newsletter",
    "template",
    "poll",
    "quiz",
    "riddle",
    "joke",
    "jokes",
    "story",
    "fairytale",
    "dialogue",
    "dialog",
    "script",
    "speech",
    "toast",
    "acrostic",
    "hashtag",
    "hashtags",
    "emoji",
    "emojis",
    "meme",
    "comic",
    "invitation",
    "postcard",
    "card",
    "post",
    "posts",
    "email",
    "mail",
    "message",
    "reply",
    "answer",
    // German
    "gedicht",
    "gedichte",
    "elfchen",
    "reim",
    "reime",
    "zweizeiler",
    "vierzeiler",
    "vers",
    "strophe",
    "strophen",
    "lied",
    "spruch",
    "werbespruch",
    "plakat",
    "folie",
    "folien",
    "posting",
    "sprechblase",
    "witz",
    "ratsel",
    "geschichte",
    "marchen",
    "rede",
    "einladung",
    "nachricht",
    "vorlage",
    "umfrage",
    "karte",
    "grusskarte",
    "postkarte",
    "motto",
    "antwort",
    "datei",
    "dokument",
    "file",
    "spreadsheet",
    "document",
    "array",
];

/// How long and in which tone a task wants its text ("max ten *words*", "two *friendly*
/// *sentences*", "*höchstens* zehn *Wörter*", "*kurz* und *knackig*"), folded.
const MEASURES_AND_TONES: &[&str] = &[
    // English
    "max",
    "maximum",
    "min",
    "minimum",
    "short",
    "shorter",
    "brief",
    "words",
    "word",
    "sentences",
    "sentence",
    "lines",
    "line",
    "characters",
    "chars",
    "friendly",
    "funny",
    "catchy",
    "punchy",
    "formal",
    "casual",
    "factual",
    "polite",
    "witty",
    "cheerful",
    "neutral",
    // German
    "hochstens",
    "maximal",
    "kurz",
    "kurze",
    "kurzen",
    "kurzer",
    "kurzes",
    "knapp",
    "knappe",
    "knappen",
    "worter",
    "wortern",
    "wort",
    "satz",
    "satze",
    "satzen",
    "zeile",
    "zeilen",
    "zeichen",
    "freundlich",
    "freundliche",
    "freundlichen",
    "lustig",
    "lustige",
    "lustigen",
    "witzig",
    "witzige",
    "witzigen",
    "locker",
    "lockere",
    "lockeren",
    "formlich",
    "sachlich",
    "sachliche",
    "sachlichen",
    "knackig",
    "knackige",
    "knackigen",
];

/// Whether `word` (lower case, folded) says what a task is to make and how ([`FORM_WORDS`],
/// [`TEXT_KINDS`], [`MEASURES_AND_TONES`]), not what it is about: "write a *short* *poem*
/// about the forum goals". In a task, such a word no page has weighs nothing: the answer is
/// the part it is about ("a poem about cats" is still about cats).
pub fn is_task_word(word: &str) -> bool {
    is_form_word(word) || TEXT_KINDS.contains(&word) || MEASURES_AND_TONES.contains(&word)
}

/// Whether `word` (lower case, folded) is a kind of text a task asks to make ([`TEXT_KINDS`]).
pub fn is_text_kind(word: &str) -> bool {
    TEXT_KINDS.contains(&word)
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
    // "was ist mit … gemeint?": what it means.
    "gemeint",
    // "von wem stammt das Zitat?": whose it is.
    "stammt",
    "stammen",
    "stammte",
];

/// Whether `word` (lower case) is a form of a light verb (see [`LIGHT_VERBS`]).
pub fn is_light_verb(word: &str) -> bool {
    LIGHT_VERBS.contains(&word)
}

/// Rank from which a word of the lists may itself be a frequent misspelling ("thier", "teh",
/// "wich" in an English question): the lists are cut before misspellings are common, but the
/// most frequent ones still rank here.
const MISSPELLING_RANK: u32 = 10_000;

/// How many times more frequent a word must be than a listed word one edit away for that word
/// to be read as its misspelling ("thier", rank 28,641, is "their", rank 52).
const MISSPELLING_RATIO: u32 = 50;

/// How much less likely a word of the other language is meant than one of the language asked
/// in: its rank counts this many times over.
const OTHER_LANGUAGE: u32 = 4;

/// Letters a typo may add or replace.
const ALPHABET: &str = "abcdefghijklmnopqrstuvwxyzäöüß";

/// The common word a misspelt `word` (lower case) most likely stands for, in a question asked in
/// `asked`: the most frequent word of the lists one edit away (a letter added, dropped,
/// replaced, or two swapped; none dropped from a word of four letters, the first letter only
/// swapped), preferring the language asked in ("wich" → "which" in English, though "wich" is a
/// rare German word). A listed word counts as a misspelling only when it is rare (from
/// [`MISSPELLING_RANK`]) and the word near it far more frequent ("thier"); it and a word no
/// list has of fewer than [`MIN_UNLISTED_LETTERS`] letters only by a swap or a letter left
/// out ("waht", "coud"); a word no list has not when it is German spelt without umlauts or ß
/// ("gefoerdert"). `None` when `word` is a common word of its own ("rite"), too short, or no
/// frequent word is near ("ionos"). The caller takes a correction of a listed or short word
/// only when it is a stopword. A noisy-channel speller of the
/// simplest kind: every edit is as likely, and how frequent the word is decides.
///
/// Hand-written: the spelling crates carry dictionaries of one language, or need a dictionary
/// file at run time; these lists are at hand and already say how frequent each word is.
pub fn correction(word: &str, asked: &str) -> Option<&'static str> {
    let letters: Vec<char> = word.chars().collect();
    if letters.len() < MIN_LETTERS || !letters.iter().all(|c| c.is_alphabetic()) {
        return None;
    }
    let listed: Vec<u32> = [english(), german()]
        .into_iter()
        .filter_map(|list| find(list, word))
        .collect();
    // A word of three letters both lists have is a name or an acronym of no language ("aws",
    // "ovh"), not a slip of one ("teh").
    if letters.len() < 4 && listed.len() > 1 {
        return None;
    }
    let own = listed.into_iter().min();
    if own.is_some_and(|rank| rank < MISSPELLING_RANK) {
        return None;
    }
    // A listed word, or a short one no list has (an acronym or a product as often as a typo:
    // "vlan", "saas"), is read as a misspelling only by the commonest slips: two letters
    // swapped or one left out ("waht", "wich", "coud"), not one replaced or added ("docs" is
    // not "does", "comet" not "come").
    let slips_only = own.is_some() || letters.len() < MIN_UNLISTED_LETTERS;
    // German spelt without umlauts or ß ("gefoerdert", "strasse") is German, not a typo.
    if own.is_none() && transliterations(word).any(|w| is_german(&w)) {
        return None;
    }
    let (first, second) = if asked == "de" {
        (german(), english())
    } else {
        (english(), german())
    };
    // Every edit at position `i` keeps the first `i` letters: it is looked for only among the
    // words that start with them, and not at all past the first position no word starts with.
    let lists = [
        (first, 1, prefix_ranges(first, word, &letters)),
        (
            second,
            OTHER_LANGUAGE,
            // A word of three letters is read in the language asked in only.
            if letters.len() < 4 {
                Vec::new()
            } else {
                prefix_ranges(second, word, &letters)
            },
        ),
    ];
    let reach = lists.iter().map(|(_, _, r)| r.len()).max().unwrap_or(0);
    let mut best: Option<(u32, &'static str)> = None;
    let mut candidate = String::with_capacity(word.len() + 4);
    let mut consider = |at: usize, parts: &[&[char]]| {
        candidate.clear();
        candidate.extend(parts.iter().flat_map(|p| p.iter()));
        for (list, factor, ranges) in &lists {
            let Some(&(lo, hi)) = ranges.get(at) else {
                continue;
            };
            if let Ok(found) = list.words[lo..hi].binary_search(&candidate.as_str()) {
                let at = lo + found;
                let score = list.ranks[at].saturating_mul(*factor);
                if best.is_none_or(|(b, w)| (score, list.words[at]) < (b, w)) {
                    best = Some((score, list.words[at]));
                }
            }
        }
    };
    for i in 0..(letters.len() - 1).min(reach) {
        let swapped = [letters[i + 1], letters[i]];
        consider(i, &[&letters[..i], &swapped, &letters[i + 2..]]);
    }
    // Typos seldom touch the first letter (a swap aside: "hwo"), and a word of another first
    // letter is more often a different word than the one meant: edits start at the second.
    for i in (1..letters.len().min(reach)).filter(|_| !slips_only) {
        // A word of four letters less one is three: an acronym or a stopword as often as not.
        if letters.len() > 4 {
            consider(i, &[&letters[..i], &letters[i + 1..]]);
        }
        for c in ALPHABET.chars().filter(|c| *c != letters[i]) {
            consider(i, &[&letters[..i], &[c], &letters[i + 1..]]);
        }
    }
    // A word of three letters less one is two: it is read only by a swap ("teh"), or an
    // acronym would be a word ("sme" is not "some").
    for i in (1..=letters.len().min(reach.saturating_sub(1))).filter(|_| letters.len() > 3) {
        for c in ALPHABET.chars() {
            consider(i, &[&letters[..i], &[c], &letters[i..]]);
        }
    }
    let (rank, fixed) = best?;
    let likelier = own.is_none_or(|own| rank.saturating_mul(MISSPELLING_RATIO) <= own);
    (rank < max_correction_rank(letters.len()) && likelier && fixed != word).then_some(fixed)
}

/// What a word of three letters may be a slip of: one of this many commonest words of the
/// language asked in ("teh" → "the", "hwo" → "how"); an acronym is as often one slip from a
/// rarer word ("bsi" of "bis" in an English question).
const MAX_SHORT_CORRECTION_RANK: u32 = 100;

/// Rank from which a word is too rare to be what a typo of `letters` letters most likely
/// meant: a short word is one edit from many words, and a rare one among them is as likely a
/// name ("ionos" is not "ions"); a long word is one edit from hardly any but the one meant.
fn max_correction_rank(letters: usize) -> u32 {
    match letters {
        ..=3 => MAX_SHORT_CORRECTION_RANK,
        4..=5 => 5_000,
        6..=7 => 20_000,
        _ => u32::MAX,
    }
}

/// Letters from which a word no list has may be a typo (see [`correction`]).
pub const MIN_UNLISTED_LETTERS: usize = 6;

/// Letters from which a word may be a typo at all: one of three is read only by a swap or a
/// letter left out ("teh", "hwo", "wat"), and its caller takes it only for a stopword.
const MIN_LETTERS: usize = 3;

/// `word` with "ss" for "ß" and "ae", "oe", "ue" for "ä", "ö", "ü", each way, as the lists may
/// spell it ("fussball", "straße", "gefördert").
fn transliterations(word: &str) -> impl Iterator<Item = String> + '_ {
    let umlauts = word
        .replace("ae", "ä")
        .replace("oe", "ö")
        .replace("ue", "ü");
    [word.replace('ß', "ss"), word.replace("ss", "ß"), umlauts]
        .into_iter()
        .filter(move |w| w != word)
}

/// For each `i` from 0 on, the range of `list`'s words that start with the first `i` of
/// `letters` (the characters of `word`), up to the first `i` no word starts with.
fn prefix_ranges(list: &List, word: &str, letters: &[char]) -> Vec<(usize, usize)> {
    let mut ranges = vec![(0, list.words.len())];
    let mut end = 0;
    for c in letters {
        end += c.len_utf8();
        let prefix = &word[..end];
        let (lo, hi) = ranges[ranges.len() - 1];
        let words = &list.words[lo..hi];
        let from = lo + words.partition_point(|w| *w < prefix);
        let to = lo + words.partition_point(|w| *w < prefix || w.starts_with(prefix));
        if from == to {
            break;
        }
        ranges.push((from, to));
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_word_is_read_as_the_most_frequent_word_one_edit_away() {
        for (typo, asked, meant) in [
            ("membrship", "en", "membership"),
            ("dokumentaion", "de", "dokumentation"),
            ("becoem", "en", "become"),
            ("becuase", "en", "because"),
            ("thier", "en", "their"),
            ("gestalltet", "de", "gestaltet"),
            ("tecknik", "de", "technik"),
            ("gründungsmitgliedr", "de", "gründungsmitglied"),
        ] {
            assert_eq!(correction(typo, asked), Some(meant), "{typo}");
        }
        for (typo, meant) in [
            ("waht", "what"),
            ("coud", "could"),
            ("shoud", "should"),
            ("teh", "the"),
        ] {
            assert_eq!(correction(typo, "en"), Some(meant), "{typo}");
        }
        // "wich" is a rare German word, but a misspelling in an English question.
        assert!(matches!(correction("wich", "en"), Some("which" | "with")));
        // Either swap of "hwo" makes a question word.
        assert!(matches!(correction("hwo", "en"), Some("how" | "who")));
    }

    #[test]
    fn a_common_word_a_short_one_or_one_far_from_every_word_is_not_corrected() {
        for (word, asked) in [
            ("weather", "en"),
            ("rite", "en"),
            ("docs", "en"),
            ("comet", "en"),
            ("zitadel", "en"),
            ("syself", "de"),
            ("dnation", "de"),
            ("straße", "de"),
            ("gefoerdert", "de"),
            ("muenchen", "de"),
            ("skalieren", "de"),
            ("nutzende", "de"),
            ("wetter", "de"),
            ("aws", "en"),
            ("ceo", "en"),
            ("write", "en"),
            ("ionos", "en"),
            ("xk", "en"),
            ("r2d2", "en"),
        ] {
            assert_eq!(correction(word, asked), None, "{word}");
        }
    }

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
