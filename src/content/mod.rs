//! Loading the content folder: markdown pages with YAML front matter → [`Library`].
//!
//! Parsing works on `&str` ([`parse_page`]); [`load_dir`] is the thin wrapper that walks the
//! folder and reads files. Broken input never stops loading: every function returns what it
//! could make of its input together with the [`Problem`]s it found.
//!
//! Identity rules:
//! - **slug** ← front matter `slug` ← the file name without `.md` (`2024-10-23-name.md` →
//!   `2024-10-23-name`); an empty `slug` is an error and the file name is used;
//! - **language** ← front matter `language` ← `locale` ← the first folder of the path equal to
//!   one of [`LoadOptions::languages`] (`de/pages/x.md`, `_i18n/de/x.md`) ←
//!   [`LoadOptions::default_language`]; lowercased; a language that isn't configured is a warning;
//! - **title** ← front matter `title` ← the first heading of the shallowest level ← the file
//!   name (`-`/`_` as spaces, first letter capitalised);
//! - **not pages** (`None`): files under a folder named in [`LoadOptions::skip_dirs`] (not even
//!   read, no problems), and components: front matter with a `component` field, or with
//!   `locale` but neither `title` nor `slug` (problems in their text, like mojibake or broken
//!   YAML, are still reported); [`load_dir`] also skips hidden files and folders (`.git`);
//! - two files with the same (language, slug): the first by sorted path is served, the other is
//!   an error naming both.
//!
//! Front matter as content: pages built from their front matter (the site's index, news and
//! standards pages, press notes) have little or no markdown body. The human-readable strings of
//! their front matter (`description`, headlines and texts under `sections`, …; see
//! `frontmatter::prose` for the exact keys; `meta.description` only for a page with no other
//! text, as it is written for search engines) become the text of the page's level-0
//! section — heading and path the page title, empty anchor, line 1 — one line per string, read
//! as markdown (HTML and entities removed, links and addresses kept). A top-level `link` to an
//! `http(s)` URL becomes a link of that section, named by the title (and, when the front matter
//! has no other text, the title is the text, as a markdown link's text would be). When the body has text
//! before its first heading, the front matter's lines come first and lines the body already
//! holds are dropped; when it has none, the section is added in front. URLs, image paths, types,
//! ids, button labels and `og_*` copies never become text.
//!
//! Text rules (sections, anchors, plain text, links, items) are in `markdown.rs`; mojibake
//! repair in `mojibake.rs`: the whole file is repaired before parsing (only non-ASCII runs
//! change, so markdown syntax and line numbers are untouched) and every line that needed it is
//! reported as a warning. A file that isn't UTF-8 is an error; [`load_dir`] still serves it,
//! reading the invalid bytes as Windows-1252.

mod cache;
mod frontmatter;
mod html;
mod markdown;
mod model;
mod mojibake;
mod problem;
mod text;
mod walk;

pub use cache::{
    load_dir_reusing, load_surveyed, nanos_since_epoch, survey, CachedFile, FileStat, Loaded,
    LoadedFrom, PageCache, Survey, SETTLE,
};
pub use model::{Item, Library, Link, Page, Section};
pub use problem::{Problem, Severity};
pub use text::{anchor, is_odd_slug, is_safe_link};
pub use walk::{markdown_files, markdown_files_with_stats};

use frontmatter::FrontMatter;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// What the loader needs to know besides the files themselves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadOptions {
    /// Language of pages whose front matter and path name none.
    pub default_language: String,
    /// Languages recognised as a path segment (`en/pages/x.md`, `_i18n/de/x.md`).
    pub languages: Vec<String>,
    /// Public URL of a page, with `{lang}` and `{slug}` placeholders.
    pub page_url: String,
    /// Folder names (path segments) whose files are not pages, e.g. `components`.
    pub skip_dirs: Vec<String>,
    /// Larger files are reported and skipped without being read.
    pub max_page_bytes: u64,
}

/// The default of [`LoadOptions::max_page_bytes`] (config `max_page_bytes`): 5 MB, a hundred
/// times the largest page of the SCS website.
pub const DEFAULT_MAX_PAGE_BYTES: u64 = 5_000_000;

