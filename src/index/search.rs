//! Searching: a free question → the best sections.
//!
//! The question is never given to Tantivy's query parser: it is split into words with the same
//! analyzers the index uses, question words and stopwords of English and German are dropped, and
//! the query is assembled from [`TermQuery`]s, so no input can be a syntax error.
//!
//! Ranking, per query word (summed over the words of the question):
//! - BM25 of its stem over the section's heading and text: the base score;
//! - a bonus when the stem is in the section's own heading (×[`W_HEADING`]) or in an enclosing
//!   heading or the page title (×[`W_CONTEXT`]). The bonus is the word's IDF over the whole
//!   text, not over headings alone, so a common word ("cloud") in a heading earns little and a
//!   rare one ("partners") much — an approximation of BM25F. A word found only in enclosing
//!   headings (a heading with nothing but sub-headings under it is not indexed itself) still
//!   earns the context bonus;
//! - a constant [`COVERAGE`] bonus for every question word a section contains at all, so a
//!   section holding more of the question's words wins over one holding a few of them often
//!   (Lucene's classic coordination factor, as a sum);
//! - a word the index doesn't know at all is looked up in the [`glossary`] ("mitmachen",
//!   "repo"): its other words for it stand in, damped by [`SYNONYM`]. Failing that, it is taken
//!   for a typo or a fragment: it is replaced by at most [`MAX_EXPANSIONS`] indexed words within
//!   Levenshtein distance 1 (words of [`MIN_FUZZY_CHARS`]+ letters; 2 for words of
//!   [`MIN_FUZZY_2_CHARS`]+ letters with nothing at 1), transpositions counting 1, or starting
//!   with it; each scores like a typed word, damped by [`FUZZY_1`], [`FUZZY_2`] or [`PREFIX`].
//!   Only the best reading counts per section, so a typo never outscores the word it stands for;
//! - a small bonus for the exact form asked for, when stemming changed it (×[`W_RAW`]);
//! - neighbouring question words that stand near each other in the section earn a proximity
//!   bonus (×[`W_PHRASE`]), unless one of them is in most sections anyway.

use std::collections::HashMap;

use tantivy::collector::TopDocs;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, DfaWrapper, DisjunctionMaxQuery, FuzzyTermQuery,
    Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{DocAddress, DocSet, InvertedIndexReader, Searcher, TantivyDocument, Term};

use super::analyzer::{with_analyzers, Analyzers};
use super::glossary;
use super::schema::{Fields, Group};
use super::snippet::{snippet, Snippet, Terms, Text};

// The weights were set on tests/eval/questions.toml; every value in a wide band around them
// scores within a question or two of the best (W_HEADING 1.0–2.0, W_PHRASE 0–1, COVERAGE
// 0.2–1.0), so they are round numbers, not fitted ones.

/// Heading bonus, in units of the word's IDF.
pub const W_HEADING: f32 = 1.5;
/// Enclosing-headings-and-page-title bonus, in units of the word's IDF.
pub const W_CONTEXT: f32 = 0.5;
/// Boost of the BM25 score of the exact, unstemmed form.
pub const W_RAW: f32 = 0.2;
/// Boost of the BM25 score of two neighbouring question words standing near each other.
pub const W_PHRASE: f32 = 0.5;
/// Bonus per question word a section contains.
pub const COVERAGE: f32 = 0.3;
/// Damping of a word one edit away from an unknown question word.
pub const FUZZY_1: f32 = 0.7;
/// Damping of a word two edits away from an unknown question word.
pub const FUZZY_2: f32 = 0.45;
/// Damping of a word that starts with an unknown question word.
pub const PREFIX: f32 = 0.6;
/// Damping of a glossary word standing in for an unknown question word.
pub const SYNONYM: f32 = 0.8;
/// Most indexed words one unknown query word expands to.
pub const MAX_EXPANSIONS: usize = 3;
/// Query words beyond this many are ignored (pasted text).
pub const MAX_QUERY_WORDS: usize = 16;
/// Shortest word (in characters) that is expanded as a possible typo.
pub const MIN_FUZZY_CHARS: usize = 4;
/// Shortest word that may be 2 edits away from what was meant.
pub const MIN_FUZZY_2_CHARS: usize = 10;

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

