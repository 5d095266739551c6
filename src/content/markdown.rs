//! The markdown body → sections, with plain text, links, e-mail addresses and list items.
//!
//! Rules (see also the invariants of [`super::model`]):
//! - **Sections.** Every heading (`#` … `######`, ATX or setext) starts a section that runs to the
//!   next heading. Thematic breaks (`---`) split nothing. Text before the first heading is a
//!   section of level 0 with an empty anchor, kept only if it has text, links or items (its
//!   heading is filled in with the page title by the caller).
//! - **Heading text.** Plain text of the heading: `**`/`_` emphasis, links, images and HTML
//!   removed (link text and image alt text kept), stray leading/trailing `*`, a trailing `:` and
//!   `#` markers typed twice (`# ## Title`) dropped: `#### **Goals of the Forum:**` →
//!   `Goals of the Forum`.
//! - **Heading path.** A heading nests in the nearest heading before it with a smaller level;
//!   `path` lists the headings from the outermost down to the section itself.
//! - **Sub-heading lists.** When a nested heading is directly followed by a list, that
//!   sub-section holds the list and ends with it: the blocks after the list (up to the next
//!   heading) go back to the enclosing section. So in `### Forum` / `#### Goals:` / list /
//!   paragraph, the goals section holds the list and the paragraph belongs to `Forum`.
//! - **Anchors.** GitHub-style ([`super::text::anchor`]), made unique in the page with `-1`,
//!   `-2`, …; a heading with no letters or digits gets `section`.
//! - **Text.** Markdown and HTML removed, link text and image alt text kept, entities decoded,
//!   whitespace normalised, one line per paragraph / list item / table row; Liquid tags and
//!   kramdown markers are blanked before parsing. E-mail autolinks (`<a@b.c>`,
//!   `<mailto:a@b.c>`) keep the address in the text, also inside raw HTML.
//! - **Links, e-mails, items.** Links from markdown (inline, reference, autolinks) and raw HTML
//!   `<a href>`; e-mail addresses from `mailto:` links and bare addresses in the text, in order,
//!   deduplicated case-insensitively; every list item (markdown or HTML `<li>`) with its own
//!   plain text (nested items are separate items) and the URL of its first link.

use super::html::{self, Token};
use super::model::{Item, Link, Section};
use super::text::{
    anchor, find_emails, mailto_address, normalize_block, normalize_line, strip_template_markers,
};
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::collections::HashSet;

/// A parsed body: its sections and the title its headings suggest.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// Sections in file order; a level-0 section has an empty heading and path for the caller
    /// to fill in.
    pub sections: Vec<Section>,
    /// The first heading of the shallowest level used (`#` before `##` …), if any.
    pub title: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ListRule {
    /// Nothing after the heading yet.
    Fresh,
    /// A nested heading directly followed by a list: inside that list.
    InFirstList,
    /// That list ended: further blocks go to the enclosing section.
    Returned,
    /// Anything else: blocks stay here.
    Normal,
}

struct SectionBuf {
    heading: String,
    path: Vec<String>,
    level: u8,
    line: usize,
    text: String,
    links: Vec<Link>,
    /// `mailto:` addresses with their offset in `text`.
    mailtos: Vec<(usize, String)>,
    items: Vec<Item>,
    parent: Option<usize>,
    rule: ListRule,
}

impl SectionBuf {
    fn new(
        heading: String,
        path: Vec<String>,
        level: u8,
        line: usize,
        parent: Option<usize>,
    ) -> Self {
        SectionBuf {
            heading,
            path,
            level,
            line,
            text: String::new(),
            links: Vec::new(),
            mailtos: Vec::new(),
            items: Vec::new(),
            parent,
            rule: ListRule::Fresh,
        }
    }
}

struct LinkBuf {
    /// `None` while the link sits in a heading whose section does not exist yet.
    section: Option<usize>,
    url: Option<String>,
    text: String,
    /// `<mailto:a@b.c>`: show the address, not the scheme.
    strip_mailto: bool,
    from_html: bool,
}

