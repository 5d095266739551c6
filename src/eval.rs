//! Measuring answer quality: a question set with the sections that should answer each
//! question, scored as precision at 1 (P@1) and mean reciprocal rank over the top 5 (MRR@5).
//!
//! Question files are TOML (`[[question]]` tables) or JSON lines, one question per entry, with
//! the question under `question` (or `q`, `query`, `text`) and the expected section under
//! `expected` (or `anchor`, `section`): an anchor (`get-involved`), a heading (`Get Involved`),
//! `page#anchor`, or a list of acceptable ones. An optional `lang` picks the language.

use crate::answer::{normalize, Hit};
use crate::core::Core;
use anyhow::{bail, Context};
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Question {
    #[serde(alias = "q", alias = "query", alias = "text")]
    pub question: String,
    #[serde(alias = "anchor", alias = "section")]
    pub expected: Expected,
    #[serde(default, alias = "language")]
    pub lang: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Expected {
    One(String),
    Any(Vec<String>),
}

impl Expected {
    fn accepts(&self, hit: &Hit) -> bool {
        let one = |want: &str| {
            let (page, section) = match want.split_once('#') {
                Some((page, anchor)) => (Some(page), anchor),
                None => (None, want),
            };
            page.is_none_or(|p| p == hit.page)
                && (section == hit.anchor || normalize(section) == normalize(&hit.section))
        };
        match self {
            Expected::One(want) => one(want),
            Expected::Any(wants) => wants.iter().any(|w| one(w)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub question: String,
    pub expected: String,
    /// The sections answered, best first (`page#anchor`).
    pub got: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub questions: usize,
    pub p_at_1: f64,
    pub mrr_at_5: f64,
    /// Questions whose first hit was wrong.
    pub misses: Vec<Miss>,
}

/// Parses a question file's text; `name` (the file name) picks TOML or JSON lines.
pub fn parse_questions(name: &str, text: &str) -> anyhow::Result<Vec<Question>> {
    #[derive(Deserialize)]
    struct File {
        #[serde(alias = "questions")]
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

/// Answers every question through the whole answer path (routing and search) and scores it.
pub fn evaluate(core: &Core, questions: &[Question], default_lang: &str) -> Report {
    let mut config = core.config().clone();
    config.search.max_hits = config.search.max_hits.max(5);
    let state = core.state();
    let mut p1 = 0.0;
    let mut mrr = 0.0;
    let mut misses = Vec::new();
    for q in questions {
        let lang = q.lang.as_deref().unwrap_or(default_lang);
        let answer = crate::answer::answer(&state, &config, &q.question, lang);
        let hits: Vec<&Hit> = answer.hits.iter().take(5).collect();
        let rank = hits.iter().position(|h| q.expected.accepts(h));
        if rank == Some(0) {
            p1 += 1.0;
        } else {
            misses.push(Miss {
                question: q.question.clone(),
                expected: match &q.expected {
                    Expected::One(s) => s.clone(),
                    Expected::Any(v) => v.join(" | "),
                },
                got: hits
                    .iter()
                    .map(|h| format!("{}#{}", h.page, h.anchor))
                    .collect(),
            });
        }
        if let Some(rank) = rank {
            mrr += 1.0 / (rank as f64 + 1.0);
        }
    }
    let n = questions.len().max(1) as f64;
    Report {
        questions: questions.len(),
        p_at_1: p1 / n,
        mrr_at_5: mrr / n,
        misses,
    }
}
