//! What a question counts ("how many *people* came to the hackathon?", "wie viele
//! *Teilnehmende* hatte …"), and whether a section states a count of it.
//!
//! A count is a fact like a date or an amount ([`super::facts`]), but of a thing the question
//! names, so it cannot be marked at index time: a section answers "how many people came to the
//! hackathon in Dresden?" only if it puts a number beside people ("more than 20
//! participants", "hunderttausende Schüler:innen"), or lists the things counted ("how many
//! hackathons were there?" of a list of them, "how many partners?" of the partner list). The
//! section that names the hackathon and its date and no number of anyone cannot, however
//! well it matches the question's names: the question is about something the pages do not
//! say, and the bot holds back (`compose`, as for a time no section states).
//!
//! A share asked in percent ("what uptime in percent does … guarantee?", "wie viel Prozent …")
//! likewise: only a section that states one ("10 %", "percent") answers it.
//!
//! Not counted: spans of time and differences ("how many months between R8 and R9?", a date's
//! business; "between R5 and R9, how many releases?"), how often ("how many times a year …"),
//! and questions that count what the pages show ("how many links does the page list?", "how
//! many slots on the agenda?"): any section they name can be counted. A duration ("how many
//! minutes is the keynote?") is stated by any span of time, or shown by an agenda's clock
//! times.
//!
//! Hand-written: the few words that say "how many" and the classes of counted things
//! (people, organisations) fit in short lists; word forms are the analyzers' stems and the
//! glossary's translations ("Ziele" of "goals").

use super::analyzer::{self, Analyzers};
use super::glossary;

/// Phrases that ask for a count, as normalised words.
const HOW_MANY: &[&[&str]] = &[
    &["how", "many"],
    &["wie", "viele"],
    &["wie", "vielen"],
    &["wieviele"],
    &["wievielen"],
];

/// Words before what is counted that say nothing of what ("how many *of the* founders", "wie
/// viele *verschiedene* …").
const BEFORE_COUNTED: &[&str] = &[
    "of",
    "the",
    "these",
    "those",
    "different",
    "distinct",
    "separate",
    "exactly",
    "roughly",
    "about",
    "approximately",
    "in",
    "total",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "von",
    "verschiedene",
    "verschiedenen",
    "unterschiedliche",
    "unterschiedlichen",
    "genau",
    "ungefähr",
    "etwa",
    "insgesamt",
    "eigentlich",
    "innen",
];

/// How many words after "how many" are taken as what is counted ("how many *member
/// companies*", "how many *people came*": the second may be the verb, which only makes a
/// section that states a count of it pass more easily).
const COUNTED_WORDS: usize = 2;

/// Units of time shorter than an hour, besides a span's ([`super::facts::SPANS`]: hours to
/// years): "how many minutes is the keynote?" asks for a duration.
const SHORT_TIME_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "min", "sekunden", "minuten",
];

/// Whether `word` is a unit of time: "how many months passed between …" asks for a span
/// between dates ([`SPAN`]); "how many minutes is the keynote?" for a duration.
fn is_time_unit(word: &str) -> bool {
    super::facts::SPANS.contains(&word) || SHORT_TIME_UNITS.contains(&word)
}

/// Words that count how often, not how many ("how many *times* a year …").
const OFTEN: &[&str] = &["times", "mal"];

/// Units of time counted mostly between dates or in a sum ("how many years of the budget
/// would make up the funding?"): never held to a count stated.
const LONG_TIME_UNITS: &[&str] = &[
    "month", "months", "year", "years", "monat", "monate", "monaten", "jahr", "jahre", "jahren",
];

/// Words that make a count of units of time a span between two dates ("how many months
/// *between* R8 and R9", "wie viele Tage *später*", "how many years *ago*").
pub(super) const SPAN: &[&str] = &[
    "between",
    "after",
    "before",
    "later",
    "earlier",
    "passed",
    "apart",
    "since",
    "ago",
    "until",
    "till",
    "zwischen",
    "nach",
    "vor",
    "später",
    "früher",
    "lagen",
    "liegen",
    "vergingen",
    "vergangen",
    "seit",
    "bis",
    "danach",
    "davor",
    "her",
];

/// Words that make a count a difference between two things.
const BETWEEN: &[&str] = &["between", "zwischen"];

