//! A small bilingual glossary of the words people use when asking about a cloud project's
//! network, community and documentation, grouped by concept.
//!
//! It is consulted only for a question word the index does not contain at all: a German word
//! asked against English pages ("mitmachen"), an English word against German pages, or a
//! paraphrase ("repo", "objective"). Each other word of its group that the index does contain
//! then stands in for it, damped (see `search::SYNONYM`). Words are matched by their unstemmed
//! form and by their English and German stems, so inflections are covered; a word as listed
//! stands for its own groups only (stems of two meanings may meet: "daten", "date").
//!
//! Invariant: groups hold words of one meaning only, in general vocabulary — never names from
//! the content, never words chosen to steer a particular question.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::analyzer::Analyzers;

const GROUPS: &[&[&str]] = &[
    // taking part
    &[
        "join",
        "participate",
        "involved",
        "engage",
        "mitmachen",
        "beitreten",
        "teilnehmen",
        "attend",
        "attendance",
        "teilnahme",
        "mitwirken",
        "beteiligen",
    ],
    &["member", "membership", "mitglied", "mitgliedschaft"],
    // getting a file
    &[
        "download",
        "downloads",
        "herunterladen",
        "runterladen",
        "downloaden",
    ],
    // an imprint's register entry: "AG Charlottenburg", "VR 12345 B"
    &["amtsgericht", "registergericht", "ag"],
    &[
        "registernummer",
        "vereinsregister",
        "handelsregister",
        "registereintrag",
        "vr",
        "hrb",
    ],
    &["partner", "partnership", "partnerschaft"],
    &[
        "company",
        "organization",
        "organisation",
        "org",
        "orgs",
        "firm",
        "enterprise",
        "unternehmen",
        "firma",
    ],
    &[
        "founder",
        "founding",
        "founded",
        "cofounder",
        "gründer",
        "mitgründer",
        "mitbegründer",
        "gründung",
        "gründen",
        "gegründet",
        "gründungsmitglied",
    ],
    // reaching someone
    &[
        "contact",
        "reach",
        "kontakt",
        "kontaktieren",
        "ansprechpartner",
        "ansprechperson",
    ],
    &["email", "mail", "address", "adresse"],
    // purpose
    &[
        "goal",
        "aim",
        "objective",
        "purpose",
        "mission",
        "ziel",
        "zweck",
    ],
    // further reading
    &["link", "links", "resource", "resources", "weiterführend"],
    &[
        "documentation",
        "docs",
        "doc",
        "manual",
        "handbook",
        "dokumentation",
        "doku",
        "handbuch",
    ],
    &[
        "repository",
        "repositories",
        "repo",
        "code",
        "github",
        "quellcode",
    ],
    // topics
    &["network", "netzwerk"],
    &[
        "funding",
        "funded",
        "fund",
        "förderung",
        "gefördert",
        "fördern",
        "finanzierung",
        "subsidy",
        "subsidies",
        "zuschuss",
        "fördermittel",
        "fördergeld",
    ],
    &["sovereignty", "sovereign", "souveränität", "souverän"],
    &[
        "certification",
        "certificate",
        "certified",
        "zertifizierung",
        "zertifikat",
        "zertifiziert",
    ],
    &["federation", "federated", "föderation", "föderiert"],
    &["infrastructure", "infrastruktur"],
    &[
        "collaboration",
        "cooperation",
        "zusammenarbeit",
        "kooperation",
    ],
    &["contribution", "contribute", "beitrag", "beitragen"],
    &[
        "support",
        "supported",
        "supporter",
        "supporters",
        "backing",
        "backed",
        "unterstützen",
        "unterstützt",
        "unterstützer",
        "unterstützung",
    ],
    &[
        "technical",
        "technology",
        "technisch",
        "technik",
        "technologie",
    ],
    &["standard", "standards", "norm"],
    &["development", "develop", "entwicklung", "entwickeln"],
    &["europe", "european", "europa", "europäisch"],
    &["germany", "german", "deutschland", "deutsch"],
    &["ministry", "ministerium", "bundesministerium"],
    &["news", "announcement", "neuigkeiten", "ankündigung"],
    // what things cost, and when they happen
    &[
        "cost",
        "costs",
        "price",
        "fee",
        "fees",
        "charge",
        "pay",
        "kosten",
        "kostet",
        "preis",
        "gebühr",
        "gebühren",
        "bezahlen",
    ],
    &["free", "gratis", "kostenlos", "kostenfrei"],
    &["budget", "etat", "haushalt"],
    &[
        "start",
        "started",
        "begin",
        "began",
        "launch",
        "launched",
        "beginn",
        "begann",
        "gestartet",
        "starten",
        "beginnen",
        "anfangen",
    ],
    &[
        "end", "ended", "finish", "ende", "endete", "beendet", "vorbei",
    ],
    &[
        "publish",
        "published",
        "release",
        "released",
        "appear",
        "appeared",
        "veröffentlichen",
        "veröffentlicht",
        "erscheinen",
        "erschienen",
        "erscheint",
    ],
    &["date", "day", "datum", "tag", "termin"],
    // months, with their usual abbreviations ("jan 1", "3. Okt.")
    &["january", "jan", "januar", "jänner"],
    &["february", "feb", "februar"],
    &["march", "mar", "märz", "mär"],
    &["april", "apr"],
    &["june", "jun", "juni"],
    &["july", "jul", "juli"],
    &["august", "aug"],
    &["september", "sep", "sept"],
    &["october", "oct", "oktober", "okt"],
    &["november", "nov"],
    &["december", "dec", "dezember", "dez"],
    &["place", "location", "venue", "ort", "veranstaltungsort"],
    &["year", "years", "jahr", "jahre"],
    // people and roles
    &[
        "chair",
        "chairman",
        "chairwoman",
        "chairperson",
        "spokesperson",
        "speaker",
        "vorsitzender",
        "vorsitzende",
        "sprecher",
        "sprecherin",
    ],
    &[
        "head", "lead", "leader", "leads", "leiter", "leiterin", "leitet", "leitung",
    ],
    &["responsible", "verantwortlich", "zuständig"],
    &[
        "people", "persons", "person", "leute", "menschen", "personen",
    ],
    &["contributor", "contributors", "mitwirkende", "beitragende"],
    &[
        "phone",
        "telephone",
        "mobile",
        "telefon",
        "handy",
        "telefonnummer",
        "handynummer",
    ],
    &["press", "media", "presse", "medien"],
    // events
    &["event", "events", "veranstaltung", "veranstaltungen"],
    &["conference", "konferenz", "tagung"],
    &[
        "talk",
        "talks",
        "speak",
        "spoke",
        "spoken",
        "sprechen",
        "spricht",
        "presentation",
        "lecture",
        "vortrag",
        "vorträge",
        "präsentation",
    ],
    &[
        "recording",
        "recordings",
        "video",
        "videos",
        "aufzeichnung",
        "aufzeichnungen",
    ],
    &[
        "program",
        "programme",
        "agenda",
        "schedule",
        "programm",
        "zeitplan",
        "ablauf",
        "tagesordnung",
    ],
    &["report", "recap", "review", "bericht", "rückblick"],
    &["language", "languages", "sprache", "sprachen"],
    &["english", "englisch"],
    &[
        "training",
        "course",
        "courses",
        "workshop",
        "schulung",
        "schulungen",
        "kurs",
    ],
    // software and its use
    &[
        "use",
        "using",
        "uses",
        "nutzen",
        "nutzt",
        "einsetzen",
        "verwenden",
        "anwenden",
    ],
    &["provider", "providers", "anbieter", "hoster"],
    &[
        "switch", "change", "migrate", "move", "wechseln", "wechsel", "umziehen",
    ],
    &[
        "skip",
        "skipping",
        "auslassen",
        "überspringen",
        "überspringt",
    ],
    &["license", "licence", "licensed", "lizenz", "lizenziert"],
    &["bug", "error", "fehler", "defect"],
    &["test", "tests", "testing", "prüfung", "prüfen", "test"],
    &["version", "versions", "fassung"],
    &["operating", "betriebssystem", "betriebssysteme"],
    // running an organisation or a project
    &["run", "ran", "manage", "betreiben", "verwalten"],
    &[
        "university",
        "universities",
        "college",
        "hochschule",
        "hochschulen",
        "universität",
    ],
    &["school", "schools", "schule", "schulen"],
    // the web site itself
    &["privacy", "datenschutz"],
    &["imprint", "impressum"],
    &[
        "store",
        "stored",
        "keep",
        "kept",
        "retain",
        "speichern",
        "gespeichert",
        "aufbewahrt",
        "aufbewahren",
    ],
    &[
        "log",
        "logs",
        "logfile",
        "logdatei",
        "logdateien",
        "protokoll",
    ],
    &["framework", "rahmen", "rahmenwerk"],
    &[
        "tender",
        "tenders",
        "procurement",
        "ausschreibung",
        "ausschreibungen",
        "vergabe",
    ],
    // what a project stands for, and how it keeps it
    &["quality", "qualität", "qualitätssicherung"],
    &["values", "principles", "werte", "prinzipien", "grundsätze"],
    &["quote", "quotation", "zitat", "zitiert"],
    &["read", "reading", "lesen", "nachlesen", "lektüre"],
    &["federal", "bund", "bundes"],
    &["project", "projekt", "vorhaben"],
    &["security", "secure", "sicherheit"],
    &[
        "municipal",
        "municipalities",
        "kommunal",
        "kommunaler",
        "kommunen",
    ],
    &["seal", "badge", "siegel", "gütesiegel"],
    &["meeting", "meetings", "treffen", "sitzung"],
    // what a network of companies says of itself
    &["data", "daten"],
    &["future", "zukunft", "zukünftig"],
    &[
        "service",
        "services",
        "dienst",
        "dienste",
        "dienstleistung",
        "dienstleistungen",
    ],
    &["offering", "offerings", "angebot", "angebote"],
    &["market", "markt"],
    &["result", "results", "ergebnis", "ergebnisse"],
    &["economy", "economic", "wirtschaft", "wirtschaftlich"],
    &["business", "geschäft", "geschäftlich"],
    &["legal", "rechtlich", "juristisch"],
    &["access", "zugang", "zugriff"],
    &["create", "created", "creating", "schaffen", "geschaffen"],
    &["interest", "interested", "interesse", "interessiert"],
    &["approach", "ansatz"],
    &["establish", "established", "etablieren", "etabliert"],
    &["foundation", "stiftung"],
    &[
        "shape",
        "shaping",
        "gestalten",
        "gestaltung",
        "mitgestalten",
    ],
    &["climate", "klima"],
    &["ensure", "sicherstellen", "gewährleisten"],
    &["platform", "plattform"],
    &["commitment", "committed", "engagement", "engagiert"],
    &["equal", "equally", "gleichberechtigt", "gleichberechtigung"],
    &[
        "requirement",
        "requirements",
        "anforderung",
        "anforderungen",
    ],
    &["achieve", "achieved", "erreichen", "erzielen"],
    &[
        "maintain",
        "maintenance",
        "pflege",
        "pflegen",
        "wartung",
        "instandhaltung",
    ],
    &[
        "component",
        "components",
        "komponente",
        "komponenten",
        "baustein",
        "bausteine",
    ],
    &["alliance", "allianz", "bündnis"],
    &["participant", "participants", "teilnehmer", "teilnehmende"],
    &["implementation", "implement", "umsetzung", "umsetzen"],
    &[
        "crucial",
        "essential",
        "important",
        "entscheidend",
        "wesentlich",
        "wichtig",
    ],
    &["transformation", "wandel"],
    &[
        "sustainable",
        "sustainability",
        "nachhaltig",
        "nachhaltigkeit",
    ],
    &[
        "compliance",
        "compliant",
        "comply",
        "adhere",
        "konformität",
        "konform",
        "einhalten",
        "einhaltung",
    ],
    &["strengthen", "stärken", "stärkung"],
    &["nonprofit", "gemeinnützig"],
    &[
        "advancement",
        "advance",
        "weiterentwicklung",
        "weiterentwickeln",
    ],
    &["template", "vorlage"],
    &["stakeholder", "stakeholders", "akteur", "akteure"],
    &["anchored", "anchor", "verankert", "verankern"],
    &[
        "interoperability",
        "interoperable",
        "interoperabilität",
        "interoperabel",
    ],
    &["global", "worldwide", "international", "weltweit"],
    &["digital", "digitale", "digitalen", "digitaler"],
];

