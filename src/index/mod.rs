//! The search index: a Tantivy index of every section of the [`Library`], kept in a folder
//! (`index/` by default) and rebuilt only when the content or the schema changed.
//!
//! - [`SearchIndex::open_or_build`] reuses the folder when its fingerprint (see
//!   [`fingerprint()`]) matches, else rebuilds it in a temporary folder next to it and swaps it in
//!   atomically. A corrupt or half-written index of ours is rebuilt with a warning
//!   ([`IndexStatus::Repaired`]); if the folder can't be written the index is built in memory
//!   ([`IndexStatus::InMemory`]). Only a folder scs-bot can prove it wrote (its marker file) or
//!   an empty one is ever replaced: anything else at the index path is an error ([`place`]).
//! - [`SearchIndex::search`] answers a free question with the best sections of one language;
//!   see [`search`](self::search) for the ranking.
//!
//! - [`snapshot`] keeps, next to the index in its folder, what the loader made of each content
//!   file and what hits show, so that a cold start with unchanged content reads neither.
//!
//! Invariants: one [`tantivy::IndexReader`] per [`SearchIndex`], a `Searcher` per query, and the
//! index never changes under a reader (a rebuild makes a new folder and a new `SearchIndex`);
//! what a hit shows is read once, at the first search (from the folder's snapshot when it fits
//! the index's segments, else from the stored documents); user text never reaches
//! Tantivy's query parser; searching never fails (an internal error is logged and yields no
//! hits).

mod acronym;
mod analyzer;
mod build;
mod count;
mod facts;
mod fingerprint;
mod glossary;
mod lexicon;
mod measure;
pub mod place;
mod rewrite;
mod schema;
mod search;
pub mod snapshot;
mod snippet;
mod superlative;
mod version;

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{anyhow, bail, Context, Result};
use tantivy::{Index, IndexReader, ReloadPolicy};

use crate::content::Library;
pub use build::GITIGNORE;
pub use count::{asks_percent, counted, states_count, states_percent, Counted, Listing};
pub use facts::AskedWhen;
pub use fingerprint::{fingerprint, fingerprint_with_schema, FINGERPRINT_FILE};
pub use measure::{asks_measure, states_measure, Measure};
use place::Existing;
pub use place::{check_apart, NotOurs, MARKER_FILE};
use schema::Fields;
pub use search::{is_quantity, Coverage, SearchHit, RARE_MEANING};
pub use superlative::{asks_superlative, states_superlative, Superlative};
pub use version::{asks_version, states_version};

/// The words of a question that the search looks for: lower-cased, with question words, the
/// English and German stopwords and the light verbs ([`lexicon::is_light_verb`]: "what
/// happened on …") dropped (`how do I join?` → `join`), in order, not stemmed. A question of
/// nothing but light verbs keeps them: they are then what it asks about.
///
/// "What does X stand for", "what's X short for", "wofür steht X", "X steht für?" ask what an
/// acronym means: the frame's "stand", "short", "steht" is no topic.
///
/// Reads at most 8 × [`search::MAX_QUERY_WORDS`] words: enough for any sane question, without
/// allocating for every word of a pasted wall of text.
/// A question as the search reads it: its words ([`question_words`]), the hints its question
/// words give ([`question_hints`]) and the words typed in capitals ([`typed_in_capitals`]).
pub struct Asked<'a> {
    pub words: &'a [String],
    pub hints: &'a [String],
    pub capitals: &'a [String],
    /// The words asking for the answer's form ([`asked_as_form`]), weightless where no page
    /// has them; of a task also the words of what to make and how ([`task_words`]), which
    /// weigh as generic words there.
    pub forms: &'a [String],
}

/// The words of `text` that ask for the form of the answer ([`lexicon::is_form_word`]: "csv",
/// "Tabelle", "Stichpunkte"), in lower case: after "as", "in", "into", "als", "zu" a few words
/// before ("as a markdown table", "in fünf Stichpunkten"). Not a form word that is the topic:
/// "what is a csv file?", "YAML oder JSON für Konfiguration?". (A task's are all its form
/// words: the answer layer adds them.)
pub fn asked_as_form(text: &str) -> Vec<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    (0..words.len())
        .filter(|&i| lexicon::is_form_word(&words[i]))
        .filter(|&i| {
            words[i.saturating_sub(FORM_AFTER)..i].iter().any(|w| {
                matches!(
                    w.as_str(),
                    "as" | "in" | "into" | "als" | "zu" | "zur" | "im"
                )
            })
        })
        .map(|i| words[i].clone())
        .collect()
}

/// How many words before a form word the word asking for it may stand ("as a short markdown
/// table").
const FORM_AFTER: usize = 4;

/// The words of `text` of two letters or more typed in capitals ("DSA", "ENI", "WIIT",
/// "DATEV"), in lower case: acronyms and names, read as typed or as a name of the pages a
/// letter away ("OSSIM"), never as a slip of a common word ("WIIT" is no "weit"). None when
/// most of the question is typed in capitals ("WHO ARE THE PARTNRS"): then capitals say
/// nothing of a word.
pub fn typed_in_capitals(text: &str) -> Vec<String> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .collect();
    let capitals: Vec<String> = words
        .iter()
        .filter(|w| w.chars().all(|c| c.is_uppercase()))
        .map(|w| w.to_lowercase())
        .collect();
    if capitals.len() * 2 > words.len() && words.len() > 2 {
        return Vec::new();
    }
    capitals
}

pub fn question_words(text: &str) -> Vec<String> {
    let text = without_abbreviations(text);
    analyzer::with_analyzers(|a| {
        let mut words: Vec<String> = Vec::new();
        {
            let mut stream = a.words.token_stream(&text);
            while words.len() < 8 * search::MAX_QUERY_WORDS && stream.advance() {
                words.push(std::mem::take(&mut stream.token_mut().text));
            }
        }
        let asks_what_for = words.iter().any(|w| w == "wofür" || w == "wofur");
        let frames: Vec<bool> = (0..words.len())
            .map(|i| {
                let next = words.get(i + 1).map(String::as_str);
                match words[i].as_str() {
                    "stand" | "stands" | "short" => next == Some("for"),
                    // "wofür steht SLURP?", "SLURP steht für?"
                    "steht" | "stehen" => {
                        asks_what_for || matches!(next, Some("für" | "fur" | "fuer"))
                    }
                    _ => false,
                }
            })
            .collect();
        let mut frame = frames.into_iter();
        words.retain(|_| !frame.next().unwrap_or(false));
        words.retain(|w| !a.is_query_stopword(w));
        if words.iter().any(|w| !lexicon::is_light_verb(w)) {
            words.retain(|w| !lexicon::is_light_verb(w));
        }
        words
    })
}

/// Abbreviations of single letters with dots that only frame what follows ("z.B.", "e.g."),
/// their letters lower case and run together; not those of a name ("e.V.").
const FILLER_ABBREVIATIONS: &[&str] = &[
    "zb", "eg", "ie", "dh", "ua", "uä", "oä", "va", "so", "su", "zt", "idr", "ggf", "bzw",
];

/// `text` without abbreviations of single letters with dots that only frame what follows
/// ([`FILLER_ABBREVIATIONS`]: "z.B.", "z. B.", "e.g.", "i.e.", "d.h.", "u.a."): their letters
/// are no words of the question ("b" would find "Plan B"). A name's ("ALASCA e.V.") stay.
fn without_abbreviations(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('.') {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    // Whether a single letter and its dot start at `i`: the letter begins a word.
    let letter_dot = |i: usize| {
        chars.get(i).is_some_and(|c| c.is_alphabetic())
            && chars.get(i + 1) == Some(&'.')
            && (i == 0 || !chars[i - 1].is_alphanumeric())
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if letter_dot(i) {
            // The letters that follow, each with its dot, a space allowed between.
            let mut end = i + 2;
            let mut letters: String = chars[i].to_lowercase().collect();
            loop {
                let next = if chars.get(end) == Some(&' ') {
                    end + 1
                } else {
                    end
                };
                if letter_dot(next) {
                    letters.extend(chars[next].to_lowercase());
                    end = next + 2;
                } else {
                    break;
                }
            }
            if FILLER_ABBREVIATIONS.contains(&letters.as_str()) {
                out.push(' ');
                i = end;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

/// One thing a question may ask for: the phrases that say so and the hints they give.
struct Asks {
    /// Said by any of these standing as whole words in the question.
    phrases: &'static [&'static str],
    /// The words (and markers, [`facts`]) a heading answering it may have.
    hints: &'static [&'static str],
    /// A word right before the phrase that makes it mean something else ("how *much* time is it").
    not_after: &'static [&'static str],
    /// A word right after the phrase that makes it mean something else ("how much *time*").
    not_before: &'static [&'static str],
    /// When not empty: the phrase counts only at the end of the question or before one of
    /// these ("what time is it *in* Nairobi", not "what time is it *starting*").
    only_before: &'static [&'static str],
    /// Phrases one of which must stand in the question too ("earn" asks about a salary beside
    /// "how much", not in "how do I earn the certificate"); empty: none is needed.
    beside: &'static [&'static str],
}