struct ItemBuf {
    section: usize,
    index: usize,
    text: String,
    url: Option<String>,
    from_html: bool,
}

struct HeadingBuf {
    level: u8,
    line: usize,
    text: String,
    links: Vec<Link>,
}

struct Collector {
    sections: Vec<SectionBuf>,
    /// The section of the latest heading.
    current: usize,
    /// Open headings: (level, section index).
    stack: Vec<(u8, usize)>,
    heading: Option<HeadingBuf>,
    links: Vec<LinkBuf>,
    items: Vec<ItemBuf>,
    /// Nesting depth of block containers; 0 between top-level blocks.
    depth: usize,
    html_block: Option<String>,
    /// Inside `<script>` or `<style>`: text is dropped until this tag closes.
    html_skip: Option<String>,
    cells_in_row: usize,
    /// File line of the event being handled.
    at_line: usize,
}

fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

impl Collector {
    fn new() -> Self {
        Collector {
            // Line 0: not known until text arrives (see `write`).
            sections: vec![SectionBuf::new(String::new(), Vec::new(), 0, 0, None)],
            current: 0,
            stack: Vec::new(),
            heading: None,
            links: Vec::new(),
            items: Vec::new(),
            depth: 0,
            html_block: None,
            html_skip: None,
            cells_in_row: 0,
            at_line: 0,
        }
    }

    /// The section that receives content now.
    fn target(&self) -> usize {
        let s = &self.sections[self.current];
        match (s.rule, s.parent) {
            (ListRule::Returned, Some(parent)) => parent,
            _ => self.current,
        }
    }

    fn write(&mut self, s: &str) {
        if s.is_empty() || self.html_skip.is_some() {
            return;
        }
        let mut s = s;
        if let Some(link) = self.links.last() {
            if link.strip_mailto {
                s = s.strip_prefix("mailto:").unwrap_or(s);
            }
        }
        match &mut self.heading {
            Some(h) => h.text.push_str(s),
            None => {
                let t = self.target();
                let section = &mut self.sections[t];
                if section.line == 0 && !s.trim().is_empty() {
                    section.line = self.at_line;
                }
                section.text.push_str(s);
            }
        }
        for link in &mut self.links {
            link.text.push_str(s);
        }
        if let Some(item) = self.items.last_mut() {
            item.text.push_str(s);
        }
    }

    /// A line break in the section text; a space in headings, links and items.
    fn line_break(&mut self) {
        match &mut self.heading {
            Some(h) => h.text.push(' '),
            None => {
                let t = self.target();
                self.sections[t].text.push('\n');
            }
        }
        for link in &mut self.links {
            link.text.push(' ');
        }
        if let Some(item) = self.items.last_mut() {
            item.text.push(' ');
        }
    }

    fn start_link(&mut self, url: Option<String>, strip_mailto: bool, from_html: bool) {
        let section = if self.heading.is_some() {
            None
        } else {
            Some(self.target())
        };
        if let (Some(section), Some(addr)) = (section, url.as_deref().and_then(mailto_address)) {
            let offset = self.sections[section].text.len();
            self.sections[section].mailtos.push((offset, addr));
        }
        if let (Some(item), Some(url)) = (self.items.last_mut(), &url) {
            if item.url.is_none() {
                item.url = Some(url.clone());
            }
        }
        self.links.push(LinkBuf {
            section,
            url,
            text: String::new(),
            strip_mailto,
            from_html,
        });
    }

    fn end_link(&mut self) {
        let Some(link) = self.links.pop() else {
            return;
        };
        let Some(url) = link.url else {
            return;
        };
        let mut text = normalize_line(&link.text);
        if text.is_empty() {
            text = mailto_address(&url).unwrap_or_else(|| url.clone());
        }
        let made = Link { text, url };
        match (link.section, &mut self.heading) {
            (Some(section), _) => self.sections[section].links.push(made),
            (None, Some(h)) => h.links.push(made),
            (None, None) => {
                let t = self.target();
                self.sections[t].links.push(made);
            }
        }
    }

