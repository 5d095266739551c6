//! How much of a measured quantity: "how much RAM did the Cloud-in-a-Box have?", "wie viel
//! Speicherplatz braucht ein Node-Image?", "what uptime SLA does the provider give?", "wie
//! viel Strom zieht die Box?".
//!
//! Like a count ([`super::count`]), a measure is a fact about what the question names: only a
//! section that puts a number beside a unit of it ("96 GB RAM", "99.9 %", "150 W") can answer
//! it. The section on the Cloud-in-a-Box that gives its memory in GB says nothing of the power
//! it draws; the section on a provider's SCS cloud that names it says nothing of its uptime.
//! Asked of them, the bot holds back (`compose`, as for a count no section states).
//!
//! Asked only by a question of amount ("how much", "wie viel", "wie hoch", "what … sla", "how
//! many GB"), of a quantity in one of a few classes: storage and memory (bytes), power and
//! energy (watts, or a share of them saved), availability (a share of time, or said in words:
//! "seamless availability", "hohe Verfügbarkeit"). The quantity stands near the phrase and is
//! what is asked, not a word it qualifies ("how many storage *changes*", "how much downtime
//! for storage *upgrades*"); energy and power only as used ("draws", "verbraucht", "saves"),
//! not as an effort ("how much energy do the members invest?"); an uptime not as what a tool
//! watches ("which monitor tracks the uptime?"). "What does SCS do about energy efficiency?"
//! asks no amount and any section on it answers.
//!
//! Hand-written: the words and units fit in short lists; a units crate would parse quantities
//! the pages don't need parsed, only found.

/// A class of measured quantities, by the units that state them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Storage and memory: bytes ("96 GB", "2 TiB").
    Bytes,
    /// Power and energy: watts ("150 W", "3 kWh"), or a share saved ("30 % less energy").
    Power,
    /// Availability: a share of time ("99.9 %").
    Availability,
    /// Availability asked by that word ("how high is the availability …"): a share of time, or
    /// said in words ("seamless availability", "clusters stay available", "hohe Verfügbarkeit").
    AvailabilityInWords,
}

/// Words for a quantity of each class, as normalised (English and German).
const QUANTITIES: &[(&str, Measure)] = &[
    ("ram", Measure::Bytes),
    ("memory", Measure::Bytes),
    ("storage", Measure::Bytes),
    ("disk", Measure::Bytes),
    ("speicher", Measure::Bytes),
    ("speicherplatz", Measure::Bytes),
    ("arbeitsspeicher", Measure::Bytes),
    ("festplatte", Measure::Bytes),
    ("festplattenspeicher", Measure::Bytes),
    ("strom", Measure::Power),
    ("stromverbrauch", Measure::Power),
    ("energy", Measure::Power),
    ("energie", Measure::Power),
    ("energieverbrauch", Measure::Power),
    ("watt", Measure::Power),
    ("watts", Measure::Power),
    ("uptime", Measure::Availability),
    ("sla", Measure::Availability),
    ("availability", Measure::AvailabilityInWords),
    ("verfügbarkeit", Measure::AvailabilityInWords),
    ("power", Measure::Power),
];

/// Phrases that ask for an amount, as normalised words.
const HOW_MUCH: &[&[&str]] = &[
    &["how", "much"],
    &["how", "big"],
    &["how", "large"],
    &["how", "high"],
    &["wie", "viel"],
    &["wieviel"],
    &["wie", "hoch"],
    &["wie", "groß"],
];

/// Words that ask for an amount by themselves ("what *uptime* …", "which *SLA* …"): an uptime
/// is a figure, whatever the question word; an availability is as often a property ("was
/// heißt lückenlose Verfügbarkeit?").
const FIGURES_BY_THEMSELVES: &[&str] = &["uptime", "sla"];

/// Units of each class, as written after a number (lower case, alone or joined to it).
const UNITS: &[(&str, Measure)] = &[
    ("kb", Measure::Bytes),
    ("mb", Measure::Bytes),
    ("gb", Measure::Bytes),
    ("tb", Measure::Bytes),
    ("pb", Measure::Bytes),
    ("kib", Measure::Bytes),
    ("mib", Measure::Bytes),
    ("gib", Measure::Bytes),
    ("tib", Measure::Bytes),
    ("w", Measure::Power),
    ("kw", Measure::Power),
    ("mw", Measure::Power),
    ("wh", Measure::Power),
    ("kwh", Measure::Power),
    ("mwh", Measure::Power),
    ("watt", Measure::Power),
    ("watts", Measure::Power),
    ("%", Measure::Power),
    ("percent", Measure::Power),
    ("prozent", Measure::Power),
    ("%", Measure::Availability),
    ("percent", Measure::Availability),
    ("prozent", Measure::Availability),
    ("%", Measure::AvailabilityInWords),
    ("percent", Measure::AvailabilityInWords),
    ("prozent", Measure::AvailabilityInWords),
];