/// Indexes into [`GROUPS`] by the forms a word is looked up by.
struct Keys {
    /// A word as listed (folded) → the groups that list it.
    listed: HashMap<String, Vec<usize>>,
    /// Any of a listed word's keys ([`keys`]) → the groups of the words that have it.
    any: HashMap<String, Vec<usize>>,
}

fn index() -> &'static Keys {
    static INDEX: OnceLock<Keys> = OnceLock::new();
    INDEX.get_or_init(|| {
        // Own analyzers: this may run inside `with_analyzers`.
        let mut a = Analyzers::new();
        let mut keys_of = Keys {
            listed: HashMap::new(),
            any: HashMap::new(),
        };
        let add = |map: &mut HashMap<String, Vec<usize>>, key: String, group: usize| {
            let groups = map.entry(key).or_default();
            if !groups.contains(&group) {
                groups.push(group);
            }
        };
        for (group, words) in GROUPS.iter().enumerate() {
            for word in *words {
                if let Some(listed) = Analyzers::term_of(&mut a.raw, word) {
                    add(&mut keys_of.listed, listed, group);
                }
                for key in keys(&mut a, word) {
                    add(&mut keys_of.any, key, group);
                }
            }
        }
        keys_of
    })
}

/// The forms a word is looked up by: folded, and its English and German stems.
fn keys(a: &mut Analyzers, word: &str) -> Vec<String> {
    let mut keys = Vec::with_capacity(3);
    for key in [
        Analyzers::term_of(&mut a.raw, word),
        Analyzers::term_of(&mut a.en, word),
        Analyzers::term_of(&mut a.de_stem, word),
    ]
    .into_iter()
    .flatten()
    {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

thread_local! {
    /// `alternatives` per word: stemming a word three ways costs more than the look-up.
    static SEEN: std::cell::RefCell<HashMap<String, Vec<&'static str>>> =
        std::cell::RefCell::new(HashMap::new());
}

/// Most words whose alternatives are remembered per thread.
const SEEN_WORDS: usize = 10_000;

/// The other words of the groups `word` (lower-case) belongs to (see [`lookup`]).
pub fn alternatives(a: &mut Analyzers, word: &str) -> Vec<&'static str> {
    if let Some(known) = SEEN.with(|seen| seen.borrow().get(word).cloned()) {
        return known;
    }
    let found = lookup(a, word);
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() >= SEEN_WORDS {
            seen.clear();
        }
        seen.insert(word.to_string(), found.clone());
    });
    found
}

