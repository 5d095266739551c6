//! Measuring answer quality: a question set with the sections that should answer each
//! question, scored through the whole answer path (the front door, routing, search), through
//! the search alone, or through [`baseline::PlainBaseline`] (plain Tantivy BM25), in one run.
//!
//! A question file is TOML (`[[question]]` tables), JSON, or JSON lines:
//!
//! ```toml
//! [[question]]
//! text = "is syseleven a member?"
//! expected = "network#our-partners-in-the-network"  # anchor, heading, `slug#anchor`, or a list
//! lang = "en"                                       # optional, else the run's language
//! category = "partner"                              # optional, for the per-category figures
//! note = "partner name"                             # optional, ignored
//! ```
//!
//! `expected = "abstain"` marks a question the content does not answer (out of scope): it
//! scores when the bot says it doesn't know, and counts as a wrong answer when a section is
//! shown. `expected = "smalltalk"` marks a greeting: it scores when no section is shown.
//!
//! Figures: P@1 (the expected section first) and MRR@5 (1/rank within the first five) over the
//! answerable questions; the abstention rate and the wrong-answer rate over the others; each
//! also per category and per language.

pub mod baseline;

use crate::answer::{normalize, AnsweredBy, Outcome};
use crate::core::{door, Core, Input};
use crate::index::SearchIndex;
use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// Ranks that count for MRR.
pub const MRR_DEPTH: usize = 5;

/// What `expected` says for an out-of-scope question.
pub const ABSTAIN: &str = "abstain";
/// What `expected` says for small talk.
pub const SMALLTALK: &str = "smalltalk";

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The question as a user would type it.
    #[serde(alias = "question", alias = "q", alias = "query")]
    pub text: String,
    /// The section that answers it, or [`ABSTAIN`] / [`SMALLTALK`].
    #[serde(alias = "expect", alias = "anchor", alias = "section")]
    pub expected: Expected,
    /// The language the question is asked in; the run's language when absent.
    #[serde(default, alias = "language")]
    pub lang: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Why the question is in the set; not used for scoring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Expected {
    One(String),
    Any(Vec<String>),
}

/// What a question expects of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Answerable,
    OutOfScope,
    Smalltalk,
}

impl Expected {
    fn wants(&self) -> Vec<&str> {
        match self {
            Expected::One(want) => vec![want.as_str()],
            Expected::Any(wants) => wants.iter().map(String::as_str).collect(),
        }
    }

    /// True when `page` is the page of an expected section (the held-out sets are scored by
    /// page: the right page first).
    pub fn accepts_page(&self, page: &str) -> bool {
        self.wants()
            .into_iter()
            .any(|want| match want.split_once('#') {
                Some((want_page, _)) => want_page == page,
                None => true,
            })
    }

    /// True when the section `(page, anchor, heading)` is an expected one: by anchor, by
    /// heading (normalized), or by `page#anchor`.
    pub fn accepts(&self, page: &str, anchor: &str, heading: &str) -> bool {
        self.wants().into_iter().any(|want| {
            let (want_page, section) = match want.split_once('#') {
                Some((page, anchor)) => (Some(page), anchor),
                None => (None, want),
            };
            want_page.is_none_or(|p| p == page)
                && (section == anchor || normalize(section) == normalize(heading))
        })
    }
}

impl std::fmt::Display for Expected {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.wants().join(" | "))
    }
}

impl Question {
    pub fn kind(&self) -> Kind {
        match self.wants_one() {
            Some(ABSTAIN) => Kind::OutOfScope,
            Some(SMALLTALK) => Kind::Smalltalk,
            _ => Kind::Answerable,
        }
    }

    fn wants_one(&self) -> Option<&str> {
        match &self.expected {
            Expected::One(want) => Some(want),
            Expected::Any(_) => None,
        }
    }

    /// The question's language, else `default`.
    pub fn language<'a>(&'a self, default: &'a str) -> &'a str {
        self.lang.as_deref().unwrap_or(default)
    }

    /// The category, `uncategorized` when none is given.
    pub fn category(&self) -> &str {
        self.category.as_deref().unwrap_or("uncategorized")
    }
}

/// What a ranking made of a question: the sections shown, best first, or that it abstained.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ranked {
    /// `(page, anchor, heading)`, best first.
    pub sections: Vec<(String, String, String)>,
    /// It said it doesn't know (or answered small talk): no section is presented.
    pub abstained: bool,
    /// How sure it was (1 for rankings that don't say).
    pub confidence: f32,
}