/// One analysed query word.
#[derive(Debug, Clone)]
struct Word {
    /// Stem, by the analyzer of the searched language.
    stem: Option<String>,
    /// Unstemmed, lower-cased, folded form.
    raw: String,
}

/// A query ready to run, with what its snippets must mark and what counts as evidence.
pub struct Prepared {
    pub query: Box<dyn Query>,
    pub stems: Vec<String>,
    pub raws: Vec<String>,
    /// Per query word, the readings that stand for it in a section.
    pub evidence: Vec<Evidence>,
    /// The field searched (`all` of the language's group) and its heading fields.
    fields: (Field, Field, Field),
}

/// What stands for one query word in a section: its stem as typed, or a correction or
/// synonym of it, each with the factor it scores with; and how much the word weighs.
#[derive(Debug, Clone)]
pub struct Evidence {
    /// The word as typed (lower-cased, folded).
    pub raw: String,
    /// `(stem, factor)`: typed 1.0, a glossary word [`SYNONYM`], a correction its damping.
    readings: Vec<(String, f32)>,
    /// The word's IDF (of its first reading), bounded; a word the content doesn't have at all
    /// weighs [`UNKNOWN_WEIGHT`].
    pub weight: f32,
    /// Sections holding the word as typed.
    sections: u64,
}

/// How well a hit covers the question: the share of the question's weight its section holds
/// (each word at its reading's factor), how many words it holds, and whether one stands in its
/// heading, its enclosing headings or its page title.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    pub share: f32,
    /// The raw forms of the question words found in the section.
    pub matched: Vec<String>,
    /// Read for questions of one word only (false for longer ones).
    pub in_heading: bool,
    /// A word found is, as typed, in no other section: it picks this one out.
    pub unique: bool,
}

/// Analyses the question's words (from [`super::question_words`]: tokenized, stopwords
/// dropped) for `group`'s analyzer: at most [`MAX_QUERY_WORDS`], each once.
fn analyse(words: &[String], group: &Group) -> Vec<Word> {
    with_analyzers(|a| {
        let mut out: Vec<Word> = Vec::new();
        for word in words {
            if out.len() >= MAX_QUERY_WORDS {
                break;
            }
            let Some(raw) = Analyzers::term_of(&mut a.raw, word) else {
                continue;
            };
            if out.iter().any(|w| w.raw == raw) {
                continue;
            }
            let stem = Analyzers::term_of(a.stemmed(group.analyzer), word);
            out.push(Word { stem, raw });
        }
        out
    })
}

fn doc_freq(searcher: &Searcher, field: Field, text: &str) -> u64 {
    searcher
        .doc_freq(&Term::from_field_text(field, text))
        .unwrap_or(0)
}

fn term_query(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::WithFreqs,
    ))
}

/// A query for the documents holding a term, scoring `score` each (no frequencies read).
fn term_bonus(field: Field, text: &str, score: f32) -> Box<dyn Query> {
    let matches = TermQuery::new(Term::from_field_text(field, text), IndexRecordOption::Basic);
    Box::new(ConstScoreQuery::new(Box::new(matches), score))
}

fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(query, boost))
}

/// How much a word the content has weighs as evidence: its IDF, bounded so that a word in
/// every section (the site's own name) still counts and a rare one doesn't drown the rest.
fn evidence_weight(doc_freq: u64, docs: u64) -> f32 {
    idf(doc_freq, docs).clamp(1.0, 4.0)
}

/// What a word weighs as evidence when the content doesn't have it at all (nor a correction
/// or synonym of it): the question asks about something the pages may not cover.
const UNKNOWN_WEIGHT: f32 = 2.0;

/// The share of a correction's or synonym's search factor it keeps as evidence.
const READING_EVIDENCE: f32 = 0.7;

