//! Searching: a free question → the best sections.
//!
//! The question is never given to Tantivy's query parser. Its words (question words and
//! stopwords already dropped, numbers written as digits, see [`super::question_words`]) are
//! analysed by the analyzer of the language searched, and each becomes a [`Word`] with its
//! *readings*: the terms that stand for it in a section, each with a factor:
//! - the word as typed (1.0), when the index has it; a German compound the index lacks is split
//!   into its parts, each then a word of its own ("Jahresbudget" → "jahr", "budget");
//! - else the [`glossary`]'s other words for it ([`SYNONYM`]): "mitmachen" asked of English
//!   pages, "repo" for "repository";
//! - else, when it is not a common word of English or German ([`super::lexicon`]), the indexed
//!   words it may be a typo of: within one edit ([`FUZZY_1`]; two for long words,
//!   [`FUZZY_2`]), transpositions counting one, or starting with it ([`PREFIX`]);
//! - else, when it is a misspelling of a common word ([`lexicon::correction`]: "membrship",
//!   "thier"), that word, read as if typed, or dropped when it is a stopword. A common word
//!   the content lacks ("weather", "Wetter") is never "corrected": it says the question is about
//!   something the pages don't cover, and weighs heavily against answering
//!   ([`UNKNOWN_REAL_WEIGHT`]) — as heavily as the content can be expected to hold such a word:
//!   fully on a whole website, half of it on one page, which lacks most common words
//!   whatever its topic (`Analysis::foreign_evidence`).
//!
//! Scoring reads the postings of each reading straight from Tantivy's inverted index, over the
//! sections of one language, and adds per section and question word the best reading's
//! - BM25 over the section's heading and text (`all`), plus a constant [`COVERAGE`] for holding
//!   the word at all (Lucene's coordination factor, as a sum: more of the question's words beat
//!   a few of them often);
//! - a bonus when the word is in the section's own heading ([`W_HEADING`]) or in an enclosing
//!   heading or the page title ([`W_CONTEXT`]), in units of the word's IDF — a common word in a
//!   heading earns little, a rare one much (an approximation of BM25F);
//! - a small bonus for the exact form asked for, when stemming changed it ([`W_RAW`]).
//!
//! A word of the page title is shared by all the page's sections (each has the title in its
//! context): each holds it as much as the best of them does, so the title's words don't pick
//! a section; the rest of the question does ("Release 9 Kubernetes" is the Kubernetes section
//! of the release-9 announcement, not its lead paragraph that repeats "Release 9"). The
//! section whose heading restates the title gets no heading bonus for the title's words, but
//! gets it back when all the question finds on the page beyond common words are title words
//! ("when was Release 9 published?" is the lead).
//!
//! Then every section gets a share of what its *page* holds of the question ([`W_PAGE`] × the
//! IDF of each question word found anywhere on the page): the right page first, and within it
//! the section that holds the most. A question whose words are spread over an announcement (the
//! release number in the title, the version in a subsection) finds that announcement.
//!
//! Each hit carries its [`Coverage`]: the share of the question's weight (each word's IDF,
//! bounded; see [`Word::weight`]) its section, and its page, hold. The answer layer turns that
//! into the confidence that decides between answering and saying "I don't know".
//!
//! Hand-written rather than Tantivy queries: the page share needs every section's matches per
//! question word, which Tantivy's collectors don't expose, and reading the postings once per
//! reading is cheaper than the five clauses per word a `BooleanQuery` took.

use std::cell::RefCell;
use std::collections::HashMap;

use tantivy::postings::Postings;
use tantivy::query::FuzzyTermQuery;
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, DocId, DocSet, InvertedIndexReader, Searcher, TantivyDocument, Term};

use super::analyzer::{with_analyzers, Analyzers};
use super::facts;
use super::glossary;
use super::lexicon;
use super::rewrite;
use super::schema::{Fields, Group};
use super::snippet::{snippet, Snippet, Terms, Text};
use tantivy::query::DfaWrapper;

// The weights were first set on tests/eval/questions.toml and checked on the site-shaped
// question sets (tests/eval/site.toml and a development set over the real website): every value
// in a wide band around them scores within a question or two of the best, so they are round
// numbers, not fitted ones.

/// Heading bonus, in units of the word's IDF.
pub const W_HEADING: f32 = 0.75;
/// Enclosing-headings-and-page-title bonus, in units of the word's IDF.
pub const W_CONTEXT: f32 = 0.5;
/// Bonus of a section whose heading answers the question's question word ("When" for "when is
/// …", see [`super::question_hints`]), in units of the hint's IDF among headings.
pub const W_HINT: f32 = 0.5;
/// Page bonus: per question word found anywhere on the section's page, in units of its IDF.
pub const W_PAGE: f32 = 0.5;
/// Boost of the BM25 score of the exact, unstemmed form.
pub const W_RAW: f32 = 0.2;
/// Bonus per question word a section contains.
pub const COVERAGE: f32 = 1.0;
/// What two question words a section has side by side earn ([`side_by_side`]), times the
/// IDF of the pair among the sections: "the release manager" is the section naming one, not
/// the one about a manager in a release.
pub const W_PAIR: f32 = 0.15;
/// How many documents are ranked before the pairs lift some (more when more are asked for).
const PAIR_POOL: usize = 20;
/// What a word means in general language from which on it is rare there (beyond about the
/// 7,000 most frequent words, or no common word at all: "interoperability", a name): a pair
/// lifts no section lacking one the first section holds, and alone, such a word asks for what
/// the pages say about it (the answer layer's confidence).
pub const RARE_MEANING: f32 = 2.9;
/// Damping of a word one edit away from an unknown question word.
pub const FUZZY_1: f32 = 0.7;
/// Damping of a word one edit away from an unknown question word of [`MIN_SLIP_CHARS`] letters
/// or more: a slip of that word ("workshps", "hackatons"), which counts as the word itself as
/// evidence ([`evidence_factor`]). One edit in a shorter word is as often another word or a
/// name ("datev" is no "date", "uponu" no "upon"): [`FUZZY_1`].
pub const FUZZY_1_SLIP: f32 = 0.75;
/// Letters from which one edit away is a slip ([`FUZZY_1_SLIP`]).
pub const MIN_SLIP_CHARS: usize = 6;
/// Damping of a word two edits away from an unknown question word.
pub const FUZZY_2: f32 = 0.45;
/// Damping of a word that starts with an unknown question word.
pub const PREFIX: f32 = 0.6;
/// Damping of a glossary word standing in for an unknown question word.
pub const SYNONYM: f32 = 0.8;
/// Damping of a glossary word standing in for a question word the pages have too.
pub const SYNONYM_OF_KNOWN: f32 = 0.5;
/// Most indexed words one unknown query word expands to.
pub const MAX_EXPANSIONS: usize = 3;
/// Query words beyond this many are ignored (pasted text).
pub const MAX_QUERY_WORDS: usize = 16;
/// Shortest word (in characters) that is expanded as a possible typo.
pub const MIN_FUZZY_CHARS: usize = 4;
/// Shortest word that may be 2 edits away from what was meant.
pub const MIN_FUZZY_2_CHARS: usize = 10;

/// What a word weighs as evidence when the content doesn't have it, nor a correction or synonym
/// of it, and it is no common word either (a name, a code, gibberish).
pub const UNKNOWN_WEIGHT: f32 = 2.0;
/// What a common word of English or German weighs when the content doesn't have it at all: the
/// question is about something else ("weather", "risotto", "Gedicht").
pub const UNKNOWN_REAL_WEIGHT: f32 = 4.0;
/// What one of the most frequent words of a language weighs when the content doesn't have it:
/// "thing", "part", "stuff" say little about what is asked.
pub const GENERIC_WEIGHT: f32 = 1.0;
/// What a word means in general language (see [`meaning`]) below which it is one of the
/// thousand or so most frequent words of its language ("new", "version", "neu").
const COMMON_WORD_MEANING: f32 = 2.0;
/// What a number weighs: "release 9" is found by "release" and "9" together; a lone "1" is no
/// evidence of anything.
pub const NUMBER_WEIGHT: f32 = 0.5;
/// What a word of the question's language that pages in another language don't have (nor a
/// glossary word for it) weighs there, as a share of its weight: that no translation is known
/// says little of the topic ("bedeutet SCS, dass ich an keinen Anbieter gebunden bin?" asked
/// of an English page). 0.5 held back a fifth of the German questions of seed_discord3;
/// 0.25 answers them and every site-sized set is unchanged.
pub const UNTRANSLATABLE: f32 = 0.25;
/// The share of a correction's or synonym's search factor it keeps as evidence.
const READING_EVIDENCE: f32 = 1.0;

/// One section found for a question.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// How much of the question the section holds.
    pub coverage: Coverage,
    pub language: String,
    /// Slug of the page.
    pub slug: String,
    /// Anchor of the section (empty for text before the first heading).
    pub anchor: String,
    /// Title of the page.
    pub title: String,
    /// The section heading as a reader sees it.
    pub heading: String,
    /// Headings from the outermost enclosing one down to this section's.
    pub path: Vec<String>,
    /// Deep link to the section.
    pub url: String,
    pub score: f32,
    /// At most ~200 characters of the section text with the matched words in `**bold**`.
    pub snippet: String,
    /// The same text without marks, for renderers that escape text themselves.
    pub fragment: String,
    /// Byte ranges of `fragment` that `snippet` marks.
    pub highlights: Vec<std::ops::Range<usize>>,
}

/// How well a hit covers the question: the share of the question's weight its section (and its
/// page) holds, each word at its reading's factor; the words it holds; whether one stands in its
/// heading, its enclosing headings or its page title; and whether one picks it out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    pub share: f32,
    /// The same, over the whole page the section is on.
    pub page_share: f32,
    /// The raw forms of the question words found in the section.
    pub matched: Vec<String>,
    /// A question word stands in the section's heading, an enclosing heading or the page title.
    pub in_heading: bool,
    /// A word found is, as typed, in no other section: it picks this one out.
    pub unique: bool,
    /// The question holds a common word that no page has (nor a synonym of it).
    pub foreign: bool,
    /// The question asks for a kind of fact ([`super::facts`]: an age, a phone number, an
    /// amount, a date, the present moment, someone's private life) that no section of the
    /// hit's language states, or a fact held to the page ([`super::facts::is_held_to_page`]:
    /// about a person, a comparison) the hit's page doesn't state, or a price the hit's section
    /// doesn't state ([`super::facts::is_held_to_section`]): it cannot answer it ("how
    /// old is <a person on the contact page>", "<someone thanked on a page>'s phone number",
    /// "is A cheaper than B?" of a list naming both). Also set for every hit when the question
    /// names only releases the content names nowhere ("R10" before it is out: see the
    /// parent module's `named_releases`).
    pub fact_missing: bool,
    /// What the question's words mean in general language (see [`meaning`]): in all, found in
    /// the section, found on its page, and of the words foreign to the content.
    pub meaning: f32,
    pub meaning_found: f32,
    pub page_meaning_found: f32,
    pub meaning_foreign: f32,
    /// The highest [`domain`] of a word the section holds.
    pub domain: f32,
    /// The question words (raw) beyond the most common of their language ([`meaning`] at
    /// least [`COMMON_WORD_MEANING`]) that the section holds in its text or headings, its
    /// enclosing headings or its page title: what it is about of the question. Two hits are
    /// compared by it (see `prefer_fuller` in this module's parent).
    pub held: Vec<String>,
    /// How many words of the question the search reads: not its stopwords, nor a slip of one
    /// ("teh"); a compound counts as its parts. The same for every hit.
    pub words: usize,
}