    fn start_item(&mut self, from_html: bool) {
        let section = self.target();
        let index = self.sections[section].items.len();
        self.sections[section].items.push(Item {
            text: String::new(),
            url: None,
        });
        self.items.push(ItemBuf {
            section,
            index,
            text: String::new(),
            url: None,
            from_html,
        });
    }

    fn end_item(&mut self) {
        let Some(item) = self.items.pop() else {
            return;
        };
        let text = normalize_line(&item.text);
        let items = &mut self.sections[item.section].items;
        if text.is_empty() && item.url.is_none() {
            // Only the item itself and finished nested items can follow it.
            if item.index < items.len() {
                items.remove(item.index);
            }
        } else if let Some(slot) = items.get_mut(item.index) {
            *slot = Item {
                text,
                url: item.url,
            };
        }
    }

    /// Closes links and items opened by raw HTML that never closed, so they can't swallow the
    /// rest of the page.
    fn close_dangling_html(&mut self) {
        while self.links.last().is_some_and(|l| l.from_html) {
            self.end_link();
        }
        while self.items.last().is_some_and(|i| i.from_html) {
            self.end_item();
        }
    }

    fn start_heading(&mut self, level: u8, line: usize) {
        self.heading = Some(HeadingBuf {
            level,
            line,
            text: String::new(),
            links: Vec::new(),
        });
    }

    fn end_heading(&mut self) {
        let Some(h) = self.heading.take() else {
            return;
        };
        let heading = clean_heading(&h.text);
        while self
            .stack
            .last()
            .is_some_and(|&(level, _)| level >= h.level)
        {
            self.stack.pop();
        }
        let parent = self.stack.last().map(|&(_, i)| i);
        let mut path = parent.map_or_else(Vec::new, |p| self.sections[p].path.clone());
        path.push(heading.clone());
        let mut section = SectionBuf::new(heading, path, h.level, h.line, parent);
        section.links = h.links;
        self.sections.push(section);
        self.current = self.sections.len() - 1;
        self.stack.push((h.level, self.current));
    }

    /// A top-level block starts: applies the sub-heading list rule.
    fn top_level_block(&mut self, is_list: bool) {
        let s = &mut self.sections[self.current];
        if s.rule == ListRule::Fresh {
            s.rule = if is_list && s.parent.is_some() {
                ListRule::InFirstList
            } else {
                ListRule::Normal
            };
        }
    }

    fn html(&mut self, raw: &str) {
        for token in html::tokenize(raw) {
            if let Some(skip) = &self.html_skip {
                if matches!(&token, Token::Close { name } if name == skip) {
                    self.html_skip = None;
                }
                continue;
            }
            match token {
                Token::Text(t) => {
                    let decoded = super::text::decode_entities(t);
                    self.write(&decoded.replace('\n', " "));
                }
                Token::Comment => {}
                Token::Autolink(inner) => {
                    let url = if super::text::is_email(inner) {
                        format!("mailto:{inner}")
                    } else {
                        inner.to_string()
                    };
                    self.start_link(Some(url), true, false);
                    self.write(inner);
                    self.end_link();
                }
                Token::Open { name, attrs } => match name.as_str() {
                    "a" => {
                        let url = html::attr(attrs, "href").filter(|u| !u.is_empty());
                        self.start_link(url, false, true);
                    }
                    "br" => self.line_break(),
                    "img" => {
                        if let Some(alt) = html::attr(attrs, "alt") {
                            self.write(&alt);
                        }
                    }
                    "li" => {
                        self.line_break();
                        self.start_item(true);
                    }
                    "td" | "th" => self.write(" "),
                    "script" | "style" => self.html_skip = Some(name),
                    n if html::is_block(n) => self.line_break(),
                    _ => {}
                },
                Token::Close { name } => match name.as_str() {
                    "a" if self.links.last().is_some_and(|l| l.from_html) => self.end_link(),
                    "a" => {}
                    "li" => {
                        if self.items.last().is_some_and(|i| i.from_html) {
                            self.end_item();
                        }
                        self.line_break();
                    }
                    "td" | "th" => self.write(" "),
                    n if html::is_block(n) => self.line_break(),
                    _ => {}
                },
            }
        }
    }

