//! What kind of fact a section states: an amount of money, a date, an address, an age, a phone
//! number, a comparison.
//!
//! "How much funding did the project get?" is answered by the section that states the figure
//! ("€14.9 million"), not by the one whose heading says "Funding"; "when did the forum start?"
//! by the one that names a month or a year; "where is the summit?" by the one with the venue's
//! address. At index time each section that states such a fact gets a marker word in its
//! heading field ([`AMOUNT`], [`DATE`], [`PLACE`]). A question that asks "how much", "when" or
//! "where" has the marker as a hint ([`super::question_hints`]), which lifts those sections a
//! little ([`super::search::W_HINT`], in units of the marker's IDF: a date, stated in half of an
//! announcement's sections, lifts less than an amount, stated in a few). An amount or a date
//! is also part of what the question means ([`is_answer_type`]): a page that states none
//! answers it less surely. A kind asked for that no section of the content states at all
//! ("how old is <a person on the contact page>" — no page states an age; "what does joining
//! cost" of pages that name no amount) cannot be answered, whatever section holds the
//! question's names (`search::Coverage::fact_missing`). A fact about a person (a phone number,
//! an age) is held to the page: "what's <someone>'s phone number" is not answered by a page
//! that names them but states no number, and so is a comparison ("is A cheaper than B?" of the
//! partner list that names both: [`is_held_to_page`]). The present moment ("what time is
//! it in Nairobi?") is a kind of fact no page states ([`NOW`]), and so is someone's private
//! life ("what does <someone> earn?", where they studied: [`PRIVATE`]), and the bot's own
//! opinion ("which is better, in your opinion?", [`OPINION`]). The size of an organisation
//! ("how many employees does <a partner> have?", [`SIZE`]) is held to the page. A question
//! for the next of something ("when is the next hackathon?", [`asks_next`]) asks for a time
//! to come: only a page that states a year from the present one on can answer it
//! ([`latest_year`]; the answer layer, which is told the present year, holds it to that).
//!
//! Hand-written rather than with a date or money parsing crate: only *whether* a section states
//! one is needed, in English and German, and the words that say so fit in a few short lists.
//!
//! Invariant: the markers are made-up words no page or question has; changing what is
//! recognised changes the index and needs a bump of [`super::SCHEMA_VERSION`].

/// Marker of a section that states an amount of money ("€2,400", "310.000 Euro", "$5M").
pub const AMOUNT: &str = "zzamount";
/// Marker of a section that states a price: an amount of money, or nothing ("free of charge",
/// "kostenlos", "free ticket"). A question for the price of something ("how much does … cost?",
/// "was kostet …", "the price of …") is held to the section: a section that names the thing but
/// states no price can't say, even on a page that prices something else (the summit's free
/// ticket says nothing of what its gold sponsors paid: [`is_held_to_section`]). Apart from
/// [`AMOUNT`]: "free" lifts no section for "how much funding".
pub const PRICE: &str = "zzprice";

/// Marker of a section that states a date: a month, a year, a weekday, a day ("20.11.2025").
pub const DATE: &str = "zzdate";

/// Marker of a section that states a phone number ("+49 30 2045 1180", "Tel. 030 123456").
pub const PHONE: &str = "zzphone";

/// Marker of a section that states someone's age ("42 years old", "35 Jahre alt").
pub const AGE: &str = "zzage";

/// Marker of a section that compares two things ("faster than", "günstiger als"): only a page
/// that compares can say whether one thing is better than another.
pub const COMPARISON: &str = "zzcompare";

/// What a question asking for the present moment ("what time is it?") asks for: no section
/// states it, whatever times of day it names, so no section is given this marker.
pub const NOW: &str = "zznow";

/// What a question about someone's private life asks for (a salary, a marriage, a home
/// address): a project's pages don't state it, so no section is given this marker.
pub const PRIVATE: &str = "zzprivate";

/// What a question for the bot's own opinion asks for ("which is the best, in your opinion?",
/// "welchen hältst du persönlich für den wichtigsten?"): the pages state their authors' views,
/// not the bot's, so no section is given this marker.
pub const OPINION: &str = "zzopinion";

/// Marker of a section that states the size of an organisation: a number of employees or
/// customers ("200 employees", "über 70 Mitarbeitende"). Held to the page: "how many employees
/// does syseleven have?" is not answered by the partner list that names the company but not
/// its staff. (What an organisation earns is a sum of money, asked as a price is: [`PRICE`].)
pub const SIZE: &str = "zzsize";

/// Marker of a section that quotes someone: a passage of [`QUOTE_WORDS`] words or more in
/// quotation marks ("„Durch das Engagement …“, erklärt …"). A question about a quote ("who is
/// quoted on the page?", "von wem stammt das Zitat?") is lifted towards it: pages rarely say
/// "quote" of their own quotations.
pub const QUOTE: &str = "zzquote";

/// Fewest words of a passage in quotation marks that is a quotation, not a term in quotes
/// ("the so-called „Cloud-Airbus“").
const QUOTE_WORDS: usize = 6;

/// Whether `text` quotes someone ([`QUOTE`]): between two quotation marks stand at least
/// [`QUOTE_WORDS`] words.
fn quotes(text: &str) -> bool {
    text.split(['"', '“', '”', '„', '«', '»'])
        .skip(1)
        .step_by(2)
        .any(|quoted| quoted.split_whitespace().count() >= QUOTE_WORDS)
}

/// Marker of a section that states an address ("10179 Berlin", "Palisadenstraße 48").
pub const PLACE: &str = "zzplace";

/// What a question for where an organisation sits asks for ("where is syself headquartered?",
/// "wo hat Wavecon seinen Firmensitz?"): an address, given to the same sections as [`PLACE`].
/// Unlike a plain "where" (a document, a link), it is held to the page: the partner list that
/// names the company states no address.
pub const SEAT: &str = "zzseat";

/// Marker of a section that says how long something lasts or lasted: a date (how long since:
/// "how long has the forum existed?"), or a span of time as
/// a count of one is stated ("for a week", "einwöchige", an agenda's clock times: see
/// `count::states_span`; "daily", "jährlich" too). Held to the section, as a price is: "how
/// long does a certification take?" is not answered by the forum's goals, which name
/// certifications and no time ([`is_held_to_section`]). Unlike other kinds it lifts no section
/// and adds nothing to what a question means ([`only_holds`]): any date states one. Not asked
/// of a length ("how long is the partner list?") nor of the time between two things ("how
/// long ago …", "how many months between …"), which their dates answer.
pub const DURATION: &str = "zzduration";

