//! Token filters that rewrite one word into others, on the index side and the query side alike
//! (the analyzers run them both ways, so a question always meets the pages' words):
//!
//! - [`numbers`]: numbers written as words or as release names become digits: "ninth",
//!   "neuntes", "nine", "9th", "9." → `9`; "R9", "release9" → `release` `9`. So "the ninth
//!   release", "Release 9", "R9" and "neuntes Release" all ask for the same two words. Only
//!   two and up: "one"/"ein" are articles far more often than numbers. `r` as a prefix of
//!   digits is how the SCS community names its releases (R1 … R9).
//! - [`german_compound`]: a German compound is kept and followed by the common words it is made
//!   of ("Jahresbudget" → `jahresbudget` `jahr` `budget`; "Förderprojekt" → … `förder`
//!   `projekt`), found with the German word list of [`super::lexicon`]: each part is a common
//!   word (a first part may also be a verb stem: `förder` of "fördern"), joined directly or by a
//!   linking `s`, `es`, `n`, `en` or `e`. A question's compound thereby finds pages that use
//!   its parts apart, and the other way round. A word that is common itself splits only into
//!   more common words ("kontaktieren" stays whole, see [`split_compound`]).
//! - [`american`]: British spellings become American ones before English stemming, which
//!   treats them apart ("organisations" → `organis`, "organizations" → `organ`):
//!   `-isation` → `-ization` always; `-ise` (`-ised`, `-ising`, …) → `-ize` after the endings of
//!   verbs made with it (`-al`, `-ard`, `-im`, `-or`, …: "standardise", "optimise", "realise") or
//!   when the `-ize` word is a common word; `-our` → `-or`, `-tre` → `-ter`, `-yse` → `-yze`,
//!   `-ence` → `-ense` only when the American word is a common word ("colour", "centre",
//!   "analyse", "licence"; never "four", "science").
//!
//! No crate does either for German and English together: decompounders (e.g. charabia's) bring
//! dictionaries and tokenizers for many languages at a large compile-time cost, and
//! number-word normalisers handle one language each.
//!
//! Invariant: rewriting is a pure function of the word; any change to it needs a bump of
//! [`super::SCHEMA_VERSION`].

use std::cell::RefCell;
use std::collections::HashMap;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

use super::lexicon;

/// A word's replacements; empty keeps the word as it is.
pub type Rewrite = fn(&str, &mut Vec<String>);

/// A token filter that replaces each token by what its [`Rewrite`] makes of it (all at the
/// token's position and offsets).
#[derive(Clone, Copy)]
pub struct RewriteFilter(pub Rewrite);

impl TokenFilter for RewriteFilter {
    type Tokenizer<T: Tokenizer> = RewriteTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> RewriteTokenizer<T> {
        RewriteTokenizer {
            inner: tokenizer,
            rewrite: self.0,
            pending: Vec::new(),
        }
    }
}

#[derive(Clone)]
pub struct RewriteTokenizer<T> {
    inner: T,
    rewrite: Rewrite,
    pending: Vec<String>,
}

impl<T: Tokenizer> Tokenizer for RewriteTokenizer<T> {
    type TokenStream<'a> = RewriteStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.pending.clear();
        RewriteStream {
            tail: self.inner.token_stream(text),
            rewrite: self.rewrite,
            pending: &mut self.pending,
            own: None,
        }
    }
}

pub struct RewriteStream<'a, T> {
    tail: T,
    rewrite: Rewrite,
    /// Replacements still to hand out, last first.
    pending: &'a mut Vec<String>,
    /// The current token when it is a replacement (else the tail's token is current).
    own: Option<Token>,
}

impl<T: TokenStream> TokenStream for RewriteStream<'_, T> {
    fn advance(&mut self) -> bool {
        if let Some(text) = self.pending.pop() {
            if let Some(own) = &mut self.own {
                own.text = text;
            }
            return true;
        }
        self.own = None;
        if !self.tail.advance() {
            return false;
        }
        let mut replaced = Vec::new();
        (self.rewrite)(&self.tail.token().text, &mut replaced);
        if replaced.is_empty() {
            return true;
        }
        replaced.reverse();
        let first = replaced.pop().unwrap_or_default();
        *self.pending = replaced;
        let mut own = self.tail.token().clone();
        own.text = first;
        self.own = Some(own);
        true
    }

    fn token(&self) -> &Token {
        self.own.as_ref().unwrap_or_else(|| self.tail.token())
    }

    fn token_mut(&mut self) -> &mut Token {
        match &mut self.own {
            Some(own) => own,
            None => self.tail.token_mut(),
        }
    }
}

