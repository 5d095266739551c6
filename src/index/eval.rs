//! Measuring search quality against a question set.
//!
//! A question set is TOML (`tests/eval/questions.toml`):
//!
//! ```toml
//! [[question]]
//! text = "is syseleven a member?"
//! expected = "our-partners-in-the-network"  # anchor (or `slug#anchor`) of the answering section
//! lang = "en"                               # optional, default "en"
//! note = "partner name"                     # optional, ignored
//! ```
//!
//! (`question`/`q`/`query` and `expect`/`anchor`/`section` are accepted as aliases, so the
//! same file also reads with the answer-level evaluation in `crate::eval`.)
//!
//! P@1 is the share of questions whose first hit is the expected section; MRR@5 averages
//! 1/rank of the expected section within the first five hits (0 when absent).
//! [`PlainBaseline`] is the same content searched with Tantivy's defaults (default tokenizer,
//! `QueryParser` over title, headings and body), the yardstick the ranking has to beat.

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Schema, Value, STORED, STRING, TEXT};
use tantivy::{Index, IndexReader, IndexWriter, TantivyDocument, Term};

use super::SearchIndex;
use crate::content::Library;

/// Ranks that count for MRR.
pub const MRR_DEPTH: usize = 5;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question as a user would type it.
    #[serde(alias = "question", alias = "q", alias = "query")]
    pub text: String,
    /// The section that answers it: its anchor, or `slug#anchor`.
    #[serde(alias = "expect", alias = "anchor", alias = "section")]
    pub expected: String,
    /// Language the question is asked in (pages of that language are searched).
    #[serde(default = "default_lang", alias = "language")]
    pub lang: String,
    /// Why the question is in the set (paraphrase, typo, …); not used for scoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Question {
    /// True when the section `(slug, anchor)` is the expected one.
    pub fn accepts(&self, slug: &str, anchor: &str) -> bool {
        match self.expected.split_once('#') {
            Some((page, want)) => page == slug && want == anchor,
            None => self.expected == anchor,
        }
    }
}

fn default_lang() -> String {
    "en".to_string()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    #[serde(default)]
    question: Vec<Question>,
}

/// Reads a question set from TOML text.
pub fn parse_questions(toml_text: &str) -> Result<Vec<Question>> {
    let file: QuestionFile = toml::from_str(toml_text).context("reading the question set")?;
    Ok(file.question)
}

/// A question whose expected section was not the first hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub question: String,
    pub expected: String,
    /// 1-based rank of the expected section within the first [`MRR_DEPTH`] hits.
    pub rank: Option<usize>,
    /// Anchors of the first [`MRR_DEPTH`] hits.
    pub got: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvalReport {
    pub questions: usize,
    pub p_at_1: f64,
    pub mrr_at_5: f64,
    pub misses: Vec<Miss>,
}

impl std::fmt::Display for EvalReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{} questions  P@1 {:.3}  MRR@5 {:.3}",
            self.questions, self.p_at_1, self.mrr_at_5
        )?;
        for miss in &self.misses {
            let rank = miss.rank.map_or("-".to_string(), |r| r.to_string());
            writeln!(
                f,
                "  miss (rank {rank}): {:?} expected {} got {}",
                miss.question,
                miss.expected,
                miss.got.join(", ")
            )?;
        }
        Ok(())
    }
}

/// Scores `index` on `questions`.
pub fn evaluate(index: &SearchIndex, questions: &[Question]) -> EvalReport {
    evaluate_with(questions, |q| {
        index
            .search(&q.text, &q.lang, MRR_DEPTH)
            .into_iter()
            .map(|h| (h.slug, h.anchor))
            .collect()
    })
}

/// Scores any ranking: `rank` returns `(slug, anchor)` of the sections it answers a question
/// with, best first (e.g. a full answering core with its command router).
pub fn evaluate_with(
    questions: &[Question],
    mut rank: impl FnMut(&Question) -> Vec<(String, String)>,
) -> EvalReport {
    let mut hits_at_1 = 0usize;
    let mut reciprocal = 0f64;
    let mut misses = Vec::new();
    for q in questions {
        let got = rank(q);
        let position = got
            .iter()
            .take(MRR_DEPTH)
            .position(|(slug, anchor)| q.accepts(slug, anchor));
        match position {
            Some(0) => hits_at_1 += 1,
            _ => misses.push(Miss {
                question: q.text.clone(),
                expected: q.expected.clone(),
                rank: position.map(|p| p + 1),
                got: got.iter().take(MRR_DEPTH).map(|(_, a)| a.clone()).collect(),
            }),
        }
        if let Some(p) = position {
            reciprocal += 1.0 / (p + 1) as f64;
        }
    }
    let n = questions.len().max(1) as f64;
    EvalReport {
        questions: questions.len(),
        p_at_1: hits_at_1 as f64 / n,
        mrr_at_5: reciprocal / n,
        misses,
    }
}