/// How a question word stands for itself in the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Known {
    /// As typed (its stem).
    Typed,
    /// Through a synonym or a correction.
    Read,
    /// Not here, but pages in another language have it: a word of the other language.
    Untranslated,
    /// Not at all, and it is a common word of a language the pages are written in: the
    /// question is about something else.
    Foreign,
    /// Not at all: a name, a code, a typo of nothing.
    Unknown,
    /// Not at all, and it is a word about the text itself ("sections", "mentioned",
    /// [`lexicon::is_reading_word`]): it says how the question reads the pages, not what
    /// about; it weighs and means nothing.
    Reading,
}

/// Whether a word is one of the question's or a hint its question words give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    /// A word of the question.
    No,
    /// A heading word that answers the question word ("When", "Costs"): it lifts a section
    /// with it in its heading and means nothing else.
    Heading,
    /// The kind of fact asked for ([`super::facts`]: "how much" asks for an amount): it lifts
    /// a section that states one, and is part of what the question means
    /// ([`ANSWER_TYPE_MEANING`]): a page that states no such fact answers it less surely.
    AnswerType,
}

/// What the kind of fact a question asks for ("how much", "when") means, beside its words.
const ANSWER_TYPE_MEANING: f32 = 1.0;

/// One analysed question word.
#[derive(Debug, Clone)]
struct Word {
    /// The word as typed (lower-cased, folded).
    raw: String,
    /// The word as typed, lower-cased but not folded (`spät`, not `spat`): for the word lists.
    typed: String,
    /// `(stem, factor)`: typed 1.0, a glossary word [`SYNONYM`], a correction its damping.
    readings: Vec<(String, f32)>,
    /// What it weighs as evidence: its IDF (of its first reading), bounded; see the constants.
    weight: f32,
    known: Known,
    /// Sections holding the word as typed.
    sections: u64,
    /// How specific the word is in general language (see [`meaning`]): of the word a slip
    /// was read as ([`Word::meant`]), as it is that word.
    meaning: f32,
    /// The page's word a word no page has was read as, an edit or two away ("quality" for
    /// "qualty"): what it means in general language is that word's.
    meant: Option<String>,
    /// How much more the pages use it than general language does (see [`domain`]); 0 for a
    /// word the pages don't have.
    domain: f32,
    /// The stem when stemming changed the word and the raw form is indexed: its exact form
    /// earns [`W_RAW`].
    exact: Option<String>,
    /// Whether it is a hint ([`super::question_hints`]) rather than a word of the question, and
    /// of which kind (see [`Hint`]).
    hint: Hint,
}

/// A question analysed for one language's fields.
pub struct Query {
    /// The language whose pages it searches.
    pub language: String,
    words: Vec<Word>,
    stems: Vec<String>,
    raws: Vec<String>,
    /// The question words (raw) the pages of this language hold in some reading, a compound
    /// when one of its parts is held.
    covered: Vec<String>,
}

/// What the engine knows of the index besides Tantivy: for each document (numbered across
/// segments) what a hit shows of it and its page. Kept next to the index between runs
/// ([`super::snapshot`]), so a cold start need not read every stored document again.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Layout {
    /// First global number of each segment's documents.
    bases: Vec<u32>,
    shown: Vec<Shown>,
    /// Global document → page number.
    page_of: Vec<u32>,
    /// The pages whose title has a term (as the page's language analyses it), by term.
    title_pages: HashMap<String, Vec<u32>>,
    /// Per document: its heading restates its page's title (an announcement's own heading,
    /// "Sovereign Cloud Stack Release 9" under the title "… Release 9 (R9) published").
    title_section: Vec<bool>,
    pages: usize,
    /// `(language, slug)` of every page.
    page_keys: std::collections::HashSet<(String, String)>,
    /// The languages that have sections, each once, in the order first met.
    languages: Vec<String>,
    /// How many sections hold each pair of stems side by side ([`Shown::pairs`]), by key (not
    /// kept in a snapshot: counted again from the sections by [`Layout::restored`]).
    #[serde(skip)]
    pair_docs: rustc_hash::FxHashMap<u32, u32>,
}

/// What a hit shows of a section, read from the stored fields once when the index is opened.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct Shown {
    language: String,
    slug: String,
    anchor: String,
    title: String,
    heading: String,
    path: Vec<String>,
    url: String,
    /// The text, ready for snippets.
    text: Text,
    /// Name of the stemming analyzer of the section's language (not kept in a snapshot: set
    /// again from the language by [`Layout::restored`]).
    #[serde(skip)]
    analyzer: &'static str,
    /// The pairs of stems that stand side by side in its heading or its text ([`pair_key`]),
    /// sorted.
    pairs: Vec<u32>,
}