    fn event(&mut self, event: Event<'_>, line: usize) {
        self.at_line = line;
        match event {
            Event::Start(tag) => {
                if is_block(&tag) {
                    if self.depth == 0 && !matches!(tag, Tag::Heading { .. }) {
                        self.top_level_block(matches!(tag, Tag::List(_)));
                    }
                    self.depth += 1;
                }
                match tag {
                    Tag::Heading { level, .. } => self.start_heading(level as u8, line),
                    Tag::Item => {
                        self.line_break();
                        self.start_item(false);
                    }
                    Tag::Link {
                        link_type,
                        dest_url,
                        ..
                    } => {
                        let url = match link_type {
                            LinkType::Email => format!("mailto:{dest_url}"),
                            _ => dest_url.to_string(),
                        };
                        let strip = matches!(link_type, LinkType::Autolink)
                            && mailto_address(&url).is_some();
                        self.start_link(Some(url), strip, false);
                    }
                    Tag::HtmlBlock => self.html_block = Some(String::new()),
                    Tag::TableRow | Tag::TableHead => self.cells_in_row = 0,
                    Tag::TableCell => {
                        if self.cells_in_row > 0 {
                            self.write(" | ");
                        }
                        self.cells_in_row += 1;
                    }
                    _ => {}
                }
            }
            Event::End(tag) => {
                match tag {
                    TagEnd::Heading(_) => self.end_heading(),
                    TagEnd::Item => {
                        self.end_item();
                        self.line_break();
                    }
                    TagEnd::Link => self.end_link(),
                    TagEnd::HtmlBlock => {
                        if let Some(raw) = self.html_block.take() {
                            self.html(&raw);
                            self.line_break();
                        }
                    }
                    TagEnd::Paragraph
                    | TagEnd::CodeBlock
                    | TagEnd::BlockQuote(_)
                    | TagEnd::TableRow
                    | TagEnd::TableHead
                    | TagEnd::Table
                    | TagEnd::FootnoteDefinition
                    | TagEnd::DefinitionListTitle
                    | TagEnd::DefinitionListDefinition => self.line_break(),
                    _ => {}
                }
                if is_block_end(&tag) {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        self.close_dangling_html();
                        if matches!(tag, TagEnd::List(_)) {
                            let s = &mut self.sections[self.current];
                            if s.rule == ListRule::InFirstList {
                                s.rule = ListRule::Returned;
                            }
                        }
                    }
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.write(&t)
            }
            Event::Html(t) => match &mut self.html_block {
                Some(buf) => buf.push_str(&t),
                None => self.html(&t),
            },
            Event::InlineHtml(t) => self.html(&t),
            Event::SoftBreak => self.write(" "),
            Event::HardBreak => self.line_break(),
            Event::Rule | Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
        }
    }

