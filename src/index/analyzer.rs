//! Text analysis shared by indexing and querying.
//!
//! Three analyzer families, registered under fixed names in every [`tantivy::Index`] we open:
//! - `scs_en`: words → lower case → numbers as digits → English stopwords (Lucene list) →
//!   British spellings as American → Porter2 stemmer → ASCII folding;
//! - `scs_de`: words → lower case → numbers as digits → German stopwords → compounds split →
//!   German normalisation (`ä`/`ae` → `a`, `ß` → `ss`, as Lucene's `GermanNormalizationFilter`)
//!   → German Snowball stemmer → ASCII folding;
//! - `scs_plain` (pages in any other language): words → lower case → numbers as digits → ASCII
//!   folding, no stemming;
//! - `scs_raw`: words → lower case → numbers as digits → ASCII folding. Unstemmed surface forms,
//!   used for exact-form bonuses and as the dictionary that typo-tolerant (fuzzy) matching
//!   expands against.
//!
//! Numbers and compounds: see [`super::rewrite`].
//!
//! Invariant: the query side runs the very same analyzers as the index side (see
//! [`Analyzers`]), so a query term is always comparable with an indexed term. Analyzers are
//! built once per thread ([`with_analyzers`]), never per query.

use std::cell::RefCell;
use std::mem;

use super::rewrite::{self, RewriteFilter};

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, StopWordFilter, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
    TokenizerManager,
};

pub const EN: &str = "scs_en";
pub const DE: &str = "scs_de";
pub const PLAIN: &str = "scs_plain";
pub const RAW: &str = "scs_raw";

/// Tokens longer than this (in bytes) are dropped: base64 blobs, hashes, long URLs.
const MAX_TOKEN_LEN: usize = 40;