/// Two stems as one key, in either order ("release manager", "manager of the release"):
/// FNV-1a, the same on every run, as snapshots keep the keys; folded to 32 bits, which halves
/// what the pairs take in memory, at a chance of a few in a million that a pair counts another
/// pair's sections too (the real site has some 12,000 different pairs).
fn pair_key(a: &str, b: &str) -> u32 {
    let (x, y) = if a <= b { (a, b) } else { (b, a) };
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in x.bytes().chain([0xff]).chain(y.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    (hash ^ (hash >> 32)) as u32
}

/// Marks between two words that keep them from standing side by side. Not a line's end (a
/// list's item, a table's row): breaking pairs there too was tried, and lost an answer.
const PAIR_BREAKS: &[char] = &[',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '|'];

/// The pairs of stems side by side in `texts` (each on its own, and no mark between them), as
/// [`pair_key`]s, sorted. Each word is analysed on its own, once: `readings` keeps what the
/// analyzer made of each word met so far (stemming every word of a site again, after the index
/// has, took three times as long as the rest of reading the index back).
fn pairs_of(
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    readings: &mut rustc_hash::FxHashMap<String, Vec<String>>,
    texts: &[&str],
) -> Vec<u32> {
    use tantivy::tokenizer::{TokenStream, Tokenizer};
    let mut pairs = Vec::new();
    let mut words = tantivy::tokenizer::SimpleTokenizer::default();
    for text in texts {
        let mut stream = words.token_stream(text);
        let mut previous = String::new();
        let mut end = 0;
        while stream.advance() {
            let word = stream.token();
            // Not across a mark: "node images, the cluster class" has no "image cluster", nor
            // a sentence's end, a bracket or a table's cell. A word read in more ways (a
            // compound and its parts, "R9" as "release 9") pairs with the next word in its
            // last reading: pairing each reading with each was tried, and lost more than it
            // won.
            if text
                .get(end.min(word.offset_from)..word.offset_from)
                .is_some_and(|gap| gap.contains(PAIR_BREAKS))
            {
                previous.clear();
            }
            end = word.offset_to;
            if !readings.contains_key(&word.text) {
                let mut read = Vec::new();
                let mut stems = analyzer.token_stream(&word.text);
                while stems.advance() {
                    read.push(stems.token().text.clone());
                }
                readings.insert(word.text.clone(), read);
            }
            for stem in &readings[&word.text] {
                if !previous.is_empty() && previous != *stem {
                    pairs.push(pair_key(&previous, stem));
                }
                previous.clone_from(stem);
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// How many sections hold each pair ([`Shown::pairs`]), by key. Counted in a map rather than
/// by sorting them all: a cold start of 1,000 pages counts them at a fourth of the cost.
fn count_pairs(shown: &[Shown]) -> rustc_hash::FxHashMap<u32, u32> {
    let mut counted = rustc_hash::FxHashMap::default();
    for key in shown.iter().flat_map(|s| &s.pairs) {
        *counted.entry(*key).or_insert(0) += 1;
    }
    tracing::debug!(pairs = counted.len(), "pairs of words side by side");
    counted
}

/// Two words of a question side by side (no stopword between them counts), as the keys of
/// their readings' pairs ([`pair_key`]).
struct Pair {
    /// The two words, as bits of the question's words.
    words: u32,
    /// The keys of their readings' pairs: each of the first two readings of one with each of
    /// the other's.
    keys: Vec<u32>,
}

/// The pairs of words side by side in `query`, hints left out: of each word's first two
/// readings (as typed, a correction or a glossary word).
fn side_by_side(query: &Query) -> Vec<Pair> {
    let words = &query.words;
    (1..words.len())
        .filter(|&i| words[i - 1].hint == Hint::No && words[i].hint == Hint::No)
        .map(|i| Pair {
            words: 0b11 << (i - 1),
            keys: words[i - 1]
                .readings
                .iter()
                .take(2)
                .flat_map(|(a, _)| {
                    words[i]
                        .readings
                        .iter()
                        .take(2)
                        .map(move |(b, _)| pair_key(a, b))
                })
                .collect(),
        })
        .collect()
}

impl Shown {
    /// This section as a hit.
    fn hit(&self, coverage: Coverage, score: f32, snippet: Snippet) -> SearchHit {
        SearchHit {
            coverage,
            language: self.language.clone(),
            slug: self.slug.clone(),
            anchor: self.anchor.clone(),
            title: self.title.clone(),
            heading: self.heading.clone(),
            path: self.path.clone(),
            url: self.url.clone(),
            score,
            snippet: snippet.marked(),
            fragment: snippet.fragment,
            highlights: snippet.highlights,
        }
    }
}

impl Layout {
    /// The texts a reader sees of every section: its page title (once per page), its
    /// heading and its text.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.shown.iter().enumerate().flat_map(|(d, s)| {
            let first_of_page = d == 0 || self.page_of[d - 1] != self.page_of[d];
            first_of_page
                .then_some(s.title.as_str())
                .into_iter()
                .chain([s.heading.as_str(), s.text.as_str()])
        })
    }

    /// The latest year (1990–2039) each page, by `(language, slug)`, states in its title,
    /// headings or text ("2025", "26.09.2025", "Sept. 2025"); pages that state none are left
    /// out.
    pub fn latest_years(&self) -> HashMap<(String, String), u16> {
        let mut years: HashMap<(String, String), u16> = HashMap::new();
        for shown in &self.shown {
            let texts = [&shown.title, &shown.heading, shown.text.as_str()];
            let Some(latest) = texts.iter().filter_map(|t| facts::latest_year(t)).max() else {
                continue;
            };
            let key = (shown.language.clone(), shown.slug.clone());
            let entry = years.entry(key).or_insert(latest);
            *entry = (*entry).max(latest);
        }
        years
    }

    /// A layout read back from a snapshot, checked against the index it is for (`max_docs`:
    /// each segment's number of documents) and with the analyzers set again; `None` when it
    /// doesn't fit, so that no number in it can point past what it holds.
    pub fn restored(mut self, fields: &Fields, max_docs: &[u32]) -> Option<Layout> {
        let mut base = 0u32;
        for (at, max_doc) in max_docs.iter().enumerate() {
            if self.bases.get(at) != Some(&base) {
                return None;
            }
            base = base.checked_add(*max_doc)?;
        }
        let sound = self.bases.len() == max_docs.len()
            && self.shown.len() == base as usize
            && self.page_of.len() == self.shown.len()
            && self.page_of.iter().all(|p| (*p as usize) < self.pages)
            && self.title_section.len() == self.shown.len()
            && self
                .title_pages
                .values()
                .flatten()
                .all(|p| (*p as usize) < self.pages)
            && self.shown.iter().all(|s| s.text.is_sound());
        if !sound {
            return None;
        }
        for shown in &mut self.shown {
            shown.analyzer = fields.group(&shown.language).analyzer;
        }
        self.pair_docs = count_pairs(&self.shown);
        Some(self)
    }

    /// What the question's `pairs` (see [`side_by_side`]) lift document `d` by, of those
    /// whose two words it holds (`found`, bit per question word) and holds side by side: for
    /// each, [`W_PAIR`] times how rare the pair is among the sections (its IDF).
    fn pairs_held(&self, d: usize, found: u32, pairs: &[Pair]) -> f32 {
        let held = &self.shown[d].pairs;
        let docs = self.shown.len() as u64;
        pairs
            .iter()
            .filter(|pair| found & pair.words == pair.words)
            .filter_map(|pair| {
                let key = *pair.keys.iter().find(|k| held.binary_search(k).is_ok())?;
                let sections = *self.pair_docs.get(&key)?;
                Some(W_PAIR * idf(u64::from(sections), docs))
            })
            .sum()
    }

    /// Reads what hits show of every document.
    pub fn load(searcher: &Searcher, fields: &Fields) -> tantivy::Result<Layout> {
        let mut bases = Vec::with_capacity(searcher.segment_readers().len());
        let mut shown = Vec::new();
        let mut page_of = Vec::new();
        let mut title_section = Vec::new();
        let mut title_pages: HashMap<String, Vec<u32>> = HashMap::new();
        let mut titled_pages = 0u32;
        let mut page_numbers: HashMap<(String, String), u32> = HashMap::new();
        let mut languages: Vec<String> = Vec::new();
        // What each language's analyzer made of each word, for the pairs.
        let mut readings: HashMap<&str, rustc_hash::FxHashMap<String, Vec<String>>> =
            HashMap::new();
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            bases.push(shown.len() as u32);
            for doc_id in 0..segment.max_doc() {
                let doc: TantivyDocument = searcher.doc(DocAddress::new(ord as u32, doc_id))?;
                let text = |field: Field| {
                    doc.get_first(field)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default()
                        .to_string()
                };
                let language = text(fields.language);
                let slug = text(fields.slug);
                if !languages.contains(&language) {
                    languages.push(language.clone());
                }
                let next = page_numbers.len() as u32;
                let page = *page_numbers
                    .entry((language.clone(), slug.clone()))
                    .or_insert(next);
                page_of.push(page);
                let (title, heading) = (text(fields.title), text(fields.heading));
                if page == titled_pages {
                    titled_pages += 1;
                    let analyzer = fields.group(&language).analyzer;
                    with_analyzers(|a| {
                        let mut stream = a.stemmed(analyzer).token_stream(&title);
                        while stream.advance() {
                            let pages = title_pages.entry(stream.token().text.clone()).or_default();
                            if pages.last() != Some(&page) {
                                pages.push(page);
                            }
                        }
                    });
                }
                title_section.push(restates_title(&heading, &title));
                let body = text(fields.text);
                let analyzer = fields.group(&language).analyzer;
                let pairs = with_analyzers(|a| {
                    let readings = readings.entry(analyzer).or_default();
                    pairs_of(a.stemmed(analyzer), readings, &[&heading, &body])
                });
                shown.push(Shown {
                    pairs,
                    analyzer,
                    language,
                    slug,
                    anchor: text(fields.anchor),
                    title: text(fields.title),
                    heading: text(fields.heading),
                    path: doc
                        .get_all(fields.path)
                        .filter_map(|v| v.as_str().map(str::to_string))
                        .collect(),
                    url: text(fields.url),
                    text: Text::new(&body),
                });
            }
        }
        Ok(Layout {
            bases,
            pair_docs: count_pairs(&shown),
            pages: page_numbers.len(),
            shown,
            page_of,
            title_section,
            title_pages,
            page_keys: page_numbers.into_keys().collect(),
            languages,
        })
    }

    /// The languages that have sections, each once.
    pub fn languages(&self) -> Vec<&str> {
        self.languages.iter().map(String::as_str).collect()
    }

    /// Whether `language` has a page with this slug.
    pub fn has_page(&self, language: &str, slug: &str) -> bool {
        self.page_keys
            .contains(&(language.to_string(), slug.to_string()))
    }

    /// Whether the section of `language`'s page that stands where `hit` stands (see
    /// [`Layout::counterpart`]) lacks one of `names` (question words no language's word list
    /// has and pages of every language use: names, acronyms, as [`super::question_words`]
    /// splits them) that `hit` holds: a translation that leaves out a detail ("UNICC",
    /// "Zakfeld") doesn't answer a question about it, the section in the other language does.
    pub fn translation_lacks(&self, hit: &SearchHit, language: &str, names: &[&str]) -> bool {
        if names.is_empty() {
            return false;
        }
        let Some((there, here)) = self.same_place(hit, language) else {
            return false;
        };
        let words_of = |doc: usize| -> std::collections::HashSet<String> {
            let shown = &self.shown[doc];
            with_analyzers(|a| {
                let mut words = std::collections::HashSet::new();
                for text in [shown.heading.as_str(), shown.text.as_str()] {
                    let mut stream = a.words.token_stream(text);
                    while stream.advance() {
                        words.insert(std::mem::take(&mut stream.token_mut().text));
                    }
                }
                words
            })
        };
        let (held_there, held_here) = (words_of(there), words_of(here));
        names
            .iter()
            .any(|n| held_there.contains(*n) && !held_here.contains(*n))
    }

    /// The documents of `hit` and of the section standing at its place on `language`'s page.
    fn same_place(&self, hit: &SearchHit, language: &str) -> Option<(usize, usize)> {
        if !self.has_page(language, &hit.slug) {
            return None;
        }
        let of = |lang: &str| -> Vec<usize> {
            (0..self.shown.len())
                .filter(|&d| self.shown[d].language == lang && self.shown[d].slug == hit.slug)
                .collect()
        };
        let (there, here) = (of(&hit.language), of(language));
        let place = there
            .iter()
            .position(|&d| self.shown[d].anchor == hit.anchor)?;
        if there.len() != here.len() {
            return None;
        }
        Some((there[place], here[place]))
    }

    /// The section of `language`'s page that stands where `hit` (a section of the same page in
    /// another language) stands: the one at the same place when both pages have as many
    /// sections with text (the indexed ones). `None` when `language` has no such page, or the
    /// two differ in shape: then no place is known to stand for the hit's. The hit keeps its
    /// coverage and score; its snippet is the start of the section.
    pub fn counterpart(&self, hit: &SearchHit, language: &str) -> Option<SearchHit> {
        let (_, doc) = self.same_place(hit, language)?;
        let section = &self.shown[doc];
        let terms = Terms {
            analyzer: section.analyzer,
            stems: &[],
            raws: &[],
        };
        let snippet = snippet(&section.text, &terms);
        Some(section.hit(hit.coverage.clone(), hit.score, snippet))
    }
}

/// What one question has summed for one document so far. One record per document rather than
/// one array per sum: a document's sums are read and written together, once per bounds check.
#[derive(Clone, Copy, Default)]
struct DocSums {
    /// The score so far.
    score: f32,
    /// Weight of the question's words found, at their readings' factors.
    weight: f32,
    /// The current word's best contribution, and the best factor of a reading in the text.
    best: f32,
    best_factor: f32,
    /// The current reading's contribution.
    current: f32,
    /// For a document restating its page title: the current word's heading bonus held back,
    /// and the sum held back over the question.
    held_back: f32,
    held_back_sum: f32,
    /// Question words found (bit per word).
    found: u32,
    /// Question words found in the heading, enclosing headings or page title.
    headed: u32,
    /// Question words found in the enclosing headings or page title.
    in_context: u32,
    /// [`IN_READING`], [`IN_ALL`], [`IN_WORD`], [`IN_QUESTION`], [`IN_CONTEXT`].
    flags: u8,
}

/// What one question has summed for one page so far.
#[derive(Clone, Copy, Default)]
struct PageSums {
    /// The current word's best factor.
    factor: f32,
    /// The best contribution of the current word to one of its sections, valid when
    /// `generation` is the current word's.
    best: f32,
    generation: u32,
    bonus: f32,
    weight: f32,
    /// Question words found (bit per word).
    found: u32,
}

/// Per-document sums of one question, reused between questions of a thread. Only what a
/// question touched is reset afterwards.
#[derive(Default)]
struct Scratch {
    docs: Vec<DocSums>,
    pages: Vec<PageSums>,
    /// Documents touched by this question, by the current word, by the current reading.
    touched: Vec<u32>,
    touched_word: Vec<u32>,
    touched_reading: Vec<u32>,
    generation: u32,
    /// The current word's sections that share it through their page title, with what they
    /// held of it themselves.
    shared: Vec<(u32, f32)>,
    touched_pages: Vec<u32>,
}

/// Touched by the current reading.
const IN_READING: u8 = 1;
/// The current reading is in the document's text (not only in an enclosing heading).
const IN_ALL: u8 = 2;
/// Touched by the current word.
const IN_WORD: u8 = 4;
/// Touched by the question.
const IN_QUESTION: u8 = 8;
/// The current reading is in the document's context (enclosing headings, page title).
const IN_CONTEXT: u8 = 16;

impl Scratch {
    fn reset(&mut self, docs: usize, pages: usize) {
        if self.docs.len() != docs {
            self.docs.clear();
            self.docs.resize(docs, DocSums::default());
        }
        if self.pages.len() != pages {
            self.pages.clear();
            self.pages.resize(pages, PageSums::default());
        }
    }

    /// The sums of `doc`, marked as touched by the current reading (with `flag`).
    fn touch_reading(&mut self, doc: u32, flag: u8) -> &mut DocSums {
        let sums = &mut self.docs[doc as usize];
        if sums.flags & IN_READING == 0 {
            sums.flags |= IN_READING;
            self.touched_reading.push(doc);
        }
        sums.flags |= flag;
        sums
    }

    /// Keeps the best reading of the current word per document.
    fn end_reading(&mut self, factor: f32) {
        for &doc in &self.touched_reading {
            let sums = &mut self.docs[doc as usize];
            if sums.flags & IN_WORD == 0 {
                sums.flags |= IN_WORD;
                self.touched_word.push(doc);
            }
            if sums.flags & IN_ALL != 0 {
                sums.best_factor = sums.best_factor.max(factor);
            }
            sums.flags &= !(IN_READING | IN_ALL | IN_CONTEXT);
            sums.best = sums.best.max(sums.current);
            sums.current = 0.0;
        }
        self.touched_reading.clear();
    }

    /// Adds the current word's best reading to each document's score and to its page's.
    fn end_word(
        &mut self,
        layout: &Layout,
        readings: &[(String, f32)],
        bit: u32,
        weight: f32,
        idf: f32,
    ) {
        // A word of the page title is shared by the page's sections: each holds it as much
        // as the best of them does, so the title's words don't pick one of them (the
        // announcement's lead that repeats "Release 9" over "Kubernetes 1.33"); the rest of
        // the question does. Most words are in no title: they skip this.
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            for page in &mut self.pages {
                page.generation = 0;
            }
            self.generation = 1;
        }
        let generation = self.generation;
        let mut titled = false;
        for (stem, _) in readings {
            for &page in layout.title_pages.get(stem).into_iter().flatten() {
                let page = &mut self.pages[page as usize];
                page.generation = generation;
                page.best = 0.0;
                titled = true;
            }
        }
        let mut shared = std::mem::take(&mut self.shared);
        for &doc in &self.touched_word {
            let d = doc as usize;
            let sums = &mut self.docs[d];
            if sums.flags & IN_QUESTION == 0 {
                sums.flags |= IN_QUESTION;
                self.touched.push(doc);
            }
            sums.flags &= !IN_WORD;
            let best = sums.best;
            sums.score += best;
            let page_number = layout.page_of[d] as usize;
            let page = &mut self.pages[page_number];
            if titled && page.generation == generation {
                page.best = page.best.max(best);
                if sums.in_context & bit != 0 {
                    shared.push((doc, best));
                }
            }
            sums.held_back_sum += sums.held_back;
            sums.held_back = 0.0;
            // A word found only in an enclosing heading doesn't count as held.
            let held = sums.best_factor;
            if held > 0.0 {
                sums.found |= bit;
                sums.weight += weight * evidence_factor(held);
                if page.factor == 0.0 {
                    self.touched_pages.push(page_number as u32);
                }
                page.factor = page.factor.max(held);
            }
            sums.best = 0.0;
            sums.best_factor = 0.0;
        }
        for &(doc, best) in &shared {
            let d = doc as usize;
            let page = layout.page_of[d] as usize;
            self.docs[d].score += self.pages[page].best - best;
        }
        shared.clear();
        self.shared = shared;
        self.touched_word.clear();
        for &page in &self.touched_pages {
            let page = &mut self.pages[page as usize];
            let factor = page.factor;
            page.bonus += W_PAGE * idf * factor;
            page.found |= bit;
            page.weight += weight * evidence_factor(factor);
            page.factor = 0.0;
        }
        self.touched_pages.clear();
    }

    /// Leaves the scratch clean for the next question.
    fn clear(&mut self, layout: &Layout) {
        for &doc in &self.touched {
            let d = doc as usize;
            self.docs[d] = DocSums::default();
            let page = &mut self.pages[layout.page_of[d] as usize];
            page.bonus = 0.0;
            page.weight = 0.0;
            page.found = 0;
        }
        self.touched.clear();
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

fn doc_freq(searcher: &Searcher, field: Field, text: &str) -> u64 {
    searcher
        .doc_freq(&Term::from_field_text(field, text))
        .unwrap_or(0)
}

/// BM25's inverse document frequency.
fn idf(doc_freq: u64, docs: u64) -> f32 {
    let (n, df) = (docs as f32, doc_freq as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// BM25 over one field exactly as Tantivy's [`tantivy::query::Bm25Weight`] scores it (its constants, its
/// arithmetic, so the same scores), but with the table of length normalisations built once per
/// field and question: `Bm25Weight::for_terms` sums the field's tokens over the segments and
/// builds the table again for every term, which cost as much as reading a short posting list.
struct Bm25Field {
    /// Per field-norm id: `K1 * (1 - B + B * length / average length)`.
    norms: [f32; 256],
    /// Documents in the index, deleted ones included (as Tantivy counts them for BM25).
    docs: u64,
}

const BM25_K1: f32 = 1.2;
const BM25_B: f32 = 0.75;

impl Bm25Field {
    fn new(searcher: &Searcher, field: Field) -> tantivy::Result<Bm25Field> {
        use tantivy::query::Bm25StatisticsProvider;
        let tokens = searcher.total_num_tokens(field)?;
        let docs = searcher.total_num_docs()?;
        let average = tokens as f32 / docs as f32;
        let mut norms = [0.0f32; 256];
        for (id, norm) in norms.iter_mut().enumerate() {
            let length = tantivy::fieldnorm::FieldNormReader::id_to_fieldnorm(id as u8);
            *norm = BM25_K1 * (1.0 - BM25_B + BM25_B * length as f32 / average);
        }
        Ok(Bm25Field { norms, docs })
    }

    /// What a term found in `doc_freq` documents weighs: its IDF times `1 + K1`.
    fn weight(&self, doc_freq: u64) -> f32 {
        let x = (self.docs.saturating_sub(doc_freq) as f32 + 0.5) / (doc_freq as f32 + 0.5);
        (1.0 + x).ln() * (1.0 + BM25_K1)
    }

    /// The score of a term of `weight` found `tf` times in a document of field-norm `norm`.
    fn score(&self, weight: f32, norm: u8, tf: u32) -> f32 {
        let tf = tf as f32;
        weight * (tf / (tf + self.norms[norm as usize]))
    }
}

/// How much a word the content has weighs as evidence: its IDF, bounded so that a word in
/// every section (the site's own name) still counts and a rare one doesn't drown the rest.
fn evidence_weight(doc_freq: u64, docs: u64) -> f32 {
    idf(doc_freq, docs).clamp(1.0, 4.0)
}

/// What a year no page names weighs: more than an unknown word of general language, since
/// a question naming a year asks about that year ("the summit 2027" is not the 2025 one).
const YEAR_WEIGHT: f32 = 6.0;

/// What a year no page names means (see [`meaning`]): as much as a fairly rare word.
const YEAR_MEANING: f32 = 2.5;

/// Whether `word` is a year of the last century or this one (`1990`, `2027`).
fn is_year(word: &str) -> bool {
    word.len() == 4 && is_number(word) && (word.starts_with("19") || word.starts_with("20"))
}

fn is_number(word: &str) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
}

/// Digits from which on a number is an identifier, not a quantity: a part of a phone number
/// ("206539" of "+49-30-206539-205"), a postcode, a case number. It weighs and means as a
/// rare word, not as a number ([`NUMBER_WEIGHT`]): "whose number is +49-30-206539-205?" is
/// about the one section that has it.
const IDENTIFIER_DIGITS: usize = 5;

/// Whether `word` is a number that counts as a quantity ([`IDENTIFIER_DIGITS`]).
pub fn is_quantity(word: &str) -> bool {
    is_number(word) && word.len() < IDENTIFIER_DIGITS
}

/// Which of the question's words [`analyse`] reads (looks up, corrects, translates).
#[derive(Clone, Copy)]
enum Reading<'a> {
    All,
    /// Only these (raw forms), and the parts of a compound among them; every other word keeps
    /// its place without readings, so the word limit and the compounds' parts fall as they
    /// would with all of them read. Enough to tell which of them the pages hold.
    Only(&'a [String]),
}

impl Reading<'_> {
    fn wants(&self, raw: &str) -> bool {
        match self {
            Reading::All => true,
            Reading::Only(raws) => raws.iter().any(|r| r == raw),
        }
    }
}

/// What a word no page holds was meant as (see [`lexicon::correction`]).
enum Misspelt {
    /// Nothing else: a name, a code, a rare word of its own.
    No,
    /// A stopword, question word or light verb ("thier", "wich"): dropped like one.
    Stopword,
    /// This common word, as (raw, typed, stem).
    As(String, String, Option<String>),
}

/// The words of one question already looked up in the word lists as possible misspellings,
/// with what each was read as: the pages of each language ask again about the same words.
pub type Corrections = RefCell<HashMap<String, Option<&'static str>>>;

/// What [`analyse`] needs to read a word as a misspelling: the question's words read so far,
/// and whether pages of another language hold a word as typed (then it is theirs, no typo).
#[derive(Clone, Copy)]
struct Typos<'a> {
    corrections: &'a Corrections,
    held_elsewhere: &'a dyn Fn(&str) -> bool,
    capitals: &'a [String],
}

/// What `typed` (lower case), misspelt in a question asked in `asked`, was meant as, stemmed by
/// `analyzer`.
fn misspelt(typed: &str, asked: &str, analyzer: &str, corrections: &Corrections) -> Misspelt {
    let known = corrections.borrow().get(typed).copied();
    let fixed = known.unwrap_or_else(|| {
        let fixed = lexicon::correction(typed, asked);
        corrections.borrow_mut().insert(typed.to_string(), fixed);
        fixed
    });
    let Some(fixed) = fixed else {
        return Misspelt::No;
    };
    with_analyzers(|a| {
        if a.is_query_stopword(fixed) || lexicon::is_light_verb(fixed) {
            return Misspelt::Stopword;
        }
        // A listed word, or a short one, is taken for a misspelling of a stopword only
        // ("thier", "wich", "waht"): one of a word of substance is as likely a term of its own
        // ("saas" is not "says", "vlan" not "plan").
        // Unless the word meant is among the most frequent of the language asked in
        // ("agian" for "again"): a term of its own is seldom one slip from those.
        let frequent = lexicon::rank(asked, fixed).is_some_and(|r| r < lexicon::GENERIC_RANK);
        if (lexicon::is_word(typed) || typed.chars().count() < lexicon::MIN_UNLISTED_LETTERS)
            && !frequent
        {
            return Misspelt::No;
        }
        match Analyzers::term_of(&mut a.raw, fixed) {
            Some(raw) => {
                let stem = Analyzers::term_of(a.stemmed(analyzer), fixed);
                Misspelt::As(raw, fixed.to_string(), stem)
            }
            None => Misspelt::Stopword,
        }
    })
}

/// A word kept in its place without being read.
fn unread(raw: String, typed: String) -> Word {
    Word {
        raw,
        typed,
        readings: Vec::new(),
        weight: 0.0,
        known: Known::Unknown,
        sections: 0,
        meaning: 0.0,
        meant: None,
        domain: 0.0,
        exact: None,
        hint: Hint::No,
    }
}

/// Analyses the question's `words` for `group`: at most [`MAX_QUERY_WORDS`] words, each once,
/// each with its readings (see the module doc), or only those `reading` wants.
fn analyse(
    searcher: &Searcher,
    group: &Group,
    words: &[String],
    language: &str,
    asked: &str,
    reading: Reading,
    typos: Typos,
) -> Query {
    let Typos {
        corrections,
        held_elsewhere,
        capitals,
    } = typos;
    let spelling = |typed: &str| {
        if capitals.iter().any(|c| c == typed) {
            Spelling::AsTyped
        } else {
            Spelling::MaySlip
        }
    };
    let docs = searcher.num_docs().max(1);
    let mut query = Query {
        language: language.to_string(),
        words: Vec::new(),
        stems: Vec::new(),
        raws: Vec::new(),
        covered: Vec::new(),
    };
    // (raw, typed, stem)
    let analysed: Vec<(String, String, Option<String>)> = with_analyzers(|a| {
        let mut out: Vec<(String, String, Option<String>)> = Vec::new();
        for word in words {
            let Some(raw) = Analyzers::term_of(&mut a.raw, word) else {
                continue;
            };
            if out.iter().any(|(r, _, _)| *r == raw) {
                continue;
            }
            let typed = word.to_lowercase();
            let stem = Analyzers::term_of(a.stemmed(group.analyzer), word);
            out.push((raw, typed, stem));
        }
        out
    });
    for (raw, typed, stem) in analysed {
        if query.words.len() >= MAX_QUERY_WORDS {
            break;
        }
        let held = stem.as_deref().is_some_and(|s| {
            doc_freq(searcher, group.all, s) > 0 || doc_freq(searcher, group.context, s) > 0
        });
        // A German compound the index lacks: its parts, as words of their own, each as
        // (raw, typed, stem). Pages in another language read the parts of one the glossary
        // doesn't translate: "Schulungsmaterial" is training material. A word the glossary
        // knows is translated, not split: "framework" asked of German pages is "Rahmen", not
        // "frame" + "work"; "runterladen" is "Download", not "runter" + "laden".
        let split = !held
            && (group.analyzer == super::analyzer::DE || asked == "de")
            && !super::in_glossary(&typed);
        let parts: Vec<(String, String, Option<String>)> = if split {
            with_analyzers(|a| {
                rewrite::compound_parts(&typed)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|part| {
                        let stem = Analyzers::term_of(a.stemmed(group.analyzer), &part);
                        let raw = Analyzers::term_of(&mut a.raw, &part).unwrap_or(part.clone());
                        (raw, part, stem)
                    })
                    .collect()
            })
        } else {
            Vec::new()
        };
        if !parts.is_empty() {
            // The compound is held when each part is ("Schulungsmaterial"), not one alone:
            // "terraform" is no "Terra" + "Form".
            let mut all_held = true;
            for (part, typed_part, stem) in parts {
                if query.words.len() < MAX_QUERY_WORDS && !query.words.iter().any(|w| w.raw == part)
                {
                    let word = if reading.wants(&raw) || reading.wants(&part) {
                        read_word(
                            searcher,
                            group,
                            part,
                            typed_part,
                            stem,
                            docs,
                            Spelling::MaySlip,
                        )
                    } else {
                        unread(part, typed_part)
                    };
                    all_held &= !word.readings.is_empty();
                    query.words.push(word);
                }
            }
            if all_held && !query.covered.contains(&raw) {
                query.covered.push(raw.clone());
            }
            continue;
        }
        if stem.is_none() {
            continue;
        }
        let word = if reading.wants(&raw) {
            let spelling = spelling(&typed);
            read_word(searcher, group, raw, typed, stem, docs, spelling)
        } else {
            // A word the asked language's pass read as a misspelling is asked of other
            // languages as the word it was read as; no other word is looked up again.
            let corrected = corrections.borrow().contains_key(&typed);
            let fixed = if corrected {
                misspelt(&typed, asked, group.analyzer, corrections)
            } else {
                Misspelt::No
            };
            match fixed {
                Misspelt::As(fixed, typed, stem) if reading.wants(&fixed) => {
                    read_word(searcher, group, fixed, typed, stem, docs, Spelling::MaySlip)
                }
                _ => unread(raw, typed),
            }
        };
        // A word no page holds in any reading, nor any common word of a language, is a typo of
        // the most frequent word one edit away, if there is one ("membrship", "thier"); so is
        // one the pages hold only as far-fetched typos ("dokumentaion" two edits from
        // "document"), when the word it misspells reads better ("Dokumentation" is the
        // glossary's "documentation").
        let best = |w: &Word| w.readings.iter().map(|(_, f)| *f).fold(0.0f32, f32::max);
        let far_fetched = best(&word) <= FUZZY_2.max(PREFIX) && word.known == Known::Read;
        let fixed = if (word.readings.is_empty() || far_fetched)
            && word.hint == Hint::No
            && !is_number(&word.raw)
            && reading.wants(&word.raw)
            && !held_elsewhere(&word.raw)
        {
            misspelt(&word.typed, asked, group.analyzer, corrections)
        } else {
            Misspelt::No
        };
        match fixed {
            Misspelt::Stopword if word.readings.is_empty() => {}
            Misspelt::As(raw, typed, stem) if !query.words.iter().any(|w| w.raw == raw) => {
                let meant = read_word(searcher, group, raw, typed, stem, docs, Spelling::MaySlip);
                if word.readings.is_empty() || best(&meant) > best(&word) {
                    query.words.push(meant);
                } else {
                    query.words.push(word);
                }
            }
            Misspelt::As(..) if word.readings.is_empty() => {}
            _ => query.words.push(word),
        }
    }
    for word in &query.words {
        if !word.readings.is_empty() {
            query.covered.push(word.raw.clone());
        }
        query.raws.push(word.raw.clone());
        for (stem, _) in &word.readings {
            if !query.stems.contains(stem) {
                query.stems.push(stem.clone());
            }
        }
    }
    query
}

/// A question's words to analyse, with what analysing them needs: the languages whose pages
/// are searched (the first is the one asked in) and those that have pages (`written`).
pub struct Analysis<'a> {
    pub searcher: &'a Searcher,
    pub fields: &'a Fields,
    pub words: &'a [String],
    pub hints: &'a [String],
    pub languages: &'a [&'a str],
    pub written: &'a [&'a str],
    /// How much a word no page has counts (see `foreign_evidence` in the parent module):
    /// asked only when the question has such a word.
    pub foreign_evidence: &'a dyn Fn() -> f32,
    /// The question's words read as misspellings so far (empty at first).
    pub corrections: Corrections,
    /// The question's words typed in capitals ([`super::typed_in_capitals`]), lower case:
    /// names, never read as a common word a letter away ("WIIT" is no "weit").
    pub capitals: &'a [String],
    /// The question's words asking for the answer's form ([`super::asked_as_form`]): where no
    /// page has them, words about the text ([`Known::Reading`]).
    pub forms: &'a [String],
}