/// A question the ranking got wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub question: String,
    pub language: String,
    pub category: String,
    pub expected: String,
    /// 1-based rank of the expected section within the first [`MRR_DEPTH`] hits.
    pub rank: Option<usize>,
    /// The sections answered, best first (`page#anchor`); empty when it abstained.
    pub got: Vec<String>,
    /// How sure the ranking was of its answer.
    pub confidence: f32,
}

/// The figures of one group of questions.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Score {
    pub questions: usize,
    /// Questions with an expected section.
    pub answerable: usize,
    pub p_at_1: f64,
    pub mrr_at_5: f64,
    /// The expected section's page first (its section or another of the same page).
    pub page_p_at_1: f64,
    /// Out-of-scope questions and small talk.
    pub unanswerable: usize,
    /// Share of those answered with "I don't know" (or small talk): 1.0 when there are none.
    pub abstention: f64,
    /// Share of those answered with a section anyway.
    pub wrong_answers: f64,
    #[serde(skip)]
    hits_at_1: usize,
    #[serde(skip)]
    page_hits_at_1: usize,
    #[serde(skip)]
    reciprocal: f64,
    #[serde(skip)]
    abstained: usize,
}

impl Score {
    fn add(&mut self, kind: Kind, rank: Option<usize>, page_first: bool, abstained: bool) {
        self.questions += 1;
        match kind {
            Kind::Answerable => {
                self.answerable += 1;
                if rank == Some(0) {
                    self.hits_at_1 += 1;
                }
                self.page_hits_at_1 += usize::from(page_first);
                if let Some(rank) = rank {
                    self.reciprocal += 1.0 / (rank as f64 + 1.0);
                }
            }
            Kind::OutOfScope | Kind::Smalltalk => {
                self.unanswerable += 1;
                self.abstained += usize::from(abstained);
            }
        }
        let answerable = self.answerable.max(1) as f64;
        self.p_at_1 = self.hits_at_1 as f64 / answerable;
        self.page_p_at_1 = self.page_hits_at_1 as f64 / answerable;
        self.mrr_at_5 = self.reciprocal / answerable;
        self.abstention = if self.unanswerable == 0 {
            1.0
        } else {
            self.abstained as f64 / self.unanswerable as f64
        };
        self.wrong_answers = 1.0 - self.abstention;
    }
}

/// A ranking's figures on a question set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub questions: usize,
    pub p_at_1: f64,
    pub mrr_at_5: f64,
    pub page_p_at_1: f64,
    pub abstention: f64,
    pub wrong_answers: f64,
    pub total: Score,
    pub by_category: BTreeMap<String, Score>,
    pub by_language: BTreeMap<String, Score>,
    /// Questions whose first hit was wrong, and unanswerable ones answered anyway.
    pub misses: Vec<Miss>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{} questions  P@1 {:.3}  MRR@5 {:.3}  page P@1 {:.3}  abstained {:.3}  wrong answers {:.3}",
            self.questions,
            self.p_at_1,
            self.mrr_at_5,
            self.page_p_at_1,
            self.abstention,
            self.wrong_answers
        )?;
        for miss in &self.misses {
            let rank = miss.rank.map_or("-".to_string(), |r| r.to_string());
            writeln!(
                f,
                "  miss (rank {rank}, {}, {}, sure {:.2}): {:?} expected {} got {}",
                miss.language,
                miss.category,
                miss.confidence,
                miss.question,
                miss.expected,
                if miss.got.is_empty() {
                    "nothing".to_string()
                } else {
                    miss.got.join(", ")
                }
            )?;
        }
        Ok(())
    }
}