/// Words that carry no meaning in a *question* (asked in English or German, mixed freely), on top
/// of the index-side stopword lists. Only applied to queries: removing them from a question can
/// never make it miss a section, it only stops them from matching noise.
const QUESTION_WORDS: &[&str] = &[
    // English
    "what",
    "whats",
    "who",
    "whom",
    "whose",
    "which",
    "how",
    "where",
    "when",
    "why",
    "do",
    "does",
    "did",
    "done",
    "i",
    "im",
    "me",
    "my",
    "mine",
    "we",
    "our",
    "ours",
    "us",
    "you",
    "your",
    "he",
    "she",
    "him",
    "her",
    "its",
    "can",
    "could",
    "would",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "have",
    "has",
    "had",
    "am",
    "been",
    "being",
    "were",
    "please",
    "tell",
    "show",
    "give",
    "know",
    "want",
    "need",
    "find",
    "there",
    "here",
    "about",
    "any",
    "some",
    "so",
    "than",
    "too",
    "very",
    "just",
    "also",
    "s",
    "t",
    "hi",
    "hello",
    "hey",
    "thanks",
    "thank",
    "pls",
    "plz",
    "someone",
    "anyone",
    "anybody",
    "somebody",
    "something",
    "anything",
    "exactly",
    "actually",
    "currently",
    "much",
    "many",
    "get",
    "got",
    // chat fillers
    "like",
    "still",
    "thing",
    "things",
    "stuff",
    "lol",
    "btw",
    "bot",
    "guys",
    "really",
    "maybe",
    "basically",
    "whats",
    "wat",
    "since",
    // German question words and fillers not in the Snowball list
    "wer",
    "wen",
    "wem",
    "wessen",
    "was",
    "wie",
    "wo",
    "wann",
    "warum",
    "weshalb",
    "wieso",
    "wofür",
    "wofur",
    "wozu",
    // "was heißt …" (what does … mean)
    "heißt",
    "heisst",
    "welche",
    "welcher",
    "welches",
    "welchen",
    "welchem",
    "ich",
    "du",
    "ihr",
    "sie",
    "es",
    "man",
    "kann",
    "koennen",
    "können",
    "gibt",
    "bitte",
    "mir",
    "mich",
    "uns",
    "euch",
    "hallo",
    "danke",
    "jemand",
    "etwas",
    "eigentlich",
    "genau",
    "gerne",
    "gern",
    "denn",
    "mal",
    "ist",
    "sind",
    "worum",
    "gehts",
    "seit",
    "halt",
    "eben",
    "gerade",
    "überhaupt",
    "vielleicht",
    "infos",
    // What is left of a contraction once its apostrophe splits it ("don't" → "don" "t", "I'm"
    // → "i" "m"), and the contraction typed without one ("dont", "isnt"): chat writes both.
    "don",
    "doesn",
    "isn",
    "aren",
    "wasn",
    "weren",
    "hasn",
    "hadn",
    "didn",
    "wouldn",
    "couldn",
    "shouldn",
    "ll",
    "re",
    "ve",
    "d",
    "m",
    "dont",
    "doesnt",
    "isnt",
    "arent",
    "wasnt",
    "werent",
    "havent",
    "hasnt",
    "didnt",
    "wont",
    "wouldnt",
    "couldnt",
    "shouldnt",
    "cant",
    "ive",
    "youre",
    "thats",
    "theres",
    "hows",
    "wheres",
    "whos",
    // More chat fillers of English
    "gonna",
    "wanna",
    "gotta",
    "kinda",
    "sorta",
    "anyway",
    "anyways",
    "u",
    "ur",
    "ya",
    "yeah",
    "yep",
    "ok",
    "okay",
    "idk",
    "tbh",
    "imo",
    "pretty",
    "quite",
    "even",
    "already",
    "yet",
    "else",
    "hmm",
    // Chat shorthand: "tl;dr", "thx", "w/", "rn" (right now), "ppl", "nah", "yo", "info?"
    "tl",
    "dr",
    "tldr",
    "thx",
    "ty",
    "w",
    "rn",
    "ppl",
    "nah",
    "yo",
    "folks",
    "smth",
    "sth",
    "afaik",
    "iirc",
    "fyi",
    "ngl",
    "nvm",
    "info",
    "infos",
    // German contractions of a preposition and an article the Snowball list lacks, and
    // more chat fillers
    "beim",
    "fürs",
    "ans",
    "aufs",
    "ums",
    "übers",
    "bzw",
    "irgendwas",
    "irgendwie",
    "irgendwo",
    "irgendein",
    "irgendeine",
    "irgendeinen",
    "irgendwelche",
    "schon",
    // "nichts" as spoken; the Nix tool, were a page about it, would still be found by
    // "nixos" or "nixpkgs".
    "nix",
    "ja",
    "nee",
    "eher",
    "echt",
    "wirklich",
    "sowas",
    "bisschen",
    // Spoken German: "gibt's", "'ne", "'nen", "moin"
    "gibts",
    "ne",
    "nen",
    "moin",
    // German auxiliaries the Snowball list lacks ("wann wurde Release 9 veröffentlicht?")
    "wurde",
    "wurden",
    "worden",
    // Conjunctions, adverbs and modal verbs of German the Snowball list lacks (it spells
    // "daß"): they carry the sentence, not its topic, as "can" and "should" do in English.
    "dass",
    "könnten",
    "könntest",
    "möchte",
    "möchten",
    "hätte",
    "hätten",
    "hättest",
    "wäre",
    "wären",
    "darf",
    "dürfen",
    "soll",
    "sollen",
    "sollte",
    "sollten",
    "müsste",
    "müssten",
    "muss",
    "müssen",
    "will",
    "wollen",
    "hast",
    "habt",
    "irgendwer",
    "irgendjemand",
    "wohl",
    "ziemlich",
    "bereits",
    "jedoch",
    "allerdings",
    "trotzdem",
    "dabei",
    "davon",
    "darauf",
    "daran",
    "dafür",
    "dazu",
    "danach",
    "daher",
    "deshalb",
    "sowie",
    "nämlich",
    "ganz",
    "immer",
    // Chat spellings and "besides …", "except …", "außer …": what the question leaves out is
    // no topic ("besides the logos, who else supports the summit?"). Not "apart": "what sets
    // SCS apart from VMware?".
    "thru",
    "tho",
    "lemme",
    "nem",
    "besides",
    "except",
    "außer",
    "ausser",
    "abgesehen",
    // "laut der Seite" (according to), "ist … in R5 drin" (in it)
    "laut",
    "drin",
    // past forms of "give", a question word
    "gave",
    "given",
    // Requests to reshape the answer ("sum up the goals as bullet points for jira", "fasse das
    // in Stichpunkten zusammen"): the bot shows the section; what to do with it is no topic.
    // Not words a page may be about: "summary" (an announcement's heading), "slides",
    // "newsletter", "wiki", "markdown", "draft" (a standard's stage). Nor "translate"/"übersetzen": "Übersetze
    // 'Haus' ins Englische" asks for what no page is about.
    "summarize",
    "summarise",
    "summarized",
    "summarised",
    "eli5",
    "bullet",
    "bullets",
    "bulleted",
    "checklist",
    "paste",
    "jira",
    "blurb",
    "rephrase",
    "reword",
    "oneliner",
    "sentence",
    "sentences",
    "briefly",
    "nutshell",
    "zusammenfassen",
    "fasse",
    "stichpunkte",
    "stichpunkten",
    "stichpunktartig",
    "formuliere",
    "formulieren",
    "satz",
    "sätzen",
    "checkliste",
    // "boil the aims down to five words apiece, as a numbered list", "say it again in plain
    // english", "tl;dr", "rewrite that for a layman"
    "numbered",
    "apiece",
    "boil",
    "plain",
    "tldr",
    "rewrite",
    "layman",
    "laymans",
    "umschreiben",
    "umformulieren",
];