const EN_CARDINALS: [&str; 19] = [
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
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

const EN_ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

/// German cardinals from two; the ordinal stems are derived (`zwei` → `zweit`, `sieben` →
/// `siebt`, …) except the irregular ones in [`DE_ORDINAL_STEMS`].
const DE_CARDINALS: [&str; 19] = [
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
    "dreizehn",
    "vierzehn",
    "fünfzehn",
    "sechzehn",
    "siebzehn",
    "achtzehn",
    "neunzehn",
    "zwanzig",
];

/// Ordinal stems (before the ending `e`, `er`, `es`, `en`, `em`), 1 to 20.
const DE_ORDINAL_STEMS: [&str; 20] = [
    "erst",
    "zweit",
    "dritt",
    "viert",
    "fünft",
    "sechst",
    "siebt",
    "acht",
    "neunt",
    "zehnt",
    "elft",
    "zwölft",
    "dreizehnt",
    "vierzehnt",
    "fünfzehnt",
    "sechzehnt",
    "siebzehnt",
    "achtzehnt",
    "neunzehnt",
    "zwanzigst",
];

/// The number a word stands for, from 1 (ordinals only) to 20; `None` for any other word.
pub fn number_word(word: &str) -> Option<usize> {
    if let Some(i) = EN_CARDINALS.iter().position(|w| *w == word) {
        return Some(i + 2);
    }
    if let Some(i) = EN_ORDINALS.iter().position(|w| *w == word) {
        return Some(i + 1);
    }
    if let Some(i) = DE_CARDINALS.iter().position(|w| *w == word) {
        return Some(i + 2);
    }
    for ending in ["e", "er", "es", "en", "em"] {
        if let Some(stem) = word.strip_suffix(ending) {
            if let Some(i) = DE_ORDINAL_STEMS.iter().position(|w| *w == stem) {
                return Some(i + 1);
            }
        }
    }
    None
}

/// Numbers as digits (see the module doc). Expects a lower-case word.
pub fn numbers(word: &str, out: &mut Vec<String>) {
    let first = word.as_bytes().first().copied().unwrap_or(0);
    if first.is_ascii_digit() {
        // 9th, 2nd, 21st, 3rd
        let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &word[digits.len()..];
        if !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && matches!(suffix, "st" | "nd" | "rd" | "th")
        {
            out.push(digits.to_string());
        }
        return;
    }
    for prefix in ["release", "r"] {
        if let Some(digits) = word.strip_prefix(prefix) {
            if !digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit())
            {
                out.push("release".to_string());
                out.push(digits.to_string());
                return;
            }
        }
    }
    if let Some(n) = number_word(word) {
        out.push(n.to_string());
    }
}

/// Shortest part of a compound, in characters.
const MIN_PART: usize = 4;
/// Shortest compound worth splitting.
const MIN_COMPOUND: usize = 2 * MIN_PART;
/// Linking elements between the parts of a German compound, longest first.
const LINKS: [&str; 6] = ["es", "en", "s", "n", "e", ""];
/// Endings that are words of their own but, at the end of a word, make a derivation, not a
/// compound ("Partnerschaft" is not "Partner" + "Schaft").
const NOT_TAILS: [&str; 2] = ["schaft", "schaften"];
/// Endings that are words of the word list but, right after a verb stem, make a participle or
/// an adjective: "anbietende" is "anbieten" + "-de", not "anbiet" + "Ende"; "teilnehmende" is
/// no "teil" + "nehm" + "Ende"; "anwendbares" is no "anwend" + "bares".
const NOT_TAILS_OF_STEMS: [&str; 12] = [
    "ende", "enden", "ender", "endes", "bare", "bares", "lich", "lichen", "isch", "igen", "iger",
    "heit",
];
/// Below this frequency rank a word is common enough for the word list's rank to be trusted:
/// such a word splits only into more common words (see [`split_compound`]). Further down the
/// list, ranks are close and noisy ("Rechenzentrum" is rarer than "rechen" there).
const TRUSTED_RANK: u32 = 20_000;

/// How common a word is, from its frequency rank in German (`u32::MAX` for a word the list
/// lacks: a rare compound, a name).
fn german_rank(word: &str) -> u32 {
    lexicon::rank("de", word).unwrap_or(u32::MAX)
}

/// Whether `head` can start a compound: a common word, or the stem of one (`förder` of
/// `fördern`, `schul` of `schule`).
fn is_head(head: &str) -> bool {
    let mut buffer = String::with_capacity(head.len() + 2);
    lexicon::is_german(head)
        || ["n", "en", "e"].iter().any(|ending| {
            buffer.clear();
            buffer.push_str(head);
            buffer.push_str(ending);
            lexicon::is_german(&buffer)
        })
}

