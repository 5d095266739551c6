//! YAML front matter: splitting it off the body and reading the fields the loader uses.
//!
//! Invariants:
//! - front matter exists only when the file's first line is `---`; it ends at the next line that
//!   is `---` (trailing spaces allowed). Later `---` lines belong to the body (thematic breaks);
//! - the body keeps its position: [`Split::body_line`] is the 1-based file line it starts on;
//! - every field is read on its own, so a field of the wrong type only loses that field; unknown
//!   fields are accepted; broken YAML loses the front matter, never the page;
//! - YAML line numbers in problems are file line numbers.
//! - [`FrontMatter::prose`] holds the text a reader sees on pages built from front matter alone
//!   (see [`prose`] for which keys count); it never holds URLs, paths, types or ids.

use super::problem::Problem;
use serde_yaml::Value;
use std::path::Path;

/// A file cut into front matter and body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the two `---` lines, if the file has front matter.
    pub yaml: Option<&'a str>,
    /// Everything after the closing `---` line (the whole text without front matter).
    pub body: &'a str,
    /// 1-based file line of the first body line.
    pub body_line: usize,
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

/// Cuts `text` into front matter and body. An opening `---` that is never closed is reported
/// and the whole file is read as body.
pub fn split<'a>(path: &Path, text: &'a str, problems: &mut Vec<Problem>) -> Split<'a> {
    let whole = Split {
        yaml: None,
        body: text,
        body_line: 1,
    };
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return whole;
    };
    if !is_fence(first) {
        return whole;
    }
    let yaml_start = first.len();
    let mut pos = yaml_start;
    let mut line_no = 1;
    for line in lines {
        line_no += 1;
        if is_fence(line) {
            return Split {
                yaml: Some(&text[yaml_start..pos]),
                body: &text[pos + line.len()..],
                body_line: line_no + 1,
            };
        }
        pos += line.len();
    }
    problems.push(
        Problem::error(path, "the front matter opened on line 1 is never closed")
            .at_line(1)
            .fix("add a line `---` after the last front matter field; the file is read as markdown without front matter"),
    );
    whole
}

/// The front matter fields the loader uses, each already checked to be text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub language: Option<String>,
    pub locale: Option<String>,
    pub slug: Option<String>,
    pub template: Option<String>,
    pub layout: Option<String>,
    pub date: Option<String>,
    pub permalink: Option<String>,
    pub title_slug: Option<String>,
    /// `component: footer`: the file describes a piece of the site layout, not a page.
    pub component: Option<String>,
    /// Whether a `title` or `slug` key is present at all (even if unusable).
    pub has_title_or_slug: bool,
    /// Human-readable text of the front matter, one entry per line (see [`prose`]).
    pub prose: Vec<String>,
    /// `meta.description`: what search engines show; used only for a page that shows nothing
    /// else (see [`prose`]).
    pub meta_description: Option<String>,
    /// A top-level `link` to an absolute `http(s)` URL (a press note's article).
    pub link: Option<String>,
    /// The names of `authors` (a list of maps with a `name`, of names, or one name): the
    /// page's byline.
    pub authors: Vec<String>,
}

/// Reads the front matter fields from `yaml`; `yaml_line` is the file line of its first line.
pub fn parse(
    path: &Path,
    yaml: &str,
    yaml_line: usize,
    problems: &mut Vec<Problem>,
) -> FrontMatter {
    let mut fm = FrontMatter::default();
    if yaml.trim().is_empty() {
        return fm;
    }
    let value: Value = match serde_yaml::from_str(yaml) {
        Ok(v) => v,
        Err(err) => {
            let line = err
                .location()
                .map(|l| l.line() + yaml_line - 1)
                .unwrap_or(yaml_line);
            let message = shift_lines(&err.to_string(), yaml_line - 1);
            problems.push(
                Problem::error(path, format!("the front matter is not valid YAML: {message}"))
                    .at_line(line)
                    .fix("correct the YAML (quote values that contain `:` or start with a special character); until then the page is served from its body with fallbacks for title, slug and language"),
            );
            return fm;
        }
    };
    let map = match value {
        Value::Mapping(map) => map,
        Value::Null => return fm,
        other => {
            problems.push(
                Problem::error(
                    path,
                    format!(
                        "the front matter must be `field: value` lines, not {}",
                        describe(&other)
                    ),
                )
                .at_line(yaml_line)
                .fix("write one `field: value` per line, e.g. `title: 'Network'`"),
            );
            return fm;
        }
    };
    let get = |key: &str, problems: &mut Vec<Problem>| -> Option<String> {
        let value = map.get(key)?;
        let line = field_line(yaml, key).map(|l| l + yaml_line - 1);
        match scalar_text(value) {
            Ok(text) => text.map(|t| {
                if matches!(value, Value::String(_)) {
                    t
                } else {
                    // Numbers and booleans: keep them as written where the line can be found.
                    raw_value(yaml, key).unwrap_or(t)
                }
            }),
            Err(found) => {
                let mut p = Problem::error(path, format!("`{key}` must be text, not {found}"))
                    .field(key)
                    .fix(format!(
                        "write it as a single quoted value, e.g. `{key}: '…'`; until then {}",
                        fallback_of(key)
                    ));
                if let Some(line) = line {
                    p = p.at_line(line);
                }
                problems.push(p);
                None
            }
        }
    };
    fm.title = get("title", problems);
    fm.language = get("language", problems);
    fm.locale = get("locale", problems);
    fm.slug = get("slug", problems);
    fm.template = get("template", problems);
    fm.layout = get("layout", problems);
    fm.date = get("date", problems);
    fm.permalink = get("permalink", problems);
    fm.title_slug = get("title_slug", problems);
    fm.component = get("component", problems);
    fm.has_title_or_slug = map.contains_key("title") || map.contains_key("slug");
    fm.prose = prose(&map);
    fm.meta_description = match map.get("meta") {
        Some(Value::Mapping(meta)) => meta.get("description").and_then(readable),
        _ => None,
    };
    fm.link = map
        .get("link")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|l| l.starts_with("https://") || l.starts_with("http://"))
        .map(str::to_string);
    fm.authors = map.get("authors").map(author_names).unwrap_or_default();
    fm
}