impl Asks {
    const fn new(phrases: &'static [&'static str], hints: &'static [&'static str]) -> Asks {
        Asks {
            phrases,
            hints,
            not_after: &[],
            not_before: &[],
            only_before: &[],
            beside: &[],
        }
    }

    const fn only_before(self, words: &'static [&'static str]) -> Asks {
        Asks {
            only_before: words,
            ..self
        }
    }

    const fn not_after(self, words: &'static [&'static str]) -> Asks {
        Asks {
            not_after: words,
            ..self
        }
    }

    const fn not_before(self, words: &'static [&'static str]) -> Asks {
        Asks {
            not_before: words,
            ..self
        }
    }

    const fn beside(self, phrases: &'static [&'static str]) -> Asks {
        Asks {
            beside: phrases,
            ..self
        }
    }

    /// Whether `normalized` (lower case, words apart) asks for this.
    fn asked_in(&self, normalized: &str, words: &[&str]) -> bool {
        // A phrase of one word with no word around it to check is one of the words.
        let plain = self.not_after.is_empty() && self.not_before.is_empty();
        // A phrase stands only where its first word does: that word is looked up among the
        // question's before the text is searched for the phrase (most questions hold none).
        let may_stand = |phrase: &str| words.contains(&phrase.split(' ').next().unwrap_or(phrase));
        let stands = |phrase: &str, plain: bool| {
            if plain && !phrase.contains(' ') {
                words.contains(&phrase)
            } else {
                may_stand(phrase) && places(normalized, phrase).next().is_some()
            }
        };
        // The phrases beside are fewer: looked for first.
        if !(self.beside.is_empty() || self.beside.iter().any(|phrase| stands(phrase, true))) {
            return false;
        }
        self.phrases.iter().any(|phrase| {
            if plain && self.only_before.is_empty() {
                return stands(phrase, true);
            }
            may_stand(phrase)
                && places(normalized, phrase).any(|(previous, next)| {
                    !previous.is_some_and(|w| self.not_after.contains(&w))
                        && !next.is_some_and(|w| self.not_before.contains(&w))
                        && (self.only_before.is_empty()
                            || next.is_none_or(|w| self.only_before.contains(&w)))
                })
        })
    }
}

/// Where `phrase` stands as whole words in `normalized` (lower case, words apart): the word
/// before it and the word after it, at each place.
fn places<'a>(
    normalized: &'a str,
    phrase: &'a str,
) -> impl Iterator<Item = (Option<&'a str>, Option<&'a str>)> + 'a {
    normalized
        .match_indices(phrase)
        .filter(move |(at, _)| {
            let end = at + phrase.len();
            (*at == 0 || normalized.as_bytes()[at - 1] == b' ')
                && (end == normalized.len() || normalized.as_bytes()[end] == b' ')
        })
        .map(move |(at, _)| {
            let previous = normalized[..at].split(' ').rfind(|w| !w.is_empty());
            let next = normalized[at + phrase.len()..]
                .split(' ')
                .find(|w| !w.is_empty());
            (previous, next)
        })
}

/// Words after "how much"/"wie viel" that ask for a time or a size, no amount of money ("how
/// much time", "um wie viel Uhr", "how much RAM").
const NOT_AMOUNTS: &[&str] = &[
    "time",
    "zeit",
    "uhr",
    "hours",
    "minutes",
    "days",
    "weeks",
    "months",
    "longer",
    "stunden",
    "minuten",
    "tage",
    "wochen",
    "monate",
    "länger",
    "ram",
    "memory",
    "storage",
    "disk",
    "space",
    "cpu",
    "cpus",
    "data",
    "traffic",
    "bandwidth",
    "speicher",
    "arbeitsspeicher",
    "platz",
    "daten",
];

/// What a question asking for a date is answered by: a heading saying so, a section stating one.
const DATE_HINTS: &[&str] = &["when", "wann", "date", "dates", "datum", facts::DATE];

/// What a question asks for, and the hints that gives ([`question_hints`]).
const ASKS: &[Asks] = &[
    // "when" asks for a date, unless it joins a clause ("what happens to my address when I
    // visit the site", "how do clusters stay up when we upgrade").
    Asks::new(&["when"], DATE_HINTS).not_before(facts::CLAUSE),
    Asks::new(
        &[
            "wann",
            "since when",
            "seit wann",
            "what time",
            "wie viel uhr",
            "which day",
            "what day",
            "what date",
            "which date",
            "what year",
            "which year",
            "welchem tag",
            "welcher tag",
            "welches datum",
            "welchem jahr",
            "welchem monat",
            "date",
            "datum",
            // A span between two dates: "how many months between R5 and R6?"
            "how many months",
            "how many weeks",
            "how many years",
            "how many days",
            "wie viele monate",
            "wie viele wochen",
            "wie viele jahre",
            "wie viele tage",
        ],
        DATE_HINTS,
    ),
    // "certification cost", "Kosten der Zertifizierung": an amount, however asked.
    Asks::new(
        &[
            "cost",
            "costs",
            "price",
            "prices",
            "pricing",
            "fee",
            "fees",
            "kosten",
            "kostet",
            "preis",
            "preise",
            "gebühr",
            "gebühren",
        ],
        &[facts::AMOUNT],
    )
    .not_before(NOT_AMOUNTS),
    // "phone number of …": a phone number, which the pages may not state at all.
    Asks::new(
        &[
            "phone",
            "telephone",
            "telefon",
            "telefonnummer",
            "handynummer",
            "anrufen",
        ],
        &[facts::PHONE],
    ),
    // "what time is it (in …)": the present moment, which no page states; not "how much time
    // is it going to take", "what time is it starting" or "the current time slot".
    Asks::new(
        &[
            "time is it",
            "the time now",
            "current time",
            "time right now",
            "what s the time",
            "whats the time",
            "wie spät ist es",
            "wie spät es ist",
            "wie spät haben wir",
            "uhr ist es",
            "uhrzeit ist es",
            "aktuelle uhrzeit",
            "uhrzeit jetzt",
        ],
        &[facts::NOW],
    )
    .not_after(&["much", "long"])
    .only_before(&[
        "now",
        "right",
        "currently",
        "there",
        "here",
        "in",
        "at",
        "over",
        "jetzt",
        "gerade",
        "dort",
        "da",
        "hier",
        "bei",
        "denn",
        "eigentlich",
    ]),
    // "what does … earn", "ist … verheiratet", "welche Hobbys hat …", "wo wohnt …", a personal
    // e-mail address: someone's private life, which no page states.
    Asks::new(
        &[
            "salary",
            "salaries",
            "gehalt",
            "married",
            "verheiratet",
            "home address",
            "privatadresse",
            "wohnadresse",
            "wife",
            "husband",
            "girlfriend",
            "boyfriend",
            "ehefrau",
            "ehemann",
            "hobby",
            "hobbies",
            "hobbys",
            "personal email",
            "personal e mail",
            "personal mail",
            "private email",
            "private e mail",
            "private mail",
            "private e mail adresse",
            "persönliche e mail",
            "wohnt",
        ],
        &[facts::PRIVATE],
    ),
    // Where someone studied or went to school: their own past, which no project page states;
    // not "is there a case study", "which universities use SCS", "what did participants in
    // Kenya study?", "which parts are self-study?".
    Asks::new(&["study", "studied", "studiert"], &[facts::PRIVATE]).beside(&[
        "where did",
        "where does",
        "wo hat",
    ]),
    Asks::new(
        &[
            "alma mater",
            "go to university",
            "go to school",
            "university did",
            "universität hat",
        ],
        &[facts::PRIVATE],
    ),
    // Earning is private only as an amount ("how much does … earn", "what does … earn", "was
    // verdient die …"): not "what does it take to earn the certificate", "hat sich um SCS
    // verdient gemacht".
    Asks::new(
        &["earn", "earns", "verdient", "verdienen"],
        &[facts::PRIVATE],
    )
    .not_before(&["the", "a", "an", "your", "my"])
    .beside(&[
        "how much",
        "what does",
        "wie viel",
        "was verdient die",
        "was verdient der",
        "was verdient ein",
        "was verdient eine",
        "was verdient man",
        "was verdienen",
    ]),
    // "stackxperts headcount?", "how many employees does syseleven have?", "wie viele Kunden
    // hat …": the size of an organisation, held to the page; not "who are the customers".
    Asks::new(
        &[
            "headcount",
            "head count",
            "employee count",
            "staff size",
            "team size",
            "workforce",
            "people work at",
            "people work for",
            "people working at",
            "people working for",
            "mitarbeiterzahl",
            "belegschaft",
            "leute arbeiten bei",
            "leute arbeiten für",
            "menschen arbeiten bei",
            "menschen arbeiten für",
        ],
        &[facts::SIZE],
    ),
    // What an organisation earns ("what is the turnover of …", "welchen Umsatz hat …"): a sum
    // of money, held to the page as a price is (the OSBA's members "generate more than EUR 126
    // billion annually": that page can say).
    Asks::new(
        &[
            "revenue",
            "revenues",
            "turnover",
            "umsatz",
            "jahresumsatz",
            "annual sales",
        ],
        &[facts::PRICE],
    ),
    Asks::new(
        &[
            "employees",
            "employee",
            "staff",
            "customers",
            "mitarbeiter",
            "mitarbeitende",
            "mitarbeitenden",
            "beschäftigte",
            "beschäftigt",
            "beschäftigen",
            "angestellte",
            "angestellt",
            "kunden",
            "kundinnen",
        ],
        &[facts::SIZE],
    )
    .beside(&[
        "how many",
        "wie viele",
        "wieviele",
        "number of",
        "anzahl",
        "how big",
        "how large",
        "wie groß",
    ]),
    // "which is better, in your opinion?", "was ist deiner Meinung nach …": the bot's own
    // view, which no page states.
    Asks::new(
        &[
            "your opinion",
            "in your view",
            "your take on",
            "your favourite",
            "your favorite",
            "deiner meinung",
            "deine meinung",
        ],
        &[facts::OPINION],
    ),
    // "welchen hältst du für den wichtigsten?", "was hältst du von …"; not "hältst du für mich
    // die Termine bereit?", "findest du für mich heraus, wann …".
    Asks::new(
        &[
            "was hältst du",
            "hältst du persönlich",
            "welchen hältst du",
            "welche hältst du",
            "welches hältst du",
            "wen hältst du",
        ],
        &[facts::OPINION],
    ),
    // "how old is …", "wie alt ist …": an age, which the pages may not state at all.
    Asks::new(
        &["how old", "wie alt", "age of", "alter von", "what age"],
        &[facts::AGE],
    ),
    // "where is syself headquartered?", "in welchem Land sitzt dNation?": the seat of an
    // organisation, an address; not "wer sitzt im Vorstand". Not "based" either: "where are
    // contributors based" asks about people, "an SCS-based cloud" about nothing of the kind.
    Asks::new(
        &[
            "headquarters",
            "headquartered",
            "head office",
            "hauptsitz",
            "firmensitz",
            "unternehmenssitz",
            "sitz",
            "sitzt",
            "ansässig",
        ],
        &[facts::SEAT],
    )
    .not_after(&["wer", "who"])
    .beside(&[
        "where", "which", "what", "wo", "welche", "welcher", "welchem", "welchen", "welches",
    ]),
    // A quotation: "who is quoted on the page?", "von wem stammt das Zitat?"; not an offer
    // ("get a quote for a managed cloud", "a price quote").
    Asks::new(
        &[
            "quote",
            "quotes",
            "quoted",
            "quotation",
            "zitat",
            "zitate",
            "zitiert",
            "wörtlich",
        ],
        &[facts::QUOTE],
    )
    .not_after(&["a", "an", "price", "cost"])
    .not_before(&["for", "me", "us", "mich", "uns"]),
    // "Adresse der OSBA", "postal address of the forum": where it is, not its e-mail.
    Asks::new(
        &[
            "address",
            "adresse",
            "anschrift",
            "postanschrift",
            "postadresse",
        ],
        &[facts::PLACE],
    )
    .not_after(&["mail", "email", "e", "web", "ip", "matrix"])
    // A noun: "the address of …", "Adresse der OSBA", "what's their address?"; not the verb
    // ("who should I address my request to?", "how does SCS address the needs of …").
    .only_before(&[
        "of", "for", "der", "des", "von", "vom", "zum", "zur", "from",
    ]),
    Asks::new(
        &["where", "wo", "wohin"],
        &[
            "where",
            "wo",
            "location",
            "venue",
            "ort",
            "veranstaltungsort",
            facts::PLACE,
        ],
    ),
    // The price of something ("how much does the training cost?", "was kostet …", "the price
    // of …"), held to the page; not "the costs of vendor lock-in" nor "how much effort".
    Asks::new(
        &[
            "cost", "kostet", "pay", "paid", "pays", "zahlt", "zahlen", "bezahlt", "bezahlen",
            "money", "geld", "charge", "charges", "charged",
        ],
        &[facts::PRICE],
    )
    // Not who is "in charge" of something.
    .not_after(&["in"])
    .beside(&[
        "how much",
        "wie viel",
        "wieviel",
        "was kostet",
        "what does",
        "what do",
        "what did",
        "what would",
        "what will",
    ]),
    // "Was hat der Minicomputer gekostet?": what something cost, whatever asks it.
    Asks::new(&["gekostet"], &[facts::PRICE]),
    Asks::new(
        &[
            "price",
            "preis",
            "fee",
            "gebühr",
            "ticket price",
            "ticketpreis",
            // A price lowered: "rabatt für forumsmitglieder?", "any discount for members?".
            "discount",
            "discounts",
            "discounted",
            "rabatt",
            "rabatte",
            "ermäßigung",
            "ermäßigt",
            "ermäßigte",
            "ermäßigten",
            "vergünstigung",
            "vergünstigt",
            "vergünstigte",
            "vergünstigten",
        ],
        &[facts::PRICE],
    ),
    // How long something lasts ("how long does a certification take?", "wie lange läuft eine
    // Mitgliedschaft?"); not the time between two things ("how many months between R8 and
    // R9?": see `question_hints`). Not how fast something is ("how fast is the mini computer?"), nor how old ("how many
    // years old is the OSBA?").
    Asks::new(
        &[
            "how long",
            "wie lange",
            "wie lang",
            "how quickly",
            "how many seconds",
            "how many minutes",
            "how many hours",
            "how many days",
            "how many weeks",
            "how many months",
            "wie viele sekunden",
            "wie viele minuten",
            "wie viele stunden",
            "wie viele tage",
            "wie viele wochen",
            "wie viele monate",
        ],
        &[facts::DURATION],
    ),
    Asks::new(&["how many years", "wie viele jahre"], &[facts::DURATION])
        .not_before(&["old", "alt"]),
    Asks::new(
        &[
            "how much",
            "wie viel",
            "wie hoch",
            "was kostet",
            "what does it cost",
        ],
        &[
            "cost",
            "costs",
            "price",
            "prices",
            "fee",
            "fees",
            "kosten",
            "preis",
            "preise",
            "gebühr",
            "gebühren",
            facts::AMOUNT,
        ],
    )
    .not_before(NOT_AMOUNTS),
];