/// Whether `word` is a marker that says what kind of fact the question asks for, part of what
/// it means ([`AMOUNT`], [`DATE`]). An address only lifts: "where" also asks where to find a
/// document or a link.
pub fn is_answer_type(word: &str) -> bool {
    word == AMOUNT
        || word == PRICE
        || word == DATE
        || word == AGE
        || word == PHONE
        || word == NOW
        || word == PRIVATE
        || word == OPINION
        || word == SIZE
        || word == COMPARISON
        || word == SEAT
        || word == QUOTE
        || word == DURATION
}

/// Whether `word` is a marker that only holds an answer to stating its kind of fact, and adds
/// nothing to what the question means where a section states it: a [`DURATION`] is stated by
/// any date or span of time, so a section's date says nothing of "how long does the forum
/// keep my data?".
pub fn only_holds(word: &str) -> bool {
    word == DURATION
}

/// Whether `stem` (a marker as stemmed for searching: `zzphon`) is the marker of a fact held
/// to the page: a fact about a person (a phone number, an age), or a comparison. Asked of a
/// page that states none, the page cannot answer it, however well it names the person or the
/// things compared ("is plusserver cheaper than syseleven?" of the partner list). A price is
/// held closer, to the section ([`is_held_to_section`]), which implies its page.
pub fn is_held_to_page(stem: &str) -> bool {
    stem.len() >= 4
        && (PHONE.starts_with(stem)
            || AGE.starts_with(stem)
            || COMPARISON.starts_with(stem)
            || SEAT.starts_with(stem)
            || SIZE.starts_with(stem))
}

/// Whether `stem` (a marker as stemmed for searching) is the marker of a fact held to the
/// section, not only to its page: a price ([`PRICE`]), a duration ([`DURATION`]).
pub fn is_held_to_section(stem: &str) -> bool {
    stem.len() >= 4 && (PRICE.starts_with(stem) || DURATION.starts_with(stem))
}

/// Comparatives that ask which of two things is better in some way ("more"/"mehr" alone
/// compares amounts: "more than 20 people"). German ones are also found inflected
/// ("günstigere", "besseren") and spelled without umlauts or ß ("guenstiger", "grösser").
const COMPARATIVES: &[&str] = &[
    "better",
    "worse",
    "cheaper",
    "pricier",
    "faster",
    "slower",
    "safer",
    "easier",
    "harder",
    "bigger",
    "smaller",
    "stronger",
    "weaker",
    "nicer",
    "besser",
    "schlechter",
    "günstiger",
    "guenstiger",
    "billiger",
    "teurer",
    "schneller",
    "langsamer",
    "sicherer",
    "einfacher",
    "leichter",
    "größer",
    "grösser",
    "groesser",
    "kleiner",
    "stärker",
    "staerker",
    "schwächer",
    "schwaecher",
    "stabiler",
    "zuverlässiger",
    "zuverlaessiger",
    "beliebter",
    "effizienter",
    "souveräner",
    "souveraener",
];

/// Words that set what follows against a comparative a few words before them ("better than",
/// "besser geeignet als").
const THAN: &[&str] = &["than", "als"];

/// How many words after a comparative "than" may come ("smaller long-time players more than
/// them", "cheaper to run in production than"): "than" compares wherever it stands in the
/// sentence.
const THAN_WITHIN: usize = 6;

/// How many words after a comparative "als" may come ("besser geeignet als"): "als" also
/// says what something is ("besser für mich als Einsteiger").
const ALS_WITHIN: usize = 2;

/// What [`markers`] puts between sentences, so that no window reaches into the next one
/// ("Es wird immer besser. Als Mitglied …").
const SENTENCE_END: &str = ".";

/// Words that put two things side by side, before or after a comparative ("which is cheaper,
/// A or B", "ist A oder B besser").
const EITHER: &[&str] = &["or", "oder", "vs", "versus", "compared"];

/// Words after which a German "-er" form describes a noun and compares nothing ("ein kleiner
/// Anbieter", "als souveräner Cloud Stack").
const ATTRIBUTIVE_AFTER: &[&str] = &[
    "ein", "kein", "mein", "dein", "sein", "unser", "euer", "als",
];

/// How many words from a comparative "or"/"oder" may stand, before or after it.
const EITHER_WITHIN: usize = 4;

/// Whether the word at `i` of `words` (lower case, in order) is a comparative: one of
/// [`COMPARATIVES`], not after a word that makes it an adjective ([`ATTRIBUTIVE_AFTER`]).
fn is_comparative(words: &[&str], i: usize) -> bool {
    let word = words[i];
    let listed = COMPARATIVES.contains(&word)
        || COMPARATIVES.contains(&word.trim_end_matches(['e', 'n', 's']));
    listed && !(i > 0 && ATTRIBUTIVE_AFTER.contains(&words[i - 1]))
}

/// Whether `words` (lower case, in order) compare two things: a comparative with "than" at
/// most [`THAN_WITHIN`] words after it or "als" at most [`ALS_WITHIN`], in the same sentence,
/// or "more"/"mehr" and an adjective right before "than"/"als". "mehr ist als" says what
/// something is, no comparison of two things; "als kleiner Anbieter" has its "als" before the
/// adjective.
fn compares(words: &[&str]) -> bool {
    let than_after = |i: usize| {
        let within = |word: &str, n: usize| {
            words
                .iter()
                .skip(i + 1)
                .take_while(|w| **w != SENTENCE_END)
                .take(n)
                .any(|w| *w == word)
        };
        within("than", THAN_WITHIN) || within("als", ALS_WITHIN)
    };
    let more_than = |i: usize| {
        i > 0
            && matches!(words[i - 1], "more" | "less" | "mehr" | "weniger")
            && !matches!(words[i], "is" | "are" | "ist" | "sind" | "was" | "war")
            && words.get(i + 1).is_some_and(|w| THAN.contains(w))
    };
    (0..words.len()).any(|i| is_comparative(words, i) && than_after(i) || more_than(i))
}

/// Whether a question (normalised: lower case, words apart) asks to compare two things: "is
/// plusserver better than syseleven", "which is cheaper syseleven or plusserver", "ist a
/// günstiger als b", "ist a besser geeignet als b": [`compares`], or a comparative with
/// "or"/"oder"/"vs" at most [`EITHER_WITHIN`] words before or after it.
pub fn asks_comparison(normalized: &str) -> bool {
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    let either_near = |i: usize| {
        let from = i.saturating_sub(EITHER_WITHIN);
        let to = (i + EITHER_WITHIN + 1).min(words.len());
        words[from..to].iter().any(|w| EITHER.contains(w))
    };
    compares(&words) || (0..words.len()).any(|i| is_comparative(&words, i) && either_near(i))
}