impl Default for LoadOptions {
    fn default() -> LoadOptions {
        LoadOptions {
            default_language: "en".into(),
            languages: vec!["en".into(), "de".into()],
            page_url: "https://scs.community/{lang}/{slug}".into(),
            skip_dirs: vec!["components".into(), "authors".into()],
            max_page_bytes: DEFAULT_MAX_PAGE_BYTES,
        }
    }
}

/// Repairs mojibake (UTF-8 read as Latin-1 / Windows-1252, `AÃ¶R` → `AöR`) in any text;
/// clean text comes back unchanged.
pub fn repair_mojibake(text: &str) -> String {
    mojibake::repair(text).into_owned()
}

/// Most mojibake warnings reported for one file; further lines are summed up in one more.
const MOJIBAKE_LINES_REPORTED: usize = 5;

/// Parses one file's text. `path` is relative to the content root and is used for the
/// fallbacks (slug, language, title) and in problems. `None` when the file is not a page.
pub fn parse_page(path: &Path, text: &str, options: &LoadOptions) -> (Option<Page>, Vec<Problem>) {
    let mut problems = Vec::new();
    if is_skipped(path, options) {
        return (None, problems);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    report_mojibake(path, text, &mut problems);
    let repaired = mojibake::repair(text);
    // A byte-order mark that was itself garbled (`ï»¿`) is one after repair.
    let text = repaired.strip_prefix('\u{feff}').unwrap_or(&repaired);
    let split = frontmatter::split(path, text, &mut problems);
    let fm = match split.yaml {
        Some(yaml) => frontmatter::parse(path, yaml, 2, &mut problems),
        None => FrontMatter::default(),
    };
    if fm.component.is_some() || (fm.locale.is_some() && !fm.has_title_or_slug) {
        return (None, problems);
    }
    let field_line = |key: &str| {
        split
            .yaml
            .and_then(|y| frontmatter::field_line(y, key))
            .map(|l| l + 1)
    };
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();

    let slug = match fm
        .slug
        .as_deref()
        .map(|s| s.trim().trim_matches('/').trim())
    {
        Some("") => {
            problems.push(with_line(
                Problem::error(path, "`slug` can't be empty")
                    .field("slug")
                    .fix(format!(
                        "give the page a slug, or remove the field to use the file name (`{stem}`)"
                    )),
                field_line("slug"),
            ));
            stem.clone()
        }
        Some(slug) if is_odd_slug(slug) => {
            let fallback = tame_slug(&stem);
            problems.push(with_line(
                Problem::warning(
                    path,
                    format!("`slug` is `{}`, which holds `..`, `/`, `\\` or a control character; `{fallback}` is used", slug.escape_debug()),
                )
                .field("slug")
                .fix("use letters, digits and `-` in the slug"),
                field_line("slug"),
            ));
            fallback
        }
        Some(slug) => slug.to_string(),
        None if is_odd_slug(&stem) => {
            let fallback = tame_slug(&stem);
            problems.push(
                Problem::warning(
                    path,
                    format!("the file name gives the slug `{}`, which holds `..`, `\\` or a control character; `{fallback}` is used", stem.escape_debug()),
                )
                .field("slug")
                .fix("rename the file, or give the page a `slug`"),
            );
            fallback
        }
        None => stem.clone(),
    };

    let language = language(path, &fm, options, &field_line, &mut problems);

    let body = markdown::parse_body(split.body, split.body_line);
    let title = match fm.title.as_deref().map(text::normalize_line) {
        Some(t) if !t.is_empty() => t,
        given => {
            if given.is_some() {
                problems.push(with_line(
                    Problem::warning(path, "`title` is empty")
                        .field("title")
                        .fix("give the page a title, or remove the field to use the first heading"),
                    field_line("title"),
                ));
            }
            body.title
                .clone()
                .unwrap_or_else(|| title_from_file_name(&stem))
        }
    };
    let mut sections = body.sections;
    add_front_matter_section(&mut sections, &fm, &title);
    let authors = byline(&sections, &fm.authors, &title);
    drop_unsafe_links(path, &mut sections, &mut problems);
    if let Some(first) = sections.first_mut().filter(|s| s.level == 0) {
        first.heading = title.clone();
        first.path = vec![title.clone()];
    }
    let url = options
        .page_url
        .replace("{lang}", &language)
        .replace("{slug}", &slug);
    let page = Page {
        language,
        slug,
        title,
        path: path.to_path_buf(),
        url,
        template: fm.template.or(fm.layout),
        date: fm
            .date
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty()),
        authors,
        sections,
    };
    (Some(page), problems)
}