/// Words that say a question counts what the pages show, besides the words about the text
/// itself ([`super::lexicon::is_reading_word`]: "page", "list", "mentioned", "Liste"): names,
/// rows, the agenda ("how many founders does the page *name*?", "wie viele Links *stehen*
/// unter …", "how many slots on the *agenda*?").
const COUNTS_WHAT_IS_SHOWN: &[&str] = &[
    "name",
    "names",
    "named",
    "naming",
    "describe",
    "describes",
    "described",
    "beschreibt",
    "beschrieben",
    "count",
    "counting",
    "table",
    "row",
    "rows",
    "agenda",
    "program",
    "programme",
    "zählt",
    "gezählt",
    "aufgezählt",
    "tabelle",
    "programm",
    "stehen",
    "steht",
];

/// Things counted as one kind: a count of participants answers "how many people", a count of
/// member companies "how many firms". Also as the end of a compound ("Gründungsmitglieder",
/// "Mitgliedsunternehmen").
const KINDS: &[&[&str]] = &[
    &[
        "people",
        "persons",
        "person",
        "individuals",
        "participants",
        "participant",
        "attendees",
        "attendee",
        "visitors",
        "guests",
        "trainees",
        "students",
        "developers",
        "devs",
        "contributors",
        "users",
        "leute",
        "personen",
        "menschen",
        "teilnehmer",
        "teilnehmerinnen",
        "teilnehmende",
        "teilnehmenden",
        "besucher",
        "besucherinnen",
        "gäste",
        "entwickler",
        "entwicklerinnen",
        "nutzer",
        "nutzerinnen",
        "nutzende",
        "nutzenden",
        "schüler",
        "schülerinnen",
        "lehrende",
    ],
    &[
        "companies",
        "company",
        "firms",
        "organisations",
        "organizations",
        "members",
        "member",
        "partners",
        "partner",
        "providers",
        "provider",
        "founders",
        "operators",
        "firmen",
        "unternehmen",
        "organisationen",
        "mitglieder",
        "mitgliedern",
        "anbieter",
        "anbietern",
        "betreiber",
        "gründer",
    ],
];

/// Words for a number that are no number from two to twenty ([`super::rewrite::number_word`]
/// reads those, cardinals and ordinals): "a dozen", "hundreds", "mehrere".
const NUMBER_WORDS: &[&str] = &[
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "several",
    "mehrere",
    "mio",
];
/// Parts of German compound numbers ("hunderttausende", "zwanzig").
const NUMBER_PARTS: &[&str] = &[
    "zig", "hundert", "tausend", "dutzend", "million", "milliard",
];

/// How far from a number a word counted may stand ("mehr als 20 *Teilnehmende*", "14 ihrer
/// *Mitgliedsunternehmen*", "over half a dozen *providers*").
const NEAR: usize = 4;

/// How many first letters a word and its stem share, at least.
const STEM_START: usize = 3;

/// The shortest word taken as the end of a compound ("Gold*sponsoren*").
const COMPOUND_END: usize = 5;

/// What a question counts ([`counted`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counted {
    /// The things counted ("stars" of "how many github stars"): a number beside one of them
    /// states their count.
    pub things: Vec<String>,
    /// Words that say which ("github", "board" of "board members"): with the things, what a
    /// heading or a list must name.
    pub which: Vec<String>,
}

impl Counted {
    /// Whether the question counts nothing.
    pub fn is_empty(&self) -> bool {
        self.things.is_empty()
    }

    /// Whether it counts a span of time ("how many minutes …").
    fn is_duration(&self) -> bool {
        self.things.first().is_some_and(|w| is_time_unit(w))
    }
}