impl Analysis<'_> {
    /// The question analysed for the pages of the language asked in. A word no page of the
    /// language holds in any reading is
    /// - [`Known::Untranslated`] there when pages of another language hold it;
    /// - [`Known::Foreign`] when no page holds it and it is a common word of a language pages
    ///   are written in: the question is about a topic the content doesn't cover. It weighs
    ///   [`UNKNOWN_REAL_WEIGHT`], or [`GENERIC_WEIGHT`] when it is among the most frequent
    ///   words of that language ("thing", "part");
    /// - else [`Known::Unknown`] (a name, a code, gibberish, or a word of a language no page
    ///   is in).
    ///
    /// The other languages' pages are asked only about the words this language lacks: their
    /// full analysis ([`Analysis::others`]) waits until their search is needed.
    pub fn asked(&self) -> Query {
        let asked = self.languages.first().copied().unwrap_or_default();
        let mut query = self.analyse(asked, Reading::All);
        let lacking: Vec<String> = query
            .words
            .iter()
            .filter(|w| w.known == Known::Unknown)
            .map(|w| w.raw.clone())
            .collect();
        let mut covered = query.covered.clone();
        if !lacking.is_empty() {
            for language in self.languages.iter().skip(1) {
                covered.extend(self.analyse(language, Reading::Only(&lacking)).covered);
            }
        }
        classify(
            self.searcher,
            &mut query,
            &covered,
            asked,
            self.written,
            self.foreign_evidence,
            self.forms,
        );
        query
    }

    /// The question analysed for the pages of the other languages, as [`Analysis::asked`]
    /// analysed it (`asked`) for the language asked in.
    pub fn others(&self, asked: &Query) -> Vec<Query> {
        let mut queries: Vec<Query> = self
            .languages
            .iter()
            .skip(1)
            .map(|language| self.analyse(language, Reading::All))
            .collect();
        let covered: Vec<String> = std::iter::once(asked)
            .chain(&queries)
            .flat_map(|q| q.covered.iter().cloned())
            .collect();
        for query in &mut queries {
            classify(
                self.searcher,
                query,
                &covered,
                &asked.language,
                self.written,
                self.foreign_evidence,
                self.forms,
            );
        }
        queries
    }

    /// The words analysed for the pages of `language`, with the hints their headings have.
    fn analyse(&self, language: &str, reading: Reading) -> Query {
        let group = self.fields.group(language);
        let asked = self.languages.first().copied().unwrap_or_default();
        let held_elsewhere = |raw: &str| {
            self.languages
                .iter()
                .map(|l| self.fields.group(l))
                .filter(|g| !std::ptr::eq(*g, group))
                .any(|g| doc_freq(self.searcher, g.raw, raw) > 0)
        };
        let mut query = analyse(
            self.searcher,
            group,
            self.words,
            language,
            asked,
            reading,
            Typos {
                corrections: &self.corrections,
                held_elsewhere: &held_elsewhere,
                capitals: self.capitals,
            },
        );
        add_hints(self.searcher, group, self.hints, &mut query);
        query
    }
}