/// A slug made safe: every `/`, `\`, control character and `..` becomes `-`.
fn tame_slug(slug: &str) -> String {
    let tamed: String = slug
        .replace("..", "-")
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    if tamed.is_empty() {
        "page".into()
    } else {
        tamed
    }
}

/// Removes every link that fails [`is_safe_link`] (its label stays in the text), and reports
/// each: a page never hands a `javascript:` or `data:` link to a transport.
fn drop_unsafe_links(path: &Path, sections: &mut [Section], problems: &mut Vec<Problem>) {
    let report = |url: &str, line: usize| {
        let shown: String = url.chars().take(60).collect();
        Problem::warning(
            path,
            format!(
                "the link `{}` is neither http(s), mailto nor relative; its label is shown as plain text",
                shown.escape_debug()
            ),
        )
        .at_line(line)
        .fix("link to an https:// address, or remove the link")
    };
    for section in sections {
        let line = section.line;
        section.links.retain(|link| {
            let safe = is_safe_link(&link.url);
            if !safe {
                problems.push(report(&link.url, line));
            }
            safe
        });
        for item in &mut section.items {
            if item.url.as_deref().is_some_and(|u| !is_safe_link(u)) {
                // The item's link is one of the section's links too: reported there.
                item.url = None;
            }
        }
    }
}

/// Puts the front matter's prose and link into the level-0 section (see the module docs).
/// The authors of [`FrontMatter::authors`] the page doesn't name: its byline, which the site
/// shows at the top (see [`Page::authors`]).
fn byline(sections: &[Section], authors: &[String], title: &str) -> Vec<String> {
    if authors.is_empty() {
        return Vec::new();
    }
    let mut said = title.to_lowercase();
    for section in sections {
        said.push('\n');
        said.push_str(&section.heading.to_lowercase());
        said.push('\n');
        said.push_str(&section.text.to_lowercase());
    }
    authors
        .iter()
        .filter(|name| !said.contains(&name.to_lowercase()))
        .cloned()
        .collect()
}

fn add_front_matter_section(sections: &mut Vec<Section>, fm: &FrontMatter, title: &str) {
    let mut prose = fm.prose.clone();
    if prose.is_empty() && !sections.iter().any(|s| !s.text.is_empty()) {
        prose.extend(fm.meta_description.clone());
    }
    if prose.is_empty() && fm.link.is_none() {
        return;
    }
    // Each string is a paragraph of its own; a leading block marker (`# `, `- `, `> `, `1.`)
    // is escaped so that a headline never turns into a heading or a list.
    let markdown: String = prose
        .iter()
        .map(|line| {
            let line = text::normalize_line(line);
            if line.starts_with(['#', '-', '*', '+', '>', '|']) {
                return format!("\\{line}\n\n");
            }
            let digits = line.chars().take_while(char::is_ascii_digit).count();
            match line[digits..].chars().next() {
                Some(c @ ('.' | ')')) if digits > 0 => {
                    format!("{}\\{c}{}\n\n", &line[..digits], &line[digits + 1..])
                }
                _ => format!("{line}\n\n"),
            }
        })
        .collect();
    let parsed = markdown::parse_body(&markdown, 1);
    let mut front = Section {
        heading: title.to_string(),
        path: vec![title.to_string()],
        level: 0,
        anchor: String::new(),
        line: 1,
        text: String::new(),
        links: Vec::new(),
        emails: Vec::new(),
        items: Vec::new(),
    };
    let mut lines: Vec<String> = Vec::new();
    for part in parsed.sections {
        lines.extend(
            part.heading
                .lines()
                .chain(part.text.lines())
                .filter(|l| !l.is_empty())
                .map(str::to_string),
        );
        front.links.extend(part.links);
        front.emails.extend(part.emails);
    }
    if let Some(url) = &fm.link {
        if lines.is_empty() && sections.first().is_none_or(|s| s.level != 0) {
            // Nothing else to say: the link, named by the title, is the text (as a markdown
            // link's text would be).
            lines.push(title.to_string());
        }
        if !front.links.iter().any(|l| &l.url == url) {
            front.links.push(Link {
                text: title.to_string(),
                url: url.clone(),
            });
        }
    }
    match sections.first_mut().filter(|s| s.level == 0) {
        Some(intro) => {
            lines.retain(|l| !intro.text.contains(l.as_str()));
            lines.extend(intro.text.lines().map(str::to_string));
            intro.text = lines.join("\n");
            front.links.append(&mut intro.links);
            intro.links = front.links;
            for email in std::mem::take(&mut intro.emails) {
                if !front.emails.iter().any(|e| e.eq_ignore_ascii_case(&email)) {
                    front.emails.push(email);
                }
            }
            intro.emails = front.emails;
        }
        None => {
            front.text = lines.join("\n");
            let mut seen = std::collections::HashSet::new();
            front.emails.retain(|e| seen.insert(e.to_lowercase()));
            sections.insert(0, front);
        }
    }
}