/// What a question (normalised) counts: the words after "how many", or nothing when it asks no
/// count, a span of time, how often, or a count of what the pages show.
pub fn counted(normalized: &str) -> Counted {
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    let Some(after) = (0..words.len()).find_map(|i| {
        HOW_MANY
            .iter()
            .find(|p| words[i..].starts_with(p))
            .map(|p| i + p.len())
    }) else {
        return Counted::default();
    };
    // Nor a difference ("between R5 and R9, how many OpenStack releases …?"): worked out from
    // two things stated, not stated itself.
    if words
        .iter()
        .any(|w| counts_what_is_shown(w) || BETWEEN.contains(w))
    {
        return Counted::default();
    }
    let taken: Vec<String> = analyzer::with_analyzers(|a| {
        words[after..]
            .iter()
            .skip_while(|w| BEFORE_COUNTED.contains(w))
            .take(COUNTED_WORDS)
            .filter(|w| !is_number(w) && !a.is_query_stopword(w))
            .map(|w| w.to_string())
            .collect()
    });
    let Some(first) = taken.first() else {
        return Counted::default();
    };
    // "How many months passed between R8 and R9?" asks for a span between two dates, "how
    // many times a year …?" how often; "how many hours a month do the founders put in?" for
    // a duration a section states (or shows by an agenda's clock times).
    if OFTEN.contains(&first.as_str())
        || LONG_TIME_UNITS.contains(&first.as_str())
        || (is_time_unit(first) && words.iter().any(|w| SPAN.contains(w)))
    {
        return Counted::default();
    }
    // Of two words, an English plural second is the thing counted and the first says which
    // ("how many *github* stars", "how many *scs* users": a number beside "SCS" counts no
    // users); unless the first is a plural or a kind itself, the second then its verb ("how
    // many companies *supports* …").
    match taken.as_slice() {
        [which, thing]
            if is_english_plural(thing)
                && !is_english_plural(which)
                && kind_of(which).is_none() =>
        {
            Counted {
                things: vec![thing.clone()],
                which: vec![which.clone()],
            }
        }
        [thing, _] if is_english_plural(thing) || kind_of(thing).is_some() => Counted {
            things: vec![thing.clone()],
            which: Vec::new(),
        },
        _ => Counted {
            things: taken,
            which: Vec::new(),
        },
    }
}

/// Words that ask for a share in percent by themselves ("what percentage", "prozentual").
const PERCENT: &[&str] = &[
    "percentage",
    "percentages",
    "prozentual",
    "prozentuale",
    "prozentualen",
    "prozentsatz",
];

/// Phrases that ask for a share in percent; "100 % free" asks no share.
const ASKS_PERCENT: &[&[&str]] = &[
    &["in", "percent"],
    &["in", "prozent"],
    &["how", "many", "percent"],
    &["what", "percent"],
    &["wie", "viel", "prozent"],
    &["wieviel", "prozent"],
    &["wie", "viele", "prozent"],
];

/// Whether a question (normalised) asks for a share in percent ("what percentage …", "in
/// percent", "wie viel Prozent", "prozentual"), not one that only says "100 %".
pub fn asks_percent(normalized: &str) -> bool {
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    words.iter().any(|w| PERCENT.contains(w))
        || (0..words.len()).any(|i| ASKS_PERCENT.iter().any(|p| words[i..].starts_with(p)))
}

/// Whether `text` states a share in percent ("10 %", "20 percent", "zehn Prozent").
pub fn states_percent(text: &str) -> bool {
    text.contains('%')
        || text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("percent") || w.eq_ignore_ascii_case("prozent"))
}

/// What a section lists, to be counted ([`states_count`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listing {
    /// Prose only.
    Nothing,
    /// Links (a row of sponsors' logos): what the heading names.
    Links,
    /// List items or table rows: what the heading names, or what the items are.
    Items,
}

/// Whether a section states a count of what a question counts: a number beside one of the
/// things counted (or a word of their kind) in its text; or its heading names them, a
/// section on them ("Contributing organisations", "Hackathons"); or it lists them: links or
/// items under a heading or page title naming them, or items its text names ("Bausteine" of
/// a numbered list of them; the word itself, not one of its kind: "developers" said of a
/// list of hackathons doesn't count the people who came). A duration is stated by any span
/// of time ("an intense week", "einwöchige") or shown by an agenda's clock times.
pub fn states_count(
    counted: &Counted,
    heading: &str,
    title: &str,
    text: &str,
    listing: Listing,
) -> bool {
    analyzer::with_analyzers(|a| {
        let lower: Vec<String> = words(text).collect();
        // A heading or title may state it too ("Hackathon in Leipzig: 2 days, 38 people").
        let stated: Vec<String> = words(heading)
            .chain(words(title))
            .chain(lower.iter().cloned())
            .collect();
        if counted.is_duration() && (has_clock_time(text) || stated.iter().any(|w| is_span(w))) {
            return true;
        }
        let things = Wanted::new(a, &counted.things);
        let beside_a_number = stated.iter().enumerate().any(|(i, w)| {
            is_number(w)
                && stated[i.saturating_sub(NEAR)..(i + NEAR + 1).min(stated.len())]
                    .iter()
                    .any(|near| things.is(a, near))
        });
        if beside_a_number {
            return true;
        }
        // A list of items is named by what it is of, or by what says which ("Project *Board*"
        // of the board members); links and prose by the thing itself ("SCS in *Africa*", with
        // links to its sponsors, counts no countries).
        let all: Vec<String> = counted
            .things
            .iter()
            .chain(&counted.which)
            .cloned()
            .collect();
        let named = Wanted::new(a, &all);
        let names =
            |a: &mut Analyzers, wanted: &Wanted, text: &str| words(text).any(|w| wanted.is(a, &w));
        match listing {
            Listing::Nothing => names(a, &things, heading),
            Listing::Links => names(a, &things, heading) || names(a, &things, title),
            Listing::Items => {
                names(a, &named, heading)
                    || names(a, &named, title)
                    || lower.iter().any(|w| named.is_word(a, w))
            }
        }
    })
}