/// Sets what each word of `query` weighs and means, given the question words pages of some
/// language hold (`covered`) and the language `asked` in (see [`Analysis::asked`]).
fn classify(
    searcher: &Searcher,
    query: &mut Query,
    covered: &[String],
    asked: &str,
    written: &[&str],
    foreign_evidence: &dyn Fn() -> f32,
    forms: &[String],
) {
    for word in &mut query.words {
        if word.known != Known::Unknown {
            continue;
        }
        if covered.contains(&word.raw) {
            word.known = Known::Untranslated;
            continue;
        }
        let asked_for = forms.contains(&word.typed);
        if lexicon::is_reading_word(&word.typed)
            || (asked_for && lexicon::is_form_word(&word.typed))
        {
            word.known = Known::Reading;
            word.weight = 0.0;
            continue;
        }
        // What a task is to make ("a poem", "a slogan", "max ten words") no page has: a word of
        // the task, no topic; it weighs as a generic word does.
        // Asked of pages in another language, it is a word of the question's language they
        // can't have, as the rest ("schreib", "höchstens" of English pages): no sign of
        // another topic, whatever it means in theirs ("mach").
        if asked_for {
            if query.language == asked {
                word.known = Known::Foreign;
            }
            word.weight = foreign_evidence() * GENERIC_WEIGHT;
            continue;
        }
        let rank = written
            .iter()
            .filter_map(|l| common_rank(l, &word.typed))
            .min();
        if let Some(rank) = rank {
            word.known = Known::Foreign;
            word.weight = foreign_evidence()
                * if rank < lexicon::GENERIC_RANK {
                    GENERIC_WEIGHT
                } else {
                    UNKNOWN_REAL_WEIGHT
                };
        } else if is_year(&word.raw) {
            // A year no page names ("the summit 2027") is a time the content doesn't cover.
            word.known = Known::Foreign;
            word.weight = YEAR_WEIGHT;
        }
    }
    let docs = searcher.num_docs().max(1);
    for word in &mut query.words {
        // A hint is no word of the question: it means nothing the pages must hold; nor
        // does a word about the text no page has.
        if word.hint != Hint::No || word.known == Known::Reading {
            continue;
        }
        // What a task is to make and how means no more of its topic than a generic word.
        let rank = if forms.contains(&word.typed) {
            Some(
                general_rank(&word.typed, asked, written).map_or(lexicon::GENERIC_RANK, |rank| {
                    rank.min(lexicon::GENERIC_RANK)
                }),
            )
        } else {
            general_rank(word.meant.as_deref().unwrap_or(&word.typed), asked, written)
        };
        word.meaning = if word.known == Known::Foreign && is_year(&word.raw) {
            YEAR_MEANING
        } else {
            meaning(rank, is_quantity(&word.raw))
        };
        if word.known == Known::Foreign {
            word.meaning *= foreign_evidence();
        }
        if word.known == Known::Typed {
            word.domain = domain(word.sections, docs, rank);
        }
        // Pages in another language than the question's can't be held to the words that
        // didn't translate ("erreichen" asked of English pages): they count for less.
        let untranslatable = query.language != asked
            && matches!(word.known, Known::Unknown | Known::Untranslated)
            && lexicon::rank(asked, &word.typed).is_some();
        if untranslatable {
            word.weight *= UNTRANSLATABLE;
            word.meaning *= UNTRANSLATABLE;
        }
    }
}