/// The parts of a German compound, first to last, or `None` (see the module doc): two parts
/// when the word splits in two (of several ways, the longest last part wins: the head of a
/// German compound is its last part), else three.
///
/// A word among the [`TRUSTED_RANK`] most common splits only into words that are each more
/// common than it: "Arbeitsgruppe" is "Arbeit" + "Gruppe", but "kontaktieren" stays whole (its
/// only split is "Kont" + "Akti" + "Eren") and so do "allgemein" ("Allg" + "mein") and
/// "Alternative" ("alter" + "native": "native" is the rarer word). Its own entry in the word
/// list says it is a word of its own; a split is only a guess.
pub fn split_compound(word: &str) -> Option<Vec<String>> {
    let rank = german_rank(word);
    let strict = (rank < TRUSTED_RANK).then_some(rank);
    split_in_two(word, strict).or_else(|| {
        for (head, tail) in splits(word, strict) {
            if let Some((middle, last)) =
                split_in_two(tail, strict).map(|p| (p[0].clone(), p[1].clone()))
            {
                return Some(vec![head.to_string(), middle, last]);
            }
        }
        None
    })
}

fn split_in_two(word: &str, strict: Option<u32>) -> Option<Vec<String>> {
    splits(word, strict)
        .filter(|(_, tail)| match strict {
            Some(rank) => german_rank(tail) < rank,
            None => lexicon::is_german(tail),
        })
        .max_by_key(|(head, tail)| (tail.len(), std::cmp::Reverse(head.len())))
        .map(|(head, tail)| vec![head.to_string(), tail.to_string()])
}

/// Whether `head` is the stem of a verb of the word list (`nehm` of `nehmen`, `förder` of
/// `fördern`).
fn is_verb_stem(head: &str) -> bool {
    ["en", "n"]
        .iter()
        .any(|ending| lexicon::is_german(&format!("{head}{ending}")))
}

/// Every way to cut `word` into a first part that can start a compound and a rest (after a
/// linking element) of at least [`MIN_PART`] letters. `strict` is the frequency rank of the
/// whole compound when it is a trusted common word: its first part must then be a more common
/// word (no stem).
fn splits(word: &str, strict: Option<u32>) -> impl Iterator<Item = (&str, &str)> {
    let long_enough = word.chars().count() >= MIN_COMPOUND;
    word.char_indices()
        .skip(MIN_PART)
        .filter(move |_| long_enough)
        .map(|(cut, _)| word.split_at(cut))
        .filter(move |(head, rest)| {
            rest.chars().count() >= MIN_PART
                && match strict {
                    Some(rank) => german_rank(head) < rank,
                    None => is_head(head),
                }
        })
        .flat_map(|(head, rest)| {
            LINKS
                .iter()
                .filter_map(move |link| rest.strip_prefix(link).map(|tail| (head, *link, tail)))
        })
        .filter(|(head, link, tail)| {
            tail.chars().count() >= MIN_PART
                && !NOT_TAILS.contains(tail)
                && !(NOT_TAILS_OF_STEMS.contains(tail)
                    && (!lexicon::is_german(head) || (link.is_empty() && is_verb_stem(head))))
        })
        .map(|(head, _, tail)| (head, tail))
}

/// Most words whose split is remembered per thread (a corpus has far fewer distinct words).
const MEMO_WORDS: usize = 50_000;

thread_local! {
    static SPLITS: RefCell<HashMap<String, Option<Vec<String>>>> = RefCell::new(HashMap::new());
}

/// A German compound followed by its parts (see the module doc); other words stay.
pub fn german_compound(word: &str, out: &mut Vec<String>) {
    if let Some(parts) = compound_parts(word) {
        out.push(word.to_string());
        out.extend(parts);
    }
}

/// [`split_compound`] of a lower-case word, remembered per thread: a corpus repeats its words,
/// and a split costs a few hundred look-ups.
pub fn compound_parts(word: &str) -> Option<Vec<String>> {
    if word.chars().count() < MIN_COMPOUND || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    SPLITS.with(|memo| {
        let mut memo = memo.borrow_mut();
        if let Some(known) = memo.get(word) {
            return known.clone();
        }
        if memo.len() >= MEMO_WORDS {
            memo.clear();
        }
        let parts = split_compound(word);
        memo.insert(word.to_string(), parts.clone());
        parts
    })
}

/// Endings of a stem that makes a verb with `-ise` (British) or `-ize` (American).
const IZE_STEMS: &[&str] = &["al", "ard", "im", "or", "an", "il", "it", "on", "rn", "er"];