/// The words of `text`, letters and digits, lower case.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whether `word` (lower case) names a span of time ("week", "Stunden", "einwöchige",
/// "Schulungswoche").
fn is_span(word: &str) -> bool {
    is_time_unit(word)
        || HOW_OFTEN.contains(&word)
        || SPAN_ENDS
            .iter()
            .any(|end| word.len() > end.len() && word.ends_with(end))
}

/// Words for how often, a span between two times ("automated *daily* checks", "the main
/// *annual* event", "jährlich").
const HOW_OFTEN: &[&str] = &[
    "hourly",
    "daily",
    "nightly",
    "weekly",
    "monthly",
    "yearly",
    "annual",
    "annually",
    "stündlich",
    "täglich",
    "tägliche",
    "täglichen",
    "wöchentlich",
    "monatlich",
    "jährlich",
    "jährliche",
    "jährlichen",
    "halbjährlich",
];

/// Ends of German words for a span of time ("Schulungs*woche*", "ein*wöchige*", "zwei*tägig*").
const SPAN_ENDS: &[&str] = &[
    "woche",
    "wochen",
    "wöchig",
    "wöchige",
    "wöchigen",
    "tägig",
    "tägige",
    "tägigen",
    "stündig",
    "stündige",
    "stündigen",
    "minütig",
    "minütige",
];

/// The words counted, as stems in English and German, with the glossary's translations, and
/// the kinds they are of.
struct Wanted {
    /// English and German stems, each compared with a word's stem in its language only
    /// ("trainers" is no "Trainings").
    stems: Vec<(String, String)>,
    words: Vec<String>,
    kinds: Vec<usize>,
}

impl Wanted {
    fn new(a: &mut Analyzers, counted: &[String]) -> Wanted {
        let mut words: Vec<String> = counted.to_vec();
        for word in counted {
            words.extend(
                glossary::alternatives(a, word)
                    .iter()
                    .map(|w| w.to_string()),
            );
        }
        let stems = words.iter().map(|w| stems(a, w)).collect();
        let kinds = counted.iter().filter_map(|w| kind_of_typed(w)).collect();
        Wanted {
            stems,
            words,
            kinds,
        }
    }

    /// Whether `word` (lower case) of a section is one counted ([`Wanted::is_word`]) or of
    /// its kind.
    fn is(&self, a: &mut Analyzers, word: &str) -> bool {
        kind_of(word).is_some_and(|k| self.kinds.contains(&k)) || self.is_word(a, word)
    }

    /// Whether `word` (lower case) of a section is one counted itself: the same stem, or a
    /// part of a compound ("Gold*sponsoren*" of "Sponsoren", "*Programm*" of
    /// "Programmpunkte").
    fn is_word(&self, a: &mut Analyzers, word: &str) -> bool {
        if word.len() < 3 {
            return false;
        }
        let part = |whole: &str, part: &str| {
            part.chars().count() >= COMPOUND_END
                && whole.len() > part.len()
                && (whole.ends_with(part) || whole.starts_with(part))
        };
        // A stem starts as its word does: only a word starting as one counted is stemmed.
        let may_share_stem = self.words.iter().any(|w| {
            w.chars()
                .zip(word.chars())
                .take(STEM_START)
                .all(|(x, y)| x == y)
        });
        // One letter off in a long word ("hackatons"), or a plural the stemmer keeps
        // ("GmbHs").
        let bare = |w: &'_ str| w.strip_suffix('s').unwrap_or(w).to_string();
        let slip = |w: &str| {
            w.chars().count() >= TYPED_KIND
                && word.chars().count() >= TYPED_KIND
                && strsim::osa_distance(&bare(w), &bare(word)) <= 1
        };
        self.words.iter().any(|w| part(word, w) || part(w, word))
            || (may_share_stem
                && (self.words.iter().any(|w| slip(w) || bare(w) == bare(word)) || {
                    let (en, de) = stems(a, word);
                    self.stems
                        .iter()
                        .any(|(e, d)| (!en.is_empty() && *e == en) || (!de.is_empty() && *d == de))
                }))
    }
}