fn with_line(problem: Problem, line: Option<usize>) -> Problem {
    match line {
        Some(line) => problem.at_line(line),
        None => problem,
    }
}

/// Whether a folder of `path` is one of the skipped ones (`components/…`).
fn is_skipped(path: &Path, options: &LoadOptions) -> bool {
    let mut folders = path.components().collect::<Vec<_>>();
    folders.pop();
    folders.iter().any(|c| {
        options
            .skip_dirs
            .iter()
            .any(|s| c.as_os_str() == s.as_str())
    })
}

fn language(
    path: &Path,
    fm: &FrontMatter,
    options: &LoadOptions,
    field_line: &dyn Fn(&str) -> Option<usize>,
    problems: &mut Vec<Problem>,
) -> String {
    for (key, value) in [("language", &fm.language), ("locale", &fm.locale)] {
        let Some(value) = value else { continue };
        let lang = value.trim().to_lowercase();
        if lang.is_empty() {
            problems.push(with_line(
                Problem::warning(path, format!("`{key}` is empty"))
                    .field(key)
                    .fix(format!("write the page's language (e.g. `{key}: 'en'`), or remove the field to use the folder's language")),
                field_line(key),
            ));
            continue;
        }
        if !options.languages.contains(&lang) {
            problems.push(with_line(
                Problem::warning(
                    path,
                    format!(
                        "`{key}` is `{lang}`, which is not one of the configured languages ({})",
                        options.languages.join(", ")
                    ),
                )
                .field(key)
                .fix("use one of the configured languages, or add this one to the configuration"),
                field_line(key),
            ));
        }
        return lang;
    }
    let mut folders = path.components().collect::<Vec<_>>();
    folders.pop();
    folders
        .iter()
        .find_map(|c| {
            options
                .languages
                .iter()
                .find(|l| c.as_os_str() == l.as_str())
        })
        .cloned()
        .unwrap_or_else(|| options.default_language.clone())
}

/// `digital-sovereignty` → `Digital sovereignty`.
fn title_from_file_name(stem: &str) -> String {
    let spaced = text::normalize_line(&stem.replace(['-', '_'], " "));
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => stem.to_string(),
    }
}

