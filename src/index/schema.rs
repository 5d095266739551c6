//! The Tantivy schema: one document per section.
//!
//! Stored (for display, never searched): `language`, `slug`, `anchor`, `title`, `heading`,
//! `path` (one value per heading of the path), `url` (deep link) and `text` (the section body).
//! `language` is also indexed as a raw string, to filter pages of languages without their own
//! field group.
//!
//! Searched: one *field group* per analysis language — `en`, `de`, and `plain` for every other
//! language — so each page is stemmed by its own language and a question is analysed the same
//! way as the pages it is compared with. A group has four fields:
//! - `all_*` (stemmed): the section's heading and text, plus the words of its link targets and,
//!   when it holds an e-mail address, the words one asks for one with ("email", "address"). The
//!   BM25 base score. Enclosing headings are left out on purpose: in it they would make every
//!   subsection outscore its parent on the parent's own words;
//! - `heading_*` (stemmed): the section's own heading, for the heading bonus, and the markers of
//!   what kind of fact the section states ([`super::facts`]);
//! - `context_*` (stemmed): the enclosing headings and the page title, for the context bonus;
//! - `raw_*` (unstemmed, folded): the same text as `all_*` as surface forms. It gives an
//!   exact-form bonus and is the dictionary typo-tolerant matching expands against.
//!
//! Invariant: any change here, in the analyzers or in what goes into a field needs a bump of
//! [`super::SCHEMA_VERSION`], so existing indexes are rebuilt.

use anyhow::{anyhow, Result};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STORED, STRING,
};

use super::analyzer;

/// The fields of one analysis language.
#[derive(Debug, Clone, Copy)]
pub struct Group {
    /// Name of the stemming analyzer of this group.
    pub analyzer: &'static str,
    pub all: Field,
    pub heading: Field,
    pub context: Field,
    pub raw: Field,
    /// True for the `plain` group, which mixes languages and therefore needs a language filter.
    pub shared: bool,
}

/// Every field handle, resolved once.
#[derive(Debug, Clone)]
pub struct Fields {
    pub language: Field,
    pub slug: Field,
    pub anchor: Field,
    pub title: Field,
    pub heading: Field,
    pub path: Field,
    pub url: Field,
    pub text: Field,
    pub en: Group,
    pub de: Group,
    pub plain: Group,
}

const GROUPS: [(&str, &str); 3] = [
    ("en", analyzer::EN),
    ("de", analyzer::DE),
    ("plain", analyzer::PLAIN),
];

/// The schema of a fresh index.
pub fn build_schema() -> Schema {
    let mut builder = Schema::builder();
    builder.add_text_field("language", STRING | STORED);
    builder.add_text_field("slug", STRING | STORED);
    builder.add_text_field("anchor", STRING | STORED);
    builder.add_text_field("title", STORED);
    builder.add_text_field("heading", STORED);
    builder.add_text_field("path", STORED);
    builder.add_text_field("url", STORED);
    builder.add_text_field("text", STORED);
    for (suffix, stemmed) in GROUPS {
        for (name, analyzer) in [
            ("all", stemmed),
            ("heading", stemmed),
            ("context", stemmed),
            ("raw", analyzer::RAW),
        ] {
            builder.add_text_field(&format!("{name}_{suffix}"), searched(analyzer));
        }
    }
    builder.build()
}

fn searched(analyzer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

impl Fields {
    /// Resolves the handles of `schema`; fails when a field is missing (a foreign index).
    pub fn resolve(schema: &Schema) -> Result<Fields> {
        let field = |name: &str| {
            schema
                .get_field(name)
                .map_err(|_| anyhow!("the index has no field `{name}`"))
        };
        let group = |suffix: &str, analyzer: &'static str| -> Result<Group> {
            Ok(Group {
                analyzer,
                all: field(&format!("all_{suffix}"))?,
                heading: field(&format!("heading_{suffix}"))?,
                context: field(&format!("context_{suffix}"))?,
                raw: field(&format!("raw_{suffix}"))?,
                shared: suffix == "plain",
            })
        };
        Ok(Fields {
            language: field("language")?,
            slug: field("slug")?,
            anchor: field("anchor")?,
            title: field("title")?,
            heading: field("heading")?,
            path: field("path")?,
            url: field("url")?,
            text: field("text")?,
            en: group("en", analyzer::EN)?,
            de: group("de", analyzer::DE)?,
            plain: group("plain", analyzer::PLAIN)?,
        })
    }

    /// The field group pages in `language` are indexed in.
    pub fn group(&self, language: &str) -> &Group {
        match analyzer::for_language(language) {
            analyzer::EN => &self.en,
            analyzer::DE => &self.de,
            _ => &self.plain,
        }
    }
}