/// The English and German stems of `word` (empty where an analyzer drops it).
fn stems(a: &mut Analyzers, word: &str) -> (String, String) {
    let mut stem = |name: &str| Analyzers::term_of(a.stemmed(name), word).unwrap_or_default();
    (stem(analyzer::EN), stem(analyzer::DE))
}

/// Which of [`KINDS`] `word` is of, as itself or as the end of a compound, inflected or not
/// ("Betreiber*n*").
fn kind_of(word: &str) -> Option<usize> {
    let bare = word
        .strip_suffix('n')
        .or_else(|| word.strip_suffix('s'))
        .unwrap_or(word);
    KINDS.iter().position(|kind| {
        kind.iter().any(|k| {
            [word, bare]
                .iter()
                .any(|w| w == k || (k.chars().count() >= COMPOUND_END && w.ends_with(k)))
        })
    })
}

/// Which of [`KINDS`] a question's `word` is of, typed with one letter wrong ("foundrs",
/// "Gründungsmitgleider") or not.
fn kind_of_typed(word: &str) -> Option<usize> {
    kind_of(word).or_else(|| {
        KINDS.iter().position(|kind| {
            kind.iter()
                .filter(|k| k.chars().count() >= TYPED_KIND)
                .any(|k| {
                    let n = k.chars().count();
                    (n.saturating_sub(1)..=n + 1).any(|len| {
                        let skip = word.chars().count().saturating_sub(len);
                        let end: String = word.chars().skip(skip).collect();
                        strsim::osa_distance(&end, k) <= 1
                    })
                })
        })
    })
}

/// The shortest word of a kind a question's word is taken for with one letter wrong.
const TYPED_KIND: usize = 6;

/// Whether `word` says a question counts what the pages show ([`COUNTS_WHAT_IS_SHOWN`]).
fn counts_what_is_shown(word: &str) -> bool {
    super::lexicon::is_reading_word(word) || COUNTS_WHAT_IS_SHOWN.contains(&word)
}

/// Whether `word` reads as an English plural noun ("stars", "users", not "does", "is").
fn is_english_plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
}

/// Whether `text` states a span of time as [`states_count`] reads one for a duration: a word
/// of one ("a week", "einwöchige", "90 days") or an agenda's clock times ("10:30").
pub(super) fn states_span(text: &str) -> bool {
    has_clock_time(text) || words(text).any(|w| is_span(&w))
}

/// Whether `text` holds a time of day ("10:25").
fn has_clock_time(text: &str) -> bool {
    text.as_bytes().windows(4).any(|w| {
        w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    })
}

/// Whether `word` (lower case) is a number: digits, or a number word (an ordinal too: "the
/// *third* summit" counts them). Not a year ("2024"), nor a name of letters and digits ("R8",
/// "v4"): they count nothing.
fn is_number(word: &str) -> bool {
    let digits = word.bytes().all(|b| b.is_ascii_digit());
    let year = digits
        && word.len() == 4
        && word
            .parse::<u32>()
            .is_ok_and(|y| (YEARS_FROM..YEARS_TO).contains(&y));
    (digits && !word.is_empty() && !year)
        || super::rewrite::number_word(word).is_some_and(|n| n >= 2)
        || NUMBER_WORDS.contains(&word)
        || NUMBER_PARTS.iter().any(|p| word.contains(p))
}

