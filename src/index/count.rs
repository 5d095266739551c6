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
//! Not counted: spans of time ("how many months between R8 and R9?", a date's business), and
//! questions that count what the pages show ("how many links does the page list?", "how many
//! slots on the agenda?"): any section they name can be counted.
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

/// Units of time: "how many months passed between …" asks for a span between dates
/// ([`SPAN`]); "how many minutes is the keynote?" for a duration.
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "min", "hour", "hours", "day", "days", "week",
    "weeks", "month", "months", "year", "years", "times", "sekunden", "minuten", "stunde",
    "stunden", "tag", "tage", "tagen", "woche", "wochen", "monat", "monate", "monaten", "jahr",
    "jahre", "jahren", "mal",
];

/// Units of time counted mostly between dates or in a sum ("how many years of the budget
/// would make up the funding?"): never held to a count stated.
const LONG_TIME_UNITS: &[&str] = &[
    "month", "months", "year", "years", "monat", "monate", "monaten", "jahr", "jahre", "jahren",
];

/// Words that make a count of units of time a span between two dates ("how many months
/// *between* R8 and R9", "wie viele Tage *später*", "how many years *ago*").
const SPAN: &[&str] = &[
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
];

/// Words that make a count a difference between two things.
const BETWEEN: &[&str] = &["between", "zwischen"];

/// Words that say a question counts what the pages show: the page, its lists, the agenda
/// ("how many founders does the page *list*?", "wie viele Links *stehen* unter …").
const COUNTS_WHAT_IS_SHOWN: &[&str] = &[
    "page",
    "pages",
    "site",
    "website",
    "list",
    "lists",
    "listed",
    "listing",
    "name",
    "names",
    "named",
    "naming",
    "describe",
    "describes",
    "described",
    "beschreibt",
    "beschrieben",
    "mention",
    "mentions",
    "mentioned",
    "count",
    "counting",
    "section",
    "table",
    "row",
    "rows",
    "agenda",
    "program",
    "programme",
    "seite",
    "seiten",
    "webseite",
    "liste",
    "aufgelistet",
    "aufgeführt",
    "nennt",
    "genannt",
    "erwähnt",
    "zählt",
    "gezählt",
    "aufgezählt",
    "abschnitt",
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

/// Number words, and parts of German compound numbers ("hunderttausende", "zwanzig").
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "dozen",
    "dozens",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "several",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "zweite",
    "zweiten",
    "dritte",
    "dritten",
    "vierte",
    "vierten",
    "fünfte",
    "fünften",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
    "mehrere",
    "mio",
];
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

/// What a question (normalised) counts: the words after "how many", or none when it asks no
/// count, a span of time, or a count of what the pages show.
pub fn counted(normalized: &str) -> Vec<String> {
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    let Some(after) = (0..words.len()).find_map(|i| {
        HOW_MANY
            .iter()
            .find(|p| words[i..].starts_with(p))
            .map(|p| i + p.len())
    }) else {
        return Vec::new();
    };
    // Nor a difference ("between R5 and R9, how many OpenStack releases …?"): worked out from
    // two things stated, not stated itself.
    if words
        .iter()
        .any(|w| COUNTS_WHAT_IS_SHOWN.contains(w) || BETWEEN.contains(w))
    {
        return Vec::new();
    }
    let mut counted: Vec<String> = analyzer::with_analyzers(|a| {
        words[after..]
            .iter()
            .skip_while(|w| BEFORE_COUNTED.contains(w))
            .take(COUNTED_WORDS)
            .filter(|w| !is_number(w) && !a.is_query_stopword(w))
            .map(|w| w.to_string())
            .collect()
    });
    // Of two words, an English plural second is the thing counted, the first says which
    // ("how many *github* stars", "how many *scs* users"): a number beside "SCS" counts no
    // users.
    if counted.len() == COUNTED_WORDS && is_english_plural(&counted[1]) {
        counted.remove(0);
    }
    // "How many months passed between R8 and R9?" asks for a span between two dates; "how
    // many hours a month do the founders put in?" for a duration a section states, or shows
    // by its clock times (an agenda's slots).
    if counted.first().is_some_and(|w| {
        LONG_TIME_UNITS.contains(&w.as_str())
            || (TIME_UNITS.contains(&w.as_str()) && words.iter().any(|w| SPAN.contains(w)))
    }) {
        return Vec::new();
    }
    counted
}

/// Words that ask for a share in percent ("in percent", "what percentage", "wie viel Prozent").
const PERCENT: &[&str] = &[
    "percent",
    "percentage",
    "percentages",
    "prozent",
    "prozentual",
    "prozentuale",
    "prozentualen",
    "prozentsatz",
];