/// The bot's and the baseline's figures side by side: the totals, then per category and per
/// language (P@1, MRR@5, abstention and wrong answers).
pub fn side_by_side(bot: &Report, baseline: &Report) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<24} {:>5} | {:>6} {:>6} {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} {:>6} {:>6}",
        "group",
        "n",
        "P@1",
        "MRR@5",
        "page",
        "abst.",
        "wrong",
        "base",
        "MRR@5",
        "page",
        "abst.",
        "wrong"
    );
    // A figure with no question behind it shows as `-`.
    fn cell(value: f64, counted: usize) -> String {
        if counted == 0 {
            "-".into()
        } else {
            format!("{value:.3}")
        }
    }
    let mut row = |name: &str, a: &Score, b: Option<&Score>| {
        let b = b.cloned().unwrap_or_default();
        let _ = writeln!(
            out,
            "{:<24} {:>5} | {:>6} {:>6} {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6} {:>6} {:>6}",
            name,
            a.questions,
            cell(a.p_at_1, a.answerable),
            cell(a.mrr_at_5, a.answerable),
            cell(a.page_p_at_1, a.answerable),
            cell(a.abstention, a.unanswerable),
            cell(a.wrong_answers, a.unanswerable),
            cell(b.p_at_1, b.answerable),
            cell(b.mrr_at_5, b.answerable),
            cell(b.page_p_at_1, b.answerable),
            cell(b.abstention, b.unanswerable),
            cell(b.wrong_answers, b.unanswerable)
        );
    };
    row("all", &bot.total, Some(&baseline.total));
    for (name, score) in &bot.by_category {
        row(
            &format!("category {name}"),
            score,
            baseline.by_category.get(name),
        );
    }
    for (name, score) in &bot.by_language {
        row(
            &format!("language {name}"),
            score,
            baseline.by_language.get(name),
        );
    }
    out
}

/// Parses a question file's text; `name` (the file name) picks TOML, JSON or JSON lines.
pub fn parse_questions(name: &str, text: &str) -> anyhow::Result<Vec<Question>> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        #[serde(default, alias = "questions")]
        question: Vec<Question>,
    }
    let questions = if name.ends_with(".toml") {
        toml::from_str::<File>(text)?.question
    } else if name.ends_with(".json") {
        match serde_json::from_str::<Vec<Question>>(text) {
            Ok(list) => list,
            Err(_) => serde_json::from_str::<File>(text)?.question,
        }
    } else {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .map(|(i, l)| serde_json::from_str(l).with_context(|| format!("line {}", i + 1)))
            .collect::<anyhow::Result<_>>()?
    };
    if questions.is_empty() {
        bail!("no questions found: write `[[question]]` tables (TOML) or one JSON object per line");
    }
    Ok(questions)
}

pub fn load_questions(path: &Path) -> anyhow::Result<Vec<Question>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("can't read the question file {}", path.display()))?;
    parse_questions(&path.to_string_lossy(), &text)
        .with_context(|| format!("{} is not a valid question file", path.display()))
}

/// Scores any ranking: `rank` answers a question (in the language given) with the sections it
/// shows, best first, or abstains.
pub fn evaluate_with(
    questions: &[Question],
    default_lang: &str,
    mut rank: impl FnMut(&Question, &str) -> Ranked,
) -> Report {
    let mut total = Score::default();
    let mut by_category: BTreeMap<String, Score> = BTreeMap::new();
    let mut by_language: BTreeMap<String, Score> = BTreeMap::new();
    let mut misses = Vec::new();
    for q in questions {
        let language = q.language(default_lang);
        let ranked = rank(q, language);
        let kind = q.kind();
        let shown = if ranked.abstained {
            &[][..]
        } else {
            &ranked.sections[..ranked.sections.len().min(MRR_DEPTH)]
        };
        let position = match kind {
            Kind::Answerable => shown
                .iter()
                .position(|(page, anchor, heading)| q.expected.accepts(page, anchor, heading)),
            _ => None,
        };
        let page_first = kind == Kind::Answerable
            && shown
                .first()
                .is_some_and(|(page, _, _)| q.expected.accepts_page(page));
        let abstained = ranked.abstained || ranked.sections.is_empty();
        for score in [
            &mut total,
            by_category.entry(q.category().to_string()).or_default(),
            by_language.entry(language.to_string()).or_default(),
        ] {
            score.add(kind, position, page_first, abstained);
        }
        let missed = match kind {
            Kind::Answerable => position != Some(0),
            _ => !abstained,
        };
        if missed {
            misses.push(Miss {
                question: q.text.clone(),
                language: language.to_string(),
                category: q.category().to_string(),
                expected: q.expected.to_string(),
                rank: position.map(|p| p + 1),
                confidence: ranked.confidence,
                got: shown
                    .iter()
                    .map(|(page, anchor, _)| format!("{page}#{anchor}"))
                    .collect(),
            });
        }
    }
    Report {
        questions: questions.len(),
        p_at_1: total.p_at_1,
        mrr_at_5: total.mrr_at_5,
        page_p_at_1: total.page_p_at_1,
        abstention: total.abstention,
        wrong_answers: total.wrong_answers,
        total,
        by_category,
        by_language,
        misses,
    }
}