/// The years a number of four digits is read as, not as a count.
const YEARS_FROM: u32 = 1900;
const YEARS_TO: u32 = 2100;

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::normalized;

    fn counts(question: &str) -> Counted {
        counted(&normalized(question))
    }

    #[test]
    fn a_count_of_people_or_things_is_what_follows_how_many() {
        let things = |q: &str| counts(q).things;
        assert_eq!(things("how many people came to the hackathon?"), ["people"]);
        assert_eq!(
            things("Wie viele Teilnehmende hatte der Hackathon?"),
            ["teilnehmende"]
        );
        assert_eq!(things("how many of the founders are GmbHs?"), ["founders"]);
        // The thing counted, not what says which; nor the verb after a plural.
        let board = counts("how many board members does the project have?");
        assert_eq!(
            (board.things, board.which),
            (vec!["members".to_string()], vec!["board".to_string()])
        );
        assert_eq!(
            things("how many github stars does the repo have"),
            ["stars"]
        );
        assert_eq!(
            things("how many companies supports the forum?"),
            ["companies"]
        );
    }

    #[test]
    fn spans_of_time_and_counts_of_what_the_page_shows_are_no_count_of_a_thing() {
        assert!(counts("how many months passed between r8 and r9?").is_empty());
        assert!(counts("Wie viele Tage später fand der Hackathon statt?").is_empty());
        assert!(counts("how many links does the page list?").is_empty());
        assert!(counts("Wie viele Links stehen unter Further Links?").is_empty());
        assert!(counts("who are the partners?").is_empty());
        assert!(counts("how many times a year is there a release?").is_empty());
        assert!(counts("between r5 and r9, how many openstack releases did scs move?").is_empty());
    }

    fn check(question: &str, heading: &str, text: &str, listed: Listing, expect: bool) {
        let counted = counts(question);
        assert!(!counted.is_empty(), "{question} counts nothing");
        assert_eq!(
            states_count(&counted, heading, "", text, listed),
            expect,
            "{question} of {text:?}"
        );
    }

    #[test]
    fn a_number_beside_the_thing_counted_or_its_kind_states_the_count() {
        let listed = Listing::Nothing;
        check(
            "how many people took part in the training?",
            "Training in Kenya",
            "More than 20 participants from five countries joined.",
            listed,
            true,
        );
        check(
            "Wie viele Leute nutzen die Schulcloud?",
            "Release 9",
            "wo täglich hunderttausende Schüler:innen zugreifen",
            listed,
            true,
        );
        check(
            "Wie viele Firmen haben das Forum gegründet?",
            "Gründung",
            "die OSBA und bisher 14 ihrer Mitgliedsunternehmen",
            listed,
            true,
        );
        check(
            "how many people came to the hackathon in Dresden?",
            "Hackathons",
            "The third Hackathon took place on Nov 8, 2023 at Cloud & Heat in Dresden.",
            listed,
            false,
        );
    }

    #[test]
    fn a_share_in_percent_is_asked_and_stated_by_the_sign_or_the_word() {
        let asks = |q: &str| asks_percent(&normalized(q));
        assert!(asks("what uptime sla in percent does it guarantee?"));
        assert!(asks("Wie viel Prozent Gewicht hat SOV-6?"));
        assert!(asks("what percentage does operational sovereignty get?"));
        // "100 %" says how free, it asks no share.
        assert!(!asks("Is the summit ticket 100% free?"));
        assert!(!asks("Ist die Anmeldung zu 100 Prozent kostenfrei?"));
        assert!(!asks("how many partners are there?"));
        assert!(states_percent("SOV-6 | Technology sovereignty | 15%"));
        assert!(!states_percent(
            "The platform serves hundreds of thousands of pupils."
        ));
    }

    #[test]
    fn a_duration_is_stated_beside_its_unit_or_shown_by_clock_times() {
        let listed = Listing::Nothing;
        check(
            "Wie viele Minuten dauert die Mittagspause?",
            "Programm",
            "13:00-14:00 | Mittagspause",
            listed,
            true,
        );
        check(
            "Wie viele Tage dauerte die Schulung in Nairobi?",
            "Training",
            "Nach einer intensiven Schulungswoche konnten alle ihre Cloud betreiben.",
            listed,
            true,
        );
        check(
            "Wie viele Stunden im Monat bringen die Gründungsmitglieder ein?",
            "Unsere Partner",
            "Die Partner bringen Zeit und Ressourcen ein.",
            listed,
            false,
        );
    }

    #[test]
    fn a_list_states_the_count_of_what_it_lists() {
        let listed = Listing::Items;
        check(
            "how many hackathons has scs held?",
            "Hackathons",
            "Cologne 2022\nNuremberg 2023",
            listed,
            true,
        );
        check(
            "how many founding members are there?",
            "Our partners in the network",
            "artcodix\nB1 Systems",
            listed,
            true,
        );
        check(
            "how many GmbHs are among the founding members?",
            "Our Partners in the Network",
            "artcodix GmbH\nB1-Systems GmbH",
            listed,
            true,
        );
        check(
            "how many data centers does plusserver run?",
            "Our partners in the network",
            "artcodix\nplusserver",
            listed,
            false,
        );
        check(
            "Wie viele Sponsoren hatte der Summit?",
            "Goldsponsoren",
            "Cloud&Heat",
            Listing::Links,
            true,
        );
        check(
            "how many people came to the summits?",
            "SCS Summits",
            "More and more people realise digital sovereignty. Berlin 2023, Berlin 2024",
            Listing::Links,
            false,
        );
    }
}