/// Words of the size of an organisation a number stands beside ([`SIZE`]), as written.
const SIZE_WORDS: &[&str] = &[
    "employees",
    "employee",
    "staff",
    "customers",
    "clients",
    "mitarbeiter",
    "mitarbeitern",
    "mitarbeitende",
    "mitarbeitenden",
    "beschäftigte",
    "beschäftigten",
    "angestellte",
    "angestellten",
    "kunden",
    "kundinnen",
];

/// How many words apart a number and a word of [`SIZE_WORDS`] may stand ("200 engagierte
/// Mitarbeitende", "more than 30 of our customers").
const SIZE_WITHIN: isize = 3;

const CURRENCY_WORDS: &[&str] = &["eur", "euro", "euros", "usd", "dollar", "dollars"];
const STREETS: &[&str] = &[
    "straße", "strasse", "str", "weg", "allee", "platz", "street", "road", "avenue", "markt",
];
/// Words that state a price of nothing.
const FREE: &[&str] = &[
    "kostenlos",
    "kostenlose",
    "kostenlosen",
    "kostenloser",
    "kostenloses",
    "kostenfrei",
    "kostenfreie",
    "kostenfreien",
    "kostenfreier",
    "kostenfreies",
    "gratis",
];
const SCALES: &[&str] = &[
    "thousand",
    "million",
    "millions",
    "billion",
    "tausend",
    "mio",
    "millionen",
    "mrd",
    "milliarde",
    "milliarden",
];
const CURRENCY_SIGNS: &[char] = &['€', '$', '£'];
const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "okt",
    "nov",
    "dec",
    "dez",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mondays",
    "tuesdays",
    "wednesdays",
    "thursdays",
    "fridays",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "montags",
    "dienstags",
    "mittwochs",
    "donnerstags",
    "freitags",
];

/// The markers of what `text` states, each at most once, space-separated ("" for none).
pub fn markers(text: &str) -> String {
    let (mut amount, mut date, mut place, mut age, mut phone) = (false, false, false, false, false);
    let (mut price, mut size) = (false, false);
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '*' | '[' | ']' | '/'))
        .filter(|w| !w.is_empty())
        .collect();
    let lowered: Vec<String> = words
        .iter()
        .flat_map(|w| {
            let word = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let ends = w
                .trim_end_matches(['"', '\'', '*', '_'])
                .ends_with(['.', '!', '?', ';', ':']);
            std::iter::once(word).chain(ends.then(|| SENTENCE_END.to_string()))
        })
        .collect();
    let comparison = compares(&lowered.iter().map(String::as_str).collect::<Vec<_>>());
    for (i, raw) in words.iter().enumerate() {
        let word = raw.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '!' | '?' | '"' | '.'));
        let lower = word.to_lowercase();
        let near = |offset: isize| i.checked_add_signed(offset).and_then(|j| words.get(j));
        let number_near = |offset: isize| {
            near(offset).is_some_and(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .starts_with(|c: char| c.is_ascii_digit())
            })
        };
        if !amount {
            let signed = word.chars().any(|c| CURRENCY_SIGNS.contains(&c))
                && word.chars().any(|c| c.is_ascii_digit());
            // "310.000 Euro", "13.2 million Euros", "2 Mio. EUR".
            let scaled = near(-1)
                .is_some_and(|w| SCALES.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
                && number_near(-2);
            // "EUR 126 billion", "USD 5 million": the currency before the number.
            let named = CURRENCY_WORDS.contains(&lower.as_str())
                && (number_near(-1) || scaled || number_near(1));
            // "kostenlos", "free of charge", "for free", "free ticket", "tickets are free.":
            // the price is nothing ("free software", "is free to use" say nothing of one).
            let lower_near = |offset: isize| near(offset).map(|w| w.to_lowercase());
            let clause_end = near(1).is_none()
                || raw
                    .trim_end_matches(['"', '\'', '*', '_'])
                    .ends_with(['.', ',', '!', ';']);
            let free_of = lower_near(1).is_some_and(|w| {
                w.starts_with("of") && lower_near(2).is_some_and(|c| c.starts_with("charge"))
                    || w.starts_with("ticket")
                    || w.starts_with("admission")
                    || w.starts_with("entry")
            });
            let free_after = lower_near(-1)
                .is_some_and(|w| w == "for" || (matches!(w.as_str(), "are" | "is") && clause_end));
            let free = FREE.contains(&lower.as_str()) || lower == "free" && (free_of || free_after);
            amount = signed || named;
            price = price || free;
        }
        if !date {
            let month = MONTHS.contains(&lower.trim_end_matches('.'))
                && (number_near(-1) || number_near(1) || lower.len() > 4);
            date = month || WEEKDAYS.contains(&lower.as_str()) || is_year(word) || is_day(word);
        }
        if !age {
            // "42 years old", "35 Jahre alt", "aged 42".
            let lower_near = |offset: isize| near(offset).map(|w| w.to_lowercase());
            let years = matches!(lower.as_str(), "years" | "year" | "jahre" | "jahren");
            let old = lower_near(1).is_some_and(|w| w.starts_with("old") || w.starts_with("alt"));
            age = years && old && number_near(-1)
                || lower == "aged" && number_near(1)
                || lower.ends_with("-year-old") && word.starts_with(|c: char| c.is_ascii_digit())
                || lower.ends_with("jährige") && word.starts_with(|c: char| c.is_ascii_digit());
        }
        if !phone {
            // "+49-30-206539-205", "+49 151 70594623", "Telefon: 030 2045 1180".
            let digits = |w: &str| w.chars().filter(char::is_ascii_digit).count();
            let international =
                word.starts_with('+') && word[1..].starts_with(|c: char| c.is_ascii_digit());
            let named = matches!(
                lower.trim_end_matches('.'),
                "tel" | "telefon" | "phone" | "telephone" | "fon" | "mobil" | "mobile"
            ) && near(1).is_some_and(|w| {
                digits(w) >= 3
                    && w.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '(')
            });
            phone = international && digits(word) >= 2 || named;
        }
        if !size && SIZE_WORDS.contains(&lower.as_str()) {
            size = (1..=SIZE_WITHIN).any(|d| number_near(-d) || number_near(d));
        }
        if !place {
            // "10179 Berlin", "Palisadenstraße 48", "12 Main Street".
            let postcode = (4..=5).contains(&word.len())
                && word.bytes().all(|b| b.is_ascii_digit())
                && !is_year(word)
                && near(1).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
            let street = STREETS.iter().any(|s| lower.ends_with(s)) && number_near(1)
                || STREETS.contains(&lower.as_str()) && number_near(-2);
            place = postcode || street;
        }
    }
    [
        (amount, AMOUNT),
        (amount || price, PRICE),
        (date, DATE),
        (date || super::count::states_span(text), DURATION),
        (place, PLACE),
        (place, SEAT),
        (age, AGE),
        (phone, PHONE),
        (comparison, COMPARISON),
        (size, SIZE),
        (quotes(text), QUOTE),
    ]
    .iter()
    .filter(|(stated, _)| *stated)
    .map(|(_, marker)| *marker)
    .collect::<Vec<_>>()
    .join(" ")
}