/// BM25's inverse document frequency.
fn idf(doc_freq: u64, docs: u64) -> f32 {
    let (n, df) = (docs as f32, doc_freq as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// Where the readings of an unknown word come from, in the order they are tried.
#[derive(Clone, Copy)]
enum Reading {
    Glossary,
    Fuzzy,
}

/// One way to read a query word: as typed, or as a correction of it.
struct Variant {
    stem: Option<String>,
    factor: f32,
}

type Clauses = Vec<(Occur, Box<dyn Query>)>;

/// The clauses one reading of a word contributes (empty when the index doesn't know it), and the
/// number of sections that contain it.
fn variant_clauses(searcher: &Searcher, group: &Group, v: &Variant) -> (Clauses, u64) {
    let mut clauses: Clauses = Vec::new();
    let mut df = 0;
    if let Some(stem) = &v.stem {
        df = doc_freq(searcher, group.all, stem);
        if df > 0 {
            clauses.push((
                Occur::Should,
                boosted(term_query(group.all, stem), v.factor),
            ));
            let covered = term_bonus(group.all, stem, COVERAGE * v.factor);
            clauses.push((Occur::Should, covered));
        }
        // A word may stand only in enclosing headings ("Dimensions" over sub-sections that
        // never repeat it): it still earns the context bonus, weighed by how rare it is there.
        for (field, bonus) in [(group.heading, W_HEADING), (group.context, W_CONTEXT)] {
            let field_df = doc_freq(searcher, field, stem);
            if field_df > 0 {
                let score = bonus * idf(df.max(field_df), searcher.num_docs()) * v.factor;
                clauses.push((Occur::Should, term_bonus(field, stem, score)));
            }
        }
    }
    (clauses, df)
}

/// Builds the query for a question's `words` over the pages of `language`. `None` when
/// nothing is left to search for (empty, only stopwords, no known word).
pub fn prepare(
    searcher: &Searcher,
    fields: &Fields,
    words: &[String],
    language: &str,
) -> Option<Prepared> {
    let group = fields.group(language);
    let words = analyse(words, group);
    if words.is_empty() {
        return None;
    }
    let mut clauses: Clauses = Vec::new();
    let mut stems = Vec::new();
    let mut raws = Vec::new();
    // Per word, its stem when the index knows it as typed and it is not in most sections (for
    // the proximity bonus: "kata containers", not "scs project").
    let mut informative: Vec<Option<&str>> = Vec::new();
    let docs = searcher.num_docs();

    let mut evidence: Vec<Evidence> = Vec::new();
    for word in &words {
        let typed = Variant {
            stem: word.stem.clone(),
            factor: 1.0,
        };
        let (mut exact, df) = variant_clauses(searcher, group, &typed);
        let mut this = Evidence {
            raw: word.raw.clone(),
            readings: Vec::new(),
            weight: if df > 0 {
                evidence_weight(df, docs)
            } else {
                UNKNOWN_WEIGHT
            },
            sections: df,
        };
        if df > 0 {
            this.readings
                .extend(word.stem.clone().map(|stem| (stem, 1.0)));
        }
        // Of two sections that share the stem, prefer the one with the very form asked for
        // ("interoperability" over "interoperable"). Only informative when stemming changed it.
        if word.stem.as_deref() != Some(word.raw.as_str())
            && doc_freq(searcher, group.raw, &word.raw) > 0
        {
            exact.push((
                Occur::Should,
                boosted(term_query(group.raw, &word.raw), W_RAW),
            ));
        }
        raws.push(word.raw.clone());
        if let Some(stem) = &word.stem {
            stems.push(stem.clone());
        }
        if !exact.is_empty() {
            informative.push(word.stem.as_deref().filter(|_| df > 0 && df * 2 <= docs));
            // Flat in the top-level query: a nested boolean query costs a union buffer each.
            clauses.extend(exact);
            evidence.push(this);
            continue;
        }
        informative.push(None);
        // A word the glossary knows is vocabulary, not a typo: no fuzzy matching then.
        let mut readings: Vec<Clauses> = Vec::new();
        for pass in [Reading::Glossary, Reading::Fuzzy] {
            if !readings.is_empty() {
                break;
            }
            let variants = match pass {
                Reading::Glossary => synonyms(group, word),
                Reading::Fuzzy => expansions(searcher, group, word),
            };
            for variant in variants {
                let (found, variant_df) = variant_clauses(searcher, group, &variant);
                if !found.is_empty() {
                    readings.push(found);
                    if let Some(stem) = &variant.stem {
                        if variant_df > 0 {
                            if this.readings.is_empty() {
                                this.weight = evidence_weight(variant_df, docs);
                            }
                            // A correction or a synonym is weaker evidence than the word
                            // typed: "weather" read as "whether" must not make a weather
                            // question look answered.
                            this.readings
                                .push((stem.clone(), variant.factor * READING_EVIDENCE));
                        }
                    }
                    stems.extend(variant.stem);
                }
            }
        }
        evidence.push(this);
        match readings.len() {
            0 => {}
            1 => clauses.extend(readings.pop().unwrap_or_default()),
            _ => {
                let best_of = readings
                    .into_iter()
                    .map(|r| Box::new(BooleanQuery::new(r)) as Box<dyn Query>)
                    .collect();
                clauses.push((Occur::Should, Box::new(DisjunctionMaxQuery::new(best_of))));
            }
        }
    }

    for pair in informative.windows(2) {
        if let [Some(a), Some(b)] = pair {
            if a != b {
                let phrase = PhraseQuery::new_with_offset_and_slop(
                    vec![
                        (0, Term::from_field_text(group.all, a)),
                        (1, Term::from_field_text(group.all, b)),
                    ],
                    3,
                );
                clauses.push((Occur::Should, boosted(Box::new(phrase), W_PHRASE)));
            }
        }
    }

    if clauses.is_empty() {
        return None;
    }
    let mut query: Box<dyn Query> = Box::new(BooleanQuery::new(clauses));
    if group.shared {
        let filter = TermQuery::new(
            Term::from_field_text(fields.language, language),
            IndexRecordOption::Basic,
        );
        query = Box::new(BooleanQuery::new(vec![
            (Occur::Must, query),
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(filter), 0.0)),
            ),
        ]));
    }
    Some(Prepared {
        query,
        stems,
        raws,
        evidence,
        fields: (group.all, group.heading, group.context),
    })
}