/// Whether `word` names a text or a list, whose length "how long" asks ("the list", "die
/// Partnerliste", "the booklet"), not a time.
fn is_length_of_text(word: &str) -> bool {
    const TEXTS: &[&str] = &[
        "list", "lists", "liste", "listen", "booklet", "page", "pages", "seite", "seiten", "name",
        "names", "namen", "document", "text", "heading", "title",
    ];
    TEXTS.contains(&word) || word.ends_with("liste")
}

/// Words a section's heading may answer a question's question word with: "when" →
/// "When", "Wann", "Date"; "where" → "Where", "Wo", "Venue"; "how much" → "Costs". They only
/// lift a section whose heading has one ([`search::W_HINT`]), never count as evidence (a
/// marker of a kind of fact no section states counts against the answer: see
/// [`facts::is_answer_type`]), and are what the question words the search otherwise drops
/// still say. Each hint once.
pub fn question_hints(normalized: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    // The question's words once: a phrase of one word is looked up, not searched for.
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    let asked = ASKS
        .iter()
        .filter(|asks| asks.asked_in(normalized, &words))
        .flat_map(|asks| asks.hints.iter().copied());
    let compared = facts::asks_comparison(normalized).then_some(facts::COMPARISON);
    for hint in asked.chain(compared) {
        if !out.iter().any(|h| h == hint) {
            out.push(hint.to_string());
        }
    }
    // "How long is the partner list?", "wie lang ist die Liste": a length, not a time. "How
    // long ago …", "how many months between …", "wie lange vor …": the time between two
    // things, read off their dates (see `count::SPAN`), not a duration a section states.
    if words
        .iter()
        .any(|w| is_length_of_text(w) || count::SPAN.contains(w))
    {
        out.retain(|h| h != facts::DURATION);
    }
    // "who do I contact about the membership fee?" asks for someone to write to: the fee or
    // the deadline is what to write about, not the fact asked for (a private address still
    // is).
    if asks_whom_to_contact(&words) {
        out.retain(|h| ![facts::AMOUNT, facts::PRICE, facts::DATE].contains(&h.as_str()));
    }
    out
}

/// Phrases that ask whom to contact, or where to write to ([`asks_whom_to_contact`]).
const WHOM_TO_CONTACT: &[&[&str]] = &[
    &["who", "do", "i", "contact"],
    &["who", "should", "i", "contact"],
    &["who", "can", "i", "contact"],
    &["who", "do", "i", "ask"],
    &["who", "should", "i", "ask"],
    &["who", "can", "i", "ask"],
    &["who", "do", "i", "talk", "to"],
    &["who", "to", "contact"],
    &["who", "to", "ask"],
    &["whom", "to", "contact"],
    &["contact", "person"],
    &["email", "address"],
    &["e", "mail", "address"],
    &["mail", "address"],
    &["email", "adress"],
    &["mail", "adress"],
    &["an", "wen", "wende"],
    &["an", "wen", "kann"],
    &["wen", "frage", "ich"],
    &["wen", "kann", "ich", "fragen"],
    &["wen", "kontaktiere", "ich"],
    &["ansprechpartner"],
    &["ansprechpartnerin"],
    &["ansprechperson"],
    &["mailadresse"],
    &["e", "mail", "adresse"],
    &["kontaktadresse"],
];

/// Whether a question (its words, normalised) asks whom to contact or where to write to.
fn asks_whom_to_contact(words: &[&str]) -> bool {
    (0..words.len()).any(|i| WHOM_TO_CONTACT.iter().any(|p| words[i..].starts_with(p)))
}

/// Whether a question's hints ([`question_hints`]) ask about someone's private life
/// ([`facts::PRIVATE`]): no page, and no command's section, states it.
pub fn asks_private_life(hints: &[String]) -> bool {
    hints.iter().any(|h| h == facts::PRIVATE)
}

/// Whether a question's hints ([`question_hints`]) ask for a price ([`facts::PRICE`]: "was
/// kostet …", "any discount for members?").
pub fn asks_price(hints: &[String]) -> bool {
    hints.iter().any(|h| h == facts::PRICE)
}

/// Whether `text` states a price: an amount of money, or that something is free
/// ([`facts::PRICE`], as the index marks it).
pub fn states_price(text: &str) -> bool {
    marked(text, facts::PRICE)
}

/// Whether a question's hints ([`question_hints`]) ask how long something lasts
/// ([`facts::DURATION`]: "how long does it take to become a member?").
pub fn asks_duration(hints: &[String]) -> bool {
    hints.iter().any(|h| h == facts::DURATION)
}

/// Whether `text` says how long something lasts, or when ([`facts::DURATION`], as the index
/// marks it).
pub fn states_duration(text: &str) -> bool {
    marked(text, facts::DURATION)
}

/// Whether the index marks `text` with `marker` ([`facts::markers`]).
fn marked(text: &str, marker: &str) -> bool {
    facts::markers(text).split(' ').any(|m| m == marker)
}

/// Whether a question (normalised) asks when the next of something is ([`facts::asks_next`]).
pub fn asks_next(normalized: &str) -> bool {
    facts::asks_next(normalized)
}

/// Whether a question (normalised) asks when something will be ([`facts::asks_when_will`]).
pub fn asks_when_will(normalized: &str) -> bool {
    facts::asks_when_will(normalized)
}

/// Whether a question (normalised) is put in the past ("when *did* wavecon join?", "wann
/// *wurde* …") or asks since when.
pub fn asks_of_the_past(normalized: &str) -> bool {
    facts::asks_of_the_past(normalized)
}

/// What a question (normalised) asks of a time, and whether that is all it asks
/// ([`facts::asks_when`]).
pub fn asks_when(normalized: &str) -> AskedWhen {
    facts::asks_when(normalized)
}

/// Whether `text` says when something was or is, or how often ([`facts::states_when_or_how_often`]).
pub fn states_when_or_how_often(text: &str) -> bool {
    facts::states_when_or_how_often(text)
}