/// A word's frequency rank in general language: in the language asked in, else in any language
/// pages are written in; `None` for a word that is no common word (a name, a code, jargon).
fn general_rank(raw: &str, asked: &str, written: &[&str]) -> Option<u32> {
    lexicon::rank(asked, raw).or_else(|| written.iter().filter_map(|l| lexicon::rank(l, raw)).min())
}

/// A word's frequency rank in `language`: its own, or for a German compound of common words
/// ("Fußballverein") the rank of its rarest part: it is as common a word as that part is.
/// Only for a word no page has ([`classify`]): how specific a word the pages have is
/// ([`general_rank`]) stays its own, so a name that splits into common words ("plusserver")
/// keeps the weight of a name.
fn common_rank(language: &str, word: &str) -> Option<u32> {
    lexicon::rank(language, word).or_else(|| {
        if language != "de" {
            return None;
        }
        // The word list spells "ss" for "ß" in some words ("fussball").
        let parts = super::rewrite::compound_parts(word)
            .or_else(|| super::rewrite::compound_parts(&word.replace('ß', "ss")))?;
        parts
            .iter()
            .map(|p| lexicon::rank(language, p))
            .collect::<Option<Vec<u32>>>()?
            .into_iter()
            .max()
    })
}

/// How specific a word is in general language, from 0.3 ("time", "new") to 3 (rare words,
/// names, jargon): the log of its frequency rank, shifted.
fn meaning(rank: Option<u32>, number: bool) -> f32 {
    if number {
        return NUMBER_WEIGHT;
    }
    let rank = rank.map_or(100_000.0, |r| r as f32);
    ((rank + 100.0).ln() - 5.0).clamp(0.3, 3.0)
}

/// How much more the pages use a word than general language does: the log of its share of
/// sections times its general frequency rank. High for the content's own topic ("cloud",
/// "sovereignty", "Kubernetes", a partner's name), low for a word that occurs in passing
/// ("Berlin" once, "time").
fn domain(sections: u64, docs: u64, rank: Option<u32>) -> f32 {
    let rank = rank.map_or(100_000.0, |r| r as f32);
    ((sections.max(1) as f32 / docs as f32) * (rank + 100.0)).ln()
}

/// Adds the hint words some heading of the group has, each once and not already asked.
fn add_hints(searcher: &Searcher, group: &Group, hints: &[String], query: &mut Query) {
    if query.words.is_empty() {
        return;
    }
    let stems: Vec<(String, Hint, bool)> = with_analyzers(|a| {
        hints
            .iter()
            .filter_map(|h| {
                let kind = if facts::is_answer_type(h) {
                    Hint::AnswerType
                } else {
                    Hint::Heading
                };
                let term = Analyzers::term_of(a.stemmed(group.analyzer), h)?;
                Some((term, kind, facts::only_holds(h)))
            })
            .collect()
    });
    for (stem, kind, only_holds) in stems {
        let asked = query
            .words
            .iter()
            .any(|w| w.readings.iter().any(|(s, _)| *s == stem));
        if asked || query.words.len() >= 31 {
            continue;
        }
        // A kind of fact no section states ("how old is …", "how much does … cost" of pages
        // that name no amount) is asked of the wrong content: it stays, as a word no page
        // has, for `Coverage::fact_missing`. Other hints no heading has lift nothing.
        let stated = doc_freq(searcher, group.heading, &stem) > 0;
        if !stated && kind != Hint::AnswerType {
            continue;
        }
        query.words.push(Word {
            raw: stem.clone(),
            typed: stem.clone(),
            readings: if stated {
                vec![(stem, 1.0)]
            } else {
                Vec::new()
            },
            weight: 0.0,
            known: if stated { Known::Typed } else { Known::Foreign },
            sections: 0,
            meaning: if stated && kind == Hint::AnswerType && !only_holds {
                ANSWER_TYPE_MEANING
            } else {
                0.0
            },
            meant: None,
            domain: 0.0,
            exact: None,
            hint: kind,
        });
    }
}

/// One question word and its readings.
fn read_word(
    searcher: &Searcher,
    group: &Group,
    raw: String,
    typed: String,
    stem: Option<String>,
    docs: u64,
    spelling: Spelling,
) -> Word {
    let df = stem
        .as_deref()
        .map_or(0, |s| doc_freq(searcher, group.all, s));
    // A word that stands only in enclosing headings (a heading with nothing but sub-headings
    // under it) is still the pages' word.
    let in_headings = df == 0
        && stem
            .as_deref()
            .is_some_and(|s| doc_freq(searcher, group.context, s) > 0);
    let quantity = is_quantity(&raw);
    let mut word = Word {
        hint: Hint::No,
        meaning: 0.0,
        meant: None,
        domain: 0.0,
        exact: None,
        readings: Vec::new(),
        weight: if quantity {
            NUMBER_WEIGHT
        } else {
            evidence_weight(df, docs)
        },
        known: Known::Typed,
        sections: df,
        raw,
        typed,
    };
    if df > 0 || in_headings {
        let stem = stem.unwrap_or_default();
        if stem != word.raw && doc_freq(searcher, group.raw, &word.raw) > 0 {
            word.exact = Some(word.raw.clone());
        }
        word.readings.push((stem, 1.0));
        // Its glossary words too, for sections that say it in other words ("fee" for "cost"),
        // unless it is in a good part of the sections anyway.
        let common = df * 8 > docs;
        for (synonym, _) in synonyms(group, &word.raw).into_iter().filter(|_| !common) {
            if doc_freq(searcher, group.all, &synonym) > 0
                && !word.readings.iter().any(|(s, _)| *s == synonym)
            {
                word.readings.push((synonym, SYNONYM_OF_KNOWN));
            }
        }
        return word;
    }
    if is_number(&word.raw) {
        word.known = Known::Unknown;
        return word;
    }
    // A word the glossary knows is vocabulary, not a typo: no fuzzy matching then.
    let mut variants: Vec<(String, f32, Option<String>)> = synonyms(group, &word.raw)
        .into_iter()
        .map(|(stem, factor)| (stem, factor, None))
        .collect();
    if variants.is_empty() && !lexicon::is_word(&word.typed) {
        variants = expansions(searcher, group, &word.raw, stem.as_deref(), spelling);
    }
    for (stem, factor, meant) in variants {
        let df = doc_freq(searcher, group.all, &stem);
        if df == 0 || word.readings.iter().any(|(s, _)| *s == stem) {
            continue;
        }
        if word.readings.is_empty() {
            word.weight = evidence_weight(df, docs);
            word.meant = meant;
        }
        word.readings.push((stem, factor));
    }
    // Whether it is foreign to the content is decided over all languages: see `Analysis::asked`.
    if word.readings.is_empty() {
        word.weight = UNKNOWN_WEIGHT;
        word.known = Known::Unknown;
    } else {
        word.known = Known::Read;
    }
    word
}

/// How a question word was typed, for [`read_word`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Spelling {
    /// In capitals ("WIIT", "DATEV", "OSSIM"): a name or an acronym, meant as typed or as
    /// one of the pages' names an edit or two away, never as a word of a word list.
    AsTyped,
    /// Otherwise: a word no page has may be a slip of one a letter or two away, or the start
    /// of one.
    MaySlip,
}