/// The names an `authors` value gives: `- name: 'Kurt Garloff'` (the site's form), `- Kurt
/// Garloff`, or one name; at most [`MAX_AUTHORS`], each of at most [`MAX_AUTHOR_CHARS`]
/// characters: a byline, not a place for text.
fn author_names(value: &Value) -> Vec<String> {
    let name = |v: &Value| match v {
        Value::Mapping(m) => m.get("name").and_then(readable),
        other => readable(other),
    };
    let names: Vec<Option<String>> = match value {
        Value::Sequence(list) => list.iter().map(name).collect(),
        other => vec![name(other)],
    };
    names
        .into_iter()
        .flatten()
        .filter(|n| !n.is_empty() && n.chars().count() <= MAX_AUTHOR_CHARS)
        .take(MAX_AUTHORS)
        .collect()
}

/// Most authors a byline names.
const MAX_AUTHORS: usize = 8;
/// Most characters of an author's name.
const MAX_AUTHOR_CHARS: usize = 80;

/// Heading-like keys: their values of one map are joined into one line.
const PROSE_HEADINGS: &[&str] = &["headline", "heading", "title", "subtitle"];
/// Text-like keys: each value is a line of its own.
const PROSE_TEXTS: &[&str] = &[
    "description",
    "summary",
    "excerpt",
    "intro",
    "lead",
    "teaser",
    "text",
    "journal",
];

/// The text a reader sees on a page built from its front matter (index, news and standards
/// pages of the SCS site, press notes), as lines in file order:
/// - top-level text keys (`description`, `intro_events`, `journal`, …) and headings
///   (`headline_events`), one line each, but not `title` (the page title already);
/// - everything under `sections`, recursively: per map, its heading keys joined into one line,
///   then each text key as a line; nested maps and lists (`boxes`, `personas`) follow.
///
/// `meta` is not read here: it is for search engines (and often not translated); the loader
/// falls back on `meta.description` ([`FrontMatter::meta_description`]) only for a page with no
/// other text.
///
/// A key counts by its first word without a numeric suffix (`headline1`, `text2`, `intro_press`
/// are `headline`, `text`, `intro`), unless another word of it names machinery (`title_slug`,
/// `text_url`: see [`NOT_PROSE`]). Values that aren't strings, or look like a
/// URL, a path or a file name, are skipped, as are keys not listed (`type`, `id`, `image`,
/// `href`, button labels like `more_button` or `label`) and `authors`. Exact repeats are dropped.
pub fn prose(map: &serde_yaml::Mapping) -> Vec<String> {
    let mut lines = Vec::new();
    map_prose(map, true, &mut lines);
    if let Some(sections) = map.get("sections") {
        nested_prose(sections, &mut lines);
    }
    let mut seen = std::collections::HashSet::new();
    lines.retain(|l| seen.insert(l.clone()));
    lines
}

/// Words in a key that mark a value as machinery, not prose (`title_slug`, `more_button`,
/// `image_alt_url`).
const NOT_PROSE: &[&str] = &[
    "slug",
    "url",
    "link",
    "href",
    "image",
    "img",
    "icon",
    "id",
    "type",
    "class",
    "style",
    "button",
    "date",
    "path",
    "file",
    "permalink",
    "layout",
    "template",
    "color",
];