/// The analyzers of one thread: building a [`TextAnalyzer`] allocates, so they are built once.
pub struct Analyzers {
    pub en: TextAnalyzer,
    pub de: TextAnalyzer,
    /// The German analyzer without splitting compounds: the same first term, for look-ups
    /// that need only that (the glossary's keys).
    pub de_stem: TextAnalyzer,
    pub plain: TextAnalyzer,
    pub raw: TextAnalyzer,
    /// Splits a question into lower-case words (no stopwords removed, no stemming).
    pub words: TextAnalyzer,
    /// Single-word analyzer that drops the word when it is a stopword in any supported language
    /// or a question word.
    query_stop: TextAnalyzer,
}

impl Analyzers {
    pub fn new() -> Analyzers {
        Analyzers {
            en: en_analyzer(),
            de: de_analyzer(),
            de_stem: TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(MAX_TOKEN_LEN))
                .filter(LowerCaser)
                .filter(RewriteFilter(rewrite::numbers))
                .filter(stopwords(Language::German))
                .filter(GermanNormalizer)
                .filter(Stemmer::new(Language::German))
                .filter(AsciiFoldingFilter)
                .build(),
            plain: plain_analyzer(),
            raw: raw_analyzer(),
            words: TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(MAX_TOKEN_LEN))
                .filter(LowerCaser)
                .filter(RewriteFilter(rewrite::numbers))
                .build(),
            query_stop: TextAnalyzer::builder(RawTokenizer::default())
                .filter(stopwords(Language::English))
                .filter(stopwords(Language::German))
                .filter(StopWordFilter::remove(
                    QUESTION_WORDS.iter().map(|w| w.to_string()),
                ))
                .build(),
        }
    }

    /// The stemming analyzer registered under `name` ([`EN`], [`DE`] or [`PLAIN`]).
    pub fn stemmed(&mut self, name: &str) -> &mut TextAnalyzer {
        match name {
            EN => &mut self.en,
            DE => &mut self.de,
            _ => &mut self.plain,
        }
    }

    /// True when a lower-cased query word should be ignored.
    pub fn is_query_stopword(&mut self, word: &str) -> bool {
        let mut stream = self.query_stop.token_stream(word);
        !stream.advance()
    }

    /// The single term `analyzer` makes of one word, if any.
    pub fn term_of(analyzer: &mut TextAnalyzer, word: &str) -> Option<String> {
        let mut stream = analyzer.token_stream(word);
        if stream.advance() {
            Some(mem::take(&mut stream.token_mut().text))
        } else {
            None
        }
    }
}