/// Whether `text` says when something is or will be ([`facts::states_when`]).
pub fn states_when(text: &str) -> bool {
    facts::states_when(text)
}

/// Whether `text`, published in the year `published`, says when something is or will be
/// ([`facts::states_when_from`]: not by years before it alone).
pub fn states_when_from(text: &str, published: Option<u16>) -> bool {
    facts::states_when_from(text, published)
}

/// Whether `word` (lower case) is a common word of English or German (see [`lexicon`]): a
/// real word, not a typo.
pub fn is_common_word(word: &str) -> bool {
    lexicon::is_word(word)
}

/// Whether `word` (lower case) is most likely a slip of a common word of either language
/// ("emial", "agian", "oficial"; see `lexicon::correction`), not a name of its own ("ionos").
pub fn misspells_a_word(word: &str) -> bool {
    ["en", "de"]
        .iter()
        .any(|asked| lexicon::correction(word, asked).is_some())
}

/// Whether `word` (lower case) is a word about the text itself ("section", "mentioned",
/// "Liste": see `lexicon::is_reading_word`).
pub fn is_reading_word(word: &str) -> bool {
    lexicon::is_reading_word(word)
}

/// Whether `word` (lower case) asks for the form of an answer ("markdown", "Tabelle",
/// "Stichpunkte"), not for a topic.
pub fn is_form_word(word: &str) -> bool {
    lexicon::is_form_word(word)
}

/// The words of a task that say what to make and how, not what of ("write a *short* *poem*
/// about the forum goals", "Mach aus den Zielen einen *Slogan* für ein *Messebanner*"): its
/// form words, kinds of text, measures and tones ([`lexicon::is_task_word`], which reads them
/// without umlauts), as typed; a German compound whose last part is a kind of text
/// ("Messebanner", "Weihnachtskarte") or whose first is a form ("Stichpunktliste"), with its
/// parts. Each weighs as a generic word where no page has it.
pub fn task_words<'a>(words: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out = Vec::new();
    for word in words {
        if lexicon::is_task_word(&folded(word)) {
            out.push(word.to_string());
        } else if let Some(parts) = rewrite::compound_parts(word).filter(|parts| {
            // A kind of text ("Messebanner"), or made in a form ("Stichpunktliste": the
            // parts the form word is split into, "Stich" + "punkt", joined again).
            let form_first = (1..parts.len()).any(|n| lexicon::is_form_word(&parts[..n].concat()));
            form_first
                || parts
                    .last()
                    .is_some_and(|last| lexicon::is_text_kind(&folded(last)))
        }) {
            out.push(word.to_string());
            out.extend(parts);
        }
    }
    out
}

/// `word` with umlauts and ß written in ASCII, as the word lists of tasks are ("höchstens" →
/// "hochstens").
fn folded(word: &str) -> String {
    word.replace('ä', "a")
        .replace('ö', "o")
        .replace('ü', "u")
        .replace('ß', "ss")
}

/// Whether `word` (lower case) is a common word of `language` ("budget" of English;
/// "weiterführenden" is not, it is German).
pub fn is_word_of(language: &str, word: &str) -> bool {
    lexicon::rank(language, word).is_some()
}

/// Whether the glossary ([`glossary`]) knows `word` (lower case), by itself or by its stem:
/// the search then finds the pages' words for it.
pub fn in_glossary(word: &str) -> bool {
    analyzer::with_analyzers(|a| !glossary::alternatives(a, word).is_empty())
}

/// Whether `word` (lower case) is made of words: a German compound ([`compound_parts`]), or
/// one ending in a German word of five letters or more after a short first part
/// ("logdateien"). Such a word is one of a language, not a name, even where only one
/// language's pages use it.
fn is_compound(word: &str) -> bool {
    compound_parts(word).is_some()
        || word.char_indices().skip(2).any(|(cut, _)| {
            let tail = &word[cut..];
            tail.chars().count() >= 5 && lexicon::is_german(tail)
        })
}

/// The parts of a German compound (lower case), or `None`: "partnerliste" → partner, liste.
pub fn compound_parts(word: &str) -> Option<Vec<String>> {
    rewrite::compound_parts(word)
}

/// Whether `word` (lower case) is a light verb ([`lexicon::is_light_verb`]): "happened",
/// "stattfinden".
pub fn is_light_verb(word: &str) -> bool {
    lexicon::is_light_verb(word)
}

/// Whether `word` (lower case) is among the most frequent words of English or German
/// ([`lexicon::GENERIC_RANK`]): "time", "free", "involved", "heute".
pub fn is_frequent_word(word: &str) -> bool {
    ["en", "de"]
        .iter()
        .filter_map(|l| lexicon::rank(l, word))
        .any(|rank| rank < lexicon::GENERIC_RANK)
}

/// Version of the schema, the analyzers and of what goes into each field. Bump it with any such
/// change: indexes built by another version are rebuilt.
pub const SCHEMA_VERSION: u32 = 30;

/// Damping of the score of a hit on a page in another language than the question's.
pub const CROSS_LANGUAGE: f32 = 0.75;

/// Damping of a hit in another language that holds no more of the question than the best hit
/// in the asked language.
pub const CROSS_LANGUAGE_NO_BETTER: f32 = 0.4;

/// The share of the question a hit in the asked language holds from which on the other
/// languages are not searched: a translation would need more of the question to rank above it.
const WHOLE_QUESTION: f32 = 0.9;

/// A searchable index of sections.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    /// What hits show of each document and its page, read once.
    /// What hits show of every document, read at the first search (a command needs none), and
    /// whether it came from the folder's snapshot; `None` when it could not be read at all.
    layout: OnceLock<Option<(search::Layout, bool)>>,
    /// How much a word no page has counts against a question (see [`foreign_evidence`]),
    /// found at the first question that has such a word.
    foreign_evidence: OnceLock<f32>,
    /// The release numbers the content names anywhere (see [`named_releases`]), found at the
    /// first question that names a release.
    named_releases: OnceLock<Vec<u64>>,
    /// The latest year each page states (see [`search::Layout::latest_years`]), found at the
    /// first question that asks for the next of something.
    latest_years: OnceLock<HashMap<(String, String), u16>>,
    /// The folder the index lives in; `None` in memory.
    location: Option<PathBuf>,
}

/// How [`SearchIndex::open_or_build`] got its index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexStatus {
    /// The folder held an index of exactly this content and schema.
    Reused,
    /// The index was (re)built as a matter of course: none yet, the content or schema changed.
    Built { reason: String },
    /// The folder held a broken or half-written index of ours; it was rebuilt (a warning was
    /// logged).
    Repaired { reason: String },
    /// The folder could not be written; the index lives in memory for this run (a warning was
    /// logged).
    InMemory { reason: String },
}

impl IndexStatus {
    /// True when an operator should look at `reason`.
    pub fn is_warning(&self) -> bool {
        matches!(
            self,
            IndexStatus::Repaired { .. } | IndexStatus::InMemory { .. }
        )
    }
}

impl fmt::Display for IndexStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IndexStatus::Reused => write!(f, "index reused"),
            IndexStatus::Built { reason } => write!(f, "index built: {reason}"),
            IndexStatus::Repaired { reason } => write!(f, "index rebuilt: {reason}"),
            IndexStatus::InMemory { reason } => write!(f, "index kept in memory: {reason}"),
        }
    }
}

impl SearchIndex {
    /// Opens the index in `dir` when its stored fingerprint matches `library` and
    /// [`SCHEMA_VERSION`], else rebuilds it in a temporary folder next to `dir` and swaps it in.
    /// A corrupt or half-written index of ours is rebuilt with a warning. What is not ours to
    /// replace (see [`place`]: a file, device, link or someone else's folder at `dir`) is a
    /// [`NotOurs`] error, and nothing at `dir` is touched. If `dir` can't be written, the index
    /// is built in memory. Errors otherwise only when even that fails.
    pub fn open_or_build(dir: &Path, library: &Library) -> Result<(SearchIndex, IndexStatus)> {
        SearchIndex::open_or_build_with(dir, library, &fingerprint(library))
    }

    /// [`SearchIndex::open_or_build`] for a library whose [`fingerprint()`] the caller already
    /// has (`wanted`): it is computed once per load, or taken from the pages' snapshot when
    /// the library is exactly the one it was made of.
    pub fn open_or_build_with(
        dir: &Path,
        library: &Library,
        wanted: &str,
    ) -> Result<(SearchIndex, IndexStatus)> {
        let wanted = wanted.to_string();
        let expected_docs = build::count_documents(library);
        let (reason, repair) = match place::inspect(dir) {
            Existing::Missing | Existing::Empty => {
                (format!("no index yet in {}", dir.display()), false)
            }
            Existing::NotOurs { what } => {
                return Err(NotOurs {
                    path: dir.to_path_buf(),
                    what,
                }
                .into())
            }
            Existing::Index { fingerprint: None } => (
                format!(
                    "{} holds a half-written index (no {FINGERPRINT_FILE})",
                    dir.display()
                ),
                true,
            ),
            Existing::Index {
                fingerprint: Some(stored),
            } if stored == wanted => match SearchIndex::open_dir(dir, expected_docs) {
                Ok(index) => {
                    tracing::debug!("reusing the index in {}", dir.display());
                    return Ok((index, IndexStatus::Reused));
                }
                Err(e) => (
                    format!("the index in {} is damaged ({e:#})", dir.display()),
                    true,
                ),
            },
            Existing::Index {
                fingerprint: Some(stored),
            } => (fingerprint::mismatch_reason(&stored, &wanted), false),
        };
        if repair {
            tracing::warn!("rebuilding the search index: {reason}");
        } else {
            tracing::info!("building the search index: {reason}");
        }
        match SearchIndex::build_on_disk(dir, library, &wanted, expected_docs) {
            Ok(index) => {
                let status = if repair {
                    IndexStatus::Repaired { reason }
                } else {
                    IndexStatus::Built { reason }
                };
                Ok((index, status))
            }
            // Something not ours appeared at `dir` during the build: still not ours to replace.
            Err(e) if e.downcast_ref::<NotOurs>().is_some() => Err(e),
            Err(e) => {
                let reason = format!(
                    "can't write the index to {} ({e:#}); searching an index in memory",
                    dir.display()
                );
                tracing::warn!("{reason}");
                let index = SearchIndex::build_in_ram(library)?;
                Ok((index, IndexStatus::InMemory { reason }))
            }
        }
    }