/// The glossary's other words for an unknown query word, in the searched language's analysis.
fn synonyms(group: &Group, word: &Word) -> Vec<Variant> {
    with_analyzers(|a| {
        glossary::alternatives(a, &word.raw)
            .into_iter()
            .map(|w| Variant {
                stem: Analyzers::term_of(a.stemmed(group.analyzer), w),
                factor: SYNONYM,
            })
            .collect()
    })
}

/// Indexed words an unknown query word may have been meant as: surface forms near its unstemmed
/// form or starting with it, else stems near its stem ("jion" → "join", which only occurs as
/// "joining"). One edit is tried first; two only for long words that have no candidate at one.
fn expansions(searcher: &Searcher, group: &Group, word: &Word) -> Vec<Variant> {
    let chars = word.raw.chars().count();
    if chars < MIN_FUZZY_CHARS {
        return Vec::new();
    }
    let max_distance: u8 = if chars >= MIN_FUZZY_2_CHARS { 2 } else { 1 };
    // (is a stem, term) → (edits, or u8::MAX for a prefix match; document frequency)
    let mut candidates: HashMap<(bool, String), (u8, u64)> = HashMap::new();
    'distances: for distance in 1..=max_distance {
        let mut lookups = vec![(false, group.raw, word.raw.as_str())];
        if let Some(stem) = word.stem.as_deref() {
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
                if !is_stem && distance == 1 {
                    collect_prefixed(&inverted, text, &mut candidates);
                }
            }
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
            .map(|((is_stem, term), (edits, _))| {
                let factor = match edits {
                    1 => FUZZY_1,
                    u8::MAX => PREFIX,
                    _ => FUZZY_2,
                };
                if is_stem {
                    Variant {
                        stem: Some(term),
                        factor,
                    }
                } else {
                    Variant {
                        stem: Analyzers::term_of(a.stemmed(group.analyzer), &term),
                        factor,
                    }
                }
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
            // The metric partner names use too. Capped at `distance` (1 or 2), it counts the
            // same as optimal string alignment (they differ only where that counts 3 or more).
            let edits = strsim::damerau_levenshtein(text, term).min(distance as usize) as u8;
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

/// What a hit shows of a section, read from the stored fields once when the index is opened.
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
    /// Name of the stemming analyzer of the section's language.
    analyzer: &'static str,
}

/// Reads what hits show of every document, indexed `[segment][doc]`.
pub fn load_shown(searcher: &Searcher, fields: &Fields) -> tantivy::Result<Vec<Vec<Shown>>> {
    let mut segments = Vec::with_capacity(searcher.segment_readers().len());
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let mut docs = Vec::with_capacity(segment.max_doc() as usize);
        for doc_id in 0..segment.max_doc() {
            let doc: TantivyDocument = searcher.doc(DocAddress::new(ord as u32, doc_id))?;
            let text = |field: Field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            };
            let language = text(fields.language);
            docs.push(Shown {
                analyzer: fields.group(&language).analyzer,
                language,
                slug: text(fields.slug),
                anchor: text(fields.anchor),
                title: text(fields.title),
                heading: text(fields.heading),
                path: doc
                    .get_all(fields.path)
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                url: text(fields.url),
                text: Text::new(&text(fields.text)),
            });
        }
        segments.push(docs);
    }
    Ok(segments)
}

