//! The yardstick: the same sections indexed and searched with plain Tantivy BM25 and default
//! stemming, nothing else. Every ranking change is judged against it in the same run.
//!
//! Per language (English, German; other languages get no stemmer), `TEXT`-like fields for the
//! title, heading, heading path and body with Tantivy's simple tokenizer, lower-casing and the
//! language's Snowball stemmer, and the lenient `QueryParser` over all four: no boosts, no
//! stopword list of our own, no typo tolerance, no routing, never abstains.

use super::{evaluate_with, Question, Ranked, Report};
use crate::content::Library;
use anyhow::Result;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING,
};
use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};
use tantivy::{Index, IndexReader, IndexWriter, TantivyDocument, Term};

/// The searchable fields of one language.
struct Group {
    language: &'static str,
    title: Field,
    heading: Field,
    path: Field,
    body: Field,
    parser: Option<QueryParser>,
}

pub struct PlainBaseline {
    reader: IndexReader,
    language: Field,
    slug: Field,
    anchor: Field,
    heading: Field,
    groups: Vec<Group>,
}

/// Languages with a stemmer of their own; the last group serves every other language.
const STEMMED: [(&str, Option<Language>); 3] = [
    ("en", Some(Language::English)),
    ("de", Some(Language::German)),
    ("", None),
];

impl PlainBaseline {
    pub fn new(library: &Library) -> Result<PlainBaseline> {
        let mut builder = Schema::builder();
        let language = builder.add_text_field("language", STRING | STORED);
        let slug = builder.add_text_field("slug", STRING | STORED);
        let anchor = builder.add_text_field("anchor", STRING | STORED);
        let heading = builder.add_text_field("heading_shown", STORED);
        let mut groups = Vec::new();
        for (code, _) in STEMMED {
            let options = TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(&format!("plain_{code}"))
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            );
            let mut field =
                |name: &str| builder.add_text_field(&format!("{name}_{code}"), options.clone());
            groups.push(Group {
                language: code,
                title: field("title"),
                heading: field("heading"),
                path: field("path"),
                body: field("body"),
                parser: None,
            });
        }
        let index = Index::create_in_ram(builder.build());
        for (code, stemmer) in STEMMED {
            let analyzer = match stemmer {
                Some(language) => TextAnalyzer::builder(SimpleTokenizer::default())
                    .filter(LowerCaser)
                    .filter(Stemmer::new(language))
                    .build(),
                None => TextAnalyzer::builder(SimpleTokenizer::default())
                    .filter(LowerCaser)
                    .build(),
            };
            index
                .tokenizers()
                .register(&format!("plain_{code}"), analyzer);
        }
        let mut writer: IndexWriter = index.writer_with_num_threads(1, 20_000_000)?;
        for (page, section) in library.sections() {
            let group = group_for(&groups, &page.language);
            let mut doc = TantivyDocument::default();
            doc.add_text(language, &page.language);
            doc.add_text(slug, &page.slug);
            doc.add_text(anchor, &section.anchor);
            doc.add_text(heading, &section.heading);
            doc.add_text(group.title, &page.title);
            doc.add_text(group.heading, &section.heading);
            doc.add_text(group.path, section.path.join(" "));
            doc.add_text(group.body, &section.text);
            writer.add_document(doc)?;
        }
        writer.commit()?;
        for group in &mut groups {
            group.parser = Some(QueryParser::for_index(
                &index,
                vec![group.title, group.heading, group.path, group.body],
            ));
        }
        Ok(PlainBaseline {
            reader: index.reader()?,
            language,
            slug,
            anchor,
            heading,
            groups,
        })
    }

    /// `(slug, anchor, heading)` of the top `limit` sections of language `lang`.
    pub fn search(&self, text: &str, lang: &str, limit: usize) -> Vec<(String, String, String)> {
        let Some(parser) = &group_for(&self.groups, lang).parser else {
            return Vec::new();
        };
        let (query, _errors) = parser.parse_query_lenient(text);
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
                Some((get(self.slug)?, get(self.anchor)?, get(self.heading)?))
            })
            .collect()
    }

    /// Scores the baseline on `questions`.
    pub fn evaluate(&self, questions: &[Question], default_lang: &str) -> Report {
        evaluate_with(questions, default_lang, |q, lang| Ranked {
            sections: self.search(&q.text, lang, super::MRR_DEPTH),
            abstained: false,
            confidence: 1.0,
        })
    }
}

fn group_for<'g>(groups: &'g [Group], language: &str) -> &'g Group {
    groups
        .iter()
        .find(|g| g.language == language)
        .unwrap_or(&groups[groups.len() - 1])
}