thread_local! {
    static ANALYZERS: RefCell<Analyzers> = RefCell::new(Analyzers::new());
}

/// Runs `f` with this thread's analyzers.
pub fn with_analyzers<R>(f: impl FnOnce(&mut Analyzers) -> R) -> R {
    ANALYZERS.with(|cell| f(&mut cell.borrow_mut()))
}

/// Registers every analyzer under its name, so tantivy can index fields that name them.
pub fn register(manager: &TokenizerManager) {
    manager.register(EN, en_analyzer());
    manager.register(DE, de_analyzer());
    manager.register(PLAIN, plain_analyzer());
    manager.register(RAW, raw_analyzer());
}

/// The stemming analyzer name for pages in `language`.
pub fn for_language(language: &str) -> &'static str {
    match language {
        "en" => EN,
        "de" => DE,
        _ => PLAIN,
    }
}

fn stopwords(language: Language) -> StopWordFilter {
    StopWordFilter::new(language).unwrap_or_else(|| StopWordFilter::remove(Vec::new()))
}

fn en_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_LEN))
        .filter(LowerCaser)
        .filter(RewriteFilter(rewrite::numbers))
        .filter(stopwords(Language::English))
        .filter(RewriteFilter(rewrite::american))
        .filter(Stemmer::new(Language::English))
        .filter(AsciiFoldingFilter)
        .build()
}

fn de_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_LEN))
        .filter(LowerCaser)
        .filter(RewriteFilter(rewrite::numbers))
        .filter(stopwords(Language::German))
        .filter(RewriteFilter(rewrite::german_compound))
        .filter(GermanNormalizer)
        .filter(Stemmer::new(Language::German))
        .filter(AsciiFoldingFilter)
        .build()
}

fn plain_analyzer() -> TextAnalyzer {
    raw_analyzer()
}

fn raw_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_LEN))
        .filter(LowerCaser)
        .filter(RewriteFilter(rewrite::numbers))
        .filter(AsciiFoldingFilter)
        .build()
}

/// Folds German spelling variants together, like Lucene's `GermanNormalizationFilter`:
/// `ä`, `ae` → `a`; `ö`, `oe` → `o`; `ü`, `ue` → `u` (not after `q`, not in `eue`); `ß` → `ss`.
/// So "Förderung", "Foerderung" and "Forderung" meet, and users without umlauts on their keyboard
/// still match. Expects lower-case input.
#[derive(Clone, Copy)]
pub struct GermanNormalizer;

impl TokenFilter for GermanNormalizer {
    type Tokenizer<T: Tokenizer> = GermanNormalizerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> GermanNormalizerFilter<T> {
        GermanNormalizerFilter {
            inner: tokenizer,
            buffer: String::new(),
        }
    }
}

#[derive(Clone)]
pub struct GermanNormalizerFilter<T> {
    inner: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for GermanNormalizerFilter<T> {
    type TokenStream<'a> = GermanNormalizerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        GermanNormalizerStream {
            tail: self.inner.token_stream(text),
            buffer: &mut self.buffer,
        }
    }
}

pub struct GermanNormalizerStream<'a, T> {
    tail: T,
    buffer: &'a mut String,
}