/// Words that ask for the next of something, a time still to come: "the *next* hackathon",
/// "*upcoming* events", "der *nächste* Termin".
const NEXT: &[&str] = &[
    "next",
    "upcoming",
    "nächste",
    "nächsten",
    "nächster",
    "nächstes",
    "nächstem",
    "naechste",
    "naechsten",
    "naechster",
    "naechstes",
    "kommende",
    "kommenden",
    "kommender",
    "kommendes",
    "bevorstehende",
    "bevorstehenden",
];

/// Words that ask for a time ("*when* is …", "*wann* …", "the *date* of the next …",
/// "nächster *Termin*"), counted only a few words before or after a word of [`NEXT`]: "good
/// day, how do I join and what comes next" asks for no time.
const WHEN: &[&str] = &["when", "wann", "date", "day", "datum", "termin", "termine"];

/// How many words apart a word of [`WHEN`] and one of [`NEXT`] may stand.
const WHEN_WITHIN: usize = 5;

/// Times to come named by themselves: "*next year*", "*nächstes Jahr*".
const NEXT_TIMES: &[&str] = &["year", "month", "week", "jahr", "monat", "woche"];

/// Words that put a question in the past: "when *did* the next release after R7 come out?"
/// asks about one that came.
const PAST: &[&str] = &[
    "did", "was", "were", "had", "war", "waren", "kam", "kamen", "wurde", "wurden",
];

/// Whether a question (normalised) is put in the past (a word of [`PAST`]) or asks since when
/// ("seit wann machen sie mit?").
pub fn asks_of_the_past(normalized: &str) -> bool {
    normalized.split(' ').any(|w| PAST.contains(&w))
        || normalized.contains("since when")
        || normalized.contains("seit wann")
}

/// Whether a question (normalised: lower case, words apart) asks when the next of something
/// is, a time still to come: "when is the next hackathon?", "wann ist der nächste Summit?",
/// "is there a summit next year?". Pages dated before the present can't say: the answer layer
/// holds such a question to pages that state a year from the present one on. "What's next
/// for SCS?", "the next steps when I apply" and "over the next years" ask for plans or steps,
/// which pages state; "how do I stay up to date on the next releases" asks for no date.
pub fn asks_next(normalized: &str) -> bool {
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    if words.iter().any(|w| PAST.contains(w)) {
        return false;
    }
    let next = |i: usize| NEXT.contains(&words[i]);
    let when_near = |i: usize| {
        let from = i.saturating_sub(WHEN_WITHIN);
        let to = (i + WHEN_WITHIN + 1).min(words.len());
        (from..to).any(|j| {
            WHEN.contains(&words[j]) && !(j > 0 && matches!(words[j - 1], "to" | "good" | "guten"))
        })
    };
    let not_steps = |i: usize| {
        words
            .get(i + 1)
            .is_none_or(|w| !matches!(*w, "steps" | "step" | "schritte" | "schritt"))
    };
    (0..words.len()).any(|i| {
        next(i)
            && not_steps(i)
            && (when_near(i) || words.get(i + 1).is_some_and(|w| NEXT_TIMES.contains(w)))
    })
}

/// Words that put a question asking "when is …" in a time to come: "when is scs3 *supposed*
/// to come?", "when is R10 *planned*?". Not "when is the summit?": a page states when it is
/// or was.
const PLANNED: &[&str] = &[
    "supposed", "planned", "planning", "expected", "gonna", "due",
];

/// Words after "when" that start a clause, not a question: "when *I* visit the site, will my
/// address be stored?" asks whether, not when; "what happens when *we* upgrade?" asks for no
/// date (`super::question_hints`).
pub const CLAUSE: &[&str] = &[
    "i", "you", "we", "they", "he", "she", "it", "my", "our", "your", "their", "one", "someone",
    "somebody", "people", "ich", "du", "wir", "ihr", "man", "er", "es",
];

/// The words a German question "wann wird …" ends with when it asks for a time to come ("wann
/// wird es eine neue Version *geben*?", "wann wird die Zertifizierung *stabil*?"). Any other
/// ending is most often a passive of the present or of a rule ("wann wird SCS gefördert?",
/// "wann wird die Zertifizierung vom Forum übernommen?"), which pages state.
const WIRD_TO_COME: &[&str] = &[
    "sein",
    "werden",
    "geben",
    "kommen",
    "erscheinen",
    "starten",
    "stattfinden",
    "beginnen",
    "stabil",
    "fertig",
    "verfügbar",
    "live",
    "final",
];

/// How many words after "when is" a word of [`PLANNED`] may stand.
const PLANNED_WITHIN: usize = 8;