fn report_mojibake(path: &Path, text: &str, problems: &mut Vec<Problem>) {
    if text.is_ascii() {
        return;
    }
    let mut lines = 0;
    let mut first_unreported = None;
    for (i, line) in text.lines().enumerate() {
        let Some(found) = mojibake::find(line) else {
            continue;
        };
        lines += 1;
        if lines > MOJIBAKE_LINES_REPORTED {
            first_unreported.get_or_insert(i + 1);
            continue;
        }
        problems.push(
            Problem::warning(
                path,
                format!(
                    "`{}` looks like UTF-8 text that was read as Latin-1/Windows-1252; it is shown as `{}`",
                    found.garbled, found.repaired
                ),
            )
            .at_line(i + 1)
            .fix(format!(
                "re-save the file as UTF-8; `{}` reads as `{}`",
                found.garbled, found.repaired
            )),
        );
    }
    if let Some(line) = first_unreported {
        problems.push(
            Problem::warning(
                path,
                format!(
                    "{} more lines look like UTF-8 text read as Latin-1/Windows-1252; they are repaired for display",
                    lines - MOJIBAKE_LINES_REPORTED
                ),
            )
            .at_line(line)
            .fix("re-save the file as UTF-8"),
        );
    }
}

/// Reads a file's bytes as text: UTF-8, with any invalid bytes read as Windows-1252 and
/// reported.
fn decode(path: &Path, bytes: &[u8], problems: &mut Vec<Problem>) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let mut text = String::with_capacity(bytes.len());
    let mut first_bad = None;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            // Counted once, at the first bad byte: counting at every invalid chunk made
            // decoding quadratic in the file's size.
            if first_bad.is_none() {
                first_bad = Some(text.matches('\n').count() + 1);
            }
            text.extend(chunk.invalid().iter().map(|&b| mojibake::windows_1252(b)));
        }
    }
    let mut problem = Problem::error(
        path,
        "the file is not valid UTF-8; its invalid bytes were read as Windows-1252",
    )
    .fix("re-save the file as UTF-8");
    if let Some(line) = first_bad {
        problem = problem.at_line(line);
    }
    problems.push(problem);
    text
}

/// Reads one file the walk found: resolved again and confined to the content folder, and never
/// more than `max_bytes` (a larger file is a problem, and only its size is looked at).
fn read_page(
    root: &Path,
    real_root: Option<&Path>,
    rel: &Path,
    max_bytes: u64,
) -> Result<Vec<u8>, Problem> {
    use std::io::Read;
    let cant_read = |err: std::io::Error| {
        Problem::error(rel, format!("the file can't be read: {err}"))
            .fix("check the file's permissions; the page is not served")
    };
    let real_root = real_root.ok_or_else(|| {
        Problem::error(rel, "the content folder can't be resolved; not read")
            .fix("check the content path")
    })?;
    let path = walk::resolve_inside(real_root, root, rel)?;
    let file = std::fs::File::open(&path).map_err(cant_read)?;
    let too_big = |size: u64| {
        Problem::error(
            rel,
            format!("the file has {size} bytes, more than `max_page_bytes` ({max_bytes}); skipped, not read"),
        )
        .field("max_page_bytes")
        .fix("split the page, or raise `max_page_bytes` in the config")
    };
    let size = file.metadata().map_err(cant_read)?.len();
    if size > max_bytes {
        return Err(too_big(size));
    }
    // The file may grow after the size was read: never take more than the limit.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cant_read)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads and parses one file the walk found: its page (`None` when it is no page or can't be
/// read) and its own problems.
fn read_file(
    root: &Path,
    real_root: Option<&Path>,
    rel: &Path,
    options: &LoadOptions,
) -> (Option<Page>, Vec<Problem>) {
    let bytes = match read_page(root, real_root, rel, options.max_page_bytes) {
        Ok(bytes) => bytes,
        Err(problem) => return (None, vec![problem]),
    };
    let mut problems = Vec::new();
    let text = decode(rel, &bytes, &mut problems);
    let (page, found) = parse_page(rel, &text, options);
    problems.extend(found);
    (page, problems)
}

/// Loads every `.md` file under `root`, recursively: every file read and parsed (see
/// [`load_dir_reusing`] for the load that reuses what an earlier one made of unchanged files).
pub fn load_dir(root: &Path, options: &LoadOptions) -> (Library, Vec<Problem>) {
    let loaded = load_dir_reusing(
        root,
        options,
        Err("a full load".into()),
        std::time::SystemTime::UNIX_EPOCH,
    );
    (loaded.library, loaded.problems)
}
