//! The content model: what the loader produces and what everything else reads.
//!
//! Invariants the loader guarantees:
//! - a page is identified by `(language, slug)`; no two pages of a [`Library`] share that pair;
//! - every string here is display-ready: mojibake repaired, markdown and HTML removed,
//!   headings without `**` markers or a trailing `:`;
//! - `Library::pages` is sorted by `(language, slug)`, sections keep their order in the file.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Every page that loaded, ready to be indexed and answered from.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    pub pages: Vec<Page>,
}

/// One markdown file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// `en`, `de`, …: from the front matter, else a path segment, else the configured default.
    pub language: String,
    /// From the front matter, else the file name without `.md`.
    pub slug: String,
    /// From the front matter, else the first `#` heading, else the file name.
    pub title: String,
    /// Path of the file relative to the content root, with `/` separators.
    pub path: PathBuf,
    /// The public URL of the page (from the configured URL template), without an anchor.
    pub url: String,
    /// `template` (or `layout`) from the front matter, if any.
    pub template: Option<String>,
    /// `date` from the front matter, as written (`2024-10-23`), if any.
    pub date: Option<String>,
    /// The authors the front matter names and the page doesn't (its byline: "Kurt Garloff" of a
    /// press note whose text is its title and journal). Searched with the text before the
    /// first heading, as words around it (`index::build`), not shown.
    #[serde(default)]
    pub authors: Vec<String>,
    pub sections: Vec<Section>,
}

/// The text under one heading, up to the next heading.
///
/// Text before the first heading becomes a section with `level` 0, the page title as heading
/// and an empty anchor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The heading as a reader sees it: `Our Partners in the Network`.
    pub heading: String,
    /// Headings from the outermost enclosing one down to this one.
    pub path: Vec<String>,
    /// 1 for `#`, … 6 for `######`; 0 for the text before the first heading.
    pub level: u8,
    /// Stable anchor derived from the heading (`our-partners-in-the-network`), unique in the page.
    pub anchor: String,
    /// 1-based line of the heading in the file.
    pub line: usize,
    /// Plain text of the section body: markdown and HTML removed, link text kept.
    pub text: String,
    /// Every link in the section body, in order.
    pub links: Vec<Link>,
    /// Every e-mail address in the section body, in order, without duplicates.
    pub emails: Vec<String>,
    /// The list items of the section body, in order.
    pub items: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// Link text as plain text.
    pub text: String,
    pub url: String,
}

/// One list item: its plain text and the first link in it (partner lists are `- [Name](url)`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub text: String,
    pub url: Option<String>,
}

impl Library {
    /// The page with this identity.
    pub fn page(&self, language: &str, slug: &str) -> Option<&Page> {
        self.pages
            .binary_search_by(|p| (p.language.as_str(), p.slug.as_str()).cmp(&(language, slug)))
            .ok()
            .map(|i| &self.pages[i])
    }

    /// Every page of one language.
    pub fn pages_in<'a>(&'a self, language: &'a str) -> impl Iterator<Item = &'a Page> + 'a {
        self.pages.iter().filter(move |p| p.language == language)
    }

    /// Every section with its page.
    pub fn sections(&self) -> impl Iterator<Item = (&Page, &Section)> {
        self.pages
            .iter()
            .flat_map(|p| p.sections.iter().map(move |s| (p, s)))
    }
}

impl Page {
    /// The section with this anchor.
    pub fn section(&self, anchor: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.anchor == anchor)
    }

    /// The deep link to a section of this page.
    pub fn section_url(&self, section: &Section) -> String {
        if section.anchor.is_empty() {
            self.url.clone()
        } else {
            format!("{}#{}", self.url, section.anchor)
        }
    }
}