    /// Builds the index of `library` in memory.
    pub fn build_in_ram(library: &Library) -> Result<SearchIndex> {
        let index = Index::create_in_ram(schema::build_schema());
        analyzer::register(index.tokenizers());
        let fields = Fields::resolve(&index.schema())?;
        build::write_library(&index, &fields, library)?;
        SearchIndex::from_index(index, None)
    }

    /// Rebuilds the index in `dir` unconditionally (for `scs-bot index`), swapping it in
    /// atomically. Unlike [`SearchIndex::open_or_build`], failing to write is an error; so is
    /// anything at `dir` that is not ours to replace ([`NotOurs`]).
    pub fn rebuild(dir: &Path, library: &Library) -> Result<SearchIndex> {
        SearchIndex::rebuild_with(dir, library, &fingerprint(library))
    }

    /// [`SearchIndex::rebuild`] for a library whose [`fingerprint()`] the caller already has.
    pub fn rebuild_with(dir: &Path, library: &Library, fingerprint: &str) -> Result<SearchIndex> {
        let expected_docs = build::count_documents(library);
        SearchIndex::build_on_disk(dir, library, fingerprint, expected_docs)
    }

    fn build_on_disk(
        dir: &Path,
        library: &Library,
        fingerprint: &str,
        expected_docs: u64,
    ) -> Result<SearchIndex> {
        build::build_and_swap(dir, library, fingerprint)?;
        let index = SearchIndex::open_dir(dir, expected_docs)
            .context("the freshly built index can't be opened")?;
        // Its layout snapshot is written with the build, not at the first search.
        index.prepare();
        Ok(index)
    }

    /// Opens the index in `dir` and checks that it is whole: our schema, intact files (checksums)
    /// and the expected number of sections.
    fn open_dir(dir: &Path, expected_docs: u64) -> Result<SearchIndex> {
        let index = Index::open_in_dir(dir)?;
        if index.schema() != schema::build_schema() {
            bail!("it was built with another schema");
        }
        analyzer::register(index.tokenizers());
        let damaged = index.validate_checksum()?;
        if !damaged.is_empty() {
            let mut names: Vec<String> = damaged.iter().map(|p| p.display().to_string()).collect();
            names.sort();
            bail!("damaged files: {}", names.join(", "));
        }
        let search_index = SearchIndex::from_index(index, Some(dir.to_path_buf()))?;
        let found = search_index.num_sections();
        if found != expected_docs {
            return Err(anyhow!(
                "it holds {found} sections where {expected_docs} were expected"
            ));
        }
        Ok(search_index)
    }