/// Whether a question (normalised) asks when something will be ("when will the compliance
/// monitor leave test operation?", "when is scs3 supposed to come?", "wann kommt die Central
/// API raus?", "Ab wann ist Kamaji kein Technical Preview mehr?"). Only a section that states
/// a date can say: the answer layer holds it to one. Not a question in the past ("bis wann
/// wurde …"), of the present ("when is the summit?", "ab wann sind SSD-Flavors Pflicht?", "wann
/// kommt die Mittagspause?", "wann soll ich da sein?") nor a clause ("when I visit the site,
/// will …").
pub fn asks_when_will(normalized: &str) -> bool {
    if !(normalized.contains("when") || normalized.contains("wann")) {
        return false;
    }
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    if words.iter().any(|w| PAST.contains(w)) {
        return false;
    }
    let Some(when) = words.iter().position(|w| matches!(*w, "when" | "wann")) else {
        return false;
    };
    let rest = &words[when + 1..];
    let Some(&next) = rest.first() else {
        return false;
    };
    if CLAUSE.contains(&next) {
        return false;
    }
    let near = &rest[..rest.len().min(PLANNED_WITHIN)];
    match next {
        "will" | "ll" => true,
        // "when are we supposed to register?" asks what to do.
        "is" | "s" | "are" if rest.get(1).is_some_and(|w| CLAUSE.contains(w)) => false,
        "is" | "s" | "are" => {
            near.iter().any(|w| PLANNED.contains(w))
                || near.windows(2).any(|w| w == ["going", "to"])
        }
        "kommt" | "kommen" => rest.iter().any(|w| matches!(*w, "raus" | "heraus")),
        "soll" | "sollen" => rest.get(1).is_some_and(|w| !CLAUSE.contains(w)),
        "wird" | "werden" => rest.last().is_some_and(|w| WIRD_TO_COME.contains(w)),
        // "Ab wann ist Kamaji kein Technical Preview mehr?"
        "ist" | "sind" => when > 0 && words[when - 1] == "ab" && rest.contains(&"mehr"),
        _ => false,
    }
}

/// Phrases that ask when something was, is or will be, each a question of its own ("since when
/// is ganten chairman?", "in welchem Jahr wurde die OSBA gegründet?"). "when" alone is one only
/// when a verb asks it ([`WHEN_ASKED_BY`]) or a word before it asks to be told ([`TELL_WHEN`]).
const WHEN_PHRASES: &[&[&str]] = &[
    &["since", "when"],
    &["until", "when"],
    &["till", "when"],
    &["seit", "wann"],
    &["bis", "wann"],
    &["ab", "wann"],
    &["wann"],
    &["what", "year"],
    &["which", "year"],
    &["what", "date"],
    &["which", "date"],
    &["what", "day"],
    &["which", "day"],
    &["what", "month"],
    &["which", "month"],
    &["welchem", "jahr"],
    &["welches", "jahr"],
    &["welchem", "monat"],
    &["welches", "datum"],
    &["welchem", "tag"],
    &["when"],
];

/// Words after "when" that make it ask: "when *did* the forum start?", "when *is* the summit?";
/// not "weighted by size when *the* forum decides?", a clause.
const WHEN_ASKED_BY: &[&str] = &[
    "did",
    "does",
    "do",
    "is",
    "s",
    "was",
    "were",
    "will",
    "ll",
    "are",
    "re",
    "has",
    "have",
    "had",
    "can",
    "could",
    "should",
    "would",
    "exactly",
    "roughly",
    "approximately",
];

/// Words before "when" that ask to be told it: "do you *know* when the forum started?", "any
/// *idea* when R10 comes?".
const TELL_WHEN: &[&str] = &[
    "know",
    "idea",
    "tell",
    "wonder",
    "wondering",
    "sure",
    "remember",
    "clue",
];

/// Question words that ask something besides when ("what is scs and when did it start?",
/// "when osism moves on, what do operators expect?"): such a question is not held to a date.
/// Not "was", the English verb as often as the German "what" ([`asks_when`] tells them).
const OTHER_QUESTION_WORDS: &[&str] = &[
    "what", "which", "who", "whom", "whose", "how", "where", "why", "welche", "welcher", "welches",
    "welchen", "welchem", "wer", "wen", "wem", "wessen", "wie", "wo", "woher", "wohin", "warum",
    "wieso", "weshalb",
];

/// What a question asks of a time, and nothing else ([`asks_when`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AskedWhen {
    /// It asks no time, or more than a time.
    No,
    /// When something was or is: "when did the forum start?", "seit wann ist Ganten
    /// Vorsitzender?", "in which year did syself join?".
    At,
    /// Until when something lasts: "bis wann unterstützt SCS Ceph Quincy?". A post's date says
    /// when what it reports happened, not when it ends.
    Until,
}

/// What a question (normalised) asks of a time, and whether that is all it asks: "when did
/// the forum start?", "seit wann ist Ganten Vorsitzender?", "in which year did syself join?",
/// "do you know when R9 came out?", "until when is R8 maintained?". Only a section that says
/// when (a date, a span of time, a season, how often: [`states_when_or_how_often`]) answers
/// it, or one of a post dated on the day it tells of; a section that names the thing and says
/// nothing of when cannot ("since when is Kata Containers part of SCS?" of the section that
/// names Kata Containers). Not "when" joining a clause ("what happens when I visit the
/// site?", "weighted by size when the forum decides?") nor a question that asks more ("what
/// is the forum and when did it start?").
pub fn asks_when(normalized: &str) -> AskedWhen {
    if !(normalized.contains("when")
        || normalized.contains("wann")
        || normalized.contains("year")
        || normalized.contains("date")
        || normalized.contains("day")
        || normalized.contains("month")
        || normalized.contains("jahr")
        || normalized.contains("monat")
        || normalized.contains("datum")
        || normalized.contains("tag"))
    {
        return AskedWhen::No;
    }
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    let found = (0..words.len()).find_map(|i| {
        WHEN_PHRASES
            .iter()
            .find(|phrase| words[i..].starts_with(phrase))
            .map(|phrase| (i, phrase.len()))
    });
    let Some((at, len)) = found else {
        return AskedWhen::No;
    };
    let phrase = &words[at..at + len];
    let asks = if phrase == ["when"] {
        let next = words.get(at + 1);
        next.is_some_and(|w| WHEN_ASKED_BY.contains(w))
            || (next.is_some_and(|w| !CLAUSE.contains(w))
                && words[at.saturating_sub(3)..at]
                    .iter()
                    .any(|w| TELL_WHEN.contains(w)))
    } else {
        true
    };
    // "was" asks what in a German question ("Wann startete das Forum und was sind seine
    // Ziele?"), and is a verb in an English one ("when was R9 published?").
    // The German phrases of `WHEN_PHRASES` end in a German word.
    let german = matches!(
        phrase.last(),
        Some(&("wann" | "jahr" | "monat" | "datum" | "tag"))
    );
    let others = words.iter().enumerate().any(|(i, w)| {
        !(at..at + len).contains(&i)
            && (OTHER_QUESTION_WORDS.contains(w) || (german && *w == "was"))
    });
    match phrase.first() {
        _ if !asks || others => AskedWhen::No,
        Some(&("until" | "till" | "bis")) => AskedWhen::Until,
        _ => AskedWhen::At,
    }
}