/// The glossary's other words for an unknown query word, as stems of the searched language.
fn synonyms(group: &Group, raw: &str) -> Vec<(String, f32)> {
    with_analyzers(|a| {
        glossary::alternatives(a, raw)
            .into_iter()
            .filter_map(|w| Analyzers::term_of(a.stemmed(group.analyzer), w))
            .map(|stem| (stem, SYNONYM))
            .collect()
    })
}

/// Indexed words an unknown query word may have been meant as: surface forms near its unstemmed
/// form or starting with it, else stems near its stem ("jion" → "join", which only occurs as
/// "joining"). One edit is tried first; two only for long words that have no candidate at one.
fn expansions(
    searcher: &Searcher,
    group: &Group,
    raw: &str,
    stem: Option<&str>,
    spelling: Spelling,
) -> Vec<(String, f32, Option<String>)> {
    let chars = raw.chars().count();
    if chars < MIN_FUZZY_CHARS {
        return Vec::new();
    }
    let max_distance: u8 = if chars >= MIN_FUZZY_2_CHARS { 2 } else { 1 };
    // (is a stem, term) → (edits, or u8::MAX for a prefix match; document frequency)
    let mut candidates: Candidates = HashMap::new();
    'distances: for distance in 1..=max_distance {
        let mut lookups = vec![(false, group.raw, raw)];
        if let (Some(stem), Spelling::MaySlip) = (stem, spelling) {
            lookups.push((true, group.all, stem));
        }
        for (is_stem, field, text) in lookups {
            if is_stem && !candidates.is_empty() {
                break 'distances;
            }
            let fuzzy = FuzzyTermQuery::new(Term::from_field_text(field, text), distance, true);
            let Ok(automaton) = fuzzy.automaton() else {
                continue;
            };
            for segment in searcher.segment_readers() {
                let Ok(inverted) = segment.inverted_index(field) else {
                    continue;
                };
                collect_fuzzy(
                    &inverted,
                    &automaton,
                    is_stem,
                    text,
                    distance,
                    &mut candidates,
                );
                if !is_stem && distance == 1 && spelling == Spelling::MaySlip {
                    collect_prefixed(&inverted, text, &mut candidates);
                }
            }
        }
        // A word typed in capitals is a name: mistyped, it is one of the pages' names
        // ("OSSIM", "OPENSTAK"), not a word of a word list ("WIIT" is no "weit").
        if spelling == Spelling::AsTyped {
            candidates.retain(|(_, term), _| !lexicon::is_word(term));
        }
        if !candidates.is_empty() {
            break;
        }
    }
    let mut ranked: Vec<((bool, String), (u8, u64))> = candidates.into_iter().collect();
    ranked.sort_by(|a, b| {
        a.1 .0
            .cmp(&b.1 .0)
            .then(b.1 .1.cmp(&a.1 .1))
            .then(a.0.cmp(&b.0))
    });
    with_analyzers(|a| {
        ranked
            .into_iter()
            .take(MAX_EXPANSIONS)
            .filter_map(|((is_stem, term), (edits, _))| {
                let factor = match edits {
                    1 if chars >= MIN_SLIP_CHARS => FUZZY_1_SLIP,
                    1 => FUZZY_1,
                    u8::MAX => PREFIX,
                    _ => FUZZY_2,
                };
                // The page's word as written, when it was found so: what it means.
                let (stem, meant) = if is_stem {
                    (Some(term), None)
                } else {
                    (
                        Analyzers::term_of(a.stemmed(group.analyzer), &term),
                        Some(term),
                    )
                };
                stem.map(|s| (s, factor, meant))
            })
            .collect()
    })
}

type Candidates = HashMap<(bool, String), (u8, u64)>;

/// Adds the terms of `inverted` that `automaton` accepts.
fn collect_fuzzy(
    inverted: &InvertedIndexReader,
    automaton: &DfaWrapper,
    is_stem: bool,
    text: &str,
    distance: u8,
    candidates: &mut Candidates,
) {
    let Ok(mut stream) = inverted.terms().search(automaton).into_stream() else {
        return;
    };
    while stream.advance() {
        if let Ok(term) = std::str::from_utf8(stream.key()) {
            // The metric partner names use too: optimal string alignment, which capped at
            // `distance` (1 or 2) counts the same as Damerau-Levenshtein (a test below checks).
            let edits = strsim::osa_distance(text, term).min(distance as usize) as u8;
            let entry = candidates
                .entry((is_stem, term.to_string()))
                .or_insert((edits, 0));
            entry.1 += u64::from(stream.value().doc_freq);
        }
    }
}

/// Adds a few terms of `inverted` that start with `prefix` (`repo` → `repositories`).
fn collect_prefixed(inverted: &InvertedIndexReader, prefix: &str, candidates: &mut Candidates) {
    let Ok(mut stream) = inverted.terms().range().ge(prefix.as_bytes()).into_stream() else {
        return;
    };
    let mut scanned = 0;
    while scanned < 16 && stream.advance() {
        scanned += 1;
        match std::str::from_utf8(stream.key()) {
            Ok(term) if term.starts_with(prefix) => {
                let entry = candidates
                    .entry((false, term.to_string()))
                    .or_insert((u8::MAX, 0));
                entry.1 += u64::from(stream.value().doc_freq);
            }
            _ => break,
        }
    }
}

/// Calls `each(global doc, term frequency, fieldnorm id)` for every section of `language` that
/// holds `text` in `field`. Inlined into its callers (each reading of each question word):
/// left to how the compiler cuts the crate into codegen units, it once stopped being, at 2 %
/// more instructions per question (callgrind, BENCHMARKS.md).
#[inline]
fn postings(
    searcher: &Searcher,
    layout: &Layout,
    field: Field,
    text: &str,
    language: Option<&str>,
    with_freqs: bool,
    mut each: impl FnMut(u32, u32, u8),
) -> tantivy::Result<()> {
    let term = Term::from_field_text(field, text);
    let option = if with_freqs {
        IndexRecordOption::WithFreqs
    } else {
        IndexRecordOption::Basic
    };
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let inverted = segment.inverted_index(field)?;
        let Some(mut postings) = inverted.read_postings(&term, option)? else {
            continue;
        };
        let norms = if with_freqs {
            Some(segment.get_fieldnorms_reader(field)?)
        } else {
            None
        };
        let base = layout.bases[ord];
        let alive = segment.alive_bitset();
        let mut doc: DocId = postings.doc();
        while doc != tantivy::TERMINATED {
            let global = base + doc;
            let deleted = alive.is_some_and(|a| !a.is_alive(doc));
            let wanted = language.is_none_or(|l| layout.shown[global as usize].language == l);
            if !deleted && wanted {
                let (tf, norm) = match &norms {
                    Some(norms) => (postings.term_freq(), norms.fieldnorm_id(doc)),
                    None => (1, 0),
                };
                each(global, tf, norm);
            }
            doc = postings.advance();
        }
    }
    Ok(())
}