/// The kind of prose a key holds (`Some(true)` for a heading), by its first word without a
/// numeric suffix (`headline1`, `intro_events`); `None` when it holds no prose.
fn prose_kind(key: &str) -> Option<bool> {
    let key = key.to_ascii_lowercase();
    let mut words = key.split(['_', '-']);
    let base = words.next().unwrap_or_default();
    let base = base.trim_end_matches(|c: char| c.is_ascii_digit());
    if words.any(|w| NOT_PROSE.contains(&w.trim_end_matches(|c: char| c.is_ascii_digit()))) {
        return None;
    }
    if PROSE_HEADINGS.contains(&base) {
        Some(true)
    } else if PROSE_TEXTS.contains(&base) {
        Some(false)
    } else {
        None
    }
}

/// A map's own prose: its heading keys as one line, then its text keys, one line each; at the
/// top level (unrelated fields of a page) every value is a line of its own, in file order.
fn map_prose(map: &serde_yaml::Mapping, top_level: bool, lines: &mut Vec<String>) {
    let mut heading = Vec::new();
    let mut texts = Vec::new();
    for (key, value) in map {
        let Some(key) = key.as_str() else { continue };
        if top_level && key.eq_ignore_ascii_case("title") {
            continue;
        }
        let Some(is_heading) = prose_kind(key) else {
            continue;
        };
        let Some(text) = readable(value) else {
            continue;
        };
        if top_level {
            lines.push(text);
        } else if is_heading {
            heading.push(text);
        } else {
            texts.push(text);
        }
    }
    if !heading.is_empty() {
        lines.push(heading.join(" "));
    }
    lines.extend(texts);
}

fn nested_prose(value: &Value, lines: &mut Vec<String>) {
    match value {
        Value::Sequence(items) => items.iter().for_each(|v| nested_prose(v, lines)),
        Value::Mapping(map) => {
            map_prose(map, false, lines);
            for (_, v) in map {
                if matches!(v, Value::Sequence(_) | Value::Mapping(_)) {
                    nested_prose(v, lines);
                }
            }
        }
        Value::Tagged(t) => nested_prose(&t.value, lines),
        _ => {}
    }
}

/// A string value a reader would see: not empty, not a URL, a path or a file name.
fn readable(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.trim(),
        Value::Tagged(t) => return readable(&t.value),
        _ => return None,
    };
    let one_word = !text.contains(char::is_whitespace);
    let looks_like_file = one_word
        && text.rsplit_once('.').is_some_and(|(stem, ext)| {
            !stem.is_empty()
                && (2..=5).contains(&ext.len())
                && ext.chars().all(|c| c.is_ascii_alphanumeric())
                && !ext.chars().all(|c| c.is_ascii_digit())
        });
    let is_link =
        text.contains("://") || text.starts_with("mailto:") || (one_word && text.starts_with('/'));
    (!text.is_empty() && !looks_like_file && !is_link).then(|| text.to_string())
}

/// What the loader uses when a field can't be read.
fn fallback_of(key: &str) -> &'static str {
    match key {
        "title" => "the first heading or the file name is the title",
        "slug" => "the file name is the slug",
        "language" | "locale" => "the language comes from the path or the default",
        _ => "the field is ignored",
    }
}

/// A scalar as text (`None` for null); `Err` names what was found instead.
fn scalar_text(value: &Value) -> Result<Option<String>, &'static str> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        Value::Number(n) => Ok(Some(n.to_string())),
        Value::Tagged(t) => scalar_text(&t.value),
        other => Err(describe(other)),
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a map",
        Value::Null => "nothing",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Tagged(_) => "a tagged value",
    }
}

/// The 1-based line (within `yaml`) of the top-level `key:`.
pub fn field_line(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|line| top_level_value(line, key).is_some())
        .map(|i| i + 1)
}

/// The text after `key:` on a top-level line, if `line` starts that key.
fn top_level_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    for quoted in [key.to_string(), format!("\"{key}\""), format!("'{key}'")] {
        if let Some(rest) = line.strip_prefix(quoted.as_str()) {
            let rest = rest.trim_start_matches([' ', '\t']);
            if let Some(value) = rest.strip_prefix(':') {
                return Some(value);
            }
        }
    }
    None
}