    fn finish(mut self, first_line: usize) -> Body {
        while !self.links.is_empty() {
            self.end_link();
        }
        while !self.items.is_empty() {
            self.end_item();
        }
        let min_level = self.sections.iter().skip(1).map(|s| s.level).min();
        let title = min_level.and_then(|min| {
            self.sections
                .iter()
                .skip(1)
                .find(|s| s.level == min)
                .map(|s| s.heading.clone())
                .filter(|h| !h.is_empty())
        });
        let mut anchors = HashSet::new();
        let mut sections = Vec::with_capacity(self.sections.len());
        for (i, s) in self.sections.into_iter().enumerate() {
            let text = normalize_block(&s.text);
            if i == 0 && text.is_empty() && s.links.is_empty() && s.items.is_empty() {
                continue;
            }
            let mut emails: Vec<(usize, String)> = s.mailtos;
            emails.extend(find_emails(&s.text));
            emails.sort_by_key(|&(offset, _)| offset);
            let mut seen = HashSet::new();
            let emails = emails
                .into_iter()
                .map(|(_, e)| e)
                .filter(|e| seen.insert(e.to_lowercase()))
                .collect();
            let line = if s.line == 0 { first_line } else { s.line };
            let anchor = if s.level == 0 {
                String::new()
            } else {
                unique_anchor(&s.heading, &mut anchors)
            };
            sections.push(Section {
                heading: s.heading,
                path: s.path,
                level: s.level,
                anchor,
                line,
                text,
                links: s.links,
                emails,
                items: s.items,
            });
        }
        Body { sections, title }
    }
}

fn unique_anchor(heading: &str, taken: &mut HashSet<String>) -> String {
    let mut base = anchor(heading);
    if base.is_empty() {
        base = "section".into();
    }
    let mut candidate = base.clone();
    let mut n = 0;
    while taken.contains(&candidate) {
        n += 1;
        candidate = format!("{base}-{n}");
    }
    taken.insert(candidate.clone());
    candidate
}