/// Whether a question (as typed) asks for a share in percent.
pub fn asks_percent(text: &str) -> bool {
    text.contains('%')
        || text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| PERCENT.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// Whether `text` states a share in percent ("10 %", "20 percent", "zehn Prozent").
pub fn states_percent(text: &str) -> bool {
    asks_percent(text)
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

/// Whether a section states a count of any of the words `counted`: a number beside one of
/// them (or a word of its kind) in its text; or what `named` (its heading and its page's
/// title) names, a section on them ("Contributing organisations", "Hackathons"); or, a list
/// of items, what its text names ("Bausteine" of a
/// numbered list of them; the word itself, not one of its kind: "developers" said of a list
/// of hackathons doesn't count the people who came). Not a word of a text beside links:
/// "people" said of a row of summits doesn't count them.
pub fn states_count(counted: &[String], named: &str, text: &str, listing: Listing) -> bool {
    analyzer::with_analyzers(|a| {
        let wanted = Wanted::new(a, counted);
        let lower: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        // A duration ("how many minutes is the keynote?") is shown by an agenda's clock
        // times ("10:25-10:55"), or stated beside its unit.
        let duration = counted
            .first()
            .is_some_and(|w| TIME_UNITS.contains(&w.as_str()));
        if duration && has_clock_time(text) {
            return true;
        }
        let beside_a_number = lower.iter().enumerate().any(|(i, w)| {
            is_number(w)
                && lower[i.saturating_sub(NEAR)..(i + NEAR + 1).min(lower.len())]
                    .iter()
                    .any(|near| wanted.is(a, near))
        });
        let names = |a: &mut Analyzers| {
            named
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .any(|w| wanted.is(a, &w))
        };
        beside_a_number
            || match listing {
                Listing::Nothing => names(a),
                Listing::Links => names(a),
                Listing::Items => names(a) || lower.iter().any(|w| wanted.is_word(a, w)),
            }
    })
}

/// The words counted, as stems in English and German, with the glossary's translations, and
/// the kinds they are of.
struct Wanted {
    stems: Vec<String>,
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
        let stems = words.iter().flat_map(|w| stems(a, w)).collect();
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
                && (self.words.iter().any(|w| slip(w) || bare(w) == bare(word))
                    || stems(a, word).iter().any(|s| self.stems.contains(s))))
    }
}

/// The English and German stems of `word`.
fn stems(a: &mut Analyzers, word: &str) -> Vec<String> {
    [analyzer::EN, analyzer::DE]
        .iter()
        .filter_map(|name| Analyzers::term_of(a.stemmed(name), word))
        .collect()
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

/// Whether `word` reads as an English plural noun ("stars", "users", not "does", "is").
fn is_english_plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
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
        || NUMBER_WORDS.contains(&word)
        || NUMBER_PARTS.iter().any(|p| word.contains(p))
}

/// The years a number of four digits is read as, not as a count.
const YEARS_FROM: u32 = 1900;
const YEARS_TO: u32 = 2100;

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(question: &str) -> Vec<String> {
        let words: Vec<String> = question
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        counted(&words.join(" "))
    }

    #[test]
    fn a_count_of_people_or_things_is_what_follows_how_many() {
        assert_eq!(
            counts("how many people came to the hackathon?"),
            ["people", "came"]
        );
        assert_eq!(
            counts("Wie viele Teilnehmende hatte der Hackathon?"),
            ["teilnehmende"]
        );
        assert_eq!(counts("how many of the founders are GmbHs?"), ["founders"]);
    }

    #[test]
    fn spans_of_time_and_counts_of_what_the_page_shows_are_no_count_of_a_thing() {
        assert!(counts("how many months passed between r8 and r9?").is_empty());
        assert!(counts("Wie viele Tage später fand der Hackathon statt?").is_empty());
        assert!(counts("how many links does the page list?").is_empty());
        assert!(counts("Wie viele Links stehen unter Further Links?").is_empty());
        assert!(counts("who are the partners?").is_empty());
        assert!(counts("between r5 and r9, how many openstack releases did scs move?").is_empty());
    }

    fn check(question: &str, named: &str, text: &str, listed: Listing, expect: bool) {
        let counted = counts(question);
        assert!(!counted.is_empty(), "{question} counts nothing");
        assert_eq!(
            states_count(&counted, named, text, listed),
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
        assert!(asks_percent(
            "what uptime sla in percent does it guarantee?"
        ));
        assert!(asks_percent("Wie viel Prozent Gewicht hat SOV-6?"));
        assert!(asks_percent("count the rows with a 10 % weight"));
        assert!(!asks_percent("how many partners are there?"));
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