/// The value of a top-level `key:` as written on its line, without a trailing comment.
fn raw_value(yaml: &str, key: &str) -> Option<String> {
    let line = yaml.lines().find_map(|l| top_level_value(l, key))?;
    let value = match line.find(" #") {
        Some(i) => &line[..i],
        None => line,
    };
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// Adds `offset` to every `line N` in a YAML error message, so it names file lines.
fn shift_lines(message: &str, offset: usize) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(i) = rest.find("line ") {
        let (before, after) = rest.split_at(i + "line ".len());
        out.push_str(before);
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        match after[..digits].parse::<usize>() {
            Ok(n) => out.push_str(&(n + offset).to_string()),
            Err(_) => out.push_str(&after[..digits]),
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: (Option<&str>, &str, usize)) {
        let mut problems = Vec::new();
        let s = split(Path::new("x.md"), input, &mut problems);
        assert_eq!((s.yaml, s.body, s.body_line), expect, "splitting {input:?}");
    }

    #[test]
    fn only_the_first_two_fences_delimit_front_matter() {
        check(
            "---\ntitle: x\n---\n\nbody\n\n---\n\nmore\n",
            (Some("title: x\n"), "\nbody\n\n---\n\nmore\n", 4),
        );
    }

    #[test]
    fn file_without_front_matter_is_all_body() {
        check("# Title\n\n---\n", (None, "# Title\n\n---\n", 1));
    }

    #[test]
    fn front_matter_without_body_or_final_newline_is_read() {
        check("---\ntitle: x\n---", (Some("title: x\n"), "", 4));
    }

    #[test]
    fn crlf_fences_are_recognised() {
        check(
            "---\r\ntitle: x\r\n---\r\nbody\r\n",
            (Some("title: x\r\n"), "body\r\n", 4),
        );
    }

    #[test]
    fn unclosed_front_matter_is_reported_and_read_as_body() {
        let mut problems = Vec::new();
        let s = split(Path::new("x.md"), "---\ntitle: x\nbody\n", &mut problems);
        assert_eq!(s.yaml, None);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(1));
    }

    fn fields(yaml: &str) -> (FrontMatter, Vec<Problem>) {
        let mut problems = Vec::new();
        let fm = parse(Path::new("x.md"), yaml, 2, &mut problems);
        (fm, problems)
    }

    #[test]
    fn unquoted_and_quoted_dates_are_kept_as_written() {
        assert_eq!(
            fields("date: 2024-03-20\n").0.date.as_deref(),
            Some("2024-03-20")
        );
        assert_eq!(
            fields("date: '2024-03-20'\n").0.date.as_deref(),
            Some("2024-03-20")
        );
        assert_eq!(
            fields("date: \"2024-03-20\"\n").0.date.as_deref(),
            Some("2024-03-20")
        );
        assert_eq!(
            fields("date: 2024-03-20 10:00:00 +0100 # published\n")
                .0
                .date
                .as_deref(),
            Some("2024-03-20 10:00:00 +0100")
        );
        assert_eq!(fields("date: 2024.10\n").0.date.as_deref(), Some("2024.10"));
    }

    #[test]
    fn authors_are_read_as_names_in_any_of_their_forms() {
        for (yaml, names) in [
            (
                "authors:\n  - name: 'Ada Lindqvist'\n    image: a.png\n  - name: 'Tomas Berg'\n",
                vec!["Ada Lindqvist", "Tomas Berg"],
            ),
            ("authors:\n- Ada Lindqvist\n", vec!["Ada Lindqvist"]),
            ("authors: 'Ada Lindqvist'\n", vec!["Ada Lindqvist"]),
            ("authors:\n  - image: a.png\n  - name: 42\n", vec![]),
        ] {
            let (fm, problems) = fields(yaml);
            assert_eq!(fm.authors, names, "{yaml}");
            assert!(problems.is_empty(), "{problems:?}");
        }
    }

    #[test]
    fn broken_yaml_names_the_file_line() {
        let (_, problems) = fields("title: 'x'\nslug: [unclosed\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
        let p = &problems[0];
        assert!(p.is_error());
        assert!(p.message.contains("not valid YAML"), "{}", p.message);
        let line = p.line.unwrap();
        assert!((3..=4).contains(&line), "line {line}: {}", p.message);
        assert!(!p.message.contains("line 2 "), "{}", p.message);
    }

    #[test]
    fn wrong_type_names_the_field_and_keeps_the_others() {
        let (fm, problems) = fields("slug: s\ntitle: [a, b]\n");
        assert_eq!(fm.title, None);
        assert_eq!(fm.slug.as_deref(), Some("s"));
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field.as_deref(), Some("title"));
        assert_eq!(problems[0].line, Some(3));
        assert_eq!(problems[0].message, "`title` must be text, not a list");
    }

    #[test]
    fn comments_blank_lines_nested_values_and_unknown_fields_are_accepted() {
        let (fm, problems) = fields(
            "# a comment\ntitle: 'T'\n\nauthors:\n- name: 'A'\n  image: x.png\nmeta:\n    og: ''\nenableAnimation: true\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(fm.title.as_deref(), Some("T"));
    }

    #[test]
    fn shifted_messages_name_file_lines() {
        assert_eq!(
            shift_lines("did not find expected key at line 3 column 1, while parsing a block mapping at line 1 column 1", 1),
            "did not find expected key at line 4 column 1, while parsing a block mapping at line 2 column 1"
        );
    }
}