/// Answers every question through the whole answer path (the front door, routing and search)
/// and scores it; five hits are kept per answer for MRR@5.
pub fn evaluate(core: &Core, questions: &[Question], default_lang: &str) -> Report {
    let mut config = core.config().clone();
    config.search.max_hits = config.search.max_hits.max(MRR_DEPTH);
    let state = core.state();
    let src = crate::answer::Sources {
        config: &config,
        ..state.sources(core.now())
    };
    evaluate_with(questions, default_lang, |q, lang| {
        let answer = door::answer(
            &src,
            crate::answer::Surface::Chat,
            Input::Line(&q.text),
            Some(lang),
        );
        Ranked {
            confidence: answer.confidence,
            abstained: answer.outcome != Outcome::Answered
                || matches!(answer.command, AnsweredBy::Smalltalk | AnsweredBy::Help),
            sections: answer
                .hits
                .into_iter()
                .map(|h| (h.page, h.anchor, h.section))
                .collect(),
        }
    })
}

/// Scores the search alone (no routing, no abstention).
pub fn evaluate_search(index: &SearchIndex, questions: &[Question], default_lang: &str) -> Report {
    evaluate_with(questions, default_lang, |q, lang| Ranked {
        sections: index
            .search(&q.text, lang, MRR_DEPTH)
            .into_iter()
            .map(|h| (h.slug, h.anchor, h.heading))
            .collect(),
        abstained: false,
        confidence: 1.0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(text: &str, expected: &str) -> Question {
        Question {
            text: text.into(),
            expected: Expected::One(expected.into()),
            lang: None,
            category: None,
            note: None,
        }
    }

    #[test]
    fn a_question_file_reads_with_defaults_and_aliases() {
        let questions = parse_questions(
            "set.toml",
            "[[question]]\ntext = \"how do I join?\"\nexpected = \"get-involved\"\n\n\
             [[question]]\nq = \"Partner\"\nexpect = \"netzwerk#partner\"\nlang = \"de\"\ncategory = \"partner\"\n",
        )
        .unwrap();
        assert_eq!(questions.len(), 2);
        assert_eq!(questions[0].language("en"), "en");
        assert_eq!(questions[1].category(), "partner");
        assert!(questions[1]
            .expected
            .accepts("netzwerk", "partner", "Partner"));
        assert!(!questions[1]
            .expected
            .accepts("network", "partner", "Partner"));
    }

    #[test]
    fn an_unknown_key_in_the_question_file_is_an_error() {
        assert!(
            parse_questions("set.toml", "[[question]]\ntext = \"x\"\nexpectd = \"y\"\n").is_err()
        );
    }

    #[test]
    fn precision_and_reciprocal_rank_are_computed_from_ranks() {
        let questions = [
            question("a", "x"),
            question("b", "x"),
            question("c", "x"),
            question("d", "x"),
        ];
        let report = evaluate_with(&questions, "en", |q, _| {
            let anchors: &[&str] = match q.text.as_str() {
                "a" => &["x", "y"],
                "b" => &["y", "x"],
                "c" => &["y", "z"],
                _ => &[],
            };
            Ranked {
                sections: anchors
                    .iter()
                    .map(|a| ("p".to_string(), a.to_string(), String::new()))
                    .collect(),
                abstained: false,
                confidence: 1.0,
            }
        });
        assert_eq!(report.p_at_1, 0.25);
        assert_eq!(report.mrr_at_5, (1.0 + 0.5) / 4.0);
        assert_eq!(report.misses.len(), 3);
        assert_eq!(report.misses[0].rank, Some(2));
    }

    #[test]
    fn out_of_scope_questions_score_when_the_ranking_abstains() {
        let questions = [
            question("weather?", ABSTAIN),
            question("football?", ABSTAIN),
            question("hi", SMALLTALK),
            question("join?", "x"),
        ];
        let report = evaluate_with(&questions, "en", |q, _| Ranked {
            sections: vec![("p".into(), "x".into(), String::new())],
            abstained: q.text != "football?",
            confidence: 1.0,
        });
        assert_eq!(report.total.unanswerable, 3);
        assert!((report.abstention - 2.0 / 3.0).abs() < 1e-9);
        assert!((report.wrong_answers - 1.0 / 3.0).abs() < 1e-9);
        // Abstaining on an answerable question is a miss.
        assert_eq!(report.p_at_1, 0.0);
        assert_eq!(report.misses.len(), 2);
        assert_eq!(report.by_category["uncategorized"].questions, 4);
    }
}