/// Words that make energy or power an amount used ("how much energy does it *save*", "wie viel
/// Strom *zieht* …"), not an effort ("how much energy do the members *invest*?").
const CONSUMING: &[&str] = &[
    "consume",
    "consumes",
    "consumed",
    "consumption",
    "use",
    "uses",
    "used",
    "draw",
    "draws",
    "drew",
    "need",
    "needs",
    "needed",
    "save",
    "saves",
    "saved",
    "saving",
    "savings",
    "verbraucht",
    "verbrauchen",
    "verbrauch",
    "braucht",
    "brauchen",
    "zieht",
    "ziehen",
    "spart",
    "sparen",
    "einsparung",
    "benötigt",
    "benötigen",
];

/// Words of those quantities that are an effort as often as an amount: an amount only beside
/// [`CONSUMING`].
const LOOSE: &[&str] = &["energy", "energie", "power"];

/// Words asking for something that watches a figure, not for it ("which tool checks the
/// uptime?").
const WATCHING: &[&str] = &[
    "monitor",
    "monitoring",
    "monitors",
    "tool",
    "tools",
    "check",
    "checks",
    "checked",
    "dashboard",
    "überwachung",
    "überwacht",
    "überwachen",
    "werkzeug",
];

/// Units a question may count ("how many GB …", "wie viele Watt …").
const COUNTED_UNITS: &[&str] = &[
    "gb", "tb", "mb", "gib", "tib", "gigabyte", "terabyte", "watt", "watts", "kw", "kwh",
    "percent", "prozent",
];

/// How many words after the phrase asking an amount its quantity may stand ("how much *RAM*",
/// "how high is the *availability*"; not "how much does the framework weigh data *storage*").
const NEAR: usize = 3;

/// Words that may follow a quantity asked about ("how much RAM *did* …", "wie viel Strom
/// *zieht* …", "how high is the availability *of* …", "how much disk *space* …").
const FOLLOWERS: &[&str] = &[
    "does",
    "do",
    "did",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "can",
    "could",
    "will",
    "would",
    "should",
    "must",
    "in",
    "on",
    "of",
    "for",
    "at",
    "per",
    "with",
    "from",
    "to",
    "and",
    "or",
    "the",
    "a",
    "an",
    "my",
    "our",
    "its",
    "their",
    "i",
    "we",
    "you",
    "they",
    "it",
    "there",
    "space",
    "capacity",
    "left",
    "free",
    "needed",
    "required",
    "consumption",
    "usage",
    "use",
    "draw",
    "sla",
    "guarantee",
    "guaranteed",
    "der",
    "die",
    "das",
    "des",
    "dem",
    "den",
    "ein",
    "eine",
    "einen",
    "hat",
    "hatte",
    "haben",
    "hatten",
    "ist",
    "sind",
    "war",
    "waren",
    "wird",
    "braucht",
    "brauchen",
    "benötigt",
    "zieht",
    "ziehen",
    "verbraucht",
    "verbrauchen",
    "gibt",
    "bietet",
    "garantiert",
    "im",
    "beim",
    "bei",
    "für",
    "pro",
    "von",
    "vom",
    "und",
    "oder",
    "mit",
    "man",
    "ich",
    "wir",
    "kapazität",
];

/// Phrases saying availability in words, lower case.
const AVAILABLE_IN_WORDS: &[&str] = &[
    "seamless availability",
    "high availability",
    "highly available",
    "stay available",
    "stays available",
    "remain available",
    "without downtime",
    "zero downtime",
    "no downtime",
    "lückenlose verfügbarkeit",
    "hohe verfügbarkeit",
    "hoher verfügbarkeit",
    "hochverfügbar",
    "verfügbar bleiben",
    "verfügbar bleibt",
    "ohne downtime",
    "ohne ausfallzeit",
];

/// The class of measured quantity a question (normalised) asks an amount of, if any: a word of
/// a class ([`QUANTITIES`]) in a question of amount ([`HOW_MUCH`]), or an availability
/// asked for by itself ("what uptime SLA does … give?").
pub fn asks_measure(normalized: &str) -> Option<Measure> {
    let words: Vec<&str> = normalized.split(' ').filter(|w| !w.is_empty()).collect();
    // Most questions name no quantity: nothing more to read then.
    if !words.iter().any(|w| QUANTITIES.iter().any(|(q, _)| q == w)) {
        return None;
    }
    let quantity = |w: &str| {
        QUANTITIES
            .iter()
            .find(|(word, _)| *word == w)
            .map(|(_, measure)| *measure)
    };
    let consuming = words.iter().any(|w| CONSUMING.contains(w));
    let usable = |w: &str| !LOOSE.contains(&w) || consuming;
    // "how much RAM …", "how high is the availability …": the quantity near the phrase.
    let near = (0..words.len()).find_map(|i| {
        let p = HOW_MUCH.iter().find(|p| words[i..].starts_with(p))?;
        let from = i + p.len();
        // The quantity itself, not a word it qualifies ("how many storage *changes*", "how
        // much downtime for storage *upgrades*"): what follows it is no noun.
        let itself = |at: usize| {
            words
                .get(at + 1)
                .is_none_or(|next| FOLLOWERS.contains(next) || quantity(next).is_some())
        };
        let after = (from..words.len().min(from + NEAR))
            .filter(|&at| itself(at))
            .map(|at| words[at]);
        // Or just before it, as its topic ("RAM: how much did the box have?").
        after
            .chain(words[i.saturating_sub(NEAR)..i].iter().copied())
            .find_map(|w| quantity(w).filter(|_| usable(w)))
    });
    // "how many GB of RAM …", "wie viele Watt …": a unit counted.
    let counted = (0..words.len().saturating_sub(2)).find_map(|i| {
        (matches!((words[i], words[i + 1]), ("how", "many") | ("wie", "viele"))
            && COUNTED_UNITS.contains(&words[i + 2]))
        .then(|| words.iter().find_map(|w| quantity(w)))
        .flatten()
    });
    let figure = (words.iter().any(|w| FIGURES_BY_THEMSELVES.contains(w))
        && !words.iter().any(|w| WATCHING.contains(w)))
    .then_some(Measure::Availability);
    near.or(counted).or(figure)
}