/// Words that say how often or in which season something is, an answer to "when": "the tests
/// run *nightly*", "*regelmäßig*", "im *Herbst* letzten Jahres".
const HOW_OFTEN_OR_SEASON: &[&str] = &[
    "daily",
    "nightly",
    "weekly",
    "monthly",
    "quarterly",
    "yearly",
    "annually",
    "regularly",
    "täglich",
    "nächtlich",
    "wöchentlich",
    "monatlich",
    "vierteljährlich",
    "jährlich",
    "regelmäßig",
    "spring",
    "summer",
    "autumn",
    "winter",
    "frühjahr",
    "frühling",
    "sommer",
    "herbst",
];

/// Words that say when something comes without a date: "*soon*", "*bald*", "*demnächst*".
const SOON: &[&str] = &[
    "soon",
    "shortly",
    "upcoming",
    "bald",
    "demnächst",
    "zeitnah",
    "kürze",
    "künftig",
];

/// Units of a time span: "deleted after 7 *days*", "nach 14 *Tagen*".
pub(super) const SPANS: &[&str] = &[
    "hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years", "stunde",
    "stunden", "tag", "tage", "tagen", "woche", "wochen", "monat", "monate", "monaten", "jahr",
    "jahre", "jahren",
];

/// Whether `text` says when something is or will be: a date ([`DATE`]: a month, a year, a
/// weekday, a day), a span of time after a number ("after 7 days", "nach 14 Tagen") or a word
/// for a time to come ("soon", "demnächst"). What a question asking when something will be
/// ([`asks_when_will`]) is answered by.
pub fn states_when(text: &str) -> bool {
    states_when_from(text, None)
}

/// Like [`states_when`], for a text published in the year `published` (its page's date): a
/// text whose dates all lie in years before it tells what was, not when something will be
/// ("funded from 2021 to 2024" in a post of 2025 says nothing of when a cloud goes live).
pub fn states_when_from(text: &str, published: Option<u16>) -> bool {
    if markers(text).split(' ').any(|m| m == DATE) {
        let past = published.is_some_and(|from| latest_year(text).is_some_and(|y| y < from));
        if !past {
            return true;
        }
    }
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().any(|w| SOON.contains(&w.as_str()))
        || words.windows(2).any(|pair| {
            (pair[0].bytes().all(|b| b.is_ascii_digit()) || COUNTS.contains(&pair[0].as_str()))
                && SPANS.contains(&pair[1].as_str())
        })
}

/// Whether `text` says when something was or is ([`asks_when`]): as [`states_when`] does, or
/// how often or in which season ("the tests run *regularly*", "im *Herbst* letzten Jahres").
pub fn states_when_or_how_often(text: &str) -> bool {
    states_when(text)
        || text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| HOW_OFTEN_OR_SEASON.contains(&w.to_lowercase().as_str()))
}

/// Numbers in words before a span of time: "for *a* week", "für *eine* Woche", "*sieben* Tage".
const COUNTS: &[&str] = &[
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "twelve", "fourteen", "thirty", "few", "several", "ein", "eine", "einen", "einer", "zwei",
    "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "zwölf", "vierzehn",
    "dreißig", "einige", "mehrere", "wenige",
];

/// The latest year (1990–2039) `text` states, alone or in a date ("26.09.2025",
/// "2025-09-26"); `None` when it states none. Not a group of digits among others (a phone
/// number: "+49 30 2034 5678") nor a version ("2026.1").
pub fn latest_year(text: &str) -> Option<u16> {
    let tokens: Vec<&str> = text
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let digits = |t: &&str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b'+');
    (0..tokens.len())
        .filter_map(|i| {
            let token = tokens[i];
            let among_digits =
                (i > 0 && digits(&tokens[i - 1])) || tokens.get(i + 1).is_some_and(digits);
            if is_year(token) && !among_digits {
                return token.parse().ok();
            }
            is_day(token)
                .then(|| token.split(['.', '-']).find(|p| is_year(p))?.parse().ok())
                .flatten()
        })
        .max()
}

/// 1990–2039 alone ("2024"), not part of a longer number or a version.
fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("199") || word.starts_with("20") && word.as_bytes()[2] <= b'3')
}