    fn from_index(index: Index, location: Option<PathBuf>) -> Result<SearchIndex> {
        let fields = Fields::resolve(&index.schema())?;
        let reader: IndexReader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            foreign_evidence: OnceLock::new(),
            named_releases: OnceLock::new(),
            latest_years: OnceLock::new(),
            index,
            reader,
            fields,
            layout: OnceLock::new(),
            location,
        })
    }

    /// What hits show, read once. For an index in a folder it comes from the folder's snapshot
    /// when there is a sound one for exactly these segments; else it is read from the documents
    /// and the snapshot written for the next start. `None` (logged) when even the documents
    /// can't be read: searching then finds nothing.
    fn layout(&self) -> Option<&search::Layout> {
        self.layout
            .get_or_init(|| {
                let searcher = self.reader.searcher();
                let segments: snapshot::Segments = searcher
                    .segment_readers()
                    .iter()
                    .map(|s| {
                        (
                            s.segment_id().uuid_string(),
                            s.max_doc(),
                            s.num_deleted_docs(),
                        )
                    })
                    .collect();
                let max_docs: Vec<u32> = segments.iter().map(|s| s.1).collect();
                if let Some(dir) = &self.location {
                    let kept = snapshot::read_layout::<search::Layout>(dir, &segments).and_then(
                        |layout| {
                            layout
                                .restored(&self.fields, &max_docs)
                                .ok_or_else(|| "the layout snapshot does not fit the index".into())
                        },
                    );
                    match kept {
                        Ok(layout) => return Some((layout, true)),
                        Err(reason) => {
                            tracing::debug!("reading what hits show from the documents: {reason}")
                        }
                    }
                }
                match search::Layout::load(&searcher, &self.fields) {
                    Ok(layout) => {
                        if let Some(dir) = &self.location {
                            snapshot::write_layout(dir, &segments, &layout);
                        }
                        Some((layout, false))
                    }
                    Err(e) => {
                        tracing::warn!(
                            "the index's documents can't be read ({e}); searching finds nothing"
                        );
                        None
                    }
                }
            })
            .as_ref()
            .map(|(layout, _)| layout)
    }

    /// Reads what hits show now rather than at the first search (and keeps its snapshot).
    pub fn prepare(&self) {
        self.layout();
    }

    /// Whether what hits show was read from the index folder's snapshot (see [`snapshot`])
    /// rather than from every stored document; reads it if no search has yet.
    pub fn layout_from_snapshot(&self) -> bool {
        self.layout();
        self.layout
            .get()
            .is_some_and(|l| l.as_ref().is_some_and(|(_, kept)| *kept))
    }

    /// The top `limit` sections for a free question, searching only pages in `language`. No hits
    /// for an empty question or one made only of stopwords; never an error.
    pub fn search(&self, query: &str, language: &str, limit: usize) -> Vec<SearchHit> {
        let normalized: String = query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
            .join(" ");
        let hints = question_hints(&normalized);
        let asked = Asked {
            words: &question_words(query),
            hints: &hints,
            capitals: &typed_in_capitals(query),
            forms: &asked_as_form(query),
        };
        self.search_words(&asked, language, limit, limit)
    }

    /// Like [`SearchIndex::search`], for a question already split by [`question_words`] (and
    /// its [`question_hints`]); only the first `snippets` hits get a snippet.
    ///
    /// Pages in the other languages are searched too, the question analysed for each: a German
    /// question about a page that exists only in English finds it, and so does a question on
    /// content that has no page in its language at all. Such a hit's score is damped by
    /// [`CROSS_LANGUAGE`], or by [`CROSS_LANGUAGE_NO_BETTER`] when it holds no more of the
    /// question than a hit in `language`; a page that also exists in `language` (the same
    /// slug) is answered from there: when only the translation holds the question, from the
    /// same place of the page ([`search::Layout::counterpart`]), unless that place leaves out
    /// a name of the question the translation holds ([`search::Layout::translation_lacks`]):
    /// then from the translation. A name is a word no word list has that is of letters only
    /// and no compound ([`is_compound`]: "Logdateien" is German, "SLURP" a name even where
    /// only the German pages use it) or that pages of every language use.
    pub fn search_words(
        &self,
        asked: &Asked,
        language: &str,
        limit: usize,
        snippets: usize,
    ) -> Vec<SearchHit> {
        let (words, hints) = (asked.words, asked.hints);
        if limit == 0 || words.is_empty() {
            return Vec::new();
        }
        let language = language.trim().to_ascii_lowercase();
        let Some(layout) = self.layout() else {
            return Vec::new();
        };
        let searcher = self.reader.searcher();
        let written = layout.languages();
        let mut languages = vec![language.as_str()];
        languages.extend(written.iter().copied().filter(|l| *l != language));
        let analysis = search::Analysis {
            searcher: &searcher,
            fields: &self.fields,
            words,
            hints,
            languages: &languages,
            written: &written,
            foreign_evidence: &|| {
                *self
                    .foreign_evidence
                    .get_or_init(|| foreign_evidence(&searcher, &self.fields, &written))
            },
            // A word typed in capitals is an acronym or a name ("DSA", "ENI", "WIIT"), not a
            // slip of a stopword: it is read as none.
            corrections: std::cell::RefCell::new(
                asked.capitals.iter().map(|w| (w.clone(), None)).collect(),
            ),
            capitals: asked.capitals,
            forms: asked.forms,
        };
        let asked = analysis.asked();
        let mut hits = self.search_one(&searcher, layout, &asked, limit, snippets);
        // The best share of the question a page of the asked language holds.
        let asked_share = hits.iter().map(|h| h.coverage.share).fold(0.0f32, f32::max);
        // A page in the asked language that holds (nearly) the whole question leaves no room
        // for a translation to rank above it: the other languages need no search, nor their
        // full analysis.
        if asked_share < WHOLE_QUESTION && languages.len() > 1 {
            let others = analysis.others(&asked);
            // The question's names, acronyms and numbers: words no word list has that are no
            // compound, of letters only, or that pages of every language use ("ALASCA", a
            // person's name, "SLURP"; not "Logdateien", a German word, nor "96GB", which a
            // translation writes "96 GB"): a translation must hold those its original holds.
            // Found at the first
            // translation that holds more of the question than the asked language's pages.
            let names = std::cell::OnceCell::new();
            let names = || -> &Vec<&str> {
                names.get_or_init(|| {
                    words
                        .iter()
                        .map(String::as_str)
                        .filter(|w| {
                            lexicon::rank("en", w).is_none()
                                && lexicon::rank("de", w).is_none()
                                && ((w.chars().all(char::is_alphabetic) && !is_compound(w))
                                    || self.in_every_language(&searcher, &written, w))
                        })
                        .collect()
                })
            };
            let mut translated: Vec<SearchHit> = Vec::new();
            for query in &others {
                for mut hit in self.search_one(&searcher, layout, query, limit, snippets) {
                    // A translation holding no more of the question than a page in the asked
                    // language ranks below it.
                    let more = hit.coverage.share > asked_share;
                    hit.score *= if more {
                        CROSS_LANGUAGE
                    } else {
                        CROSS_LANGUAGE_NO_BETTER
                    };
                    // A page the asked language has too is answered from there: when only its
                    // translation holds the question ("Datenschutzerklärung" asked in
                    // English), from the same place of the asked language's page.
                    if layout.has_page(&language, &hit.slug) {
                        if more && layout.translation_lacks(&hit, &language, names()) {
                            translated.push(hit);
                        } else if more && !hits.iter().any(|h| h.slug == hit.slug) {
                            translated.extend(layout.counterpart(&hit, &language));
                        }
                        continue;
                    }
                    hits.push(hit);
                }
            }
            for hit in translated {
                if !hits
                    .iter()
                    .any(|h| h.slug == hit.slug && h.anchor == hit.anchor)
                {
                    hits.push(hit);
                }
            }
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        let releases = release_numbers(words.iter().map(String::as_str));
        // A release no page names ("R10" before it is out, "R3" of a site that starts at R4)
        // is one the content knows nothing of: whatever else of the question a section holds,
        // it doesn't answer it.
        if !releases.is_empty() {
            let named = self.named_releases.get_or_init(|| named_releases(layout));
            if !releases.iter().any(|n| named.contains(n)) {
                for hit in &mut hits {
                    hit.coverage.fact_missing = true;
                }
            }
        }
        // "Version 9", "v9" of the product name a release too, where no "release" does
        // (but not "IaaS v4", a standard's version): only to put its announcement first.
        let versions;
        let preferred = if releases.is_empty() {
            versions = version_numbers(words.iter().map(String::as_str));
            &versions
        } else {
            &releases
        };
        prefer_named_release(&mut hits, preferred);
        prefer_fuller(&mut hits, preferred);
        hits.truncate(limit);
        hits
    }

    /// The latest year (1990–2039) the page `slug` in `language` states in its title,
    /// headings or text; `None` when it states none. "When is the next hackathon?" asks for a
    /// date to come: a page that states no year from this one on can't say
    /// ([`facts::asks_next`]).
    pub fn latest_year(&self, language: &str, slug: &str) -> Option<u16> {
        let layout = self.layout()?;
        self.latest_years
            .get_or_init(|| layout.latest_years())
            .get(&(language.to_string(), slug.to_string()))
            .copied()
    }

    /// Whether any page holds `word` as it is written.
    pub fn holds_word(&self, word: &str) -> bool {
        let Some(layout) = self.layout() else {
            return false;
        };
        let Some(raw) =
            analyzer::with_analyzers(|a| analyzer::Analyzers::term_of(&mut a.raw, word))
        else {
            return false;
        };
        let searcher = self.reader.searcher();
        layout.languages().iter().any(|language| {
            let term = tantivy::Term::from_field_text(self.fields.group(language).raw, &raw);
            searcher.doc_freq(&term).unwrap_or(0) > 0
        })
    }

    /// Whether pages of each of the `written` languages hold `word` as it is written.
    fn in_every_language(
        &self,
        searcher: &tantivy::Searcher,
        written: &[&str],
        word: &str,
    ) -> bool {
        let Some(raw) =
            analyzer::with_analyzers(|a| analyzer::Analyzers::term_of(&mut a.raw, word))
        else {
            return false;
        };
        written.iter().all(|language| {
            let term = tantivy::Term::from_field_text(self.fields.group(language).raw, &raw);
            searcher.doc_freq(&term).unwrap_or(0) > 0
        })
    }

    fn search_one(
        &self,
        searcher: &tantivy::Searcher,
        layout: &search::Layout,
        query: &search::Query,
        limit: usize,
        snippets: usize,
    ) -> Vec<SearchHit> {
        search::search(searcher, &self.fields, layout, query, limit, snippets).unwrap_or_else(|e| {
            tracing::warn!("search in {} failed: {e}", query.language);
            Vec::new()
        })
    }

    /// Number of sections (documents) in the index.
    pub fn num_sections(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// The folder the index lives in, `None` for an index in memory.
    pub fn location(&self) -> Option<&Path> {
        self.location.as_deref()
    }

    /// The underlying Tantivy index (for diagnostics and benchmarks).
    pub fn tantivy_index(&self) -> &Index {
        &self.index
    }
}

/// How many of the most frequent words of a language ([`COMMON_SAMPLE`]) content must hold for
/// a word it lacks to count fully against a question: about what a whole website holds.
const FULL_COVERAGE: f32 = 0.3;

/// The least a word no page has counts, however little content there is: "weather" asked of
/// one page that names a partner in Hamburg is still about the weather.
const LEAST_FOREIGN_EVIDENCE: f32 = 0.5;

/// The words of general language sampled to measure how much of it content holds.
const COMMON_SAMPLE: u32 = 3_000;

/// How much a word no page has counts against a question, from 0 to 1: the share of the most
/// frequent words of its languages the content holds, relative to a whole website's
/// ([`FULL_COVERAGE`]), and at least [`LEAST_FOREIGN_EVIDENCE`]. A word missing from a
/// website says the question is about something else; a word missing from one page says less
/// ("drop", "useful", "values"): one page holds a few percent of even the most common words,
/// whatever its topic.
fn foreign_evidence(
    searcher: &tantivy::Searcher,
    fields: &schema::Fields,
    written: &[&str],
) -> f32 {
    let held = |language: &str| {
        let group = fields.group(language);
        let words = lexicon::most_frequent(language, COMMON_SAMPLE);
        if words.is_empty() {
            return 0.0;
        }
        let found = analyzer::with_analyzers(|a| {
            words
                .iter()
                .filter_map(|w| analyzer::Analyzers::term_of(a.stemmed(group.analyzer), w))
                .filter(|stem| {
                    searcher
                        .doc_freq(&tantivy::Term::from_field_text(group.all, stem))
                        .unwrap_or(0)
                        > 0
                })
                .count()
        });
        found as f32 / words.len() as f32
    };
    let coverage = written.iter().map(|l| held(l)).fold(0.0f32, f32::max);
    tracing::debug!(coverage, "common words the content holds");
    (coverage / FULL_COVERAGE).clamp(LEAST_FOREIGN_EVIDENCE, 1.0)
}

/// The release numbers the content names anywhere: in a page title, a heading or a text.
fn named_releases(layout: &search::Layout) -> Vec<u64> {
    let mut named: Vec<u64> = analyzer::with_analyzers(|a| {
        let mut words = Vec::new();
        layout
            .texts()
            .flat_map(|text| {
                words.clear();
                let mut stream = a.words.token_stream(text);
                while stream.advance() {
                    words.push(std::mem::take(&mut stream.token_mut().text));
                }
                release_numbers(words.iter().map(String::as_str))
            })
            .collect()
    });
    named.sort_unstable();
    named.dedup();
    tracing::debug!(?named, "releases the content names");
    named
}

/// The release numbers `words` name: a number beside "release" ("R9" and "ninth release" are
/// analysed as `release` `9` by [`rewrite::numbers`]). A number before "releases" counts
/// them ("two releases a year") and names none; one with a leading zero is part of a date.
fn release_numbers<'w>(words: impl IntoIterator<Item = &'w str>) -> Vec<u64> {
    let words: Vec<&str> = words.into_iter().collect();
    let mut numbers = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let beside = (i > 0 && matches!(words[i - 1], "release" | "releases"))
            || words.get(i + 1).is_some_and(|next| *next == "release");
        // "01" of "2024-09-01: Release 4" is part of a date ("Release 0" is a release).
        let date_part = w.len() > 1 && w.starts_with('0');
        if let Some(n) = w
            .parse::<u64>()
            .ok()
            .filter(|_| beside && w.len() <= 3 && !date_part)
        {
            if !numbers.contains(&n) {
                numbers.push(n);
            }
        }
    }
    numbers
}

/// Words that name the product a version number right after them is a release of ("SCS
/// version 9", "Software in Version 8"); a question's "version" or "vN" first among its words
/// is one too.
const PRODUCT_WORDS: &[&str] = &["scs", "stack", "software"];

/// The release numbers `words` name as versions: "version 9", "v9" first among the words or
/// after a word of [`PRODUCT_WORDS`]. After another name ("IaaS v4", "Kubernetes-as-a-Service
/// v1") the version is that thing's, no release. Only a hint of which announcement comes first
/// ([`prefer_named_release`]): "version 2 of the spec" names no release the content lacks.
fn version_numbers<'w>(words: impl IntoIterator<Item = &'w str>) -> Vec<u64> {
    let words: Vec<&str> = words.into_iter().collect();
    let mut numbers = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 && !PRODUCT_WORDS.contains(&words[i - 1]) {
            continue;
        }
        let digits = match *w {
            "version" => words.get(i + 1).copied().unwrap_or(""),
            _ => w.strip_prefix('v').unwrap_or(""),
        };
        let number = (!digits.is_empty() && digits.len() <= 3 && !digits.starts_with('0'))
            .then(|| digits.parse::<u64>().ok())
            .flatten();
        if let Some(n) = number.filter(|n| !numbers.contains(n)) {
            numbers.push(n);
        }
    }
    numbers
}

/// The release numbers a page's `title` names ("Sovereign Cloud Stack R9 released").
fn title_release_numbers(title: &str) -> Vec<u64> {
    analyzer::with_analyzers(|a| {
        let mut words = Vec::new();
        let mut stream = a.words.token_stream(title);
        while words.len() < 32 && stream.advance() {
            words.push(std::mem::take(&mut stream.token_mut().text));
        }
        release_numbers(words.iter().map(String::as_str))
    })
}

/// A question naming a release ("which OpenStack does R9 ship with?") is about that release:
/// a hit on the announcement of another release (its title names another number) ranks below
/// every other hit, when a page whose title names one asked for is among the hits. The
/// number alone is a weak word of the question, met by any "9" in any text ("CentOS Stream
/// 9"), so "shipped" in the R7 announcement outranked the R9 one. The order is otherwise kept.
fn prefer_named_release(hits: &mut Vec<SearchHit>, asked: &[u64]) {
    if asked.is_empty() {
        return;
    }
    let named: Vec<Vec<u64>> = hits
        .iter()
        .map(|h| title_release_numbers(&h.title))
        .collect();
    let answers = |n: &Vec<u64>| n.iter().any(|x| asked.contains(x));
    if !named.iter().any(answers) {
        return;
    }
    let other = |n: &Vec<u64>| !n.is_empty() && !answers(n);
    let mut keyed: Vec<(bool, SearchHit)> = named.iter().map(other).zip(hits.drain(..)).collect();
    // Stable: each hit naming another release goes behind the others, in their order.
    keyed.sort_by_key(|(other, _)| *other);
    hits.extend(keyed.into_iter().map(|(_, hit)| hit));
}