/// Whether `text` states an amount of `measure`: a number with a unit of its class, joined
/// ("96GB") or the next word ("96 GB", "99,9 %").
pub fn states_measure(text: &str, measure: Measure) -> bool {
    if measure == Measure::AvailabilityInWords {
        let lower = text.to_lowercase();
        if AVAILABLE_IN_WORDS.iter().any(|p| lower.contains(p)) {
            return true;
        }
    }
    let of_class = |unit: &str| {
        UNITS
            .iter()
            .any(|(u, m)| *m == measure && u.eq_ignore_ascii_case(unit))
    };
    let tokens: Vec<&str> = text.split_whitespace().collect();
    tokens.iter().enumerate().any(|(i, token)| {
        let token = token.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '.'));
        let digits = token.trim_start_matches(|c: char| !c.is_ascii_digit());
        let number_end = digits
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(digits.len());
        if number_end == 0 {
            return false;
        }
        let joined = &digits[number_end..];
        if !joined.is_empty() {
            return of_class(joined.trim_end_matches(['.', ',', ')']));
        }
        tokens.get(i + 1).is_some_and(|next| {
            of_class(next.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '.')))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asks what `asks_measure` makes of `question`, normalised as the answer layer does (its
    /// words, lower case, apart).
    fn check(question: &str, expect: Option<Measure>) {
        assert_eq!(
            asks_measure(&super::super::normalized(question)),
            expect,
            "{question}"
        );
    }

    #[test]
    fn an_amount_of_storage_power_or_uptime_is_asked() {
        check(
            "How much RAM and storage did the Cloud-in-a-Box have?",
            Some(Measure::Bytes),
        );
        check(
            "Wie viel Speicherplatz braucht ein Node-Image der R9-Cluster-Stacks?",
            Some(Measure::Bytes),
        );
        check(
            "Wie viel Strom zieht die Cloud-in-a-Box unter Volllast?",
            Some(Measure::Power),
        );
        check(
            "how much energy does the provider save with its cloud?",
            Some(Measure::Power),
        );
        check(
            "what uptime sla does plusserver give on its cloud?",
            Some(Measure::Availability),
        );
    }

    #[test]
    fn a_quantity_without_an_amount_asked_is_no_measure() {
        check("what does SCS do about energy efficiency?", None);
        check("how many storage changes landed in R9?", None);
        check(
            "how much does the EU framework weigh data storage in its categories?",
            None,
        );
        check("how much energy do the forum members invest?", None);
        check("Wie viel Energie stecken die Mitglieder ins Forum?", None);
        check("which monitor tracks uptime in SCS?", None);
        check("is there object storage in SCS?", None);
        check("how much does the summit ticket cost?", None);
        check(
            "Was heißt „lückenlose Verfügbarkeit des Clusters“, und wie soll die erreicht werden?",
            None,
        );
    }

    #[test]
    fn power_as_used_and_units_counted_are_amounts_asked() {
        check(
            "how much power does the Cloud-in-a-Box draw?",
            Some(Measure::Power),
        );
        check("how many GB of RAM did the box have?", Some(Measure::Bytes));
        check(
            "how high is the availability of the clusters?",
            Some(Measure::AvailabilityInWords),
        );
        assert!(states_measure(
            "Upgrades keep a seamless availability of the cluster.",
            Measure::AvailabilityInWords
        ));
        assert!(!states_measure(
            "Upgrades keep a seamless availability of the cluster.",
            Measure::Availability
        ));
    }

    #[test]
    fn an_amount_is_stated_by_a_number_with_a_unit_of_its_class() {
        assert!(states_measure(
            "a mini PC with 96 GB RAM and 2TB NVMe",
            Measure::Bytes
        ));
        assert!(states_measure(
            "uptime of 99,9 % per month",
            Measure::Availability
        ));
        assert!(states_measure(
            "draws about 150 W under load",
            Measure::Power
        ));
        assert!(!states_measure(
            "a mini PC with 96 GB RAM and 16 threads",
            Measure::Power
        ));
        assert!(!states_measure(
            "plusserver runs its public cloud on SCS",
            Measure::Availability
        ));
        assert!(!states_measure("Release 9 (2025)", Measure::Bytes));
    }
}