/// Searches the sections of the query's language: the top `limit` hits, the first `snippets`
/// with a snippet. Every hit carries its [`Coverage`].
pub fn search(
    searcher: &Searcher,
    fields: &Fields,
    layout: &Layout,
    query: &Query,
    limit: usize,
    snippets: usize,
) -> tantivy::Result<Vec<SearchHit>> {
    let language = query.language.as_str();
    let group = fields.group(language);
    if query.words.is_empty() {
        return Ok(Vec::new());
    }
    let filter = group.shared.then_some(language);
    if tracing::enabled!(tracing::Level::DEBUG) {
        let words: Vec<String> = query
            .words
            .iter()
            .map(|w| format!("{} {:?} {:.2} {:?}", w.raw, w.known, w.weight, w.readings))
            .collect();
        tracing::debug!(language, ?words, "search");
    }
    let docs = searcher.num_docs().max(1);
    SCRATCH.with(|scratch| {
        let mut s = scratch.borrow_mut();
        let s = &mut *s;
        s.reset(layout.shown.len(), layout.pages);
        let total_weight: f32 = query.words.iter().map(|w| w.weight).sum();
        let bm25_all = Bm25Field::new(searcher, group.all)?;
        let bm25_raw = Bm25Field::new(searcher, group.raw)?;
        for (i, word) in query.words.iter().enumerate() {
            let bit = 1u32 << i;
            if word.hint != Hint::No {
                // A section stating the fact asked for holds it.
                let (flag, held) = match word.hint {
                    Hint::AnswerType => (IN_ALL, 1.0),
                    _ => (0, 0.0),
                };
                for (stem, _) in &word.readings {
                    // A price only holds the question to the page: the amount it asks for
                    // lifts already ("the share price of …" must not lift the forum's budget).
                    // Nor does a duration lift: any date states one ("how long does the forum
                    // keep my data?" must not lift the section saying when it started).
                    let lift = if facts::is_held_to_section(stem) {
                        0.0
                    } else {
                        W_HINT
                    };
                    let score = lift * idf(doc_freq(searcher, group.heading, stem), docs);
                    postings(
                        searcher,
                        layout,
                        group.heading,
                        stem,
                        filter,
                        false,
                        |doc, _, _| {
                            s.touch_reading(doc, flag).current += score;
                        },
                    )?;
                    s.end_reading(held);
                }
                s.end_word(layout, &[], bit, 0.0, 0.0);
                continue;
            }
            for (stem, factor) in &word.readings {
                let df = doc_freq(searcher, group.all, stem);
                if df > 0 {
                    let bm25 = &bm25_all;
                    let weight = bm25.weight(df);
                    postings(
                        searcher,
                        layout,
                        group.all,
                        stem,
                        filter,
                        true,
                        |doc, tf, norm| {
                            s.touch_reading(doc, IN_ALL).current +=
                                factor * (bm25.score(weight, norm, tf) + COVERAGE);
                        },
                    )?;
                }
                // A word may stand only in enclosing headings ("Dimensions" over sub-sections
                // that never repeat it): it still earns the context bonus.
                for (field, bonus) in [(group.context, W_CONTEXT), (group.heading, W_HEADING)] {
                    let field_df = doc_freq(searcher, field, stem);
                    if field_df == 0 {
                        continue;
                    }
                    let score = bonus * idf(df.max(field_df), docs) * factor;
                    // A word in an enclosing heading or the page title is what the section is
                    // about: it holds it.
                    let heading = field == group.heading;
                    postings(searcher, layout, field, stem, filter, false, |doc, _, _| {
                        // The section whose heading restates the page title earns no more
                        // for the title's words than its siblings (see `end_word`); it gets
                        // that back when the question is about the page as a whole.
                        let sums = &mut s.docs[doc as usize];
                        if heading
                            && sums.flags & IN_CONTEXT != 0
                            && layout.title_section[doc as usize]
                        {
                            sums.held_back = sums.held_back.max(score);
                            return;
                        }
                        if !heading {
                            sums.flags |= IN_CONTEXT;
                            sums.in_context |= bit;
                        }
                        let sums = s.touch_reading(doc, IN_ALL);
                        sums.current += score;
                        sums.headed |= bit;
                    })?;
                }
                s.end_reading(*factor);
            }
            if let Some(exact) = &word.exact {
                let bm25 = &bm25_raw;
                let weight = bm25.weight(doc_freq(searcher, group.raw, exact));
                postings(
                    searcher,
                    layout,
                    group.raw,
                    exact,
                    filter,
                    true,
                    |doc, tf, norm| {
                        let sums = &mut s.docs[doc as usize];
                        if sums.best_factor > 0.0 {
                            sums.best += W_RAW * bm25.score(weight, norm, tf);
                        }
                    },
                )?;
            }
            let word_idf = word.readings.first().map_or(0.0, |(stem, _)| {
                idf(doc_freq(searcher, group.all, stem), docs)
            });
            s.end_word(layout, &word.readings, bit, word.weight, word_idf);
        }
        // Words of general language ("new", "version") say little about which section; nor
        // does a hint.
        let common = query
            .words
            .iter()
            .enumerate()
            .filter(|(_, w)| w.meaning < COMMON_WORD_MEANING || w.hint != Hint::No)
            .fold(0u32, |mask, (i, _)| mask | 1 << i);
        // Two question words side by side that a section has side by side ("release manager",
        // "Förderung durch das BMWK"): each pair it holds lifts it by how rare the pair is.
        let pairs = side_by_side(query);
        // Rank: the best `limit` (all when 0), kept sorted while the touched documents go by:
        // most documents fall below the last kept one at one comparison.
        let order = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        let keep = if limit == 0 { usize::MAX } else { limit };
        // The pairs lift a document only among the first ones ranked without them: as many
        // whatever number of hits is asked for (up to as many), so that the first hit is the
        // same for all.
        let ranking = if pairs.is_empty() {
            keep
        } else {
            keep.max(PAIR_POOL)
        };
        let mut ranked: Vec<(f32, u32)> = Vec::with_capacity(ranking.min(s.touched.len()) + 1);
        for &doc in &s.touched {
            let d = doc as usize;
            let (sums, page) = (&s.docs[d], &s.pages[layout.page_of[d] as usize]);
            // A question about the page as a whole (all it finds there are title words) wants
            // the section that restates the title: it gets its heading bonus back.
            let whole_page = page.found & !sums.in_context & !common == 0;
            let back = if whole_page { sums.held_back_sum } else { 0.0 };
            let scored = (sums.score + back + page.bonus, doc);
            if scored.0 <= 0.0 {
                continue;
            }
            if ranked.len() == ranking
                && ranked
                    .last()
                    .is_some_and(|last| order(&scored, last) != std::cmp::Ordering::Less)
            {
                continue;
            }
            let at =
                ranked.partition_point(|kept| order(kept, &scored) == std::cmp::Ordering::Less);
            ranked.insert(at, scored);
            ranked.truncate(ranking);
        }
        if !pairs.is_empty() {
            // A pair lifts no section that lacks a rare word of the question (a name:
            // "Wavecon") the first one ranked without pairs holds: "how many data centres
            // does Wavecon operate?" is not answered by the section on another provider's
            // data centres.
            let names = ranked.first().map_or(0, |&(_, top)| {
                let found = s.docs[top as usize].found;
                query
                    .words
                    .iter()
                    .enumerate()
                    .filter(|(i, w)| {
                        found & (1 << i) != 0 && w.hint == Hint::No && w.meaning >= RARE_MEANING
                    })
                    .fold(0u32, |bits, (i, _)| bits | 1 << i)
            });
            for (score, doc) in &mut ranked {
                let d = *doc as usize;
                if s.docs[d].found & names == names {
                    *score += layout.pairs_held(d, s.docs[d].found, &pairs);
                }
            }
            ranked.sort_by(order);
            ranked.truncate(keep);
        }
        let foreign = query.words.iter().any(|w| w.known == Known::Foreign);
        let fact_missing = query
            .words
            .iter()
            .any(|w| w.hint == Hint::AnswerType && w.known == Known::Foreign);
        // The kinds of fact asked for that some section states and `held` says an answer must
        // state too, as bits of the question's words.
        let asked_and_held = |held: fn(&str) -> bool| -> u32 {
            query
                .words
                .iter()
                .enumerate()
                .filter(|(_, w)| {
                    w.hint == Hint::AnswerType && w.known != Known::Foreign && held(&w.raw)
                })
                .fold(0, |bits, (i, _)| bits | 1 << i)
        };
        // Those held to the page (about a person, a comparison): a page answering must state
        // them; and to the section (a price): the section answering must.
        let held_to_page = asked_and_held(facts::is_held_to_page);
        let held_to_section = asked_and_held(facts::is_held_to_section);
        let total_meaning: f32 = query.words.iter().map(|w| w.meaning).sum();
        let read = query.words.iter().filter(|w| w.hint == Hint::No).count();
        let mut hits = Vec::with_capacity(ranked.len());
        for (score, doc) in ranked {
            let d = doc as usize;
            let section = &layout.shown[d];
            let page = layout.page_of[d] as usize;
            let (sums, page_sums) = (&s.docs[d], &s.pages[page]);
            let found = sums.found;
            let coverage = Coverage {
                share: share(sums.weight, total_weight),
                page_share: share(page_sums.weight, total_weight),
                matched: query
                    .words
                    .iter()
                    .enumerate()
                    .filter(|(i, w)| found & (1 << i) != 0 && w.hint == Hint::No)
                    .map(|(_, w)| w.raw.clone())
                    .collect(),
                in_heading: sums.headed != 0,
                meaning: total_meaning,
                meaning_found: query
                    .words
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| found & (1 << i) != 0)
                    .map(|(_, w)| w.meaning)
                    .sum(),
                page_meaning_found: query
                    .words
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| page_sums.found & (1 << i) != 0)
                    .map(|(_, w)| w.meaning)
                    .sum(),
                meaning_foreign: query
                    .words
                    .iter()
                    .filter(|w| w.known == Known::Foreign)
                    .map(|w| w.meaning)
                    .sum(),
                domain: query
                    .words
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| found & (1 << i) != 0)
                    .map(|(_, w)| w.domain)
                    .fold(f32::NEG_INFINITY, f32::max),
                held: query
                    .words
                    .iter()
                    .enumerate()
                    .filter(|(i, w)| {
                        (found | sums.in_context) & (1 << i) != 0
                            && w.hint == Hint::No
                            && w.meaning >= COMMON_WORD_MEANING
                    })
                    .map(|(_, w)| w.raw.clone())
                    .collect(),
                unique: query.words.iter().enumerate().any(|(i, w)| {
                    found & (1 << i) != 0 && w.known == Known::Typed && w.sections == 1
                }),
                foreign,
                words: read,
                fact_missing: fact_missing
                    || held_to_page & !page_sums.found != 0
                    || held_to_section & !found != 0,
            };
            let snippet = if hits.len() < snippets {
                let terms = Terms {
                    analyzer: section.analyzer,
                    stems: &query.stems,
                    raws: &query.raws,
                };
                snippet(&section.text, &terms)
            } else {
                Snippet::default()
            };
            hits.push(section.hit(coverage, score, snippet));
        }
        s.clear(layout);
        Ok(hits)
    })
}

/// Whether `heading` restates `title`: at least half of its words (letters and digits, any
/// case) are words of the title.
fn restates_title(heading: &str, title: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (heading, title) = (words(heading), words(title));
    let shared = heading.iter().filter(|w| title.contains(w)).count();
    !heading.is_empty() && 2 * shared >= heading.len()
}

/// How much of a reading's search factor counts as evidence: the word as typed all of it, and
/// so does a slip of a page's word ([`FUZZY_1_SLIP`]: "workshps", "hackatons", "refernce" are
/// those words mistyped; the search factor still ranks sections with the word as typed first;
/// a word of the word lists is never read so: "weather" is no "whether"); a farther
/// correction, a word's start or a synonym less.
fn evidence_factor(factor: f32) -> f32 {
    if factor >= 1.0 || factor == FUZZY_1_SLIP {
        1.0
    } else {
        factor * READING_EVIDENCE
    }
}

fn share(found: f32, total: f32) -> f32 {
    if total > 0.0 {
        (found / total).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn pairs_are_the_stems_side_by_side_in_either_order_stopwords_left_out() {
        let pairs = super::with_analyzers(|a| {
            super::pairs_of(
                a.stemmed(crate::index::analyzer::EN),
                &mut Default::default(),
                &["The Release Manager", "plans releases of the board"],
            )
        });
        let key = super::pair_key;
        assert!(pairs.contains(&key("releas", "manag")));
        assert_eq!(
            key("releas", "manag"),
            key("manag", "releas"),
            "in either order"
        );
        // "plans releases of the board": "of the" is no word, "releases" is "release".
        assert!(pairs.contains(&key("releas", "board")));
        // Never across a heading and its text, nor across a mark.
        assert!(!pairs.contains(&key("manag", "plan")));
        let marked = super::with_analyzers(|a| {
            super::pairs_of(
                a.stemmed(crate::index::analyzer::EN),
                &mut Default::default(),
                &["node images, the cluster class | the board. Release (notes)"],
            )
        });
        let mut expected = vec![key("node", "imag"), key("cluster", "class")];
        expected.sort_unstable();
        assert_eq!(marked, expected);
        assert!(pairs.windows(2).all(|w| w[0] < w[1]), "sorted, once each");
    }

    #[test]
    fn a_heading_restates_the_title_when_half_its_words_are_the_titles() {
        let title = "Sovereign Cloud Stack Release 9 (R9) published";
        use super::restates_title;
        assert!(restates_title("Sovereign Cloud Stack Release 9", title));
        assert!(restates_title("Release 9 published", title));
        assert!(!restates_title("What is new in release 9", title));
        assert!(!restates_title("Kubernetes 1.33", title));
        assert!(!restates_title("", title));
    }

    #[test]
    fn edit_distance_counts_a_transposition_as_one() {
        let edit_distance = strsim::osa_distance;
        assert_eq!(edit_distance("jion", "join"), 1);
        assert_eq!(edit_distance("sysleven", "syseleven"), 1);
        assert_eq!(edit_distance("netzwerk", "network"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    proptest::proptest! {
        #[test]
        fn capped_edit_distance_is_the_same_as_optimal_string_alignment(
            a in "[abcé]{0,7}",
            b in "[abcé]{0,7}",
        ) {
            for cap in 1..=2 {
                proptest::prop_assert_eq!(
                    strsim::damerau_levenshtein(&a, &b).min(cap),
                    strsim::osa_distance(&a, &b).min(cap)
                );
            }
        }
    }
}