/// How close to the best hit's score a hit that holds more of the question must be to take
/// its place (see [`prefer_fuller`]).
const FULLER_WITHIN: f32 = 0.85;

/// A hit close behind the best one that holds every word the best one holds, and more,
/// answers more of the question: it comes first. "who is Lisa Meindl" is the programme line
/// that names her, not the contact card headed by another Lisa (the heading bonus for "Lisa"
/// outweighed "Meindl" in a long section). Only words beyond the most common count
/// ([`Coverage::held`]): holding "new" or a number as well says nothing. Scores are left as
/// they are; only the first place changes. A hit on the announcement of another release than
/// the one asked for (`releases`, see [`prefer_named_release`]) never does: "what r9 ships:
/// openstack, ceph, host os" holds more words of R7's software list than of R9's.
fn prefer_fuller(hits: &mut Vec<SearchHit>, releases: &[u64]) {
    let Some(top) = hits.first() else {
        return;
    };
    let held = &top.coverage.held;
    // A best hit that holds nothing beyond common words is no measure to hold others to.
    if held.is_empty() {
        return;
    }
    let fuller = hits.iter().skip(1).position(|hit| {
        let more = &hit.coverage.held;
        hit.score >= FULLER_WITHIN * top.score
            && held.iter().all(|w| more.contains(w))
            && more.iter().any(|w| !held.contains(w))
            // Another language's analysis reads the question otherwise (compounds split,
            // untranslatable words counted for less): its hit must hold more of it as well.
            && (hit.language == top.language || hit.coverage.share > top.coverage.share)
            && (releases.is_empty() || {
                let named = title_release_numbers(&hit.title);
                named.is_empty() || named.iter().any(|n| releases.contains(n))
            })
    });
    if let Some(at) = fuller {
        let hit = hits.remove(at + 1);
        hits.insert(0, hit);
    }
}

impl fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchIndex")
            .field("location", &self.location)
            .field("sections", &self.num_sections())
            .finish()
    }
}