/// The same sections indexed and searched with Tantivy's defaults: `TEXT` fields (default
/// tokenizer, no stemming, no stopwords) for title, heading, heading path and body, and the
/// lenient `QueryParser` over all four, no boosts, no typo tolerance.
pub struct PlainBaseline {
    parser: QueryParser,
    reader: IndexReader,
    language: Field,
    slug: Field,
    anchor: Field,
}

impl PlainBaseline {
    pub fn new(library: &Library) -> Result<PlainBaseline> {
        let mut builder = Schema::builder();
        let language = builder.add_text_field("language", STRING | STORED);
        let slug = builder.add_text_field("slug", STRING | STORED);
        let anchor = builder.add_text_field("anchor", STRING | STORED);
        let title = builder.add_text_field("title", TEXT);
        let heading = builder.add_text_field("heading", TEXT);
        let path = builder.add_text_field("path", TEXT);
        let body = builder.add_text_field("body", TEXT);
        let index = Index::create_in_ram(builder.build());
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 20_000_000)?;
        for (page, section) in library.sections() {
            let mut doc = TantivyDocument::default();
            doc.add_text(language, &page.language);
            doc.add_text(slug, &page.slug);
            doc.add_text(anchor, &section.anchor);
            doc.add_text(title, &page.title);
            doc.add_text(heading, &section.heading);
            doc.add_text(path, section.path.join(" "));
            doc.add_text(body, &section.text);
            writer.add_document(doc)?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        let parser = QueryParser::for_index(&index, vec![title, heading, path, body]);
        Ok(PlainBaseline {
            parser,
            reader,
            language,
            slug,
            anchor,
        })
    }

    /// `(slug, anchor)` of the top `limit` sections.
    pub fn search(&self, text: &str, lang: &str, limit: usize) -> Vec<(String, String)> {
        let (query, _errors) = self.parser.parse_query_lenient(text);
        let filter = TermQuery::new(
            Term::from_field_text(self.language, lang),
            IndexRecordOption::Basic,
        );
        let query = BooleanQuery::new(vec![
            (Occur::Must, query as Box<dyn Query>),
            (
                Occur::Must,
                Box::new(ConstScoreQuery::new(Box::new(filter), 0.0)),
            ),
        ]);
        let searcher = self.reader.searcher();
        let Ok(top) = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score()) else {
            return Vec::new();
        };
        top.into_iter()
            .filter_map(|(_, address)| {
                let doc: TantivyDocument = searcher.doc(address).ok()?;
                let get = |f: Field| doc.get_first(f)?.as_str().map(str::to_string);
                Some((get(self.slug)?, get(self.anchor)?))
            })
            .collect()
    }

    /// Scores the baseline on `questions`.
    pub fn evaluate(&self, questions: &[Question]) -> EvalReport {
        evaluate_with(questions, |q| self.search(&q.text, &q.lang, MRR_DEPTH))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_file_reads_with_defaults() {
        let questions = parse_questions(
            "[[question]]\ntext = \"how do I join?\"\nexpected = \"get-involved\"\n\n\
             [[question]]\nq = \"Partner\"\nexpect = \"netzwerk#partner\"\nlang = \"de\"\n",
        )
        .unwrap();
        assert_eq!(questions.len(), 2);
        assert_eq!(questions[0].lang, "en");
        assert!(questions[1].accepts("netzwerk", "partner"));
        assert!(!questions[1].accepts("network", "partner"));
    }

    #[test]
    fn an_unknown_key_in_the_question_file_is_an_error() {
        assert!(parse_questions("[[question]]\ntext = \"x\"\nexpectd = \"y\"\n").is_err());
    }

    #[test]
    fn precision_and_reciprocal_rank_are_computed_from_ranks() {
        let q = |text: &str, expect: &str| Question {
            text: text.into(),
            expected: expect.into(),
            lang: "en".into(),
            note: None,
        };
        let questions = [q("a", "x"), q("b", "x"), q("c", "x"), q("d", "x")];
        let report = evaluate_with(&questions, |q| {
            let anchors: &[&str] = match q.text.as_str() {
                "a" => &["x", "y"],
                "b" => &["y", "x"],
                "c" => &["y", "z"],
                _ => &[],
            };
            anchors
                .iter()
                .map(|a| ("p".to_string(), a.to_string()))
                .collect()
        });
        assert_eq!(report.p_at_1, 0.25);
        assert_eq!(report.mrr_at_5, (1.0 + 0.5) / 4.0);
        assert_eq!(report.misses.len(), 3);
        assert_eq!(report.misses[0].rank, Some(2));
    }
}