/// The other words of the groups that list `word` as it is, or else of the groups one of
/// whose words has its first form that any has (see [`keys`]: as written, the English stem,
/// the German stem): two groups may share a stem ("daten" and "date" both stem to "dat" in
/// German, "engagement" and "engage" to "engag"), the word as listed says which one is meant.
fn lookup(a: &mut Analyzers, word: &str) -> Vec<&'static str> {
    let index = index();
    let keys = keys(a, word);
    let listed = Analyzers::term_of(&mut a.raw, word).and_then(|raw| index.listed.get(&raw));
    let mut groups: Vec<usize> = Vec::new();
    match listed {
        Some(listed) => groups.clone_from(listed),
        // The word as written, else its English stem, else its German stem: the first form
        // some group has ("dates" is the English "date", not the German "dat" of "Daten").
        None => {
            if let Some(found) = keys.iter().find_map(|key| index.any.get(key)) {
                groups.clone_from(found);
            }
        }
    }
    let mut out: Vec<&'static str> = Vec::new();
    for g in groups {
        for candidate in GROUPS[g] {
            let same =
                Analyzers::term_of(&mut a.raw, candidate).is_some_and(|raw| keys.contains(&raw));
            if !same && !out.contains(candidate) {
                out.push(candidate);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::analyzer::with_analyzers;

    fn alternatives_of(word: &str) -> Vec<&'static str> {
        with_analyzers(|a| alternatives(a, word))
    }

    #[test]
    fn a_german_word_has_its_english_counterparts() {
        assert!(alternatives_of("mitmachen").contains(&"join"));
        assert!(alternatives_of("runterladen").contains(&"download"));
        assert!(alternatives_of("ziele").contains(&"goal"));
        assert!(alternatives_of("kontakt").contains(&"contact"));
    }

    #[test]
    fn inflected_forms_are_found_by_their_stem() {
        assert!(alternatives_of("objectives").contains(&"goal"));
        assert!(alternatives_of("mitglieder").contains(&"member"));
    }

    #[test]
    fn an_imprints_register_court_and_number_stand_for_their_abbreviations() {
        assert!(alternatives_of("amtsgericht").contains(&"ag"));
        assert!(alternatives_of("registernummer").contains(&"vr"));
    }

    #[test]
    fn month_abbreviations_stand_for_their_months_in_both_languages() {
        assert!(alternatives_of("jan").contains(&"january"));
        assert!(alternatives_of("okt").contains(&"october"));
        assert!(alternatives_of("dec").contains(&"dezember"));
    }

    #[test]
    fn everyday_words_for_organisations_backing_and_technical_things_have_counterparts() {
        assert!(alternatives_of("org").contains(&"organization"));
        assert!(alternatives_of("backing").contains(&"support"));
        assert!(alternatives_of("unterstützt").contains(&"supported"));
        assert!(alternatives_of("technische").contains(&"technical"));
    }

    #[test]
    fn attending_moving_and_subsidies_are_said_in_the_pages_words() {
        assert!(alternatives_of("attend").contains(&"participate"));
        assert!(alternatives_of("teilnahme").contains(&"teilnehmen"));
        assert!(alternatives_of("move").contains(&"switch"));
        assert!(alternatives_of("subsidies").contains(&"funding"));
        assert!(alternatives_of("auslassen").contains(&"überspringen"));
        assert!(alternatives_of("agenda").contains(&"programm"));
    }

    #[test]
    fn a_listed_word_stands_only_for_the_groups_that_list_it() {
        // "daten" and "date" both stem to "dat" in German, "engagement" and "engage" to "engag".
        assert!(alternatives_of("daten").contains(&"data"));
        assert!(!alternatives_of("daten").contains(&"date"));
        assert!(!alternatives_of("engagement").contains(&"join"));
        assert!(!alternatives_of("engage").contains(&"commitment"));
        // A form no group lists is looked up by its first form some group has.
        assert!(alternatives_of("dates").contains(&"datum"));
        assert!(!alternatives_of("dates").contains(&"data"));
        for words in GROUPS {
            for word in *words {
                let listing: Vec<&[&str]> = GROUPS
                    .iter()
                    .copied()
                    .filter(|g| g.contains(word))
                    .collect();
                for alternative in alternatives_of(word) {
                    assert!(
                        listing.iter().any(|g| g.contains(&alternative)),
                        "{word} -> {alternative}"
                    );
                }
            }
        }
    }

    #[test]
    fn unknown_words_have_no_alternatives() {
        assert!(alternatives_of("wavecon").is_empty());
        assert!(!alternatives_of("join").contains(&"join"));
    }
}