/// British → American spelling of an English word (see the module doc).
pub fn american(word: &str, out: &mut Vec<String>) {
    if word.len() < 5 || !word.is_ascii() {
        return;
    }
    const IZE: &[(&str, &str)] = &[
        ("isations", "izations"),
        ("isation", "ization"),
        ("ising", "izing"),
        ("isers", "izers"),
        ("iser", "izer"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ise", "ize"),
    ];
    for (british, us) in IZE {
        if let Some(stem) = word.strip_suffix(british) {
            let american = format!("{stem}{us}");
            let verb = stem.len() >= 4 && IZE_STEMS.iter().any(|e| stem.ends_with(e));
            if british.contains("sation") || verb || lexicon::is_english(&american) {
                out.push(american);
            }
            return;
        }
    }
    const OTHERS: &[(&str, &str)] = &[
        ("ours", "ors"),
        ("our", "or"),
        ("tres", "ters"),
        ("tre", "ter"),
        ("yses", "yzes"),
        ("ysed", "yzed"),
        ("yse", "yze"),
        ("ences", "enses"),
        ("ence", "ense"),
    ];
    for (british, us) in OTHERS {
        if let Some(stem) = word.strip_suffix(british) {
            let american = format!("{stem}{us}");
            if word.len() >= 6 && lexicon::is_english(&american) {
                out.push(american);
            }
            return;
        }
    }
}

/// Runs `rewrite` on a word and returns what it makes (the word itself when nothing).
#[cfg(test)]
fn rewritten(rewrite: Rewrite, word: &str) -> Vec<String> {
    let mut out = Vec::new();
    rewrite(word, &mut out);
    if out.is_empty() {
        out.push(word.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(rewrite: Rewrite, word: &str, expect: &[&str]) {
        assert_eq!(rewritten(rewrite, word), expect, "{word}");
    }

    #[test]
    fn british_spellings_become_american_and_other_words_stay() {
        check(american, "organisations", &["organizations"]);
        check(american, "standardisation", &["standardization"]);
        check(american, "standardise", &["standardize"]);
        check(american, "optimised", &["optimized"]);
        check(american, "colour", &["color"]);
        check(american, "centre", &["center"]);
        check(american, "licence", &["license"]);
        for word in [
            "four",
            "hour",
            "science",
            "advertise",
            "exercise",
            "promise",
            "otherwise",
            "enterprise",
            "expertise",
            "cloud",
        ] {
            check(american, word, &[word]);
        }
    }

    #[test]
    fn numbers_written_every_way_become_digits() {
        check(numbers, "ninth", &["9"]);
        check(numbers, "neuntes", &["9"]);
        check(numbers, "neunte", &["9"]);
        check(numbers, "achten", &["8"]);
        check(numbers, "eight", &["8"]);
        check(numbers, "9th", &["9"]);
        check(numbers, "21st", &["21"]);
        check(numbers, "r9", &["release", "9"]);
        check(numbers, "release9", &["release", "9"]);
        check(numbers, "erste", &["1"]);
    }

    #[test]
    fn other_words_and_plain_numbers_stay() {
        for word in [
            "one", "ein", "release", "r", "rest", "9", "2025", "r2d2", "x9", "oneth",
        ] {
            check(numbers, word, &[word]);
        }
    }

    #[test]
    fn german_compounds_are_kept_and_split_into_common_words() {
        check(
            german_compound,
            "jahresbudget",
            &["jahresbudget", "jahr", "budget"],
        );
        check(
            german_compound,
            "souveränitätsrahmen",
            &["souveränitätsrahmen", "souveränität", "rahmen"],
        );
        check(
            german_compound,
            "förderprojekt",
            &["förderprojekt", "förder", "projekt"],
        );
        check(
            german_compound,
            "gründungsmitglieder",
            &["gründungsmitglieder", "gründung", "mitglieder"],
        );
    }

    #[test]
    fn a_common_word_splits_only_into_more_common_words() {
        check(
            german_compound,
            "arbeitsgruppe",
            &["arbeitsgruppe", "arbeit", "gruppe"],
        );
        check(
            german_compound,
            "bundesministerium",
            &["bundesministerium", "bund", "ministerium"],
        );
        // Each is a word of its own; its only splits are into stems, abbreviations or rarer
        // words ("Kont" + "Akti" + "Eren", "Allg" + "mein", "alter" + "native").
        for word in [
            "kontaktieren",
            "allgemein",
            "alternative",
            "aktivieren",
            "beschreibung",
        ] {
            check(german_compound, word, &[word]);
        }
    }

    #[test]
    fn a_participle_or_adjective_of_a_verb_stem_is_no_compound() {
        // "anbiet" + "Ende", "anwend" + "bares": derivations of "anbieten", "anwenden".
        for word in [
            "anbietende",
            "betreibenden",
            "anwendbares",
            "teilnehmende",
            "überzeugende",
        ] {
            check(german_compound, word, &[word]);
        }
    }

    #[test]
    fn words_that_are_not_compounds_stay_whole() {
        for word in [
            "veranstaltungen",
            "mitmachen",
            "partnerschaft",
            "kubernetes",
            "förderung",
        ] {
            check(german_compound, word, &[word]);
        }
    }
}