/// A day written with its month in digits: "20.11.2025", "2025-11-20", "20.11.".
fn is_day(word: &str) -> bool {
    let parts: Vec<&str> = word.split(['.', '-']).filter(|p| !p.is_empty()).collect();
    let digits = |p: &&str| p.bytes().all(|b| b.is_ascii_digit());
    if !(2..=3).contains(&parts.len()) || !parts.iter().all(digits) {
        return false;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    match n.as_slice() {
        [y, m, d] if *y >= 1990 => (1..=12).contains(m) && (1..=31).contains(d),
        [d, m, y] if *y >= 1990 || parts[2].len() == 2 => {
            (1..=31).contains(d) && (1..=12).contains(m) && word.contains('.')
        }
        [d, m] => word.ends_with('.') && (1..=31).contains(d) && (1..=12).contains(m),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &str) {
        assert_eq!(markers(text), expect, "{text}");
    }

    #[test]
    fn a_comparison_is_a_comparative_before_than() {
        check("SCS clouds are faster than before.", COMPARISON);
        check("Das ist günstiger als ein Hyperscaler.", COMPARISON);
        check("more secure than a proprietary stack", COMPARISON);
        check("more than 20 people came", "");
        check("Anbieter als Partner", "");
        check(
            "Der Betrieb ist besser geeignet als ein eigenes Rechenzentrum.",
            COMPARISON,
        );
        check("Wir sind ein kleiner Anbieter als Teil des Netzwerks.", "");
        check("Better together. More than 40 companies take part.", "");
        check(
            "Es wird immer besser. Als Mitglied haben Sie Stimmrecht.",
            "",
        );
    }

    #[test]
    fn the_size_of_an_organisation_is_a_number_beside_its_staff_or_customers() {
        check("SysEleven has 200 employees in Berlin.", SIZE);
        check("mit über 70 engagierten Mitarbeitenden", SIZE);
        check("more than 30 customers run on it", SIZE);
        check("Rund 40 Kunden nutzen die Plattform.", SIZE);
        check(
            "Our employees and customers benefit from open standards.",
            "",
        );
        check("Kunden und Mitarbeiter profitieren.", "");
    }

    #[test]
    fn a_duration_is_a_span_of_time_clock_times_or_a_date() {
        check("The basics course takes one week.", DURATION);
        check("Logs are deleted after 7 days", DURATION);
        check("eine einwöchige Schulung, danach Praxis", DURATION);
        check("Doors open at 9:30, talks start", DURATION);
        check("Certifications to ensure high quality requirements.", "");
        check("Contact the forum to join, we answer soon.", "");
        // A date: how long lay between two is read off them.
        assert!(markers("Released on 26 September 2025.").contains(DURATION));
    }

    #[test]
    fn a_passage_of_six_words_or_more_in_quotation_marks_is_a_quote() {
        check(
            "\"Through the commitment of the founding members, access is equal,\" explains A.",
            QUOTE,
        );
        check(
            "„Offene Standards sichern uns allen die Wahl“, sagt B.",
            QUOTE,
        );
        check("the so-called „Cloud-Airbus“ is no goal", "");
        check("a \"sovereign\" cloud", "");
    }

    #[test]
    fn a_question_comparing_two_things_asks_for_a_comparison() {
        assert!(asks_comparison("is openstack better than vmware"));
        assert!(asks_comparison("which is cheaper syseleven or plusserver"));
        assert!(asks_comparison("ist plusserver besser als syseleven"));
        assert!(asks_comparison(
            "ist der betrieb günstiger als eine vmware umgebung"
        ));
        assert!(!asks_comparison("wird das mit der neuen serie besser"));
        assert!(!asks_comparison("were more than 20 people there"));
        assert!(!asks_comparison(
            "warum souveränität mehr ist als konformität"
        ));
    }

    #[test]
    fn a_comparative_near_than_or_or_compares_and_one_far_from_them_or_after_an_article_not() {
        assert!(asks_comparison("ist gridscale oder plusserver besser"));
        assert!(asks_comparison("ist scs guenstiger als vmware"));
        assert!(asks_comparison("ist scs besser geeignet als proxmox"));
        assert!(asks_comparison("seid ihr besser als openstack"));
        assert!(asks_comparison("ist dies günstiger als gaia x"));
        assert!(asks_comparison(
            "is scs cheaper to run in production than vmware"
        ));
        assert!(!asks_comparison("was ist besser für mich als einsteiger"));
        assert!(!asks_comparison(
            "kann ich als kleiner anbieter partner werden oder mitglied"
        ));
        assert!(!asks_comparison(
            "was bedeutet scs als souveräner cloud stack für die verwaltung"
        ));
        assert!(!asks_comparison(
            "how does scs make clouds better for the people and companies that run them"
        ));
    }

    #[test]
    fn an_amount_is_a_currency_with_a_number() {
        let amount = format!("{AMOUNT} {PRICE}");
        check("a yearly fee of €2,400.", &format!("{amount} {DURATION}"));
        check("ein Jahresbudget von **310.000 Euro** bereit", &amount);
        check("in total **€14.9 million** of public funding", &amount);
        check("costs 5 USD per month", &format!("{amount} {DURATION}"));
        check("funded with roughly 13.2 million Euros,", &amount);
        check(
            "generate more than EUR 126 billion annually",
            &format!("{amount} {DURATION}"),
        );
        check("mit 2 Mio. EUR gefördert", &amount);
        check("the euro is a currency", "");
        // A price of nothing is a price, no amount; "free software", "feel free", "is free to
        // use" state none.
        check("Tickets are free.", PRICE);
        check("SCS is free to use and open", "");
        check("Sichern Sie sich Ihr kostenfreies Ticket", PRICE);
        check("Attendance is free of charge", PRICE);
        check("get your free ticket now", PRICE);
        check("you can attend for free", PRICE);
        check("built from free software; feel free to ask", "");
    }

    #[test]
    fn asking_when_the_next_of_something_is_asks_for_a_time_to_come() {
        for question in [
            "when is the next hackathon",
            "wann ist der nächste summit",
            "hackathon nächster termin",
            "wann kommen die mitglieder das nächste mal zusammen",
            "when is the upcoming webinar",
            "what is the date of the next hackathon",
            "on which day is the next summit",
            "will there be a summit next year",
            "gibt es nächstes jahr einen summit",
        ] {
            assert!(asks_next(question), "{question}");
        }
        for question in [
            "what s next for scs",
            "where is the forum heading over the next years",
            "are upcoming meetups announced anywhere",
            "when was release 9 published",
            "seit wann wird scs gefördert",
            "good day how do i join and what comes next",
            "how can i stay up to date on the next releases",
            "what are the next steps when i want to get certified",
            "when a provider is certified what comes next",
            "when did the next release after r7 come out",
            "wann kam das nächste release nach r7",
        ] {
            assert!(!asks_next(question), "{question}");
        }
    }

    #[test]
    fn asking_when_something_will_be_is_told_from_the_present_the_past_and_a_clause() {
        for question in [
            "when will the scs compliance monitor come out of test operation",
            "when s the next gxfs version supposed to ship",
            "when is the scs3 cluster stack series planned",
            "when is r10 going to be released",
            "wann kommt die central api aus dem technical preview raus",
            "ab wann ist kamaji bei scs kein technical preview mehr",
            "bis wann soll das schwesterprojekt abgeschlossen sein",
            "wann wird die kaas zertifizierung endlich stabil",
            "wann wird es eine neue version geben",
        ] {
            assert!(asks_when_will(question), "{question}");
        }
        for question in [
            "when is the summit",
            "when was release 9 published",
            "bis wann wurde scs vom bmwk gefördert",
            "bis wann geht der summit am 24 september",
            "ab wann sind die ssd flavors pflicht",
            "wann wird scs vom bmwk gefördert",
            "wann wird das forum gegründet weißt du das",
            "who will answer my mail",
            "when did the forum start",
            "when i visit the site will my ip address be stored",
            "when we use gpu passthrough will live migration work",
            "wann kommt die mittagspause beim summit",
            "wann soll ich da sein beim summit",
            "when are we supposed to register for the summit",
            "wann wird die zertifizierung vom forum übernommen",
        ] {
            assert!(!asks_when_will(question), "{question}");
        }
    }

    #[test]
    fn asking_when_something_was_is_told_from_a_clause_and_from_a_question_that_asks_more() {
        for question in [
            "when did the forum start",
            "when was release 9 published",
            "since when is ganten chairman",
            "seit wann gehört kata containers zu scs",
            "in welchem jahr wurde openinfra gegründet",
            "in which year did syself become an osba member",
            "when exactly did wavecon become part of noris network",
            "do you know when the forum took over",
            "wann wurde die osba gegründet",
        ] {
            assert_eq!(asks_when(question), AskedWhen::At, "{question}");
        }
        for question in [
            "until when is r8 maintained",
            "bis wann unterstützt scs ceph quincy",
        ] {
            assert_eq!(asks_when(question), AskedWhen::Until, "{question}");
        }
        for question in [
            "what happens when i visit the site",
            "each founding member one vote or weighted by size when the forum decides",
            "r9 when osism moves to a new major version what have operators come to expect",
            "what is the forum and when did it start",
            "wer ist ganten und seit wann ist er vorsitzender",
            "wann startete das forum und was sind seine ziele",
            "how do i join",
        ] {
            assert_eq!(asks_when(question), AskedWhen::No, "{question}");
        }
    }

    #[test]
    fn when_something_was_is_also_said_by_how_often_or_a_season() {
        assert!(states_when_or_how_often(
            "The tests run regularly in a CI pipeline."
        ));
        assert!(states_when_or_how_often(
            "Im Herbst letzten Jahres wurde die Zusammenarbeit vertieft."
        ));
        assert!(states_when_or_how_often("Founded on 1 January 2025."));
        assert!(!states_when_or_how_often(
            "SCS builds on OpenStack and Kata Containers."
        ));
        // Not when something will be: how often says nothing of when it comes.
        assert!(!states_when("The monitor checks every cloud daily."));
    }

    #[test]
    fn when_something_will_be_is_said_by_a_date_a_span_or_a_word_for_soon() {
        assert!(states_when("Release 9 ships on 26 September."));
        assert!(states_when("Raw log files are deleted after 7 days."));
        assert!(states_when("Die Protokolle werden nach 14 Tagen gelöscht."));
        assert!(states_when(
            "Die Logdateien werden für eine Woche gespeichert."
        ));
        assert!(states_when(
            "Tooling for the conversion will be provided soon."
        ));
        assert!(!states_when("The compliance monitor is in test operation."));
        assert!(!states_when("It runs on 3 nodes."));
    }

    #[test]
    fn the_latest_year_a_text_states_is_found_alone_or_in_a_date() {
        assert_eq!(latest_year("Held in 2023 and on 26.09.2025."), Some(2025));
        assert_eq!(latest_year("2024-06-07: Leipzig"), Some(2024));
        assert_eq!(latest_year("Kubernetes 1.33, 12345 people, v3"), None);
        assert_eq!(latest_year("Tel. +49 30 2034 5678, since 2021"), Some(2021));
        assert_eq!(latest_year("OpenStack 2026.1 (in 2025)"), Some(2025));
    }

    #[test]
    fn a_date_is_a_month_a_year_a_weekday_or_a_day() {
        // How long lay between two dates is read off them too ([`DURATION`]).
        let date = format!("{DATE} {DURATION}");
        check("From July 2021 to December 2024", &date);
        check("Das nächste findet am 20.11.2025 statt", &date);
        check("every Tuesday at 10:00", &date);
        check("am 3. Mai", &date);
        check("published on 2025-09-26", &date);
        // How often: a span of time, not a date.
        check("We release twice a year.", DURATION);
        check("Kubernetes 1.31 and 1.32, OpenStack 2024.1", "");
        check("port 8080 and 443", "");
    }

    #[test]
    fn a_place_is_a_postcode_with_a_town_or_a_street_with_its_number() {
        // An address is where something happens and where an organisation sits.
        let place = format!("{PLACE} {SEAT}");
        check("Alte Münze, Molkenmarkt 2, 10179 Berlin", &place);
        check("Palisadenstraße 48", &place);
        check("at 12 Main Street", &place);
        check("the street is long; 3000 people came", "");
        check("In 2025 Berlin hosts it", &format!("{DATE} {DURATION}"));
    }

    #[test]
    fn asking_where_an_organisation_sits_asks_for_its_seat_and_asking_who_sits_on_a_board_not() {
        let asks = |question: &str| {
            super::super::question_hints(question)
                .iter()
                .any(|h| h == SEAT)
        };
        for question in [
            "where is syself headquartered",
            "where is the head office of wavecon",
            "wo hat wavecon seinen firmensitz",
            "in welchem land sitzt dnation",
            "welche partner haben ihren sitz in dresden",
        ] {
            assert!(asks(question), "{question}");
        }
        for question in [
            "which releases are based on openstack 2024 1",
            "does scs care where open source contributors are based",
            "wer sitzt im project board",
            "where is the documentation",
        ] {
            assert!(!asks(question), "{question}");
        }
    }

    #[test]
    fn questions_for_an_amount_or_a_date_ask_for_the_marker() {
        let asks = |question: &str, marker: &str| {
            super::super::question_hints(question)
                .iter()
                .any(|h| h == marker)
        };
        assert!(asks("how much funding did scs get", AMOUNT));
        assert!(asks("certification cost", AMOUNT));
        assert!(asks("was kostet die zertifizierung", AMOUNT));
        assert!(asks("seit wann gibt es das forum", DATE));
        assert!(asks("an welchem tag ist der summit", DATE));
        assert!(asks("in which year did scs start", DATE));
        assert!(asks("where is the summit", PLACE));
        assert!(asks("release date of the eighth release", DATE));
        // Whom to write to about a fee or a deadline asks for neither.
        assert!(asks("how much is the membership fee", AMOUNT));
        assert!(!asks("who do i contact about the membership fee", AMOUNT));
        assert!(!asks("whats the mail adress to ask about fees", AMOUNT));
        assert!(!asks("an wen wende ich mich wegen der kosten", AMOUNT));
        assert!(asks("need ganten s personal mail address", PRIVATE));
        assert!(asks("datum des summits", DATE));
        assert!(!asks("what is scs", AMOUNT) && !asks("what is scs", DATE));
    }

    #[test]
    fn an_age_is_a_number_of_years_old() {
        // Years are a span of time too ([`DURATION`]).
        let age = format!("{DURATION} {AGE}");
        check("She is 42 years old.", &age);
        check("der 35 Jahre alte Gründer", &age);
        check("aged 61, he", AGE);
        check("a 42-year-old engineer", &age);
        check("the project is three years old", DURATION);
        check("for 4 years the old platform ran", DURATION);
    }

    #[test]
    fn a_phone_number_is_international_or_named_as_one() {
        check("Telefon: +49-30-206539-205", PHONE);
        check("call +49 151 70594623", PHONE);
        check("Tel. 030 2045 1180", PHONE);
        check("Telephone: (030) 2045 1180", PHONE);
        check("the phone rang 3 times", "");
        check("a +1 from me", "");
    }

    #[test]
    fn a_section_may_state_both() {
        check(
            "Since 2021 the BMWK funded it with €14.9 million.",
            "zzamount zzprice zzdate zzduration",
        );
    }
}