/// Runs a prepared query and turns the top `limit` documents into hits; only the first
/// `snippets` get a snippet (the others are for ranking and routing).
pub fn run(
    searcher: &Searcher,
    shown: &[Vec<Shown>],
    prepared: &Prepared,
    limit: usize,
    snippets: usize,
) -> tantivy::Result<Vec<SearchHit>> {
    let top = searcher.search(
        &*prepared.query,
        &TopDocs::with_limit(limit).order_by_score(),
    )?;
    let mut hits = Vec::with_capacity(top.len());
    for (score, address) in top {
        let Some(section) = shown
            .get(address.segment_ord as usize)
            .and_then(|docs| docs.get(address.doc_id as usize))
        else {
            continue;
        };
        let snippet = if hits.len() < snippets {
            let terms = Terms {
                analyzer: section.analyzer,
                stems: &prepared.stems,
                raws: &prepared.raws,
            };
            snippet(&section.text, &terms)
        } else {
            Snippet::default()
        };
        // Evidence is read for the hits that may be shown (it costs postings look-ups).
        let coverage = if hits.len() < snippets {
            coverage(searcher, address, prepared)
        } else {
            Coverage::default()
        };
        hits.push(SearchHit {
            coverage,
            language: section.language.clone(),
            slug: section.slug.clone(),
            anchor: section.anchor.clone(),
            title: section.title.clone(),
            heading: section.heading.clone(),
            path: section.path.clone(),
            url: section.url.clone(),
            score,
            snippet: snippet.marked(),
            fragment: snippet.fragment,
            highlights: snippet.highlights,
        });
    }
    Ok(hits)
}

/// Whether the document at `address` holds the term `text` of `field`.
fn holds(searcher: &Searcher, address: DocAddress, field: Field, text: &str) -> bool {
    let segment = searcher.segment_reader(address.segment_ord);
    let Ok(inverted) = segment.inverted_index(field) else {
        return false;
    };
    let term = Term::from_field_text(field, text);
    match inverted.read_postings(&term, IndexRecordOption::Basic) {
        // `seek` wants a target at or past the current document.
        Ok(Some(mut postings)) => match postings.doc() {
            doc if doc >= address.doc_id => doc == address.doc_id,
            _ => postings.seek(address.doc_id) == address.doc_id,
        },
        _ => false,
    }
}

/// How well the document at `address` covers the prepared question (see [`Coverage`]).
fn coverage(searcher: &Searcher, address: DocAddress, prepared: &Prepared) -> Coverage {
    let (all, heading, context) = prepared.fields;
    let mut found = 0.0;
    let mut total = 0.0;
    let mut out = Coverage::default();
    for word in &prepared.evidence {
        total += word.weight;
        let best = word
            .readings
            .iter()
            .filter(|(stem, _)| holds(searcher, address, all, stem))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((stem, factor)) = best {
            found += word.weight * factor;
            out.matched.push(word.raw.clone());
            out.unique = out.unique || (word.sections == 1 && *factor >= 1.0);
            // Only a question of one word needs to know (see the answer's confidence).
            if prepared.evidence.len() == 1 {
                out.in_heading = holds(searcher, address, heading, stem)
                    || holds(searcher, address, context, stem);
            }
        }
    }
    out.share = if total > 0.0 { found / total } else { 0.0 };
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn edit_distance_counts_a_transposition_as_one() {
        let edit_distance = strsim::damerau_levenshtein;
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