impl<T: TokenStream> TokenStream for GermanNormalizerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token: &mut Token = self.tail.token_mut();
        if needs_german_normalization(&token.text) {
            normalize_german(&token.text, self.buffer);
            mem::swap(&mut token.text, self.buffer);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

fn needs_german_normalization(word: &str) -> bool {
    !word.is_ascii() || word.contains("ae") || word.contains("oe") || word.contains("ue")
}

/// Lucene's state machine: an `e` after `a`/`o`/`u` is dropped, unless the `u` follows a `q`
/// or the vowel pair is part of `eu`/`au` (`neue`, `Bauer` stay intact enough: `neu`+`e`).
pub fn normalize_german(word: &str, out: &mut String) {
    #[derive(PartialEq)]
    enum State {
        /// Ordinary position.
        N,
        /// After a vowel that starts a digraph (`eu`, `au`, `qu`): the next `e` stays.
        V,
        /// After `a`, `o` or `u` that can take an umlaut `e`.
        U,
    }
    out.clear();
    let mut state = State::N;
    for c in word.chars() {
        match c {
            'a' | 'o' => {
                out.push(c);
                state = State::U;
            }
            'u' => {
                out.push(c);
                state = if state == State::N {
                    State::U
                } else {
                    State::V
                };
            }
            'e' => {
                if state != State::U {
                    out.push(c);
                }
                state = State::V;
            }
            'i' | 'q' | 'y' => {
                out.push(c);
                state = State::V;
            }
            'ä' => {
                out.push('a');
                state = State::V;
            }
            'ö' => {
                out.push('o');
                state = State::V;
            }
            'ü' => {
                out.push('u');
                state = State::V;
            }
            'ß' => {
                out.push_str("ss");
                state = State::N;
            }
            _ => {
                out.push(c);
                state = State::N;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn german_plural_and_singular_share_a_stem() {
        let mut de = de_analyzer();
        assert_eq!(terms(&mut de, "Partnern"), terms(&mut de, "Partner"));
        assert_eq!(terms(&mut de, "Zielen"), terms(&mut de, "Ziele"));
    }

    #[test]
    fn german_umlauts_and_their_ascii_spellings_meet() {
        let mut de = de_analyzer();
        assert_eq!(terms(&mut de, "Förderung"), terms(&mut de, "Foerderung"));
        assert_eq!(terms(&mut de, "Schlüssel"), terms(&mut de, "Schluessel"));
        assert_eq!(terms(&mut de, "Straße"), terms(&mut de, "Strasse"));
    }

    #[test]
    fn german_stopwords_are_dropped_before_normalisation() {
        let mut de = de_analyzer();
        assert_eq!(terms(&mut de, "für die Partner"), terms(&mut de, "Partner"));
    }

    #[test]
    fn english_inflections_share_a_stem() {
        let mut en = en_analyzer();
        assert_eq!(terms(&mut en, "joining"), terms(&mut en, "join"));
        assert_eq!(terms(&mut en, "partners"), terms(&mut en, "partner"));
        assert_eq!(
            terms(&mut en, "the certifications"),
            terms(&mut en, "certification")
        );
    }

    #[test]
    fn raw_analyzer_keeps_surface_forms_and_folds_accents() {
        let mut raw = raw_analyzer();
        assert_eq!(terms(&mut raw, "Dataport AöR"), vec!["dataport", "aor"]);
        assert_eq!(terms(&mut raw, "Federation"), vec!["federation"]);
    }

    #[test]
    fn question_words_of_both_languages_are_query_stopwords() {
        with_analyzers(|a| {
            for word in [
                "what",
                "the",
                "wer",
                "sind",
                "die",
                "how",
                "für",
                "isn",
                "dont",
                "m",
                "gonna",
                "beim",
                "fürs",
                "irgendwas",
                "tldr",
                "info",
                "gibts",
                "dass",
                "könnten",
                "laut",
                "drin",
                "summarize",
                "stichpunkten",
            ] {
                assert!(a.is_query_stopword(word), "{word}");
            }
            for word in ["partner", "join", "gaia", "mitmachen", "summary", "slides"] {
                assert!(!a.is_query_stopword(word), "{word}");
            }
        });
    }
}