/// Heading text as a reader sees it: one line, no stray `*` at either end, no trailing `:`.
pub fn clean_heading(raw: &str) -> String {
    let line = normalize_line(raw);
    let mut s = line.as_str();
    // `# ## Heading`: markers typed twice show up as text.
    let hashes = s.len() - s.trim_start_matches('#').len();
    if hashes > 0 && s[hashes..].starts_with(' ') {
        s = s[hashes..].trim_start();
    }
    loop {
        let before = s;
        s = s.trim_matches('*').trim();
        s = s
            .strip_suffix(':')
            .or_else(|| s.strip_suffix('：'))
            .unwrap_or(s)
            .trim_end();
        if s == before {
            break;
        }
    }
    s.to_string()
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// Parses a markdown body whose first line is file line `first_line`.
pub fn parse_body(body: &str, first_line: usize) -> Body {
    let body = strip_template_markers(body);
    let starts = line_starts(&body);
    let line_of = |offset: usize| first_line + starts.partition_point(|&s| s <= offset) - 1;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut collector = Collector::new();
    for (event, range) in Parser::new_ext(&body, options).into_offset_iter() {
        collector.event(event, line_of(range.start));
    }
    collector.finish(first_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(md: &str) -> Body {
        parse_body(md, 1)
    }

    /// Compares the (heading, path, text) of every section.
    fn check(md: &str, expect: &[(&str, &[&str], &str)]) {
        let got: Vec<(String, Vec<String>, String)> = body(md)
            .sections
            .into_iter()
            .map(|s| (s.heading, s.path, s.text))
            .collect();
        let expect: Vec<(String, Vec<String>, String)> = expect
            .iter()
            .map(|(h, p, t)| {
                (
                    h.to_string(),
                    p.iter().map(|s| s.to_string()).collect(),
                    t.to_string(),
                )
            })
            .collect();
        assert_eq!(got, expect, "{md}");
    }

    #[test]
    fn headings_lose_bold_markers_and_trailing_colon() {
        assert_eq!(clean_heading("Goals of the Forum:"), "Goals of the Forum");
        assert_eq!(clean_heading("**Broken bold"), "Broken bold");
        assert_eq!(clean_heading("  Spaced \t out : "), "Spaced out");
        assert_eq!(clean_heading("## Doubled markers"), "Doubled markers");
        assert_eq!(clean_heading("#1 priority"), "#1 priority");
        check(
            "#### **Goals of the Forum:**\n\ntext\n",
            &[("Goals of the Forum", &["Goals of the Forum"], "text")],
        );
    }

    #[test]
    fn list_after_sub_heading_stays_and_the_paragraph_goes_back() {
        check(
            "### Forum\n\nintro\n\n#### Goals:\n\n- one\n- two\n\nquote\n\n---\n\n### Next\n\nmore\n",
            &[
                ("Forum", &["Forum"], "intro\nquote"),
                ("Goals", &["Forum", "Goals"], "one\ntwo"),
                ("Next", &["Next"], "more"),
            ],
        );
    }

    #[test]
    fn sub_heading_with_paragraph_keeps_what_follows() {
        check(
            "## A\n\n### B\n\npara\n\n- item\n\nafter\n",
            &[("A", &["A"], ""), ("B", &["A", "B"], "para\nitem\nafter")],
        );
    }

    #[test]
    fn top_level_heading_with_list_keeps_what_follows() {
        check("### A\n\n- x\n\nafter\n", &[("A", &["A"], "x\nafter")]);
    }

    #[test]
    fn text_before_the_first_heading_is_a_level_zero_section() {
        let b = body("intro\n\n# Title\n\nbody\n");
        assert_eq!(b.sections[0].level, 0);
        assert_eq!(b.sections[0].anchor, "");
        assert_eq!(b.sections[0].text, "intro");
        assert_eq!(parse_body("\n\n---\n\nlate intro\n", 3).sections[0].line, 7);
        assert_eq!(b.title.as_deref(), Some("Title"));
        assert_eq!(body("# T\n").sections.len(), 1);
    }

    #[test]
    fn title_is_the_first_heading_of_the_shallowest_level() {
        assert_eq!(body("### a\n## b\n## c\n").title.as_deref(), Some("b"));
        assert_eq!(body("text only\n").title, None);
    }

    #[test]
    fn anchors_are_unique_in_the_page() {
        let b = body("## Links\n## Links\n## Links-1\n## !!!\n");
        let anchors: Vec<&str> = b.sections.iter().map(|s| s.anchor.as_str()).collect();
        assert_eq!(anchors, ["links", "links-1", "links-1-1", "section"]);
    }

    #[test]
    fn lines_count_from_the_given_first_line() {
        let b = parse_body("\n## A\n\ntext\n\n## B\n", 7);
        let lines: Vec<usize> = b.sections.iter().map(|s| s.line).collect();
        assert_eq!(lines, [8, 12]);
    }

    #[test]
    fn bold_email_autolink_keeps_the_address() {
        let b = body("## Join\n\nContact **<forum@osb-alliance.com>** today.\n");
        let s = &b.sections[0];
        assert_eq!(s.text, "Contact forum@osb-alliance.com today.");
        assert_eq!(s.emails, ["forum@osb-alliance.com"]);
        assert_eq!(
            s.links,
            [Link {
                text: "forum@osb-alliance.com".into(),
                url: "mailto:forum@osb-alliance.com".into()
            }]
        );
    }

    #[test]
    fn mailto_autolink_shows_the_address_only() {
        let s = &body("<mailto:a@b.de>\n").sections[0];
        assert_eq!(s.text, "a@b.de");
        assert_eq!(s.emails, ["a@b.de"]);
    }

    #[test]
    fn raw_html_keeps_text_links_and_addresses() {
        let md = "## Kontakt\n\n<div class=\"x\">\n<p>Schreiben Sie <a href=\"mailto:info@x.de?subject=Hi\">uns</a> &amp; <b>bald</b>.</p>\n<p>Oder <info2@x.de></p>\n<script>var a = '<p>no</p>';</script>\n</div>\n\nInline <a href=\"https://x.de\">X&amp;Y</a> und <br> neu.\n";
        let s = &body(md).sections[0];
        assert_eq!(
            s.text,
            "Schreiben Sie uns & bald.\nOder info2@x.de\nInline X&Y und\nneu."
        );
        assert_eq!(s.emails, ["info@x.de", "info2@x.de"]);
        let urls: Vec<&str> = s.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "mailto:info@x.de?subject=Hi",
                "mailto:info2@x.de",
                "https://x.de"
            ]
        );
        assert_eq!(s.links[2].text, "X&Y");
    }

    #[test]
    fn items_keep_names_and_first_links() {
        let md = "- [Cloud&Heat Technologies GmbH](https://cloudandheat.com)\n- [ScaleUp Technologies GmbH & Co. KG](https://scaleuptech.com) and [more](https://m.de)\n- Unlinked Member AG\n- [dNation, s.r.o.](https://dnation.tech)\n  - nested *child*\n";
        let items = &body(md).sections[0].items;
        let got: Vec<(&str, Option<&str>)> = items
            .iter()
            .map(|i| (i.text.as_str(), i.url.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Cloud&Heat Technologies GmbH",
                    Some("https://cloudandheat.com")
                ),
                (
                    "ScaleUp Technologies GmbH & Co. KG and more",
                    Some("https://scaleuptech.com")
                ),
                ("Unlinked Member AG", None),
                ("dNation, s.r.o.", Some("https://dnation.tech")),
                ("nested child", None),
            ]
        );
    }

    #[test]
    fn html_list_items_are_items() {
        let md = "<ul>\n<li><a href=\"https://a.de\">A GmbH</a></li>\n<li>B AG</li>\n</ul>\n";
        let items = &body(md).sections[0].items;
        assert_eq!(
            items,
            &[
                Item {
                    text: "A GmbH".into(),
                    url: Some("https://a.de".into())
                },
                Item {
                    text: "B AG".into(),
                    url: None
                }
            ]
        );
    }

    #[test]
    fn liquid_and_kramdown_markers_are_dropped() {
        check(
            "## A {: #a }\n\n{% include note.html %}\nText {{ site.title }} here.\n{: .mb-3 }\n",
            &[("A", &["A"], "Text here.")],
        );
    }

    #[test]
    fn images_keep_alt_text_only() {
        check(
            "## A\n\n![SCS logo](../images/logo.png) and <img src=\"x.png\" alt=\"Team photo\">\n",
            &[("A", &["A"], "SCS logo and Team photo")],
        );
    }

    #[test]
    fn tables_become_rows_of_cells() {
        check(
            "## T\n\n| Name | Year |\n|---|---|\n| R7 | 2024 |\n",
            &[("T", &["T"], "Name | Year\nR7 | 2024")],
        );
    }

    #[test]
    fn hard_breaks_and_bare_addresses_are_kept() {
        let s = &body("E-Mail:  a@osb-alliance.com  \nMatrix:  [@f:matrix.org](https://matrix.to/#/@f:matrix.org)  \n").sections[0];
        assert_eq!(s.text, "E-Mail: a@osb-alliance.com\nMatrix: @f:matrix.org");
        assert_eq!(s.emails, ["a@osb-alliance.com"]);
    }

    #[test]
    fn thematic_breaks_split_nothing() {
        check(
            "## A\n\none\n\n---\n\ntwo\n\n***\n",
            &[("A", &["A"], "one\ntwo")],
        );
    }

    #[test]
    fn links_in_headings_belong_to_their_section() {
        let b = body("## See [docs](https://docs.x)\n\ntext\n");
        assert_eq!(b.sections[0].heading, "See docs");
        assert_eq!(b.sections[0].links[0].url, "https://docs.x");
    }

    #[test]
    fn unclosed_html_link_does_not_swallow_the_page() {
        let b = body("## A\n\n<a href=\"https://x\">open\n\n## B\n\nafter\n");
        assert_eq!(b.sections[1].text, "after");
        assert_eq!(b.sections[0].links.len(), 1);
    }
}