/// A question normalised as the answer layer does (its words, letters and digits, lower case,
/// apart): for the tests of the modules that read a question's words (`count`, `measure`,
/// `superlative`, `version`).
#[cfg(test)]
fn normalized(question: &str) -> String {
    question
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_of_single_letters_are_no_words_of_the_question() {
        for (text, expect) in [
            (
                "Bietet SCS eine Datenbank an, z.B. PostgreSQL?",
                "Bietet SCS eine Datenbank an,   PostgreSQL?",
            ),
            ("z. B. Ceph", "  Ceph"),
            ("tools, e.g. terraform", "tools,   terraform"),
            ("Plan B. Then R9.", "Plan B. Then R9."),
            ("Was macht die OSBA e.V.?", "Was macht die OSBA e.V.?"),
        ] {
            assert_eq!(without_abbreviations(text), expect, "{text}");
        }
        assert!(!question_words("z.B. PostgreSQL")
            .iter()
            .any(|w| w == "b" || w == "z"));
    }

    #[test]
    fn a_tasks_words_of_what_to_make_and_how_are_told_from_what_it_is_about() {
        let words = "schreib einen kurzen slogan zu den zielen des forums für ein messebanner höchstens zehn wörter";
        let task = task_words(words.split(' '));
        for word in [
            "kurzen",
            "slogan",
            "messebanner",
            "banner",
            "höchstens",
            "wörter",
        ] {
            assert!(task.iter().any(|w| w == word), "{word}: {task:?}");
        }
        for word in ["schreib", "zielen", "forums", "zehn"] {
            assert!(!task.iter().any(|w| w == word), "{word}: {task:?}");
        }
        let task =
            task_words("write a short poem about the forum goals as a markdown table".split(' '));
        assert_eq!(task, ["short", "poem", "markdown", "table"]);
        // A compound of a form word: a bullet list is a form, not a topic.
        let task = task_words("mach eine stichpunktliste mit den stufen".split(' '));
        assert!(task.iter().any(|w| w == "stichpunktliste"), "{task:?}");
        assert!(task_words("zeig die partnerliste".split(' ')).is_empty());
    }

    #[test]
    fn asking_what_an_acronym_stands_for_leaves_only_the_acronym_to_look_for() {
        for (question, expect) in [
            ("what does SLURP stand for?", vec!["slurp"]),
            ("what's HSM short for", vec!["hsm"]),
            ("Wofür steht SLURP?", vec!["slurp"]),
            ("SLURP steht für?", vec!["slurp"]),
            ("was heißt CiaB?", vec!["ciab"]),
            // Not where "stand" or "steht" is what is asked about.
            ("is there a stand at the summit?", vec!["stand", "summit"]),
            (
                "Steht Wavecon auf der Liste?",
                vec!["steht", "wavecon", "liste"],
            ),
        ] {
            assert_eq!(question_words(question), expect, "{question}");
        }
    }

    fn hit(anchor: &str, score: f32, held: &[&str]) -> SearchHit {
        SearchHit {
            coverage: Coverage {
                held: held.iter().map(|w| w.to_string()).collect(),
                ..Coverage::default()
            },
            language: "en".into(),
            slug: "page".into(),
            anchor: anchor.into(),
            title: String::new(),
            heading: String::new(),
            path: Vec::new(),
            url: String::new(),
            score,
            snippet: String::new(),
            fragment: String::new(),
            highlights: Vec::new(),
        }
    }

    /// `hits` ranked by score, after [`prefer_fuller`], must come in the order `expect`.
    fn check(hits: Vec<SearchHit>, expect: &[&str]) {
        let mut hits = hits;
        prefer_fuller(&mut hits, &[]);
        let order: Vec<&str> = hits.iter().map(|h| h.anchor.as_str()).collect();
        assert_eq!(order, expect);
    }

    #[test]
    fn how_much_asks_for_an_amount_unless_it_asks_for_a_time() {
        let amount = |q: &str| question_hints(q).iter().any(|h| h == facts::AMOUNT);
        assert!(amount("how much does the ticket cost"));
        assert!(!amount("how much ram did the box have"));
        // A price is asked by a price word beside "how much", or by the noun itself.
        let price = |q: &str| question_hints(q).iter().any(|h| h == facts::PRICE);
        assert!(price("how much does the training cost"));
        assert!(price("was kostet ein ticket"));
        assert!(price("what s the price of an instance"));
        assert!(price("welche gebühr verlangt govstack"));
        assert!(price("what does the container monitoring cost per cluster"));
        assert!(price("what would we pay the forum per year"));
        assert!(price("was hat der minicomputer gekostet"));
        assert!(price("what does the osba charge for using the name"));
        assert!(!price("who is in charge of the standards"));
        assert!(!price("what does the body in charge of the standards want"));
        assert!(!price("was haben die zahlen in klammern zu bedeuten"));
        assert!(!price("was hat öffentliches geld mit open source zu tun"));
        assert!(!price("how much effort is it to get certified"));
        assert!(!price("what are the costs of vendor lock in"));
        assert!(!price("what is the cost of making a cluster compliant"));
        assert!(!price("how much is scs used in the public sector"));
        assert!(!amount("wie viel speicher hat der server"));
        assert!(amount("wie viel kostet das ticket"));
        assert!(!amount("how much time does the training take"));
        assert!(!amount("um wie viel uhr beginnt der vortrag"));
        assert!(question_hints("um wie viel uhr beginnt der vortrag")
            .iter()
            .any(|h| h == facts::DATE));
        assert!(!amount("how much longer will the funding run"));
        assert!(!amount("wie viel stunden dauert der workshop"));
    }

    #[test]
    fn when_asks_for_a_date_unless_it_joins_a_clause() {
        let date = |q: &str| question_hints(q).iter().any(|h| h == facts::DATE);
        assert!(date("when is the summit"));
        assert!(date("when did the forum start"));
        assert!(date("since when is scs funded"));
        assert!(date("seit wann gibt es das forum"));
        assert!(date("how many months passed between r5 and r6"));
        assert!(date("wie viele jahre liegen zwischen den beiden summits"));
        assert!(!date("how many partners are there"));
        assert!(!date("what happens to my ip address when i visit the site"));
        assert!(!date(
            "how do clusters stay available when we upgrade kubernetes"
        ));
        assert!(!date("what did the ceo say when they launched their cloud"));
    }

    #[test]
    fn the_present_moment_and_private_life_are_asked_only_as_such() {
        let asks = |q: &str, marker: &str| question_hints(q).iter().any(|h| h == marker);
        assert!(asks("what time is it in nairobi", facts::NOW));
        assert!(asks("wie spät ist es", facts::NOW));
        assert!(!asks("how much time is it going to take", facts::NOW));
        assert!(!asks("what time is it going to start", facts::NOW));
        assert!(!asks(
            "what is the current time slot of the summit talk",
            facts::NOW
        ));
        assert!(!asks("what time is it starting", facts::NOW));
        assert!(!asks(
            "what is the current time schedule of the summit",
            facts::NOW
        ));
        assert!(asks("what s the time in berlin", facts::NOW));
        assert!(asks("wie viel uhr ist es in berlin", facts::NOW));
        assert!(asks("how much does kurt earn", facts::PRIVATE));
        assert!(asks(
            "wie viel verdient ein geschäftsführer",
            facts::PRIVATE
        ));
        assert!(asks("was verdient die projektleiterin", facts::PRIVATE));
        assert!(!asks(
            "what does it take to earn the scs certificate",
            facts::PRIVATE
        ));
        assert!(!asks(
            "was verdient besondere erwähnung in r9",
            facts::PRIVATE
        ));
        assert!(asks("is the ceo married", facts::PRIVATE));
        assert!(asks(
            "welche hobbys hat die projektleiterin",
            facts::PRIVATE
        ));
        assert!(asks("need the ceo s personal mail address", facts::PRIVATE));
        assert!(asks("in welchem bezirk wohnt der ceo", facts::PRIVATE));
        assert!(!asks("how do i earn the certificate", facts::PRIVATE));
        assert!(asks("where did lisa study", facts::PRIVATE));
        assert!(asks("who is quoted on the network page", facts::QUOTE));
        assert!(asks("von wem stammt das zitat", facts::QUOTE));
        assert!(!asks("can i get a quote for a managed cloud", facts::QUOTE));
        assert!(!asks("how do i request a price quote", facts::QUOTE));
        assert!(!asks("please don t quote me on this", facts::QUOTE));
        assert!(asks("adresse der osba", facts::PLACE));
        assert!(asks("what s the postal address of the forum", facts::PLACE));
        assert!(!asks("e mail adresse der osba", facts::PLACE));
        assert!(!asks("what s the email address of the forum", facts::PLACE));
        assert!(!asks("who should i address my request to", facts::PLACE));
        assert!(!asks(
            "how does scs address the needs of the public sector",
            facts::PLACE
        ));
        assert!(asks("which university did christian go to", facts::PRIVATE));
        assert!(asks("wo hat die projektleiterin studiert", facts::PRIVATE));
        assert!(!asks(
            "what did participants in kenya study during the training week",
            facts::PRIVATE
        ));
        assert!(!asks(
            "which parts of the training program are self study",
            facts::PRIVATE
        ));
        assert!(!asks(
            "is there a case study about plusserver",
            facts::PRIVATE
        ));
        assert!(!asks("which universities use scs", facts::PRIVATE));
        assert!(!asks(
            "wer hat sich um scs verdient gemacht",
            facts::PRIVATE
        ));
    }

    #[test]
    fn the_size_of_an_organisation_and_the_bots_opinion_are_asked_only_as_such() {
        let asks = |q: &str, marker: &str| question_hints(q).iter().any(|h| h == marker);
        assert!(asks("how many employees does syseleven have", facts::SIZE));
        assert!(asks("stackxperts headcount anyone know", facts::SIZE));
        assert!(asks(
            "wie viele kunden hat scaleup technologies",
            facts::SIZE
        ));
        assert!(asks("wie viele leute beschäftigt secunet", facts::SIZE));
        assert!(asks("how many people work at cloud heat", facts::SIZE));
        assert!(asks("wie viele leute arbeiten bei dnation", facts::SIZE));
        assert!(!asks("how many people work on scs", facts::SIZE));
        assert!(asks("welchen umsatz hat wavecon gemacht", facts::PRICE));
        assert!(asks("what is the turnover of yorizon", facts::PRICE));
        assert!(asks(
            "rabatt für forumsmitglieder z b auf events",
            facts::PRICE
        ));
        assert!(asks(
            "do forum members get a discount on training",
            facts::PRICE
        ));
        assert!(asks("how long does a certification take", facts::DURATION));
        assert!(asks("wie lange läuft eine mitgliedschaft", facts::DURATION));
        assert!(!asks("how many months between r8 and r9", facts::DURATION));
        assert!(!asks(
            "how long ago was release 5 published",
            facts::DURATION
        ));
        assert!(!asks("how many partners are there", facts::DURATION));
        assert!(!asks(
            "how long is the list of founding partners",
            facts::DURATION
        ));
        assert!(!asks("wie lang ist die partnerliste", facts::DURATION));
        assert!(!asks("how many years old is the osba", facts::DURATION));
        assert!(!asks("how fast is the cloud in a box", facts::DURATION));
        assert!(!asks("who are plusserver s customers", facts::SIZE));
        assert!(!asks(
            "how many providers run scs in production",
            facts::SIZE
        ));
        assert!(!asks(
            "does the staff of the forum answer mails",
            facts::SIZE
        ));
        assert!(asks(
            "openinfra or gaia x which one matters more in your opinion",
            facts::OPINION
        ));
        assert!(asks(
            "welchen der drei grundpfeiler hältst du persönlich für den wichtigsten",
            facts::OPINION
        ));
        assert!(!asks(
            "what is the forum s opinion on gaia x",
            facts::OPINION
        ));
        assert!(!asks(
            "could you personally double check the e mail address for joining",
            facts::OPINION
        ));
        assert!(!asks(
            "hältst du eine liste der gründungsmitglieder bereit",
            facts::OPINION
        ));
        assert!(!asks(
            "hältst du für mich die termine der hackathons bereit",
            facts::OPINION
        ));
        assert!(!asks(
            "findest du für mich heraus wann der summit stattfindet",
            facts::OPINION
        ));
        assert!(asks("was hältst du von gaia x", facts::OPINION));
    }

    #[test]
    fn release_numbers_are_numbers_beside_release_however_written() {
        let of = |text: &str| title_release_numbers(text);
        assert_eq!(of("Sovereign Cloud Stack R9 released"), [9]);
        assert_eq!(of("SCS Release 6 published"), [6]);
        assert_eq!(
            of("Sovereign Cloud Stack Release 9 (R9) veröffentlicht"),
            [9]
        );
        assert_eq!(of("what changed between the eighth release and R9"), [8, 9]);
        assert_eq!(of("neuntes Release"), [9]);
        assert!(of("SCS Summit 2025").is_empty());
        assert!(of("Hackathon in Leipzig: 2 days, 38 people").is_empty());
        assert!(of("The project publishes two releases a year").is_empty());
        assert_eq!(of("What came with releases 8 and 9?"), [8]);
        assert_eq!(of("Hamburg, 2024-09-01: Release 4 is out"), [4]);
        assert_eq!(of("What did Release 0 contain?"), [0]);
    }

    #[test]
    fn a_version_of_the_product_names_a_release_and_a_version_of_another_thing_none() {
        let of = |text: &str| version_numbers(question_words(text).iter().map(String::as_str));
        assert_eq!(of("Wann wurde Version 9 veröffentlicht?"), [9]);
        assert_eq!(
            of("v9: can vms with gpu passthrough be live migrated now?"),
            [9]
        );
        assert_eq!(of("what's new in SCS version 8?"), [8]);
        assert!(of("yaook compliance iaas v4").is_empty());
        assert!(of("Wir nutzen noch Kubernetes-as-a-Service v1").is_empty());
        assert!(of("which version of kubernetes?").is_empty());
        assert!(of("what's in v09?").is_empty());
    }

    #[test]
    fn hits_on_another_release_go_behind_the_release_asked_for() {
        let titled = |anchor: &str, score: f32, title: &str| SearchHit {
            title: title.into(),
            ..hit(anchor, score, &[])
        };
        let mut hits = vec![
            titled("r7", 10.0, "Sovereign Cloud Stack R7 released"),
            titled("events", 9.0, "Events"),
            titled("r9", 8.0, "Sovereign Cloud Stack R9 released"),
        ];
        prefer_named_release(&mut hits, &[9]);
        let order: Vec<&str> = hits.iter().map(|h| h.anchor.as_str()).collect();
        assert_eq!(order, ["events", "r9", "r7"]);
        // No page of the release asked for among the hits: the order stays.
        let mut hits = vec![
            titled("r7", 10.0, "Sovereign Cloud Stack R7 released"),
            titled("r8", 9.0, "Sovereign Cloud Stack R8 released"),
        ];
        prefer_named_release(&mut hits, &[10]);
        let order: Vec<&str> = hits.iter().map(|h| h.anchor.as_str()).collect();
        assert_eq!(order, ["r7", "r8"]);
    }

    #[test]
    fn a_close_hit_that_holds_more_of_the_question_comes_first() {
        check(
            vec![
                hit("card", 10.0, &["lisa"]),
                hit("other", 9.5, &["seifert"]),
                hit("programme", 9.0, &["lisa", "meindl"]),
            ],
            &["programme", "card", "other"],
        );
    }

    #[test]
    fn a_hit_holding_other_words_than_the_best_one_stays_behind() {
        check(
            vec![
                hit("card", 10.0, &["lisa", "phone"]),
                hit("programme", 9.5, &["lisa", "meindl"]),
            ],
            &["card", "programme"],
        );
    }

    #[test]
    fn a_fuller_hit_far_behind_stays_behind() {
        check(
            vec![
                hit("card", 10.0, &["lisa"]),
                hit("programme", 5.0, &["lisa", "meindl"]),
            ],
            &["card", "programme"],
        );
    }

    #[test]
    fn a_translation_holding_more_words_but_less_of_the_question_stays_behind() {
        let mut translation = hit("translation", 9.5, &["lisa", "meindl"]);
        translation.language = "de".into();
        let mut card = hit("card", 10.0, &["lisa"]);
        card.coverage.share = 0.8;
        translation.coverage.share = 0.6;
        check(vec![card, translation], &["card", "translation"]);
    }

    #[test]
    fn a_word_held_twice_is_no_more_of_the_question() {
        check(
            vec![
                hit("card", 10.0, &["cloud", "anbieter"]),
                hit("other", 9.5, &["cloud", "anbieter", "cloud"]),
            ],
            &["card", "other"],
        );
    }

    #[test]
    fn a_fuller_hit_on_another_release_than_the_one_asked_for_stays_behind() {
        let titled = |anchor: &str, score: f32, held: &[&str], title: &str| SearchHit {
            title: title.into(),
            ..hit(anchor, score, held)
        };
        let hits = || {
            vec![
                titled("r9", 10.0, &["ceph"], "Sovereign Cloud Stack R9 released"),
                titled(
                    "r7",
                    9.5,
                    &["ceph", "host"],
                    "Sovereign Cloud Stack R7 released",
                ),
            ]
        };
        let mut asked = hits();
        prefer_fuller(&mut asked, &[9]);
        assert_eq!(asked[0].anchor, "r9");
        let mut unasked = hits();
        prefer_fuller(&mut unasked, &[]);
        assert_eq!(unasked[0].anchor, "r7");
    }

    #[test]
    fn a_best_hit_holding_only_common_words_keeps_its_place() {
        check(
            vec![hit("when", 10.0, &[]), hit("berlin", 9.9, &["berlin"])],
            &["when", "berlin"],
        );
    }
}
